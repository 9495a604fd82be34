// Tests of feed and sitemap parsing (pipeline/fetch/feed.h), on hand-written
// snippets of each format with the quirks real feeds have.
#include "pipeline/fetch/feed.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace newsrecon {
namespace {

// One entry as a line: "url | title | outlet | language", then one line per
// date: "  where [raw] day" with " (modified)" for modification dates.
std::string Describe(const FeedEntry& e) {
  std::string out = e.url + " | " + e.title + " | " + e.outlet + " | " + e.language;
  for (const DateWitness& d : e.dates) {
    CHECK(d.method == PublishedMethod::kFeed);
    out += "\n  " + d.where + " [" + d.raw + "] " + (d.date ? d.date->ToIso() : "-") +
           (d.modified ? " (modified)" : "");
  }
  return out;
}

struct FeedCase {
  const char* id;
  std::string body;
  const char* content_type;
  const char* base;
  DocumentKind kind;
  const char* title;
  std::vector<std::string> entries;   // Describe() of each, in order
  std::vector<std::string> warnings;  // substrings, each found in some warning
};

bool AnyContains(const std::vector<std::string>& list, const std::string& needle) {
  for (const std::string& s : list)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

void RunCases(const std::vector<FeedCase>& cases) {
  for (const FeedCase& c : cases) {
    CAPTURE(c.id);
    StatusOr<FeedDocument> got = ParseFeed(c.body, c.content_type, c.base);
    CHECK_MESSAGE(got.ok(), got.status().ToString());
    if (!got.ok()) continue;
    CHECK(DocumentKindName(got->kind) == DocumentKindName(c.kind));
    CHECK(got->title == c.title);
    std::vector<std::string> described;
    for (const FeedEntry& e : got->entries) described.push_back(Describe(e));
    CHECK(described == c.entries);
    for (const std::string& w : c.warnings) {
      CAPTURE(w);
      CHECK_MESSAGE(AnyContains(got->warnings, w), "warnings: ", got->warnings.size());
    }
    if (c.warnings.empty()) CHECK(got->warnings.empty());
  }
}

TEST_CASE("ParseFeed: RSS 2.0") {
  RunCases({
      {"rss-basic",
       R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Ars Technica</title><link>https://arstechnica.com</link><language>en-us</language>
  <item>
    <title><![CDATA[Microsoft & OpenAI <em>amend</em> their deal]]></title>
    <link>/tech/2026/04/deal/</link>
    <pubDate>Mon, 27 Apr 2026 13:30:00 GMT</pubDate>
    <dc:date>2026-04-27T13:30:00Z</dc:date>
    <content:encoded><![CDATA[<p>Body with <a href="https://elsewhere.example/">a link</a></p>]]></content:encoded>
  </item>
  <item>
    <title>Late-night story</title>
    <guid>https://arstechnica.com/?p=2001</guid>
    <pubDate>Tue, 28 Apr 2026 23:45:00 -0500</pubDate>
  </item>
  <item>
    <title>Zoned +0200</title>
    <link>https://arstechnica.com/a/3</link>
    <pubDate>Wed, 29 Apr 2026 00:15:00 +0200</pubDate>
  </item>
  <item>
    <title>Eastern</title>
    <link>https://arstechnica.com/a/4</link>
    <pubDate>Thu, 30 Apr 2026 21:00:00 EST</pubDate>
  </item>
  <item>
    <title>Not a permalink</title>
    <guid isPermaLink="false">https://arstechnica.com/?p=5</guid>
  </item>
</channel></rss>)",
       "application/rss+xml",
       "https://arstechnica.com/feed/",
       DocumentKind::kRss,
       "Ars Technica",
       {"https://arstechnica.com/tech/2026/04/deal/ | Microsoft & OpenAI amend their deal | Ars "
        "Technica | en-us\n"
        "  rss pubDate [Mon, 27 Apr 2026 13:30:00 GMT] 2026-04-27\n"
        "  dc:date [2026-04-27T13:30:00Z] 2026-04-27",
        "https://arstechnica.com/?p=2001 | Late-night story | Ars Technica | en-us\n"
        "  rss pubDate [Tue, 28 Apr 2026 23:45:00 -0500] 2026-04-28",
        "https://arstechnica.com/a/3 | Zoned +0200 | Ars Technica | en-us\n"
        "  rss pubDate [Wed, 29 Apr 2026 00:15:00 +0200] 2026-04-29",
        "https://arstechnica.com/a/4 | Eastern | Ars Technica | en-us\n"
        "  rss pubDate [Thu, 30 Apr 2026 21:00:00 EST] 2026-04-30"},
       {"item 5 (\"Not a permalink\"): no link; skipped"}},
      {"rss-same-article-tracking-params",
       R"(<rss version="2.0"><channel><title>Wire</title>
<item><title>Story</title><link>https://news.example.com/story?id=9&amp;utm_source=rss&amp;utm_medium=feed</link>
  <pubDate>Mon, 27 Apr 2026 08:00:00 +0000</pubDate></item>
<item><title>Story (updated)</title><link>https://NEWS.example.com/story?fbclid=abc&amp;id=9#comments</link>
  <pubDate>Mon, 27 Apr 2026 10:00:00 +0000</pubDate></item>
<item><title>Story again</title><link>https://news.example.com/story?id=9</link>
  <pubDate>Mon, 27 Apr 2026 08:00:00 +0000</pubDate></item>
</channel></rss>)",
       "text/xml",
       "https://news.example.com/rss",
       DocumentKind::kRss,
       "Wire",
       {"https://news.example.com/story?id=9 | Story | Wire | \n"
        "  rss pubDate [Mon, 27 Apr 2026 08:00:00 +0000] 2026-04-27\n"
        "  rss pubDate [Mon, 27 Apr 2026 10:00:00 +0000] 2026-04-27"},
       {}},
      {"rss-item-source-and-feedburner",
       R"(<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
<channel><title>Google News</title>
<item><title>Headline - The Outlet</title><link>https://news.google.com/articles/CBMi</link>
  <feedburner:origLink>https://outlet.example/2026/04/27/headline/</feedburner:origLink>
  <source url="https://outlet.example">The Outlet</source>
  <pubDate>27 Apr 2026 09:00 GMT</pubDate></item>
</channel></rss>)",
       "",
       "https://news.google.com/rss",
       DocumentKind::kRss,
       "Google News",
       {"https://outlet.example/2026/04/27/headline/ | Headline - The Outlet | The Outlet | \n"
        "  rss pubDate [27 Apr 2026 09:00 GMT] 2026-04-27"},
       {}},
  });
}

TEST_CASE("ParseFeed: Atom") {
  RunCases({
      {"atom",
       R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB" xml:base="https://blog.example.org/news/">
  <title type="html">The &lt;i&gt;Example&lt;/i&gt; Blog</title>
  <entry xml:base="2026/">
    <title>No rel, relative href</title>
    <link href="first.html"/>
    <link rel="enclosure" type="audio/mpeg" href="/a.mp3"/>
    <id>tag:example.org,2026:1</id>
    <published>2026-04-27T23:30:00-05:00</published>
    <updated>2026-04-29T10:00:00Z</updated>
  </entry>
  <entry xml:lang="fr">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Deuxi&#232;me <b>titre</b></div></title>
    <link rel="self" href="https://example.org/2.atom"/>
    <link rel="alternate" type="text/html" href="https://example.org/2"/>
    <id>https://example.org/ignored-id</id>
  </entry>
  <entry><title>Only an id</title><id>https://example.org/3</id></entry>
  <entry><title>Only a tag id</title><id>urn:uuid:60a76c80</id></entry>
</feed>)",
       "application/atom+xml",
       "https://blog.example.org/feed.atom",
       DocumentKind::kAtom,
       "The Example Blog",
       {"https://blog.example.org/news/2026/first.html | No rel, relative href | The Example Blog "
        "| en-GB\n"
        "  atom published [2026-04-27T23:30:00-05:00] 2026-04-27\n"
        "  atom updated [2026-04-29T10:00:00Z] 2026-04-29 (modified)",
        "https://example.org/2 | Deuxi\xC3\xA8me titre | The Example Blog | fr",
        "https://example.org/3 | Only an id | The Example Blog | en-GB"},
       {"entry 4 (\"Only a tag id\"): no http(s) link (\"urn:uuid:60a76c80\"); skipped"}},
  });
}

TEST_CASE("ParseFeed: RDF / RSS 1.0") {
  RunCases({
      {"rdf",
       R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://slash.example/"><title>Slash</title><dc:language>en</dc:language></channel>
  <item rdf:about="https://slash.example/story/1">
    <title>With link</title><link>https://slash.example/story/1?utm_campaign=x</link>
    <dc:date>2026-04-27T12:00:00+00:00</dc:date>
  </item>
  <item rdf:about="https://slash.example/story/2"><title>About only</title></item>
</rdf:RDF>)",
       "application/rdf+xml",
       "https://slash.example/index.rdf",
       DocumentKind::kRdf,
       "Slash",
       {"https://slash.example/story/1 | With link | Slash | en\n"
        "  dc:date [2026-04-27T12:00:00+00:00] 2026-04-27",
        "https://slash.example/story/2 | About only | Slash | en"},
       {}},
  });
}

TEST_CASE("ParseFeed: JSON Feed") {
  RunCases({
      {"json-1.1",
       R"({"version": "https://jsonfeed.org/version/1.1", "title": "JF &amp; Co", "language": "en",
  "items": [
    {"id": "1", "url": "/p/1", "title": "One", "date_published": "2026-04-27T10:00:00+09:00",
     "date_modified": "2026-04-28T01:00:00Z"},
    {"id": "2", "external_url": "https://elsewhere.example/x", "language": "de"},
    {"id": "not-a-url"},
    42
  ]})",
       "application/feed+json",
       "https://jf.example/feed.json",
       DocumentKind::kJsonFeed,
       "JF & Co",
       {"https://jf.example/p/1 | One | JF & Co | en\n"
        "  json date_published [2026-04-27T10:00:00+09:00] 2026-04-27\n"
        "  json date_modified [2026-04-28T01:00:00Z] 2026-04-28 (modified)",
        "https://elsewhere.example/x |  | JF & Co | de"},
       {"item 3: no http(s) link (\"not-a-url\"); skipped", "item 4: not an object; skipped"}},
      {"json-1",
       R"({"version":"https://jsonfeed.org/version/1","title":"Old","items":[{"id":"https://old.example/a","title":"A"}]})",
       "application/json",
       "https://old.example/feed.json",
       DocumentKind::kJsonFeed,
       "Old",
       {"https://old.example/a | A | Old | "},
       {}},
  });
}

TEST_CASE("ParseFeed: sitemaps") {
  RunCases({
      {"news-sitemap",
       R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.example.com/world/story-1</loc>
    <lastmod>2026-04-28</lastmod>
    <image:image><image:loc>https://img.example.com/1.jpg</image:loc></image:image>
    <news:news>
      <news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-04-27T08:00:00+02:00</news:publication_date>
      <news:title>Story one</news:title>
    </news:news>
  </url>
  <url><loc>https://www.example.com/about</loc><lastmod>2026-04</lastmod></url>
  <url><lastmod>2026-04-01</lastmod></url>
</urlset>)",
       "application/xml",
       "https://www.example.com/news-sitemap.xml",
       DocumentKind::kSitemap,
       "",
       {"https://www.example.com/world/story-1 | Story one | Example Times | en\n"
        "  sitemap lastmod [2026-04-28] 2026-04-28 (modified)\n"
        "  news:publication_date [2026-04-27T08:00:00+02:00] 2026-04-27",
        "https://www.example.com/about |  |  | \n"
        "  sitemap lastmod [2026-04] - (modified)"},
       {"url 3: no link; skipped"}},
      {"sitemap-without-namespace",
       "<urlset><url><loc> /a </loc></url></urlset>",
       "",
       "https://ex.com/sitemap.xml",
       DocumentKind::kSitemap,
       "",
       {"https://ex.com/a |  |  | "},
       {}},
  });

  StatusOr<FeedDocument> index = ParseFeed(
      R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://ex.com/sitemap-2026-04.xml</loc><lastmod>2026-04-28</lastmod></sitemap>
  <sitemap><loc>/sitemap-2026-03.xml</loc></sitemap>
  <sitemap><loc>https://ex.com/sitemap-2026-04.xml#dup</loc></sitemap>
  <sitemap><loc>ftp://ex.com/old.xml</loc></sitemap>
</sitemapindex>)",
      "text/xml", "https://ex.com/sitemap_index.xml");
  REQUIRE_MESSAGE(index.ok(), index.status().ToString());
  CHECK(index->kind == DocumentKind::kSitemapIndex);
  CHECK(index->entries.empty());
  CHECK(index->sitemaps == std::vector<std::string>{"https://ex.com/sitemap-2026-04.xml",
                                                    "https://ex.com/sitemap-2026-03.xml"});
  CHECK(AnyContains(index->warnings, "sitemap 4: no http(s) loc; skipped"));
}

TEST_CASE("ParseFeed: malformed feeds are recovered as far as libxml2 can") {
  RunCases({
      {"unclosed-title-and-html-entities",
       R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Caf&eacute;&nbsp;News &mdash; AT&T</title>
<item><title>Unclosed title<link>https://ex.com/1</link><pubDate>Mon, 27 Apr 2026 09:00:00 GMT</pubDate></item>
<item><title>It&rsquo;s &bogus; fine</title><link>https://ex.com/2?a=1&b=2</link></item>
</channel></rss>)",
       "application/rss+xml",
       "https://ex.com/feed",
       DocumentKind::kRss,
       "Caf\xC3\xA9 News \xE2\x80\x94 AT&T",
       {"https://ex.com/1 | Unclosed title | Caf\xC3\xA9 News \xE2\x80\x94 AT&T | \n"
        "  rss pubDate [Mon, 27 Apr 2026 09:00:00 GMT] 2026-04-27",
        "https://ex.com/2?a=1&b=2 | It\xE2\x80\x99s fine | Caf\xC3\xA9 News \xE2\x80\x94 AT&T | "},
       {"rewritten as character references", "XML recovered"}},
      {"utf8-declared-latin1",
       "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>Z\xC3\xBCrich "
       "Zeitung</title><item><title>M\xC3\xA4rz</title><link>https://zz.example/1</link></item>"
       "</channel></rss>",
       "text/xml",
       "https://zz.example/rss",
       DocumentKind::kRss,
       "Z\xC3\xBCrich Zeitung",
       {"https://zz.example/1 | M\xC3\xA4rz | Z\xC3\xBCrich Zeitung | "},
       {"declares encoding \"iso-8859-1\" but its bytes are UTF-8"}},
      {"latin1-undeclared",
       "<rss><channel><title>Z\xFCrich</title><item><title>Caf\xE9 \x93quoted\x94</title>"
       "<link>https://zz.example/2</link></item></channel></rss>",
       "",
       "https://zz.example/rss",
       DocumentKind::kRss,
       "Z\xC3\xBCrich",
       {"https://zz.example/2 | Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D | Z\xC3\xBCrich | "},
       {"read as windows-1252"}},
      {"leading-whitespace-and-served-as-html",
       "\n\n  <?xml version=\"1.0\"?><rss><channel><title>T</title><item><link>https://t.example/"
       "x</link></item></channel></rss>",
       "text/html; charset=utf-8",
       "https://t.example/feed",
       DocumentKind::kRss,
       "T",
       {"https://t.example/x |  | T | "},
       {}},
      {"truncated",
       "<rss><channel><title>Cut</title><item><title>A</title><link>https://c.example/a</link></"
       "item>"
       "<item><title>B</title><link>https://c.exa",
       "",
       "https://c.example/feed",
       DocumentKind::kRss,
       "Cut",
       {"https://c.example/a | A | Cut | ", "https://c.exa/ | B | Cut | "},
       {"XML recovered"}},
  });
}

TEST_CASE("ParseFeed: no XXE, no entity expansion") {
  std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><title>X&xxe;Y</title><item><title>t</title><link>https://x.example/1</link></item></channel></rss>)";
  StatusOr<FeedDocument> got = ParseFeed(xxe, "", "https://x.example/feed");
  REQUIRE_MESSAGE(got.ok(), got.status().ToString());
  CHECK(got->title == "XY");
  CHECK(got->entries.size() == 1);

  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += std::string("&") + static_cast<char>(c - 1) + ";";
    bomb += "\">";
  }
  bomb += "]>\n<rss><channel><title>&j;</title></channel></rss>";
  StatusOr<FeedDocument> b = ParseFeed(bomb, "", "https://x.example/feed");
  // Either refused or read without expanding 10^10 bytes; the title never holds the expansion.
  if (b.ok()) CHECK(b->title.size() < 1000);
}

TEST_CASE("ParseFeed: what is not a feed fails with a clear message") {
  const struct {
    const char* id;
    std::string body;
    const char* content_type;
    const char* want;
  } cases[] = {
      {"html", "<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>",
       "text/html", "an HTML page, not a feed or sitemap"},
      {"html-no-doctype", "<html><body>hi</body></html>", "", "an HTML page"},
      {"json-not-feed", R"({"hello": "world"})", "application/json", "not a JSON Feed"},
      {"json-broken", R"({"version": "https://jsonfeed.org/version/1", )", "", "not a JSON object"},
      {"json-deep", std::string(100, '{'), "", "not a JSON object"},
      {"plain-text", "just some words", "text/plain", "not XML a feed can be read from"},
      {"other-xml", "<?xml version=\"1.0\"?><svg><g/></svg>", "image/svg+xml",
       "the root element is <svg>"},
      {"empty", "", "application/rss+xml", "empty body"},
      {"whitespace", " \n\t ", "", "empty body"},
      {"too-big", std::string(kMaxFeedBytes + 1, ' '), "", "more than the 32 MiB"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    StatusOr<FeedDocument> got = ParseFeed(c.body, c.content_type, "https://x.example/f");
    CHECK_FALSE(got.ok());
    if (got.ok()) continue;
    CHECK(got.status().code() == Status::Code::kInvalidArgument);
    CHECK_MESSAGE(got.status().message().find(c.want) != std::string::npos, got.status().message());
    CHECK(got.status().message().find("https://x.example/f") == 0);
  }
}

TEST_CASE("DetectKind") {
  const struct {
    const char* id;
    const char* content_type;
    const char* body;
    DocumentKind want;
  } cases[] = {
      {"rss", "", "<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">", DocumentKind::kRss},
      {"rss-served-as-html", "text/html", "<rss version=\"2.0\"><channel>", DocumentKind::kRss},
      {"atom", "", "\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">", DocumentKind::kAtom},
      {"rdf", "", "<rdf:RDF xmlns:rdf=\"x\">", DocumentKind::kRdf},
      {"urlset", "", "<?xml version=\"1.0\"?><urlset>", DocumentKind::kSitemap},
      {"index", "", "<sitemapindex xmlns=\"x\">", DocumentKind::kSitemapIndex},
      {"doctype-then-rss", "", "<!DOCTYPE rss [<!ENTITY x \"y\">]><rss>", DocumentKind::kRss},
      {"json-feed", "", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}",
       DocumentKind::kJsonFeed},
      {"json-feed-by-type", "application/feed+json", "{\"items\":[]}", DocumentKind::kJsonFeed},
      {"json-other", "application/json", "{\"a\":1}", DocumentKind::kUnknown},
      {"html-doctype", "", "  <!doctype HTML>\n<html>", DocumentKind::kHtml},
      {"html-root", "", "<html lang=\"en\">", DocumentKind::kHtml},
      {"html-by-type", "text/html; charset=utf-8", "Hello", DocumentKind::kHtml},
      {"type-only", "application/atom+xml", "", DocumentKind::kAtom},
      {"unknown", "", "hello", DocumentKind::kUnknown},
      {"unknown-xml", "application/xml", "<svg/>", DocumentKind::kUnknown},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    CHECK(DocumentKindName(DetectKind(c.content_type, c.body)) == DocumentKindName(c.want));
  }
}

TEST_CASE("ParseFeedDate") {
  const struct {
    const char* text;
    const char* want;  // nullptr: nullopt
  } cases[] = {
      {"Mon, 27 Apr 2026 09:30:00 GMT", "2026-04-27"},
      {"Mon, 27 Apr 2026 23:30:00 -0500", "2026-04-27"},
      {"Tue, 28 Apr 2026 00:15:00 +0200", "2026-04-28"},
      {"Thu, 30 Apr 2026 21:00:00 EST", "2026-04-30"},
      {"Thu, 30 Apr 2026 21:00 EDT", "2026-04-30"},
      {"30 Apr 2026 21:00:00 Z", "2026-04-30"},
      {"Sat, 2 May 2026 8:05:00 UT", "2026-05-02"},
      {"Wednesday, 29 April 2026 10:00:00 +01:00", "2026-04-29"},
      {"27 Apr 26 09:00 GMT", "2026-04-27"},
      {"27 Apr 99 09:00 GMT", "1999-04-27"},
      {"Mon, 27 Apr 2026", "2026-04-27"},
      {"April 27, 2026 09:00 PST", "2026-04-27"},
      {"Tue, 1 Sept 2026 10:00:00 GMT", "2026-09-01"},
      {"  2026-04-27  ", "2026-04-27"},
      {"2026-04-27T23:30:00-05:00", "2026-04-27"},
      {"2026-04-27T09:30:00.123Z", "2026-04-27"},
      {"2026-04-27 09:30:00", "2026-04-27"},
      {"2024-02-29T00:00:00Z", "2024-02-29"},
      {"2026-04", nullptr},
      {"2026", nullptr},
      {"2026-02-30T10:00:00Z", nullptr},
      {"Mon, 31 Apr 2026 09:30:00 GMT", nullptr},
      {"2026-04-27junk", nullptr},
      {"27 Foo 2026", nullptr},
      {"27 Apr 2026 soon", nullptr},
      {"yesterday", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    std::optional<CivilDate> got = ParseFeedDate(c.text);
    CHECK((got ? got->ToIso() : "(nullopt)") == std::string(c.want ? c.want : "(nullopt)"));
  }
}

TEST_CASE("ParseFeed: 100,000 items") {
  constexpr int kItems = 100000;
  std::string body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>\n";
  body.reserve(static_cast<size_t>(kItems) * 160);
  for (int i = 0; i < kItems; ++i) {
    body += "<item><title>Story " + std::to_string(i) + "</title><link>/s/" + std::to_string(i) +
            "?utm_source=rss</link><pubDate>Mon, 27 Apr 2026 09:30:00 GMT</pubDate></item>\n";
  }
  body += "</channel></rss>";
  StatusOr<FeedDocument> got = ParseFeed(body, "application/rss+xml", "https://big.example/feed");
  REQUIRE_MESSAGE(got.ok(), got.status().ToString());
  REQUIRE(got->entries.size() == static_cast<size_t>(kItems));
  CHECK(got->entries[0].url == "https://big.example/s/0");
  CHECK(got->entries[kItems - 1].url == "https://big.example/s/99999");
  CHECK(got->entries[kItems - 1].title == "Story 99999");
  CHECK(got->warnings.empty());
}

TEST_CASE("ParseFeed: warnings are capped") {
  std::string body = "<rss><channel><title>W</title>";
  for (int i = 0; i < 500; ++i)
    body += "<item><title>no link " + std::to_string(i) + "</title></item>";
  body += "</channel></rss>";
  StatusOr<FeedDocument> got = ParseFeed(body, "", "https://w.example/feed");
  REQUIRE(got.ok());
  CHECK(got->entries.empty());
  REQUIRE(got->warnings.size() == kMaxFeedWarnings);
  CHECK(got->warnings.back() == "401 more warnings not listed");
}

}  // namespace
}  // namespace newsrecon
