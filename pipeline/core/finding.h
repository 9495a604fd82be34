// What reconcile finds and the store keeps: claims with their sources, and
// the conflicts and agreements between them (guide §3).
#ifndef NEWSRECON_PIPELINE_CORE_FINDING_H_
#define NEWSRECON_PIPELINE_CORE_FINDING_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/claim.h"

namespace newsrecon {

// A claim as stored, with the article it came from.
struct StoredClaim {
  int64_t id = 0;          // claims.id in the store
  int64_t article_id = 0;  // articles.id in the store
  // The first stored article of the story the article tells (articles.story_id:
  // it nearly copies that one's text, core/near_copy.h), else article_id; 0
  // when not known (read as article_id).
  int64_t story_id = 0;
  ArticleMeta article;   // outlet, url/path, published ...
  Claim claim;           // mention offsets are bytes into the article's text
  std::string sentence;  // the sentence as printed
  // The sources that carried the article's text word for word (the store's
  // article_copies: not stored again), in the order found, then those that
  // carried it nearly (the other articles of its story), in the order
  // stored; by label. Filled by Store::LoadFindings; reconcile does not read
  // it.
  std::vector<std::string> copies;
};

// The key two claims must share to be compared: entity, attribute, qualifier.
struct ClaimKey {
  std::string entity;
  std::string attribute;
  std::string qualifier;
  auto operator<=>(const ClaimKey&) const = default;
};

// How far apart two conflicting values are.
enum class SeverityUnit {
  kRatio,   // money and percentages: larger bound over smaller (850/345 = 2.46)
  kMonths,  // dates: whole months between the nearest ends of the intervals
};

// A reviewer's verdict on a conflict (issue 5 adds the workflow).
enum class ReviewStatus { kOpen, kConfirmed, kDismissed, kNeedsWork };

struct Conflict {
  std::string id;  // stable across runs for the same pair of claims: "c" + 12 hex digits
  ClaimKey key;
  AsOf as_of;          // where the two as-of windows overlap
  std::string reason;  // one sentence a fact-checker can read
  double severity = 0;
  SeverityUnit severity_unit = SeverityUnit::kRatio;
  ReviewStatus status = ReviewStatus::kOpen;
  std::vector<StoredClaim> claims;  // exactly two, earlier publication first
};

struct Agreement {
  std::string id;  // stable: "a" + 12 hex digits of the key and the claims
  ClaimKey key;
  AsOf as_of;
  std::string reason;
  std::vector<StoredClaim> claims;  // two or more, from at least two sources
};

struct Findings {
  std::vector<Conflict> conflicts;    // most severe first
  std::vector<Agreement> agreements;  // most sources first
};

// The order of findings (reconcile's rule 8), which the store keeps as their
// rank. Conflicts: most severe first, a ratio r weighing log2(r) and m months
// m / kMonthsPerSeverityUnit (so a doubling weighs as much as a year), ties
// by id. Agreements: most claims (one a source) first, ties by id.
inline constexpr double kMonthsPerSeverityUnit = 12;

inline double SeverityWeight(double severity, SeverityUnit unit) {
  if (unit == SeverityUnit::kMonths) return severity / kMonthsPerSeverityUnit;
  return severity > 0 ? std::log2(severity) : 0;
}

inline bool ConflictBefore(double severity_a, SeverityUnit unit_a, const std::string& id_a,
                           double severity_b, SeverityUnit unit_b, const std::string& id_b) {
  const double wa = SeverityWeight(severity_a, unit_a);
  const double wb = SeverityWeight(severity_b, unit_b);
  if (wa != wb) return wa > wb;
  return id_a < id_b;
}

inline bool AgreementBefore(size_t claims_a, const std::string& id_a, size_t claims_b,
                            const std::string& id_b) {
  if (claims_a != claims_b) return claims_a > claims_b;
  return id_a < id_b;
}

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_FINDING_H_
