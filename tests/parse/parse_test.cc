#include "pipeline/parse/parse.h"

#include <doctest/doctest.h>

#include <string>

namespace newsrecon {
namespace {

RawDocument Html(std::string bytes, std::string content_type = "text/html") {
  RawDocument doc;
  doc.bytes = std::move(bytes);
  doc.content_type = std::move(content_type);
  return doc;
}

RawDocument Plain(std::string bytes) { return Html(std::move(bytes), "text/plain"); }

constexpr const char* kNewsPage = R"(<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Deal reshapes AI | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.com/2026/04/27/deal">
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience on this site.</div>
<div class="layout">
 <div id="main-content">
  <h1>Deal   reshapes AI</h1>
  <p>First paragraph of the story, long enough to count as real text.</p>
  <div class="share-tools"><a href="#">Share on X</a> <button>Copy link</button></div>
  <p>Second paragraph: Microsoft&rsquo;s licence runs
     through 2032 &amp; beyond.</p>
  <ul><li>One point</li><li>Another   <em>point</em></li></ul>
  <div class="newsletterSignup"><p>Sign up for our newsletter to get the news daily.</p></div>
  <p>Third paragraph closes the story with <a href="/x">a link</a> in it.</p>
 </div>
 <aside><p>Related: another story that is long enough to be a paragraph.</p></aside>
 <section id="comments"><p>Great article! I really enjoyed reading it a lot, thanks.</p></section>
</div>
<footer><p>Copyright 2026 Example News. All rights reserved by the company.</p></footer>
<script>var x = "<p>not text</p>";</script>
</body></html>)";

TEST_CASE("news page: boilerplate dropped, blocks kept in order, metadata read") {
  auto article = Parse(Html(kNewsPage));
  REQUIRE(article.ok());
  CHECK(article->text ==
        "Deal reshapes AI\n"
        "First paragraph of the story, long enough to count as real text.\n"
        "Second paragraph: Microsoft\xE2\x80\x99s licence runs through 2032 & beyond.\n"
        "One point\n"
        "Another point\n"
        "Third paragraph closes the story with a link in it.");
  CHECK(article->meta.title == "Deal reshapes AI");
  CHECK(article->meta.outlet == "Example News");
  CHECK(article->meta.canonical_url == "https://example.com/2026/04/27/deal");
  CHECK(article->meta.language == "en-GB");
  // No JSON-LD, meta date or <time>: the canonical URL's path is the witness.
  CHECK(article->meta.published == CivilDate{2026, 4, 27});
  CHECK(article->meta.published_method == PublishedMethod::kUrl);
}

TEST_CASE("the source's metadata wins over the page's") {
  RawDocument doc = Html(kNewsPage);
  doc.meta.title = "Given title";
  doc.meta.outlet = "Given outlet";
  doc.meta.language = "fr";
  doc.meta.published = CivilDate{2026, 4, 28};
  doc.meta.published_method = PublishedMethod::kManifest;
  doc.meta.path = "corpus/a.html";
  auto article = Parse(doc);
  REQUIRE(article.ok());
  CHECK(article->meta.title == "Given title");
  CHECK(article->meta.outlet == "Given outlet");
  CHECK(article->meta.language == "fr");
  CHECK(article->meta.published == CivilDate{2026, 4, 28});
  CHECK(article->meta.published_method == PublishedMethod::kManifest);
  CHECK(article->meta.path == "corpus/a.html");
  CHECK(article->meta.canonical_url == "https://example.com/2026/04/27/deal");  // was empty
}

TEST_CASE("title, outlet and canonical URL fall back in order") {
  struct Case {
    const char* id;
    const char* head;
    const char* body;
    const char* url;  // the source's URL
    const char* title;
    const char* outlet;
    const char* canonical;
  };
  const Case cases[] = {
      {"og:title beats <title>",
       R"(<meta property="og:title" content="OG &amp; title"><title>Page | Site</title>)", "", "",
       "OG & title", "", ""},
      {"title suffix after a pipe", R"(<title>OpenAI ends exclusivity | Tech | The Daily</title>)",
       "", "", "OpenAI ends exclusivity", "", ""},
      {"dash suffix kept when the head is short", R"(<title>Microsoft - OpenAI</title>)", "", "",
       "Microsoft - OpenAI", "", ""},
      {"first h1 without a title", "", "<header><h1>The <em>headline</em></h1></header>", "",
       "The headline", "", ""},
      {"application-name", R"(<meta name="application-name" content="Daily Planet">)", "", "", "",
       "Daily Planet", ""},
      {"og:url without a canonical link", R"(<meta property="og:url" content="https://x.org/a">)",
       "", "", "", "", "https://x.org/a"},
      {"root-relative canonical resolved against the URL",
       R"(<link rel="canonical" href="/story/1">)", "", "https://news.example.org/amp/story/1?x",
       "", "", "https://news.example.org/story/1"},
      {"relative canonical without a URL is dropped", R"(<link rel="canonical" href="/story/1">)",
       "", "", "", "", ""},
      {"a placeholder for the site name gives way to the JSON-LD publisher",
       R"(<meta property="og:site_name" content="{$plugin.tx_news.opengraph.site_name}">
          <script type="application/ld+json">{"@type":"NewsArticle",
          "publisher":{"@type":"Organization","name":"Max Planck Institute"}}</script>)",
       "", "", "", "Max Planck Institute", ""},
      {"a site name repeating the headline gives way to the title's part naming the host",
       R"(<title>Wind farm gets citizen shares | EnBW</title>
          <meta property="og:site_name" content="Wind farm gets citizen shares">)",
       "", "https://www.enbw.com/press/wind-farm", "Wind farm gets citizen shares", "EnBW", ""},
      {"a site name repeating the headline is kept when it spells the host",
       R"(<title>Le Devoir</title><meta property="og:site_name" content="Le Devoir">)", "",
       "https://www.ledevoir.com/", "Le Devoir", "Le Devoir", ""},
      {"og:title loses a suffix naming the outlet, never another",
       R"(<meta property="og:title" content="Red wines with finesse | Weinkenner.de">
          <meta property="og:site_name" content="Weinkenner.de">)",
       "", "", "Red wines with finesse", "Weinkenner.de", ""},
      {"og:title keeps a suffix that names nothing",
       R"(<meta property="og:title" content="Election night - live">)", "", "",
       "Election night - live", "", ""},
      {"without a site name, the title's part naming the host is the outlet, and leaves the title",
       R"(<title>Weinkenner.de | Rotweine mit Eleganz</title>)", "",
       "https://www.weinkenner.de/rotweine", "Rotweine mit Eleganz", "Weinkenner.de", ""},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    RawDocument doc = Html(std::string("<html><head>") + c.head + "</head><body>" + c.body +
                           "<p>Body text that is long enough to be a paragraph.</p></body></html>");
    doc.meta.url = c.url;
    auto article = Parse(doc);
    CHECK(article.ok());
    if (!article.ok()) continue;
    CHECK(article->meta.title == c.title);
    CHECK(article->meta.outlet == c.outlet);
    CHECK(article->meta.canonical_url == c.canonical);
  }
}

TEST_CASE("each publication-date witness, and their order") {
  const std::string para = "<p>The story itself, long enough to be counted as a paragraph.</p>";
  struct Case {
    const char* id;
    std::string html;
    const char* url;
    std::optional<CivilDate> date;
    PublishedMethod method;
  };
  const Case cases[] = {
      {"JSON-LD in a @graph, the Article's date over the WebPage's",
       R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","datePublished":"2026-01-01"},
          {"@type":"NewsArticle","datePublished":"2026-04-27T22:15:00-04:00"}]}</script>)" +
           para,
       "", CivilDate{2026, 4, 27}, PublishedMethod::kJsonLd},
      {"JSON-LD as an array with a type list",
       R"(<script type="application/ld+json">[{"@type":["ReportageNewsArticle"],
          "datePublished":"2026-04-26"}]</script>)" +
           para,
       "", CivilDate{2026, 4, 26}, PublishedMethod::kJsonLd},
      {"broken JSON-LD is skipped",
       R"(<script type="application/ld+json">{"datePublished": "2026-04-26",</script>)" + para, "",
       std::nullopt, PublishedMethod::kUnknown},
      {"article:published_time over a plain date meta",
       R"(<meta name="date" content="2020-01-01">
          <meta property="article:published_time" content="2026-04-25T08:00:00Z">)" +
           para,
       "", CivilDate{2026, 4, 25}, PublishedMethod::kMetaTag},
      {"DC.date.issued", R"(<meta name="DC.date.issued" content="2026-04-24">)" + para, "",
       CivilDate{2026, 4, 24}, PublishedMethod::kMetaTag},
      {"microdata meta in the body",
       R"(<div><meta itemprop="datePublished" content="2026/04/20"></div>)" + para, "",
       CivilDate{2026, 4, 20}, PublishedMethod::kMetaTag},
      {"time inside the article, not the one in the nav",
       R"(<nav><time datetime="2026-05-01">Today</time></nav><article>)" + para +
           R"(<time datetime="2026-04-23T10:00">April 23</time></article>)",
       "", CivilDate{2026, 4, 23}, PublishedMethod::kTimeElement},
      {"time marked pubdate first",
       R"(<article>)" + para +
           R"(<time datetime="2026-04-29">x</time><time pubdate datetime="2026-04-22">y</time>
           </article>)",
       "", CivilDate{2026, 4, 22}, PublishedMethod::kTimeElement},
      {"hAtom abbr",
       R"(<abbr class="published" title="2026-04-19T05:11:00-05:00">5:11</abbr>)" + para, "",
       CivilDate{2026, 4, 19}, PublishedMethod::kTimeElement},
      {"microdata on a span",
       R"(<span itemprop="datePublished" content="2026-04-18 10:31:00">April</span>)" + para, "",
       CivilDate{2026, 4, 18}, PublishedMethod::kMetaTag},
      {"JSON-LD nested under another key",
       R"(<script type="application/ld+json">{"@type":"WebPage","about":{"@type":"NewsArticle",
          "datePublished":"2026-04-17"}}</script>)" +
           para,
       "", CivilDate{2026, 4, 17}, PublishedMethod::kJsonLd},
      {"URL path", para, "https://ex.com/news/2026/04/21/slug", CivilDate{2026, 4, 21},
       PublishedMethod::kUrl},
      {"JSON-LD beats meta beats time beats URL",
       R"(<meta property="article:published_time" content="2026-04-02">
          <script type="application/ld+json">{"@type":"Article","datePublished":"2026-04-01"}
          </script><article>)" +
           para + R"(<time datetime="2026-04-03">x</time></article>)",
       "https://ex.com/2026/04/04/a", CivilDate{2026, 4, 1}, PublishedMethod::kJsonLd},
      {"meta beats time and URL",
       R"(<meta property="article:published_time" content="2026-04-02"><article>)" + para +
           R"(<time datetime="2026-04-03">x</time></article>)",
       "https://ex.com/2026/04/04/a", CivilDate{2026, 4, 2}, PublishedMethod::kMetaTag},
      {"unparseable witnesses are passed over",
       R"(<meta property="article:published_time" content="yesterday"><article>)" + para +
           R"(<time datetime="2026-02-30">x</time></article>)",
       "https://ex.com/2026/04/04/a", CivilDate{2026, 4, 4}, PublishedMethod::kUrl},
      {"no witness", para, "https://ex.com/news/story", std::nullopt, PublishedMethod::kUnknown},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    RawDocument doc = Html("<!doctype html><html><head></head><body>" + c.html + "</body></html>");
    doc.meta.url = c.url;
    auto article = Parse(doc);
    CHECK(article.ok());
    if (!article.ok()) continue;
    CHECK(article->meta.published == c.date);
    CHECK(article->meta.published_method == c.method);
  }
}

TEST_CASE("charsets: windows-1252 fallback, declared ISO-8859-1, BOMs") {
  struct Case {
    const char* id;
    std::string bytes;
    std::string content_type;
    std::string text;
  };
  const Case cases[] = {
      {"undeclared, not UTF-8: windows-1252",
       "<html><body><p>It cost \x80"
       "5bn, \x93quoted\x94 here.</p></body></html>",
       "text/html",
       "It cost \xE2\x82\xAC"
       "5bn, \xE2\x80\x9Cquoted\xE2\x80\x9D here."},
      {"meta charset ISO-8859-1",
       "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>Un caf\xE9 cr\xE8me</p>",
       "text/html", "Un caf\xC3\xA9 cr\xC3\xA8me"},
      {"meta http-equiv",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
       "</head><body><p>caf\xE9</p>",
       "text/html", "caf\xC3\xA9"},
      {"charset in the content type", "<html><body><p>caf\xE9</p>",
       "text/html; charset=\"ISO-8859-1\"", "caf\xC3\xA9"},
      {"valid UTF-8 without any declaration", "<p>caf\xC3\xA9 \xE2\x82\xAC</p>", "text/html",
       "caf\xC3\xA9 \xE2\x82\xAC"},
      {"UTF-8 BOM beats a wrong meta",
       "\xEF\xBB\xBF<html><head><meta charset=\"windows-1252\"></head><p>caf\xC3\xA9</p>",
       "text/html", "caf\xC3\xA9"},
      {"UTF-16LE with BOM", std::string("\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0", 18), "text/html",
       "\xC3\xA9"},
      {"no content type, sniffed as HTML", "  <!DOCTYPE html><p>Hello</p>", "", "Hello"},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    auto article = Parse(Html(c.bytes, c.content_type));
    CHECK(article.ok());
    if (!article.ok()) continue;
    CHECK(article->text == c.text);
  }
}

TEST_CASE("plain text: kept as is, BOM dropped, CRLF folded, invalid UTF-8 named") {
  struct Good {
    const char* id;
    std::string bytes;
    std::string text;
  };
  const Good good[] = {
      {"as is", "  Line one.\n\nLine  two.\n", "  Line one.\n\nLine  two.\n"},
      {"UTF-8 BOM dropped", "\xEF\xBB\xBFLine one\r\nLine two", "Line one\nLine two"},
      {"lone CR kept", "a\rb", "a\rb"},
      {"UTF-16LE with BOM", std::string("\xFF\xFEH\0i\0", 6), "Hi"},
      {"UTF-16BE with BOM", std::string("\xFE\xFF\0H\0i", 6), "Hi"},
  };
  for (const Good& c : good) {
    INFO("case: " << c.id);
    auto article = Parse(Plain(c.bytes));
    CHECK(article.ok());
    if (article.ok()) CHECK(article->text == c.text);
  }

  struct Bad {
    const char* id;
    std::string bytes;
    const char* message;
  };
  const Bad bad[] = {
      {"stray byte", "Hello \xFF world", "invalid UTF-8 at byte 6"},
      {"byte counted with the BOM",
       "\xEF\xBB\xBF"
       "ab\xC3",
       "invalid UTF-8 at byte 5"},
      {"overlong slash", "\xC0\xAF", "invalid UTF-8 at byte 0"},
      {"surrogate", "ok \xED\xA0\x80", "invalid UTF-8 at byte 3"},
      {"past U+10FFFF", "x\xF4\x90\x80\x80", "invalid UTF-8 at byte 1"},
      {"windows-1252 quote", "\x93quoted\x94", "invalid UTF-8 at byte 0"},
      {"empty", "", "empty document"},
      {"only a BOM and blanks", "\xEF\xBB\xBF \n\t", "empty document"},
  };
  for (const Bad& c : bad) {
    INFO("case: " << c.id);
    auto article = Parse(Plain(c.bytes));
    CHECK_FALSE(article.ok());
    if (article.ok()) continue;
    CHECK(article.status().code() == Status::Code::kInvalidArgument);
    CHECK(article.status().message() == c.message);
  }
}

TEST_CASE("plain text takes a URL date only when the source gave none") {
  RawDocument doc = Plain("Text.");
  doc.meta.url = "https://ex.com/2026/04/27/story";
  auto article = Parse(doc);
  REQUIRE(article.ok());
  CHECK(article->meta.published == CivilDate{2026, 4, 27});
  CHECK(article->meta.published_method == PublishedMethod::kUrl);
}

TEST_CASE("HTML that fails") {
  struct Case {
    const char* id;
    std::string bytes;
    std::string content_type;
    Status::Code code;
    const char* message;
  };
  const Case cases[] = {
      {"empty", "", "text/html", Status::Code::kInvalidArgument, "empty document"},
      {"blank", " \n ", "text/html", Status::Code::kInvalidArgument, "empty document"},
      {"scripts and a title only",
       "<html><head><title>T</title></head><body><script>var a = 1;</script>"
       "<img alt=\"x\"></body></html>",
       "text/html", Status::Code::kInvalidArgument, "no main text found"},
      {"another media type", "%PDF-1.7", "application/pdf", Status::Code::kUnsupported, nullptr},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    auto article = Parse(Html(c.bytes, c.content_type));
    CHECK_FALSE(article.ok());
    if (article.ok()) continue;
    CHECK(article.status().code() == c.code);
    if (c.message) CHECK(article.status().message() == c.message);
  }
}

TEST_CASE("main text choice") {
  struct Case {
    const char* id;
    std::string body;
    std::string text;
  };
  const std::string p1 = "<p>The first paragraph of the real story is right here.</p>";
  const std::string p2 = "<p>The second paragraph of the real story follows it.</p>";
  const Case cases[] = {
      {"<article> over a div of link teasers",
       "<div class=\"teasers\"><p><a href=\"/1\">A teaser that is only a link to elsewhere</a></p>"
       "<p><a href=\"/2\">Another teaser that is only a link to elsewhere</a></p></div>"
       "<article>" +
           p1 + p2 + "</article>",
       "The first paragraph of the real story is right here.\n"
       "The second paragraph of the real story follows it."},
      {"itemprop=articleBody, split around an ad",
       "<div class=\"page\"><h2>Most read</h2><p>An unrelated paragraph that is long enough to "
       "score some points.</p><div itemprop=\"articleBody\">" +
           p1 +
           "</div><div class=\"ad-slot\"><p>Buy our product today and save money now!</p></div>"
           "<div itemprop=\"articleBody\">" +
           p2 + "</div></div>",
       "The first paragraph of the real story is right here.\n"
       "The second paragraph of the real story follows it."},
      {"densest container wins over a link list",
       "<div class=\"links\"><p><a href=\"/a\">Link text that is long enough to be a paragraph"
       "</a></p></div><div class=\"story\">" +
           p1 + p2 + "</div>",
       "The first paragraph of the real story is right here.\n"
       "The second paragraph of the real story follows it."},
      {"a modifier class does not drop the story",
       "<div class=\"has-comments is-sticky-nav\">" + p1 + "</div>",
       "The first paragraph of the real story is right here."},
      {"hidden text dropped",
       "<div>" + p1 +
           "<p hidden>Hidden paragraph that should never be shown.</p>"
           "<p style=\"display: none\">Another hidden one, also not to be shown.</p>" +
           p2 + "</div>",
       "The first paragraph of the real story is right here.\n"
       "The second paragraph of the real story follows it."},
      {"a class naming the story too is kept",
       "<div class=\"content-sidebar-wrap\">" + p1 + "</div>",
       "The first paragraph of the real story is right here."},
      {"a noscript that swallowed the page is read",
       "<noscript><div id=\"nojs\"></noscript><div>" + p1 + std::string(4100, ' ') + "</div>",
       "The first paragraph of the real story is right here."},
      {"a small noscript is dropped",
       "<noscript><p>Please enable JavaScript to read the comments.</p></noscript>" + p1,
       "The first paragraph of the real story is right here."},
      {"text in a page-wide form comes back in the lenient pass",
       "<form id=\"aspnetForm\"><div>Only text on the page.</div></form>",
       "Only text on the page."},
      {"br breaks lines, pre keeps them, nbsp-only blocks dropped",
       "<div><p>Line one<br>Line  two</p><p>&nbsp;</p><pre>  a  b\n\nc  </pre>"
       "<blockquote>Quoted words</blockquote><table><tr><td>Cell 1</td><td>Cell 2</td></tr>"
       "</table></div>",
       "Line one\nLine two\n  a  b\nc\nQuoted words\nCell 1\nCell 2"},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    auto article = Parse(Html("<!doctype html><html><body>" + c.body + "</body></html>"));
    CHECK(article.ok());
    if (!article.ok()) continue;
    CHECK(article->text == c.text);
  }
}

TEST_CASE("dates as witnesses give them") {
  struct Case {
    const char* text;
    std::optional<CivilDate> date;
  };
  const Case cases[] = {
      {"2026-04-27", CivilDate{2026, 4, 27}},
      {" 2026-04-27T23:30:00-05:00", CivilDate{2026, 4, 27}},  // as written, no shift
      {"2026-04-27 10:00:00", CivilDate{2026, 4, 27}},
      {"2026/04/27", CivilDate{2026, 4, 27}},
      {"20260427", CivilDate{2026, 4, 27}},
      {"20260427T101500Z", CivilDate{2026, 4, 27}},
      {"2026-13-45", std::nullopt},
      {"2026-02-30", std::nullopt},
      {"2026-04-271", std::nullopt},
      {"2026-04", std::nullopt},
      {"2026/04-27", std::nullopt},
      {"April 27, 2026", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    CHECK(ParseDateWitness(c.text) == c.date);
  }

  const Case urls[] = {
      {"https://example.com/2026/04/27/deal", CivilDate{2026, 4, 27}},
      {"https://example.com/tech/2026/04/27", CivilDate{2026, 4, 27}},
      {"https://www.theguardian.com/technology/2026/apr/27/openai", CivilDate{2026, 4, 27}},
      {"https://example.com/2026/04/27-slug", CivilDate{2026, 4, 27}},
      {"https://example.com/2026/04/story", std::nullopt},
      {"https://example.com/1234/05/06/", std::nullopt},       // not a news year
      {"https://example.com/2026/02/30/x", std::nullopt},      // no such day
      {"https://example.com/x?d=/2026/04/27/", std::nullopt},  // query, not path
      {"https://2026.example.com/", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : urls) {
    INFO("url: " << c.text);
    CHECK(DateFromUrlPath(c.text) == c.date);
  }
}

}  // namespace
}  // namespace newsrecon
