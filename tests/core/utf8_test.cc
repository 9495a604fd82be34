#include "pipeline/core/utf8.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

namespace newsrecon {
namespace {

TEST_CASE("valid UTF-8 has no invalid byte") {
  const std::string_view cases[] = {
      "",
      "Microsoft invested $1 billion in 2019.",
      "OpenAI\xE2\x80\x99s",  // U+2019
      "\xC2\x80",             // U+0080, smallest two-byte
      "\xDF\xBF",             // U+07FF
      "\xE0\xA0\x80",         // U+0800, smallest three-byte
      "\xED\x9F\xBF",         // U+D7FF, just below the surrogates
      "\xEE\x80\x80",         // U+E000, just above them
      "\xEF\xBF\xBD",         // U+FFFD
      "\xF0\x90\x80\x80",     // U+10000, smallest four-byte
      "\xF0\x9F\x98\x80",     // U+1F600
      "\xF4\x8F\xBF\xBF",     // U+10FFFF, the largest
      "12345678\xE2\x82\xAC"
      "5m",  // € after the eight-byte fast path
  };
  for (std::string_view s : cases) {
    CAPTURE(s);
    CHECK(FindInvalidUtf8(s) == std::nullopt);
    CHECK(ScrubUtf8(s) == s);
  }
}

TEST_CASE("invalid UTF-8 is found at its first byte") {
  struct Case {
    std::string_view id;
    std::string_view text;
    size_t offset;
  };
  const Case cases[] = {
      {"lone continuation", "ab\x80", 2},
      {"overlong slash C0 AF", "x\xC0\xAF", 1},
      {"overlong C1", "\xC1\xBF", 0},
      {"overlong three-byte", "\xE0\x80\xAF", 0},
      {"overlong four-byte", "\xF0\x80\x80\xAF", 0},
      {"surrogate ED A0 80", "\xED\xA0\x80", 0},
      {"low surrogate", "ok \xED\xBF\xBF", 3},
      {"truncated at end", "price \xE2\x82", 6},
      {"truncated before ASCII", "\xE2\x82 x", 0},
      {"lead F5", "\xF5", 0},
      {"above U+10FFFF", "a\xF4\x90\x80\x80", 1},
      {"FF", "ok\xFF", 2},
      {"lone lead at end", "\xC2", 0},
      {"after eight ASCII bytes", "12345678\x80", 8},
      {"after a valid character", "\xE2\x80\x99\xE2\x80", 3},
      {"after sixteen ASCII bytes", "abcdefghijklmnop\xC3(", 16},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    CHECK(FindInvalidUtf8(c.text) == std::optional<size_t>(c.offset));
  }
}

TEST_CASE("scrubbing replaces each maximal invalid subpart with U+FFFD") {
  struct Case {
    std::string_view id;
    std::string_view text;
    std::string_view scrubbed;
  };
  const std::string r = "\xEF\xBF\xBD";
  const Case cases[] = {
      {"lone continuation", "ab\x80", "ab\xEF\xBF\xBD"},
      {"C0 never starts a sequence: two", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate: three", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"truncated: one",
       "a\xE2\x82"
       "b",
       "a\xEF\xBF\xBD"
       "b"},
      {"truncated four-byte at end: one", "\xF0\x9F\x98", "\xEF\xBF\xBD"},
      {"F5 and its continuations: four", "\xF5\x80\x80\x80",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"valid neighbours kept", "\xE2\x80\x99\xFF\xE2\x80\x9D",
       "\xE2\x80\x99\xEF\xBF\xBD\xE2\x80\x9D"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    const std::string out = ScrubUtf8(c.text);
    CHECK(out == c.scrubbed);
    CHECK(FindInvalidUtf8(out) == std::nullopt);
  }
}

TEST_CASE("decoding gives code points and lengths") {
  struct Case {
    std::string_view text;
    char32_t code_point;
    size_t length;
    bool valid;
  };
  const Case cases[] = {
      {"A", U'A', 1, true},
      {"\xC2\xA0", 0x00A0, 2, true},
      {"\xE2\x80\x99", 0x2019, 3, true},
      {"\xF0\x9F\x98\x80", 0x1F600, 4, true},
      {"\xE2\x82", 0xFFFD, 2, false},
      {"\xED\xA0\x80", 0xFFFD, 1, false},
      {"\x80", 0xFFFD, 1, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Utf8Char d = DecodeUtf8(c.text, 0);
    CHECK(d.code_point == c.code_point);
    CHECK(d.length == c.length);
    CHECK(d.valid == c.valid);
  }
  std::string out;
  for (char32_t cp : {U'A', char32_t{0xA0}, char32_t{0x2019}, char32_t{0x1F600}})
    AppendUtf8(cp, &out);
  CHECK(out == "A\xC2\xA0\xE2\x80\x99\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace newsrecon
