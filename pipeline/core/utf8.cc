#include "pipeline/core/utf8.h"

#include <cstdint>
#include <cstring>

namespace newsrecon {
namespace {

// Index of the first byte at or after `i` that is not ASCII.
size_t SkipAscii(std::string_view s, size_t i) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + 8 <= s.size()) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (true) {
    i = SkipAscii(s, i);
    if (i >= s.size()) return std::nullopt;
    const Utf8Char c = DecodeUtf8(s, i);
    if (!c.valid) return i;
    i += c.length;
  }
}

std::string ScrubUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t j = SkipAscii(s, i);
    out.append(s.data() + i, j - i);
    if (j >= s.size()) break;
    const Utf8Char c = DecodeUtf8(s, j);
    if (c.valid) {
      out.append(s.data() + j, c.length);
    } else {
      out.append("\xEF\xBF\xBD");
    }
    i = j + c.length;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace newsrecon
