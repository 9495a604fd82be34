#include "tools/cli/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include "pipeline/core/file.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

std::string Where(const std::string& file, const toml::source_region& r) {
  return file + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

// A path relative to the configuration file's folder.
std::string Anchor(const std::string& file, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute() || file.empty()) return path;
  return (std::filesystem::path(file).parent_path() / p).lexically_normal().string();
}

Status GetString(const std::string& file, const toml::node& node, std::string_view key,
                 std::string* out) {
  if (!node.is_string())
    return Status::InvalidArgument(Where(file, node.source()) + ": " + std::string(key) +
                                   " must be a string (in double quotes)");
  *out = *node.value<std::string>();
  return Status::Ok();
}

Status GetInt(const std::string& file, const toml::node& node, std::string_view key, int64_t min,
              int64_t max, int64_t* out) {
  if (!node.is_integer())
    return Status::InvalidArgument(Where(file, node.source()) + ": " + std::string(key) +
                                   " must be a whole number");
  const int64_t v = *node.value<int64_t>();
  if (v < min || v > max)
    return Status::InvalidArgument(Where(file, node.source()) + ": " + std::string(key) + " = " +
                                   std::to_string(v) + " is out of range [" + std::to_string(min) +
                                   ", " + std::to_string(max) + "]");
  *out = v;
  return Status::Ok();
}

}  // namespace

std::string DefaultConfigPath(const std::function<const char*(const char*)>& getenv) {
  const char* xdg = getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg == '/') return std::string(xdg) + "/newsrecon/config.toml";
  const char* home = getenv("HOME");
  if (home != nullptr && *home != '\0') return std::string(home) + "/.config/newsrecon/config.toml";
  return "";
}

StatusOr<Config> ParseConfig(std::string_view text, const std::string& file) {
  Config config;
  config.file = file;
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(Where(file, e.source()) + ": " + std::string(e.description()));
  }
  constexpr int64_t kMaxMs = 24LL * 3600 * 1000;  // a day: anything longer is a typo
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    Status s;
    if (key == "database") {
      s = GetString(file, node, key, &config.database);
      if (s.ok() && config.database.empty())
        s = Status::InvalidArgument(Where(file, node.source()) + ": database is empty");
      config.database = Anchor(file, config.database);
    } else if (key == "sources") {
      s = GetString(file, node, key, &config.sources);
      config.sources = Anchor(file, config.sources);
    } else if (key == "log_format") {
      s = GetString(file, node, key, &config.log_format);
      if (s.ok() && config.log_format != "text" && config.log_format != "json")
        s = Status::InvalidArgument(Where(file, node.source()) + ": log_format must be \"text\" " +
                                    "or \"json\", not \"" + config.log_format + "\"");
    } else if (key == "politeness") {
      const toml::table* t = node.as_table();
      if (t == nullptr)
        return Status::InvalidArgument(Where(file, node.source()) + ": politeness must be a table");
      Politeness& p = config.politeness;
      for (const auto& [pk, pn] : *t) {
        const std::string name(pk.str());
        Status ps;
        if (name == "user_agent") {
          ps = GetString(file, pn, name, &p.user_agent);
        } else if (name == "contact") {
          ps = GetString(file, pn, name, &p.contact);
        } else if (name == "per_host_delay_ms") {
          ps = GetInt(file, pn, name, 0, kMaxMs, &p.per_host_delay_ms);
        } else if (name == "per_host_parallel") {
          ps = GetInt(file, pn, name, 1, 64, &p.per_host_parallel);
        } else if (name == "max_parallel") {
          ps = GetInt(file, pn, name, 1, 1024, &p.max_parallel);
        } else if (name == "connect_timeout_ms") {
          ps = GetInt(file, pn, name, 1, kMaxMs, &p.connect_timeout_ms);
        } else if (name == "timeout_ms") {
          ps = GetInt(file, pn, name, 1, kMaxMs, &p.timeout_ms);
        } else if (name == "max_body_bytes") {
          ps = GetInt(file, pn, name, 1, int64_t{1} << 34, &p.max_body_bytes);
        } else if (name == "ca_file") {
          ps = GetString(file, pn, name, &p.ca_file);
          if (ps.ok() && p.ca_file.empty())
            ps = Status::InvalidArgument(Where(file, pn.source()) +
                                         ": politeness.ca_file is empty (leave it out to use the "
                                         "system's CA store)");
          p.ca_file = Anchor(file, p.ca_file);
        } else {
          ps = Status::InvalidArgument(Where(file, pk.source()) + ": unknown key politeness." +
                                       name);
        }
        if (!ps.ok()) return ps;
      }
    } else {
      s = Status::InvalidArgument(Where(file, k.source()) + ": unknown key " + key);
    }
    if (!s.ok()) return s;
  }
  return config;
}

StatusOr<Config> LoadConfig(const std::string& explicit_path, const std::string& default_path) {
  std::string path = explicit_path;
  std::error_code ec;
  if (path.empty()) {
    if (default_path.empty() || !std::filesystem::exists(default_path, ec)) return Config{};
    path = default_path;
  }
  StatusOr<std::string> text = ReadWholeFile(path);
  // Any configuration that cannot be read is a configuration error (exit 78).
  if (!text.ok())
    return Status::InvalidArgument(text.status().message() + " (the configuration file)");
  return ParseConfig(*text, path);
}

Status CheckCaFile(const std::string& path, const std::string& what) {
  if (path.empty()) return Status::Ok();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::InvalidArgument(what + " " + path +
                                   ": no such file (a PEM bundle of CA "
                                   "certificates is expected)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument(what + " " + path + ": cannot be read");
  return Status::Ok();
}

std::string ResolveDatabase(const std::string& flag, const Config& config) {
  if (!flag.empty()) return flag;
  if (!config.database.empty()) return config.database;
  return kDefaultDatabase;
}

std::optional<Config> LoadConfigOrFail(const std::string& explicit_path, int* exit_code) {
  StatusOr<Config> config =
      LoadConfig(explicit_path, DefaultConfigPath([](const char* n) { return std::getenv(n); }));
  if (config.ok()) return std::move(*config);
  std::cerr << "newsrecon: error: configuration: " << config.status().message() << "\n";
  *exit_code = kExitConfig;
  return std::nullopt;
}

}  // namespace newsrecon::cli
