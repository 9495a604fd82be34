// Local sources: articles read from disk rather than fetched.
//
// Takes a path and the metadata given on the command line; gives one
// RawDocument per article, each with the metadata its source knows. A path is
// either
//   - a file: its bytes, with the metadata from the command line
//     (--published, --outlet, --url, --title, --language); meta.path is the
//     path as given;
//   - a folder with a manifest.json ({"articles":[{"file", "outlet", "url",
//     "language", "published", "title"}, …]}; nulls allowed, other keys
//     ignored): every listed file, in manifest order, with the manifest's
//     metadata; meta.path is folder/file;
//   - a folder without one: every *.txt, *.html and *.htm file directly in it
//     (extensions case-insensitive; names starting with "." are skipped, as
//     are sub-folders), sorted by name, with the command line's metadata.
// Fields set on the command line override those of the manifest (and, later,
// those parse finds in the HTML).
//
// Fails as a whole (a non-OK StatusOr) when the path is missing, the manifest
// is not valid JSON or breaks its format (an entry without "file", a
// "published" that is not a real YYYY-MM-DD day, a field of the wrong type, a
// "file" that is absolute or climbs out with ".."), or a folder without a
// manifest holds no article file; the message names the path and, for the
// manifest, the entry index and field. A document that cannot be read (missing,
// not a regular file, unreadable, empty, larger than kMaxDocumentBytes) fails
// alone: its LocalDocument carries the error and the others still load.
//
// Bytes are passed on untouched: charsets and invalid UTF-8 are the parse
// stage's business. content_type is "text/html" for .html/.htm files or when
// the bytes start (after a UTF-8 BOM and whitespace) with "<!doctype html" or
// "<html" (case-insensitive), else "text/plain".
//
// Thread-safety: LoadLocal keeps no state; call it from any thread.
#ifndef NEWSRECON_PIPELINE_FETCH_LOCAL_SOURCE_H_
#define NEWSRECON_PIPELINE_FETCH_LOCAL_SOURCE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"
#include "pipeline/core/status.h"

namespace newsrecon {

// Metadata from the command line; each field that is set (non-empty, or
// engaged) overrides what the manifest or the HTML says.
struct LocalOverrides {
  std::optional<CivilDate> published;
  std::string outlet;
  std::string url;
  std::string title;
  std::string language;
};

// One document of a local source, or why it could not be read. `origin` names
// it (the path) for messages; `doc` is meaningful only when status.ok().
struct LocalDocument {
  std::string origin;
  Status status;
  RawDocument doc;
};

// The largest file read as an article. A long news page with inline scripts,
// styles and data-URI images runs to a few MiB; 64 MiB leaves more than ten
// times that headroom, while a file past it (a log, a dump, a video saved as
// .html) is surely no article and would cost gigabytes once parsed (an HTML
// tree takes several times its source).
inline constexpr size_t kMaxDocumentBytes = 64 << 20;

// Loads PATH as described above.
StatusOr<std::vector<LocalDocument>> LoadLocal(const std::string& path,
                                               const LocalOverrides& overrides);

// "text/html" when `bytes` start, after a UTF-8 BOM and ASCII whitespace, with
// "<!doctype html" or "<html" (case-insensitive), else "text/plain".
std::string SniffContentType(std::string_view bytes);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_FETCH_LOCAL_SOURCE_H_
