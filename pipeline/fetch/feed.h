// Feeds and sitemaps: the discovery side of the web fetch stage. A fetched
// body that lists articles (RSS 2.0, Atom 1.0, RDF/RSS 1.0, JSON Feed 1 and
// 1.1, a sitemap <urlset>, with Google News extensions) becomes the list of
// article URLs to fetch, each with the title, outlet and every date the feed
// gives for it; a sitemap index becomes the list of its child sitemaps.
//
// Takes: the response body, its Content-Type and the URL it came from (the
// base for relative links; the final URL after redirects). Gives: a
// FeedDocument. XML is read by libxml2 in recover mode, so malformed feeds
// (unclosed tags, undefined entities such as &nbsp;, bytes that do not match
// the declared encoding) are read as far as libxml2 can, each recovered error
// noted in `warnings`. It never loads anything over the network, never reads
// a DTD and never expands entities into the tree (no XXE, no entity bombs);
// the common HTML named entities (&nbsp;, &mdash;, &rsquo; ...) that feeds
// use without declaring are mapped to their characters in titles. A body
// larger than kMaxFeedBytes is refused.
//
// Entry URLs are resolved against the feed URL and xml:base (RFC 3986), then
// put in CanonicalUrl form (url.h: tracking parameters and fragment dropped),
// so the same article linked twice, with different utm_ parameters, is one
// entry whose date witnesses are merged. Entries without an http(s) link are
// skipped with a warning that names the item.
//
// Dates: every date an entry carries is kept as a DateWitness (method kFeed):
//   rss pubDate, dc:date, dcterms:modified*, atom published, atom updated*,
//   news:publication_date, sitemap lastmod*, json date_published,
//   json date_modified*  (* modified = true)
// with `raw` as printed and `date` the calendar day in the zone the value
// states (no conversion: "Mon, 27 Apr 2026 23:30:00 -0500" is 2026-04-27).
// ParseFeedDate reads RFC 822/1123 (with or without the weekday, 2- or
// 4-digit years, any zone: GMT, UT, EST, +0200, a military letter ...) and
// ISO 8601 / W3C-DTF ("2026-04-27", "2026-04-27T09:30:00.5+02:00").
//
// Fails with kInvalidArgument (message naming base_url) when nothing feed- or
// sitemap-like can be read: an HTML page, JSON that is not a JSON Feed, XML
// with another root element, bytes that are not XML at all, or a body over
// the size limit.
//
// Thread-safety: ParseFeed keeps no state between calls and changes none of
// libxml2's global settings (errors go to a per-call parser context). As with
// any libxml2 user, call xmlInitParser() once from the main thread before
// parsing on several threads.
#ifndef NEWSRECON_PIPELINE_FETCH_FEED_H_
#define NEWSRECON_PIPELINE_FETCH_FEED_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"
#include "pipeline/core/status.h"

namespace newsrecon {

// Bodies above this are refused rather than parsed (the largest real news
// sitemaps are ~10 MiB; the sitemap protocol caps a file at 50 MB uncompressed
// and 50,000 URLs).
inline constexpr size_t kMaxFeedBytes = 32 * 1024 * 1024;
// At most this many warnings are listed; the last one says how many more there were.
inline constexpr size_t kMaxFeedWarnings = 100;

enum class DocumentKind { kHtml, kRss, kAtom, kRdf, kJsonFeed, kSitemap, kSitemapIndex, kUnknown };

// "html", "rss", "atom", "rdf", "json_feed", "sitemap", "sitemap_index", "unknown".
std::string_view DocumentKindName(DocumentKind kind);

// What a body is, from its first element (after a BOM, white space, the XML
// declaration, comments, processing instructions and a DOCTYPE) or, for a
// body starting with '{', whether it is a JSON object whose "version" names
// jsonfeed.org. The body decides when it can (servers often send feeds as
// text/html or text/plain); otherwise the content type does
// (application/rss+xml, application/atom+xml, application/feed+json,
// text/html ...). An HTML page (<!DOCTYPE html>, <html>, or a tag-soup body
// served as text/html) is kHtml.
DocumentKind DetectKind(std::string_view content_type, std::string_view body);

struct FeedEntry {
  std::string url;    // absolute http(s), resolved against the feed URL, in CanonicalUrl form
  std::string title;  // plain text (markup stripped, entities decoded); may be empty
  std::vector<DateWitness> dates;  // every date given for the entry, in document order
  std::string outlet;    // the item's <source>, news:publication name, or the channel title
  std::string language;  // the item's, else the channel's; may be empty
};

struct FeedDocument {
  DocumentKind kind = DocumentKind::kUnknown;
  std::string title;                  // channel / feed title; empty for sitemaps
  std::vector<FeedEntry> entries;     // in document order, one per canonical URL
  std::vector<std::string> sitemaps;  // children of a sitemap index (absolute, deduplicated)
  std::vector<std::string> warnings;  // recovered XML errors and skipped items, each naming it
};

// Parses a feed, sitemap or sitemap index (see the top of this file).
StatusOr<FeedDocument> ParseFeed(std::string_view body, std::string_view content_type,
                                 std::string_view base_url);

// The calendar day a feed date names, in its own zone; nullopt when the text
// is not an RFC 822 or ISO 8601 date with a day (e.g. "2026-04", "yesterday")
// or names an impossible day. Examples:
//   "Mon, 27 Apr 2026 09:30:00 GMT"   → 2026-04-27
//   "27 April 2026 23:59 EST"         → 2026-04-27
//   "2026-04-27T23:30:00-05:00"       → 2026-04-27
std::optional<CivilDate> ParseFeedDate(std::string_view text);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_FETCH_FEED_H_
