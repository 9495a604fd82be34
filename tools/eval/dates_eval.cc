// Publication-date evaluation (htmldate's): see eval.h.
//
// Every fifth case (index % 5 == 4) is held out as a test split that tuning
// must not look at; accuracy is printed for the development split, the
// held-out split and all cases, then coverage (pages given any date), the
// share of pages whose witnesses disagree, and accuracy by the witness that
// gave the date. -v lists the wrong cases of the development split (or of
// NEWSRECON_EVAL_SPLIT=test|all) with every witness the page gave.
#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
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

struct Tally {
  size_t pages = 0, right = 0;
  void Add(bool ok) {
    ++pages;
    right += ok;
  }
  double Share() const { return pages ? static_cast<double>(right) / pages : 0; }
};

void PrintTally(std::string_view label, const Tally& t, std::ostream& out) {
  out << "  " << std::left << std::setw(13) << label << std::right << " pages " << std::setw(4)
      << t.pages << "  accuracy " << t.Share() << "\n";
}

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
  int exit_code = 0;
  const std::optional<Annotations> a = LoadAnnotations(
      options.datasets, "html-pubdate", "the publication-date dataset", options.limit, &exit_code);
  if (!a) return exit_code;
  const size_t n = a->count;

  Tally dev, test, all, news[2], articles;
  size_t covered = 0, disagree = 0, failures = 0, bytes_parsed = 0;
  double parse_seconds = 0;
  std::map<PublishedMethod, Tally> by_method;
  std::vector<CaseResult> results;
  for (size_t i = 0; i < n; ++i) {
    const nlohmann::json& c = a->cases[i];
    CaseResult r;
    r.index = i;
    r.file = c.value("file", "");
    r.url = c.value("url", "");
    r.want = c.value("published", "");
    ParsedPage page = ParseCasePage(*a, a->cases[i]);
    bytes_parsed += page.bytes;
    parse_seconds += page.seconds;
    r.error = page.error;
    if (page.article) {
      const ArticleMeta& m = page.article->meta;
      if (m.published) r.got = m.published->ToIso();
      r.method = m.published_method;
      r.witnesses = m.date_witnesses;
      covered += m.published.has_value();
      disagree += m.dates_disagree;
    }
    if (!r.error.empty()) ++failures;
    r.right = !r.got.empty() && r.got == r.want;
    (IsHeldOut(i) ? test : dev).Add(r.right);
    all.Add(r.right);
    AddByKind(page.kind, IsHeldOut(i), r.right, news, &articles);
    by_method[r.method].Add(r.right);
    results.push_back(std::move(r));
  }

  out << "publication dates (" << a->file.string() << ")\n" << std::fixed << std::setprecision(3);
  const std::pair<const char*, const Tally*> splits[] = {
      {"dev", &dev}, {"held-out", &test}, {"all", &all}};
  for (const auto& [label, t] : splits) PrintTally(label, *t, out);
  out << "  of which pages that declare themselves (JSON-LD, microdata, Open Graph)\n";
  const std::pair<const char*, const Tally*> kinds[] = {
      {"news dev", &news[0]}, {"news held-out", &news[1]}, {"articles", &articles}};
  for (const auto& [label, t] : kinds) PrintTally(label, *t, out);
  out << "  coverage " << Percent(covered, n) << " (pages given a date), dates_disagree "
      << Percent(disagree, n) << ", parse failures " << failures << "\n";
  out << "  by method:\n";
  for (const auto& [method, t] : by_method) {
    out << "    " << std::left << std::setw(14) << Name(method) << std::right << std::setw(5)
        << t.pages << " pages  accuracy " << t.Share() << "\n";
  }
  out << "  parse: " << ParseSpeed(n, bytes_parsed, parse_seconds) << "\n";

  if (options.verbose) {
    for (const CaseResult& r : results) {
      if (!InListedSplit(r.index) || r.right) continue;
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
