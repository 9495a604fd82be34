// Runs the corpus files kept beside the rules (extractors/<kind>/<kind>.corpus.json)
// through MentionExtractor::Find. Each case is one CHECK, printed with its id and
// what went wrong, so one bad case hides no other; known failures are reported,
// not counted.
#include "extractors/corpus.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extractors/extractors.h"

namespace newsrecon {
namespace {

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(NEWSRECON_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void RunCorpusFile(const std::string& relative, size_t min_cases) {
  auto extractor = MentionExtractor::Load();
  REQUIRE_MESSAGE(extractor.ok(), extractor.status().message());
  std::string json = ReadSourceFile(relative);
  REQUIRE_MESSAGE(!json.empty(), "cannot read " << relative);
  MentionFinder finder = [&](std::string_view text, std::optional<CivilDate> reference) {
    // The whole case text is one sentence.
    std::vector<ByteSpan> sentences = {ByteSpan{0, text.size()}};
    return extractor->Find(text, reference, sentences);
  };
  auto report = RunCorpus(relative, json, finder);
  REQUIRE_MESSAGE(report.ok(), report.status().message());
  CHECK(report->cases.size() >= min_cases);
  int known = 0;
  for (const CaseResult& c : report->cases) {
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
  MESSAGE(relative << ": " << report->cases.size() << " cases, " << known << " known failures\n"
                   << report->Summary());
}

TEST_CASE("date corpus") { RunCorpusFile("extractors/date/date.corpus.json", 90); }
TEST_CASE("money corpus") { RunCorpusFile("extractors/money/money.corpus.json", 60); }
TEST_CASE("percent corpus") { RunCorpusFile("extractors/percent/percent.corpus.json", 60); }
TEST_CASE("hedge corpus") { RunCorpusFile("extractors/hedge/hedge.corpus.json", 30); }

}  // namespace
}  // namespace newsrecon
