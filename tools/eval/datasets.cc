#include "tools/eval/datasets.h"

#include <re2/re2.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "pipeline/parse/parse.h"

namespace newsrecon::eval {

bool ReadGzip(const std::filesystem::path& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  out->clear();
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

std::filesystem::path DefaultDatasetsDir(const std::filesystem::path& source_dir) {
  if (const char* env = std::getenv("NEWSRECON_DATASETS"); env != nullptr && *env != '\0')
    return env;
  return source_dir / ".." / "shared" / "datasets";
}

std::optional<Annotations> LoadAnnotations(const std::string& datasets, const std::string& name,
                                           std::string_view what, int limit, int* exit_code) {
  const std::filesystem::path dir = std::filesystem::path(datasets) / name;
  return LoadAnnotationFile(dir / "annotations.json", dir, what, limit, exit_code);
}

std::optional<Annotations> LoadAnnotationFile(const std::filesystem::path& file,
                                              const std::filesystem::path& pages_dir,
                                              std::string_view what, int limit, int* exit_code) {
  Annotations a;
  a.dir = pages_dir;
  a.file = file;
  if (!std::filesystem::is_directory(pages_dir)) {
    std::cerr << "newsrecon_eval: " << pages_dir.string() << " not found (the pages of " << what
              << " live in ../shared/datasets)\n";
    *exit_code = 66;
    return std::nullopt;
  }
  std::ifstream in(a.file);
  if (!in) {
    std::cerr << "newsrecon_eval: " << a.file.string() << " not found (the annotations of " << what
              << ")\n";
    *exit_code = 66;
    return std::nullopt;
  }
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.contains("cases") || !doc["cases"].is_array()) {
    std::cerr << "newsrecon_eval: " << a.file.string() << " is not an annotation file\n";
    *exit_code = 65;
    return std::nullopt;
  }
  a.cases = std::move(doc["cases"]);
  a.count = a.cases.size();
  if (limit > 0) a.count = std::min(a.count, static_cast<size_t>(limit));
  return a;
}

ParsedPage ParseCasePage(const Annotations& a, const nlohmann::json& c) {
  ParsedPage p;
  const std::string file = c.value("file", "");
  RawDocument raw;
  raw.meta.url = c.value("url", "");
  raw.content_type = "text/html";
  if (!ReadGzip(a.dir / file, &raw.bytes)) {
    p.error = "cannot read " + file;
    return p;
  }
  p.bytes = raw.bytes.size();
  p.kind = Declares(raw.bytes);
  const auto start = std::chrono::steady_clock::now();
  StatusOr<Article> article = Parse(raw);
  p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (article.ok()) {
    p.article = std::move(*article);
  } else {
    p.error = article.status().ToString();
  }
  return p;
}

DeclaredKind Declares(std::string_view html) {
  // The type as JSON-LD ("@type": "NewsArticle", or a list opening with it)
  // or microdata (itemtype="https://schema.org/NewsArticle") gives it.
  static const RE2 kType(
      R"re((?:"@type"\s*:\s*\[?\s*"|itemtype\s*=\s*["']?https?://schema\.org/))re"
      R"re(((?:\w*News)?Article|BlogPosting|LiveBlogPosting|Report)["'\s>])re");
  static const RE2 kOpenGraph(
      R"re((?i)<meta[^>]+(?:property|name)\s*=\s*["']?og:type["']?[^>]*content\s*=\s*["']?article\b)re"
      R"re(|<meta[^>]+content\s*=\s*["']?article["']?[^>]*(?:property|name)\s*=\s*["']?og:type\b)re");
  const re2::StringPiece text(html.data(), html.size());
  re2::StringPiece rest = text;
  std::string type;
  bool article = false;
  while (RE2::FindAndConsume(&rest, kType, &type)) {
    if (type.size() >= 11 && type.compare(type.size() - 11, 11, "NewsArticle") == 0)
      return DeclaredKind::kNews;
    article = true;
  }
  if (article || RE2::PartialMatch(text, kOpenGraph)) return DeclaredKind::kArticle;
  return DeclaredKind::kOther;
}

DeclaredKind CaseDeclares(const Annotations& a, const nlohmann::json& c) {
  std::string html;
  if (!ReadGzip(a.dir / c.value("file", ""), &html)) return DeclaredKind::kOther;
  return Declares(html);
}

bool InListedSplit(size_t index) {
  const char* env = std::getenv("NEWSRECON_EVAL_SPLIT");
  const std::string split = env ? env : "dev";
  if (split == "all") return true;
  return (split == "test") == IsHeldOut(index);
}

std::string ParseSpeed(size_t pages, size_t bytes, double seconds) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1)
    << (seconds > 0 ? static_cast<double>(pages) / seconds : 0) << " pages/s, "
    << (seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0) << " MB/s";
  return s.str();
}

}  // namespace newsrecon::eval
