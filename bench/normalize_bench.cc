// Throughput of the normalize stage on news-like English: the bundled corpus
// (mostly ASCII with curly quotes, dashes and the odd no-break space) repeated
// to about 1 MB. Run: cmake --build <dir> --target newsrecon_bench &&
// <dir>/newsrecon_bench --benchmark_filter=Normaliz
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/normalize/normalize.h"

namespace newsrecon {
namespace {

std::vector<std::string> CorpusArticles() {
  std::vector<std::filesystem::path> paths;
  const std::filesystem::path dir =
      std::filesystem::path(NEWSRECON_SOURCE_DIR) / "corpora" / "msft-openai-2026-04";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> articles;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    articles.push_back(ss.str());
  }
  return articles;
}

// About 1 MB of articles one after another, separated by blank lines.
const std::string& Megabyte() {
  static const std::string text = [] {
    const std::vector<std::string> articles = CorpusArticles();
    std::string out;
    if (articles.empty()) return out;
    while (out.size() < (1 << 20)) {
      for (const std::string& a : articles) out += a + "\n\n";
    }
    return out;
  }();
  return text;
}

// Normalize as the pipeline calls it: a new ICU iterator each call.
void BM_Normalize(benchmark::State& state) {
  const std::string& text = Megabyte();
  for (auto _ : state) {
    StatusOr<NormalizedText> n = Normalize(text);
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

// NFKC, folding and the offset map only.
void BM_NormalizeWithoutSentences(benchmark::State& state) {
  const std::string& text = Megabyte();
  StatusOr<Normalizer> normalizer = Normalizer::Create();
  for (auto _ : state) {
    StatusOr<NormalizedText> n = normalizer->NormalizeWithoutSentences(text);
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalizeWithoutSentences)->Unit(benchmark::kMillisecond);

// ICU's sentence BreakIterator on already-normalized text.
void BM_SplitSentences(benchmark::State& state) {
  StatusOr<Normalizer> normalizer = Normalizer::Create();
  const std::string text = normalizer->NormalizeWithoutSentences(Megabyte())->text;
  StatusOr<SentenceSplitter> splitter = SentenceSplitter::Create();
  for (auto _ : state) {
    std::vector<ByteSpan> s = splitter->Split(text);
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// One article at a time, as a run does it: a new Normalizer each call versus
// one reused, to show what building the ICU iterator costs.
void BM_NormalizeArticleFresh(benchmark::State& state) {
  const std::vector<std::string> articles = CorpusArticles();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& a : articles) {
      StatusOr<NormalizedText> n = Normalize(a);
      benchmark::DoNotOptimize(n);
      bytes += a.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_NormalizeArticleFresh)->Unit(benchmark::kMicrosecond);

void BM_NormalizeArticleReused(benchmark::State& state) {
  const std::vector<std::string> articles = CorpusArticles();
  StatusOr<Normalizer> normalizer = Normalizer::Create();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& a : articles) {
      StatusOr<NormalizedText> n = normalizer->Normalize(a);
      benchmark::DoNotOptimize(n);
      bytes += a.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_NormalizeArticleReused)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsrecon
