// Mentions: every date, money and percent figure in a normalized text, with
// its hedge. This is the first half of extraction; attribution
// (extractors/attribution/) turns mentions into claims.
//
// Takes: normalized text (pipeline/normalize), its sentences, and the
// publication date when known. Gives: mentions in text order, spans into the
// normalized text, none overlapping. Fails: only at Load, when an embedded
// rules file does not compile (a programmer error, reported as a Status).
//
// Thread-safety: immutable after Load; share one instance across threads.
#ifndef NEWSRECON_EXTRACTORS_EXTRACTORS_H_
#define NEWSRECON_EXTRACTORS_EXTRACTORS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "extractors/rules.h"
#include "pipeline/core/claim.h"
#include "pipeline/core/status.h"

namespace newsrecon {

// How far before a figure a hedge may start, in bytes: "upwards of" and "in the
// region of" are the longest hedges; a little more allows "the" and spaces.
inline constexpr size_t kHedgeWindowBytes = 40;

class MentionExtractor {
 public:
  static StatusOr<MentionExtractor> Load();

  // REQUIRES: `sentences` are spans of `text`, in order (may be empty).
  // `mark` is the text's language's decimal mark (DecimalMarkOf).
  std::vector<Mention> Find(std::string_view text, std::optional<CivilDate> reference,
                            const std::vector<ByteSpan>& sentences,
                            DecimalMark mark = DecimalMark::kPoint) const;

  const RuleSet& dates() const { return dates_; }
  const RuleSet& money() const { return money_; }
  const RuleSet& percent() const { return percent_; }

 private:
  MentionExtractor(RuleSet dates, RuleSet money, RuleSet percent, RuleSet hedges)
      : dates_(std::move(dates)),
        money_(std::move(money)),
        percent_(std::move(percent)),
        hedges_(std::move(hedges)) {}
  void SetHedge(std::string_view text, ByteSpan sentence, Mention* m) const;

  RuleSet dates_, money_, percent_, hedges_;
};

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_EXTRACTORS_H_
