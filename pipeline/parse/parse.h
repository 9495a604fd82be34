// The parse stage: a source's raw bytes → an article's main text and metadata.
//
// Takes a RawDocument (bytes in any charset, a content type, and the metadata
// its source knew); gives an Article whose text is valid UTF-8, one block
// (paragraph, heading, list item, quote, table cell, preformatted line) a
// line, blocks separated by "\n", and whose metadata is the source's, with the
// fields it left empty filled from the page.
//
// text/plain: the bytes must be UTF-8 (a UTF-8 BOM is dropped; UTF-16 with a
// BOM, or a charset named in the content type, is converted); "\r\n" becomes
// "\n" and the text is otherwise kept as is.
//
// text/html (or application/xhtml+xml, or no content type and bytes that start
// like HTML): the charset comes from a byte order mark, else the content
// type's charset parameter, else <meta charset> or <meta http-equiv> in the
// first 16 KiB, else UTF-8 when the bytes are valid UTF-8, else windows-1252
// (as browsers do, ISO-8859-1 and ASCII labels read as windows-1252). The BOM
// goes first because, unlike a header, it cannot be stale (WHATWG encoding
// sniffing). The main text is the page's article body: <article> or
// [itemprop=articleBody] when present, else the container with the most
// paragraph text (Readability-style scoring, discounted by link density),
// without boilerplate (scripts, navigation, headers, footers, asides, forms,
// buttons, hidden elements, and elements whose class, id or role says nav,
// menu, footer, comment, share, related, cookie, ad, promo, subscribe,
// newsletter, sidebar...). If the rules leave no text, a lenient pass keeps
// everything but scripts, styles and other non-text elements.
//
// Metadata found in the page fills what the source left empty (the source
// wins): title (og:title less a suffix or prefix naming the site, else
// <title> less a " | Site" suffix, else the first <h1>; the first <h1>
// whenever the title is that <h1> followed by a separator and more, unless
// the <h1> is a logo linking home), outlet (og:site_name, application-name,
// JSON-LD publisher, skipping placeholders, bare addresses and names that
// repeat the headline; else the <title>'s part that spells the host), byline
// (JSON-LD author, author meta tags, itemprop=author, rel=author, an element
// named byline or author, a line that starts "By"/"Von"/"Par"...; names only,
// see bylines.h, and never the outlet's own name),
// canonical URL (<link rel=canonical>, og:url), language (<html lang>,
// Content-Language, og:locale, checked against the main text: language.h;
// plain text gets the text's language) and the publication date with the witness that
// gave it, in this order: JSON-LD datePublished (kJsonLd; an Article type's
// first), a meta tag such as article:published_time or DC.date.issued, or
// microdata itemprop=datePublished content=… (kMetaTag), a <time datetime> or
// hAtom <abbr class=published> marked as the publication time, else the first
// <time> in the article, else the first outside page furniture
// (kTimeElement), a /2026/04/27/ path in the URL (kUrl; plain text too).
// Dates are read as written: the calendar date of an ISO 8601 date or
// date-time, without time-zone shifts.
//
// Fails with kInvalidArgument for an empty document, plain text that is not
// valid UTF-8 ("invalid UTF-8 at byte N", N counted in the bytes as given),
// undecodable UTF-16, or HTML without any text ("no main text found");
// kUnsupported for another content type.
//
// Thread-safety: Parse keeps no state; call it from any thread.
#ifndef NEWSRECON_PIPELINE_PARSE_PARSE_H_
#define NEWSRECON_PIPELINE_PARSE_PARSE_H_

#include <optional>
#include <string_view>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"
#include "pipeline/core/status.h"

namespace newsrecon {

StatusOr<Article> Parse(const RawDocument& doc);

// The calendar date at the start of an ISO 8601 date or date-time
// ("2026-04-27", "2026-04-27T23:30:00-05:00" → 2026-04-27), also written with
// slashes ("2026/04/27") or compactly ("20260427"); nullopt otherwise.
std::optional<CivilDate> ParseDateWitness(std::string_view text);

// The date of a /YYYY/MM/DD/ (or /YYYY/mon/DD/) path in a URL; nullopt if none.
std::optional<CivilDate> DateFromUrlPath(std::string_view url);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_PARSE_PARSE_H_
