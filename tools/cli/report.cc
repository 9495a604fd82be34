// newsrecon report: conflicts, then agreements, from the database.
#include <iostream>
#include <memory>

#include "pipeline/report/report.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

struct ReportOptions {
  std::string db = "newsrecon.db";
  std::string format = "text";
};

int RunReport(const ReportOptions& o) {
  std::optional<ReportFormat> format = ParseReportFormat(o.format);
  if (!format) return Fail(Status::InvalidArgument("--format: unknown format " + o.format));
  if (Status s = RequireDatabase(o.db); !s.ok()) return Fail(s);
  StatusOr<Store> store = Store::Open(o.db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<Findings> findings = store->LoadFindings();
  if (!findings.ok()) return Fail(findings.status());
  std::cout << RenderReport(*findings, *format);
  return kExitOk;
}

}  // namespace

Command AddReportCommand(CLI::App& root) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* app =
      root.add_subcommand("report", "Print conflicts, then agreements, from the database.");
  app->add_option("--db", o->db, "SQLite database file")->capture_default_str();
  app->add_option("--format", o->format, "text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  return {app, [o] { return RunReport(*o); }};
}

}  // namespace newsrecon::cli
