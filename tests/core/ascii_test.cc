#include "pipeline/core/ascii.h"

#include <doctest/doctest.h>

namespace newsrecon {
namespace {

TEST_CASE("ascii: case folding leaves UTF-8 bytes alone") {
  CHECK(AsciiLower("Mid-April") == "mid-april");
  CHECK(AsciiLower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");  // "ÉTÉ": only the T folds
  CHECK(AsciiLower("") == "");
}

TEST_CASE("ascii: trimming and case-insensitive comparison") {
  CHECK(TrimAsciiSpace(" \t\r\n x y \f") == "x y");
  CHECK(TrimAsciiSpace("   ").empty());
  CHECK(EqualsIgnoreAsciiCase("UTF-8", "utf-8"));
  CHECK_FALSE(EqualsIgnoreAsciiCase("utf-8", "utf-16"));
  CHECK(StartsWithIgnoreAsciiCase("<!DOCTYPE html>", "<!doctype"));
  CHECK_FALSE(StartsWithIgnoreAsciiCase("<!doc", "<!doctype"));
  CHECK(FindIgnoreAsciiCase("text/html; Charset=UTF-8", "charset=") == 11);
  CHECK(FindIgnoreAsciiCase("a charset b charset", "charset", 3) == 12);
  CHECK(FindIgnoreAsciiCase("abc", "abcd") == std::string_view::npos);
  // Either case of the first byte; overlapping starts; the edges.
  CHECK(FindIgnoreAsciiCase("x</SCRIPT>", "</script") == 1);
  CHECK(FindIgnoreAsciiCase("aaab", "aab") == 1);
  CHECK(FindIgnoreAsciiCase("Ab ab", "ab", 1) == 3);
  CHECK(FindIgnoreAsciiCase("abc", "") == 0);
  CHECK(FindIgnoreAsciiCase("abc", "", 3) == 3);
  CHECK(FindIgnoreAsciiCase("abc", "", 4) == std::string_view::npos);
  CHECK(FindIgnoreAsciiCase("abc", "c", 3) == std::string_view::npos);
  CHECK(FindIgnoreAsciiCase("abC", "c", 2) == 2);
  CHECK(FindIgnoreAsciiCase("1a2A", "2a") == 2);
}

}  // namespace
}  // namespace newsrecon
