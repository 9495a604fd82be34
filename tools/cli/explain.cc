// newsrecon explain: why newsrecon says what it says about a claim or a
// conflict.
#include "pipeline/report/explain.h"

#include <iostream>
#include <memory>

#include "pipeline/store/store.h"
#include "tools/cli/cli.h"
#include "tools/cli/desk_data.h"

namespace newsrecon::cli {
namespace {

struct ExplainOptions {
  DatabaseOptions database;
  std::string id;
  std::string format = "text";
};

int RunExplain(const ExplainOptions& o) {
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  const std::string& db = opened->path;
  Store& store = opened->store;
  const bool is_claim = !o.id.empty() && o.id.find_first_not_of("0123456789") == std::string::npos;
  StatusOr<DeskView> view = LoadDeskView(store, is_claim);
  if (!view.ok()) return Fail(view.status());
  nlohmann::json j;
  if (is_claim) {
    const int64_t id = std::stoll(o.id);
    for (const StoredClaim& c : view->claims)
      if (c.id == id) j = ExplainClaim(c, view->findings);
  } else {
    for (const Conflict& c : view->findings.conflicts)
      if (c.id == o.id) j = ExplainConflict(c, HistoryOf(view->reviews, c.id), view->findings);
  }
  if (j.is_null()) {
    return Fail(Status::NotFound(db + ": no " + (is_claim ? "claim " : "conflict ") + o.id +
                                 " (a claim id is a number, a conflict id c + 12 hex digits; "
                                 "see `newsrecon report`)"));
  }
  if (o.format == "json")
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else
    std::cout << ExplainText(j);
  return kExitOk;
}

}  // namespace

Command AddExplainCommand(CLI::App& root) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* app = root.add_subcommand(
      "explain",
      "Explain a claim (rule, value, hedge band, anchor date, key, as-of) or a conflict (both "
      "claims, why compared, severity, review history).");
  app->add_option("id", o->id, "A claim id (a number) or a conflict id (c + 12 hex digits)")
      ->required();
  app->add_option("--format", o->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddDatabaseOptions(app, &o->database);
  return {app, [o] { return RunExplain(*o); }};
}

}  // namespace newsrecon::cli
