#include "pipeline/fetch/sources.h"

#include <string>
#include <unordered_map>
#include <utility>

// Debian 12 ships toml++ 3.3, whose single header is toml.h; later releases add toml.hpp.
#if __has_include(<toml++/toml.hpp>)
#include <toml++/toml.hpp>
#else
#include <toml++/toml.h>
#endif

#include "pipeline/core/ascii.h"
#include "pipeline/core/file.h"
#include "pipeline/fetch/url.h"

namespace newsrecon {
namespace {

std::string Where(std::string_view name, const toml::source_region& r) {
  std::string out(name);
  if (r.begin.line > 0) {
    out += ":" + std::to_string(r.begin.line);
    if (r.begin.column > 0) out += ":" + std::to_string(r.begin.column);
  }
  return out;
}

Status Invalid(std::string_view name, const toml::source_region& r, const std::string& what) {
  return Status::InvalidArgument(Where(name, r) + ": " + what);
}

// The region of a key's value, else of its table.
const toml::source_region& RegionOf(const toml::table& t, std::string_view key) {
  if (const toml::node* n = t.get(key)) return n->source();
  return t.source();
}

}  // namespace

std::string_view SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kFeed:
      return "feed";
    case SourceKind::kSitemap:
      return "sitemap";
    case SourceKind::kPage:
      return "page";
  }
  return "feed";
}

std::optional<SourceKind> ParseSourceKind(std::string_view name) {
  for (SourceKind k : {SourceKind::kFeed, SourceKind::kSitemap, SourceKind::kPage})
    if (SourceKindName(k) == name) return k;
  return std::nullopt;
}

StatusOr<std::vector<Source>> ParseSources(std::string_view text, std::string_view name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return Invalid(name, e.source(), std::string(e.description()));
  }

  std::vector<Source> out;
  for (const auto& [key, node] : root) {
    if (key.str() != "source")
      return Invalid(name, node.source(),
                     "unknown key '" + std::string(key.str()) +
                         "' (a sources file holds only [[source]] tables)");
  }
  const toml::node* sources = root.get("source");
  if (sources == nullptr) return out;
  const toml::array* array = sources->as_array();
  if (array == nullptr || !array->is_array_of_tables())
    return Invalid(name, sources->source(),
                   "'source' must be an array of tables: write each as [[source]]");

  std::unordered_map<std::string, int> first_line;  // canonical url → line
  for (const toml::node& n : *array) {
    const toml::table& t = *n.as_table();
    Source s;
    s.line = static_cast<int>(t.source().begin.line);
    for (const auto& [key, value] : t) {
      std::string_view k = key.str();
      if (k != "url" && k != "outlet" && k != "kind")
        return Invalid(
            name, value.source(),
            "unknown key '" + std::string(k) + "' in [[source]] (allowed: url, outlet, kind)");
      if (!value.is_string())
        return Invalid(name, value.source(), "'" + std::string(k) + "' must be a string");
    }
    const toml::node* url = t.get("url");
    if (url == nullptr) return Invalid(name, t.source(), "[[source]] has no url");
    s.url = std::string(TrimAsciiSpace(url->as_string()->get()));
    if (!IsHttpUrl(s.url))
      return Invalid(name, url->source(),
                     "url '" + s.url + "' is not an absolute http:// or https:// URL");
    if (const toml::node* outlet = t.get("outlet"))
      s.outlet = std::string(TrimAsciiSpace(outlet->as_string()->get()));
    if (const toml::node* kind = t.get("kind")) {
      const std::string& v = kind->as_string()->get();
      s.kind = ParseSourceKind(v);
      if (!s.kind)
        return Invalid(name, RegionOf(t, "kind"),
                       "unknown kind '" + v + "' (allowed: feed, sitemap, page)");
    }
    auto [it, inserted] = first_line.emplace(CanonicalUrl(s.url), s.line);
    if (!inserted)
      return Invalid(
          name, url->source(),
          "duplicate url '" + s.url + "' (first given at line " + std::to_string(it->second) + ")");
    out.push_back(std::move(s));
  }
  return out;
}

StatusOr<std::vector<Source>> LoadSources(const std::string& path) {
  StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status().WithNote(" (the sources file)");
  return ParseSources(*text, path);
}

}  // namespace newsrecon
