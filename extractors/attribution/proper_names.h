// Proper names: the organisations a sentence names that the entity lexicon
// does not know ("Rivian was valued at ...", "shares of Goldman Sachs fell"),
// so a figure in news about any company can still say whom it is about.
//
// Takes: normalized text in English, one sentence's span in it, and the
// text's ProperNameEvidence (built once per text; see CapitalsMarkNames).
// Gives: the names in the sentence, in order, each with its span and the name
// as printed less a corporate suffix ("Rivian Automotive Inc." is "Rivian
// Automotive"). Never fails.
//
// A name is a run of capitalised words, joined by "of", "&", "de", "van" and
// "von" when a capitalised word follows ("Bank of America", "Procter &
// Gamble"). Not names: month and weekday names; function words that open a
// sentence ("The", "In", "But"); a name right after "in", "at", "from", "to",
// "where" and the like (places: "in Paris", "analysts at Jefferies"); a name
// right after a title ("chief executive Jensen Huang", "Mr Smith"); a
// nationality before a noun ("Ukrainian firms"); the source after the figure
// ("..., Eurostat said"); the place before a hyphen that opens a name
// ("Perth-based Kestrel Minerals" is "Kestrel Minerals"). A single word that opens the sentence
// ("Analysts expect ...") is a name only when it is shaped like one ("IBM", "OpenAI") or the text
// also prints it capitalised inside a sentence, or opens a sentence with it before a verb of
// speaking or acting ("Stripe said") and never prints it in lower case.
//
// Attribution uses these names where the lexicons name nobody in the
// sentence but places (entities.lexicon `place`); elsewhere only the name of
// two words or more that opens the sentence (its subject), and never a
// one-word name that is an attribute's trigger ("Eurobond").
//
// Thread-safety: FindProperNames is pure; a ProperNameEvidence is for one
// thread (it collects words on first use).
#ifndef NEWSRECON_EXTRACTORS_ATTRIBUTION_PROPER_NAMES_H_
#define NEWSRECON_EXTRACTORS_ATTRIBUTION_PROPER_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/claim.h"

namespace newsrecon {

struct ProperName {
  ByteSpan span;     // the name as printed, suffix included
  std::string name;  // without a corporate suffix
};

// Above this share of capitalised words inside sentences, a text capitalises
// its nouns (German: 0.18-0.49 on the development pages) or its headings, and
// capitals say nothing about names; English news prints 0.03-0.17.
inline constexpr double kMaxCapitalisedShare = 0.2;
inline constexpr size_t kMinWordsForShare = 100;

// The capitalised words a text prints inside its sentences (not as their
// first word): evidence that a capitalised sentence opener is a name.
class ProperNameEvidence {
 public:
  // Counts the text's words; the capitalised ones are collected on the
  // first SeenInside.
  ProperNameEvidence(std::string_view text, const std::vector<ByteSpan>& sentences);
  bool SeenInside(std::string_view word) const;
  // Whether capitals in this text mark names (kMaxCapitalisedShare). A text
  // of fewer than kMinWordsForShare words says too little by its share ("A
  // UK charity, Harbour Light Trust, raised £2.3m": 4 of 11): its language
  // decides alone.
  bool CapitalsMarkNames() const {
    return words_ < kMinWordsForShare ||
           static_cast<double>(capitalised_) / words_ <= kMaxCapitalisedShare;
  }

 private:
  std::string_view text_;
  const std::vector<ByteSpan>* sentences_;
  size_t words_ = 0;        // words inside sentences
  size_t capitalised_ = 0;  // of them, capitalised
  mutable bool collected_ = false;
  mutable std::vector<std::string_view> inside_;  // views into the text, sorted, unique
  mutable std::vector<std::string_view> agents_;  // sentence openers before kAgentVerbs
};

// Whether a capitalised word is never a name: a month or weekday, a word that
// opens sentences ("The", "This"), a common noun ("Company", "Police"), or one
// joining such words ("April-June").
bool IsNotAName(std::string_view word);

// The bytes of an occupation or title opening a name ("Billionaire Harold
// Vance", "President Biden"), up to the next capitalised word; 0 when the
// name opens with none.
size_t TitleBytes(std::string_view name);

std::vector<ProperName> FindProperNames(std::string_view text, ByteSpan sentence,
                                        const ProperNameEvidence& evidence);

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_ATTRIBUTION_PROPER_NAMES_H_
