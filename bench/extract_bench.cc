// Mention extraction throughput (make bench): MentionExtractor::Find over about
// 1 MB of English news text, in MB/s on one core. Input: the bundled corpus
// texts (corpora/msft-openai-2026-04/*.txt) repeated; each article is one call,
// as the extract stage calls it, with sentences cut at ". " and line ends (the
// extract stage passes real sentences; which sentence a mention is in matters
// because future-tense cues are looked for in it).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/extractors.h"

namespace newsrecon {
namespace {

constexpr size_t kTargetBytes = 1 << 20;

// The corpus texts repeated until they hold about kTargetBytes.
std::vector<std::string> NewsTexts() {
  std::vector<std::string> files;
  const std::filesystem::path dir =
      std::filesystem::path(NEWSRECON_SOURCE_DIR) / "corpora/msft-openai-2026-04";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    files.push_back(s.str());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  size_t total = 0;
  while (!files.empty() && total < kTargetBytes) {
    for (const std::string& f : files) {
      texts.push_back(f);
      total += f.size();
    }
  }
  return texts;
}

// Crude sentences: a '.' or newline followed by white space ends one.
std::vector<ByteSpan> Sentences(const std::string& t) {
  std::vector<ByteSpan> out;
  size_t begin = 0;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == '\n') && (t[i + 1] == ' ' || t[i + 1] == '\n')) {
      out.push_back(ByteSpan{begin, i + 1});
      begin = i + 1;
    }
  }
  out.push_back(ByteSpan{begin, t.size()});
  return out;
}

void BM_MentionExtractorFind(benchmark::State& state) {
  auto extractor = MentionExtractor::Load();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return;
  }
  const std::vector<std::string> texts = NewsTexts();
  if (texts.empty()) {
    state.SkipWithError("no corpus texts");
    return;
  }
  size_t bytes = 0, mentions = 0;
  for (const std::string& t : texts) bytes += t.size();
  std::vector<std::vector<ByteSpan>> sentences;
  for (const std::string& t : texts) sentences.push_back(Sentences(t));
  const CivilDate reference{2026, 4, 27};
  for (auto _ : state) {
    mentions = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      auto found = extractor->Find(texts[i], reference, sentences[i]);
      mentions += found.size();
      benchmark::DoNotOptimize(found);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["mentions"] = static_cast<double>(mentions);
}
BENCHMARK(BM_MentionExtractorFind)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsrecon
