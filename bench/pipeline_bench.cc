// End-to-end benchmarks (make bench): extraction throughput in MB/s of text
// per core, and whole-pipeline ingest in articles per second into a real
// SQLite file. Input: the bundled corpus, repeated to about 1 MB where a
// larger text is needed.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/extract/extract.h"
#include "pipeline/run/run.h"
#include "pipeline/store/store.h"

namespace newsrecon {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(NEWSRECON_SOURCE_DIR) / "corpora/msft-openai-2026-04";

std::string CorpusText(size_t at_least) {
  std::string all;
  while (all.size() < at_least) {
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
      all += "\n";
    }
  }
  return all;
}

void BM_ExtractClaims(benchmark::State& state) {
  const std::string text = CorpusText(1 << 20);
  StatusOr<Extractor> extractor = Extractor::Load();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return;
  }
  size_t claims = 0;
  for (auto _ : state) {
    auto result = extractor->Extract(text, CivilDate{2026, 4, 27});
    claims = result.ok() ? result->size() : 0;
    benchmark::DoNotOptimize(claims);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["claims_per_MB"] = static_cast<double>(claims) / (text.size() / 1e6);
}
BENCHMARK(BM_ExtractClaims)->Unit(benchmark::kMillisecond);

void BM_IngestCorpus(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / "newsrecon-bench";
  std::filesystem::create_directories(dir);
  int64_t articles = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto db = dir / "bench.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
    state.ResumeTiming();
    StatusOr<Store> store = Store::Open(db.string());
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    std::ostringstream log;
    auto summary = Ingest({kCorpus.string()}, {}, &*store, log);
    if (summary.ok()) articles += summary->documents;
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(articles);
}
BENCHMARK(BM_IngestCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsrecon
