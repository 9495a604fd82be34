#include "pipeline/extract/extract.h"

#include "pipeline/core/hedge.h"
#include "pipeline/normalize/normalize.h"

namespace newsrecon {

StatusOr<Extractor> Extractor::Load() {
  StatusOr<MentionExtractor> mentions = MentionExtractor::Load();
  if (!mentions.ok()) return mentions.status();
  StatusOr<Attributor> attributor = Attributor::Load();
  if (!attributor.ok()) return attributor.status();
  return Extractor(std::move(*mentions), std::move(*attributor));
}

StatusOr<std::vector<Claim>> Extractor::Extract(std::string_view text,
                                                std::optional<CivilDate> published,
                                                std::string_view language) const {
  StatusOr<NormalizedText> normalized = Normalize(text);
  if (!normalized.ok()) return normalized.status();
  const NormalizedText& n = *normalized;
  std::vector<Mention> mentions =
      mentions_.Find(n.text, published, n.sentences, DecimalMarkOf(language));
  std::vector<Claim> claims = attributor_.Attribute(n.text, n.sentences, mentions, published, language);
  for (Claim& c : claims) {
    c.mention.span = n.map.ToOriginal(c.mention.span);
    c.mention.text = std::string(text.substr(c.mention.span.start, c.mention.span.size()));
    c.sentence = n.map.ToOriginal(c.sentence);
    c.interval = ComputeInterval(c.mention);
  }
  return claims;
}

}  // namespace newsrecon
