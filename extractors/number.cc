#include "extractors/number.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

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

// Whether `groups` (digit runs between separators) are a grouped integer: a
// first group of 1 to 3 digits then groups of 3 ("1,234,567"), or, with
// `indian`, groups of 2 then a last group of 3 ("12,34,567": lakhs).
bool Grouped(const std::vector<std::string_view>& groups, bool indian) {
  if (groups.size() < 2) return groups.size() == 1;
  const size_t first_max = indian ? 2 : 3;
  if (groups.front().empty() || groups.front().size() > first_max) return false;
  for (size_t k = 1; k < groups.size(); ++k) {
    const bool last = k + 1 == groups.size();
    if (groups[k].size() != (indian && !last ? 2u : 3u)) return false;
  }
  return true;
}

double DigitsValue(const std::vector<std::string_view>& groups) {
  double v = 0;
  for (std::string_view g : groups)
    for (char c : g) v = v * 10 + (c - '0');
  return v;
}

std::optional<ParsedNumber> ParseDigits(std::string_view text, DecimalMark mark) {
  // Split into digit runs and the one-character separators between them.
  std::vector<std::string_view> groups;
  std::string seps;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    groups.push_back(text.substr(start, i - start));
    if (i == text.size()) break;
    if (text[i] != ',' && text[i] != '.') return std::nullopt;
    seps += text[i];
    start = i + 1;
  }
  for (size_t k = 0; k < groups.size(); ++k)
    if (groups[k].empty() && !(k == 0 && seps == ".")) return std::nullopt;  // ".5" only
  // Which separator, if any, is the decimal mark, read from the last one.
  const size_t commas = std::count(seps.begin(), seps.end(), ',');
  const size_t points = seps.size() - commas;
  std::optional<char> decimal;
  // One mark before three digits after at most three: "1,234" or "5.000".
  const bool ambiguous = seps.size() == 1 && groups.back().size() == 3 && !groups.front().empty() &&
                         groups.front().size() <= 3;
  if (seps.empty()) {
  } else if (points == 0) {
    // "7,99", "1,5": one comma before one or two digits is a decimal comma
    // (a thousands group has three); else thousands commas.
    if (commas == 1 && (groups.back().size() <= 2 || (ambiguous && mark == DecimalMark::kComma)))
      decimal = ',';
  } else if (commas == 0) {
    // "228.3"; "1.234.567" is grouped, and so is "5.000" where "3,5" is written.
    if (points == 1 && !(ambiguous && mark == DecimalMark::kComma)) decimal = '.';
  } else if (seps.back() == '.' && points == 1) {
    decimal = '.';  // "1,234.5"
  } else if (seps.back() == ',' && commas == 1) {
    decimal = ',';  // "1.234,5"
  } else {
    return std::nullopt;
  }
  std::vector<std::string_view> integer = groups;
  std::string_view fraction;
  if (decimal) {
    fraction = integer.back();
    integer.pop_back();
  }
  if (integer.size() > 1) {
    const char thousands = decimal == ',' ? '.' : (decimal == '.' ? ',' : seps.front());
    if (thousands == '.' && !Grouped(integer, false)) return std::nullopt;
    if (thousands == ',' && !Grouped(integer, false) && !Grouped(integer, true))
      return std::nullopt;
  }
  // All the digits as one integer, then one division: "0.3" is 3 / 10, the
  // double nearest 0.3, where adding 0.1s would give 0.30000000000000004.
  double digits = DigitsValue(integer);
  double place = 1;
  for (char c : fraction) {
    digits = digits * 10 + (c - '0');
    place *= 10;
  }
  return ParsedNumber{digits / place, 1 / place};
}

}  // namespace

std::optional<ParsedNumber> ParseNumber(std::string_view text, DecimalMark mark) {
  if (text.empty()) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(text[0])) && text[0] != '.')
    return ParseWords(AsciiLower(text));
  return ParseDigits(text, mark);
}

DecimalMark DecimalMarkOf(std::string_view language) {
  const std::string tag = AsciiLower(language);
  const size_t dash = tag.find_first_of("-_");
  const std::string_view lang = std::string_view(tag).substr(0, dash);
  const std::string_view region =
      dash == std::string::npos ? std::string_view() : std::string_view(tag).substr(dash + 1, 2);
  static constexpr std::array<std::string_view, 38> kCommaLanguages = {
      "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "sv", "da", "nb", "nn", "no",
      "fi", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "sl", "el", "tr", "uk", "id",
      "vi", "lt", "lv", "et", "ca", "gl", "eu", "is", "be", "az", "kk", "bs"};
  // Regions of those languages that write a decimal point.
  static constexpr std::array<std::string_view, 11> kPointRegions = {
      "ch", "li", "mx", "us", "pr", "do", "gt", "hn", "ni", "sv", "pa"};
  if (std::find(kCommaLanguages.begin(), kCommaLanguages.end(), lang) == kCommaLanguages.end())
    return DecimalMark::kPoint;
  if (std::find(kPointRegions.begin(), kPointRegions.end(), region) != kPointRegions.end())
    return DecimalMark::kPoint;
  return DecimalMark::kComma;
}

bool PartOfLongerNumber(std::string_view text, size_t begin, size_t end) {
  auto digit = [&](size_t i) {
    return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
  };
  auto mark = [&](size_t i) { return i < text.size() && (text[i] == ',' || text[i] == '.'); };
  if (begin > 0 && (digit(begin - 1) || (begin > 1 && mark(begin - 1) && digit(begin - 2))))
    return true;
  return digit(end) || (mark(end) && digit(end + 1));
}

double Scaled(const ParsedNumber& n, double scale) {
  const double v = n.value * scale;
  return n.resolution * scale >= 1 ? std::round(v) : v;
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
