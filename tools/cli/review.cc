// newsrecon review: a reviewer's verdict on a conflict, appended to its
// history (reviews are never updated or deleted).
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>

#include "pipeline/core/names.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

struct ReviewOptions {
  DatabaseOptions database;
  std::string conflict_id;
  std::string verdict;
  std::string note;
  std::string reviewer;
  std::string at;
};

// The wall clock, read here at the edge: "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int RunReview(const ReviewOptions& o) {
  std::optional<ReviewStatus> verdict = ParseReviewStatus(o.verdict);
  if (!verdict) return Fail(Status::InvalidArgument("--verdict: unknown verdict " + o.verdict));
  std::string reviewer = o.reviewer;
  if (reviewer.empty()) {
    const char* user = std::getenv("USER");
    if (user != nullptr) reviewer = user;
  }
  const std::string at = o.at.empty() ? NowUtc() : o.at;
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  Store& store = opened->store;
  if (Status s = store.AddReview(o.conflict_id, *verdict, o.note, reviewer, at); !s.ok())
    return Fail(s);
  std::cerr << "newsrecon: " << o.conflict_id << " is now " << Name(*verdict) << " ("
            << (reviewer.empty() ? "no reviewer named" : "by " + reviewer) << ", " << at << ")\n";
  return kExitOk;
}

}  // namespace

Command AddReviewCommand(CLI::App& root) {
  auto o = std::make_shared<ReviewOptions>();
  CLI::App* app = root.add_subcommand(
      "review",
      "Record a verdict on a conflict (appended to its history; the latest verdict is its "
      "status).");
  app->add_option("conflict", o->conflict_id, "Conflict id (c + 12 hex digits, see report)")
      ->required();
  app->add_option("--verdict", o->verdict, "confirmed, dismissed, needs-work, or open (to reopen)")
      ->required()
      ->check(CLI::IsMember({"confirmed", "dismissed", "needs-work", "open"}));
  app->add_option("--note", o->note, "Why (stored with the verdict)")->required();
  app->add_option("--reviewer", o->reviewer, "Who reviews (default: $USER)");
  app->add_option("--at", o->at, "Review time YYYY-MM-DDTHH:MM:SSZ in UTC (default: now)");
  AddDatabaseOptions(app, &o->database);
  return {app, [o] { return RunReview(*o); }};
}

}  // namespace newsrecon::cli
