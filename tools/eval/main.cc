// newsrecon_eval parse [--datasets DIR] [--only text|dates|meta] [--limit N]
//                      [-v] [--text-from DIR] [--metadata FILE]
#include <CLI/CLI.hpp>
#include <iostream>

#include "tools/eval/eval.h"

int main(int argc, char** argv) {
  using namespace newsrecon::eval;
  CLI::App app{"newsrecon_eval: scores newsrecon's stages on the development datasets."};
  app.require_subcommand(1);
  EvalOptions options;
  options.datasets = "../shared/datasets";
  std::string only;
  CLI::App* parse =
      app.add_subcommand("parse",
                         "Main text precision, recall and F1; publication date accuracy; "
                         "title, byline and outlet accuracy.");
  parse->add_option("--datasets", options.datasets, "Folder with html-main-text/, html-pubdate/")
      ->capture_default_str();
  parse->add_option("--only", only, "text, dates or meta")
      ->check(CLI::IsMember({"text", "dates", "meta"}));
  parse->add_option("--limit", options.limit, "Score only the first N cases");
  parse->add_option("--text-from", options.text_from,
                    "Score DIR/<page>.txt, another extractor's main text (tools/compare)");
  parse
      ->add_option("--metadata", options.metadata,
                   "Hand annotations of title, byline and outlet (pages from --datasets)")
      ->capture_default_str();
  parse->add_flag("-v,--verbose", options.verbose, "Print every case not fully right");
  CLI11_PARSE(app, argc, argv);
  int rc = 0;
  if (only.empty() || only == "text") rc = std::max(rc, EvalMainText(options, std::cout));
  if (only.empty() || only == "dates") rc = std::max(rc, EvalDates(options, std::cout));
  if (only.empty() || only == "meta") rc = std::max(rc, EvalMetadata(options, std::cout));
  return rc;
}
