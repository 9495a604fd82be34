// Runs the corpus files kept beside the rules (extractors/<kind>/<kind>.corpus.json)
// and the held-out set (corpora/heldout/) through MentionExtractor::Find. Each case is one CHECK,
// printed with its id and what went wrong, so one bad case hides no other; known failures are
// reported, not counted.
#include "extractors/corpus.h"

#include <doctest/doctest.h>

#include <string>

#include "extractors/extractors.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

// Runs one corpus file (a path under the source tree) through
// MentionExtractor::Find, each case's text as one sentence.
CorpusReport Measure(const std::string& relative) {
  auto extractor = MentionExtractor::Load();
  REQUIRE_MESSAGE(extractor.ok(), extractor.status().message());
  const std::string json = ReadFile(std::string(NEWSRECON_SOURCE_DIR) + "/" + relative);
  REQUIRE_MESSAGE(!json.empty(), "cannot read " << relative);
  const MentionFinder finder = [&](std::string_view text, std::optional<CivilDate> reference) {
    return extractor->Find(text, reference, {ByteSpan{0, text.size()}});
  };
  StatusOr<CorpusReport> report = RunCorpus(relative, json, finder);
  REQUIRE_MESSAGE(report.ok(), report.status().message());
  return std::move(*report);
}

void RunCorpusFile(const std::string& relative, size_t min_cases) {
  const CorpusReport report = Measure(relative);
  CHECK(report.cases.size() >= min_cases);
  int known = 0;
  for (const CaseResult& c : report.cases) {
    std::string problems;
    for (const std::string& p : c.problems) problems += "\n    " + p;
    if (c.known_failure) {
      ++known;
      if (c.passed) {
        MESSAGE(c.id << ": marked known_failure but passes now");
      } else {
        MESSAGE(c.id << " (known failure: " << c.known_failure_reason << "):" << problems);
      }
      continue;
    }
    INFO(c.id << ":" << problems);
    CHECK(c.passed);
  }
  MESSAGE(relative << ": " << report.cases.size() << " cases, " << known << " known failures\n"
                   << report.Summary());
}

TEST_CASE("date corpus") { RunCorpusFile("extractors/date/date.corpus.json", 90); }
TEST_CASE("money corpus") { RunCorpusFile("extractors/money/money.corpus.json", 60); }
TEST_CASE("percent corpus") { RunCorpusFile("extractors/percent/percent.corpus.json", 60); }
TEST_CASE("hedge corpus") { RunCorpusFile("extractors/hedge/hedge.corpus.json", 30); }

// Below the figures measured when the set was first run (see the README).
constexpr double kHeldOutFloor = 0.85;

// corpora/heldout/mentions.json: 200 sentences written blind to the rules,
// never used to tune them. Prints precision, recall and value accuracy per
// kind; fails only below a floor set under today's measurement (a regression
// guard, not a target).
TEST_CASE("held-out sentences: measured, not tuned on") {
  const CorpusReport report = Measure("corpora/heldout/mentions.json");
  MESSAGE("held-out:\n" << report.Summary());
  for (const auto& [kind, counts] : report.by_kind) {
    if (kind != "all") continue;
    const double recall = counts.expected ? double(counts.matched) / counts.expected : 0;
    const double precision = counts.found ? double(counts.matched) / counts.found : 0;
    CHECK(recall >= kHeldOutFloor);
    CHECK(precision >= kHeldOutFloor);
  }
}

}  // namespace
}  // namespace newsrecon
