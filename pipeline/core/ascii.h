// ASCII text helpers shared by every stage that reads markup, rules or
// lexicons: case folding, white space, case-insensitive search. They treat
// bytes >= 0x80 as opaque, so they are safe on UTF-8 and never depend on the
// C locale (unlike std::tolower and std::isspace).
#ifndef NEWSRECON_PIPELINE_CORE_ASCII_H_
#define NEWSRECON_PIPELINE_CORE_ASCII_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsrecon {

inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
// A copy with A-Z folded to a-z: AsciiLower("Mid-April") == "mid-april".
std::string AsciiLower(std::string_view s);

// Space, tab, newline, carriage return, vertical tab, form feed.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
// `s` without leading and trailing ASCII white space.
std::string_view TrimAsciiSpace(std::string_view s);

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreAsciiCase(std::string_view text, std::string_view prefix);
// The first offset >= `from` where `needle` (REQUIRES: lower case) stands in
// `hay` ignoring ASCII case, or npos.
size_t FindIgnoreAsciiCase(std::string_view hay, std::string_view needle, size_t from = 0);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_ASCII_H_
