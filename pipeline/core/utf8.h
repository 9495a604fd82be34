// UTF-8 validation, decoding and repair.
//
// Every text that enters newsrecon past the parse stage is UTF-8, and every
// offset is a byte offset into it; these helpers say whether a byte string is
// well-formed UTF-8 (Unicode 15, §3.9, Table 3-7: no overlong forms, no
// surrogates U+D800..U+DFFF, nothing above U+10FFFF, no truncated sequences),
// decode one code point, and repair a string by replacing each ill-formed
// sequence with U+FFFD.
//
// Takes: any bytes. Gives: offsets, code points, a repaired copy. Never fails.
// Ill-formed input is split into "maximal subparts" as Unicode recommends
// (§3.9, "U+FFFD Substitution of Maximal Subparts", the practice of ICU, the
// WHATWG Encoding Standard and Python): "\xE2\x82" followed by "A" is one
// replacement, "\xC0\xAF" is two (0xC0 can never start a sequence), and the
// surrogate "\xED\xA0\x80" is three.
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_PIPELINE_CORE_UTF8_H_
#define NEWSRECON_PIPELINE_CORE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsrecon {

// The result of decoding one code point.
struct Utf8Char {
  char32_t code_point = 0;  // the code point; U+FFFD when !valid
  size_t length = 0;  // bytes consumed: 1–4 when valid, else the maximal invalid subpart (1–3)
  bool valid = false;
};

// Decodes the code point that starts at s[i].
// REQUIRES: i < s.size().
inline Utf8Char DecodeUtf8(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1, true};
  // Table 3-7: the lead byte decides the length and the range of the second byte.
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // else overlong
    if (b0 == 0xED) hi = 0x9F;  // else a surrogate
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // else overlong
    if (b0 == 0xF4) hi = 0x8F;  // else above U+10FFFF
  } else {
    return {0xFFFD, 1, false};  // continuation byte, C0, C1 or F5..FF
  }
  size_t k = i + 1;
  for (size_t n = 0; n < need; ++n, ++k) {
    if (k >= s.size()) return {0xFFFD, k - i, false};  // truncated
    const unsigned char b = byte(k);
    if (b < lo || b > hi) return {0xFFFD, k - i, false};
    cp = (cp << 6) | (b & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, need + 1, true};
}

// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate,
// >U+10FFFF, truncated, stray continuation byte), or nullopt if `s` is valid.
// Examples: FindInvalidUtf8("ab\x80") == 2; FindInvalidUtf8("\xE2\x80\x99") == nullopt.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// Copy of `s` with each maximal invalid subpart replaced by U+FFFD ("\xEF\xBF\xBD").
// Valid input comes back unchanged.
std::string ScrubUtf8(std::string_view s);

// Appends the UTF-8 encoding of `cp` to `out`.
// REQUIRES: cp is a Unicode scalar value (not a surrogate, at most U+10FFFF).
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_UTF8_H_
