// The reconcile stage: stored claims → conflicts and agreements (guide §3).
//
// Takes: claims as stored, each with its article. Gives: Findings, every
// conflict and agreement carrying its claims, key, as-of window, one-sentence
// reason, a stable id and (for conflicts) a severity; status is always kOpen
// (the store overlays reviewers' verdicts). Never fails; touches nothing
// outside the project. Deterministic: the same claims in any order give the
// same findings.
//
// The rules, in the order they apply:
//
//  1. Keys. Claims are grouped by ClaimKey (entity, attribute, qualifier);
//     claims with an empty entity or attribute are skipped. Within a key only
//     claims of one comparison class are compared: the same mention kind, for
//     money the same currency, for percentages percent with percent and
//     percentage points with percentage points. So "an initial $15 billion"
//     and "a total of $50 billion" (qualifiers initial / total) never meet.
//
//  2. Sources. Two claims come from different sources when their article_id
//     differs AND their article's Label() differs: a syndicated copy under the
//     same outlet label is not a second source. Label() falls back to the URL
//     host and then the file name, so files of unknown outlet are separate
//     sources.
//
//  3. One voice per article. Claims of one article with the same key whose
//     intervals overlap (and whose as-of windows overlap, rule 4) count once:
//     the first by mention offset stands for them.
//
//  4. Time. As-of windows [as_of.first, as_of.last] must overlap for two
//     claims to be compared at all; two kTimeless claims (date claims whose
//     value is the date itself) always overlap each other, and so do two
//     kEvent claims tied to the same event ("27% after the recapitalisation"),
//     whatever date each gives the event. "About $29 billion in January 2023"
//     and "$850 billion" (latest, 2026) form a timeline.
//
//  5. Conflict: two claims from different sources (rule 2) whose as-of
//     windows overlap and whose intervals (Claim::interval, hedges already
//     applied) do not. One conflict per pair of articles and distinct pair of
//     value intervals. The conflict's claims are ordered earlier publication
//     first (undated last), ties by article label, then mention offset.
//     Severity:
//       kRatio (money, percent): the higher claim's interval.low over the
//         lower claim's interval.high, on magnitudes when both are negative
//         (a fall of 8% against a fall of 2%), always > 1. When the lower end
//         is zero or the two lie on opposite sides of zero (a rise against a
//         fall) the ratio is kMaxSeverityRatio.
//       kMonths (dates): whole calendar months between the nearest ends of
//         the intervals (2023-10-31 to 2025-10-01 is 24), see MonthsBetween.
//
//  6. Agreement: within a key and comparison class, claims are sorted by
//     interval low and clustered greedily: a claim joins the first cluster
//     whose every member it overlaps (interval and as-of window), else starts
//     a new one. Clusters holding ≥ kMinAgreeingSources different sources are
//     agreements; each lists one claim per source (the first in conflict
//     order). Here the articles of one story (StoredClaim::story_id: near
//     copies of one text, such as an agency story two outlets edited) are one
//     source too: they are one voice, however many outlets carry it. They
//     may still conflict (rule 5): two versions of a story that give
//     different figures are what a fact-checker must see.
//
//  7. Ids: "c" (conflict) or "a" (agreement) + the first kIdHexDigits
//     lowercase hex digits of FNV-1a 64 over the key and each claim's identity
//     (article URL if non-empty, else the file name of its path without the
//     folders; mention span "start:end"; mention text), identities sorted, so
//     the same claims give the same id across runs, databases and checkouts,
//     independent of row ids and input order. Claims with the same identity
//     (one file read from two folders) count once: the smallest row id.
//
//  8. Order: conflicts most severe first, comparing a ratio r as log2(r) and m
//     months as m / kMonthsPerSeverityUnit (so a doubling weighs as much as a
//     year), ties by id; agreements most sources first, ties by id.
//
// Thread-safety: a pure function.
#ifndef NEWSRECON_PIPELINE_RECONCILE_RECONCILE_H_
#define NEWSRECON_PIPELINE_RECONCILE_RECONCILE_H_

#include <vector>

#include "pipeline/core/finding.h"

namespace newsrecon {

// The ratio recorded when values cannot be divided meaningfully: a lower end
// of zero, or a rise against a fall (rule 5).
inline constexpr double kMaxSeverityRatio = 1000;

// Agreements need this many different sources (rule 6).
inline constexpr int kMinAgreeingSources = 2;

// Hex digits of the FNV-1a hash kept in an id (rule 7): 48 bits.
inline constexpr int kIdHexDigits = 12;

// Groups claims by ClaimKey (entity, attribute, qualifier); claims with empty
// entity or attribute are skipped. See the rules above.
Findings Reconcile(const std::vector<StoredClaim>& claims);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RECONCILE_RECONCILE_H_
