// newsrecon: the command line (guide §5). Parses argv with CLI11 and runs the
// one subcommand given; each subcommand is a file of tools/cli/.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "tools/cli/cli.h"

int main(int argc, char** argv) {
  using namespace newsrecon::cli;
  CLI::App app{
      "newsrecon: finds the dated and numeric claims in news articles and shows where outlets "
      "contradict each other."};
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("newsrecon ") + NEWSRECON_VERSION);

  const std::vector<Command> commands = {
      AddIngestCommand(app), AddExtractCommand(app),   AddParseCommand(app),
      AddReportCommand(app), AddReviewCommand(app),    AddExplainCommand(app),
      AddExportCommand(app), AddDatasetteCommand(app), AddStatusCommand(app),
      AddBackupCommand(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  for (const Command& c : commands)
    if (c.app->parsed()) return c.run();
  return kExitUsage;
}
