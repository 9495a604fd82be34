// Numbers as news prints them: "850", "1,234.5", "228.3", number words
// ("twenty", "one"), scale words and abbreviations ("billion", "bn", "m").
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_EXTRACTORS_NUMBER_H_
#define NEWSRECON_EXTRACTORS_NUMBER_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace newsrecon {

struct ParsedNumber {
  double value = 0;
  // Place value of the last digit printed: 1 for "850", 0.1 for "228.3",
  // 1 for number words.
  double resolution = 1;
};

// `n` times `scale` ("1.15" and "billion"): a whole number when the last
// digit printed stands for one or more units (1,150,000,000, not
// 1,150,000,000.0000002), else the plain product.
double Scaled(const ParsedNumber& n, double scale);

// Which mark a language writes before the fraction. It decides the two
// readings the digits alone leave open: "5.000" and "1,234".
enum class DecimalMark { kPoint, kComma };

// kComma for the languages that write "3,5" (most of Europe, Russian,
// Turkish, Indonesian, Vietnamese, Portuguese, Spanish ...) unless the region
// writes "3.5" (de-CH, fr-CH, it-CH, es-MX, es-US ...); kPoint for the rest
// and for an unknown language (""). Takes BCP 47 ("pt-BR") or "pt_BR", any case.
DecimalMark DecimalMarkOf(std::string_view language);

// Digits as the world's news prints them, or an English number word from zero
// to ninety-nine ("twenty-seven"), or "a"/"an" (one):
//   "1,234.5"     thousands commas, decimal point (English)
//   "12,34,567"   Indian grouping (lakhs)
//   "7,99" "1,5"  a decimal comma: one comma before one or two digits
//   "1.234,5" "1.234.567"  thousands points with a decimal comma, or several
// "1.234" and "1,234" alone cannot be told apart: with kPoint they read 1.234
// and 1234, with kComma 1234 and 1.234. nullopt for anything else ("1,2345",
// "1.2.3").
std::optional<ParsedNumber> ParseNumber(std::string_view text,
                                        DecimalMark mark = DecimalMark::kPoint);

// Whether text[begin, end), the digits a rule took for a number, is only part
// of a longer number written around it: "99" of "7,99", "3" of "3,58", "000"
// of "5.000", "5" of "25". A figure read from such a fragment is wrong.
bool PartOfLongerNumber(std::string_view text, size_t begin, size_t end);

// "thousand"/"k" → 1e3, "million"/"m"/"mn"/"mln" → 1e6, "billion"/"bn"/"b" →
// 1e9, "trillion"/"tn"/"tr" → 1e12, "lakh" → 1e5, "crore" → 1e7,
// "lakh crore" → 1e12; case does not
// matter. nullopt for an unknown word. An empty scale is 1.
std::optional<double> ParseScale(std::string_view text);

// "third" → 3, "thirds" → 3, "quarter" → 4, "half" → 2, "fifth" → 5 ... "tenth" → 10.
std::optional<int> ParseFractionDenominator(std::string_view text);

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_NUMBER_H_
