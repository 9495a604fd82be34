// `newsrecon explain`: why newsrecon says what it says about one claim or one
// conflict, in words a fact-checker can check against the article.
//
// Takes: a stored claim (with the findings it takes part in), or a conflict
// with its review history. Gives: a JSON object and its plain-text reading.
// For a claim: the article and how its publication date was found; the
// sentence with the figure marked; which rule matched which bytes and which
// words set the hedge; how the value and its comparison interval were
// computed (the bands of pipeline/core/hedge.h, by name); for a relative
// date, the publication date that anchored it; the key and the as-of window
// and why. For a conflict: both claims so explained, why they share a key,
// the severity worked out, the reason and the review history.
// Never fails; pure functions.
#ifndef NEWSRECON_PIPELINE_REPORT_EXPLAIN_H_
#define NEWSRECON_PIPELINE_REPORT_EXPLAIN_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/core/finding.h"
#include "pipeline/report/desk_view.h"

namespace newsrecon {

// {"type":"claim","id","article":{…},"sentence","marked","match":{"rule","text","start","end",
//  "hedge","hedge_text","words"},"value":{"kind","printed","how"},"interval":{"low","high",
//  "how"},("date":{"resolution","anchor","how"}),"key":{"entity","attribute","qualifier"},
//  "as_of":{"start","end","basis","event","why"},"findings":[{"type","id","reason"}]}
nlohmann::json ExplainClaim(const StoredClaim& claim, const Findings& findings);

// {"type":"conflict","id","key":{…},"as_of":{…},"shared_key","reason","severity",
//  "severity_unit","severity_how","status","history":[{"reviewed_at","reviewer","verdict",
//  "note"}],"claims":[ExplainClaim, ExplainClaim]}
nlohmann::json ExplainConflict(const Conflict& conflict, const std::vector<ReviewEvent>& history,
                               const Findings& findings);

// The explanation as indented plain text, one fact a line.
std::string ExplainText(const nlohmann::json& explanation);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_REPORT_EXPLAIN_H_
