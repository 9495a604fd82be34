// The web fetcher over real HTTPS on 127.0.0.1: tests/fetch/loopback_server.py
// with --tls, a throwaway CA and server certificates made with `openssl` at
// test time (tests/testing/loopback_server.h). Without openssl these fail,
// saying so.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/fetch/http.h"
#include "tests/testing/loopback_server.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

using std::chrono::milliseconds;

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// The page loopback_server.py serves as /ok.html and /gzip.html (decoded).
std::string ServerPage(const std::string& title) {
  return "<!doctype html><html><head><title>" + title + "</title></head><body><p>" + title +
         "</p></body></html>";
}

// A CA, a certificate for 127.0.0.1 and one for example.org only, both signed by it.
struct Pki {
  TempDir dir;
  CertFiles ca = MakeTestCa(dir.path().string());
  CertFiles good = MakeServerCert(dir.path().string(), ca, "loopback", "IP:127.0.0.1");
  CertFiles other_name = MakeServerCert(dir.path().string(), ca, "example", "DNS:example.org");
};

// Quick, but with retries on: a retried TLS failure would show.
FetchPolicy TestPolicy(const std::string& ca_file) {
  FetchPolicy p;
  p.per_host_delay = milliseconds(0);
  p.backoff_base = milliseconds(10);
  p.max_attempts = 3;
  p.connect_timeout = milliseconds(5000);
  p.total_timeout = milliseconds(20000);
  p.ca_file = ca_file;
  return p;
}

// The paths the server was asked for (its /_log), without the tests' own
// questions (/_log, /_tls_errors).
std::vector<std::string> RequestPaths(const LoopbackServer& server, const std::string& ca_file) {
  std::vector<std::string> paths;
  for (const auto& j : nlohmann::json::parse(ServerGet(server, "/_log", ca_file))) {
    std::string path = j["path"].get<std::string>();
    if (path != "/_log" && path != "/_tls_errors") paths.push_back(path);
  }
  return paths;
}

int Count(const std::vector<std::string>& v, const std::string& x) {
  return static_cast<int>(std::count(v.begin(), v.end(), x));
}

// The TLS handshakes the server saw fail (its /_tls_errors), once at least
// `min` are in: the server records a failed handshake in its own thread, so
// the last one can land a moment after the Fetcher has returned.
nlohmann::json TlsErrors(const LoopbackServer& server, const std::string& ca_file, size_t min) {
  nlohmann::json errors;
  for (int i = 0; i < 100; ++i) {
    errors = nlohmann::json::parse(ServerGet(server, "/_tls_errors", ca_file));
    if (errors.size() >= min) break;
    std::this_thread::sleep_for(milliseconds(20));
  }
  return errors;
}

TEST_CASE("https: a page fetched with ca_file trusting the test CA") {
  Pki pki;
  LoopbackServer server(pki.good, {});
  REQUIRE(server.Url("/").rfind("https://127.0.0.1:", 0) == 0);
  Fetcher fetcher(TestPolicy(pki.ca.cert_file));
  std::vector<FetchResult> r = fetcher.FetchAll({{server.Url("/ok.html"), "", ""}});
  REQUIRE(r.size() == 1);
  INFO(r[0].error);
  CHECK(r[0].outcome == FetchOutcome::kOk);
  CHECK(r[0].failure == FailureClass::kNone);
  CHECK(r[0].http_status == 200);
  CHECK(r[0].body == ServerPage("OK page"));
  CHECK(r[0].final_url == server.Url("/ok.html"));
  CHECK(r[0].final_url.rfind("https://", 0) == 0);
  CHECK(r[0].attempts == 1);
  CHECK(r[0].error.empty());
  // robots.txt was asked over https too (with the same CA), once.
  std::vector<std::string> paths = RequestPaths(server, pki.ca.cert_file);
  CHECK(Count(paths, "/robots.txt") == 1);
  CHECK(Count(paths, "/ok.html") == 1);
  CHECK(TlsErrors(server, pki.ca.cert_file, 0).empty());
}

TEST_CASE("https: a gzip body is decoded") {
  Pki pki;
  LoopbackServer server(pki.good, {});
  Fetcher fetcher(TestPolicy(pki.ca.cert_file));
  std::vector<FetchResult> r = fetcher.FetchAll({{server.Url("/gzip.html"), "", ""}});
  REQUIRE(r.size() == 1);
  INFO(r[0].error);
  CHECK(r[0].outcome == FetchOutcome::kOk);
  CHECK(r[0].http_status == 200);
  CHECK(r[0].body == ServerPage("Gzip page"));
  CHECK(r[0].bytes == static_cast<int64_t>(ServerPage("Gzip page").size()));
  nlohmann::json log = nlohmann::json::parse(ServerGet(server, "/_log", pki.ca.cert_file));
  bool asked = false;
  for (const auto& e : log) {
    if (e["path"] != "/gzip.html") continue;
    asked = true;
    CHECK(Contains(e["accept_encoding"].get<std::string>(), "gzip"));
  }
  CHECK(asked);
}

TEST_CASE("https: an untrusted certificate fails at once, and the other sources still succeed") {
  Pki pki;
  LoopbackServer tls(pki.good, {});
  LoopbackServer plain;
  // No ca_file: the system's CA store, which has never heard of the test CA.
  Fetcher fetcher(TestPolicy(""));
  std::vector<FetchResult> r = fetcher.FetchAll({{tls.Url("/ok.html"), "", ""},
                                                 {plain.Url("/ok.html"), "", ""},
                                                 {tls.Url("/gzip.html"), "", ""}});
  REQUIRE(r.size() == 3);
  for (size_t i : {size_t{0}, size_t{2}}) {
    CAPTURE(i);
    INFO(r[i].error);
    CHECK(r[i].outcome == FetchOutcome::kNetworkError);
    CHECK(r[i].failure == FailureClass::kSoft);
    CHECK(r[i].body.empty());
    // robots.txt came first and failed: the page was never asked for.
    CHECK(r[i].attempts == 0);
    CHECK(Contains(r[i].error, r[i].url + ": not fetched: " + tls.Url("/robots.txt")));
    CHECK(Contains(r[i].error, "TLS certificate problem"));
    CHECK(Contains(r[i].error, "SSL certificate problem"));  // curl's error buffer
    CHECK(Contains(r[i].error, "the system's CA store"));
    CHECK(!Contains(r[i].error, "attempts"));  // "(after N attempts)" when retried
  }
  INFO(r[1].error);
  CHECK(r[1].outcome == FetchOutcome::kOk);
  CHECK(r[1].body == ServerPage("OK page"));
  // One handshake, for robots.txt: not retried, and no page was tried after it.
  CHECK(TlsErrors(tls, pki.ca.cert_file, 1).size() == 1);
  CHECK(RequestPaths(tls, pki.ca.cert_file).empty());
  // The plain server was not held up by the other one.
  std::vector<std::string> plain_paths = RequestPaths(plain, "");
  CHECK(Count(plain_paths, "/robots.txt") == 1);
  CHECK(Count(plain_paths, "/ok.html") == 1);
}

TEST_CASE("https: certificate failures, table") {
  Pki pki;
  LoopbackServer good(pki.good, {});
  LoopbackServer other_name(pki.other_name, {});
  const std::string missing = pki.dir.File("missing-ca.pem");
  struct Case {
    const char* id;
    const LoopbackServer* server;
    std::string ca_file;
    std::string expect;  // in the error, besides "TLS certificate problem"
  };
  const std::vector<Case> cases = {
      {"unknown CA", &good, "", "the system's CA store"},
      {"certificate for another name", &other_name, pki.ca.cert_file, "target host name"},
      {"ca_file missing", &good, missing, missing},
  };
  for (const Case& c : cases) {
    for (bool robots : {true, false}) {
      CAPTURE(c.id);
      CAPTURE(robots);
      FetchPolicy policy = TestPolicy(c.ca_file);
      policy.obey_robots = robots;
      Fetcher fetcher(policy);
      const std::string url = c.server->Url("/ok.html");
      std::vector<FetchResult> r = fetcher.FetchAll({{url, "", ""}});
      REQUIRE(r.size() == 1);
      INFO(r[0].error);
      CHECK(r[0].outcome == FetchOutcome::kNetworkError);
      CHECK(r[0].failure == FailureClass::kSoft);
      CHECK(r[0].http_status == 0);
      CHECK(Contains(r[0].error, "TLS certificate problem"));
      CHECK(Contains(r[0].error, c.expect));
      // Once, never again in this run: robots.txt's failure ends the page
      // unfetched; without robots the page's one attempt is all.
      CHECK(r[0].attempts == (robots ? 0 : 1));
      CHECK(Contains(r[0].error, robots ? c.server->Url("/robots.txt") : url));
      CHECK(!Contains(r[0].error, "attempts"));
    }
  }
  // Nothing got past a handshake to an HTTP request.
  CHECK(RequestPaths(good, pki.ca.cert_file).empty());
}

TEST_CASE("https: a redirect from plain http to https is followed, robots.txt of each asked") {
  Pki pki;
  LoopbackServer tls(pki.good, {});
  LoopbackServer plain;
  const std::string target = tls.Url("/ok.html");
  const std::string start = plain.Url("/redirect-to?to=" + target);

  Fetcher fetcher(TestPolicy(pki.ca.cert_file));
  std::vector<FetchResult> r = fetcher.FetchAll({{start, "", ""}});
  REQUIRE(r.size() == 1);
  INFO(r[0].error);
  CHECK(r[0].outcome == FetchOutcome::kOk);
  CHECK(r[0].http_status == 200);
  CHECK(r[0].redirects == 1);
  CHECK(r[0].final_url == target);
  CHECK(r[0].body == ServerPage("OK page"));
  std::vector<std::string> plain_paths = RequestPaths(plain, "");
  CHECK(Count(plain_paths, "/robots.txt") == 1);
  CHECK(Count(plain_paths, "/redirect-to?to=" + target) == 1);
  std::vector<std::string> tls_paths = RequestPaths(tls, pki.ca.cert_file);
  CHECK(Count(tls_paths, "/robots.txt") == 1);
  CHECK(Count(tls_paths, "/ok.html") == 1);

  SUBCASE("without ca_file the hop fails, naming where it went") {
    Fetcher untrusting(TestPolicy(""));
    std::vector<FetchResult> u = untrusting.FetchAll({{start, "", ""}});
    REQUIRE(u.size() == 1);
    INFO(u[0].error);
    CHECK(u[0].outcome == FetchOutcome::kNetworkError);
    CHECK(u[0].failure == FailureClass::kSoft);
    CHECK(u[0].redirects == 1);
    CHECK(Contains(u[0].error, "redirected to " + target));
    CHECK(Contains(u[0].error, "TLS certificate problem"));
  }
}

}  // namespace
}  // namespace newsrecon
