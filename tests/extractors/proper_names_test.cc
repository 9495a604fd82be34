#include "extractors/attribution/proper_names.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/extractors/sentences.h"

namespace newsrecon {
namespace {

// The names FindProperNames gives for the sentence that holds `marker`,
// joined by "|".
std::string NamesIn(const std::string& text, const std::string& marker) {
  const size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  const std::vector<ByteSpan> sentences = Sentences(text);
  const ProperNameEvidence evidence(text, sentences);
  for (const ByteSpan& s : sentences) {
    if (at < s.start || at >= s.end) continue;
    std::string out;
    for (const ProperName& p : FindProperNames(text, s, evidence)) {
      if (!out.empty()) out += "|";
      out += p.name;
    }
    return out;
  }
  return "?";
}

TEST_CASE("proper names: organisations the lexicon does not know") {
  const struct {
    const char* text;
    const char* marker;  // a word of the sentence to look in
    const char* names;
  } kCases[] = {
      // Positives: names inside a sentence, runs joined by connectors, suffixes dropped.
      {"Shares of Rivian fell 4% on Monday.", "fell", "Rivian"},
      {"Regulators fined Goldman Sachs $2 billion.", "fined", "Goldman Sachs"},
      {"The board of Procter & Gamble approved the plan.", "board", "Procter & Gamble"},
      {"The loan came from the Bank of America unit.", "loan", "Bank of America"},
      {"Investors sold Rivian Automotive Inc. shares.", "sold", "Rivian Automotive"},
      {"Goldman Sachs raised its forecast to 3%.", "raised", "Goldman Sachs"},
      {"The S&P 500 gained 24% in 2023.", "gained", "S&P 500"},
      {"Stripe is valued at $70 billion.", "valued", ""},  // a lone opener: unknown
      {"Stripe is valued at $70 billion. Investors in Stripe cheered.", "valued", "Stripe"},
      {"IBM said revenue rose 2%.", "revenue", "IBM"},  // shaped like a name
      // Negatives: openers, dates, places, people, sources, acronyms.
      {"Analysts expect revenue to rise 5%.", "expect", ""},
      {"In March, sales rose 3% in the April-June period.", "sales", ""},
      {"Revenue at the plant in Ohio rose 4%.", "plant", ""},
      {"Chief executive Jensen Huang said demand was strong.", "demand", ""},
      {"Inflation eased to 2.4 per cent in March, Eurostat said.", "eased", ""},
      {"The company raised $75 million in a Series C round.", "raised", ""},
      {"GDP grew 2% as AI spending rose.", "grew", ""},
      {"Analysts at Jefferies cut their target.", "cut", ""},
      {"Ukrainian firms moved $1.8 billion to accounts in the Cyprus branch.", "firms", ""},
      {"Shares of Meridian rose 3%.", "rose", "Meridian"},
      {"Stripe is worth $91.5 billion. Stripe said its volume grew.", "worth", "Stripe"},
      // An opener also printed in lower case is a common word, "Management" one too.
      {"Harvest said the harvest fell 30%.", "fell", ""},
      {"Management said costs fell 3%.", "costs", ""},
      {"Analysts said sales fell. Analysts expect more.", "sales", ""},
      {"Stripe, founded by Patrick and John Collison, is worth $91.5 billion.", "worth", ""},
      {"Investors backed Canva and Figma in 2021.", "backed", "Canva|Figma"},
      {"Officials said black Chicagoans account for 30% of cases.", "account", ""},
      {"The county, where Parkland is located, spent $11 million.", "county", ""},
      // An occupation opening the sentence is a person's title; "General" opens companies.
      {"Billionaire Harold Vance now owns 31% of the club.", "owns", ""},
      {"Chief Minister Anil Rao said revenue rose 4%.", "revenue", ""},
      {"General Motors said revenue rose 4%.", "revenue", "General Motors"},
      {"Investors backed Perth-based Kestrel Minerals on Monday.", "backed", "Kestrel Minerals"},
      // Common nouns inside a longer name are part of it, alone they are none.
      {"The World Health Organization said on Monday it needs $5 million.", "needs",
       "World Health Organization"},
      {"South Wales Police confirmed on Thursday that it paid $5 million.", "paid",
       "South Wales Police"},
      {"Police said the thieves took $5 million.", "took", ""},
      {"Company officials said revenue rose 5%.", "revenue", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.text);
    CHECK(NamesIn(c.text, c.marker) == std::string(c.names));
  }
}

}  // namespace
}  // namespace newsrecon
