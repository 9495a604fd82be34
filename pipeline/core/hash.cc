#include "pipeline/core/hash.h"

#include <cstdint>
#include <cstdio>

namespace newsrecon {

std::string Fnv1aHex(std::string_view bytes) {
  constexpr uint64_t kFnvOffset = 14695981039346656037ull;
  constexpr uint64_t kFnvPrime = 1099511628211ull;
  uint64_t h = kFnvOffset;
  for (unsigned char ch : bytes) {
    h ^= ch;
    h *= kFnvPrime;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace newsrecon
