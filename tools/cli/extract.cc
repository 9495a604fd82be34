// newsrecon extract: the claims of one text, without a database.
#include "pipeline/extract/extract.h"

#include <iostream>
#include <memory>

#include "pipeline/core/names.h"
#include "pipeline/report/report.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

struct ExtractOptions {
  std::string input = "-";
  std::string published;
  std::string language;
  std::string format = "jsonl";
};

void PrintText(const Claim& c) {
  std::cout << Name(c.mention.kind) << "\t" << c.mention.span.start << "-" << c.mention.span.end
            << "\t" << c.mention.text << "\t" << Name(c.mention.hedge) << "\t"
            << (c.entity.empty() ? "-" : c.entity) << "\t"
            << (c.attribute.empty() ? "-" : c.attribute)
            << (c.qualifier.empty() ? "" : " (" + c.qualifier + ")") << "\t"
            << (c.as_of.last < c.as_of.first
                    ? std::string("undated")  // no date, no publication date: compared with nothing
                    : c.as_of.first.ToIso() + ".." + c.as_of.last.ToIso())
            << " " << Name(c.as_of.basis) << "\n";
}

int RunExtract(const ExtractOptions& o) {
  StatusOr<std::optional<CivilDate>> published = ParsePublished(o.published);
  if (!published.ok()) return Fail(published.status());
  StatusOr<std::string> text = ReadInput(o.input);
  if (!text.ok()) return Fail(text.status());
  StatusOr<Extractor> extractor = Extractor::Load();
  if (!extractor.ok()) return Fail(extractor.status());
  StatusOr<std::vector<Claim>> claims = extractor->Extract(*text, *published, o.language);
  if (!claims.ok()) {
    return Fail(Status::InvalidArgument((o.input == "-" ? std::string("stdin") : o.input) + ": " +
                                        std::string(claims.status().message())));
  }
  for (const Claim& c : *claims) {
    if (o.format == "text") {
      PrintText(c);
    } else {
      const std::string_view sentence =
          std::string_view(*text).substr(c.sentence.start, c.sentence.size());
      std::cout << ClaimJson(c, sentence).dump() << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

Command AddExtractCommand(CLI::App& root) {
  auto o = std::make_shared<ExtractOptions>();
  CLI::App* app = root.add_subcommand(
      "extract", "Print the claims of one text (no database): one JSON object a line.");
  app->add_option("--published", o->published,
                  "Publication date YYYY-MM-DD; relative dates resolve against it");
  app->add_option("--language", o->language,
                  "The text's language (BCP 47, e.g. de, pt-BR): how \"5.000\" and \"1,234\" "
                  "read (default: English's decimal point)");
  app->add_option("--format", o->format, "jsonl (default) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  app->add_option("file", o->input, "Text file, or - for stdin")->capture_default_str();
  return {app, [o] { return RunExtract(*o); }};
}

}  // namespace newsrecon::cli
