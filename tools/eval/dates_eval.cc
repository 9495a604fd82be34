// Publication-date evaluation (htmldate's): see eval.h.
//
// Every fifth case (index % 5 == 4) is held out as a test split that tuning
// must not look at; accuracy is printed for the development split, the
// held-out split and all cases, then coverage (pages given any date), the
// share of pages whose witnesses disagree, and accuracy by the witness that
// gave the date. -v lists the wrong cases of the development split (or of
// NEWSRECON_EVAL_SPLIT=test|all) with every witness the page gave.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"
#include "pipeline/core/names.h"
#include "pipeline/parse/parse.h"
#include "tools/eval/datasets.h"
#include "tools/eval/eval.h"

namespace newsrecon::eval {
namespace {

namespace fs = std::filesystem;

struct Tally {
  size_t pages = 0, right = 0;
  void Add(bool ok) {
    ++pages;
    right += ok;
  }
  double Share() const { return pages ? static_cast<double>(right) / pages : 0; }
};

std::string Percent(size_t part, size_t whole) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << (whole ? 100.0 * part / whole : 0.0) << "%";
  return s.str();
}

struct CaseResult {
  size_t index = 0;
  std::string file, url, want, got, error;
  PublishedMethod method = PublishedMethod::kUnknown;
  std::vector<DateWitness> witnesses;
  bool right = false;
};

}  // namespace

int EvalDates(const EvalOptions& options, std::ostream& out) {
  const fs::path dir = fs::path(options.datasets) / "html-pubdate";
  const fs::path annotations = dir / "annotations.json";
  std::ifstream in(annotations);
  if (!in) {
    std::cerr << "newsrecon_eval: " << annotations.string()
              << " not found (the publication-date dataset lives in ../shared/datasets)\n";
    return 66;
  }
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.contains("cases") || !doc["cases"].is_array()) {
    std::cerr << "newsrecon_eval: " << annotations.string() << " is not an annotation file\n";
    return 65;
  }
  const nlohmann::json& cases = doc["cases"];
  size_t n = cases.size();
  if (options.limit > 0) n = std::min(n, static_cast<size_t>(options.limit));

  Tally dev, test, all;
  size_t covered = 0, disagree = 0, failures = 0, bytes_parsed = 0;
  double parse_seconds = 0;
  std::map<PublishedMethod, Tally> by_method;
  std::vector<CaseResult> results;
  for (size_t i = 0; i < n; ++i) {
    const nlohmann::json& c = cases[i];
    CaseResult r;
    r.index = i;
    r.file = c.value("file", "");
    r.url = c.value("url", "");
    r.want = c.value("published", "");
    RawDocument raw;
    raw.meta.url = r.url;
    raw.content_type = "text/html";
    if (!ReadGzip(dir / r.file, &raw.bytes)) {
      r.error = "cannot read " + r.file;
    } else {
      bytes_parsed += raw.bytes.size();
      auto start = std::chrono::steady_clock::now();
      StatusOr<Article> article = Parse(raw);
      parse_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (article.ok()) {
        const ArticleMeta& m = article->meta;
        if (m.published) r.got = m.published->ToIso();
        r.method = m.published_method;
        r.witnesses = m.date_witnesses;
        covered += m.published.has_value();
        disagree += m.dates_disagree;
      } else {
        r.error = article.status().ToString();
      }
    }
    if (!r.error.empty()) ++failures;
    r.right = !r.got.empty() && r.got == r.want;
    (i % 5 == 4 ? test : dev).Add(r.right);
    all.Add(r.right);
    by_method[r.method].Add(r.right);
    results.push_back(std::move(r));
  }

  out << "publication dates (" << annotations.string() << ")\n"
      << std::fixed << std::setprecision(3);
  out << "  dev       pages " << std::setw(4) << dev.pages << "  accuracy " << dev.Share() << "\n";
  out << "  held-out  pages " << std::setw(4) << test.pages << "  accuracy " << test.Share()
      << "\n";
  out << "  all       pages " << std::setw(4) << all.pages << "  accuracy " << all.Share() << "\n";
  out << "  coverage " << Percent(covered, n) << " (pages given a date), dates_disagree "
      << Percent(disagree, n) << ", parse failures " << failures << "\n";
  out << "  by method:\n";
  for (const auto& [method, t] : by_method) {
    out << "    " << std::left << std::setw(14) << Name(method) << std::right << std::setw(5)
        << t.pages << " pages  accuracy " << t.Share() << "\n";
  }
  out << std::setprecision(1)
      << "  parse: " << (parse_seconds > 0 ? static_cast<double>(n) / parse_seconds : 0)
      << " pages/s, "
      << (parse_seconds > 0 ? static_cast<double>(bytes_parsed) / 1e6 / parse_seconds : 0)
      << " MB/s\n";

  if (options.verbose) {
    const char* split_env = std::getenv("NEWSRECON_EVAL_SPLIT");
    std::string split = split_env ? split_env : "dev";
    for (const CaseResult& r : results) {
      bool held_out = r.index % 5 == 4;
      if ((split == "dev" && held_out) || (split == "test" && !held_out) || r.right) continue;
      out << "#" << r.index << " " << r.file << " " << r.url << "\n    want " << r.want << " got "
          << (r.got.empty() ? "-" : r.got) << " (" << Name(r.method) << ")"
          << (r.error.empty() ? "" : "  error: " + r.error) << "\n";
      for (const DateWitness& w : r.witnesses) {
        out << "      " << (w.modified ? "mod " : "    ") << Name(w.method) << " [" << w.where
            << "] " << (w.date ? w.date->ToIso() : "?") << "  \"" << w.raw.substr(0, 80) << "\"\n";
      }
    }
  }
  return 0;
}

}  // namespace newsrecon::eval
