// newsrecon: the command line (guide §5). Parses argv with CLI11, runs the
// stages through pipeline/run, writes data to stdout and logs to stderr.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/core/names.h"
#include "pipeline/extract/extract.h"
#include "pipeline/parse/parse.h"
#include "pipeline/report/report.h"
#include "pipeline/run/run.h"
#include "pipeline/store/store.h"

namespace newsrecon {
namespace {

// Exit codes, in the sysexits tradition (documented in --help and README).
enum ExitCode : int {
  kExitOk = 0,           // everything read (or some sources failed, without --strict)
  kExitPartial = 1,      // --strict and some document or source failed
  kExitUsage = 64,       // EX_USAGE: bad flags or arguments
  kExitDataErr = 65,     // EX_DATAERR: no input could be read (bad UTF-8, empty, bad manifest)
  kExitNoInput = 66,     // EX_NOINPUT: a named file or database does not exist
  kExitSoftware = 70,    // EX_SOFTWARE: an internal error (a rules file that does not load)
  kExitCantCreate = 73,  // EX_CANTCREAT: the database cannot be created or written
  kExitTempFail = 75,    // EX_TEMPFAIL: the database is busy; try again later
};

constexpr char kExitCodesHelp[] =
    "Exit codes: 0 success (also when some inputs failed, unless --strict); 1 some inputs "
    "failed and --strict was given; 64 usage error; 65 no input could be read; 66 input or "
    "database not found; 70 internal error; 73 database cannot be created or written; 75 "
    "database busy (retry later).";

int ExitFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound:
      return kExitNoInput;
    case Status::Code::kInvalidArgument:
      return kExitDataErr;
    case Status::Code::kBusy:
      return kExitTempFail;
    case Status::Code::kIoError:
    case Status::Code::kCorruption:
      return kExitCantCreate;
    default:
      return kExitSoftware;
  }
}

int Fail(const Status& s) {
  std::cerr << "newsrecon: error: " << s.message() << "\n";
  return ExitFor(s);
}

// --published: empty means not given.
StatusOr<std::optional<CivilDate>> ParsePublished(const std::string& text) {
  if (text.empty()) return std::optional<CivilDate>();
  std::optional<CivilDate> d = ParseIsoDate(text);
  if (!d) return Status::InvalidArgument("--published: '" + text + "' is not a date YYYY-MM-DD");
  return d;
}

// Reads FILE, or stdin for "-".
StatusOr<std::string> ReadInput(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      return Status::NotFound(path + ": no such file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot be read");
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (bytes.empty())
    return Status::InvalidArgument((path == "-" ? "stdin" : path) + ": empty input");
  return bytes;
}

int RunIngest(const std::string& db, const std::vector<std::string>& paths,
              const LocalOverrides& overrides, bool strict) {
  StatusOr<Store> store = Store::Open(db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<IngestSummary> summary = Ingest(paths, overrides, &*store, std::cerr);
  if (!summary.ok()) return Fail(summary.status());
  if (summary->NothingRead()) {
    std::cerr << "newsrecon: error: no document could be read\n";
    return ExitFor(summary->first_error);
  }
  if (summary->AnyFailed() && strict) return kExitPartial;
  return kExitOk;
}

int RunExtract(const std::string& input, const std::string& published_text,
               const std::string& format) {
  StatusOr<std::optional<CivilDate>> published = ParsePublished(published_text);
  if (!published.ok()) return Fail(published.status());
  StatusOr<std::string> text = ReadInput(input);
  if (!text.ok()) return Fail(text.status());
  StatusOr<Extractor> extractor = Extractor::Load();
  if (!extractor.ok()) return Fail(extractor.status());
  StatusOr<std::vector<Claim>> claims = extractor->Extract(*text, *published);
  if (!claims.ok()) {
    return Fail(Status::InvalidArgument((input == "-" ? std::string("stdin") : input) + ": " +
                                        std::string(claims.status().message())));
  }
  for (const Claim& c : *claims) {
    const std::string_view sentence =
        std::string_view(*text).substr(c.sentence.start, c.sentence.size());
    if (format == "text") {
      std::cout << Name(c.mention.kind) << "\t" << c.mention.span.start << "-" << c.mention.span.end
                << "\t" << c.mention.text << "\t" << Name(c.mention.hedge) << "\t"
                << (c.entity.empty() ? "-" : c.entity) << "\t"
                << (c.attribute.empty() ? "-" : c.attribute)
                << (c.qualifier.empty() ? "" : " (" + c.qualifier + ")") << "\t"
                << c.as_of.first.ToIso() << ".." << c.as_of.last.ToIso() << " "
                << Name(c.as_of.basis) << "\n";
    } else {
      std::cout << ClaimJson(c, sentence).dump() << "\n";
    }
  }
  return kExitOk;
}

int RunParse(const std::string& input, const std::string& url, const std::string& format) {
  StatusOr<std::string> bytes = ReadInput(input);
  if (!bytes.ok()) return Fail(bytes.status());
  RawDocument doc;
  doc.meta.url = url;
  if (input != "-") doc.meta.path = input;
  doc.bytes = std::move(*bytes);
  doc.content_type = "text/html";
  StatusOr<Article> article = Parse(doc);
  if (!article.ok()) return Fail(article.status());
  const ArticleMeta& m = article->meta;
  if (format == "text") {
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
      {"text", article->text}};
  std::cout << j.dump(2) << "\n";
  return kExitOk;
}

int RunReport(const std::string& db, const std::string& format_name) {
  std::optional<ReportFormat> format = ParseReportFormat(format_name);
  if (!format) return Fail(Status::InvalidArgument("--format: unknown format " + format_name));
  std::error_code ec;
  if (!std::filesystem::exists(db, ec))
    return Fail(Status::NotFound(db + ": no database here; run `newsrecon ingest --db " + db +
                                 " PATH` first"));
  StatusOr<Store> store = Store::Open(db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<Findings> findings = store->LoadFindings();
  if (!findings.ok()) return Fail(findings.status());
  std::cout << RenderReport(*findings, *format);
  return kExitOk;
}

}  // namespace
}  // namespace newsrecon

int main(int argc, char** argv) {
  using namespace newsrecon;
  CLI::App app{
      "newsrecon: finds the dated and numeric claims in news articles and shows where outlets "
      "contradict each other."};
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("newsrecon ") + NEWSRECON_VERSION);

  std::string db = "newsrecon.db";
  std::vector<std::string> paths;
  LocalOverrides overrides;
  std::string published_text;
  bool strict = false;
  CLI::App* ingest = app.add_subcommand(
      "ingest", "Load, parse, extract, store and reconcile articles from files or folders.");
  ingest->add_option("--db", db, "SQLite database file (created if missing)")
      ->capture_default_str();
  ingest
      ->add_option("paths", paths,
                   "Files, or folders (with a manifest.json giving outlet, URL, title and "
                   "publication date per file, or without: every .txt/.html in it)")
      ->required();
  ingest->add_option("--published", published_text, "Publication date YYYY-MM-DD (single files)");
  ingest->add_option("--outlet", overrides.outlet, "Outlet name (single files)");
  ingest->add_option("--url", overrides.url, "Article URL (single files)");
  ingest->add_option("--title", overrides.title, "Article title (single files)");
  ingest->add_flag("--strict", strict, "Exit 1 when any input failed");

  std::string input = "-";
  std::string format;
  CLI::App* extract = app.add_subcommand(
      "extract", "Print the claims of one text (no database): one JSON object a line.");
  extract->add_option("--published", published_text,
                      "Publication date YYYY-MM-DD; relative dates resolve against it");
  extract->add_option("--format", format, "jsonl (default) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  extract->add_option("file", input, "Text file, or - for stdin")->capture_default_str();

  std::string url;
  CLI::App* parse =
      app.add_subcommand("parse", "Print one HTML page's main text and metadata (no database).");
  parse->add_option("--url", url, "The page's URL");
  parse->add_option("--format", format, "json (default) or text")
      ->check(CLI::IsMember({"json", "text"}));
  parse->add_option("file", input, "HTML file, or - for stdin")->capture_default_str();

  CLI::App* report =
      app.add_subcommand("report", "Print conflicts, then agreements, from the database.");
  report->add_option("--db", db, "SQLite database file")->capture_default_str();
  report->add_option("--format", format, "text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  if (ingest->parsed()) {
    StatusOr<std::optional<CivilDate>> published = ParsePublished(published_text);
    if (!published.ok()) return Fail(published.status());
    overrides.published = *published;
    return RunIngest(db, paths, overrides, strict);
  }
  if (extract->parsed())
    return RunExtract(input, published_text, format.empty() ? "jsonl" : format);
  if (parse->parsed()) return RunParse(input, url, format.empty() ? "json" : format);
  if (report->parsed()) return RunReport(db, format.empty() ? "text" : format);
  return kExitUsage;
}
