#include "pipeline/core/hash.h"

#include <cstdint>
#include <cstdio>

namespace newsrecon {

std::string Fnv1aHex(std::string_view bytes) {
  uint64_t h = kFnv1aOffset;
  for (unsigned char ch : bytes) {
    h ^= ch;
    h *= kFnv1aPrime;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace newsrecon
