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
      // Indian grouping; decimal commas; thousands points.
      {"12,34,567", 1234567, 1},
      {"1,00,000", 100000, 1},
      {"1,23,456", 123456, 1},
      {"2,50,000.5", 250000.5, 0.1},
      {"7,99", 7.99, 0.01},
      {"1,5", 1.5, 0.1},
      {"1,23", 1.23, 0.01},
      {"1.234,56", 1234.56, 0.01},
      {"12.500,5", 12500.5, 0.1},
      {"1.234.567", 1234567, 1},
      // Alone, one comma before three digits is a thousands comma and one
      // point a decimal point, as in English.
      {"1,234", 1234, 1},
      {"1.234", 1.234, 0.001},
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

TEST_CASE("ParseNumber gives the double nearest the printed decimal, and Scaled whole amounts") {
  // Exact comparisons: the values researchers query for ("amount =
  // 1150000000") must be what was printed, not 1150000000.0000002.
  CHECK(ParseNumber("0.3")->value == 0.3);
  CHECK(ParseNumber("1.15")->value == 1.15);
  CHECK(ParseNumber("4.35")->value == 4.35);
  CHECK(ParseNumber("1.234,56", DecimalMark::kComma)->value == 1234.56);
  CHECK(ParseNumber("2,50,000.5")->value == 250000.5);
  CHECK(Scaled(*ParseNumber("1.15"), 1e9) == 1150000000);
  CHECK(Scaled(*ParseNumber("0.3"), 1e9) == 300000000);
  CHECK(Scaled(*ParseNumber("85.09"), 1e9) == 85090000000);
  CHECK(Scaled(*ParseNumber("1,234.56"), 1e7) == 12345600000);
  CHECK(Scaled(*ParseNumber("19.99"), 1) == 19.99);  // cents stay cents
  CHECK(Scaled(*ParseNumber("0.125"), 1e3) == 125);
  CHECK(Scaled(*ParseNumber("0.1255"), 1e3) == 125.5);  // a digit below the unit: not rounded
}

TEST_CASE("ParseNumber rejects what is not a number") {
  const std::string_view kBad[] = {
      "",        "1,2345",  ",123",    "1.",         "1.2.3",      "12a",
      "abc",     "twenty-", "-five",   "ten-five",   "one-twenty", "twenty-ten",
      "hundred", "1 000",   "$5",      "5%",         "1,000.",     "1,,5",
      "1.234.5", "1,234,5", "1.2,3.4", "123,45,678", "1.23,4",
  };
  for (std::string_view text : kBad) {
    INFO("text: \"" << text << "\"");
    CHECK_FALSE(ParseNumber(text).has_value());
  }
}

TEST_CASE("ParseNumber: where a language writes \"3,5\", \"5.000\" is five thousand") {
  struct Case {
    std::string_view text;
    double point, comma;  // read with DecimalMark::kPoint and kComma
  };
  const Case kCases[] = {
      {"5.000", 5, 5000},
      {"1,234", 1234, 1.234},
      {"12.500", 12.5, 12500},
      {"228.3", 228.3, 228.3},
      {"7,99", 7.99, 7.99},
      {"1.234,5", 1234.5, 1234.5},
      {"1,234.5", 1234.5, 1234.5},
      {"1,234,567", 1234567, 1234567},
      {"1.5", 1.5, 1.5},
      {"1234.567", 1234.567, 1234.567},  // four digits before the mark: no grouping
      {"850", 850, 850},
  };
  for (const Case& c : kCases) {
    INFO("text: " << c.text);
    std::optional<ParsedNumber> point = ParseNumber(c.text, DecimalMark::kPoint);
    std::optional<ParsedNumber> comma = ParseNumber(c.text, DecimalMark::kComma);
    REQUIRE(point.has_value());
    REQUIRE(comma.has_value());
    CHECK(point->value == doctest::Approx(c.point));
    CHECK(comma->value == doctest::Approx(c.comma));
  }
}

TEST_CASE("DecimalMarkOf: the languages and regions that write a decimal comma") {
  struct Case {
    std::string_view language;
    DecimalMark mark;
  };
  const Case kCases[] = {
      {"de", DecimalMark::kComma},    {"de-DE", DecimalMark::kComma},
      {"DE_at", DecimalMark::kComma}, {"fr-FR", DecimalMark::kComma},
      {"pt-BR", DecimalMark::kComma}, {"es", DecimalMark::kComma},
      {"ru", DecimalMark::kComma},    {"id", DecimalMark::kComma},
      {"en", DecimalMark::kPoint},    {"en-GB", DecimalMark::kPoint},
      {"en-IN", DecimalMark::kPoint}, {"zh-CN", DecimalMark::kPoint},
      {"ja", DecimalMark::kPoint},    {"", DecimalMark::kPoint},
      {"de-CH", DecimalMark::kPoint}, {"es-MX", DecimalMark::kPoint},
      {"es-US", DecimalMark::kPoint}, {"deutsch", DecimalMark::kPoint},
  };
  for (const Case& c : kCases) {
    INFO("language: " << c.language);
    CHECK(DecimalMarkOf(c.language) == c.mark);
  }
}

TEST_CASE("PartOfLongerNumber: digits joined to more digits by a comma or point") {
  struct Case {
    std::string_view text;
    size_t begin, end;  // the digits a rule took
    bool part;
  };
  const Case kCases[] = {
      {"costs 7,99 Euro", 8, 10, true},   // "99"
      {"costs 7,99 Euro", 6, 7, true},    // "7"
      {"costs 7,99 Euro", 6, 10, false},  // "7,99"
      {"fee 5.000 Euro", 6, 9, true},     // "000"
      {"rose 25%", 6, 7, true},           // "5"
      {"rose 25%", 5, 7, false},
      {"in 2019, 20 people", 9, 11, false},  // a comma and a space: two numbers
      {"at $5.", 4, 5, false},               // a full stop ends the sentence
      {"5", 0, 1, false},
  };
  for (const Case& c : kCases) {
    INFO(c.text << " [" << c.begin << ", " << c.end << ")");
    CHECK(PartOfLongerNumber(c.text, c.begin, c.end) == c.part);
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
