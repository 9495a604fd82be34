#include "pipeline/run/web.h"

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "pipeline/core/ascii.h"
#include "pipeline/core/hash.h"
#include "pipeline/fetch/feed.h"
#include "pipeline/fetch/url.h"
#include "pipeline/store/web.h"

namespace newsrecon {
namespace {

// A failed fetch as the run counts it: worth retrying later (kNetwork:
// timeouts, 429, 5xx, no connection), or not there for us (kNotFound: 404,
// 410, robots.txt, too large, bad URL).
Status FailureStatus(const FetchResult& r) {
  if (r.failure == FailureClass::kTemporary) return Status::Network(r.error);
  return Status::NotFound(r.error);
}

// An article to fetch, with what its source said about it.
struct Entry {
  std::string url;  // canonical: the article's identity in the store
  std::string outlet;
  std::string title;
  std::vector<DateWitness> dates;
};

// A fetch with the URL's state from the previous run.
struct Fetched {
  FetchResult result;
  std::optional<UrlState> previous;
  std::string content_hash;  // of the body, for kOk
};

bool IsPageType(std::string_view content_type) {
  std::string_view t = TrimAsciiSpace(content_type.substr(0, content_type.find(';')));
  return t.empty() || EqualsIgnoreAsciiCase(t, "text/html") ||
         EqualsIgnoreAsciiCase(t, "application/xhtml+xml") ||
         EqualsIgnoreAsciiCase(t, "text/plain");
}

class WebIngest {
 public:
  WebIngest(const WebOptions& options, Store* store, IngestRun* run, Logger* log)
      : options_(options), fetcher_(options.policy), store_(store), run_(run), log_(log) {}

  Status Source(const newsrecon::Source& source);

 private:
  std::string Now() const { return FormatUtc(log_->Now()); }

  // Fetches `urls` conditionally and records every fetch; failures and 304s
  // update url_state at once, successes when the caller has stored what the
  // body held (SaveDone), so a run killed in between fetches them again.
  StatusOr<std::vector<Fetched>> Fetch(const std::vector<std::string>& urls,
                                       std::string_view source_url);
  Status SaveDone(const Fetched& f);
  Status SaveState(const Fetched& f);

  // Reads a feed or sitemap body into entries (following sitemap indexes).
  Status ReadListing(const Fetched& f, int depth, std::string_view source_url,
                     std::string_view outlet, std::vector<Entry>* entries);
  // Fetches and ingests `entries` not taken yet in this run; with
  // `only_unfinished`, only those whose last fetch failed or never happened.
  Status Articles(const std::vector<Entry>& entries, std::string_view source_url,
                  bool only_unfinished);
  Status Page(Fetched* f, const Entry& entry);
  void LogFetch(const FetchResult& r, std::string_view source_url);

  const WebOptions& options_;
  Fetcher fetcher_;
  Store* store_;
  IngestRun* run_;
  Logger* log_;
  std::unordered_set<std::string> seen_;  // canonical article URLs taken in this run
};

StatusOr<std::vector<Fetched>> WebIngest::Fetch(const std::vector<std::string>& urls,
                                                std::string_view source_url) {
  std::vector<Fetched> out(urls.size());
  std::vector<FetchRequest> requests(urls.size());
  for (size_t i = 0; i < urls.size(); ++i) {
    StatusOr<std::optional<UrlState>> state = LoadUrlState(*store_, urls[i]);
    if (!state.ok()) return state.status();
    out[i].previous = std::move(*state);
    requests[i].url = urls[i];
    if (out[i].previous) {
      requests[i].etag = out[i].previous->etag;
      requests[i].last_modified = out[i].previous->last_modified;
    }
  }
  std::vector<FetchResult> results = fetcher_.FetchAll(requests);
  for (size_t i = 0; i < results.size(); ++i) {
    Fetched& f = out[i];
    f.result = std::move(results[i]);
    const FetchResult& r = f.result;
    if (r.outcome == FetchOutcome::kOk) f.content_hash = Fnv1aHex(r.body);
    FetchRow row;
    row.run_id = run_->summary().run_id;
    row.source_url = std::string(source_url);
    row.url = r.url;
    row.final_url = r.final_url;
    if (r.http_status > 0) row.http_status = r.http_status;
    row.outcome = r.outcome;
    if (r.failure != FailureClass::kNone) row.failure_class = r.failure;
    row.etag = r.etag;
    row.last_modified = r.last_modified;
    row.content_type = r.content_type;
    row.bytes = r.bytes;
    row.attempts = std::max(r.attempts, 1);
    row.seconds = r.seconds;
    row.started_at = r.started_utc.empty() ? Now() : r.started_utc;
    row.error = r.error;
    row.content_hash = f.content_hash;
    if (StatusOr<int64_t> id = RecordFetch(store_, row); !id.ok()) return id.status();
    LogFetch(r, source_url);
    if (r.outcome != FetchOutcome::kOk) {
      run_->CountFetch(r.outcome == FetchOutcome::kNotModified);
      if (Status s = SaveState(f); !s.ok()) return s;
    } else {
      run_->CountFetch(false);
    }
  }
  return out;
}

void WebIngest::LogFetch(const FetchResult& r, std::string_view source_url) {
  const bool ok = r.outcome == FetchOutcome::kOk || r.outcome == FetchOutcome::kNotModified;
  const std::string message = ok ? std::string(Name(r.outcome)) + " " +
                                       std::to_string(r.http_status) + ", " +
                                       std::to_string(r.bytes) + " bytes"
                                 : r.error;
  // Failures are logged once more, as errors, by the run that counts them.
  LogEvent e(LogLevel::kDebug, "fetched", message);
  log_->Log(e.Source(source_url)
                .Url(r.url)
                .Status(Name(r.outcome))
                .Duration(static_cast<int64_t>(r.seconds * 1000)));
}

// The state the next run needs: validators and hash of the last good answer,
// failures in a row since.
Status WebIngest::SaveState(const Fetched& f) {
  const FetchResult& r = f.result;
  UrlState s = f.previous.value_or(UrlState{});
  s.url = r.url;
  s.last_fetched_at = r.started_utc.empty() ? Now() : r.started_utc;
  if (r.http_status > 0) s.last_status = r.http_status;
  if (r.failure == FailureClass::kNone) {
    s.failures_in_a_row = 0;
    s.last_failure_class.reset();
    if (!r.etag.empty() || !r.last_modified.empty() || r.outcome == FetchOutcome::kOk) {
      s.etag = r.etag;
      s.last_modified = r.last_modified;
    }
    if (r.outcome == FetchOutcome::kOk) s.content_hash = f.content_hash;
  } else {
    ++s.failures_in_a_row;
    s.last_failure_class = r.failure;
  }
  return SaveUrlState(store_, s);
}

Status WebIngest::SaveDone(const Fetched& f) { return SaveState(f); }

Status WebIngest::Source(const newsrecon::Source& source) {
  run_->BeginSource(source.url);
  StatusOr<std::vector<Fetched>> fetched = Fetch({source.url}, source.url);
  if (!fetched.ok()) return fetched.status();
  Fetched& f = fetched->front();
  const FetchResult& r = f.result;
  if (r.outcome == FetchOutcome::kNotModified) {
    log_->Log(LogEvent(LogLevel::kInfo, "source_not_modified",
                       source.url + ": not modified since the last run (304)")
                  .Source(source.url)
                  .Status("not_modified"));
    return run_->EndSource();
  }
  if (r.outcome != FetchOutcome::kOk) {
    run_->SourceFailed(FailureStatus(r));
    return run_->EndSource();
  }
  // The same listing as last run: only its articles that failed or were
  // never fetched are asked for again.
  const bool unchanged = f.previous && f.previous->content_hash == f.content_hash;
  const DocumentKind kind = DetectKind(r.content_type, r.body);
  const bool page =
      source.kind == SourceKind::kPage ||
      (!source.kind && (kind == DocumentKind::kHtml || kind == DocumentKind::kUnknown));
  if (page) {
    Entry entry{CanonicalUrl(source.url), source.outlet, "", {}};
    if (seen_.insert(entry.url).second) {
      if (Status s = Page(&f, entry); !s.ok()) return s;
    }
  } else {
    std::vector<Entry> entries;
    if (Status s = ReadListing(f, 0, source.url, source.outlet, &entries); !s.ok()) {
      if (s.code() != Status::Code::kInvalidArgument) return s;
      run_->SourceFailed(s);
      return run_->EndSource();
    }
    if (Status s = Articles(entries, source.url, unchanged); !s.ok()) return s;
  }
  // Last: a run killed before this point fetches the source again next time.
  if (Status s = SaveDone(f); !s.ok()) return s;
  return run_->EndSource();
}

Status WebIngest::ReadListing(const Fetched& f, int depth, std::string_view source_url,
                              std::string_view outlet, std::vector<Entry>* entries) {
  const FetchResult& r = f.result;
  const std::string& base = r.final_url.empty() ? r.url : r.final_url;
  StatusOr<FeedDocument> doc = ParseFeed(r.body, r.content_type, base);
  if (!doc.ok()) return doc.status();
  for (const std::string& w : doc->warnings) {
    log_->Log(LogEvent(LogLevel::kDebug, "feed_warning", w).Source(source_url).Url(r.url));
  }
  std::vector<FeedEntryRow> rows;
  size_t skipped = 0;
  for (FeedEntry& e : doc->entries) {
    rows.push_back({e.url, e.title, e.outlet});
    if (entries->size() >= options_.max_entries_per_source) {
      ++skipped;
      continue;
    }
    entries->push_back({std::move(e.url),
                        outlet.empty() ? std::move(e.outlet) : std::string(outlet),
                        std::move(e.title), std::move(e.dates)});
  }
  if (!rows.empty()) {
    StatusOr<size_t> added = RecordFeedEntries(store_, source_url, rows, Now());
    if (!added.ok()) return added.status();
  }
  if (skipped > 0) {
    log_->Log(LogEvent(LogLevel::kWarning, "entries_capped",
                       std::string(source_url) + ": " + std::to_string(skipped) +
                           " entries past the limit of " +
                           std::to_string(options_.max_entries_per_source) + " left for later")
                  .Source(source_url));
  }
  if (doc->sitemaps.empty()) return Status::Ok();
  if (depth >= options_.max_sitemap_depth) {
    log_->Log(LogEvent(LogLevel::kWarning, "sitemap_depth",
                       r.url + ": sitemap index nested deeper than " +
                           std::to_string(options_.max_sitemap_depth) + "; children not read")
                  .Source(source_url));
    return Status::Ok();
  }
  StatusOr<std::vector<Fetched>> children = Fetch(doc->sitemaps, source_url);
  if (!children.ok()) return children.status();
  for (Fetched& child : *children) {
    if (child.result.outcome != FetchOutcome::kOk) {
      if (child.result.outcome != FetchOutcome::kNotModified)
        run_->DocumentFailed(child.result.url, FailureStatus(child.result));
      continue;
    }
    Status s = ReadListing(child, depth + 1, source_url, outlet, entries);
    if (!s.ok() && s.code() != Status::Code::kInvalidArgument) return s;
    if (!s.ok()) run_->DocumentFailed(child.result.url, s);
    if (Status saved = SaveDone(child); !saved.ok()) return saved;
  }
  return Status::Ok();
}

Status WebIngest::Articles(const std::vector<Entry>& entries, std::string_view source_url,
                           bool only_unfinished) {
  std::vector<const Entry*> todo;
  for (const Entry& e : entries) {
    if (!seen_.insert(e.url).second) continue;
    if (only_unfinished) {
      StatusOr<std::optional<UrlState>> state = LoadUrlState(*store_, e.url);
      if (!state.ok()) return state.status();
      const std::optional<UrlState>& u = *state;
      if (u && u->failures_in_a_row == 0 && !u->content_hash.empty()) continue;  // done
      if (u && u->last_failure_class == FailureClass::kHard) continue;           // gone
    }
    todo.push_back(&e);
  }
  const size_t batch = std::max<size_t>(options_.batch_size, 1);
  for (size_t at = 0; at < todo.size(); at += batch) {
    std::vector<std::string> urls;
    for (size_t i = at; i < std::min(todo.size(), at + batch); ++i) urls.push_back(todo[i]->url);
    StatusOr<std::vector<Fetched>> fetched = Fetch(urls, source_url);
    if (!fetched.ok()) return fetched.status();
    for (size_t i = 0; i < fetched->size(); ++i) {
      Fetched& f = (*fetched)[i];
      if (f.result.outcome == FetchOutcome::kNotModified) continue;
      if (f.result.outcome != FetchOutcome::kOk) {
        run_->DocumentFailed(f.result.url, FailureStatus(f.result));
        continue;
      }
      if (f.previous && f.previous->content_hash == f.content_hash) {
        log_->Log(LogEvent(LogLevel::kDebug, "unchanged", "same content as the last run")
                      .Source(source_url)
                      .Url(f.result.url)
                      .Status("unchanged"));
      } else if (Status s = Page(&f, *todo[at + i]); !s.ok()) {
        return s;
      }
      if (Status s = SaveDone(f); !s.ok()) return s;
    }
    run_->Progress(static_cast<int>(std::min(todo.size(), at + batch)),
                   static_cast<int>(todo.size()), source_url);
  }
  return Status::Ok();
}

Status WebIngest::Page(Fetched* f, const Entry& entry) {
  FetchResult& r = f->result;
  if (!IsPageType(r.content_type)) {
    run_->DocumentFailed(r.url, Status::Unsupported(r.url + ": content type '" + r.content_type +
                                                    "' is not a web page"));
    return Status::Ok();
  }
  RawDocument doc;
  doc.meta.url = entry.url;
  doc.meta.outlet = entry.outlet;
  doc.meta.title = entry.title;
  doc.meta.date_witnesses = entry.dates;
  if (!r.last_modified.empty()) {
    doc.meta.date_witnesses.push_back({PublishedMethod::kHttpHeader, "http Last-Modified",
                                       r.last_modified, ParseFeedDate(r.last_modified), true});
  }
  doc.content_type = r.content_type.empty() ? "text/html" : r.content_type;
  doc.bytes = std::move(r.body);
  return run_->ProcessDocument(doc, entry.url);
}

}  // namespace

Status IngestWeb(const std::vector<Source>& sources, const WebOptions& options, Store* store,
                 IngestRun* run, Logger* log) {
  WebIngest web(options, store, run, log);
  for (const Source& source : sources) {
    if (Status s = web.Source(source); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace newsrecon
