// Loading what the desk commands (report --format html, explain, export
// --format claimreview) show: findings, claims and review history, from the
// store into the report stage's DeskView. Header-only; used by those files.
#ifndef NEWSRECON_TOOLS_CLI_DESK_DATA_H_
#define NEWSRECON_TOOLS_CLI_DESK_DATA_H_

#include <utility>

#include "pipeline/report/desk_view.h"
#include "pipeline/store/desk.h"
#include "pipeline/store/store.h"

namespace newsrecon::cli {

// Findings and reviews always; every claim only when `with_claims`.
inline StatusOr<DeskView> LoadDeskView(const Store& store, bool with_claims) {
  DeskView view;
  StatusOr<Findings> findings = store.LoadFindings();
  if (!findings.ok()) return findings.status();
  view.findings = std::move(*findings);
  if (with_claims) {
    StatusOr<std::vector<StoredClaim>> claims = store.LoadClaims();
    if (!claims.ok()) return claims.status();
    view.claims = std::move(*claims);
  }
  StatusOr<std::vector<StoredReview>> reviews = LoadReviews(store);
  if (!reviews.ok()) return reviews.status();
  for (StoredReview& r : *reviews) {
    view.reviews.push_back({std::move(r.conflict_id), r.verdict, std::move(r.note),
                            std::move(r.reviewer), std::move(r.reviewed_at)});
  }
  return view;
}

}  // namespace newsrecon::cli

#endif  // NEWSRECON_TOOLS_CLI_DESK_DATA_H_
