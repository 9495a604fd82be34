// Pieces every report format shares (internal to pipeline/report/): a quote
// cut around its figure, the heading of a finding, severity and hedge words.
// Never fails; pure functions.
#ifndef NEWSRECON_PIPELINE_REPORT_COMMON_H_
#define NEWSRECON_PIPELINE_REPORT_COMMON_H_

#include <string>
#include <vector>

#include "pipeline/core/finding.h"

namespace newsrecon::report_internal {

// Severity as a report prints it: two decimals for ratios.
inline constexpr int kSeverityDecimals = 2;

// A sentence cut around its figure; `found` is false when the figure could
// not be located, and then `before` holds the whole sentence. Newlines and
// tabs become spaces. See report.h for how the figure is located.
struct Quote {
  std::string before;
  std::string figure;
  std::string after;
  bool found = false;
};
Quote CutQuote(const StoredClaim& c);

// Newlines and tabs as spaces.
std::string OneLine(std::string s);

// "OpenAI · valuation · latest (2026-01-27 to 2026-04-27)".
std::string Heading(const ClaimKey& key, const AsOf& as_of);

// "2.27 times", "24 months".
std::string SeverityWords(const Conflict& c);

// "exact", "more than (\"surpassed\")".
std::string HedgeLine(const Mention& m);

// The URL or path of an article, or "" when it would only repeat its label.
std::string Where(const ArticleMeta& a);

// The other sources that carried the claim's article, word for word or
// nearly (StoredClaim::copies), each once in the order given, leaving out the
// article's own label (a print version of the same outlet).
std::vector<std::string> OtherSources(const StoredClaim& c);

// "also published by Beta, Gamma" (OtherSources), or "" when none.
std::string AlsoPublishedBy(const StoredClaim& c);

}  // namespace newsrecon::report_internal

#endif  // NEWSRECON_PIPELINE_REPORT_COMMON_H_
