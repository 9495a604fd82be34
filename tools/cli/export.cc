// newsrecon export: a table or view as CSV (RFC 4180) or JSON lines, row by
// row; or the confirmed conflicts as schema.org ClaimReview JSON-LD.
#include <charconv>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/report/claimreview.h"
#include "pipeline/store/desk.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"
#include "tools/cli/desk_data.h"

namespace newsrecon::cli {
namespace {

struct ExportOptions {
  DatabaseOptions database;
  std::string format = "csv";
  std::string table;
  std::string view;
  std::string url_base;
};

std::string Shortest(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, with
// quotes doubled; records end with CRLF. NULL is the empty field.
std::string CsvField(const Cell& c) {
  std::string s;
  if (const auto* i = std::get_if<int64_t>(&c)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&c)) return Shortest(*d);
  if (const auto* t = std::get_if<std::string>(&c)) s = *t;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

nlohmann::ordered_json JsonCell(const Cell& c) {
  if (const auto* i = std::get_if<int64_t>(&c)) return *i;
  if (const auto* d = std::get_if<double>(&c)) return *d;
  if (const auto* t = std::get_if<std::string>(&c)) return *t;
  return nullptr;
}

int RunExport(const ExportOptions& o) {
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  Store& store = opened->store;
  if (o.format == "claimreview") {
    if (!o.table.empty() || !o.view.empty()) {
      std::cerr << "newsrecon: error: --format claimreview takes no --table or --view\n";
      return kExitUsage;
    }
    StatusOr<DeskView> view = LoadDeskView(store, /*with_claims=*/false);
    if (!view.ok()) return Fail(view.status());
    std::cout << ClaimReviews(view->findings, view->reviews, o.url_base)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return kExitOk;
  }
  if (o.table.empty() == o.view.empty()) {
    std::cerr << "newsrecon: error: give exactly one of --table NAME or --view NAME\n";
    return kExitUsage;
  }
  const ExportObject type = o.table.empty() ? ExportObject::kView : ExportObject::kTable;
  const std::string& name = o.table.empty() ? o.view : o.table;
  std::vector<std::string> header;
  const bool csv = o.format == "csv";
  Status s = ExportRows(
      store, type, name,
      [&](const std::vector<std::string>& columns) {
        header = columns;
        if (!csv) return;
        for (size_t i = 0; i < columns.size(); ++i)
          std::cout << (i ? "," : "") << CsvField(Cell(columns[i]));
        std::cout << "\r\n";
      },
      [&](const std::vector<Cell>& row) {
        if (csv) {
          for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? "," : "") << CsvField(row[i]);
          std::cout << "\r\n";
        } else {
          nlohmann::ordered_json j = nlohmann::ordered_json::object();
          for (size_t i = 0; i < row.size() && i < header.size(); ++i)
            j[header[i]] = JsonCell(row[i]);
          std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        }
        if (!std::cout) return Status::IoError("stdout: write failed");
        return Status::Ok();
      });
  if (!s.ok()) return Fail(s);
  return kExitOk;
}

}  // namespace

Command AddExportCommand(CLI::App& root) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* app = root.add_subcommand(
      "export",
      "Write a table or view as CSV or JSON lines (streaming), or the confirmed conflicts as "
      "schema.org ClaimReview JSON-LD.");
  app->add_option("--format", o->format,
                  "csv (default, RFC 4180 with a header), jsonl, or "
                  "claimreview")
      ->check(CLI::IsMember({"csv", "jsonl", "claimreview"}));
  app->add_option("--table", o->table, "A table of the database (see schema/README.md)");
  app->add_option("--view", o->view, "A view of the database (timeline, conflict_sides, ...)");
  app->add_option("--url-base", o->url_base,
                  "claimreview: the URL where the HTML report is published; each review's url "
                  "is URL#<conflict id>");
  AddDatabaseOptions(app, &o->database);
  return {app, [o] { return RunExport(*o); }};
}

}  // namespace newsrecon::cli
