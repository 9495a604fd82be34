// The sources file: which feeds, sitemaps and pages `newsrecon ingest
// --sources FILE` fetches, and which outlet each belongs to.
//
// The file is TOML (https://toml.io, v1.0), one [[source]] table a source:
//
//   # newsrecon sources
//   [[source]]
//   outlet = "Ars Technica"
//   url = "https://arstechnica.com/feed/"
//   kind = "feed"      # optional: feed | sitemap | page; detected from the response when absent
//
//   [[source]]
//   url = "https://www.example.org/news-sitemap.xml"
//   kind = "sitemap"   # outlet optional: reports then name the source by its host
//
// Keys of a [[source]]: `url` (required; an absolute http:// or https:// URL),
// `outlet` (optional text), `kind` (optional; one of feed, sitemap, page).
// Nothing else is allowed at the top level or in a [[source]], so that a typo
// ("ulr", "[[sources]]") is an error rather than a source silently skipped.
// Two sources with the same URL (compared by CanonicalUrl, url.h) are an
// error. A file with no [[source]] gives an empty list.
//
// Takes: the file's path or its text. Gives: the sources in file order, each
// with the line of its [[source]] header. Fails with kNotFound / kIoError (the
// file cannot be read) or kInvalidArgument ("FILE:LINE:COLUMN: what is
// wrong": TOML syntax, a missing or non-http(s) url, an unknown kind or key, a
// value of the wrong type, a duplicate url with the line of the first).
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_PIPELINE_FETCH_SOURCES_H_
#define NEWSRECON_PIPELINE_FETCH_SOURCES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace newsrecon {

// What a source's URL serves.
enum class SourceKind {
  kFeed,     // RSS, Atom, RDF or JSON Feed: links to articles
  kSitemap,  // a sitemap or sitemap index: links to articles (or sitemaps)
  kPage,     // one article page
};

// "feed", "sitemap", "page".
std::string_view SourceKindName(SourceKind kind);
// The kind a name stands for; nullopt for an unknown name. Exact, lower case.
std::optional<SourceKind> ParseSourceKind(std::string_view name);

struct Source {
  std::string outlet;              // as written; empty when not given
  std::string url;                 // as written (trimmed); an absolute http(s) URL
  std::optional<SourceKind> kind;  // nullopt: detect from the response
  int line = 0;                    // 1-based line of the [[source]] header
};

// Reads and parses the sources file at `path` (errors name `path`).
StatusOr<std::vector<Source>> LoadSources(const std::string& path);

// Parses the text of a sources file; `name` is the file name used in errors.
StatusOr<std::vector<Source>> ParseSources(std::string_view text, std::string_view name);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_FETCH_SOURCES_H_
