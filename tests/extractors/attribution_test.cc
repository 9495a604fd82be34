// Runs extractors/attribution/attribution.corpus.json: each case's text goes
// through mention finding and attribution against its reference date, and
// every expectation must be met by a claim on the same figure. Loops with
// CHECK and prints the case id, so one bad case hides no other.
#include "extractors/attribution/attribution.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extractors/extractors.h"
#include "pipeline/core/ascii.h"
#include "pipeline/core/names.h"
#include "tests/extractors/sentences.h"

namespace newsrecon {
namespace {

// Below the figures first measured on corpora/heldout/attribution.json (see
// the README): a regression guard, not a target.
constexpr double kHeldOutKeyedPrecisionFloor = 0.5;
constexpr double kHeldOutAttributePrecisionFloor = 0.75;

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
      {"", "qualifier pre for valuation where either : pre-money\n",
       "attributes.lexicon:1: qualifier for 'valuation': neither date, a flag"},
      {"", "attribute a money : a\nqualifier x for flwo where before : y\n", "for 'flwo'"},
      {"", "stake_of = nothing\n", "stake_of"},
      {"", "attribute a date : said\nreport_date = nothing\n",
       "attributes.lexicon:2: expected report_date"},
      {"", "attribute a date : said\nreport_date = a if a\n",
       "expected report_date = NAME [when NAME"},
      {"", "attribute a date : said\nreport_date = a when\n", "expected report_date"},
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

// corpora/heldout/attribution.json: 112 passages written blind to the rules
// (corpora/heldout/ATTRIBUTION.md), never used to tune them. A claim is keyed
// when it has both an entity and an attribute, as reconciliation needs; it
// is right when the passage's expectation for its figure has that attribute
// and lists that entity (case aside). Prints precision and recall of keyed
// claims and of attributes alone; fails only below floors set under the
// first measurement (a regression guard, not a target).
struct Rate {
  int right = 0, total = 0;
  double Value() const { return total ? double(right) / total : 0; }
};

bool SameFigure(const std::string& claim_text, const std::string& want_text) {
  return claim_text.find(want_text) != std::string::npos ||
         want_text.find(claim_text) != std::string::npos;
}

bool ListsEntity(const nlohmann::json& entity, const std::string& name) {
  if (entity.is_string()) return EqualsIgnoreAsciiCase(entity.get<std::string>(), name);
  for (const auto& e : entity) {
    if (EqualsIgnoreAsciiCase(e.get<std::string>(), name)) return true;
  }
  return false;
}

bool DefiniteEntity(const nlohmann::json& entity) {
  if (entity.is_string()) return !entity.get<std::string>().empty();
  for (const auto& e : entity) {
    if (!e.get<std::string>().empty()) return true;
  }
  return false;
}

struct AttributionScore {
  Rate keyed_precision, keyed_recall, attribute_precision, attribute_recall;
  std::string Summary() const {
    std::ostringstream out;
    out << "keyed claims precision " << keyed_precision.Value() << " (" << keyed_precision.right
        << "/" << keyed_precision.total << "), recall " << keyed_recall.Value() << " ("
        << keyed_recall.right << "/" << keyed_recall.total << "); attributes precision "
        << attribute_precision.Value() << " (" << attribute_precision.right << "/"
        << attribute_precision.total << "), recall " << attribute_recall.Value() << " ("
        << attribute_recall.right << "/" << attribute_recall.total << ")";
    return out.str();
  }
};

// Scores a set of passages in the format of corpora/heldout/attribution.json.
// NEWSRECON_ATTRIBUTION_VERBOSE=1 prints every wrong or missed key (for the
// tuning set only: the held-out set is not to be read while tuning).
AttributionScore MeasureAttribution(const std::string& file, bool may_print) {
  std::ifstream in(std::string(NEWSRECON_SOURCE_DIR) + "/" + file);
  REQUIRE(in.good());
  const bool verbose = may_print && std::getenv("NEWSRECON_ATTRIBUTION_VERBOSE");
  const nlohmann::json set = nlohmann::json::parse(in);
  StatusOr<MentionExtractor> mentions = MentionExtractor::Load();
  REQUIRE(mentions.ok());
  StatusOr<Attributor> attributor = Attributor::Load();
  REQUIRE(attributor.ok());
  AttributionScore score;
  for (const auto& c : set.at("cases")) {
    const std::string text = c.at("text");
    const std::optional<CivilDate> reference = ParseIsoDate(c.at("reference").get<std::string>());
    const auto sentences = Sentences(text);
    const auto claims = attributor->Attribute(
        text, sentences, mentions->Find(text, reference, sentences), reference);
    const auto want_for = [&](const Claim& claim) -> const nlohmann::json* {
      for (const auto& want : c.at("expect")) {
        if (SameFigure(claim.mention.text, want.at("text"))) return &want;
      }
      return nullptr;
    };
    for (const Claim& claim : claims) {
      const nlohmann::json* want = want_for(claim);
      const bool attribute_right = want && want->at("attribute") == claim.attribute;
      if (!claim.attribute.empty()) {
        ++score.attribute_precision.total;
        if (attribute_right) ++score.attribute_precision.right;
      }
      if (!claim.attribute.empty() && !claim.entity.empty()) {
        ++score.keyed_precision.total;
        if (attribute_right && ListsEntity(want->at("entity"), claim.entity)) {
          ++score.keyed_precision.right;
        } else if (verbose) {
          MESSAGE(c.at("id").get<std::string>() << " wrong: " << Describe(claim) << " want "
                                                << (want ? want->dump() : "nothing"));
        }
      }
    }
    for (const auto& want : c.at("expect")) {
      const std::string attribute = want.at("attribute");
      if (attribute.empty()) continue;
      bool attribute_met = false, keyed_met = false;
      for (const Claim& claim : claims) {
        if (!SameFigure(claim.mention.text, want.at("text")) || claim.attribute != attribute)
          continue;
        attribute_met = true;
        keyed_met =
            keyed_met || (!claim.entity.empty() && ListsEntity(want.at("entity"), claim.entity));
      }
      ++score.attribute_recall.total;
      if (attribute_met) ++score.attribute_recall.right;
      if (DefiniteEntity(want.at("entity"))) {
        ++score.keyed_recall.total;
        if (keyed_met) ++score.keyed_recall.right;
        if (!keyed_met && verbose)
          MESSAGE(c.at("id").get<std::string>() << " missed: " << want.dump());
      }
    }
  }
  return score;
}

// corpora/tuning/attribution.json: passages written blind to the rules by
// another hand, which tuning may read (NEWSRECON_ATTRIBUTION_VERBOSE=1).
TEST_CASE("tuning attribution set: measured") {
  MESSAGE("tuning attribution: "
          << MeasureAttribution("corpora/tuning/attribution.json", true).Summary());
}

TEST_CASE("held-out attribution: measured, not tuned on") {
  const AttributionScore score = MeasureAttribution("corpora/heldout/attribution.json", false);
  MESSAGE("held-out attribution: " << score.Summary());
  CHECK(score.keyed_precision.Value() >= kHeldOutKeyedPrecisionFloor);
  CHECK(score.attribute_precision.Value() >= kHeldOutAttributePrecisionFloor);
}

}  // namespace
}  // namespace newsrecon
