// newsrecon backup: a consistent, verified copy of a live database.
#include <iostream>
#include <memory>

#include "pipeline/store/runs.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"
#include "tools/cli/config.h"

namespace newsrecon::cli {
namespace {

struct BackupOptions {
  DatabaseOptions database;
  std::string out;
  bool force = false;
};

int RunBackup(const BackupOptions& o) {
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  const std::string& db = opened->path;
  Store& store = opened->store;
  if (Status s = BackupDatabase(store, o.out, o.force); !s.ok()) {
    if (s.code() == Status::Code::kInvalidArgument) {  // OUT exists
      std::cerr << "newsrecon: error: " << s.message() << "\n";
      return kExitCantCreate;
    }
    return Fail(s);
  }
  std::cerr << "newsrecon: backed up " << db << " to " << o.out << " (integrity_check ok)\n";
  return kExitOk;
}

}  // namespace

Command AddBackupCommand(CLI::App& root) {
  auto o = std::make_shared<BackupOptions>();
  CLI::App* app = root.add_subcommand(
      "backup",
      "Copy the database consistently while it is in use (SQLite's online backup), "
      "then check the copy's integrity.");
  AddDatabaseOptions(app, &o->database);
  app->add_option("out", o->out, "The copy to write; must not exist unless --force")->required();
  app->add_flag("--force", o->force, "Overwrite OUT if it exists");
  return {app, [o] { return RunBackup(*o); }};
}

}  // namespace newsrecon::cli
