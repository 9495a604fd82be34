#include "pipeline/core/file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST_CASE("ReadWholeFile: a file's bytes, an empty file's none") {
  TempDir dir;
  const std::string bytes("caf\xc3\xa9\0\r\n", 8);  // binary-safe: NUL and CR kept
  dir.Write("a.bin", bytes);
  dir.Write("empty.txt", "");
  StatusOr<std::string> a = ReadWholeFile(dir.File("a.bin"));
  REQUIRE(a.ok());
  CHECK(*a == bytes);
  StatusOr<std::string> empty = ReadWholeFile(dir.File("empty.txt"));
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

TEST_CASE("ReadWholeFile: each failure names the file and what is wrong") {
  TempDir dir;
  dir.Write("big.txt", std::string(100, 'x'));
  std::filesystem::create_directory(dir.path() / "sub");

  StatusOr<std::string> missing = ReadWholeFile(dir.File("missing.txt"));
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(Contains(missing.status().message(), dir.File("missing.txt") + ": no such file"));

  StatusOr<std::string> sub = ReadWholeFile(dir.File("sub"));
  CHECK(sub.status().code() == Status::Code::kInvalidArgument);
  CHECK(Contains(sub.status().message(), "sub: not a regular file"));

  StatusOr<std::string> big = ReadWholeFile(dir.File("big.txt"), 99);
  CHECK(big.status().code() == Status::Code::kInvalidArgument);
  CHECK(Contains(big.status().message(), "big.txt: larger than 99 bytes (100 bytes)"));
  CHECK(ReadWholeFile(dir.File("big.txt"), 100).ok());  // the limit itself is allowed
}

TEST_CASE("ReadWholeFile: a pipe is read like a file, within the limit") {
  TempDir dir;
  const std::string fifo = dir.File("pipe");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // A writer in the background, as a shell's <(...) would be.
  REQUIRE(std::system(("printf 'abcdef' > " + fifo + " &").c_str()) == 0);
  StatusOr<std::string> read = ReadWholeFile(fifo);
  REQUIRE(read.ok());
  CHECK(*read == "abcdef");

  REQUIRE(std::system(("printf 'abcdef' > " + fifo + " &").c_str()) == 0);
  StatusOr<std::string> limited = ReadWholeFile(fifo, 4);
  CHECK(limited.status().code() == Status::Code::kInvalidArgument);
  CHECK(Contains(limited.status().message(), "pipe: larger than 4 bytes"));
}

}  // namespace
}  // namespace newsrecon
