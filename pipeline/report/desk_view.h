// What the desk's outputs (the HTML report, explain, ClaimReview export)
// take besides Findings: every claim (for timelines) and the review history.
// Plain values, filled by the command line from the store.
#ifndef NEWSRECON_PIPELINE_REPORT_DESK_VIEW_H_
#define NEWSRECON_PIPELINE_REPORT_DESK_VIEW_H_

#include <string>
#include <vector>

#include "pipeline/core/finding.h"

namespace newsrecon {

// One reviewer's verdict on a conflict (a row of the reviews table).
struct ReviewEvent {
  std::string conflict_id;
  ReviewStatus verdict = ReviewStatus::kOpen;
  std::string note;         // "" when none
  std::string reviewer;     // "" when not given
  std::string reviewed_at;  // "YYYY-MM-DDTHH:MM:SSZ" (UTC)
};

struct DeskView {
  Findings findings;                 // conflicts (with current status) and agreements
  std::vector<StoredClaim> claims;   // every stored claim, for timelines
  std::vector<ReviewEvent> reviews;  // every review, oldest first within a conflict
};

// The reviews of one conflict, oldest first.
std::vector<ReviewEvent> HistoryOf(const std::vector<ReviewEvent>& reviews,
                                   const std::string& conflict_id);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_REPORT_DESK_VIEW_H_
