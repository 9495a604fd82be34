// The store's web tables (schema/0002_web.sql): the fetch log, the state
// each URL needs for its next conditional GET, the entries feeds listed, an
// article's date witnesses and its web metadata.
//
// Takes plain values (no curl or libxml2 types: the store does not depend on
// the fetch stage; the run stage maps the fetcher's results to these). Gives
// back the URL state and the sources that keep failing. Each write is one
// BEGIN IMMEDIATE transaction on the Store's connection.
//
// Failures: kInvalidArgument (a value that breaks the contract: a malformed
// timestamp, an empty url, a chosen index past the witnesses, an unknown
// article id), kBusy (another writer held the lock past the timeout),
// kCorruption / kIoError (as Store). Messages name the database file.
//
// Thread-safety: as Store (one connection; not thread-safe).
#ifndef NEWSRECON_PIPELINE_STORE_WEB_H_
#define NEWSRECON_PIPELINE_STORE_WEB_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/fetch_outcome.h"
#include "pipeline/core/status.h"
#include "pipeline/store/store.h"

namespace newsrecon {

// FetchOutcome and FailureClass (tables fetch_outcomes, failure_classes):
// pipeline/core/fetch_outcome.h.

// One row of `fetches`. Empty strings and nullopt are stored as NULL.
struct FetchRow {
  std::optional<int64_t> run_id;
  std::string source_url;          // the [[source]] (feed, sitemap, page) that led here; REQUIRED
  std::string url;                 // asked for; REQUIRED
  std::string final_url;           // after redirects
  std::optional<int> http_status;  // 100..599
  FetchOutcome outcome = FetchOutcome::kOk;
  std::optional<FailureClass> failure_class;
  std::string etag;
  std::string last_modified;
  std::string content_type;
  std::optional<int64_t> bytes;
  int attempts = 1;  // >= 1
  std::optional<double> seconds;
  std::string started_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"; REQUIRED
  std::string error;
  std::string content_hash;
};

// Appends one row to the fetch log; returns its id.
// Fails: kInvalidArgument (empty url or source_url, malformed started_at,
// status outside 100..599, attempts < 1, negative bytes or seconds).
StatusOr<int64_t> RecordFetch(Store* store, const FetchRow& row);

// One row of `url_state`: what the next fetch of `url` sends and knows.
struct UrlState {
  std::string url;  // REQUIRED
  std::string etag;
  std::string last_modified;
  std::string content_hash;
  std::optional<int> last_status;
  std::string last_fetched_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"; REQUIRED
  int failures_in_a_row = 0;
  std::optional<FailureClass> last_failure_class;
  bool operator==(const UrlState&) const = default;
};

// The state stored for `url` (exact match), or nullopt when it was never saved.
StatusOr<std::optional<UrlState>> LoadUrlState(const Store& store, std::string_view url);
// Inserts or replaces the state of state.url.
// Fails: kInvalidArgument (empty url, malformed last_fetched_at, negative failures_in_a_row).
Status SaveUrlState(Store* store, const UrlState& state);

// Replaces article `article_id`'s date witnesses with `witnesses`, in order;
// `chosen_index` (if set) marks the one that gave articles.published.
// Fails: kInvalidArgument (chosen_index out of range, no such article).
Status PutDateWitnesses(Store* store, int64_t article_id, const std::vector<DateWitness>& witnesses,
                        std::optional<size_t> chosen_index);
// The article's witnesses in order, and the index of the chosen one.
struct StoredWitnesses {
  std::vector<DateWitness> witnesses;
  std::optional<size_t> chosen_index;
};
StatusOr<StoredWitnesses> LoadDateWitnesses(const Store& store, int64_t article_id);

// Sets the article's byline, charset, charset_method ("" → NULL) and dates_disagree.
// Fails: kInvalidArgument (no such article).
Status PutArticleWebMeta(Store* store, int64_t article_id, std::string_view byline,
                         std::string_view charset, std::string_view charset_method,
                         bool dates_disagree);

// One article a feed or sitemap listed (from FeedEntry: the store does not
// include the fetch stage).
struct FeedEntryRow {
  std::string url;  // REQUIRED
  std::string title;
  std::string outlet;
};
// Records the entries `source_url` listed at `seen_at` (UTC
// "YYYY-MM-DDTHH:MM:SSZ"). An entry already recorded for that source keeps
// its first_seen_at; an empty title or outlet there is filled in. Returns how
// many entries were new.
// Fails: kInvalidArgument (empty source_url or entry url, malformed seen_at).
StatusOr<size_t> RecordFeedEntries(Store* store, std::string_view source_url,
                                   const std::vector<FeedEntryRow>& entries,
                                   std::string_view seen_at);

// The URLs whose url_state shows at least `min_failures_in_a_row` failures in
// a row (a minimum below 1 counts as 1), most failures first, then by URL.
StatusOr<std::vector<std::string>> FailingSources(const Store& store, int min_failures_in_a_row);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_STORE_WEB_H_
