// Parse plus extraction on the development pages (../shared/datasets, or
// $NEWSRECON_DATASETS): pages per second on one core, and the process's peak
// memory after each pass, which must not grow with the number of pages. When
// the datasets are absent the benchmarks say so and are skipped.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/parse/parse.h"
#include "tools/eval/datasets.h"

namespace newsrecon {
namespace {

namespace fs = std::filesystem;

struct Pages {
  std::vector<RawDocument> docs;
  size_t bytes = 0;
  std::string error;
};

// The html-main-text pages, decompressed once.
const Pages& DevPages() {
  static const Pages pages = [] {
    Pages p;
    const fs::path dir = eval::DefaultDatasetsDir(NEWSRECON_SOURCE_DIR) / "html-main-text";
    std::ifstream in(dir / "annotations.json");
    if (!in) {
      p.error = (dir / "annotations.json").string() + " not found: set NEWSRECON_DATASETS";
      return p;
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.contains("cases")) {
      p.error = "annotations.json is not readable";
      return p;
    }
    for (const auto& c : j["cases"]) {
      RawDocument doc;
      doc.meta.url = c.value("url", "");
      doc.content_type = "text/html";
      if (!eval::ReadGzip(dir / c.value("file", ""), &doc.bytes)) continue;
      p.bytes += doc.bytes.size();
      p.docs.push_back(std::move(doc));
    }
    return p;
  }();
  return pages;
}

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // KiB on Linux
}

void Run(benchmark::State& state, bool extract) {
  const Pages& pages = DevPages();
  if (!pages.error.empty() || pages.docs.empty()) {
    state.SkipWithError(pages.error.empty() ? "no pages" : pages.error.c_str());
    return;
  }
  StatusOr<Extractor> extractor = Extractor::Load();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return;
  }
  // An untimed warm-up over a fifth of the pages: the first pass of a process
  // pays for growing the heap (page faults), which is not the parse's cost.
  for (size_t i = 0; i < pages.docs.size(); i += 5) benchmark::DoNotOptimize(Parse(pages.docs[i]));
  size_t claims = 0, failed = 0;
  double rss_first = 0;
  int pass = 0;
  for (auto _ : state) {
    for (const RawDocument& doc : pages.docs) {
      StatusOr<Article> article = Parse(doc);
      if (!article.ok()) {
        ++failed;
        continue;
      }
      if (extract) {
        auto c = extractor->Extract(article->text, article->meta.published, article->meta.language);
        if (c.ok()) claims += c->size();
      }
      benchmark::DoNotOptimize(article);
    }
    if (pass++ == 0) rss_first = PeakRssMiB();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * pages.bytes));
  state.counters["pages"] = static_cast<double>(pages.docs.size());
  state.counters["peak_MiB_after_1_pass"] = rss_first;
  state.counters["peak_MiB_after_all"] = PeakRssMiB();
  state.counters["failed_per_pass"] = static_cast<double>(failed) / state.iterations();
  if (extract) state.counters["claims_per_pass"] = static_cast<double>(claims) / state.iterations();
}

void BM_ParseDevPages(benchmark::State& state) { Run(state, false); }
void BM_ParseAndExtractDevPages(benchmark::State& state) { Run(state, true); }
BENCHMARK(BM_ParseDevPages)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ParseAndExtractDevPages)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace newsrecon
