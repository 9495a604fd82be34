// libFuzzer target for feed and sitemap parsing (pipeline/fetch/feed.h).
//
// The first byte picks a Content-Type hint, the rest is the body; DetectKind
// and ParseFeed must never crash, hang or leak on any bytes, and whatever they
// return must keep the promises of feed.h (absolute http(s) entry URLs,
// bounded warnings). Seeds: fuzz/seeds/feed/.
//
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DNEWSRECON_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_feed
//   build-fuzz/fuzz_feed -max_total_time=60 fuzz/seeds/feed
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pipeline/fetch/feed.h"
#include "pipeline/fetch/url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsrecon;
  static constexpr std::string_view kTypes[] = {
      "",          "application/rss+xml",          "application/atom+xml", "application/feed+json",
      "text/html", "text/xml; charset=iso-8859-1", "application/json",     "text/plain"};
  if (size == 0) return 0;
  const std::string_view type = kTypes[data[0] % (sizeof(kTypes) / sizeof(kTypes[0]))];
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)DetectKind(type, body);
  StatusOr<FeedDocument> doc = ParseFeed(body, type, "https://fuzz.example/feeds/rss.xml");
  if (doc.ok()) {
    for (const FeedEntry& e : doc->entries)
      if (!IsHttpUrl(e.url)) std::abort();
    for (const std::string& s : doc->sitemaps)
      if (!IsHttpUrl(s)) std::abort();
    if (doc->warnings.size() > kMaxFeedWarnings) std::abort();
  }
  return 0;
}
