// How one fetch of a URL ended, and what kind of failure it was: the
// vocabulary the fetch stage gives and the store's fetch log keeps
// (schema/0002_web.sql: fetch_outcomes, failure_classes).
#ifndef NEWSRECON_PIPELINE_CORE_FETCH_OUTCOME_H_
#define NEWSRECON_PIPELINE_CORE_FETCH_OUTCOME_H_

#include <optional>
#include <string_view>

namespace newsrecon {

enum class FetchOutcome {
  kOk,                // a 2xx answer, body kept
  kNotModified,       // 304: the validators matched
  kHttpError,         // any other status (see http_status)
  kTimeout,           // connect, total or low-speed timeout
  kTooLarge,          // the decoded body passed the limit
  kTooManyRedirects,  // more redirects than allowed, or a loop
  kRobotsDisallowed,  // robots.txt disallows the URL (or could not be read: 5xx)
  kBadUrl,            // unparseable, or not http(s)
  kNetworkError,      // DNS, connection, TLS
};

enum class FailureClass {
  kNone,
  kTemporary,  // timeouts, 408, 429, 5xx, network errors: try again next run
  kSoft,       // 404 and other 4xx, too large, too many redirects
  kHard,       // 410 Gone, bad URL, not http(s), robots.txt disallows
};

// "ok", "not_modified", "http_error", "timeout", "too_large",
// "too_many_redirects", "robots_disallowed", "bad_url", "network_error".
std::string_view Name(FetchOutcome v);
// "none", "temporary", "soft", "hard".
std::string_view Name(FailureClass v);
std::optional<FetchOutcome> ParseFetchOutcome(std::string_view name);
std::optional<FailureClass> ParseFailureClass(std::string_view name);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_FETCH_OUTCOME_H_
