// URLs as the fetch stage needs them: resolving a link found in a feed or a
// page against the document's URL (RFC 3986 §5), one canonical spelling per
// article so that the same story reached through different links is fetched
// and stored once, and small questions (the host; is it http(s)?).
//
// Takes: any bytes. Gives: strings; never fails, never throws. The parser is
// RFC 3986's generic syntax (Appendix B), with the repairs feeds need:
// leading and trailing white space is trimmed, tabs and newlines inside are
// dropped (as browsers do), and bytes that may not appear in a URL (space,
// controls, '"', '<', '>', '\', '^', '`', '{', '|', '}', bytes >= 0x80) are
// percent-encoded in the path, query and fragment. Hosts are taken as
// written (no IDNA).
//
// Examples (checked in tests/fetch/url_test.cc):
//   ResolveUrl("../b?x=1", "http://ex.com/a/c/d")  == "http://ex.com/a/b?x=1"
//   ResolveUrl("//cdn.ex.com/x", "https://ex.com/") == "https://cdn.ex.com/x"
//   CanonicalUrl("HTTPS://Ex.COM:443/a/./b/../c?utm_source=rss&id=7#top")
//       == "https://ex.com/a/c?id=7"
//   UrlHost("https://user@News.Example.org:8080/x") == "news.example.org"
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_PIPELINE_FETCH_URL_H_
#define NEWSRECON_PIPELINE_FETCH_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace newsrecon {

// The absolute URL that `ref` (absolute or relative) names when found in a
// document at `base` (RFC 3986 §5.2, "strict": a ref with a scheme is taken as
// is), dot segments removed. nullopt when `base` is not an absolute URL (no
// scheme) while `ref` is relative, or when either cannot be read as a URL
// (e.g. an invalid scheme). An empty `ref` names `base` itself without its
// fragment.
std::optional<std::string> ResolveUrl(std::string_view ref, std::string_view base);

// One spelling per resource, for deduplication and as the key the store
// uses: scheme and host lowercased, the scheme's default port dropped (80 for
// http, 443 for https), dot segments removed, an empty path of an http(s) URL
// written "/", percent-escapes with upper-case hex and unreserved characters
// decoded (RFC 3986 §6.2.2), the fragment dropped, tracking parameters
// (kTrackingParameters in url.cc: utm_*, fbclid, gclid, ...) and empty
// parameters dropped from the query with the others kept in their order, and
// an empty query removed. A string without a scheme comes back trimmed but
// otherwise as given.
std::string CanonicalUrl(std::string_view url);

// The host of an absolute URL, lowercased, without user info or port; "" when
// there is none ("mailto:x@y", a relative reference).
std::string UrlHost(std::string_view url);

// True for an absolute http: or https: URL (scheme in any case) with a host
// that is not empty nor only dots, and no white space or control characters.
// CanonicalUrl keeps it true.
bool IsHttpUrl(std::string_view url);

// True when `name` (a query parameter's key, any case) is one that only
// tracks the reader (utm_source, fbclid ...), so CanonicalUrl drops it.
bool IsTrackingParameter(std::string_view name);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_FETCH_URL_H_
