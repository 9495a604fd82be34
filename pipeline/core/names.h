// The one table of printed names for newsrecon's enums. The database, JSON
// and the command line all go through these functions, so a name is spelled
// once. Parse* returns nullopt for a name it does not know.
#ifndef NEWSRECON_PIPELINE_CORE_NAMES_H_
#define NEWSRECON_PIPELINE_CORE_NAMES_H_

#include <optional>
#include <string_view>

#include "pipeline/core/article.h"
#include "pipeline/core/claim.h"
#include "pipeline/core/finding.h"

namespace newsrecon {

std::string_view Name(MentionKind v);     // "date", "money", "percent"
std::string_view Name(Hedge v);           // "exact", "about", "more_than", "up_to"
std::string_view Name(Granularity v);     // "day", "month", "quarter", "year"
std::string_view Name(DateResolution v);  // "absolute", "relative"
std::string_view Name(AsOfBasis v);  // "explicit", "event", "latest", "publication", "timeless"
std::string_view Name(PublishedMethod v);  // "manifest", "command_line", "json_ld", ...
std::string_view Name(SeverityUnit v);     // "ratio", "months"
std::string_view Name(ReviewStatus v);     // "open", "confirmed", "dismissed", "needs-work"

std::optional<MentionKind> ParseMentionKind(std::string_view s);
std::optional<Hedge> ParseHedge(std::string_view s);
std::optional<Granularity> ParseGranularity(std::string_view s);
std::optional<DateResolution> ParseDateResolution(std::string_view s);
std::optional<AsOfBasis> ParseAsOfBasis(std::string_view s);
std::optional<PublishedMethod> ParsePublishedMethod(std::string_view s);
std::optional<SeverityUnit> ParseSeverityUnit(std::string_view s);
std::optional<ReviewStatus> ParseReviewStatus(std::string_view s);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_NAMES_H_
