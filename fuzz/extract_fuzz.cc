// libFuzzer target: the extractor on any valid UTF-8 text, with and without
// a publication date. Finds crashes, hangs, sanitizer reports, and claims
// whose spans fall outside the text (which the store would reject).
// Build: CC=clang CXX=clang++ cmake -S . -B build-fuzz -DNEWSRECON_FUZZ=ON &&
//        cmake --build build-fuzz --target fuzz_extract
// Run:   build-fuzz/fuzz_extract -max_total_time=120 fuzz/seeds/extract
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pipeline/core/civil_date.h"
#include "pipeline/core/utf8.h"
#include "pipeline/extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsrecon;
  // Loading the rules takes a while; a fuzz target may keep them.
  static const Extractor* extractor = [] {  // NOLINT: immutable after first use
    StatusOr<Extractor> e = Extractor::Load();
    if (!e.ok()) std::abort();
    return new Extractor(std::move(*e));
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (FindInvalidUtf8(text)) return 0;  // the parse stage hands on valid UTF-8 only
  for (std::optional<CivilDate> published :
       {std::optional<CivilDate>(), std::optional<CivilDate>(CivilDate{2026, 4, 27})}) {
    StatusOr<std::vector<Claim>> claims = extractor->Extract(text, published);
    if (!claims.ok()) continue;
    for (const Claim& c : *claims) {
      if (c.mention.span.start > c.mention.span.end || c.mention.span.end > text.size() ||
          c.sentence.start > c.sentence.end || c.sentence.end > text.size())
        std::abort();
    }
  }
  return 0;
}
