// Store benchmarks (make bench) for unattended runs: ingest throughput and
// the reconcile-at-end into a database already holding about 1M claims, and
// the peak memory of one run over 10,000 pages.
//
// The 1M-claim database is built once per machine in
// /tmp/newsrecon-store-bench/base.db with Store::PutArticle of synthetic
// articles (50,000 articles x 20 claims over 5,000 entities); building it
// takes a minute or two, later bench runs reuse it. Each iteration works on a
// fresh copy, so runs do not accumulate.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/reconcile/reconcile.h"
#include "pipeline/run/run.h"
#include "pipeline/store/store.h"

namespace newsrecon {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::temp_directory_path() / "newsrecon-store-bench";
const fs::path kCorpus = fs::path(NEWSRECON_SOURCE_DIR) / "corpora/msft-openai-2026-04";
constexpr int kBaseArticles = 50000;
constexpr int kClaimsPerArticle = 20;
constexpr int kEntities = 5000;

// A synthetic article of `kClaimsPerArticle` money claims, one a sentence,
// and a last line that names the article.
void SyntheticArticle(int i, Article* a, std::vector<Claim>* claims) {
  a->meta = ArticleMeta{};
  a->meta.url = "https://bench.example/a/" + std::to_string(i);
  a->meta.outlet = "Outlet " + std::to_string(i % 40);
  a->meta.published = CivilDate{2025, 1 + i % 12, 1 + i % 28};
  a->text.clear();
  claims->clear();
  for (int k = 0; k < kClaimsPerArticle; ++k) {
    const int entity = (i * 7 + k * 13) % kEntities;
    // Outlets mostly agree on a company's figure; one article in ten gives
    // twice as much (a conflict), as news does now and then.
    const int millions = (1 + (entity * 31 + (k % 2) * 7) % 500) * (i % 10 == 3 ? 2 : 1);
    const double amount = 1e6 * millions;
    const std::string figure = "$" + std::to_string(millions) + " million";
    const std::string sentence = "Company" + std::to_string(entity) + " raised " + figure + ". ";
    Claim c;
    const size_t start = a->text.size();
    c.sentence = {start, start + sentence.size() - 1};
    const size_t at = start + sentence.find('$');
    c.mention.kind = MentionKind::kMoney;
    c.mention.span = {at, at + figure.size()};
    c.mention.text = figure;
    c.mention.value = MoneyValue{amount, std::nullopt, "USD", 1e6};
    c.mention.rule = "bench";
    c.entity = "Company" + std::to_string(entity);
    c.attribute = k % 2 ? "investment" : "valuation";
    c.as_of = {*a->meta.published, *a->meta.published, AsOfBasis::kPublication, ""};
    c.interval = {amount * 0.95, amount * 1.05};
    a->text += sentence;
    claims->push_back(std::move(c));
  }
  // Articles i and i + 5,000 name the same figures: the last line keeps
  // every text its own (the store keeps one article per text), so the
  // second is stored as a near copy of the first, one story with it.
  a->text += "Report " + std::to_string(i) + ".";
}

// The base database, built once per schema version, as a run leaves it:
// the articles stored, then reconciled (its reconcile queue empty).
std::string BaseDatabase() {
  fs::create_directories(kDir);
  const fs::path tmp = kDir / "base.building.db";
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(tmp.string() + s);
  fs::path base;
  {
    StatusOr<Store> store = Store::Open(tmp.string());
    if (!store.ok()) return "";
    base = kDir / ("base-schema" + std::to_string(store->schema_version()) + ".db");
    if (fs::exists(base)) return base.string();
    Article a;
    std::vector<Claim> claims;
    for (int i = 0; i < kBaseArticles; ++i) {
      SyntheticArticle(i, &a, &claims);
      if (!store->PutArticle(a, claims).ok()) return "";
    }
    if (!ReconcilePending(&*store).ok()) return "";
  }  // closes the file
  fs::rename(tmp, base);
  return base.string();
}

// A fresh copy of the base database.
std::string WorkCopy(const std::string& base) {
  const fs::path work = kDir / "work.db";
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(work.string() + s);
  fs::copy_file(base, work);
  return work.string();
}

// One ingest of the bundled corpus (5 articles, 60 claims) into the 1M-claim
// store, with the reconcile over every claim at the end, as a nightly run does.
void BM_IngestInto1MClaims(benchmark::State& state) {
  const std::string base = BaseDatabase();
  if (base.empty()) return state.SkipWithError("cannot build the base database");
  for (auto _ : state) {
    state.PauseTiming();
    const std::string db = WorkCopy(base);
    state.ResumeTiming();
    StatusOr<Store> store = Store::Open(db);
    if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
    std::ostringstream log;
    auto summary = Ingest({kCorpus.string()}, {}, &*store, log);
    if (!summary.ok()) return state.SkipWithError(summary.status().message().c_str());
  }
}
BENCHMARK(BM_IngestInto1MClaims)->Unit(benchmark::kSecond)->Iterations(2);

// A whole reconcile of 1M claims, step by step (what ReplaceFindings costs
// when every key must be done, e.g. a store upgraded from before schema 5).
void BM_ReconcileStepsAt1M(benchmark::State& state) {
  const std::string base = BaseDatabase();
  if (base.empty()) return state.SkipWithError("cannot build the base database");
  StatusOr<Store> store = Store::Open(WorkCopy(base));
  if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
  double load = 0, reconcile = 0, write = 0;
  size_t n = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto claims = store->LoadClaims();
    auto t1 = std::chrono::steady_clock::now();
    if (!claims.ok()) return state.SkipWithError(claims.status().message().c_str());
    Findings f = Reconcile(*claims);
    auto t2 = std::chrono::steady_clock::now();
    if (Status s = store->ReplaceFindings(f); !s.ok())
      return state.SkipWithError(s.message().c_str());
    auto t3 = std::chrono::steady_clock::now();
    n = claims->size();
    load += std::chrono::duration<double>(t1 - t0).count();
    reconcile += std::chrono::duration<double>(t2 - t1).count();
    write += std::chrono::duration<double>(t3 - t2).count();
  }
  const double it = static_cast<double>(state.iterations());
  state.counters["claims"] = static_cast<double>(n);
  state.counters["load_s"] = load / it;
  state.counters["reconcile_s"] = reconcile / it;
  state.counters["write_findings_s"] = write / it;
}
BENCHMARK(BM_ReconcileStepsAt1M)->Unit(benchmark::kSecond)->Iterations(1);

// Articles a second stored into the 1M-claim store (20 claims each, one
// transaction an article), without the reconcile.
void BM_PutArticleInto1MClaims(benchmark::State& state) {
  const std::string base = BaseDatabase();
  if (base.empty()) return state.SkipWithError("cannot build the base database");
  StatusOr<Store> store = Store::Open(WorkCopy(base));
  if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
  Article a;
  std::vector<Claim> claims;
  int i = kBaseArticles;
  for (auto _ : state) {
    state.PauseTiming();
    SyntheticArticle(i++, &a, &claims);
    state.ResumeTiming();
    if (!store->PutArticle(a, claims).ok()) return state.SkipWithError("put failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PutArticleInto1MClaims)->Iterations(2000);

// Peak resident memory of one run over 10,000 pages: the command line
// (`newsrecon ingest`) started by GNU time, whose own small process forks it,
// so that nothing this benchmark holds is counted (a child forked from here
// starts with this process's pages, and its ru_maxrss keeps them).
void BM_Run10kPagesPeakMemory(benchmark::State& state) {
  const fs::path folder = kDir / "pages10k";
  std::string last;  // written by an older SyntheticArticle, the pages are written again
  std::getline(std::ifstream(folder / "p9999.txt"), last, '\0');
  if (last.size() < 12 || last.substr(last.size() - 12) != "Report 9999.") {
    fs::create_directories(folder);
    Article a;
    std::vector<Claim> claims;
    for (int i = 0; i < 10000; ++i) {
      SyntheticArticle(i, &a, &claims);
      std::ofstream(folder / ("p" + std::to_string(i) + ".txt")) << a.text;
    }
  }
  long peak_kb = 0;
  const fs::path measured = kDir / "pages10k.time";
  for (auto _ : state) {
    const fs::path db = kDir / "pages10k.db";
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(db.string() + s);
    pid_t pid = fork();
    if (pid == 0) {
      if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr))
        _exit(3);
      execl("/usr/bin/time", "time", "-f", "%M", "-o", measured.c_str(), NEWSRECON_CLI, "ingest",
            "--db", db.c_str(), folder.c_str(), static_cast<char*>(nullptr));
      _exit(4);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      return state.SkipWithError(
          "run failed (is GNU time at /usr/bin/time? make bench installs it)");
    std::ifstream(measured) >> peak_kb;
  }
  state.counters["peak_rss_MB"] = static_cast<double>(peak_kb) / 1024.0;
}
BENCHMARK(BM_Run10kPagesPeakMemory)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace newsrecon
