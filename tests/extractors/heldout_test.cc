// Measures the extractors on corpora/heldout/mentions.json: 200 sentences
// written blind to the rules, never used to tune them. This test prints
// precision, recall and value accuracy per kind; it fails only if the file
// cannot be read or the figures fall below a floor set under today's
// measurement (a regression guard, not a target).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "extractors/corpus.h"
#include "extractors/extractors.h"

namespace newsrecon {
namespace {

// Below the figures measured when the set was first run (see the README).
constexpr double kHeldOutFloor = 0.85;

TEST_CASE("held-out sentences: measured, not tuned on") {
  std::ifstream in(std::string(NEWSRECON_SOURCE_DIR) + "/corpora/heldout/mentions.json");
  REQUIRE(in.good());
  std::stringstream json;
  json << in.rdbuf();
  StatusOr<MentionExtractor> extractor = MentionExtractor::Load();
  REQUIRE(extractor.ok());
  const MentionFinder finder = [&](std::string_view text, std::optional<CivilDate> reference) {
    return extractor->Find(text, reference, {ByteSpan{0, text.size()}});
  };
  StatusOr<CorpusReport> report = RunCorpus("corpora/heldout/mentions.json", json.str(), finder);
  REQUIRE(report.ok());
  MESSAGE("held-out:\n" << report->Summary());
  for (const auto& [kind, counts] : report->by_kind) {
    if (kind != "all") continue;
    const double recall = counts.expected ? double(counts.matched) / counts.expected : 0;
    const double precision = counts.found ? double(counts.matched) / counts.found : 0;
    CHECK(recall >= kHeldOutFloor);
    CHECK(precision >= kHeldOutFloor);
  }
}

}  // namespace
}  // namespace newsrecon
