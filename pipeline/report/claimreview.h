// schema.org ClaimReview JSON-LD for the conflicts reviewers confirmed
// (`newsrecon export --format claimreview`), in the shape Google's
// fact-check markup documentation asks for.
//
// Takes: findings (conflicts with their current status) and the review
// history. Gives: a JSON array with one ClaimReview per confirmed conflict:
//   {"@context":"https://schema.org","@type":"ClaimReview",
//    "claimReviewed": what the outlets claim, both figures,
//    "itemReviewed":{"@type":"Claim","author":[Organization per outlet],
//      "datePublished": earliest publication,"appearance":[{"@type":"NewsArticle",
//      "url"?,"headline"?,"datePublished"?,"publisher":Organization}],"firstAppearance"},
//    "reviewRating":{"@type":"Rating","alternateName":"Contradicted by other reporting",
//      "ratingExplanation": the conflict's reason},
//    "author":{"@type":"Person","name": the reviewer} (Organization "newsrecon" when the
//      review names nobody),
//    "datePublished": the confirming review's day (YYYY-MM-DD),
//    "reviewBody": the reviewer's note, when there is one,
//    "url": url_base + "#" + conflict id, only when url_base is not empty,
//    "identifier": the conflict id}
// Never fails; a pure function.
#ifndef NEWSRECON_PIPELINE_REPORT_CLAIMREVIEW_H_
#define NEWSRECON_PIPELINE_REPORT_CLAIMREVIEW_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/core/finding.h"
#include "pipeline/report/desk_view.h"

namespace newsrecon {

// The textual rating of a confirmed conflict.
inline constexpr char kConfirmedRating[] = "Contradicted by other reporting";

nlohmann::json ClaimReviews(const Findings& findings, const std::vector<ReviewEvent>& reviews,
                            const std::string& url_base);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_REPORT_CLAIMREVIEW_H_
