// Web ingestion: the run loop's second document source (guide §1). Sources
// (feeds, sitemaps, single pages: pipeline/fetch/sources.h) are fetched with
// the Fetcher, the articles they list are fetched in batches, and every page
// goes through IngestRun::ProcessDocument like a local file.
//
// For each source, in order:
//   1. GET the source URL, conditionally (the ETag and Last-Modified of the
//      last run, from url_state). A 304 means nothing new: the source is done.
//   2. A feed or sitemap (kind given, else detected from the response) lists
//      entries; a sitemap index lists sitemaps, followed up to
//      WebOptions::max_sitemap_depth. An HTML page is itself the article.
//   3. Entries are keyed by their canonical URL (tracking parameters dropped),
//      so an article listed by several feeds, or twice in one, is fetched once
//      per run; the first source to list it names its outlet.
//   4. Articles are fetched conditionally, batch_size at a time (so memory is
//      bounded by the batch, not the run). A 304, or a body whose content hash
//      equals the last run's, is not parsed or extracted again.
//   5. A page's RawDocument carries what the feed said (title, outlet, its
//      dates as kFeed witnesses) and the HTTP Last-Modified (a kHttpHeader
//      witness); parse adds the page's own witnesses and chooses.
// Every fetch (sources, sitemaps, articles) is a row in `fetches`, and
// url_state keeps the validators, the content hash and the failures in a row
// for the next run. A failed source or page is logged and counted by the
// IngestRun; the run goes on.
//
// Takes: sources, options, the open store the run writes to, the run, its
// logger. Fails (a Status) only when the store cannot be written; the caller
// then ends the run.
#ifndef NEWSRECON_PIPELINE_RUN_WEB_H_
#define NEWSRECON_PIPELINE_RUN_WEB_H_

#include <cstddef>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/fetch/http.h"
#include "pipeline/fetch/sources.h"
#include "pipeline/run/logger.h"
#include "pipeline/run/run.h"
#include "pipeline/store/store.h"

namespace newsrecon {

struct WebOptions {
  FetchPolicy policy;
  size_t batch_size = 32;                // article pages fetched and held at once
  int max_sitemap_depth = 2;             // index → sitemap → sitemap
  size_t max_entries_per_source = 1000;  // a sitemap may list 50,000 URLs
};

// Fetches every source and the articles it lists into `run` (see above).
Status IngestWeb(const std::vector<Source>& sources, const WebOptions& options, Store* store,
                 IngestRun* run, Logger* log);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RUN_WEB_H_
