// Tests of the sources file (pipeline/fetch/sources.h).
#include "pipeline/fetch/sources.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

constexpr char kExample[] = R"(# newsrecon sources
[[source]]
outlet = "Ars Technica"
url = "https://arstechnica.com/feed/"
kind = "feed"   # optional

[[source]]
url = "https://www.example.org/news-sitemap.xml"
kind = "sitemap"

[[source]]
outlet = "Example Daily"
url = "  https://daily.example.com/2026/04/27/story.html "
)";

TEST_CASE("ParseSources: the documented example") {
  StatusOr<std::vector<Source>> got = ParseSources(kExample, "sources.toml");
  REQUIRE_MESSAGE(got.ok(), got.status().ToString());
  REQUIRE(got->size() == 3);
  const std::vector<Source>& s = *got;
  CHECK(s[0].outlet == "Ars Technica");
  CHECK(s[0].url == "https://arstechnica.com/feed/");
  CHECK(s[0].kind == SourceKind::kFeed);
  CHECK(s[0].line == 2);
  CHECK(s[1].outlet == "");
  CHECK(s[1].kind == SourceKind::kSitemap);
  CHECK(s[1].line == 7);
  CHECK(s[2].outlet == "Example Daily");
  CHECK(s[2].url == "https://daily.example.com/2026/04/27/story.html");
  CHECK_FALSE(s[2].kind.has_value());
  CHECK(s[2].line == 11);
}

TEST_CASE("ParseSources: an empty file or only comments gives no sources") {
  for (const char* text : {"", "# nothing yet\n", "\n\n"}) {
    CAPTURE(text);
    StatusOr<std::vector<Source>> got = ParseSources(text, "s.toml");
    CHECK(got.ok());
    if (got.ok()) CHECK(got->empty());
  }
}

TEST_CASE("ParseSources: errors name the file, the line and what is wrong") {
  const struct {
    const char* id;
    const char* text;
    std::vector<std::string> want;  // substrings of the message
  } cases[] = {
      {"missing-url", "[[source]]\noutlet = \"X\"\n", {"sources.toml:1", "has no url"}},
      {"ftp-url",
       "[[source]]\nurl = \"ftp://ex.com/feed\"\n",
       {"sources.toml:2", "'ftp://ex.com/feed' is not an absolute http"}},
      {"relative-url", "[[source]]\nurl = \"/feed\"\n", {"sources.toml:2", "not an absolute"}},
      {"unknown-kind",
       "[[source]]\nurl = \"https://ex.com/\"\nkind = \"rss\"\n",
       {"sources.toml:3", "unknown kind 'rss'", "feed, sitemap, page"}},
      {"duplicate",
       "[[source]]\nurl = \"https://ex.com/feed\"\n\n[[source]]\nurl = "
       "\"HTTPS://EX.com/feed?utm_source=a\"\n",
       {"sources.toml:5", "duplicate url", "first given at line 1"}},
      {"typo-key",
       "[[source]]\nulr = \"https://ex.com/\"\n",
       {"sources.toml:2", "unknown key 'ulr'"}},
      {"typo-table",
       "[[sources]]\nurl = \"https://ex.com/\"\n",
       {"sources.toml:1", "unknown key 'sources'"}},
      {"url-not-string", "[[source]]\nurl = 5\n", {"sources.toml:2", "'url' must be a string"}},
      {"plain-table", "[source]\nurl = \"https://ex.com/\"\n", {"sources.toml:1", "[[source]]"}},
      {"syntax", "[[source]\nurl = \"https://ex.com/\"\n", {"sources.toml:1"}},
      {"unterminated-string", "[[source]]\nurl = \"https://ex.com/\n", {"sources.toml:2"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    StatusOr<std::vector<Source>> got = ParseSources(c.text, "sources.toml");
    CHECK_FALSE(got.ok());
    if (got.ok()) continue;
    CHECK(got.status().code() == Status::Code::kInvalidArgument);
    for (const std::string& w : c.want) {
      CAPTURE(w);
      CHECK_MESSAGE(got.status().message().find(w) != std::string::npos, got.status().message());
    }
  }
}

TEST_CASE("LoadSources reads a file and names it in errors") {
  TempDir dir;
  std::string path = dir.Write("sources.toml", kExample).string();
  StatusOr<std::vector<Source>> got = LoadSources(path);
  REQUIRE_MESSAGE(got.ok(), got.status().ToString());
  CHECK(got->size() == 3);

  std::string bad = dir.Write("bad.toml", "[[source]]\nkind = \"page\"\n").string();
  StatusOr<std::vector<Source>> err = LoadSources(bad);
  REQUIRE_FALSE(err.ok());
  CHECK(err.status().message().find(bad + ":1") == 0);

  StatusOr<std::vector<Source>> missing = LoadSources(dir.File("nope.toml"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(missing.status().message().find("nope.toml") != std::string::npos);
}

TEST_CASE("SourceKind names") {
  for (SourceKind k : {SourceKind::kFeed, SourceKind::kSitemap, SourceKind::kPage})
    CHECK(ParseSourceKind(SourceKindName(k)) == k);
  CHECK(SourceKindName(SourceKind::kSitemap) == "sitemap");
  CHECK_FALSE(ParseSourceKind("Feed").has_value());
  CHECK_FALSE(ParseSourceKind("").has_value());
}

}  // namespace
}  // namespace newsrecon
