// Main-text evaluation (trafilatura's): see eval.h.
//
// Every fifth case (index % 5 == 4) is held out as a test split that tuning
// must not look at; the figures are printed for the development split, the
// held-out split and all cases. -v lists the cases not fully right, worst
// first, from the development split only unless NEWSRECON_EVAL_SPLIT=test|all.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/file.h"
#include "pipeline/parse/html_util.h"
#include "pipeline/parse/parse.h"
#include "tools/eval/datasets.h"
#include "tools/eval/eval.h"

namespace newsrecon::eval {
namespace {

// Snippets and texts are compared with whitespace runs (ASCII and no-break
// spaces) as one space and invisible characters (soft hyphens, zero-width
// spaces) dropped, as html::Collapse gives them: annotators copied some
// snippets with them and some without.
using html::Collapse;

// Snippet counts of one page (pages == 1) or of a set of pages.
struct Counts {
  long pages = 0, tp = 0, fn = 0, fp = 0, tn = 0;
  void Add(const Counts& o) {
    pages += o.pages;
    tp += o.tp;
    fn += o.fn;
    fp += o.fp;
    tn += o.tn;
  }
};

void PrintCounts(std::string_view label, const Counts& c, std::ostream& out) {
  double p = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 0;
  double r = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  long all = c.tp + c.fn + c.fp + c.tn;
  double acc = all ? static_cast<double>(c.tp + c.tn) / static_cast<double>(all) : 0;
  out << std::fixed << std::setprecision(3) << "  " << std::left << std::setw(13) << label
      << std::right << " pages " << std::setw(4) << c.pages << "  precision " << p << "  recall "
      << r << "  F1 " << f1 << "  accuracy " << acc << "  (tp " << c.tp << " fn " << c.fn << " fp "
      << c.fp << " tn " << c.tn << ")\n";
}

struct CaseResult {
  size_t index;
  std::string file, url;
  Counts counts;
  std::vector<std::string> missed, leaked;
  std::string error;
};

// Another extractor's text for page `file` (html/0293.html.gz): the file
// <dir>/0293.txt, or "" with *error set when there is none.
std::string ReadOtherText(const std::string& dir, const std::string& file, std::string* error) {
  std::string stem = std::filesystem::path(file).filename().string();
  if (const size_t dot = stem.find('.'); dot != std::string::npos) stem.resize(dot);
  const std::filesystem::path path = std::filesystem::path(dir) / (stem + ".txt");
  StatusOr<std::string> text = ReadWholeFile(path.string());
  if (!text.ok()) {
    *error = text.status().message();
    return "";
  }
  return std::move(*text);
}

}  // namespace

int EvalMainText(const EvalOptions& options, std::ostream& out) {
  int exit_code = 0;
  const std::optional<Annotations> a = LoadAnnotations(
      options.datasets, "html-main-text", "the main-text dataset", options.limit, &exit_code);
  if (!a) return exit_code;
  const size_t n = a->count;

  Counts dev, test, news[2], articles;
  size_t failures = 0;
  size_t bytes_parsed = 0;
  double parse_seconds = 0;
  std::vector<CaseResult> results;
  for (size_t i = 0; i < n; ++i) {
    const nlohmann::json& c = a->cases[i];
    CaseResult r;
    r.index = i;
    r.counts.pages = 1;
    r.file = c.value("file", "");
    r.url = c.value("url", "");
    std::string text;
    DeclaredKind kind = DeclaredKind::kOther;
    if (options.text_from.empty()) {
      ParsedPage page = ParseCasePage(*a, c);
      bytes_parsed += page.bytes;
      parse_seconds += page.seconds;
      r.error = page.error;
      kind = page.kind;
      if (page.article) text = Collapse(page.article->text);
    } else {
      text = Collapse(ReadOtherText(options.text_from, r.file, &r.error));
      kind = CaseDeclares(*a, c);
    }
    if (!r.error.empty()) ++failures;
    for (const auto& s : c.value("with", nlohmann::json::array())) {
      std::string want = Collapse(s.get<std::string>());
      if (text.find(want) != std::string::npos) {
        ++r.counts.tp;
      } else {
        ++r.counts.fn;
        r.missed.push_back(want);
      }
    }
    for (const auto& s : c.value("without", nlohmann::json::array())) {
      std::string unwanted = Collapse(s.get<std::string>());
      if (text.find(unwanted) != std::string::npos) {
        ++r.counts.fp;
        r.leaked.push_back(unwanted);
      } else {
        ++r.counts.tn;
      }
    }
    AddByKind(kind, IsHeldOut(i), r.counts, news, &articles);
    (IsHeldOut(i) ? test : dev).Add(r.counts);
    results.push_back(std::move(r));
  }

  Counts all = dev;
  all.Add(test);
  out << "main text (" << a->file.string() << ")"
      << (options.text_from.empty() ? "" : ", as extracted in " + options.text_from) << "\n";
  PrintCounts("dev", dev, out);
  PrintCounts("held-out", test, out);
  PrintCounts("all", all, out);
  out << "  of which pages that declare themselves (JSON-LD, microdata, Open Graph)\n";
  PrintCounts("news dev", news[0], out);
  PrintCounts("news held-out", news[1], out);
  PrintCounts("articles", articles, out);
  if (options.text_from.empty()) {
    out << "  parse: " << n << " pages, " << failures << " failed, "
        << ParseSpeed(n, bytes_parsed, parse_seconds) << "\n";
  } else {
    out << "  " << failures << " of " << n << " pages have no text file\n";
  }

  if (options.verbose) {
    std::vector<const CaseResult*> shown;
    for (const CaseResult& r : results) {
      if (!InListedSplit(r.index)) continue;
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
