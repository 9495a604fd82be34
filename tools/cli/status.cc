// newsrecon status: the last runs, what the store holds, failing and stale
// sources, the file's size and schema version.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/core/plural.h"
#include "pipeline/store/runs.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"
#include "tools/cli/config.h"

namespace newsrecon::cli {
namespace {

struct StatusOptions {
  DatabaseOptions database;
  std::string format = "text";
  int runs = 10;
};

nlohmann::json CountsJson(const RunCounts& c) {
  return {{"sources", c.sources},
          {"sources_failed", c.sources_failed},
          {"documents", c.documents},
          {"fetched", c.fetched},
          {"not_modified", c.not_modified},
          {"articles_new", c.articles_new},
          {"articles_changed", c.articles_changed},
          {"articles_unchanged", c.articles_unchanged},
          {"articles_copied", c.articles_copied},
          {"claims", c.claims},
          {"conflicts", c.conflicts},
          {"conflicts_new", c.conflicts_new},
          {"agreements", c.agreements},
          {"failures", c.failures}};
}

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

void PrintJson(const std::string& db, const StoreStatus& st) {
  nlohmann::json j;
  j["database"] = db;
  j["schema_version"] = st.schema_version;
  j["database_bytes"] = st.database_bytes;
  j["articles"] = st.articles;
  j["claims"] = st.claims;
  j["conflicts"] = st.conflicts;
  j["agreements"] = st.agreements;
  j["article_copies"] = st.copies;
  j["article_near_copies"] = st.near_copies;
  j["runs"] = nlohmann::json::array();
  for (const RunRow& r : st.runs) {
    nlohmann::json run = {{"id", r.id},
                          {"run_uuid", r.run_uuid},
                          {"started_at", r.started_at},
                          {"finished_at", OrNull(r.finished_at)},
                          {"status", r.status},
                          {"exit_code", r.exit_code ? nlohmann::json(*r.exit_code) : nullptr},
                          {"command", r.command},
                          {"message", OrNull(r.message)},
                          {"counts", CountsJson(r.counts)}};
    j["runs"].push_back(run);
  }
  j["unhealthy_sources"] = nlohmann::json::array();
  for (const SourceHealthRow& h : st.unhealthy) {
    j["unhealthy_sources"].push_back(
        {{"source", h.source},
         {"runs", h.runs},
         {"last_run_at", OrNull(h.last_run_at)},
         {"last_success_at", OrNull(h.last_success_at)},
         {"failures_in_a_row", h.failures_in_a_row},
         {"last_failure", OrNull(h.last_failure)},
         {"last_new_article_at", OrNull(h.last_new_article_at)},
         {"days_without_new_article", h.days_without_new_article},
         {"stale", h.stale},
         {"last_http_status",
          h.last_http_status > 0 ? nlohmann::json(h.last_http_status) : nlohmann::json(nullptr)},
         {"last_failure_class", OrNull(h.last_failure_class)}});
  }
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void PrintText(const std::string& db, const StoreStatus& st) {
  std::cout << db << ": schema version " << st.schema_version << ", " << st.database_bytes
            << " bytes; " << st.articles << " articles";
  if (st.near_copies > 0 || st.copies > 0) {
    std::cout << " (";
    if (st.near_copies > 0)
      std::cout << st.near_copies << " of them "
                << (st.near_copies == 1 ? "a near copy" : "near copies") << " of another";
    if (st.near_copies > 0 && st.copies > 0) std::cout << "; ";
    if (st.copies > 0) std::cout << "and " << Plural(st.copies, "copy", "copies") << " of them";
    std::cout << ")";
  }
  std::cout << ", " << st.claims << " claims, " << st.conflicts << " conflicts, " << st.agreements
            << " agreements\n";
  std::cout << "\nLast runs (newest first):\n";
  if (st.runs.empty()) std::cout << "  none\n";
  for (const RunRow& r : st.runs) {
    const RunCounts& c = r.counts;
    std::cout << "  #" << r.id << " " << r.started_at << " "
              << (r.finished_at.empty() ? "(not finished)" : "→ " + r.finished_at) << " "
              << r.status;
    if (r.exit_code) std::cout << " (exit " << *r.exit_code << ")";
    std::cout << ": " << c.documents << " documents, " << c.articles_new << " new, "
              << c.articles_changed << " changed, " << c.articles_unchanged << " unchanged, ";
    if (c.articles_copied > 0) std::cout << Plural(c.articles_copied, "copy", "copies") << ", ";
    std::cout << c.claims << " claims, " << c.conflicts << " conflicts (" << c.conflicts_new
              << " new), " << c.failures << " failures\n";
    if (!r.message.empty()) std::cout << "      " << r.message << "\n";
  }
  std::cout << "\nFailing or stale sources:\n";
  if (st.unhealthy.empty()) std::cout << "  none\n";
  for (const SourceHealthRow& h : st.unhealthy) {
    std::cout << "  " << h.source << ": ";
    if (h.failures_in_a_row > 0) std::cout << h.failures_in_a_row << " failing run(s) in a row";
    if (!h.last_failure_class.empty()) std::cout << " (" << h.last_failure_class << " failure";
    if (!h.last_failure_class.empty() && h.last_http_status > 0)
      std::cout << ", HTTP " << h.last_http_status;
    if (!h.last_failure_class.empty()) std::cout << ")";
    if (h.failures_in_a_row > 0 && h.stale) std::cout << "; ";
    if (h.stale) std::cout << "no new article for " << h.days_without_new_article << " days";
    std::cout << " (last success: " << (h.last_success_at.empty() ? "never" : h.last_success_at)
              << ")\n";
    if (!h.last_failure.empty()) std::cout << "      " << h.last_failure << "\n";
  }
}

int RunStatus(const StatusOptions& o) {
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  const std::string& db = opened->path;
  Store& store = opened->store;
  StatusOr<StoreStatus> st = LoadStoreStatus(store, o.runs);
  if (!st.ok()) return Fail(st.status());
  if (o.format == "json") {
    PrintJson(db, *st);
  } else {
    PrintText(db, *st);
  }
  return kExitOk;
}

}  // namespace

Command AddStatusCommand(CLI::App& root) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* app = root.add_subcommand(
      "status",
      "Print the last runs, the store's counts, failing or stale sources, the file's "
      "size and schema version.");
  AddDatabaseOptions(app, &o->database);
  app->add_option("--format", o->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_option("--runs", o->runs, "How many runs to show (default 10)")
      ->check(CLI::Range(1, 100000));
  return {app, [o] { return RunStatus(*o); }};
}

}  // namespace newsrecon::cli
