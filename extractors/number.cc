#include "extractors/number.h"

#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

constexpr std::array<std::pair<std::string_view, int>, 28> kWords{{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
}};

std::optional<int> WordValue(std::string_view w) {
  for (const auto& [name, v] : kWords)
    if (name == w) return v;
  return std::nullopt;
}

std::optional<ParsedNumber> ParseWords(const std::string& lower) {
  if (lower == "a" || lower == "an") return ParsedNumber{1, 1};
  size_t sep = lower.find_first_of("- ");
  if (sep == std::string::npos) {
    auto v = WordValue(lower);
    if (!v) return std::nullopt;
    return ParsedNumber{static_cast<double>(*v), 1};
  }
  auto tens = WordValue(std::string_view(lower).substr(0, sep));
  auto ones = WordValue(std::string_view(lower).substr(sep + 1));
  if (!tens || !ones || *tens < 20 || *tens % 10 != 0 || *ones < 1 || *ones > 9)
    return std::nullopt;
  return ParsedNumber{static_cast<double>(*tens + *ones), 1};
}

}  // namespace

std::optional<ParsedNumber> ParseNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(text[0])) && text[0] != '.')
    return ParseWords(AsciiLower(text));
  double integer = 0;
  size_t i = 0;
  int group_digits = 0;
  bool grouped = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      integer = integer * 10 + (c - '0');
      ++group_digits;
    } else if (c == ',') {
      if ((grouped && group_digits != 3) || (!grouped && (group_digits < 1 || group_digits > 3)))
        return std::nullopt;
      grouped = true;
      group_digits = 0;
    } else {
      break;
    }
  }
  if (grouped && group_digits != 3) return std::nullopt;
  double fraction = 0;
  double resolution = 1;
  if (i < text.size() && text[i] == '.') {
    ++i;
    double scale = 0.1;
    size_t digits = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
      fraction += (text[i] - '0') * scale;
      resolution = scale;
      scale /= 10;
    }
    if (digits == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return ParsedNumber{integer + fraction, resolution};
}

std::optional<double> ParseScale(std::string_view text) {
  std::string s = AsciiLower(text);
  if (s.empty()) return 1.0;
  if (s == "thousand" || s == "k") return 1e3;
  if (s == "lakh") return 1e5;
  if (s == "million" || s == "m" || s == "mn" || s == "mln") return 1e6;
  if (s == "crore") return 1e7;
  if (s == "lakh crore") return 1e12;  // Indian usage: a lakh of crores
  if (s == "billion" || s == "bn" || s == "b" || s == "bln") return 1e9;
  if (s == "trillion" || s == "tn" || s == "tr" || s == "trn") return 1e12;
  return std::nullopt;
}

std::optional<int> ParseFractionDenominator(std::string_view text) {
  std::string s = AsciiLower(text);
  if (!s.empty() && s.back() == 's') s.pop_back();
  static constexpr std::array<std::pair<std::string_view, int>, 9> kFractions{{
      {"half", 2},
      {"third", 3},
      {"quarter", 4},
      {"fourth", 4},
      {"fifth", 5},
      {"sixth", 6},
      {"eighth", 8},
      {"tenth", 10},
      {"halve", 2},
  }};
  for (const auto& [name, d] : kFractions)
    if (name == s) return d;
  return std::nullopt;
}

}  // namespace newsrecon
