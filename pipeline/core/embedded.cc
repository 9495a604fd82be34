#include "pipeline/core/embedded.h"

#include <algorithm>
#include <cstddef>

namespace newsrecon {
namespace embedded {
struct Entry {
  const char* path;
  const char* data;
  size_t size;
};
extern const Entry kEntries[];
extern const size_t kEntryCount;
}  // namespace embedded

std::optional<std::string_view> EmbeddedFile(std::string_view path) {
  for (size_t i = 0; i < embedded::kEntryCount; ++i) {
    if (path == embedded::kEntries[i].path)
      return std::string_view(embedded::kEntries[i].data, embedded::kEntries[i].size);
  }
  return std::nullopt;
}

std::vector<std::string_view> EmbeddedFiles(std::string_view prefix) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < embedded::kEntryCount; ++i) {
    std::string_view p = embedded::kEntries[i].path;
    if (p.substr(0, prefix.size()) == prefix) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace newsrecon
