// Tests of the web fetcher against a real HTTP server on 127.0.0.1
// (tests/fetch/loopback_server.py, started per test case).
#include "pipeline/fetch/http.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/testing/loopback_server.h"

namespace newsrecon {
namespace {

using std::chrono::milliseconds;

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

struct LogEntry {
  std::string path;  // with the query
  double start = 0;  // server's monotonic clock, seconds
  double end = 0;    // 0 while running
  std::string ua;
  std::string accept_encoding;
};

// Every request the server has seen, in arrival order.
std::vector<LogEntry> ServerLog(const LoopbackServer& server) {
  const std::string body = ServerGet(server, "/_log");
  std::vector<LogEntry> log;
  for (const auto& j : nlohmann::json::parse(body)) {
    LogEntry entry;
    entry.path = j["path"].get<std::string>();
    if (entry.path == "/_log") continue;
    entry.start = j["start"].get<double>();
    entry.end = j["end"].is_null() ? 0.0 : j["end"].get<double>();
    entry.ua = j["ua"].get<std::string>();
    entry.accept_encoding = j["accept_encoding"].get<std::string>();
    log.push_back(entry);
  }
  return log;
}

// Log entries whose path starts with `prefix`.
std::vector<LogEntry> Matching(const std::vector<LogEntry>& log, const std::string& prefix) {
  std::vector<LogEntry> out;
  for (const LogEntry& e : log) {
    if (e.path.rfind(prefix, 0) == 0) out.push_back(e);
  }
  return out;
}

// Gaps between consecutive request starts to one server, in seconds.
std::vector<double> StartGaps(const std::vector<LogEntry>& log) {
  std::vector<double> gaps;
  for (size_t i = 1; i < log.size(); ++i) gaps.push_back(log[i].start - log[i - 1].start);
  return gaps;
}

// No waiting between requests, quick retries, a 1 MiB body limit.
FetchPolicy FastPolicy() {
  FetchPolicy p;
  p.per_host_delay = milliseconds(0);
  p.backoff_base = milliseconds(50);
  p.connect_timeout = milliseconds(2000);
  p.total_timeout = milliseconds(10000);
  p.max_body_bytes = int64_t{1} << 20;
  return p;
}

// 2026-05-01T12:00:00Z, for started_utc and Retry-After dates.
std::chrono::system_clock::time_point FixedNow() {
  using namespace std::chrono;
  return sys_days{year{2026} / May / 1} + hours(12);
}

std::string OkPage() {
  return "<!doctype html><html><head><title>OK page</title></head>"
         "<body><p>OK page</p></body></html>";
}

TEST_CASE("fetch: every scripted route ends with its outcome, class and attempts") {
  LoopbackServer server;
  struct Case {
    const char* path;
    FetchOutcome outcome;
    FailureClass failure;
    int status;  // -1: not checked
    int attempts;
  };
  using O = FetchOutcome;
  using F = FailureClass;
  const std::vector<Case> cases = {
      {"/ok.html", O::kOk, F::kNone, 200, 1},
      {"/gzip.html", O::kOk, F::kNone, 200, 1},
      {"/etag.html", O::kOk, F::kNone, 200, 1},
      {"/redirect/3", O::kOk, F::kNone, 200, 1},
      {"/redirect/6", O::kTooManyRedirects, F::kSoft, 302, 1},  // 6 > max_redirects 5
      {"/loop", O::kTooManyRedirects, F::kSoft, 302, 1},
      {"/redirect-private", O::kRobotsDisallowed, F::kHard, 302, 1},  // the hop is disallowed
      {"/404", O::kHttpError, F::kSoft, 404, 1},
      {"/410", O::kHttpError, F::kHard, 410, 1},
      {"/500", O::kHttpError, F::kTemporary, 500, 3},  // retried up to max_attempts
      {"/flaky?k=table", O::kOk, F::kNone, 200, 2},
      {"/limited?k=table", O::kOk, F::kNone, 200, 2},
      {"/unavailable", O::kHttpError, F::kTemporary, 503, 1},  // Retry-After 3600 > 120 s
      {"/big", O::kTooLarge, F::kSoft, 200, 1},
      {"/big?cl=1", O::kTooLarge, F::kSoft, -1, 1},
      {"/bomb", O::kTooLarge, F::kSoft, 200, 1},
      {"/private/x.html", O::kRobotsDisallowed, F::kHard, 0, 0},
      {"/private/open.html", O::kOk, F::kNone, 200, 1},  // Allow beats the shorter Disallow
      {"/charset/gb2312", O::kOk, F::kNone, 200, 1},
  };
  std::vector<FetchRequest> requests;
  for (const Case& c : cases) requests.push_back({server.Url(c.path), "", ""});
  Fetcher fetcher(FastPolicy());
  int calls = 0;
  std::vector<FetchResult> results =
      fetcher.FetchAll(requests, [&calls](const FetchResult&) { ++calls; });
  REQUIRE(results.size() == cases.size());
  CHECK(calls == static_cast<int>(cases.size()));
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const FetchResult& r = results[i];
    CAPTURE(c.path);
    CAPTURE(r.error);
    CHECK(r.url == requests[i].url);
    CHECK(Name(r.outcome) == Name(c.outcome));
    CHECK(Name(r.failure) == Name(c.failure));
    if (c.status >= 0) CHECK(r.http_status == c.status);
    CHECK(r.attempts == c.attempts);
    CHECK(r.bytes <= FastPolicy().max_body_bytes);
    if (c.outcome == O::kOk) {
      CHECK(r.error.empty());
      CHECK_FALSE(r.body.empty());
      CHECK(r.bytes == static_cast<int64_t>(r.body.size()));
    } else {
      CHECK(r.body.empty());
      CHECK(Contains(r.error, r.url));  // every message names the URL
    }
  }
  // The disallowed page never reached the server.
  CHECK(Matching(ServerLog(server), "/private/x.html").empty());
}

TEST_CASE("fetch: an ordinary page, with what was recorded about it") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy(), FixedNow);
  std::vector<FetchResult> results = fetcher.FetchAll({{server.Url("/ok.html"), "", ""}});
  REQUIRE(results.size() == 1);
  const FetchResult& r = results[0];
  CHECK(r.outcome == FetchOutcome::kOk);
  CHECK(r.failure == FailureClass::kNone);
  CHECK(r.http_status == 200);
  CHECK(r.final_url == server.Url("/ok.html"));
  CHECK(r.body == OkPage());
  CHECK(r.bytes == static_cast<int64_t>(OkPage().size()));
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.redirects == 0);
  CHECK(r.started_utc == "2026-05-01T12:00:00Z");
  CHECK(r.seconds >= 0);
  CHECK(r.error.empty());
  // The server saw our User-Agent, robots.txt first.
  std::vector<LogEntry> log = ServerLog(server);
  REQUIRE(log.size() == 2);
  CHECK(log[0].path == "/robots.txt");
  CHECK(log[1].path == "/ok.html");
  CHECK(log[1].ua == kDefaultUserAgent);
}

TEST_CASE("fetch: Content-Encoding is undone, and every encoding libcurl has is offered") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy());
  std::vector<FetchResult> results = fetcher.FetchAll({{server.Url("/gzip.html"), "", ""}});
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == FetchOutcome::kOk);
  CHECK(results[0].body ==
        "<!doctype html><html><head><title>Gzip page</title></head>"
        "<body><p>Gzip page</p></body></html>");
  std::vector<LogEntry> log = Matching(ServerLog(server), "/gzip.html");
  REQUIRE(log.size() == 1);
  CHECK(Contains(log[0].accept_encoding, "gzip"));
  std::string info = CurlVersionInfo();
  if (Contains(info, " br")) CHECK(Contains(log[0].accept_encoding, "br"));
  if (Contains(info, " zstd")) CHECK(Contains(log[0].accept_encoding, "zstd"));
}

TEST_CASE("fetch: validators are sent as received and a 304 has no body") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy());
  const std::string url = server.Url("/etag.html");
  const std::string etag = "\"v1\"";
  const std::string lm = "Wed, 21 Oct 2015 07:28:00 GMT";
  std::vector<FetchResult> first = fetcher.FetchAll({{url, "", ""}});
  REQUIRE(first.size() == 1);
  CHECK(first[0].outcome == FetchOutcome::kOk);
  CHECK(first[0].etag == etag);
  CHECK(first[0].last_modified == lm);

  struct Case {
    const char* id;
    std::string etag, last_modified;
    FetchOutcome outcome;
    int status;
  };
  const std::vector<Case> cases = {
      {"etag", etag, "", FetchOutcome::kNotModified, 304},
      {"last-modified", "", lm, FetchOutcome::kNotModified, 304},
      {"both", etag, lm, FetchOutcome::kNotModified, 304},
      {"stale-etag", "\"v0\"", "", FetchOutcome::kOk, 200},
      {"stale-date", "", "Tue, 20 Oct 2015 07:28:00 GMT", FetchOutcome::kOk, 200},
      {"line-break-not-sent", "\"v1\"\r\nX-Evil: 1", "", FetchOutcome::kOk, 200},
  };
  std::vector<FetchRequest> requests;
  for (const Case& c : cases) requests.push_back({url, c.etag, c.last_modified});
  std::vector<FetchResult> results = fetcher.FetchAll(requests);
  REQUIRE(results.size() == cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    CAPTURE(cases[i].id);
    const FetchResult& r = results[i];
    CHECK(r.outcome == cases[i].outcome);
    CHECK(r.failure == FailureClass::kNone);
    CHECK(r.http_status == cases[i].status);
    CHECK(r.etag == etag);
    CHECK(r.last_modified == lm);
    CHECK(r.body.empty() == (cases[i].outcome == FetchOutcome::kNotModified));
  }
}

TEST_CASE("fetch: redirects are followed and counted") {
  LoopbackServer server;
  FetchPolicy policy = FastPolicy();
  policy.max_redirects = 3;
  Fetcher fetcher(policy);
  std::vector<FetchResult> results =
      fetcher.FetchAll({{server.Url("/redirect/3"), "", ""}, {server.Url("/redirect/4"), "", ""}});
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == FetchOutcome::kOk);
  CHECK(results[0].redirects == 3);
  CHECK(results[0].final_url == server.Url("/ok.html"));
  CHECK(results[0].body == OkPage());
  CHECK(results[1].outcome == FetchOutcome::kTooManyRedirects);
  CHECK(results[1].failure == FailureClass::kSoft);
  CHECK(Contains(results[1].error, "more than 3 redirects"));
}

// `s` with every byte but RFC 3986's unreserved ones percent-encoded, for a
// URL inside a query parameter.
std::string Escape(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The loopback route that answers `status` with Location: `to`.
std::string RedirectTo(const std::string& to, int status = 302) {
  return "/redirect-to?s=" + std::to_string(status) + "&to=" + Escape(to);
}

TEST_CASE("fetch: a redirect chain is followed hop by hop, each hop a request of its own") {
  LoopbackServer server;
  FetchPolicy policy = FastPolicy();
  policy.max_redirects = 3;
  policy.per_host_delay = milliseconds(300);
  Fetcher fetcher(policy);
  std::vector<FetchResult> results =
      fetcher.FetchAll({{server.Url("/redirect/2"), "", ""}, {server.Url("/loop"), "", ""}});
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == FetchOutcome::kOk);
  CHECK(results[0].http_status == 200);
  CHECK(results[0].redirects == 2);
  CHECK(results[0].attempts == 1);
  CHECK(results[0].final_url == server.Url("/ok.html"));
  CHECK(results[0].body == OkPage());
  CHECK(results[1].outcome == FetchOutcome::kTooManyRedirects);
  CHECK(results[1].failure == FailureClass::kSoft);
  CHECK(results[1].redirects == 3);
  CHECK(results[1].final_url == server.Url("/loop"));
  CHECK(Contains(results[1].error, "more than 3 redirects"));
  std::vector<LogEntry> log = ServerLog(server);
  // robots.txt, /redirect/2, /redirect/1, /ok.html, and /loop once + 3 hops.
  CHECK(log.size() == 8);
  CHECK(Matching(log, "/loop").size() == 4);
  CHECK(Matching(log, "/redirect/1").size() == 1);
  CHECK(Matching(log, "/robots.txt").size() == 1);
  // Every hop waited per_host_delay after the site's previous start (0.15 s of
  // slack for the server's clock against ours on a loaded machine).
  for (double gap : StartGaps(log)) CHECK(gap >= 0.15);
}

TEST_CASE("fetch: a redirect into a path robots.txt disallows is never requested") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy());
  std::vector<FetchResult> results =
      fetcher.FetchAll({{server.Url("/redirect-private"), "", ""},
                        {server.Url(RedirectTo("/private/open.html")), "", ""},
                        {server.Url(RedirectTo("/private/x.html?via=301", 301)), "", ""}});
  REQUIRE(results.size() == 3);
  const FetchResult& r = results[0];
  CHECK(r.outcome == FetchOutcome::kRobotsDisallowed);
  CHECK(r.failure == FailureClass::kHard);
  CHECK(r.http_status == 302);
  CHECK(r.redirects == 1);
  CHECK(r.attempts == 1);
  CHECK(r.final_url == server.Url("/redirect-private"));  // the last URL that answered
  CHECK(r.body.empty());
  CHECK(Contains(r.error, r.url));
  CHECK(Contains(r.error, server.Url("/private/x.html")));  // names the hop
  CHECK(Contains(r.error, server.Url("/robots.txt")));
  // Allow: /private/open.html lets that hop through.
  CHECK(results[1].outcome == FetchOutcome::kOk);
  CHECK(results[1].final_url == server.Url("/private/open.html"));
  CHECK(results[2].outcome == FetchOutcome::kRobotsDisallowed);
  CHECK(Contains(results[2].error, server.Url("/private/x.html?via=301")));
  std::vector<LogEntry> log = ServerLog(server);
  CHECK(Matching(log, "/private/x.html").empty());
  CHECK(Matching(log, "/private/open.html").size() == 1);
  CHECK(Matching(log, "/redirect-private").size() == 1);
  CHECK(Matching(log, "/robots.txt").size() == 1);
}

TEST_CASE("fetch: a redirect to another site reads that site's robots.txt and obeys it") {
  LoopbackServer a;
  LoopbackServer b;                          // another port: another site
  LoopbackServer down({"--robots", "503"});  // robots.txt unreachable
  Fetcher fetcher(FastPolicy());
  std::vector<FetchResult> results =
      fetcher.FetchAll({{a.Url(RedirectTo(b.Url("/ok.html"), 301)), "", ""},
                        {a.Url(RedirectTo(b.Url("/private/x.html"), 301)), "", ""},
                        {a.Url(RedirectTo(down.Url("/ok.html"))), "", ""}});
  REQUIRE(results.size() == 3);
  CHECK(results[0].outcome == FetchOutcome::kOk);
  CHECK(results[0].http_status == 200);
  CHECK(results[0].redirects == 1);
  CHECK(results[0].attempts == 1);
  CHECK(results[0].final_url == b.Url("/ok.html"));
  CHECK(results[0].body == OkPage());

  CHECK(results[1].outcome == FetchOutcome::kRobotsDisallowed);
  CHECK(results[1].failure == FailureClass::kHard);
  CHECK(results[1].http_status == 301);
  CHECK(Contains(results[1].error, b.Url("/private/x.html")));
  CHECK(Contains(results[1].error, b.Url("/robots.txt")));

  CHECK(results[2].outcome == FetchOutcome::kRobotsDisallowed);
  CHECK(results[2].failure == FailureClass::kTemporary);  // try again next run
  CHECK(Contains(results[2].error, down.Url("/ok.html")));
  CHECK(Contains(results[2].error, "HTTP 503"));

  std::vector<LogEntry> from_b = ServerLog(b);
  REQUIRE(from_b.size() == 2);  // robots.txt first, once, then the allowed hop
  CHECK(from_b[0].path == "/robots.txt");
  CHECK(from_b[1].path == "/ok.html");
  std::vector<LogEntry> from_down = ServerLog(down);
  CHECK(Matching(from_down, "/robots.txt").size() == 3);  // retried like a page
  CHECK(Matching(from_down, "/ok.html").empty());
  CHECK(Matching(ServerLog(a), "/robots.txt").size() == 1);
}

TEST_CASE("fetch: redirect targets are resolved, other schemes refused, hops retried alone") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy());
  struct Case {
    std::string path;
    FetchOutcome outcome;
    FailureClass failure;
    int status;
    int attempts;
    int redirects;
    std::string final_path;  // "" when final_url is the request's own URL
  };
  using O = FetchOutcome;
  using F = FailureClass;
  const std::vector<Case> cases = {
      {RedirectTo("charset/koi8-r"), O::kOk, F::kNone, 200, 1, 1, "/charset/koi8-r"},
      {RedirectTo("../ok.html?x=1"), O::kOk, F::kNone, 200, 1, 1, "/ok.html?x=1"},
      {RedirectTo("/ok.html?s=303", 303), O::kOk, F::kNone, 200, 1, 1, "/ok.html?s=303"},
      {RedirectTo("/ok.html?s=307", 307), O::kOk, F::kNone, 200, 1, 1, "/ok.html?s=307"},
      {RedirectTo("/ok.html?s=308", 308), O::kOk, F::kNone, 200, 1, 1, "/ok.html?s=308"},
      {RedirectTo("/ok.html", 300), O::kHttpError, F::kSoft, 300, 1, 0, ""},  // not followed
      {RedirectTo("ftp://127.0.0.1/file.txt"), O::kBadUrl, F::kHard, 302, 1, 0, ""},
      {RedirectTo("file:///etc/passwd", 301), O::kBadUrl, F::kHard, 301, 1, 0, ""},
      // The hop fails once and is retried alone; the first hop is not asked again.
      {RedirectTo("/flaky?k=hop"), O::kOk, F::kNone, 200, 2, 1, "/flaky?k=hop"},
  };
  std::vector<FetchRequest> requests;
  for (const Case& c : cases) requests.push_back({server.Url(c.path), "", ""});
  std::vector<FetchResult> results = fetcher.FetchAll(requests);
  REQUIRE(results.size() == cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const FetchResult& r = results[i];
    CAPTURE(c.path);
    CAPTURE(r.error);
    CHECK(Name(r.outcome) == Name(c.outcome));
    CHECK(Name(r.failure) == Name(c.failure));
    CHECK(r.http_status == c.status);
    CHECK(r.attempts == c.attempts);
    CHECK(r.redirects == c.redirects);
    CHECK(r.final_url == server.Url(c.final_path.empty() ? c.path : c.final_path));
    if (c.outcome != O::kOk) CHECK(Contains(r.error, r.url));
  }
  CHECK(Contains(results[6].error, "ftp://127.0.0.1/file.txt"));
  CHECK(Contains(results[7].error, "file:///etc/passwd"));
  std::vector<LogEntry> log = ServerLog(server);
  CHECK(Matching(log, "/flaky?k=hop").size() == 2);
  CHECK(Matching(log, RedirectTo("/flaky?k=hop")).size() == 1);
}

TEST_CASE("fetch: validators go with the first hop only") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy());
  const std::string etag = "\"v1\"";
  std::vector<FetchResult> results = fetcher.FetchAll(
      {{server.Url("/etag.html"), etag, ""}, {server.Url(RedirectTo("/etag.html")), etag, ""}});
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == FetchOutcome::kNotModified);  // sent, matched
  // Not sent to /etag.html after the redirect, so it answers in full.
  CHECK(results[1].outcome == FetchOutcome::kOk);
  CHECK(results[1].http_status == 200);
  CHECK(results[1].redirects == 1);
  CHECK(results[1].etag == etag);
  CHECK_FALSE(results[1].body.empty());
}

TEST_CASE("fetch: Retry-After as an HTTP-date is waited for, or not when too far off") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy(), FixedNow);  // "now" is Fri, 01 May 2026 12:00:00 GMT
  std::vector<FetchResult> results = fetcher.FetchAll(
      {{server.Url("/limited?k=date&ra=Fri,%2001%20May%202026%2012:00:01%20GMT"), "", ""},
       {server.Url("/limited?k=far&ra=Fri,%2001%20May%202026%2013:00:00%20GMT"), "", ""}});
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == FetchOutcome::kOk);
  CHECK(results[0].attempts == 2);
  CHECK(results[1].outcome == FetchOutcome::kHttpError);
  CHECK(results[1].failure == FailureClass::kTemporary);
  CHECK(results[1].http_status == 429);
  CHECK(results[1].attempts == 1);
  CHECK(results[1].retry_after == "Fri, 01 May 2026 13:00:00 GMT");
  CHECK(Contains(results[1].error, "not retried in this run"));
  // The retry came no sooner than the one second asked for (less a little
  // slack for the server's clock against ours).
  std::vector<LogEntry> log = Matching(ServerLog(server), "/limited?k=date");
  REQUIRE(log.size() == 2);
  CHECK(log[1].start - log[0].start >= 0.9);
}

TEST_CASE("fetch: a stalled server times out, and a timeout is retried") {
  LoopbackServer server;
  FetchPolicy policy = FastPolicy();
  policy.total_timeout = milliseconds(1000);
  policy.max_attempts = 2;
  Fetcher fetcher(policy);
  std::vector<FetchResult> results = fetcher.FetchAll({{server.Url("/stall"), "", ""}});
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == FetchOutcome::kTimeout);
  CHECK(results[0].failure == FailureClass::kTemporary);
  CHECK(results[0].attempts == 2);
  CHECK(results[0].http_status == 200);  // the headers came, the body did not
  CHECK(results[0].body.empty());
  CHECK(Contains(results[0].error, server.Url("/stall")));
  CHECK(Matching(ServerLog(server), "/stall").size() == 2);
}

TEST_CASE("fetch: bodies past the limit stop at the limit, gzip bombs included") {
  LoopbackServer server;
  FetchPolicy policy = FastPolicy();
  policy.max_body_bytes = 256 * 1024;
  Fetcher fetcher(policy);
  std::vector<FetchResult> results = fetcher.FetchAll({{server.Url("/bomb"), "", ""},
                                                       {server.Url("/big"), "", ""},
                                                       {server.Url("/big?cl=1"), "", ""}});
  REQUIRE(results.size() == 3);
  for (const FetchResult& r : results) {
    CAPTURE(r.url);
    CHECK(r.outcome == FetchOutcome::kTooLarge);
    CHECK(r.failure == FailureClass::kSoft);
    CHECK(r.bytes <= policy.max_body_bytes);
    CHECK(r.body.empty());
    CHECK(Contains(r.error, "larger than 262144 bytes"));
  }
}

TEST_CASE("fetch: robots.txt is read once per site and obeyed for our product token") {
  LoopbackServer server;
  {
    Fetcher fetcher(FastPolicy());
    fetcher.FetchAll({{server.Url("/ok.html"), "", ""}});
    std::vector<FetchResult> second = fetcher.FetchAll(
        {{server.Url("/private/x.html"), "", ""}, {server.Url("/ok.html?again=1"), "", ""}});
    REQUIRE(second.size() == 2);
    CHECK(second[0].outcome == FetchOutcome::kRobotsDisallowed);
    CHECK(second[0].attempts == 0);
    CHECK(Contains(second[0].error, "robots.txt"));
    CHECK(second[1].outcome == FetchOutcome::kOk);
    std::vector<LogEntry> log = ServerLog(server);
    CHECK(Matching(log, "/robots.txt").size() == 1);  // cached for the Fetcher's life
    REQUIRE_FALSE(log.empty());
    CHECK(log[0].path == "/robots.txt");
  }
  {
    // Another crawler falls under "User-agent: *", which disallows everything.
    FetchPolicy policy = FastPolicy();
    policy.product_token = "otherbot";
    Fetcher fetcher(policy);
    std::vector<FetchResult> r = fetcher.FetchAll({{server.Url("/ok.html"), "", ""}});
    CHECK(r[0].outcome == FetchOutcome::kRobotsDisallowed);
    CHECK(r[0].failure == FailureClass::kHard);
  }
  {
    // With robots not obeyed, nothing asks for robots.txt.
    FetchPolicy policy = FastPolicy();
    policy.obey_robots = false;
    Fetcher fetcher(policy);
    size_t robots_before = Matching(ServerLog(server), "/robots.txt").size();
    std::vector<FetchResult> r = fetcher.FetchAll({{server.Url("/private/x.html"), "", ""}});
    CHECK(r[0].outcome == FetchOutcome::kOk);
    CHECK(Matching(ServerLog(server), "/robots.txt").size() == robots_before);
  }
}

TEST_CASE("fetch: robots.txt answering 4xx allows all, 5xx disallows all for the run") {
  LoopbackServer missing({"--robots", "404"});
  LoopbackServer failing({"--robots", "503"});
  Fetcher fetcher(FastPolicy());
  std::vector<FetchResult> r = fetcher.FetchAll({{missing.Url("/private/x.html"), "", ""},
                                                 {failing.Url("/ok.html"), "", ""},
                                                 {failing.Url("/404"), "", ""}});
  REQUIRE(r.size() == 3);
  CHECK(r[0].outcome == FetchOutcome::kOk);
  for (size_t i = 1; i < 3; ++i) {
    CAPTURE(r[i].url);
    CHECK(r[i].outcome == FetchOutcome::kRobotsDisallowed);
    CHECK(r[i].failure == FailureClass::kTemporary);  // try again next run
    CHECK(r[i].attempts == 0);
    CHECK(Contains(r[i].error, "HTTP 503"));
  }
  std::vector<LogEntry> log = ServerLog(failing);
  CHECK(Matching(log, "/robots.txt").size() == 3);  // robots.txt itself is retried
  CHECK(Matching(log, "/ok.html").empty());
}

TEST_CASE("fetch: bad URLs, other schemes and dead hosts never stop the others") {
  LoopbackServer server;
  std::vector<FetchRequest> requests = {
      {"ftp://127.0.0.1/file.txt", "", ""},
      {server.Url("/ok.html"), "", ""},
      {"file:///etc/passwd", "", ""},
      {"not a url", "", ""},
      {"", "", ""},
      {"http://127.0.0.1:1/unreachable.html", "", ""},
      {"mailto:news@example.com", "", ""},
      {server.Url("/404"), "", ""},
      {server.Url("/flaky?k=mixed"), "", ""},
  };
  struct Want {
    FetchOutcome outcome;
    FailureClass failure;
  };
  const std::vector<Want> want = {
      {FetchOutcome::kBadUrl, FailureClass::kHard},
      {FetchOutcome::kOk, FailureClass::kNone},
      {FetchOutcome::kBadUrl, FailureClass::kHard},
      {FetchOutcome::kBadUrl, FailureClass::kHard},
      {FetchOutcome::kBadUrl, FailureClass::kHard},
      {FetchOutcome::kNetworkError, FailureClass::kTemporary},
      {FetchOutcome::kBadUrl, FailureClass::kHard},
      {FetchOutcome::kHttpError, FailureClass::kSoft},
      {FetchOutcome::kOk, FailureClass::kNone},
  };
  Fetcher fetcher(FastPolicy());
  std::vector<std::string> done_order;
  std::vector<FetchResult> results = fetcher.FetchAll(
      requests, [&done_order](const FetchResult& r) { done_order.push_back(r.url); });
  REQUIRE(results.size() == requests.size());
  CHECK(done_order.size() == requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    CAPTURE(requests[i].url);
    CAPTURE(results[i].error);
    CHECK(results[i].url == requests[i].url);  // request order
    CHECK(results[i].outcome == want[i].outcome);
    CHECK(results[i].failure == want[i].failure);
    if (want[i].outcome == FetchOutcome::kBadUrl) CHECK(results[i].attempts == 0);
    if (want[i].outcome != FetchOutcome::kOk) CHECK_FALSE(results[i].error.empty());
    CHECK(std::count(done_order.begin(), done_order.end(), requests[i].url) ==
          std::count_if(requests.begin(), requests.end(),
                        [&](const FetchRequest& q) { return q.url == requests[i].url; }));
  }
  CHECK(Contains(results[0].error, "\"ftp\" is not http or https"));

  // Without robots.txt in the way, a dead host is tried max_attempts times.
  FetchPolicy policy = FastPolicy();
  policy.obey_robots = false;
  Fetcher direct(policy);
  std::vector<FetchResult> dead = direct.FetchAll({{"http://127.0.0.1:1/x.html", "", ""}});
  CHECK(dead[0].outcome == FetchOutcome::kNetworkError);
  CHECK(dead[0].attempts == 3);
  CHECK(Contains(dead[0].error, "http://127.0.0.1:1/x.html"));
}

// The most requests the server was handling at once, from its log.
int MaxConcurrent(const std::vector<LogEntry>& log) {
  int most = 0;
  for (const LogEntry& e : log) {
    int n = 0;
    for (const LogEntry& f : log) {
      if (f.start <= e.start && (f.end == 0 || e.start < f.end)) ++n;
    }
    most = std::max(most, n);
  }
  return most;
}

TEST_CASE("fetch: never more than per_host_parallel at once to a site, max_parallel in all") {
  LoopbackServer a;
  LoopbackServer b;
  FetchPolicy policy = FastPolicy();
  policy.per_host_parallel = 2;
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 6; ++i) {
    requests.push_back({a.Url("/slow?ms=250&k=par&i=" + std::to_string(i)), "", ""});
  }
  Fetcher fetcher(policy);
  for (const FetchResult& r : fetcher.FetchAll(requests)) CHECK(r.outcome == FetchOutcome::kOk);
  std::vector<LogEntry> log = Matching(ServerLog(a), "/slow?ms=250&k=par");
  CHECK(log.size() == 6);
  CHECK(MaxConcurrent(log) <= 2);

  // Two sites, max_parallel 1: one request at a time over both servers (their
  // logs share the machine's monotonic clock).
  policy.max_parallel = 1;
  requests.clear();
  for (int i = 0; i < 3; ++i) {
    requests.push_back({a.Url("/slow?ms=150&k=total&i=" + std::to_string(i)), "", ""});
    requests.push_back({b.Url("/slow?ms=150&k=total&i=" + std::to_string(i)), "", ""});
  }
  Fetcher single(policy);
  for (const FetchResult& r : single.FetchAll(requests)) CHECK(r.outcome == FetchOutcome::kOk);
  std::vector<LogEntry> both = Matching(ServerLog(a), "/slow?ms=150&k=total");
  std::vector<LogEntry> from_b = Matching(ServerLog(b), "/slow?ms=150&k=total");
  both.insert(both.end(), from_b.begin(), from_b.end());
  CHECK(both.size() == 6);
  CHECK(MaxConcurrent(both) == 1);
}

TEST_CASE("fetch: request starts to one site are per_host_delay apart, robots.txt included") {
  LoopbackServer server;
  FetchPolicy policy = FastPolicy();
  policy.per_host_delay = milliseconds(400);
  policy.per_host_parallel = 4;
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 4; ++i) {
    requests.push_back({server.Url("/ok.html?k=delay&i=" + std::to_string(i)), "", ""});
  }
  Fetcher fetcher(policy);
  for (const FetchResult& r : fetcher.FetchAll(requests)) CHECK(r.outcome == FetchOutcome::kOk);
  std::vector<LogEntry> log = ServerLog(server);
  REQUIRE(log.size() == 5);  // robots.txt + 4 pages
  // 0.15 s of slack: the server's receive times jitter against our start times
  // on a loaded machine.
  for (double gap : StartGaps(log)) CHECK(gap >= 0.25);
}

TEST_CASE("fetch: a Crawl-delay longer than per_host_delay is obeyed") {
  LoopbackServer server({"--crawl-delay", "0.5"});
  FetchPolicy policy = FastPolicy();  // per_host_delay 0
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 3; ++i) {
    requests.push_back({server.Url("/ok.html?k=crawl&i=" + std::to_string(i)), "", ""});
  }
  Fetcher fetcher(policy);
  for (const FetchResult& r : fetcher.FetchAll(requests)) CHECK(r.outcome == FetchOutcome::kOk);
  std::vector<LogEntry> log = Matching(ServerLog(server), "/ok.html?k=crawl");
  REQUIRE(log.size() == 3);
  for (double gap : StartGaps(log)) CHECK(gap >= 0.35);  // 0.15 s of slack, as above
}

TEST_CASE("fetch: charset pages come back as the server's bytes") {
  LoopbackServer server;
  Fetcher fetcher(FastPolicy());
  struct Case {
    const char* path;
    const char* bytes;  // the sample text in that charset, worked out from its code table
    const char* content_type;
  };
  const std::vector<Case> cases = {
      {"/charset/iso-8859-1?declared=1", "Caf\xE9 \xE0 S\xE3o Paulo",
       "text/html; charset=iso-8859-1"},
      {"/charset/iso-8859-1", "Caf\xE9 \xE0 S\xE3o Paulo", "text/html"},
      {"/charset/windows-1252",
       "\x93Price\x94 \x97 \x80"
       "5",
       "text/html"},
      {"/charset/gb2312?declared=1", "\xB1\xB1\xBE\xA9", "text/html; charset=gb2312"},
      {"/charset/koi8-r", "\xEE\xCF\xD7\xCF\xD3\xD4\xC9", "text/html"},
      {"/charset/shift_jis", "\x93\x8C\x8B\x9E", "text/html"},
  };
  std::vector<FetchRequest> requests;
  for (const Case& c : cases) requests.push_back({server.Url(c.path), "", ""});
  std::vector<FetchResult> results = fetcher.FetchAll(requests);
  REQUIRE(results.size() == cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    CAPTURE(cases[i].path);
    CHECK(results[i].outcome == FetchOutcome::kOk);
    CHECK(Contains(results[i].body, cases[i].bytes));
    CHECK(results[i].content_type == cases[i].content_type);
  }
}

TEST_CASE("fetch: names of outcomes and failure classes") {
  CHECK(Name(FetchOutcome::kOk) == "ok");
  CHECK(Name(FetchOutcome::kNotModified) == "not_modified");
  CHECK(Name(FetchOutcome::kHttpError) == "http_error");
  CHECK(Name(FetchOutcome::kTimeout) == "timeout");
  CHECK(Name(FetchOutcome::kTooLarge) == "too_large");
  CHECK(Name(FetchOutcome::kTooManyRedirects) == "too_many_redirects");
  CHECK(Name(FetchOutcome::kRobotsDisallowed) == "robots_disallowed");
  CHECK(Name(FetchOutcome::kBadUrl) == "bad_url");
  CHECK(Name(FetchOutcome::kNetworkError) == "network_error");
  CHECK(Name(FailureClass::kNone) == "none");
  CHECK(Name(FailureClass::kTemporary) == "temporary");
  CHECK(Name(FailureClass::kSoft) == "soft");
  CHECK(Name(FailureClass::kHard) == "hard");
}

TEST_CASE("fetch: CurlVersionInfo names libcurl and its encodings") {
  std::string info = CurlVersionInfo();
  CHECK(info.rfind("libcurl/", 0) == 0);
  CHECK(Contains(info, "encodings:"));
  CHECK(Contains(info, "gzip"));
}

TEST_CASE("fetch: a Fetcher moves, keeping its robots.txt cache") {
  LoopbackServer server;
  Fetcher first(FastPolicy());
  first.FetchAll({{server.Url("/ok.html"), "", ""}});
  Fetcher moved(std::move(first));
  std::vector<FetchResult> r = moved.FetchAll({{server.Url("/ok.html?after=move"), "", ""}});
  CHECK(r[0].outcome == FetchOutcome::kOk);
  CHECK(Matching(ServerLog(server), "/robots.txt").size() == 1);
}

}  // namespace
}  // namespace newsrecon
