// The extract stage's runner: an article's text → its claims (guide §1).
//
// Takes: an article's main text as printed (UTF-8) and its publication date
// when known. Gives: claims in text order whose mention and sentence spans are
// byte offsets into that same text, whose mention text is the figure exactly
// as printed, and whose interval is computed from value and hedge
// (pipeline/core/hedge.h). Internally: normalize (pipeline/normalize), find
// mentions (extractors/extractors.h), attribute them
// (extractors/attribution/attribution.h), map spans back.
// Fails: kInvalidArgument when the text is not valid UTF-8 (naming the byte);
// Load fails only if an embedded rules file or lexicon is malformed.
//
// Thread-safety: immutable after Load; Extract may run on many threads.
#ifndef NEWSRECON_PIPELINE_EXTRACT_EXTRACT_H_
#define NEWSRECON_PIPELINE_EXTRACT_EXTRACT_H_

#include <optional>
#include <string_view>
#include <vector>

#include "extractors/attribution/attribution.h"
#include "extractors/extractors.h"
#include "pipeline/core/claim.h"
#include "pipeline/core/status.h"

namespace newsrecon {

class Extractor {
 public:
  static StatusOr<Extractor> Load();

  // `language` (BCP 47, "" when unknown) decides how "5.000" and "1,234"
  // read (DecimalMarkOf).
  StatusOr<std::vector<Claim>> Extract(std::string_view text, std::optional<CivilDate> published,
                                       std::string_view language = "") const;

 private:
  Extractor(MentionExtractor mentions, Attributor attributor)
      : mentions_(std::move(mentions)), attributor_(std::move(attributor)) {}
  MentionExtractor mentions_;
  Attributor attributor_;
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_EXTRACT_EXTRACT_H_
