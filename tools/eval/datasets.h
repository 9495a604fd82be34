// The development datasets of ../shared/datasets, as the evaluation tool and
// the benchmarks read them: gzip-compressed HTML pages listed in an
// annotations.json ({"cases": [{"url", "file", ...}]}).
#ifndef NEWSRECON_TOOLS_EVAL_DATASETS_H_
#define NEWSRECON_TOOLS_EVAL_DATASETS_H_

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/article.h"

namespace newsrecon::eval {

// Reads a gzip file whole into *out. False (and *out unspecified) if it
// cannot be opened or is not valid gzip.
bool ReadGzip(const std::filesystem::path& path, std::string* out);

// The datasets folder: $NEWSRECON_DATASETS if set, else
// <source dir>/../shared/datasets. It may not exist (a user's clone).
std::filesystem::path DefaultDatasetsDir(const std::filesystem::path& source_dir);

// A dataset's annotations: <datasets>/<name>/annotations.json.
struct Annotations {
  std::filesystem::path dir;   // where its pages are
  std::filesystem::path file;  // annotations.json
  nlohmann::json cases;        // {"url", "file", ...} each
  size_t count = 0;            // cases to score (all, or the first `limit`)
};

// Reads them; when absent (66) or malformed (65) says so on stderr, naming
// `what` ("the main-text dataset"), sets *exit_code and gives nullopt.
std::optional<Annotations> LoadAnnotations(const std::string& datasets, const std::string& name,
                                           std::string_view what, int limit, int* exit_code);

// The same for an annotation file kept elsewhere (the project's own, in
// tools/eval/) whose cases' `file` is relative to `pages_dir`.
std::optional<Annotations> LoadAnnotationFile(const std::filesystem::path& file,
                                              const std::filesystem::path& pages_dir,
                                              std::string_view what, int limit, int* exit_code);

// What a page declares itself to be in its markup: a news story (JSON-LD or
// microdata type ...NewsArticle), another article (og:type "article", or the
// type Article, BlogPosting, LiveBlogPosting or Report), or neither. The
// published benchmarks of main-text extractors are of news and blog articles;
// this lets the figures be given for those pages alone.
enum class DeclaredKind { kNews, kArticle, kOther };
DeclaredKind Declares(std::string_view html);

// Adds a page's `value` to the figures of the kinds it counts in: every
// declared article (news stories among them) and, for a news story, those of
// its split (news[0] development, news[1] held out).
template <class Figures, class Value>
void AddByKind(DeclaredKind kind, bool held_out, const Value& value, Figures (&news)[2],
               Figures* articles) {
  if (kind == DeclaredKind::kOther) return;
  articles->Add(value);
  if (kind == DeclaredKind::kNews) news[held_out ? 1 : 0].Add(value);
}

// One case's page, read and parsed as HTML fetched from its URL.
struct ParsedPage {
  std::optional<Article> article;  // nullopt: see error
  std::string error;
  DeclaredKind kind = DeclaredKind::kOther;  // what its markup declares
  size_t bytes = 0;                          // the page's decompressed bytes
  double seconds = 0;                        // spent in Parse
};
ParsedPage ParseCasePage(const Annotations& a, const nlohmann::json& c);

// Case `c`'s page read and judged by Declares (kOther if it cannot be read),
// for scoring another extractor's text without parsing the page.
DeclaredKind CaseDeclares(const Annotations& a, const nlohmann::json& c);

// Every fifth case (index % 5 == 4) is held out from tuning.
inline bool IsHeldOut(size_t index) { return index % 5 == 4; }

// Whether -v lists case `index`: the development split, or the one that
// NEWSRECON_EVAL_SPLIT names (dev, test or all).
bool InListedSplit(size_t index);

// Pages per second and MB per second of `pages` pages of `bytes` in `seconds`.
std::string ParseSpeed(size_t pages, size_t bytes, double seconds);

}  // namespace newsrecon::eval

#endif  // NEWSRECON_TOOLS_EVAL_DATASETS_H_
