// Main-text evaluation (trafilatura's): see eval.h.
//
// Every fifth case (index % 5 == 4) is held out as a test split that tuning
// must not look at; the figures are printed for the development split, the
// held-out split and all cases. -v lists the cases not fully right, worst
// first, from the development split only unless NEWSRECON_EVAL_SPLIT=test|all.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/parse/parse.h"
#include "tools/eval/datasets.h"
#include "tools/eval/eval.h"

namespace newsrecon::eval {
namespace {

namespace fs = std::filesystem;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Whitespace runs (ASCII and no-break spaces) become one space; trimmed.
// Soft hyphens and zero-width spaces, invisible, are dropped (annotators
// copied some snippets with them and some without).
std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD') {
      ++i;
      continue;
    }
    if (s.substr(i, 3) == "\xE2\x80\x8B") {
      i += 2;
      continue;
    }
    bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsSpace(s[i]) || nbsp) {
      if (nbsp) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

struct Counts {
  long tp = 0, fn = 0, fp = 0, tn = 0;
  void Add(const Counts& o) {
    tp += o.tp;
    fn += o.fn;
    fp += o.fp;
    tn += o.tn;
  }
};

void PrintCounts(std::string_view label, const Counts& c, size_t pages, std::ostream& out) {
  double p = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 0;
  double r = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  long all = c.tp + c.fn + c.fp + c.tn;
  double acc = all ? static_cast<double>(c.tp + c.tn) / static_cast<double>(all) : 0;
  out << std::fixed << std::setprecision(3) << "  " << std::left << std::setw(9) << label
      << std::right << " pages " << std::setw(4) << pages << "  precision " << p << "  recall " << r
      << "  F1 " << f1 << "  accuracy " << acc << "  (tp " << c.tp << " fn " << c.fn << " fp "
      << c.fp << " tn " << c.tn << ")\n";
}

struct CaseResult {
  size_t index;
  std::string file, url;
  Counts counts;
  std::vector<std::string> missed, leaked;
  std::string error;
};

}  // namespace

int EvalMainText(const EvalOptions& options, std::ostream& out) {
  const fs::path dir = fs::path(options.datasets) / "html-main-text";
  const fs::path annotations = dir / "annotations.json";
  std::ifstream in(annotations);
  if (!in) {
    std::cerr << "newsrecon_eval: " << annotations.string()
              << " not found (the main-text dataset lives in ../shared/datasets)\n";
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

  Counts dev, test;
  size_t dev_pages = 0, test_pages = 0, failures = 0;
  size_t bytes_parsed = 0;
  double parse_seconds = 0;
  std::vector<CaseResult> results;
  for (size_t i = 0; i < n; ++i) {
    const nlohmann::json& c = cases[i];
    CaseResult r;
    r.index = i;
    r.file = c.value("file", "");
    r.url = c.value("url", "");
    RawDocument raw;
    raw.meta.url = r.url;
    raw.content_type = "text/html";
    std::string text;
    if (!ReadGzip(dir / r.file, &raw.bytes)) {
      r.error = "cannot read " + r.file;
    } else {
      bytes_parsed += raw.bytes.size();
      auto start = std::chrono::steady_clock::now();
      StatusOr<Article> article = Parse(raw);
      parse_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (article.ok()) {
        text = CollapseSpace(article->text);
      } else {
        r.error = article.status().ToString();
      }
    }
    if (!r.error.empty()) ++failures;
    for (const auto& s : c.value("with", nlohmann::json::array())) {
      std::string want = CollapseSpace(s.get<std::string>());
      if (text.find(want) != std::string::npos) {
        ++r.counts.tp;
      } else {
        ++r.counts.fn;
        r.missed.push_back(want);
      }
    }
    for (const auto& s : c.value("without", nlohmann::json::array())) {
      std::string unwanted = CollapseSpace(s.get<std::string>());
      if (text.find(unwanted) != std::string::npos) {
        ++r.counts.fp;
        r.leaked.push_back(unwanted);
      } else {
        ++r.counts.tn;
      }
    }
    if (i % 5 == 4) {
      test.Add(r.counts);
      ++test_pages;
    } else {
      dev.Add(r.counts);
      ++dev_pages;
    }
    results.push_back(std::move(r));
  }

  Counts all = dev;
  all.Add(test);
  out << "main text (" << annotations.string() << ")\n";
  PrintCounts("dev", dev, dev_pages, out);
  PrintCounts("held-out", test, test_pages, out);
  PrintCounts("all", all, n, out);
  out << std::fixed << std::setprecision(1) << "  parse: " << n << " pages, " << failures
      << " failed, " << (parse_seconds > 0 ? static_cast<double>(n) / parse_seconds : 0)
      << " pages/s, "
      << (parse_seconds > 0 ? static_cast<double>(bytes_parsed) / 1e6 / parse_seconds : 0)
      << " MB/s\n";

  if (options.verbose) {
    const char* split_env = std::getenv("NEWSRECON_EVAL_SPLIT");
    std::string split = split_env ? split_env : "dev";
    std::vector<const CaseResult*> shown;
    for (const CaseResult& r : results) {
      bool held_out = r.index % 5 == 4;
      if (split == "dev" && held_out) continue;
      if (split == "test" && !held_out) continue;
      if (r.counts.fn + r.counts.fp == 0 && r.error.empty()) continue;
      shown.push_back(&r);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const CaseResult* a, const CaseResult* b) {
      return a->counts.fn + a->counts.fp > b->counts.fn + b->counts.fp;
    });
    for (const CaseResult* r : shown) {
      out << "#" << r->index << " " << r->file << " " << r->url << "  fn " << r->counts.fn << " fp "
          << r->counts.fp << (r->error.empty() ? "" : "  error: " + r->error) << "\n";
      for (const std::string& s : r->missed) out << "    missed: " << s.substr(0, 100) << "\n";
      for (const std::string& s : r->leaked) out << "    leaked: " << s.substr(0, 100) << "\n";
    }
  }
  return 0;
}

}  // namespace newsrecon::eval
