#include "pipeline/core/fetch_outcome.h"

namespace newsrecon {

std::string_view Name(FetchOutcome v) {
  switch (v) {
    case FetchOutcome::kOk:
      return "ok";
    case FetchOutcome::kNotModified:
      return "not_modified";
    case FetchOutcome::kHttpError:
      return "http_error";
    case FetchOutcome::kTimeout:
      return "timeout";
    case FetchOutcome::kTooLarge:
      return "too_large";
    case FetchOutcome::kTooManyRedirects:
      return "too_many_redirects";
    case FetchOutcome::kRobotsDisallowed:
      return "robots_disallowed";
    case FetchOutcome::kBadUrl:
      return "bad_url";
    case FetchOutcome::kNetworkError:
      return "network_error";
  }
  return "unknown";
}

std::string_view Name(FailureClass v) {
  switch (v) {
    case FailureClass::kNone:
      return "none";
    case FailureClass::kTemporary:
      return "temporary";
    case FailureClass::kSoft:
      return "soft";
    case FailureClass::kHard:
      return "hard";
  }
  return "unknown";
}

std::optional<FetchOutcome> ParseFetchOutcome(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(FetchOutcome::kNetworkError); ++i) {
    const auto v = static_cast<FetchOutcome>(i);
    if (Name(v) == name) return v;
  }
  return std::nullopt;
}

std::optional<FailureClass> ParseFailureClass(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(FailureClass::kHard); ++i) {
    const auto v = static_cast<FailureClass>(i);
    if (Name(v) == name) return v;
  }
  return std::nullopt;
}

}  // namespace newsrecon
