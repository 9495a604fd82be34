#include "pipeline/run/run.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <utility>

#include "pipeline/core/plural.h"
#include "pipeline/extract/extract.h"
#include "pipeline/parse/parse.h"
#include "pipeline/reconcile/reconcile.h"
#include "pipeline/store/runs.h"
#include "pipeline/store/web.h"

namespace newsrecon {

struct IngestRun::SourceCounts {
  std::string source;
  int documents = 0;
  int failures = 0;
  int articles_new = 0;
  int articles_changed = 0;
  bool failed_whole = false;
  Status first_error;
};

namespace {

// Claim keys reconciled at once at the end of a run (their claims and
// findings are what the run holds in memory then).
constexpr size_t kKeysPerReconcile = 256;

std::string RandomUuid() {
  std::random_device rd;
  std::string out;
  char buf[9];
  for (int i = 0; i < 4; ++i) {
    std::snprintf(buf, sizeof(buf), "%08x", static_cast<unsigned>(rd()));
    out += buf;
  }
  return out;
}

int64_t MillisBetween(std::chrono::system_clock::time_point a,
                      std::chrono::system_clock::time_point b) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

// The article's date witnesses (which one was chosen) and web metadata,
// written only when they differ from what is stored, so that ingesting the
// same article again leaves the file as it was.
Status PutWebMeta(Store* store, int64_t article_id, bool changed, const ArticleMeta& meta) {
  std::optional<size_t> chosen;
  for (size_t i = 0; i < meta.date_witnesses.size(); ++i) {
    const DateWitness& w = meta.date_witnesses[i];
    if (w.method == meta.published_method && w.date == meta.published) {
      chosen = i;
      break;
    }
  }
  bool same = !changed;
  if (same) {
    StatusOr<StoredWitnesses> stored = LoadDateWitnesses(*store, article_id);
    if (!stored.ok()) return stored.status();
    same = stored->chosen_index == chosen &&
           stored->witnesses.size() == meta.date_witnesses.size() &&
           std::equal(stored->witnesses.begin(), stored->witnesses.end(),
                      meta.date_witnesses.begin(), [](const DateWitness& a, const DateWitness& b) {
                        return a.method == b.method && a.where == b.where && a.raw == b.raw &&
                               a.date == b.date && a.modified == b.modified;
                      });
  }
  if (same) return Status::Ok();
  if (Status s = PutDateWitnesses(store, article_id, meta.date_witnesses, chosen); !s.ok())
    return s;
  return PutArticleWebMeta(store, article_id, meta.byline, meta.charset, meta.charset_method,
                           meta.dates_disagree);
}

}  // namespace

IngestRun::IngestRun(Store* store, Logger* log, std::unique_ptr<Extractor> extractor)
    : store_(store), log_(log), extractor_(std::move(extractor)) {}
IngestRun::IngestRun(IngestRun&&) noexcept = default;
IngestRun& IngestRun::operator=(IngestRun&&) noexcept = default;
IngestRun::~IngestRun() = default;

Status ReconcilePending(Store* store, const std::function<void(const Findings&)>& written) {
  StatusOr<std::vector<ClaimKey>> keys = store->PendingKeys();
  if (!keys.ok()) return keys.status();
  for (size_t first = 0; first < keys->size(); first += kKeysPerReconcile) {
    const auto end = static_cast<std::ptrdiff_t>(std::min(keys->size(), first + kKeysPerReconcile));
    const std::vector<ClaimKey> batch(keys->begin() + static_cast<std::ptrdiff_t>(first),
                                      keys->begin() + end);
    StatusOr<std::vector<StoredClaim>> claims = store->LoadClaimsOfKeys(batch);
    if (!claims.ok()) return claims.status();
    const Findings findings = Reconcile(*claims);
    if (Status s = store->ReplaceFindingsOfKeys(batch, findings); !s.ok()) return s;
    if (written) written(findings);
  }
  return store->RankFindings();
}

StatusOr<IngestRun> IngestRun::Begin(Store* store, Logger* log, const RunInfo& info) {
  StatusOr<Extractor> extractor = Extractor::Load();
  if (!extractor.ok()) return extractor.status();
  if (info.holds_lock) {
    StatusOr<int> dead = MarkInterruptedRuns(store);
    if (!dead.ok()) return dead.status();
    if (*dead > 0) {
      log->Log(LogEvent(LogLevel::kWarning, "runs_interrupted",
                        std::to_string(*dead) +
                            " earlier run(s) had been killed before their end; this run "
                            "completes their work")
                   .Status("interrupted"));
    }
  }
  RunStart start;
  start.run_uuid = info.run_uuid.empty() ? RandomUuid() : info.run_uuid;
  start.started_at = FormatUtc(log->Now());
  start.pid = info.pid;
  start.version = info.version;
  start.command = info.command;
  StatusOr<int64_t> id = BeginRun(store, start);
  if (!id.ok()) return id.status();
  IngestRun run(store, log, std::make_unique<Extractor>(std::move(*extractor)));
  // What "new" conflicts are new against: the store before this run wrote
  // anything (storing a changed article drops the findings of its old claims).
  StatusOr<std::set<std::string>> before = ConflictIds(*store);
  if (!before.ok()) return before.status();
  run.conflicts_before_ = std::move(*before);
  run.summary_.run_id = *id;
  run.summary_.run_uuid = start.run_uuid;
  log->set_run_id(start.run_uuid);
  log->Log(
      LogEvent(LogLevel::kDebug, "run_start", "run " + start.run_uuid + " started: " + info.command)
          .Status("running"));
  return run;
}

void IngestRun::BeginSource(std::string_view source) {
  ++summary_.sources;
  source_ = std::make_unique<SourceCounts>();
  source_->source = std::string(source);
}

void IngestRun::SourceFailed(const Status& why) {
  if (!source_) BeginSource("");
  ++summary_.sources_failed;
  source_->failed_whole = true;
  if (source_->first_error.ok()) source_->first_error = why;
  if (summary_.first_error.ok()) summary_.first_error = why;
  log_->Log(LogEvent(LogLevel::kError, "source_failed", why.message())
                .Source(source_->source)
                .Status("failed"));
}

Status IngestRun::EndSource() {
  if (!source_) return Status::Ok();
  SourceCounts s = std::move(*source_);
  source_.reset();
  RunSourceRow row;
  row.source = s.source;
  row.documents = s.documents;
  row.failures = s.failed_whole ? 1 : s.failures;
  row.articles_new = s.articles_new;
  row.articles_changed = s.articles_changed;
  row.message = s.first_error.ok() ? "" : s.first_error.message();
  if (s.failed_whole || (s.documents > 0 && s.failures == s.documents)) {
    row.status = "failed";
  } else if (s.failures > 0) {
    row.status = "partial";
  } else {
    row.status = "ok";
  }
  return AddRunSource(store_, summary_.run_id, row);
}

void IngestRun::Fail(std::string_view origin, const Status& why) {
  ++summary_.documents_failed;
  if (source_) {
    ++source_->failures;
    if (source_->first_error.ok()) source_->first_error = why;
  }
  if (summary_.first_error.ok()) summary_.first_error = why;
  const std::string msg = std::string(origin) + ": " + why.message();
  log_->Log(LogEvent(LogLevel::kError, "document_failed", msg)
                .Source(source_ ? std::string_view(source_->source) : std::string_view())
                .Url(origin)
                .Status("failed"));
}

void IngestRun::DocumentFailed(std::string_view origin, const Status& why) {
  ++summary_.documents;
  if (source_) ++source_->documents;
  Fail(origin, why);
}

void IngestRun::CountFetch(bool not_modified) {
  ++summary_.fetched;
  if (not_modified) ++summary_.not_modified;
}

void IngestRun::Progress(int done, int total, std::string_view what) {
  log_->Progress(done, total, what);
}

Status IngestRun::ProcessDocument(const RawDocument& doc, std::string_view origin) {
  const auto t0 = log_->Now();
  ++summary_.documents;
  if (source_) ++source_->documents;
  StatusOr<Article> article = Parse(doc);
  if (!article.ok()) {
    Fail(origin, article.status());
    return Status::Ok();
  }
  StatusOr<std::vector<Claim>> claims =
      extractor_->Extract(article->text, article->meta.published, article->meta.language);
  if (!claims.ok()) {
    Fail(origin, claims.status());
    return Status::Ok();
  }
  StatusOr<bool> existed = ArticleStored(*store_, article->meta.url, article->meta.path);
  if (!existed.ok()) return existed.status();
  StatusOr<Store::PutResult> put = store_->PutArticle(*article, *claims);
  if (!put.ok()) {
    // An article that breaks the store's contract is this document's failure;
    // anything else is the store's, and ends the run.
    if (put.status().code() == Status::Code::kInvalidArgument) {
      Fail(origin, put.status());
      return Status::Ok();
    }
    return put.status();
  }
  std::string_view event = "unchanged";
  std::string msg;
  if (!put->copy_of.empty()) {
    // One article once: the same text under another identity adds no source.
    ++summary_.articles_copied;
    event = "copy";
    msg = std::string(origin) + ": the same text as " + put->copy_of +
          ", stored once (recorded in article_copies)";
  } else {
    if (Status s = PutWebMeta(store_, put->article_id, put->changed, article->meta); !s.ok())
      return s;
    summary_.claims += static_cast<int>(claims->size());
    if (!put->changed) {
      ++summary_.articles_unchanged;
    } else {
      ++summary_.articles_changed;
      if (*existed) {
        event = "changed";
        if (source_) ++source_->articles_changed;
      } else {
        event = "new";
        ++summary_.articles_new;
        if (source_) ++source_->articles_new;
      }
    }
    msg = std::string(put->changed ? "stored " : "unchanged ") + std::string(origin) + ": " +
          std::to_string(claims->size()) + " claims" +
          (article->meta.published ? "" : " (no publication date: relative dates unresolved)") +
          (put->story_of.empty() ? ""
                                 : "; nearly the text of " + put->story_of +
                                       ", one story with it (articles.story_id)");
  }
  log_->Log(LogEvent(LogLevel::kInfo, event, msg)
                .Source(source_ ? std::string_view(source_->source) : std::string_view())
                .Url(origin)
                .Status("ok")
                .Duration(MillisBetween(t0, log_->Now())));
  return Status::Ok();
}

StatusOr<IngestSummary> IngestRun::Finish() {
  if (Status s = EndSource(); !s.ok()) return s;
  const auto t0 = log_->Now();
  // Only the keys whose claims changed (in this run, or in a run killed
  // before it got here) are reconciled again.
  // They are done kKeysPerReconcile at a time, so memory follows the batch.
  summary_.conflicts_new = 0;
  Status reconciled = ReconcilePending(store_, [&](const Findings& findings) {
    for (const Conflict& c : findings.conflicts)
      if (conflicts_before_.count(c.id) == 0) ++summary_.conflicts_new;
  });
  if (!reconciled.ok()) return reconciled;
  StatusOr<FindingCounts> counts = CountFindings(*store_);
  if (!counts.ok()) return counts.status();
  summary_.conflicts = static_cast<int>(counts->conflicts);
  summary_.agreements = static_cast<int>(counts->agreements);
  const IngestSummary& m = summary_;
  log_->Log(LogEvent(LogLevel::kInfo, "reconciled",
                     std::to_string(m.documents - m.documents_failed) + " of " +
                         std::to_string(m.documents) + " documents read" +
                         (m.not_modified > 0
                              ? " (" + std::to_string(m.not_modified) + " fetches not modified)"
                              : std::string()) +
                         ", " + std::to_string(m.articles_changed) + " new or changed, " +
                         (m.articles_copied > 0 ? Plural(m.articles_copied, "copy", "copies") +
                                                      " of stored articles, "
                                                : std::string()) +
                         std::to_string(m.claims) + " claims; " + std::to_string(m.conflicts) +
                         " conflicts (" + std::to_string(m.conflicts_new) + " new), " +
                         std::to_string(m.agreements) + " agreements in the store")
                .Status(m.AnyFailed() ? "partial" : "ok")
                .Duration(MillisBetween(t0, log_->Now())));
  return summary_;
}

Status IngestRun::Record(int exit_code, const Status& fatal) {
  const IngestSummary& m = summary_;
  RunEnd end;
  end.finished_at = FormatUtc(log_->Now());
  end.exit_code = exit_code;
  if (!fatal.ok() || (m.AnyFailed() && m.NothingRead())) {
    end.status = "failed";
  } else if (m.AnyFailed()) {
    end.status = "partial";
  } else {
    end.status = "ok";
  }
  end.message = !fatal.ok() ? fatal.message() : m.first_error.ok() ? "" : m.first_error.message();
  RunCounts& c = end.counts;
  c.sources = m.sources;
  c.sources_failed = m.sources_failed;
  c.documents = m.documents;
  c.fetched = m.fetched;
  c.not_modified = m.not_modified;
  c.articles_new = m.articles_new;
  c.articles_changed = m.articles_changed - m.articles_new;
  c.articles_unchanged = m.articles_unchanged;
  c.articles_copied = m.articles_copied;
  c.claims = m.claims;
  c.conflicts = m.conflicts;
  c.conflicts_new = m.conflicts_new;
  c.agreements = m.agreements;
  c.failures = m.sources_failed + m.documents_failed;
  return EndRun(store_, m.run_id, end);
}

Status IngestLocal(const std::vector<std::string>& paths, const LocalOverrides& overrides,
                   IngestRun* run) {
  for (const std::string& path : paths) {
    run->BeginSource(path);
    StatusOr<std::vector<LocalDocument>> docs = LoadLocal(path, overrides);
    if (!docs.ok()) {
      run->SourceFailed(docs.status());
    } else {
      const int total = static_cast<int>(docs->size());
      int done = 0;
      for (const LocalDocument& doc : *docs) {
        run->Progress(done++, total, doc.origin);
        if (!doc.status.ok()) {
          run->DocumentFailed(doc.origin, doc.status);
          continue;
        }
        if (Status s = run->ProcessDocument(doc.doc, doc.origin); !s.ok()) return s;
      }
    }
    if (Status s = run->EndSource(); !s.ok()) return s;
  }
  return Status::Ok();
}

StatusOr<IngestSummary> Ingest(const std::vector<std::string>& paths,
                               const LocalOverrides& overrides, Store* store, std::ostream& log) {
  Logger logger(log, LoggerOptions{}, [] { return std::chrono::system_clock::now(); });
  RunInfo info;
  info.version = "library";
  info.command = "ingest";
  info.pid = static_cast<int64_t>(getpid());
  StatusOr<IngestRun> run = IngestRun::Begin(store, &logger, info);
  if (!run.ok()) return run.status();
  Status s = IngestLocal(paths, overrides, &*run);
  StatusOr<IngestSummary> summary = s.ok() ? run->Finish() : StatusOr<IngestSummary>(s);
  if (!summary.ok()) {
    (void)run->Record(1, summary.status());  // best effort: the store is failing already
    return summary.status();
  }
  if (Status r = run->Record(0); !r.ok()) return r;
  return summary;
}

}  // namespace newsrecon
