#include "pipeline/core/ascii.h"

#include <algorithm>

namespace newsrecon {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithIgnoreAsciiCase(a, b);
}

bool StartsWithIgnoreAsciiCase(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(text[i]) != AsciiLower(prefix[i])) return false;
  }
  return true;
}

size_t FindIgnoreAsciiCase(std::string_view hay, std::string_view needle, size_t from) {
  constexpr size_t kNone = std::string_view::npos;
  if (from > hay.size() || needle.size() > hay.size() - from) return kNone;
  if (needle.empty()) return from;
  // Jump from one occurrence of the first byte (either case) to the next with
  // find (memchr) rather than comparing at every byte: pages carry scripts of
  // hundreds of kilobytes that are searched for their "</script".
  const char lower = AsciiLower(needle[0]);
  const char upper = static_cast<char>(lower >= 'a' && lower <= 'z' ? lower - 'a' + 'A' : lower);
  const std::string_view rest = needle.substr(1);
  size_t next_lower = hay.find(lower, from);
  size_t next_upper = upper == lower ? kNone : hay.find(upper, from);
  for (;;) {
    const size_t i = std::min(next_lower, next_upper);
    if (i == kNone || needle.size() > hay.size() - i) return kNone;
    if (StartsWithIgnoreAsciiCase(hay.substr(i + 1), rest)) return i;
    if (i == next_lower) {
      next_lower = hay.find(lower, i + 1);
    } else {
      next_upper = hay.find(upper, i + 1);
    }
  }
}

}  // namespace newsrecon
