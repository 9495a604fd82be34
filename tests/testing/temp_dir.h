// A temporary directory for one test, removed with everything in it when the
// value goes out of scope. Tests write real files (SQLite databases, corpora)
// here instead of mocking the file system.
#ifndef NEWSRECON_TESTS_TESTING_TEMP_DIR_H_
#define NEWSRECON_TESTS_TESTING_TEMP_DIR_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace newsrecon {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path()/name as a string, for APIs that take file names.
  std::string File(std::string_view name) const { return (path_ / name).string(); }
  // Writes `bytes` to path()/name (creating folders) and returns the full path.
  std::filesystem::path Write(std::string_view name, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// The whole file's bytes ("" when it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

// Runs a shell command; returns its exit status and what it wrote to stdout
// and stderr (for tests of the command line).
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult RunCommand(const std::string& command);

}  // namespace newsrecon

#endif  // NEWSRECON_TESTS_TESTING_TEMP_DIR_H_
