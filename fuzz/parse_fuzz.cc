// libFuzzer target for the parse stage: any bytes, read as HTML, must parse or
// fail with a Status, in bounded time, and give valid UTF-8.
//
//   make fuzz && ./fuzz_parse -max_len=65536 fuzz/seeds/parse
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/core/utf8.h"
#include "pipeline/parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsrecon::RawDocument doc;
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  doc.content_type = "text/html";
  doc.meta.url = "https://example.com/2026/04/27/story";
  newsrecon::StatusOr<newsrecon::Article> article = newsrecon::Parse(doc);
  if (article.ok()) {
    const newsrecon::ArticleMeta& m = article->meta;
    for (const std::string* s : {&m.title, &m.byline, &m.outlet, &m.charset}) {
      if (newsrecon::FindInvalidUtf8(*s)) std::abort();
    }
    if (newsrecon::FindInvalidUtf8(article->text)) std::abort();
    for (const newsrecon::DateWitness& w : m.date_witnesses) {
      if (newsrecon::FindInvalidUtf8(w.raw) || w.raw.size() > 200) std::abort();
    }
  }
  return 0;
}
