// The configuration file (TOML): where the database and the sources are, how
// politely to fetch, how to log. Flags given on the command line take
// precedence over it; it takes precedence over the built-in defaults.
//
// Takes: --config FILE, or the default $XDG_CONFIG_HOME/newsrecon/config.toml
// (~/.config/newsrecon/config.toml when XDG_CONFIG_HOME is unset), which may
// be missing. Gives: a Config. Fails (kInvalidArgument, "FILE:LINE: what"; the
// CLI exits 78, EX_CONFIG): a TOML syntax error, an unknown key (a typo), a
// value of the wrong type or out of range, or --config naming a
// file that does not exist. Relative paths in the file are relative to the
// file's folder, so a crontab line works from any directory.
//
// Example (every key optional):
//   database = "/srv/news/newsrecon.db"
//   sources = "/srv/news/sources.txt"
//   log_format = "json"            # or "text"
//   [politeness]
//   user_agent = "newsrecon/0.1 (+https://example.org/about)"
//   contact = "newsdesk@example.org"
//   per_host_delay_ms = 2000       # between two requests to one host
//   per_host_parallel = 1          # requests at once to one host
//   max_parallel = 8               # requests at once in all
//   connect_timeout_ms = 10000
//   timeout_ms = 30000             # a whole transfer
//   max_body_bytes = 16777216      # larger bodies are cut off and fail
//   ca_file = "certs/ca.pem"       # PEM CAs trusted for https instead of the system's
#ifndef NEWSRECON_TOOLS_CLI_CONFIG_H_
#define NEWSRECON_TOOLS_CLI_CONFIG_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace newsrecon::cli {

struct Politeness {
  std::string user_agent;  // empty: the fetcher's default
  std::string contact;     // an e-mail or URL put in the User-Agent; empty: none
  int64_t per_host_delay_ms = 1000;
  int64_t per_host_parallel = 1;
  int64_t max_parallel = 8;
  int64_t connect_timeout_ms = 10000;
  int64_t timeout_ms = 30000;
  int64_t max_body_bytes = 16 << 20;
  // A PEM bundle of the CAs trusted for https (anchored to the file's folder);
  // empty: the system's CA store. Whether it exists is checked by the command
  // that fetches (CheckCaFile), not here.
  std::string ca_file;
};

struct Config {
  std::string file;        // the file read; empty: none (defaults only)
  std::string database;    // empty: not set
  std::string sources;     // empty: not set
  std::string log_format;  // "text", "json", or empty: not set
  Politeness politeness;
};

// The default database when neither --db nor the configuration names one:
// "newsrecon.db" in the current directory (as before configuration files).
inline constexpr char kDefaultDatabase[] = "newsrecon.db";

// $XDG_CONFIG_HOME/newsrecon/config.toml, else $HOME/.config/newsrecon/config.toml;
// empty when neither variable is set. `getenv` is passed in (std::getenv in main).
std::string DefaultConfigPath(const std::function<const char*(const char*)>& getenv);

// The database to use: `flag` if given (non-empty), else the configuration's,
// else kDefaultDatabase.
std::string ResolveDatabase(const std::string& flag, const Config& config);

// LoadConfig(explicit_path, DefaultConfigPath(std::getenv)); on failure prints
// "newsrecon: error: <message>" on stderr and sets *exit_code to kExitConfig.
std::optional<Config> LoadConfigOrFail(const std::string& explicit_path, int* exit_code);

// The CA bundle a fetch will use must be a readable file: kInvalidArgument
// ("ca_file PATH: no such file" / "cannot be read") otherwise; "" is fine
// (the system's CA store). `what` names where it came from ("--ca-file").
Status CheckCaFile(const std::string& path, const std::string& what);

// Parses TOML text; `file` names it in errors and anchors relative paths.
StatusOr<Config> ParseConfig(std::string_view text, const std::string& file);

// Reads `explicit_path` if non-empty (it must exist), else `default_path` if
// it exists, else returns the defaults.
StatusOr<Config> LoadConfig(const std::string& explicit_path, const std::string& default_path);

}  // namespace newsrecon::cli

#endif  // NEWSRECON_TOOLS_CLI_CONFIG_H_
