#include "pipeline/core/hash.h"

#include <doctest/doctest.h>

namespace newsrecon {
namespace {

// Reference values from the FNV specification's test suite
// (draft-eastlake-fnv, FNV-1a 64).
TEST_CASE("Fnv1aHex: published FNV-1a 64 values") {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", "cbf29ce484222325"},
      {"a", "af63dc4c8601ec8c"},
      {"foobar", "85944171f73967e8"},
  };
  for (const auto& c : kCases) CHECK_MESSAGE(Fnv1aHex(c.in) == c.out, c.in);
}

}  // namespace
}  // namespace newsrecon
