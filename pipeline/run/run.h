// The run loop: calls the stages in order and records what each returned
// (guide §1). It owns no logic of its own beyond sequencing and counting.
//
// An IngestRun is the part every document source shares: the run's row in
// the store (schema/0003_runs.sql), the logger, the counts, and the
// reconcile at the end. A source (local paths here; feeds and sites later)
// hands it one RawDocument at a time:
//
//   StatusOr<IngestRun> run = IngestRun::Begin(&store, &logger, info);
//   run->BeginSource("corpus/");
//   for (each document) run->ProcessDocument(doc, origin);  // or DocumentFailed
//   run->EndSource();
//   StatusOr<IngestSummary> summary = run->Finish();        // reconcile
//   run->Record(exit_code);                                  // the run row's end
//
// Takes: an open store, a logger, raw documents. Gives: a summary, one log
// event per document, a row in `runs` and one in `run_sources` per source.
// Expected failures of one document (unreadable, empty, invalid UTF-8, no
// text) are logged and counted; the run goes on. Fails (a Status) only when
// the store cannot be written or the rules cannot be loaded; the caller then
// records the failure with Record and stops.
//
// Crash safety: each article is stored in its own transaction and the
// findings are replaced in one, so a run killed at any point leaves a
// consistent file; the next run reads the same sources again, skips what is
// stored already (Store::PutArticle writes nothing then) and reconciles
// everything, which completes the killed run's work. The caller holds the
// run lock (pipeline/run/lock.h) for the whole run; with it, Begin marks runs
// left 'running' by a killed process as 'interrupted'.
//
// Thread-safety: one IngestRun per thread, as Store.
#ifndef NEWSRECON_PIPELINE_RUN_RUN_H_
#define NEWSRECON_PIPELINE_RUN_RUN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/finding.h"
#include "pipeline/core/status.h"
#include "pipeline/fetch/local_source.h"
#include "pipeline/run/logger.h"
#include "pipeline/store/store.h"

namespace newsrecon {

class Extractor;

struct IngestSummary {
  int64_t run_id = 0;        // runs.id
  std::string run_uuid;      // runs.run_uuid, the log's run_id
  int sources = 0;           // paths (or feeds) given
  int sources_failed = 0;    // paths that could not be read at all
  int documents = 0;         // documents found in them
  int documents_failed = 0;  // documents that could not be read, parsed or extracted
  int fetched = 0;           // documents fetched over the network (0 for files)
  int not_modified = 0;      // fetches answered 304
  int articles_new = 0;      // articles stored for the first time
  int articles_changed = 0;  // articles new or changed in the store (new ones included)
  int articles_unchanged = 0;
  int articles_copied = 0;  // the text of a stored article under another identity: not stored
  int claims = 0;           // claims of the documents read in this run
  int conflicts = 0;        // conflicts in the store after reconciling
  int conflicts_new = 0;    // of those, not in the store before this run
  int agreements = 0;
  Status first_error;  // the first source or document failure, if any
  bool AnyFailed() const { return sources_failed > 0 || documents_failed > 0; }
  // Every source failed, or every document found did (and none was answered
  // 304): the run brought nothing in. Sources that listed nothing new are
  // not a failure.
  bool NothingRead() const {
    return sources > 0 && (sources_failed == sources ||
                           (documents > 0 && documents_failed == documents && not_modified == 0));
  }
};

// What the run row records about the invocation.
struct RunInfo {
  std::string version;  // newsrecon's version
  std::string command;  // the invocation, e.g. "ingest --db x.db corpus/"
  int64_t pid = 0;
  std::string run_uuid;  // empty: a random one
  // True when the caller holds the run lock: runs left 'running' are then
  // surely dead, and Begin marks them 'interrupted'.
  bool holds_lock = false;
};

class IngestRun {  // move-only
 public:
  // Loads the rules, marks dead runs (info.holds_lock) and records this run's
  // start. Fails: the store's errors; kCorruption/kInvalidArgument when the
  // embedded rules do not load.
  static StatusOr<IngestRun> Begin(Store* store, Logger* log, const RunInfo& info);

  IngestRun(IngestRun&&) noexcept;
  IngestRun& operator=(IngestRun&&) noexcept;
  ~IngestRun();

  // Sources: counts and run_sources rows are kept per source.
  void BeginSource(std::string_view source);
  // The whole source failed (missing path, bad manifest, unreachable feed).
  void SourceFailed(const Status& why);
  // Records the current source's row. Fails: the store's errors.
  Status EndSource();

  // Parses, extracts and stores one document; logs and counts the outcome.
  // `origin` names it in messages (a path or URL). A document that cannot be
  // parsed or extracted is a counted failure (returns OK); a non-OK Status
  // means the store failed and the run must stop.
  Status ProcessDocument(const RawDocument& doc, std::string_view origin);
  // A document the source could not deliver (unreadable file, HTTP error).
  void DocumentFailed(std::string_view origin, const Status& why);
  // A fetch over the network, answered 304 when not_modified (web sources).
  void CountFetch(bool not_modified);
  // Progress over the current source's `total` documents.
  void Progress(int done, int total, std::string_view what);

  // Reconciles every claim in the store, records the findings and logs the
  // summary line. Fails: the store's errors.
  StatusOr<IngestSummary> Finish();

  // Writes the run row's end: status 'ok', 'partial' (some failures) or
  // 'failed' (when `fatal` is not OK: what stopped the run), with the
  // process's exit code. Fails: the store's errors.
  Status Record(int exit_code, const Status& fatal = Status::Ok());

  const IngestSummary& summary() const { return summary_; }

 private:
  struct SourceCounts;
  IngestRun(Store* store, Logger* log, std::unique_ptr<Extractor> extractor);
  void Fail(std::string_view origin, const Status& why);

  Store* store_;
  Logger* log_;
  std::unique_ptr<Extractor> extractor_;
  std::unique_ptr<SourceCounts> source_;
  IngestSummary summary_;
  std::set<std::string> conflicts_before_;  // conflict ids when the run began
};

// Reconciles the store's pending claim keys (store.h: the reconcile queue)
// a batch at a time, so memory follows the batch, not the store; then ranks
// the findings. `written`, if set, sees each batch's findings once stored.
// Fails: the store's errors (the keys not yet done stay queued).
Status ReconcilePending(Store* store,
                        const std::function<void(const Findings&)>& written = nullptr);

// Runs every document of local `paths` (files, or folders with or without a
// manifest.json) through `run`, one source a path. Fails: the store's errors.
Status IngestLocal(const std::vector<std::string>& paths, const LocalOverrides& overrides,
                   IngestRun* run);

// The whole run for library callers and tests: Begin (no lock, plain text
// log on `log`), IngestLocal, Finish, Record. Reconciles all claims in the
// store and records the findings.
StatusOr<IngestSummary> Ingest(const std::vector<std::string>& paths,
                               const LocalOverrides& overrides, Store* store, std::ostream& log);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RUN_RUN_H_
