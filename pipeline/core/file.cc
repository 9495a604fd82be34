#include "pipeline/core/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

namespace newsrecon {
namespace {

std::string TooLarge(const std::string& path, size_t max_bytes, const std::string& size) {
  const std::string limit = max_bytes >= (size_t{1} << 20)
                                ? std::to_string(max_bytes >> 20) + " MiB"
                                : std::to_string(max_bytes) + " bytes";
  return path + ": larger than " + limit + (size.empty() ? "" : " (" + size + " bytes)");
}

}  // namespace

StatusOr<std::string> ReadWholeFile(const std::string& path, size_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) {
    if (ec && ec != std::errc::no_such_file_or_directory)
      return Status::IoError(path + ": " + ec.message());
    return Status::NotFound(path + ": no such file");
  }
  // Pipes and character devices are read like files; a directory, socket
  // or block device is not something a user means to read whole.
  if (!fs::is_regular_file(st) && !fs::is_fifo(st) && !fs::is_character_file(st))
    return Status::InvalidArgument(path + ": not a regular file");
  std::string bytes;
  if (fs::is_regular_file(st)) {
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) return Status::IoError(path + ": " + ec.message());
    if (size > max_bytes)
      return Status::InvalidArgument(TooLarge(path, max_bytes, std::to_string(size)));
    bytes.reserve(static_cast<size_t>(size));
  }
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::IoError(path + ": " + std::strerror(errno));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    if (n > max_bytes - bytes.size())  // a pipe, or a file that grew while we read it
      return Status::InvalidArgument(TooLarge(path, max_bytes, ""));
    bytes.append(buf, n);
  }
  if (std::ferror(f.get())) return Status::IoError(path + ": read failed");
  return bytes;
}

}  // namespace newsrecon
