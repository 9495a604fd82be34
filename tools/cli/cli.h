// The command line's shared pieces (guide §5): exit codes, error printing,
// reading an input file, and the shape every subcommand has.
//
// Each subcommand lives in its own file here and registers itself with
// Add<Name>Command(app), which declares its flags and returns the function
// that runs it once argv is parsed. main.cc lists them. Data goes to stdout,
// logs and errors to stderr.
#ifndef NEWSRECON_TOOLS_CLI_CLI_H_
#define NEWSRECON_TOOLS_CLI_CLI_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "pipeline/core/civil_date.h"
#include "pipeline/core/status.h"
#include "pipeline/store/store.h"

namespace newsrecon::cli {

// Exit codes, in the sysexits tradition (documented in --help and README).
enum ExitCode : int {
  kExitOk = 0,           // everything read (or some sources failed, without --strict)
  kExitPartial = 1,      // --strict and some document or source failed
  kExitUsage = 64,       // EX_USAGE: bad flags or arguments
  kExitDataErr = 65,     // EX_DATAERR: no input could be read (bad UTF-8, empty, bad manifest)
  kExitNoInput = 66,     // EX_NOINPUT: a named file, URL or database does not exist
  kExitSoftware = 70,    // EX_SOFTWARE: an internal error (a rules file that does not load)
  kExitCantCreate = 73,  // EX_CANTCREAT: the database cannot be created or written
  kExitLocked = 69,      // EX_UNAVAILABLE: another ingest holds the run lock (<db>.lock)
  kExitTempFail = 75,    // EX_TEMPFAIL: the database is busy, or every source failed on the
                         // network; try again later
  kExitConfig = 78,      // EX_CONFIG: the configuration file is missing or wrong
};

inline constexpr char kExitCodesHelp[] =
    "Exit codes: 0 success (also when some inputs failed, unless --strict); 1 some inputs "
    "failed and --strict was given; 64 usage error; 65 no input could be read; 66 input or "
    "database not found (for URLs: 404, 410, refused by robots.txt); 69 another ingest holds the "
    "database's run lock (nothing done); 70 "
    "internal error; 73 database cannot be opened, created or written (read-only, disk full, "
    "not a database); 75 temporary failure worth retrying (database busy, or nothing could be "
    "fetched); 78 bad "
    "configuration file.";

// The exit code for a failure's Status.
int ExitFor(const Status& s);

// Prints "newsrecon: error: <message>" on stderr; returns ExitFor(s).
int Fail(const Status& s);

// --published: empty means not given.
StatusOr<std::optional<CivilDate>> ParsePublished(const std::string& text);

// Reads FILE, or stdin for "-". Fails: kNotFound, kIoError, kInvalidArgument (empty).
StatusOr<std::string> ReadInput(const std::string& path);

// Fails with kNotFound (and a hint to ingest first) when `db` does not exist,
// so read-only commands never create an empty database.
Status RequireDatabase(const std::string& db);

// --db and --config, as every command that works on an existing database
// takes them.
struct DatabaseOptions {
  std::string db;      // empty: the configuration's `database`, else newsrecon.db
  std::string config;  // empty: the XDG default, if it exists
};
void AddDatabaseOptions(CLI::App* app, DatabaseOptions* o);

// The database `o` names (flag, else configuration, else the default), which
// must exist. On failure prints the error and sets *exit_code (78 for a bad
// configuration, 66 for a missing database).
std::optional<std::string> ExistingDatabase(const DatabaseOptions& o, int* exit_code);

// That database, opened (migrations applied): what every command but ingest
// works on. On failure prints the error and sets *exit_code as above, or as
// Fail does when the file cannot be opened as a store.
struct ExistingStore {
  std::string path;
  Store store;
};
std::optional<ExistingStore> OpenExistingStore(const DatabaseOptions& o, int* exit_code);

// A registered subcommand: run() is called when `app` was the one parsed.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command AddIngestCommand(CLI::App& root);
Command AddExtractCommand(CLI::App& root);
Command AddParseCommand(CLI::App& root);
Command AddReportCommand(CLI::App& root);
Command AddReviewCommand(CLI::App& root);
Command AddExplainCommand(CLI::App& root);
Command AddExportCommand(CLI::App& root);
Command AddDatasetteCommand(CLI::App& root);
Command AddStatusCommand(CLI::App& root);
Command AddBackupCommand(CLI::App& root);

}  // namespace newsrecon::cli

#endif  // NEWSRECON_TOOLS_CLI_CLI_H_
