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
}

}  // namespace
}  // namespace newsrecon
