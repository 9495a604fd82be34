#include "pipeline/core/names.h"

#include <array>
#include <utility>

namespace newsrecon {
namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<MentionKind, 3> kKinds{{{MentionKind::kDate, "date"},
                                        {MentionKind::kMoney, "money"},
                                        {MentionKind::kPercent, "percent"}}};
constexpr Table<Hedge, 4> kHedges{{{Hedge::kExact, "exact"},
                                   {Hedge::kAbout, "about"},
                                   {Hedge::kMoreThan, "more_than"},
                                   {Hedge::kUpTo, "up_to"}}};
constexpr Table<Granularity, 4> kGranularities{{{Granularity::kDay, "day"},
                                                {Granularity::kMonth, "month"},
                                                {Granularity::kQuarter, "quarter"},
                                                {Granularity::kYear, "year"}}};
constexpr Table<DateResolution, 2> kResolutions{
    {{DateResolution::kAbsolute, "absolute"}, {DateResolution::kRelative, "relative"}}};
constexpr Table<AsOfBasis, 6> kBases{{{AsOfBasis::kExplicit, "explicit"},
                                      {AsOfBasis::kEvent, "event"},
                                      {AsOfBasis::kLatest, "latest"},
                                      {AsOfBasis::kPublication, "publication"},
                                      {AsOfBasis::kTimeless, "timeless"},
                                      {AsOfBasis::kFiscal, "fiscal"}}};
constexpr Table<PublishedMethod, 10> kMethods{{{PublishedMethod::kUnknown, "unknown"},
                                               {PublishedMethod::kManifest, "manifest"},
                                               {PublishedMethod::kCommandLine, "command_line"},
                                               {PublishedMethod::kJsonLd, "json_ld"},
                                               {PublishedMethod::kMetaTag, "meta_tag"},
                                               {PublishedMethod::kTimeElement, "time_element"},
                                               {PublishedMethod::kUrl, "url"},
                                               {PublishedMethod::kFeed, "feed"},
                                               {PublishedMethod::kHttpHeader, "http_header"},
                                               {PublishedMethod::kText, "text"}}};

constexpr Table<SeverityUnit, 2> kSeverityUnits{
    {{SeverityUnit::kRatio, "ratio"}, {SeverityUnit::kMonths, "months"}}};

constexpr Table<ReviewStatus, 4> kReviewStatuses{{{ReviewStatus::kOpen, "open"},
                                                  {ReviewStatus::kConfirmed, "confirmed"},
                                                  {ReviewStatus::kDismissed, "dismissed"},
                                                  {ReviewStatus::kNeedsWork, "needs-work"}}};

template <typename E, size_t N>
std::string_view Find(const Table<E, N>& t, E v) {
  for (const auto& [e, name] : t)
    if (e == v) return name;
  return "?";
}
template <typename E, size_t N>
std::optional<E> Find(const Table<E, N>& t, std::string_view s) {
  for (const auto& [e, name] : t)
    if (name == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view Name(MentionKind v) { return Find(kKinds, v); }
std::string_view Name(Hedge v) { return Find(kHedges, v); }
std::string_view Name(Granularity v) { return Find(kGranularities, v); }
std::string_view Name(DateResolution v) { return Find(kResolutions, v); }
std::string_view Name(AsOfBasis v) { return Find(kBases, v); }
std::string_view Name(PublishedMethod v) { return Find(kMethods, v); }
std::string_view Name(SeverityUnit v) { return Find(kSeverityUnits, v); }
std::string_view Name(ReviewStatus v) { return Find(kReviewStatuses, v); }

std::optional<MentionKind> ParseMentionKind(std::string_view s) { return Find(kKinds, s); }
std::optional<Hedge> ParseHedge(std::string_view s) { return Find(kHedges, s); }
std::optional<Granularity> ParseGranularity(std::string_view s) { return Find(kGranularities, s); }
std::optional<DateResolution> ParseDateResolution(std::string_view s) {
  return Find(kResolutions, s);
}
std::optional<AsOfBasis> ParseAsOfBasis(std::string_view s) { return Find(kBases, s); }
std::optional<PublishedMethod> ParsePublishedMethod(std::string_view s) {
  return Find(kMethods, s);
}

std::optional<SeverityUnit> ParseSeverityUnit(std::string_view s) {
  return Find(kSeverityUnits, s);
}

std::optional<ReviewStatus> ParseReviewStatus(std::string_view s) {
  return Find(kReviewStatuses, s);
}

}  // namespace newsrecon
