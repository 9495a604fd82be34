// newsrecon ingest: load, parse, extract, store and reconcile.
#include <iostream>
#include <memory>

#include "pipeline/run/run.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

struct IngestOptions {
  std::string db = "newsrecon.db";
  std::vector<std::string> paths;
  LocalOverrides overrides;
  std::string published;
  bool strict = false;
};

int RunIngest(const IngestOptions& o) {
  StatusOr<std::optional<CivilDate>> published = ParsePublished(o.published);
  if (!published.ok()) return Fail(published.status());
  LocalOverrides overrides = o.overrides;
  overrides.published = *published;
  StatusOr<Store> store = Store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<IngestSummary> summary = Ingest(o.paths, overrides, &*store, std::cerr);
  if (!summary.ok()) return Fail(summary.status());
  if (summary->NothingRead()) {
    std::cerr << "newsrecon: error: no document could be read\n";
    return ExitFor(summary->first_error);
  }
  if (summary->AnyFailed() && o.strict) return kExitPartial;
  return kExitOk;
}

}  // namespace

Command AddIngestCommand(CLI::App& root) {
  auto o = std::make_shared<IngestOptions>();
  CLI::App* app = root.add_subcommand(
      "ingest", "Load, parse, extract, store and reconcile articles from files or folders.");
  app->add_option("--db", o->db, "SQLite database file (created if missing)")
      ->capture_default_str();
  app->add_option("paths", o->paths,
                  "Files, or folders (with a manifest.json giving outlet, URL, title and "
                  "publication date per file, or without: every .txt/.html in it)")
      ->required();
  app->add_option("--published", o->published, "Publication date YYYY-MM-DD (single files)");
  app->add_option("--outlet", o->overrides.outlet, "Outlet name (single files)");
  app->add_option("--url", o->overrides.url, "Article URL (single files)");
  app->add_option("--title", o->overrides.title, "Article title (single files)");
  app->add_flag("--strict", o->strict, "Exit 1 when any input failed");
  return {app, [o] { return RunIngest(*o); }};
}

}  // namespace newsrecon::cli
