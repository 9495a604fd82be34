// Runs extractors/attribution/attribution.corpus.json: each case's text goes
// through mention finding and attribution against its reference date, and
// every expectation must be met by a claim on the same figure. Loops with
// CHECK and prints the case id, so one bad case hides no other.
#include "extractors/attribution/attribution.h"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extractors/extractors.h"
#include "pipeline/core/names.h"
#include "tests/extractors/sentences.h"

namespace newsrecon {
namespace {

std::string Describe(const Claim& c) {
  std::ostringstream s;
  s << "[" << c.mention.text << "] entity=" << c.entity << " attribute=" << c.attribute
    << " qualifier=" << c.qualifier << " as_of=" << Name(c.as_of.basis) << " "
    << c.as_of.first.ToIso() << ".." << c.as_of.last.ToIso();
  return s.str();
}

bool Meets(const Claim& c, const nlohmann::json& want) {
  if (c.mention.text != want.at("text").get<std::string>()) return false;
  if (want.contains("entity") && c.entity != want.at("entity").get<std::string>()) return false;
  if (want.contains("attribute") && c.attribute != want.at("attribute").get<std::string>())
    return false;
  if (want.contains("qualifier") && c.qualifier != want.at("qualifier").get<std::string>())
    return false;
  if (want.contains("as_of") && Name(c.as_of.basis) != want.at("as_of").get<std::string>())
    return false;
  if (want.contains("as_of_start") && c.as_of.first.ToIso() != want.at("as_of_start")) return false;
  if (want.contains("as_of_end") && c.as_of.last.ToIso() != want.at("as_of_end")) return false;
  if (want.contains("percent")) {
    const auto* p = std::get_if<PercentValue>(&c.mention.value);
    if (!p || std::abs(p->percent - want.at("percent").get<double>()) > 1e-9) return false;
  }
  return true;
}

TEST_CASE("attribution corpus") {
  std::ifstream in(std::string(NEWSRECON_SOURCE_DIR) +
                   "/extractors/attribution/attribution.corpus.json");
  REQUIRE(in.good());
  const nlohmann::json corpus = nlohmann::json::parse(in);
  StatusOr<MentionExtractor> mentions = MentionExtractor::Load();
  REQUIRE(mentions.ok());
  StatusOr<Attributor> attributor = Attributor::Load();
  REQUIRE(attributor.ok());
  int cases = 0, passed = 0, known = 0;
  for (const auto& c : corpus.at("cases")) {
    ++cases;
    const std::string id = c.at("id");
    const std::string text = c.at("text");
    const std::optional<CivilDate> reference = ParseIsoDate(c.value("reference", "2025-06-15"));
    const auto sentences = Sentences(text);
    const auto found = mentions->Find(text, reference, sentences);
    const auto claims = attributor->Attribute(text, sentences, found, reference);
    std::ostringstream got;
    for (const Claim& claim : claims) got << "\n  got " << Describe(claim);
    bool ok = true;
    for (const auto& want : c.at("expect")) {
      bool met = false;
      for (const Claim& claim : claims) met = met || Meets(claim, want);
      if (!met) {
        ok = false;
        if (!c.contains("known_failure"))
          FAIL_CHECK(id << ": expected " << want.dump() << got.str());
      }
    }
    if (ok) ++passed;
    if (!ok && c.contains("known_failure")) {
      ++known;
      MESSAGE(id << ": known failure (" << c.at("known_failure").get<std::string>() << ")");
    }
  }
  MESSAGE("attribution corpus: " << passed << "/" << cases << " cases pass, " << known
                                 << " known failures");
}

TEST_CASE("attribution lexicons: malformed statements are errors naming the line") {
  const struct {
    const char* entities;
    const char* attributes;
    const char* message;
  } kBad[] = {
      {"entity Acme\n", "", "entities.lexicon:1"},
      {"", "attribute valuation money\n", "attributes.lexicon:1"},
      {"", "attribute valuation shiny : valued\n", "unknown flag"},
      {"", "qualifier initial for flow : first\n", "qualifier NAME for FLAG where WHERE"},
      {"", "stake_of = nothing\n", "stake_of"},
      {"", "attribute x money : (unclosed\n", "bad trigger"},
      {"unnamed = the court | The Ministry\n", "",
       "entities.lexicon:1: unnamed phrases are written in lower case"},
      {"anaphor = It\n", "", "anaphor phrases are written in lower case"},
  };
  for (const auto& bad : kBad) {
    StatusOr<Attributor> a = Attributor::Parse(bad.entities, bad.attributes);
    CHECK_MESSAGE(!a.ok(), bad.attributes);
    if (!a.ok())
      CHECK_MESSAGE(a.status().message().find(bad.message) != std::string::npos,
                    a.status().message());
  }
}

}  // namespace
}  // namespace newsrecon
