// The report stage: claims and findings → what people and programs read
// (guide §5).
//
// Takes: Claims (for `newsrecon extract`) and Findings (for `newsrecon
// report`). Gives: JSON values in the shapes of guide §5, and whole reports as
// plain text (for a terminal: at most kReportColumns wide where words allow,
// no colour), Markdown or JSON. Never fails: inconsistent offsets (a mention
// outside its sentence) print the sentence without a mark rather than crash.
// Touches nothing outside the project.
//
// Quotes: a claim's figure sits in its sentence at
// [span.start - sentence.start, span.end - sentence.start); when those bytes
// are not the mention's text, the first occurrence of the text is marked
// instead, and when there is none the sentence prints unmarked. Text marks
// the figure »like this«, Markdown **like this** (with *, _, |, `, [, ], <, >,
// # and \ escaped in quotes).
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_PIPELINE_REPORT_REPORT_H_
#define NEWSRECON_PIPELINE_REPORT_REPORT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/claim.h"
#include "pipeline/core/finding.h"

namespace newsrecon {

enum class ReportFormat { kText, kMarkdown, kJson };

// "text", "markdown", "json"; nullopt for anything else.
std::optional<ReportFormat> ParseReportFormat(std::string_view name);

// Width a text report wraps to.
inline constexpr int kReportColumns = 100;

// The extract line shape of guide §5:
//   {"kind","text","start","end","sentence","value","hedge","hedge_text","entity",
//    "attribute","qualifier","as_of","rule","interval":{"low","high"}}
// value: date {"start","end","granularity","resolution",("anchor"),("part")};
//        money {"amount","currency",("amount_high")};
//        percent {"percent",("percent_high"),("points":true)}.
// as_of: {"start","end","basis",("event")}. Optional members appear only when
// set. entity and attribute are null when unknown; qualifier is "" when none.
// Whole numbers print without a fraction (850000000000, 27).
// `start`/`end` are the mention's byte offsets as stored in the claim;
// "sentence" is `sentence_text` as given.
nlohmann::json ClaimJson(const Claim& claim, std::string_view sentence_text);

// {"conflicts":[…],"agreements":[…]}. A conflict: {"id","entity","attribute",
// "qualifier","as_of":{"start","end","basis",("event")},"reason","severity",
// "severity_unit","status","claims"}; an agreement the same without severity
// and status, plus "sources" (the number of claims, one a source). Each claim
// is ClaimJson (with the stored sentence) plus "id" (claim row id) and
// "article": {("path"),("url"),"outlet","label","title","published",
// "published_method"}; path and url appear when non-empty, outlet, title and
// published are null when unknown.
nlohmann::json FindingsJson(const Findings& findings);

// The whole report. Text and Markdown: a header line with counts, conflicts
// first (a heading per conflict: entity · attribute (qualifier) · as-of; the
// reason; severity and status; each side with outlet, publication date, URL
// or path, the quote with the figure marked, the hedge), then agreements
// (key, reason, the sources with their quotes). Empty findings say "No
// conflicts found." and "No agreements found.". JSON: FindingsJson, indented,
// with a final newline.
std::string RenderReport(const Findings& findings, ReportFormat format);

// The findings with only the conflicts whose review status is `status`
// (agreements are kept): `report --status open`.
Findings OnlyStatus(Findings findings, ReviewStatus status);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_REPORT_REPORT_H_
