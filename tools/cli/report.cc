// newsrecon report: conflicts, then agreements, from the database; as text,
// Markdown, JSON or one self-contained HTML page.
#include "pipeline/report/report.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "pipeline/core/names.h"
#include "pipeline/report/html.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"
#include "tools/cli/desk_data.h"

namespace newsrecon::cli {
namespace {

struct ReportOptions {
  DatabaseOptions database;
  std::string format = "text";
  std::string status = "all";
  std::string out;
};

int RunReport(const ReportOptions& o) {
  std::optional<ReportFormat> format = ParseReportFormat(o.format);
  const bool html = o.format == "html";
  if (!format && !html)
    return Fail(Status::InvalidArgument("--format: unknown format " + o.format));
  std::optional<ReviewStatus> status;
  if (o.status != "all") {
    status = ParseReviewStatus(o.status);
    if (!status) return Fail(Status::InvalidArgument("--status: unknown status " + o.status));
  }
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  Store& store = opened->store;
  std::string page;
  if (html) {
    StatusOr<DeskView> view = LoadDeskView(store, /*with_claims=*/true);
    if (!view.ok()) return Fail(view.status());
    if (status) view->findings = OnlyStatus(std::move(view->findings), *status);
    page = RenderHtmlReport(*view);
  } else {
    StatusOr<Findings> findings = store.LoadFindings();
    if (!findings.ok()) return Fail(findings.status());
    page = RenderReport(status ? OnlyStatus(std::move(*findings), *status) : *findings, *format);
  }
  if (o.out.empty() || o.out == "-") {
    std::cout << page;
    return kExitOk;
  }
  std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
  file << page;
  file.close();
  if (!file) return Fail(Status::IoError(o.out + ": cannot be written"));
  std::cerr << "newsrecon: wrote " << o.out << "\n";
  return kExitOk;
}

}  // namespace

Command AddReportCommand(CLI::App& root) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* app =
      root.add_subcommand("report", "Print conflicts, then agreements, from the database.");
  AddDatabaseOptions(app, &o->database);
  app->add_option("--format", o->format,
                  "text (default), markdown, json, or html (one self-contained page with "
                  "filters and timelines)")
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
  app->add_option("--status", o->status,
                  "Only conflicts with this review status: open, confirmed, dismissed, "
                  "needs-work, or all (default)")
      ->check(CLI::IsMember({"all", "open", "confirmed", "dismissed", "needs-work"}));
  app->add_option("--out", o->out, "Write to FILE instead of stdout");
  return {app, [o] { return RunReport(*o); }};
}

}  // namespace newsrecon::cli
