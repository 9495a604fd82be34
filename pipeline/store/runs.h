// Runs in the store: the run log (schema/0003_runs.sql), the figures
// `newsrecon status` prints, consistent backups, and the size limit tests use
// to play a full disk. Free functions over an open Store (through
// StoreAccess), so store.h stays as it is.
//
// Takes: an open Store, a run's counts and outcome. Gives: run ids, the set of
// conflict ids, status figures, a verified backup file. Fails as the store
// does (kIoError, kBusy, kCorruption with the file and SQLite's message);
// BackupDatabase also with kInvalidArgument (the output exists and !force).
//
// Thread-safety: as Store: one thread per Store.
#ifndef NEWSRECON_PIPELINE_STORE_RUNS_H_
#define NEWSRECON_PIPELINE_STORE_RUNS_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/store/store.h"

namespace newsrecon {

// A run's counts (the runs table's columns of the same names).
struct RunCounts {
  int sources = 0;
  int sources_failed = 0;
  int documents = 0;
  int fetched = 0;
  int not_modified = 0;
  int articles_new = 0;
  int articles_changed = 0;
  int articles_unchanged = 0;
  int claims = 0;
  int conflicts = 0;
  int conflicts_new = 0;
  int agreements = 0;
  int failures = 0;
  int articles_copied = 0;  // documents that were copies of stored articles (Store::PutArticle)
};

// What a run row starts with.
struct RunStart {
  std::string run_uuid;    // 32 hex digits
  std::string started_at;  // "YYYY-MM-DDTHH:MM:SSZ"
  int64_t pid = 0;
  std::string version;
  std::string command;
};

// How a run ended: status is one of "ok", "partial", "failed".
struct RunEnd {
  std::string finished_at;  // "YYYY-MM-DDTHH:MM:SSZ"
  std::string status;
  int exit_code = 0;
  RunCounts counts;
  std::string message;  // the first failure; empty: none
};

// One source of a run (run_sources).
struct RunSourceRow {
  std::string source;
  std::string status;  // "ok", "partial", "failed"
  int documents = 0;
  int failures = 0;
  int articles_new = 0;
  int articles_changed = 0;
  std::string message;
};

// Marks every run still 'running' as 'interrupted'; returns how many.
// REQUIRES: the caller holds the run lock, so none of them is alive.
StatusOr<int> MarkInterruptedRuns(Store* store);

// Inserts a 'running' row; returns its id.
StatusOr<int64_t> BeginRun(Store* store, const RunStart& start);

// Completes the row of `run_id`.
Status EndRun(Store* store, int64_t run_id, const RunEnd& end);

// Records one source of a run.
Status AddRunSource(Store* store, int64_t run_id, const RunSourceRow& row);

// Whether an article with this identity (url if non-empty, else path; as
// Store::PutArticle) is stored.
StatusOr<bool> ArticleStored(const Store& store, std::string_view url, std::string_view path);

// The ids of the stored conflicts.
StatusOr<std::set<std::string>> ConflictIds(const Store& store);

// How many conflicts and agreements the store holds.
struct FindingCounts {
  int64_t conflicts = 0, agreements = 0;
};
StatusOr<FindingCounts> CountFindings(const Store& store);

// Caps the file at `pages` pages (PRAGMA max_page_count) for this connection:
// writes past it fail with kIoError ("database or disk is full"), as on a full
// disk. For tests (NEWSRECON_MAX_PAGE_COUNT); 0 leaves the limit as it is.
Status LimitPageCount(Store* store, int64_t pages);

// What `newsrecon status` shows.
struct RunRow {
  int64_t id = 0;
  std::string run_uuid, started_at, finished_at, status, command, message;
  std::optional<int64_t> exit_code;
  RunCounts counts;
};
struct SourceHealthRow {
  std::string source, last_run_at, last_success_at, last_failure, last_new_article_at;
  int64_t runs = 0, failures_in_a_row = 0, articles_new = 0, days_without_new_article = 0;
  bool stale = false;
  // Web sources: the last HTTP status of the source URL (0: none) and the
  // class of its last failure ("temporary", "soft", "hard"; empty: none).
  int64_t last_http_status = 0;
  std::string last_failure_class;
};
struct StoreStatus {
  int schema_version = 0;
  int64_t database_bytes = 0;  // page_count * page_size (the WAL not included)
  int64_t articles = 0, claims = 0, conflicts = 0, agreements = 0;
  int64_t copies = 0;                      // documents recorded in article_copies
  int64_t near_copies = 0;                 // articles that nearly copy another (story_id set)
  std::vector<RunRow> runs;                // newest first
  std::vector<SourceHealthRow> unhealthy;  // failing (failures_in_a_row > 0) or stale
};
// The last `max_runs` runs and the store's figures.
StatusOr<StoreStatus> LoadStoreStatus(const Store& store, int max_runs);

// Writes a consistent copy of the live database to `out` with SQLite's online
// backup API (other processes may keep writing), then runs PRAGMA
// integrity_check on the copy. Fails: kInvalidArgument when `out` exists and
// !force; kIoError when it cannot be written; kCorruption when the copy's
// integrity check fails (the copy is removed).
Status BackupDatabase(const Store& store, const std::string& out, bool force);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_STORE_RUNS_H_
