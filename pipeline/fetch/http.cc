#include "pipeline/fetch/http.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "pipeline/core/ascii.h"
#include "pipeline/fetch/robots.h"
#include "pipeline/fetch/url.h"

namespace newsrecon {
namespace {

using SteadyClock = std::chrono::steady_clock;
using SteadyTime = SteadyClock::time_point;
using std::chrono::milliseconds;

// libcurl must be initialized once per process before any other call
// (curl_global_init is not thread-safe on its own); this flag is the only
// global state of the fetch stage.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string FormatUtc(std::chrono::system_clock::time_point tp) {
  std::time_t t = std::chrono::system_clock::to_time_t(tp);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Retry-After as a wait: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
std::optional<milliseconds> ParseRetryAfter(std::string_view value,
                                            std::chrono::system_clock::time_point now) {
  value = TrimAsciiSpace(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return milliseconds(int64_t{999999999} * 1000);
    return milliseconds(std::stoll(std::string(value)) * 1000);
  }
  std::time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  std::time_t at = std::chrono::system_clock::to_time_t(now);
  return milliseconds(std::max<int64_t>(0, static_cast<int64_t>(when) - at) * 1000);
}

// The site a URL belongs to and what robots.txt is asked about.
struct ParsedUrl {
  std::string origin;          // "https://example.com:443"
  std::string path_and_query;  // "/a/b.html?x=1"
};

std::string UrlPart(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* s = nullptr;
  if (curl_url_get(u, part, &s, flags) != CURLUE_OK || s == nullptr) return "";
  std::string out(s);
  curl_free(s);
  return out;
}

std::optional<ParsedUrl> ParseHttpUrl(const std::string& url, std::string* error) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
  if (!u) {
    *error = url + ": could not allocate a URL parser";
    return std::nullopt;
  }
  CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) {
    *error = "\"" + url + "\": not a valid absolute URL (" + curl_url_strerror(rc) + ")";
    return std::nullopt;
  }
  std::string scheme = AsciiLower(UrlPart(u.get(), CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") {
    *error = url + ": scheme \"" + scheme + "\" is not http or https";
    return std::nullopt;
  }
  std::string host = AsciiLower(UrlPart(u.get(), CURLUPART_HOST));
  if (host.empty()) {
    *error = url + ": no host";
    return std::nullopt;
  }
  std::string port = UrlPart(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  ParsedUrl p;
  p.origin = scheme + "://" + host + ":" + port;
  p.path_and_query = UrlPart(u.get(), CURLUPART_PATH);
  if (p.path_and_query.empty()) p.path_and_query = "/";
  std::string query = UrlPart(u.get(), CURLUPART_QUERY);
  if (!query.empty()) p.path_and_query += "?" + query;
  return p;
}

// One transfer in flight: a page, or a site's robots.txt.
struct Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  size_t limit = 0;
  bool keep_prefix = false;  // robots.txt: keep what fits, then stop
  bool over_limit = false;
  char error[CURL_ERROR_SIZE] = {};
  bool robots = false;
  // Page: -1 until the body starts, then 1 when the response is a redirect
  // this Fetcher follows (its body is dropped, not counted), else 0.
  int redirect_body = -1;
  size_t job = 0;   // page: index of the request
  size_t site = 0;  // index into the run's sites

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() {
    if (easy != nullptr) curl_easy_cleanup(easy);
    if (headers != nullptr) curl_slist_free_all(headers);
  }
};

std::string Header(CURL* easy, const char* name);

// A status the Fetcher follows when the response has a Location.
bool IsRedirectStatus(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Appends without letting the buffer's capacity pass the transfer's limit (a
// std::string doubling past it would defeat the point of the limit).
void AppendBounded(Transfer* t, const char* data, size_t len) {
  size_t need = t->body.size() + len;
  if (need > t->body.capacity()) {
    size_t cap = std::min(t->limit, std::max(need, t->body.capacity() * 2));
    std::string grown;
    grown.reserve(cap);
    grown.append(t->body);
    t->body.swap(grown);
  }
  t->body.append(data, len);
}

// CURLOPT_WRITEFUNCTION: gets the body after Content-Encoding is undone, so the
// limit holds for the decoded size (a gzip bomb stops at `limit`).
size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  if (!t->robots) {
    if (t->redirect_body < 0) {
      long status = 0;
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
      t->redirect_body = IsRedirectStatus(status) && !Header(t->easy, "Location").empty() ? 1 : 0;
    }
    if (t->redirect_body == 1) return len;  // the next hop is what counts
  }
  size_t room = t->limit - t->body.size();
  if (len > room) {
    if (t->keep_prefix) AppendBounded(t, data, room);
    t->over_limit = true;
    return 0;  // CURLE_WRITE_ERROR
  }
  AppendBounded(t, data, len);
  return len;
}

std::string Header(CURL* easy, const char* name) {
  curl_header* h = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) == CURLHE_OK && h != nullptr &&
      h->value != nullptr) {
    return h->value;
  }
  return "";
}

bool HasLineBreak(const std::string& s) { return s.find_first_of("\r\n") != std::string::npos; }

struct Verdict {
  FetchOutcome outcome = FetchOutcome::kOk;
  FailureClass failure = FailureClass::kNone;
  bool retryable = false;
};

Verdict ClassifyStatus(long status) {
  if (status >= 200 && status < 300) return {FetchOutcome::kOk, FailureClass::kNone, false};
  if (status == 304) return {FetchOutcome::kNotModified, FailureClass::kNone, false};
  if (status == 410) return {FetchOutcome::kHttpError, FailureClass::kHard, false};
  if (status == 408 || status == 429 || status >= 500) {
    return {FetchOutcome::kHttpError, FailureClass::kTemporary, true};
  }
  return {FetchOutcome::kHttpError, FailureClass::kSoft, false};
}

// The server's certificate did not verify (unknown or untrusted CA, expired,
// another host name, revoked, pinned key mismatch), or the CA bundle
// (ca_file) could not be used.
bool IsCertificateError(CURLcode rc) {
  switch (rc) {
    case CURLE_PEER_FAILED_VERIFICATION:  // also CURLE_SSL_CACERT (the same code)
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return true;
    default:
      return false;
  }
}

// A transfer that ended with a curl error (rc != CURLE_OK).
Verdict ClassifyCurlError(CURLcode rc, bool over_limit) {
  if ((rc == CURLE_WRITE_ERROR && over_limit) || rc == CURLE_FILESIZE_EXCEEDED) {
    return {FetchOutcome::kTooLarge, FailureClass::kSoft, false};
  }
  // Soft, not hard: kHard means "gone" (a resumed run skips the URL for good),
  // but an operator (ca_file) or the site (a renewed certificate) fixes this,
  // so the next run tries again; not retried now: seconds will not fix it.
  if (IsCertificateError(rc)) return {FetchOutcome::kNetworkError, FailureClass::kSoft, false};
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return {FetchOutcome::kTimeout, FailureClass::kTemporary, true};
    case CURLE_TOO_MANY_REDIRECTS:
      return {FetchOutcome::kTooManyRedirects, FailureClass::kSoft, false};
    case CURLE_UNSUPPORTED_PROTOCOL:  // e.g. a redirect to ftp: or file:
    case CURLE_URL_MALFORMAT:
      return {FetchOutcome::kBadUrl, FailureClass::kHard, false};
    default:
      return {FetchOutcome::kNetworkError, FailureClass::kTemporary, true};
  }
}

// curl's message for `rc` with the transfer's error buffer; TLS failures say
// so first, and a certificate that does not verify says what was trusted.
std::string CurlMessage(CURLcode rc, const Transfer& t, const FetchPolicy& policy) {
  std::string msg = curl_easy_strerror(rc);
  if (t.error[0] != '\0') msg += " (" + std::string(t.error) + ")";
  if (IsCertificateError(rc)) {
    msg = "TLS certificate problem: " + msg + "; trusted CAs: " +
          (policy.ca_file.empty() ? std::string("the system's CA store")
                                  : "ca_file " + policy.ca_file);
  } else if (rc == CURLE_SSL_CONNECT_ERROR) {
    msg = "TLS handshake failed: " + msg;
  }
  return msg;
}

std::string Attempts(int n) {
  return n > 1 ? " (after " + std::to_string(n) + " attempts)" : std::string();
}

}  // namespace

std::string CurlVersionInfo() {
  InitCurlOnce();
  const curl_version_info_data* d = curl_version_info(CURLVERSION_NOW);
  std::string s = std::string("libcurl/") + d->version;
  if (d->ssl_version != nullptr) s += std::string(" ") + d->ssl_version;
  s += "; encodings:";
  if (d->features & CURL_VERSION_LIBZ) s += " gzip deflate";
  if (d->features & CURL_VERSION_BROTLI) s += " br";
  if (d->features & CURL_VERSION_ZSTD) s += " zstd";
  s += "; http2: ";
  s += (d->features & CURL_VERSION_HTTP2) ? "yes" : "no";
  return s;
}

namespace {

// What the Fetcher remembers of a site (scheme://host:port) for its life.
struct Site {
  std::string origin;
  bool robots_known = false;
  Robots robots = Robots::AllowAll();
  // Set when robots.txt could not be had: how the site's pages end instead.
  bool blocked = false;
  FetchOutcome blocked_outcome = FetchOutcome::kRobotsDisallowed;
  FailureClass blocked_failure = FailureClass::kTemporary;
  std::string blocked_error;
  milliseconds delay{0};  // between request starts
  bool started_any = false;
  SteadyTime last_start;
};

}  // namespace

struct Fetcher::Impl {
  FetchPolicy policy;
  WallClock wall_clock;
  CURLM* multi = nullptr;
  std::map<std::string, Site> sites;

  ~Impl() {
    if (multi != nullptr) curl_multi_cleanup(multi);
  }

  std::vector<FetchResult> FetchAll(const std::vector<FetchRequest>& requests,
                                    const std::function<void(const FetchResult&)>& on_done);
};

namespace {

// The state of one FetchAll call.
class Run {
 public:
  Run(const FetchPolicy& policy, const Fetcher::WallClock& wall_clock, CURLM* multi,
      std::map<std::string, Site>* sites, const std::function<void(const FetchResult&)>& on_done)
      : policy_(policy),
        wall_clock_(wall_clock),
        multi_(multi),
        sites_(sites),
        on_done_(on_done),
        max_parallel_(std::max(1, policy.max_parallel)),
        per_host_parallel_(std::max(1, policy.per_host_parallel)),
        max_attempts_(std::max(1, policy.max_attempts)) {}

  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  ~Run() {
    for (auto& [easy, t] : active_) curl_multi_remove_handle(multi_, easy);
  }

  std::vector<FetchResult> Go(const std::vector<FetchRequest>& requests);

 private:
  struct Job {
    const FetchRequest* request = nullptr;
    FetchResult result;
    std::string url;             // of the current hop: the request's, then each redirect's
    std::string path_and_query;  // of `url`, for robots.txt
    int hop_attempts = 0;        // transfers of the current hop (max_attempts applies)
    SteadyTime eligible;
    SteadyTime first_start;
    bool started = false;
  };
  struct RunSite {
    Site* site = nullptr;
    std::deque<size_t> queue;  // jobs waiting to start
    int active = 0;
    bool robots_in_flight = false;
    int robots_attempts = 0;
    SteadyTime robots_eligible;
    bool resolved = false;  // queue checked against the known robots.txt
  };

  void Finish(size_t job);
  size_t SiteFor(const std::string& origin);
  void ResolveByRobots(RunSite& rs);
  std::unique_ptr<Transfer> NewTransfer(const std::string& url, size_t site, bool follow);
  bool Launch(std::unique_ptr<Transfer> t, RunSite& rs, SteadyTime now);
  void StartRobots(size_t site, SteadyTime now);
  void StartPage(size_t job, size_t site, SteadyTime now);
  bool CollectDone();
  void PageDone(Transfer& t, CURLcode rc);
  void FollowRedirect(size_t job, const std::string& location);
  void RobotsDone(Transfer& t, CURLcode rc);
  milliseconds Backoff(int attempts_so_far) const;

  const FetchPolicy& policy_;
  const Fetcher::WallClock& wall_clock_;
  CURLM* multi_;
  std::map<std::string, Site>* sites_;
  const std::function<void(const FetchResult&)>& on_done_;
  const int max_parallel_;
  const int per_host_parallel_;
  const int max_attempts_;

  std::vector<Job> jobs_;
  std::vector<RunSite> run_sites_;
  std::map<std::string, size_t> site_index_;  // origin → index into run_sites_
  std::map<CURL*, std::unique_ptr<Transfer>> active_;
  size_t remaining_ = 0;
};

milliseconds Run::Backoff(int attempts_so_far) const {
  int shift = std::min(attempts_so_far - 1, 20);
  return policy_.backoff_base * (int64_t{1} << std::max(0, shift));
}

void Run::Finish(size_t j) {
  Job& job = jobs_[j];
  FetchResult& r = job.result;
  if (r.outcome != FetchOutcome::kOk) r.body.clear();
  if (job.started) {
    r.seconds = std::chrono::duration<double>(SteadyClock::now() - job.first_start).count();
  }
  --remaining_;
  if (on_done_) on_done_(r);
}

// The run's index of a site, added (and to the Fetcher's cache) when new.
size_t Run::SiteFor(const std::string& origin) {
  auto [it, inserted] = site_index_.emplace(origin, run_sites_.size());
  if (inserted) {
    auto [site_it, fresh] = sites_->try_emplace(origin);
    Site& site = site_it->second;
    if (fresh) {
      site.origin = origin;
      site.delay = policy_.per_host_delay;
    }
    RunSite rs;
    rs.site = &site;
    run_sites_.push_back(std::move(rs));
  }
  return it->second;
}

void Run::ResolveByRobots(RunSite& rs) {
  const Site& site = *rs.site;
  std::deque<size_t> keep;
  for (size_t j : rs.queue) {
    FetchResult& r = jobs_[j].result;
    // A redirect hop is named too: it is the URL robots.txt was asked about.
    std::string what = r.redirects > 0 ? r.url + ": redirected to " + jobs_[j].url : r.url;
    if (site.blocked) {
      r.outcome = site.blocked_outcome;
      r.failure = site.blocked_failure;
      r.error = what + ": not fetched: " + site.blocked_error;
      Finish(j);
    } else if (!site.robots.Allowed(jobs_[j].path_and_query, policy_.product_token)) {
      r.outcome = FetchOutcome::kRobotsDisallowed;
      r.failure = FailureClass::kHard;
      r.error = what + ": disallowed for \"" + policy_.product_token + "\" by " + site.origin +
                "/robots.txt";
      Finish(j);
    } else {
      keep.push_back(j);
    }
  }
  rs.queue.swap(keep);
  rs.resolved = true;
}

// `follow`: let libcurl follow redirects (robots.txt only; pages' redirects are
// hops the Run schedules itself, FollowRedirect).
std::unique_ptr<Transfer> Run::NewTransfer(const std::string& url, size_t site, bool follow) {
  auto t = std::make_unique<Transfer>();
  t->site = site;
  t->easy = curl_easy_init();
  if (t->easy == nullptr) return nullptr;
  CURL* e = t->easy;
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl has
  // TLS: the peer's certificate and host name are always verified (libcurl's
  // defaults, stated so nobody turns them off); ca_file replaces the default
  // CA bundle.
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!policy_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, policy_.ca_file.c_str());
  if (follow) {
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(std::max(0, policy_.max_redirects)));
  }
  curl_easy_setopt(e, CURLOPT_USERAGENT, policy_.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::max<int64_t>(1, policy_.connect_timeout.count())));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::max<int64_t>(1, policy_.total_timeout.count())));
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(policy_.low_speed_bytes_per_s));
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(policy_.low_speed_seconds.count()));
  return t;
}

bool Run::Launch(std::unique_ptr<Transfer> t, RunSite& rs, SteadyTime now) {
  if (curl_multi_add_handle(multi_, t->easy) != CURLM_OK) return false;
  rs.active++;
  rs.site->started_any = true;
  rs.site->last_start = now;
  active_.emplace(t->easy, std::move(t));
  return true;
}

void Run::StartRobots(size_t s, SteadyTime now) {
  RunSite& rs = run_sites_[s];
  std::string url = rs.site->origin + "/robots.txt";
  std::unique_ptr<Transfer> t = NewTransfer(url, s, /*follow=*/true);
  if (t != nullptr) {
    t->robots = true;
    t->limit = kMaxRobotsBytes + 1;  // one byte more, so Parse sees (and drops) a cut line
    t->keep_prefix = true;
  }
  rs.robots_in_flight = true;
  if (t == nullptr || !Launch(std::move(t), rs, now)) {
    // libcurl could not even start: treat as unreachable.
    rs.robots_in_flight = false;
    rs.site->robots_known = true;
    rs.site->robots = Robots::DisallowAll();
    rs.site->blocked = true;
    rs.site->blocked_outcome = FetchOutcome::kNetworkError;
    rs.site->blocked_error = url + ": libcurl could not start a transfer";
  }
}

void Run::StartPage(size_t j, size_t s, SteadyTime now) {
  RunSite& rs = run_sites_[s];
  Job& job = jobs_[j];
  FetchResult& r = job.result;
  std::unique_ptr<Transfer> t = NewTransfer(job.url, s, /*follow=*/false);
  const bool first_hop = r.redirects == 0;
  if (t != nullptr) {
    t->job = j;
    t->limit = static_cast<size_t>(std::max<int64_t>(0, policy_.max_body_bytes));
    curl_easy_setopt(t->easy, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(policy_.max_body_bytes));
    // The validators belong to the requested URL, not to where it redirects.
    const FetchRequest& req = *job.request;
    if (first_hop && !req.etag.empty() && !HasLineBreak(req.etag)) {
      t->headers = curl_slist_append(t->headers, ("If-None-Match: " + req.etag).c_str());
    }
    if (first_hop && !req.last_modified.empty() && !HasLineBreak(req.last_modified)) {
      t->headers =
          curl_slist_append(t->headers, ("If-Modified-Since: " + req.last_modified).c_str());
    }
    if (t->headers != nullptr) curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
  }
  if (!job.started) {
    job.started = true;
    job.first_start = now;
    r.started_utc = FormatUtc(wall_clock_());
  }
  // attempts: 1 + retries; a redirect hop's first transfer is not a new attempt.
  if (first_hop || job.hop_attempts > 0) r.attempts++;
  job.hop_attempts++;
  if (t == nullptr || !Launch(std::move(t), rs, now)) {
    r.outcome = FetchOutcome::kNetworkError;
    r.failure = FailureClass::kTemporary;
    r.error = r.url + ": libcurl could not start a transfer";
    Finish(j);
  }
}

void Run::PageDone(Transfer& t, CURLcode rc) {
  Job& job = jobs_[t.job];
  FetchResult& r = job.result;
  CURL* e = t.easy;
  long status = 0;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  r.http_status = static_cast<int>(status);
  r.final_url = job.url;
  char* s = nullptr;
  if (curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK && s != nullptr) {
    r.final_url = s;
  }
  r.content_type.clear();
  if (curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK && s != nullptr) {
    r.content_type = s;
  }
  r.etag = Header(e, "ETag");
  r.last_modified = Header(e, "Last-Modified");
  r.retry_after = Header(e, "Retry-After");
  r.bytes = static_cast<int64_t>(t.body.size());
  r.body = std::move(t.body);

  if (rc == CURLE_OK && IsRedirectStatus(status)) {
    std::string location = Header(e, "Location");
    if (!location.empty()) {
      FollowRedirect(t.job, location);
      return;
    }
  }

  Verdict v = rc == CURLE_OK ? ClassifyStatus(status) : ClassifyCurlError(rc, t.over_limit);
  r.outcome = v.outcome;
  r.failure = v.failure;
  switch (v.outcome) {
    case FetchOutcome::kOk:
      r.error.clear();
      break;
    case FetchOutcome::kNotModified:
      r.error.clear();
      r.body.clear();
      if (r.redirects == 0) {  // the validators were sent (first hop only)
        if (r.etag.empty()) r.etag = job.request->etag;
        if (r.last_modified.empty()) r.last_modified = job.request->last_modified;
      }
      break;
    case FetchOutcome::kHttpError:
      r.error = r.url + ": HTTP " + std::to_string(status);
      if (r.final_url != r.url) r.error += " from " + r.final_url;
      break;
    case FetchOutcome::kTooLarge:
      r.error = r.url + ": body larger than " + std::to_string(policy_.max_body_bytes) +
                " bytes (decoded)";
      break;
    default:
      r.error = r.url + ": " + CurlMessage(rc, t, policy_);
      break;
  }

  if (v.retryable) {
    milliseconds wait = Backoff(job.hop_attempts);
    bool retry = job.hop_attempts < max_attempts_;
    if (!r.retry_after.empty()) {
      std::optional<milliseconds> ra = ParseRetryAfter(r.retry_after, wall_clock_());
      if (ra && *ra > policy_.max_retry_after) {
        retry = false;
        r.error += "; Retry-After \"" + r.retry_after + "\" is longer than " +
                   std::to_string(policy_.max_retry_after.count() / 1000) +
                   " s: not retried in this run";
      } else if (ra) {
        wait = std::max(wait, *ra);
      }
    }
    if (retry) {
      job.eligible = SteadyClock::now() + wait;
      run_sites_[t.site].queue.push_back(t.job);
      return;
    }
  }
  if (!r.error.empty()) r.error += Attempts(job.hop_attempts);
  Finish(t.job);
}

// The response to the job's current hop redirects to `location`: ends the job
// (too many redirects, or a target that is not http(s)) or queues the next hop
// on the target's site, where robots.txt, the per-host limit and delay apply.
void Run::FollowRedirect(size_t j, const std::string& location) {
  Job& job = jobs_[j];
  FetchResult& r = job.result;
  r.body.clear();
  r.bytes = 0;
  if (r.redirects >= std::max(0, policy_.max_redirects)) {
    r.outcome = FetchOutcome::kTooManyRedirects;
    r.failure = FailureClass::kSoft;
    r.error = r.url + ": more than " + std::to_string(policy_.max_redirects) +
              " redirects (last: " + r.final_url + ")";
    Finish(j);
    return;
  }
  std::optional<std::string> target = ResolveUrl(location, job.url);
  std::string why = "not a URL";
  std::optional<ParsedUrl> p;
  if (target) p = ParseHttpUrl(*target, &why);
  if (!p) {
    r.outcome = FetchOutcome::kBadUrl;
    r.failure = FailureClass::kHard;
    r.error =
        r.url + ": redirect from " + r.final_url + " to \"" + location + "\" not followed: " + why;
    Finish(j);
    return;
  }
  r.redirects++;
  job.url = std::move(*target);
  job.path_and_query = p->path_and_query;
  job.hop_attempts = 0;
  job.eligible = SteadyClock::now();
  size_t s = SiteFor(p->origin);  // may grow run_sites_
  RunSite& rs = run_sites_[s];
  rs.queue.push_front(j);  // the job keeps its turn: next on that site
  rs.resolved = false;     // ask robots.txt about the hop before it starts
}

void Run::RobotsDone(Transfer& t, CURLcode rc) {
  RunSite& rs = run_sites_[t.site];
  Site& site = *rs.site;
  rs.robots_in_flight = false;
  rs.robots_attempts++;
  long status = 0;
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
  const std::string url = site.origin + "/robots.txt";
  bool got_answer = rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && t.over_limit);

  bool unreachable = false;  // RFC 9309 §2.3.1.4: assume complete disallow
  bool retryable = true;     // worth asking again in this run
  FetchOutcome blocked_outcome = FetchOutcome::kRobotsDisallowed;
  FailureClass blocked_failure = FailureClass::kTemporary;
  std::string why;
  if (got_answer && status >= 200 && status < 300) {
    site.robots = Robots::Parse(t.body);
  } else if (got_answer && status >= 500) {
    unreachable = true;
    why = url + " answered HTTP " + std::to_string(status) +
          " (RFC 9309: the site counts as disallowed for this run)";
  } else if (got_answer || rc == CURLE_TOO_MANY_REDIRECTS ||
             ClassifyCurlError(rc, t.over_limit).outcome == FetchOutcome::kBadUrl) {
    // 4xx, other statuses, or no robots.txt to be found: allow everything.
    site.robots = Robots::AllowAll();
  } else {
    unreachable = true;
    Verdict v = ClassifyCurlError(rc, t.over_limit);
    blocked_outcome = v.outcome;
    // A certificate that does not verify: the site's pages end as the page
    // itself would (kSoft, not retried), since nothing of it can be fetched.
    if (!v.retryable) blocked_failure = v.failure;
    retryable = v.retryable;
    why = url + ": " + CurlMessage(rc, t, policy_);
  }

  if (unreachable) {
    if (retryable && rs.robots_attempts < max_attempts_) {
      milliseconds wait = Backoff(rs.robots_attempts);
      std::optional<milliseconds> ra =
          ParseRetryAfter(Header(t.easy, "Retry-After"), wall_clock_());
      if (ra && *ra <= policy_.max_retry_after) wait = std::max(wait, *ra);
      if (!ra || *ra <= policy_.max_retry_after) {
        rs.robots_eligible = SteadyClock::now() + wait;
        return;
      }
    }
    site.robots = Robots::DisallowAll();
    site.blocked = true;
    site.blocked_outcome = blocked_outcome;
    site.blocked_failure = blocked_failure;
    site.blocked_error = why + Attempts(rs.robots_attempts);
  }
  site.robots_known = true;
  milliseconds delay = policy_.per_host_delay;
  if (std::optional<double> cd = site.robots.CrawlDelaySeconds(policy_.product_token)) {
    milliseconds crawl(static_cast<int64_t>(std::min(*cd, 1e6) * 1000));
    delay = std::max(delay, std::min(crawl, policy_.max_crawl_delay));
  }
  site.delay = delay;
}

bool Run::CollectDone() {
  bool any = false;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* easy = msg->easy_handle;
    CURLcode rc = msg->data.result;
    curl_multi_remove_handle(multi_, easy);
    auto it = active_.find(easy);
    if (it == active_.end()) continue;
    std::unique_ptr<Transfer> t = std::move(it->second);
    active_.erase(it);
    run_sites_[t->site].active--;
    if (t->robots) {
      RobotsDone(*t, rc);
    } else {
      PageDone(*t, rc);
    }
    any = true;
  }
  return any;
}

std::vector<FetchResult> Run::Go(const std::vector<FetchRequest>& requests) {
  jobs_.resize(requests.size());
  remaining_ = requests.size();
  for (size_t j = 0; j < requests.size(); ++j) {
    Job& job = jobs_[j];
    job.request = &requests[j];
    job.result.url = requests[j].url;
    std::string error;
    std::optional<ParsedUrl> p = ParseHttpUrl(requests[j].url, &error);
    if (!p) {
      job.result.outcome = FetchOutcome::kBadUrl;
      job.result.failure = FailureClass::kHard;
      job.result.error = error;
      Finish(j);
      continue;
    }
    job.url = requests[j].url;
    job.path_and_query = p->path_and_query;
    run_sites_[SiteFor(p->origin)].queue.push_back(j);
  }

  size_t rotate = 0;
  while (remaining_ > 0) {
    SteadyTime now = SteadyClock::now();
    SteadyTime wake = now + milliseconds(1000);
    int total_active = static_cast<int>(active_.size());
    for (size_t k = 0; k < run_sites_.size(); ++k) {
      size_t s = (k + rotate) % run_sites_.size();
      RunSite& rs = run_sites_[s];
      Site& site = *rs.site;
      bool robots_ready = !policy_.obey_robots || site.robots_known;
      if (policy_.obey_robots && site.robots_known && !rs.resolved) ResolveByRobots(rs);
      if (rs.queue.empty()) continue;  // nothing (left) to fetch: no robots.txt needed
      while (rs.active < per_host_parallel_ && total_active < max_parallel_) {
        SteadyTime next_ok = site.started_any ? site.last_start + site.delay : now;
        if (!robots_ready) {
          if (rs.robots_in_flight) break;
          SteadyTime at = std::max(next_ok, rs.robots_eligible);
          if (at > now) {
            wake = std::min(wake, at);
            break;
          }
          StartRobots(s, now);
          if (rs.robots_in_flight) ++total_active;
          break;
        }
        auto ready = rs.queue.end();
        SteadyTime earliest = SteadyTime::max();
        for (auto q = rs.queue.begin(); q != rs.queue.end(); ++q) {
          if (jobs_[*q].eligible <= now) {
            ready = q;
            break;
          }
          earliest = std::min(earliest, jobs_[*q].eligible);
        }
        if (ready == rs.queue.end()) {
          if (earliest != SteadyTime::max()) wake = std::min(wake, std::max(earliest, next_ok));
          break;
        }
        if (next_ok > now) {
          wake = std::min(wake, next_ok);
          break;
        }
        size_t j = *ready;
        rs.queue.erase(ready);
        size_t before = active_.size();
        StartPage(j, s, now);
        if (active_.size() > before) ++total_active;
      }
    }
    ++rotate;
    if (!active_.empty()) {
      int running = 0;
      curl_multi_perform(multi_, &running);
      if (CollectDone()) continue;  // something may be ready to start at once
    }
    if (remaining_ == 0) break;
    now = SteadyClock::now();
    int64_t wait_ms = std::chrono::ceil<milliseconds>(wake - now).count();
    wait_ms = std::clamp<int64_t>(wait_ms, 0, 1000);
    curl_multi_poll(multi_, nullptr, 0, static_cast<int>(wait_ms), nullptr);
  }

  std::vector<FetchResult> results;
  results.reserve(jobs_.size());
  for (Job& job : jobs_) results.push_back(std::move(job.result));
  return results;
}

}  // namespace

std::vector<FetchResult> Fetcher::Impl::FetchAll(
    const std::vector<FetchRequest>& requests,
    const std::function<void(const FetchResult&)>& on_done) {
  if (multi == nullptr) {
    std::vector<FetchResult> results;
    for (const FetchRequest& req : requests) {
      FetchResult r;
      r.url = req.url;
      r.outcome = FetchOutcome::kNetworkError;
      r.failure = FailureClass::kTemporary;
      r.error = req.url + ": libcurl could not create a multi handle";
      if (on_done) on_done(r);
      results.push_back(std::move(r));
    }
    return results;
  }
  Run run(policy, wall_clock, multi, &sites, on_done);
  return run.Go(requests);
}

Fetcher::Fetcher(FetchPolicy policy, WallClock wall_clock) : impl_(std::make_unique<Impl>()) {
  InitCurlOnce();
  impl_->policy = std::move(policy);
  impl_->wall_clock = wall_clock ? std::move(wall_clock)
                                 : WallClock([] { return std::chrono::system_clock::now(); });
  impl_->multi = curl_multi_init();
}

Fetcher::~Fetcher() = default;
Fetcher::Fetcher(Fetcher&&) noexcept = default;
Fetcher& Fetcher::operator=(Fetcher&&) noexcept = default;

std::vector<FetchResult> Fetcher::FetchAll(const std::vector<FetchRequest>& requests,
                                           const std::function<void(const FetchResult&)>& on_done) {
  return impl_->FetchAll(requests, on_done);
}

const FetchPolicy& Fetcher::policy() const { return impl_->policy; }

}  // namespace newsrecon
