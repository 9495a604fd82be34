// The web fetcher: many HTTP(S) GETs at once, politely, over libcurl's multi
// interface.
//
// Takes a list of FetchRequests (a URL, plus the ETag / Last-Modified a
// previous run recorded for it) and a FetchPolicy; gives one FetchResult per
// request, in request order, and calls `on_done` as each one finishes so the
// caller can stream them. FetchAll itself never fails: every request ends
// with an outcome and a failure class, and one bad URL or dead host never
// stops the others.
//
// Politeness:
//   - Only http and https, for the URL and every redirect; anything else is
//     kBadUrl without a transfer.
//   - Redirects (301, 302, 303, 307, 308 with a Location) are followed by the
//     Fetcher, not by libcurl: the Location is resolved against the URL that
//     answered (url.h ResolveUrl) and the next hop is a new transfer (a GET)
//     of the same request on the target's own site, so every hop is checked
//     against that site's robots.txt (fetched first if needed; a disallowed
//     hop ends kRobotsDisallowed, naming the hop, and is never requested) and
//     counts against that site's per-host limit and delay. Retries apply to
//     each hop on its own (max_attempts per hop); the request's validators
//     are sent on the first hop only. A redirect's body is dropped (not
//     counted against max_body_bytes). robots.txt's own redirects are still
//     followed by libcurl (up to max_redirects) and belong to the site asked.
//   - Before a site's first request the Fetcher reads its /robots.txt (one per
//     scheme://host:port, cached for the Fetcher's life) and obeys it for
//     policy.product_token (robots.h). A 4xx robots.txt allows everything; a
//     5xx, timeout or network error disallows everything for this Fetcher's
//     life (RFC 9309 §2.3.1.3-4), after the same retries a page gets (a body
//     past kMaxRobotsBytes is cut, not refused): the pages are then not fetched and end
//     kRobotsDisallowed / kTemporary (5xx) or kNetworkError / kTimeout with
//     kTemporary (unreachable), so the next run tries again.
//   - At most per_host_parallel transfers to one site and max_parallel in all;
//     between two request starts to one site (robots.txt and retries
//     included) at least the larger of per_host_delay and the site's
//     Crawl-delay (capped at max_crawl_delay). "Site" is scheme://host:port.
//   - Retries, with exponential backoff (backoff_base, doubled each time) and
//     Retry-After honoured (seconds or an HTTP-date) when it is at most
//     max_retry_after, for timeouts, 408, 429, 5xx and network errors, up to
//     max_attempts in all. A longer Retry-After ends the request at once as a
//     kTemporary failure (retry_after says when to come back).
//
// Outcomes and failure classes:
//   2xx → kOk/kNone; 304 → kNotModified/kNone (empty body); 410 →
//   kHttpError/kHard; 408, 429, 5xx → kHttpError/kTemporary; other 3xx, 4xx →
//   kHttpError/kSoft; timeouts (connect, total, low speed) →
//   kTimeout/kTemporary; connection, DNS and TLS handshake errors →
//   kNetworkError/kTemporary; a server certificate that does not verify
//   (unknown CA, another host name, expired …) or an unusable ca_file →
//   kNetworkError/kSoft, not retried in the run (the error says "TLS
//   certificate problem", with libcurl's text and the CAs trusted; when it
//   happens on robots.txt, the site's pages end so, unfetched); a body
//   (decoded) over max_body_bytes → kTooLarge/kSoft; more than max_redirects
//   redirects → kTooManyRedirects/kSoft; an unparseable URL or a scheme other
//   than http(s) → kBadUrl/kHard (also for a redirect's Location); a path (of
//   the request or of a redirect hop) robots.txt disallows →
//   kRobotsDisallowed/kHard.
// TLS: peer and host name verification are always on (they cannot be turned
// off); policy.ca_file names the CA bundle trusted instead of libcurl's default
// (the system's store), for every transfer: pages, robots.txt, redirect hops.
// Only kOk keeps its body; the others have body == "" (bytes still counts
// what arrived, at most max_body_bytes).
//
// Time: scheduling uses the steady clock; started_utc and Retry-After dates
// use the wall clock passed to the constructor (system_clock by default), so
// tests can fix it.
//
// Globals: libcurl requires curl_global_init before any other call, once per
// process; the constructor does it through a function-local std::once_flag
// (and never calls curl_global_cleanup). That is the only global state.
//
// Thread-safety: a Fetcher is move-only and used by one thread at a time;
// distinct Fetchers may run on distinct threads.
#ifndef NEWSRECON_PIPELINE_FETCH_HTTP_H_
#define NEWSRECON_PIPELINE_FETCH_HTTP_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/fetch_outcome.h"

namespace newsrecon {

// FetchOutcome and FailureClass: pipeline/core/fetch_outcome.h.

// The User-Agent newsrecon sends (the version is the project's, CMakeLists.txt).
inline constexpr char kDefaultUserAgent[] =
    "newsrecon/0.1.0 (+https://github.com/newsrecon/newsrecon)";

struct FetchPolicy {
  std::string user_agent = kDefaultUserAgent;
  std::string product_token = "newsrecon";  // the name matched in robots.txt
  int max_parallel = 8;
  int per_host_parallel = 2;
  std::chrono::milliseconds per_host_delay{1000};
  std::chrono::milliseconds max_crawl_delay{30000};  // a larger Crawl-delay is cut to this
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};
  // A transfer slower than low_speed_bytes_per_s for low_speed_seconds is cut.
  int64_t low_speed_bytes_per_s = 100;
  std::chrono::seconds low_speed_seconds{20};
  int64_t max_body_bytes = int64_t{16} << 20;  // decoded
  int max_redirects = 5;
  int max_attempts = 3;
  std::chrono::milliseconds backoff_base{1000};  // wait before retry n: base * 2^(n-1)
  std::chrono::milliseconds max_retry_after{120000};
  bool obey_robots = true;
  // A PEM file of the CA certificates to trust for https (CURLOPT_CAINFO), in
  // place of libcurl's default bundle; "" = the system's CA store. A file that
  // cannot be read makes every https transfer fail (kNetworkError/kSoft).
  std::string ca_file;
};

struct FetchRequest {
  std::string url;
  // Validators from a previous run, sent as If-None-Match / If-Modified-Since
  // exactly as received ("" = not sent).
  std::string etag;
  std::string last_modified;
};

struct FetchResult {
  std::string url;  // as requested
  // The URL of the last response, after the redirects followed ("" when no
  // transfer was made). When a redirect's target is refused (robots.txt,
  // too many redirects, not http(s)) it is the URL that redirected, and the
  // error names the target.
  std::string final_url;
  int http_status = 0;  // of the last response (0 when none came)
  FetchOutcome outcome = FetchOutcome::kNetworkError;
  FailureClass failure = FailureClass::kTemporary;
  // Response headers of the last response, as received ("" when absent). On a
  // 304 without ETag / Last-Modified, the request's validators are kept.
  std::string etag, last_modified, content_type, retry_after;
  std::string body;   // decoded (Content-Encoding undone); only for kOk
  int64_t bytes = 0;  // decoded body bytes of the last response (0 for a redirect)
  // Transfers made for this URL, robots.txt and each redirect hop's first
  // transfer not counted: 1 + the retries of all hops (0 when none was made).
  int attempts = 0;
  int redirects = 0;        // hops followed (each a transfer of its own)
  double seconds = 0;       // from the first attempt's start to the end, waits included
  std::string started_utc;  // first attempt's start, YYYY-MM-DDTHH:MM:SSZ ("" if none)
  std::string error;        // what went wrong, naming the URL ("" for kOk, kNotModified)
};

class Fetcher {
 public:
  using WallClock = std::function<std::chrono::system_clock::time_point()>;

  explicit Fetcher(FetchPolicy policy = {}, WallClock wall_clock = {});
  ~Fetcher();
  Fetcher(Fetcher&&) noexcept;
  Fetcher& operator=(Fetcher&&) noexcept;
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches every request as described above; blocks until all are done.
  // REQUIRES: *this was not moved from.
  std::vector<FetchResult> FetchAll(const std::vector<FetchRequest>& requests,
                                    const std::function<void(const FetchResult&)>& on_done = {});

  const FetchPolicy& policy() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// libcurl's version and what it can do, e.g. "libcurl/7.88.1 OpenSSL/3.0.19;
// encodings: gzip deflate br zstd; http2: yes".
std::string CurlVersionInfo();

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_FETCH_HTTP_H_
