#include "extractors/percent/percent.h"

#include <array>
#include <cctype>
#include <string>

#include "extractors/number.h"
#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

// Fractions in words are as precise as a whole percent: "one-third" is read
// as 33.3 ± 0.5, close enough to "33%" and apart from "30%".
constexpr double kFractionResolution = 1.0;

Mention MakePercent(const RuleMatch& m, const ExtractContext& ctx, double percent,
                    std::optional<double> high, double resolution, bool points = false) {
  PercentValue v;
  v.percent = percent;
  v.percent_high = high;
  v.resolution = resolution;
  v.points = points;
  return MentionOf(m, ctx, std::move(v));
}

// The word before `pos`, lower case.
std::string WordBefore(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
  return AsciiLower(text.substr(start, end - start));
}

std::optional<Mention> Number(const RuleMatch& m, const ExtractContext& ctx) {
  auto n = NumberInGroup(m, "num", ctx);
  if (!n) return std::nullopt;
  double value = m.Group("sign") == "-" ? -n->value : n->value;
  // "2019-20%": the digits before the dash belong to something else.
  size_t start = m.span().start;
  if (start > 0 &&
      (std::isalnum(static_cast<unsigned char>(ctx.text[start - 1])) || ctx.text[start - 1] == '.'))
    return std::nullopt;
  return MakePercent(m, ctx, value, std::nullopt, n->resolution);
}

std::optional<Mention> Points(const RuleMatch& m, const ExtractContext& ctx) {
  auto n = NumberInGroup(m, "num", ctx);
  if (!n) return std::nullopt;
  std::string text = AsciiLower(ctx.text.substr(m.span().start, m.span().size()));
  bool basis = text.find("basis") != std::string::npos || text.find("bps") != std::string::npos;
  double scale = basis ? 0.01 : 1.0;  // a basis point is a hundredth of a point
  return MakePercent(m, ctx, n->value * scale, std::nullopt, n->resolution * scale, true);
}

std::optional<Mention> Range(const RuleMatch& m, const ExtractContext& ctx) {
  // "between 3% and 5%" is a range; "rose 1.1% and 2.3%" two figures.
  if (m.Has("and") && WordBefore(ctx.text, m.span().start) != "between") return std::nullopt;
  auto a = NumberInGroup(m, "num", ctx);
  auto b = NumberInGroup(m, "num2", ctx);
  if (!a || !b || b->value <= a->value) return std::nullopt;
  return MakePercent(m, ctx, a->value, b->value, b->resolution);
}

std::optional<Mention> Word(const RuleMatch& m, const ExtractContext& ctx) {
  std::string word = AsciiLower(m.Group("num"));
  if (word == "a hundred" || word == "one hundred")
    return MakePercent(m, ctx, 100, std::nullopt, 1);
  auto n = ParseNumber(word);
  if (!n) return std::nullopt;
  return MakePercent(m, ctx, n->value, std::nullopt, 1);
}

std::optional<Mention> Fraction(const RuleMatch& m, const ExtractContext& ctx) {
  std::string text = AsciiLower(m.Group("m"));
  for (char& c : text)
    if (c == '-') c = ' ';
  double numerator = 1;
  std::string denominator_word = text;
  size_t space = text.find(' ');
  if (space != std::string::npos) {
    std::string first = text.substr(0, space);
    denominator_word = text.substr(space + 1);
    if (first != "a" && first != "one") {
      auto n = ParseNumber(first);
      if (!n) return std::nullopt;
      numerator = n->value;
    }
  } else {
    // A lone "half": not "the first half", "the second half", "the other half".
    static constexpr std::array<std::string_view, 5> kPeriods = {"first", "second", "other",
                                                                 "latter", "former"};
    std::string before = WordBefore(ctx.text, m.span().start);
    for (std::string_view p : kPeriods)
      if (before == p) return std::nullopt;
  }
  auto denominator = ParseFractionDenominator(denominator_word);
  if (!denominator) return std::nullopt;
  return MakePercent(m, ctx, 100.0 * numerator / *denominator, std::nullopt, kFractionResolution);
}

std::optional<Mention> OneInN(const RuleMatch& m, const ExtractContext& ctx) {
  auto a = ParseNumber(AsciiLower(m.Group("a")));
  std::string b_text = AsciiLower(m.Group("b"));
  auto b = b_text == "a hundred" ? std::optional<ParsedNumber>(ParsedNumber{100, 1})
                                 : ParseNumber(b_text);
  if (!a || !b || b->value < 2 || a->value >= b->value) return std::nullopt;
  return MakePercent(m, ctx, 100.0 * a->value / b->value, std::nullopt, kFractionResolution);
}

}  // namespace

const ProductionTable& PercentProductions() {
  static const ProductionTable kTable = {
      {"number", &Number}, {"points", &Points},     {"range", &Range},
      {"word", &Word},     {"fraction", &Fraction}, {"one_in_n", &OneInN},
  };
  return kTable;
}

}  // namespace newsrecon
