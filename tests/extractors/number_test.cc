// ParseNumber, ParseScale and ParseFractionDenominator (extractors/number.h):
// tables of numbers as news prints them, and of text that is not a number.
#include "extractors/number.h"

#include <doctest/doctest.h>

#include <optional>
#include <string_view>

namespace newsrecon {
namespace {

TEST_CASE("ParseNumber reads digits and number words") {
  struct Case {
    std::string_view text;
    double value;
    double resolution;
  };
  const Case kGood[] = {
      {"850", 850, 1},
      {"1,234.5", 1234.5, 0.1},
      {"1.2", 1.2, 0.1},
      {"228.3", 228.3, 0.1},
      {"0.25", 0.25, 0.01},
      {".5", 0.5, 0.1},
      {"1,000,000", 1e6, 1},
      {"12,500", 12500, 1},
      {"7", 7, 1},
      {"one", 1, 1},
      {"One", 1, 1},
      {"twenty-five", 25, 1},
      {"twenty five", 25, 1},
      {"ninety-nine", 99, 1},
      {"zero", 0, 1},
      {"thirteen", 13, 1},
      {"a", 1, 1},
      {"an", 1, 1},
      {"Forty", 40, 1},
  };
  for (const Case& c : kGood) {
    INFO("text: " << c.text);
    std::optional<ParsedNumber> n = ParseNumber(c.text);
    CHECK(n.has_value());
    if (!n) continue;
    CHECK(n->value == doctest::Approx(c.value));
    CHECK(n->resolution == doctest::Approx(c.resolution));
  }
}

TEST_CASE("ParseNumber rejects what is not a number") {
  const std::string_view kBad[] = {
      "",        "1,23",  "1,2345",  "12,34,567", ",123",     "1.",         "1.2.3",
      "12a",     "abc",   "twenty-", "-five",     "ten-five", "one-twenty", "twenty-ten",
      "hundred", "1 000", "$5",      "5%",        "1,000.",
  };
  for (std::string_view text : kBad) {
    INFO("text: \"" << text << "\"");
    CHECK_FALSE(ParseNumber(text).has_value());
  }
}

TEST_CASE("ParseScale knows scale words and abbreviations") {
  struct Case {
    std::string_view text;
    double scale;
  };
  const Case kGood[] = {
      {"", 1},        {"thousand", 1e3},    {"k", 1e3},         {"K", 1e3},       {"million", 1e6},
      {"m", 1e6},     {"mn", 1e6},          {"mln", 1e6},       {"Million", 1e6}, {"billion", 1e9},
      {"bn", 1e9},    {"b", 1e9},           {"trillion", 1e12}, {"tn", 1e12},     {"lakh", 1e5},
      {"crore", 1e7}, {"lakh crore", 1e12},
  };
  for (const Case& c : kGood) {
    INFO("text: " << c.text);
    std::optional<double> s = ParseScale(c.text);
    CHECK(s.has_value());
    if (s) CHECK(*s == doctest::Approx(c.scale));
  }
  for (std::string_view bad : {"dozen", "millions of", "bns", "x"}) {
    INFO("text: " << bad);
    CHECK_FALSE(ParseScale(bad).has_value());
  }
}

TEST_CASE("ParseFractionDenominator reads fraction words") {
  struct Case {
    std::string_view text;
    int denominator;
  };
  const Case kGood[] = {{"half", 2},     {"third", 3}, {"thirds", 3}, {"quarter", 4},
                        {"quarters", 4}, {"fifth", 5}, {"Fifths", 5}, {"tenth", 10}};
  for (const Case& c : kGood) {
    INFO("text: " << c.text);
    CHECK(ParseFractionDenominator(c.text) == c.denominator);
  }
  for (std::string_view bad : {"", "whole", "second", "dozen"}) {
    INFO("text: " << bad);
    CHECK_FALSE(ParseFractionDenominator(bad).has_value());
  }
}

}  // namespace
}  // namespace newsrecon
