// The values that flow between the first stages: what a source gave us
// (RawDocument), and what parsing made of it (Article).
//
// Offsets everywhere in newsrecon are byte offsets into Article::text, the
// article's main text as printed (UTF-8, validated). Quotes are always cut
// from that text, so a reader sees exactly what the outlet printed.
#ifndef NEWSRECON_PIPELINE_CORE_ARTICLE_H_
#define NEWSRECON_PIPELINE_CORE_ARTICLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/civil_date.h"

namespace newsrecon {

// A half-open byte range [start, end).
struct ByteSpan {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool operator==(const ByteSpan&) const = default;
};

// Which witness gave an article its publication date.
enum class PublishedMethod {
  kUnknown,      // no witness; relative dates cannot be resolved
  kManifest,     // the folder's manifest.json
  kCommandLine,  // --published
  kJsonLd,       // JSON-LD datePublished
  kMetaTag,      // <meta property="article:published_time"> and kin
  kTimeElement,  // <time datetime>
  kUrl,          // a /2026/04/27/ path
  kFeed,         // RSS pubDate, Atom published, sitemap news:publication_date
  kHttpHeader,   // Last-Modified
  kText,         // a dateline in the text
};

// One place that says when an article was published. Every witness found is
// kept, whether or not it was chosen, so that a reader can see why a date was
// picked and where sources disagree.
struct DateWitness {
  PublishedMethod method = PublishedMethod::kUnknown;
  std::string where;  // which field said it: "json-ld datePublished", "meta article:published_time",
                      // "time[datetime]", "url path", "rss pubDate", "http Last-Modified" ...
  std::string raw;    // the value as printed there (trimmed, at most 200 bytes)
  std::optional<CivilDate> date;  // its calendar day in the stated zone; nullopt if unreadable
  bool modified = false;          // a date of modification (dateModified, lastmod, updated)
};

// What is known about an article besides its text.
struct ArticleMeta {
  std::string path;           // local file it came from; empty for the web
  std::string url;            // as given by the source; may be empty
  std::string canonical_url;  // rel=canonical or og:url; may be empty
  std::string outlet;         // e.g. "Ars Technica"; may be empty
  std::string title;          // may be empty
  std::string language;       // BCP 47 ("en"); may be empty
  std::optional<CivilDate> published;
  PublishedMethod published_method = PublishedMethod::kUnknown;
  std::string byline;  // the author name(s) as printed, without "By"; may be empty
  // Every publication-date witness seen (page, feed, sitemap, HTTP), in the
  // order found; `published` is chosen from them by published_method.
  std::vector<DateWitness> date_witnesses;
  // True when two publication (not modification) witnesses name days more
  // than one day apart: the chosen date deserves a second look.
  bool dates_disagree = false;
  std::string charset;         // the charset the bytes were decoded from ("windows-1252")
  std::string charset_method;  // what decided it: "bom", "http", "meta", "detector", "default"

  // The best human label for the source: outlet, else URL host, else path.
  std::string Label() const;
};

// A source's bytes before parsing (the fetch stage's output).
struct RawDocument {
  ArticleMeta meta;          // what the source (manifest, CLI, feed) said
  std::string bytes;         // as read or received; any charset
  std::string content_type;  // "text/html" or "text/plain" (from header or extension)
};

// A parsed article (the parse stage's output).
struct Article {
  ArticleMeta meta;
  std::string text;  // main text, UTF-8, blocks separated by "\n"
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_ARTICLE_H_
