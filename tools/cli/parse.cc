// newsrecon parse: one HTML page's main text and metadata, without a database.
#include "pipeline/parse/parse.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/core/names.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

struct ParseOptions {
  std::string input = "-";
  std::string url;
  std::string format = "json";
};

int RunParse(const ParseOptions& o) {
  StatusOr<std::string> bytes = ReadInput(o.input);
  if (!bytes.ok()) return Fail(bytes.status());
  RawDocument doc;
  doc.meta.url = o.url;
  if (o.input != "-") doc.meta.path = o.input;
  doc.bytes = std::move(*bytes);
  doc.content_type = "text/html";
  StatusOr<Article> article = Parse(doc);
  if (!article.ok()) return Fail(article.status());
  const ArticleMeta& m = article->meta;
  if (o.format == "text") {
    if (!m.title.empty()) std::cout << m.title << "\n\n";
    std::cout << article->text << "\n";
    return kExitOk;
  }
  nlohmann::json j = {
      {"title", m.title},
      {"outlet", m.outlet},
      {"published", m.published ? nlohmann::json(m.published->ToIso()) : nlohmann::json()},
      {"published_method", Name(m.published_method)},
      {"canonical_url", m.canonical_url},
      {"url", m.url},
      {"language", m.language},
      {"byline", m.byline},
      {"dates_disagree", m.dates_disagree},
      {"charset", m.charset},
      {"charset_method", m.charset_method},
      {"text", article->text}};
  nlohmann::json witnesses = nlohmann::json::array();
  for (const DateWitness& w : m.date_witnesses) {
    witnesses.push_back({{"method", Name(w.method)},
                         {"where", w.where},
                         {"raw", w.raw},
                         {"date", w.date ? nlohmann::json(w.date->ToIso()) : nlohmann::json()},
                         {"modified", w.modified}});
  }
  j["date_witnesses"] = std::move(witnesses);
  std::cout << j.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

Command AddParseCommand(CLI::App& root) {
  auto o = std::make_shared<ParseOptions>();
  CLI::App* app =
      root.add_subcommand("parse", "Print one HTML page's main text and metadata (no database).");
  app->add_option("--url", o->url, "The page's URL");
  app->add_option("--format", o->format, "json (default) or text")
      ->check(CLI::IsMember({"json", "text"}));
  app->add_option("file", o->input, "HTML file, or - for stdin")->capture_default_str();
  return {app, [o] { return RunParse(*o); }};
}

}  // namespace newsrecon::cli
