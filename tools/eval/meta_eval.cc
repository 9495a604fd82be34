// Metadata evaluation (title, byline, outlet, language): see eval.h.
//
// The annotations are the project's own (tools/eval/metadata/annotations.json:
// 100 pages of html-main-text read by hand); the pages come from
// ../shared/datasets. Every fifth case (index % 5 == 4) is held out from
// tuning. A field is right when it equals the annotation, or one of the
// answers the annotator noted as defensible (`byline_also`, `outlet_also`),
// compared on lowercase letters and digits only; bylines as sets of names
// (", ", " and ", " und ", " & "... separate them). The outlet is scored as
// the page gives it and as the label reports show (the outlet, else the
// host); the language by its primary subtag. -v lists the wrong fields of the development split (or
// of NEWSRECON_EVAL_SPLIT=test|all).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/parse/bylines.h"
#include "pipeline/parse/language.h"
#include "tools/eval/datasets.h"
#include "tools/eval/eval.h"

namespace newsrecon::eval {
namespace {

// A byline's names, each as a FieldKey.
std::set<std::string> Names(std::string s) {
  for (std::string_view sep : {" and ", " und ", " & ", " et ", " y ", " e ", ";", " / "}) {
    for (size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, at + 1)) {
      s.replace(at, sep.size(), ",");
    }
  }
  std::set<std::string> names;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (std::string k = FieldKey(s.substr(start, comma - start)); !k.empty()) names.insert(k);
    start = comma + 1;
  }
  return names;
}

std::vector<std::string> Answers(const nlohmann::json& c, const char* field, const char* also) {
  std::vector<std::string> out = {c.value(field, "")};
  if (auto it = c.find(also); it != c.end() && it->is_array()) {
    for (const auto& a : *it) {
      if (a.is_string()) out.push_back(a.get<std::string>());
    }
  }
  return out;
}

bool SameKey(const std::vector<std::string>& answers, std::string_view got) {
  return std::any_of(answers.begin(), answers.end(),
                     [&](const std::string& a) { return FieldKey(a) == FieldKey(got); });
}

bool SameNames(const std::vector<std::string>& answers, const std::string& got) {
  return std::any_of(answers.begin(), answers.end(),
                     [&](const std::string& a) { return Names(a) == Names(got); });
}

enum Field { kTitle, kByline, kOutlet, kLabel, kLanguage, kFields };
constexpr const char* kFieldNames[kFields] = {"title", "byline", "outlet", "label", "language"};

struct Tally {
  size_t pages = 0;
  size_t right[kFields] = {};
};

void Print(const char* name, const Tally& t, std::ostream& out) {
  out << "  " << std::left << std::setw(14) << name << std::right << " pages " << std::setw(4)
      << t.pages;
  for (int f = 0; f < kFields; ++f) {
    out << "  " << kFieldNames[f] << " "
        << (t.pages ? static_cast<double>(t.right[f]) / t.pages : 0.0);
  }
  out << "\n";
}

}  // namespace

int EvalMetadata(const EvalOptions& options, std::ostream& out) {
  int exit_code = 0;
  const std::optional<Annotations> a = LoadAnnotationFile(
      options.metadata, options.datasets, "the metadata annotations", options.limit, &exit_code);
  if (!a) return exit_code;

  Tally dev, test, all, confident;
  std::ostringstream wrong;
  for (size_t i = 0; i < a->count; ++i) {
    const nlohmann::json& c = a->cases[i];
    ParsedPage page = ParseCasePage(*a, c);
    ArticleMeta m;
    if (page.article) m = page.article->meta;
    const std::string got[kFields] = {m.title, m.byline, m.outlet, m.Label(), m.language};
    const std::vector<std::string> outlets = Answers(c, "outlet", "outlet_also");
    const bool right[kFields] = {SameKey(Answers(c, "title", "title_also"), m.title),
                                 SameNames(Answers(c, "byline", "byline_also"), m.byline),
                                 SameKey(outlets, m.outlet), SameKey(outlets, got[kLabel]),
                                 SameLanguage(c.value("language", ""), m.language)};
    for (Tally* t : {IsHeldOut(i) ? &test : &dev, &all}) {
      ++t->pages;
      for (int f = 0; f < kFields; ++f) t->right[f] += right[f];
    }
    if (c.value("confident", false)) {
      ++confident.pages;
      for (int f = 0; f < kFields; ++f) confident.right[f] += right[f];
    }
    if (options.verbose && InListedSplit(i)) {
      for (int f = 0; f < kFields; ++f) {
        if (right[f] || f == kLabel) continue;
        wrong << "#" << i << " " << c.value("file", "") << " " << kFieldNames[f] << ": want \""
              << c.value(kFieldNames[f], "") << "\" got \"" << got[f] << "\""
              << (page.error.empty() ? "" : "  error: " + page.error) << "\n";
      }
    }
  }

  out << "metadata (" << a->file.string() << ": share of pages right)\n"
      << std::fixed << std::setprecision(3);
  Print("dev", dev, out);
  Print("held-out", test, out);
  Print("all", all, out);
  Print("all, confident", confident, out);
  out << wrong.str();
  return 0;
}

}  // namespace newsrecon::eval
