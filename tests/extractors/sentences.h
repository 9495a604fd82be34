// Sentences for extractor tests: split after ". " (the pipeline uses ICU's
// BreakIterator; the test texts have no abbreviations to trip this up).
#ifndef NEWSRECON_TESTS_EXTRACTORS_SENTENCES_H_
#define NEWSRECON_TESTS_EXTRACTORS_SENTENCES_H_

#include <string_view>
#include <vector>

#include "pipeline/core/claim.h"

namespace newsrecon {

inline std::vector<ByteSpan> Sentences(std::string_view text) {
  std::vector<ByteSpan> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '.' && text[i + 1] == ' ') {
      out.push_back({start, i + 1});
      start = i + 2;
    }
  }
  out.push_back({start, text.size()});
  return out;
}

}  // namespace newsrecon

#endif  // NEWSRECON_TESTS_EXTRACTORS_SENTENCES_H_
