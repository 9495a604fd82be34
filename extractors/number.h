// Numbers as news prints them: "850", "1,234.5", "228.3", number words
// ("twenty", "one"), scale words and abbreviations ("billion", "bn", "m").
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_EXTRACTORS_NUMBER_H_
#define NEWSRECON_EXTRACTORS_NUMBER_H_

#include <optional>
#include <string_view>

namespace newsrecon {

struct ParsedNumber {
  double value = 0;
  // Place value of the last digit printed: 1 for "850", 0.1 for "228.3",
  // 1 for number words.
  double resolution = 1;
};

// Digits with optional thousands commas and a decimal point ("1,234.5"), or
// an English number word from zero to ninety-nine ("twenty-seven"), or "a"/"an"
// (one). nullopt for anything else, including "1,23" (a bad grouping).
std::optional<ParsedNumber> ParseNumber(std::string_view text);

// "thousand"/"k" → 1e3, "million"/"m"/"mn"/"mln" → 1e6, "billion"/"bn"/"b" →
// 1e9, "trillion"/"tn"/"tr" → 1e12, "lakh" → 1e5, "crore" → 1e7,
// "lakh crore" → 1e12; case does not
// matter. nullopt for an unknown word. An empty scale is 1.
std::optional<double> ParseScale(std::string_view text);

// "third" → 3, "thirds" → 3, "quarter" → 4, "half" → 2, "fifth" → 5 ... "tenth" → 10.
std::optional<int> ParseFractionDenominator(std::string_view text);

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_NUMBER_H_
