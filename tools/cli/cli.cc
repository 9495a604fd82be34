#include "tools/cli/cli.h"

#include <filesystem>
#include <iostream>
#include <iterator>

#include "pipeline/core/file.h"
#include "tools/cli/config.h"

namespace newsrecon::cli {

int ExitFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound:
      return kExitNoInput;
    case Status::Code::kInvalidArgument:
      return kExitDataErr;
    case Status::Code::kBusy:
    case Status::Code::kNetwork:
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

StatusOr<std::optional<CivilDate>> ParsePublished(const std::string& text) {
  if (text.empty()) return std::optional<CivilDate>();
  std::optional<CivilDate> d = ParseIsoDate(text);
  if (!d) return Status::InvalidArgument("--published: '" + text + "' is not a date YYYY-MM-DD");
  return d;
}

StatusOr<std::string> ReadInput(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    StatusOr<std::string> read = ReadWholeFile(path);
    if (!read.ok()) return read.status();
    bytes = std::move(*read);
  }
  if (bytes.empty())
    return Status::InvalidArgument((path == "-" ? "stdin" : path) + ": empty input");
  return bytes;
}

void AddDatabaseOptions(CLI::App* app, DatabaseOptions* o) {
  app->add_option("--db", o->db,
                  "SQLite database file; default: the configuration's `database`, else "
                  "newsrecon.db in the current directory");
  app->add_option("--config", o->config,
                  "TOML configuration file; default: $XDG_CONFIG_HOME/newsrecon/config.toml if it "
                  "exists (see ingest --help)");
}

std::optional<std::string> ExistingDatabase(const DatabaseOptions& o, int* exit_code) {
  std::optional<Config> config = LoadConfigOrFail(o.config, exit_code);
  if (!config) return std::nullopt;
  std::string db = ResolveDatabase(o.db, *config);
  if (Status s = RequireDatabase(db); !s.ok()) {
    *exit_code = Fail(s);
    return std::nullopt;
  }
  return db;
}

std::optional<ExistingStore> OpenExistingStore(const DatabaseOptions& o, int* exit_code) {
  std::optional<std::string> db = ExistingDatabase(o, exit_code);
  if (!db) return std::nullopt;
  StatusOr<Store> store = Store::Open(*db);
  if (!store.ok()) {
    *exit_code = Fail(store.status());
    return std::nullopt;
  }
  return ExistingStore{std::move(*db), std::move(*store)};
}

Status RequireDatabase(const std::string& db) {
  std::error_code ec;
  if (std::filesystem::exists(db, ec)) return Status::Ok();
  return Status::NotFound(db + ": no database here; run `newsrecon ingest --db " + db +
                          " PATH` first");
}

}  // namespace newsrecon::cli
