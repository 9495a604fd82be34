// Publication dates: the text forms read, the witnesses kept, the precedence
// among them, disagreement, bylines; and hostile nesting.
#include "pipeline/parse/dates.h"

#include <doctest/doctest.h>

#include <string>

#include "pipeline/parse/parse.h"

namespace newsrecon {
namespace {

const std::string kPara =
    "<p>The council voted on Tuesday to close the old bridge for repairs, which will take "
    "at least eight months and cost more than the city had planned.</p>";

StatusOr<Article> ParsePage(const std::string& head, const std::string& body,
                            const std::string& url = "", const std::string& lang = "en") {
  RawDocument doc;
  doc.bytes = "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=utf-8>" + head +
              "</head><body>" + body + "</body></html>";
  doc.content_type = "text/html";
  doc.meta.url = url;
  return Parse(doc);
}

// A page and the date (and witness) that must be chosen for it.
struct PrecedenceCase {
  const char* id;
  std::string head, body, url;
  std::optional<CivilDate> date;
  PublishedMethod method;
};

template <size_t N>
void CheckPrecedence(const PrecedenceCase (&cases)[N], const std::string& lang) {
  for (const PrecedenceCase& c : cases) {
    INFO("case: " << std::string(c.id));
    StatusOr<Article> a = ParsePage(c.head, c.body, c.url, lang);
    CHECK(a.ok());
    if (!a.ok()) continue;
    CHECK(a->meta.published == c.date);
    CHECK(a->meta.published_method == c.method);
  }
}

TEST_CASE("dates in running text, in several languages") {
  struct Case {
    const char* text;
    bool month_first;
    std::optional<CivilDate> date;
  };
  const Case cases[] = {
      {"Published 27 April 2026 at 10:00", false, CivilDate{2026, 4, 27}},
      {"April 27, 2026", true, CivilDate{2026, 4, 27}},
      {"Apr. 27th 2026", true, CivilDate{2026, 4, 27}},
      {"Samstag, 19. Juli 2014", false, CivilDate{2014, 7, 19}},
      {"27. April 2026", false, CivilDate{2026, 4, 27}},
      {"am 3. M\xC3\xA4rz 2025 ver\xC3\xB6"
       "ffentlicht",
       false, CivilDate{2025, 3, 3}},
      {"Publi\xC3\xA9 le 27 avril 2026", false, CivilDate{2026, 4, 27}},
      {"1er ao\xC3\xBBt 2025", false, CivilDate{2025, 8, 1}},
      {"27 de abril de 2026", false, CivilDate{2026, 4, 27}},
      {"12 dicembre 2019", false, CivilDate{2019, 12, 12}},
      {"Dezember 16th, 2012", false, CivilDate{2012, 12, 16}},
      {"27.04.2026, 12:01 Uhr", false, CivilDate{2026, 4, 27}},
      {"16.12.12", false, CivilDate{2012, 12, 16}},
      {"04/05/2026", true, CivilDate{2026, 4, 5}},  // US order for en
      {"04/05/2026", false, CivilDate{2026, 5, 4}},
      {"13/05/2026", true, CivilDate{2026, 5, 13}},  // the numbers decide
      {"2026-04-27T10:00:00Z", false, CivilDate{2026, 4, 27}},
      {"2020\xE5\xB9\xB4"
       "2\xE6\x9C\x88"
       "19\xE6\x97\xA5",
       false, CivilDate{2020, 2, 19}},
      {"19 \xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F 2020", false,
       CivilDate{2020, 2, 19}},
      // Not dates.
      {"version 1.2.2012.5", false, std::nullopt},
      {"192.168.10.12", false, std::nullopt},
      {"31 February 2026", false, std::nullopt},
      {"April 2026", false, std::nullopt},
      {"call 555-12-2026", false, std::nullopt},
      {"", false, std::nullopt},
  };
  for (const Case& c : cases) {
    INFO("case: " << std::string(c.text));
    std::vector<TextDate> found = FindTextDates(c.text, c.month_first, 1);
    std::optional<CivilDate> got;
    if (!found.empty()) got = found.front().date;
    CHECK(got == c.date);
  }
}

TEST_CASE("URL dates: path forms and query") {
  struct Case {
    const char* url;
    std::optional<CivilDate> date;
  };
  const Case paths[] = {
      {"https://ex.com/news/20260427/slug", CivilDate{2026, 4, 27}},
      {"https://ex.com/20260427-slug.html", CivilDate{2026, 4, 27}},
      {"https://ex.com/2026-04-27/slug", CivilDate{2026, 4, 27}},
      {"https://ex.com/2026/04/27/slug", CivilDate{2026, 4, 27}},
      {"https://ex.com/202604271/slug", std::nullopt},
      {"https://ex.com/id/12345678/", std::nullopt},
      // One-digit month and day, when each fills its path segment.
      {"https://blog.ex.org/home/2019/3/8/spring-fair", CivilDate{2019, 3, 8}},
      {"https://ex.net/2021/11/4/", CivilDate{2021, 11, 4}},
      {"https://ex.net/2021/6/30", CivilDate{2021, 6, 30}},
      {"https://ex.com/archive/2024/dec/9/", CivilDate{2024, 12, 9}},
      {"https://ex.com/archive/2024/dec/9-slug", std::nullopt},
      {"https://ex.com/2020/4/3-slug", std::nullopt},
      {"https://ex.com/2020/4/", std::nullopt},
      {"https://ex.com/2020/13/2/x", std::nullopt},
      {"https://ex.com/2020/2/30/x", std::nullopt},
      // Day and month with dashes, when one number can only be the day.
      {"https://ex.org/press/releases/29-10-2021", CivilDate{2021, 10, 29}},
      {"https://ex.org/press/10-29-2021/slug", CivilDate{2021, 10, 29}},
      {"https://ex.org/press/05-06-2021", std::nullopt},
      {"https://ex.org/press/29-10-20215", std::nullopt},
      {"https://ex.org/press/31-02-2021", std::nullopt},
  };
  for (const Case& c : paths) {
    INFO("case: " << std::string(c.url));
    CHECK(DateFromUrlPath(c.url) == c.date);
  }
  const Case queries[] = {
      {"https://ex.com/story?id=5&date=2026-04-27", CivilDate{2026, 4, 27}},
      {"https://ex.com/story?d=20260427#top", CivilDate{2026, 4, 27}},
      {"https://ex.com/story?update=2026-04-27", std::nullopt},
      {"https://ex.com/2026/04/27/", std::nullopt},
  };
  for (const Case& c : queries) {
    INFO("case: " << std::string(c.url));
    CHECK(DateFromUrlQuery(c.url) == c.date);
  }
}

TEST_CASE("the precedence among witnesses") {
  const PrecedenceCase cases[] = {
      {"URL day beats a time element", "",
       "<article>" + kPara + "<time datetime=\"2026-04-03\">x</time></article>",
       "https://ex.com/2026/04/04/a", CivilDate{2026, 4, 4}, PublishedMethod::kUrl},
      {"time element beats a text dateline", "",
       "<article><div class=\"post-date\">1 April 2026</div>" + kPara +
           "<time datetime=\"2026-04-03\">x</time></article>",
       "", CivilDate{2026, 4, 3}, PublishedMethod::kTimeElement},
      {"text dateline near the title", "",
       "<article><h1>Bridge closes</h1><p class=\"byline\">By Ann Lee</p>"
       "<span class=\"entry-date\">Posted on April 2, 2026</span>" +
           kPara + "</article>",
       "", CivilDate{2026, 4, 2}, PublishedMethod::kText},
      {"a German dateline phrase", "",
       "<article><h1>Br\xC3\xBC"
       "cke</h1><p>Ver\xC3\xB6"
       "ffentlicht am 5. Februar 2026</p>" +
           kPara + "</article>",
       "", CivilDate{2026, 2, 5}, PublishedMethod::kText},
      {"a modification date only when nothing else",
       R"(<meta property="article:modified_time" content="2026-03-09T10:00:00+01:00">)",
       "<article>" + kPara + "</article>", "", CivilDate{2026, 3, 9}, PublishedMethod::kMetaTag},
      {"published over modified, whatever the order",
       R"(<meta property="article:modified_time" content="2026-03-09">
          <meta name="pubdate" content="2026-03-01">)",
       "<article>" + kPara + "</article>", "", CivilDate{2026, 3, 1}, PublishedMethod::kMetaTag},
      {"JSON-LD dateModified is not a publication date",
       R"(<script type="application/ld+json">{"@type":"NewsArticle",
          "dateModified":"2026-03-20","dateCreated":"2026-03-18"}</script>)",
       "<article>" + kPara + "</article>", "", CivilDate{2026, 3, 18}, PublishedMethod::kJsonLd},
      {"a future date is rejected",
       R"(<meta property="article:published_time" content="2999-01-01">)",
       "<article>" + kPara + "</article>", "https://ex.com/2026/01/02/x", CivilDate{2026, 1, 2},
       PublishedMethod::kUrl},
      {"a date before 1995 is rejected", R"(<meta name="date" content="1970-01-01">)",
       "<article>" + kPara + "</article>", "", std::nullopt, PublishedMethod::kUnknown},
      {"the calendar day in the stated zone",
       R"(<meta property="article:published_time" content="2026-04-27T23:30:00-05:00">)",
       "<article>" + kPara + "</article>", "", CivilDate{2026, 4, 27}, PublishedMethod::kMetaTag},
      {"RFC 822 in a meta tag", R"(<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">)",
       "<article>" + kPara + "</article>", "", CivilDate{2019, 10, 19}, PublishedMethod::kMetaTag},
      {"itemprop datePublished as text", "",
       "<article><span itemprop=\"datePublished\">27 April 2026</span>" + kPara + "</article>", "",
       CivilDate{2026, 4, 27}, PublishedMethod::kText},
      {"a comment's date does not beat the story's", "",
       "<article>" + kPara +
           "<p class=\"meta\">8 May 2026</p></article><ol class=\"commentlist\"><li><span "
           "class=\"date\">9 May 2026</span> Nice.</li></ol>",
       "", CivilDate{2026, 5, 8}, PublishedMethod::kText},
  };
  CheckPrecedence(cases, "en");
}

TEST_CASE("precedence: URL path, weak meta names, time outside the text, furniture") {
  const PrecedenceCase cases[] = {
      {"a UTC timestamp takes the URL's day when the hour allows",
       R"(<script type="application/ld+json">{"@type":"NewsArticle",
          "datePublished":"2025-09-13T01:30:00Z"}</script>)",
       "<article>" + kPara + "</article>", "https://ex.com/politics/2025/09/12/vote",
       CivilDate{2025, 9, 12}, PublishedMethod::kJsonLd},
      {"a URL two days later does not move JSON-LD",
       R"(<script type="application/ld+json">{"@type":"NewsArticle",
          "datePublished":"2025-09-13T01:30:00Z"}</script>)",
       "<article>" + kPara + "</article>", "https://ex.com/politics/2025/09/15/vote",
       CivilDate{2025, 9, 13}, PublishedMethod::kJsonLd},
      {"a printed dateline beats meta name=date", R"(<meta name="date" content="2024-06-30">)",
       "<article><p class=\"dateline\">Posted 21.06.2024</p>" + kPara + "</article>", "",
       CivilDate{2024, 6, 21}, PublishedMethod::kText},
      {"a <time> in the text beats meta dcterms.date",
       R"(<meta name="dcterms.date" content="2024-06-30T10:00:00+02:00">)",
       "<article>" + kPara + "<time datetime=\"2024-06-18\">18 June</time></article>", "",
       CivilDate{2024, 6, 18}, PublishedMethod::kTimeElement},
      {"meta name=date still serves when the page prints nothing",
       R"(<meta name="dc.date" content="2024-06-30">)", "<article>" + kPara + "</article>", "",
       CivilDate{2024, 6, 30}, PublishedMethod::kMetaTag},
      {"meta name=date beats an unmarked date outside the text",
       R"(<meta name="date" content="2024-06-30">)",
       "<div class=\"date\">1 July 2024</div><article>" + kPara + "</article>", "",
       CivilDate{2024, 6, 30}, PublishedMethod::kMetaTag},
      {"article:published_time is not weak",
       R"(<meta property="article:published_time" content="2024-06-30">)",
       "<article><p class=\"dateline\">Posted 21.06.2024</p>" + kPara + "</article>", "",
       CivilDate{2024, 6, 30}, PublishedMethod::kMetaTag},
      {"a 'published' dateline beats an unmarked <time> outside the text", "",
       "<header><time datetime=\"2024-03-09\">Sat 9 March</time></header><article>"
       "<p>Publi\xC3\xA9 le 2 mars 2024</p>" +
           kPara + "</article>",
       "", CivilDate{2024, 3, 2}, PublishedMethod::kText},
      {"a marked <time> outside the text still beats a dateline", "",
       "<header><time pubdate datetime=\"2024-03-01\">1 March</time></header><article>"
       "<p>Publi\xC3\xA9 le 2 mars 2024</p>" +
           kPara + "</article>",
       "", CivilDate{2024, 3, 1}, PublishedMethod::kTimeElement},
      {"only comments carry dates: the first, not the latest", "",
       "<article>" + kPara +
           "</article><ol class=\"commentlist\"><li><span class=\"date\">3 May 2023</span> "
           "First!</li><li><span class=\"date\">17 August 2023</span> Late.</li></ol>",
       "", CivilDate{2023, 5, 3}, PublishedMethod::kText},
      {"a front page with only links: the most recent link", "",
       "<article>" + kPara +
           "<a href=\"/2023/01/05/a\">a</a> <a href=\"/2023/02/11/b\">b</a> "
           "<a href=\"/2022/12/30/c\">c</a></article>",
       "https://ex.com/", CivilDate{2023, 2, 11}, PublishedMethod::kUrl},
  };
  CheckPrecedence(cases, "fr");
}

TEST_CASE("a UTC timestamp is read as the day where the page is written") {
  struct Case {
    const char* id;
    std::string head, body, url;
    CivilDate date;
  };
  const std::string kLd = R"(<script type="application/ld+json">{"@type":"NewsArticle",
      "datePublished":")";
  const std::string kLdEnd = R"("}</script>)";
  const Case cases[] = {
      {"another witness states the zone (-05:00): evening of the day before",
       kLd + "2025-02-11T02:40:00Z" + kLdEnd,
       "<article>" + kPara + "<time datetime=\"2025-02-10T21:40:00-05:00\">x</time></article>", "",
       CivilDate{2025, 2, 10}},
      {"another witness states the zone (+0200): just after midnight",
       kLd + "2025-07-03T22:30:00.000Z" + kLdEnd +
           R"(<meta name="date" content="Fri, 04 Jul 2025 00:30:00 +0200">)",
       "<article>" + kPara + "</article>", "", CivilDate{2025, 7, 4}},
      {"the zone known, the day unchanged", kLd + "2025-07-03T12:00:00+00:00" + kLdEnd,
       "<article>" + kPara + "<time datetime=\"2025-07-03T08:00:00-04:00\">x</time></article>", "",
       CivilDate{2025, 7, 3}},
      {"no zone known: a printed dateline of the day before, UTC hour 03",
       kLd + "2025-02-11T03:05:00Z" + kLdEnd,
       "<article><p>Published February 10, 2025</p>" + kPara + "</article>", "",
       CivilDate{2025, 2, 10}},
      {"no zone known: UTC noon is too late for the day before",
       kLd + "2025-02-11T12:05:00Z" + kLdEnd,
       "<article><p>Published February 10, 2025</p>" + kPara + "</article>", "",
       CivilDate{2025, 2, 11}},
      {"no zone known: a printed dateline of the day after, UTC hour 23",
       kLd + "2025-02-10T23:15:00Z" + kLdEnd,
       "<article><p>Posted 11 February 2025</p>" + kPara + "</article>", "",
       CivilDate{2025, 2, 11}},
      {"the local witness is two days off: no shift", kLd + "2025-02-11T01:00:00Z" + kLdEnd,
       "<article><p>Published February 9, 2025</p>" + kPara + "</article>", "",
       CivilDate{2025, 2, 11}},
      {"a timestamp with its own zone is kept", kLd + "2025-02-11T01:00:00+01:00" + kLdEnd,
       "<article><p>Published February 10, 2025</p>" + kPara + "</article>", "",
       CivilDate{2025, 2, 11}},
      {"a date without time is kept", kLd + "2025-02-11" + kLdEnd,
       "<article><p>Published February 10, 2025</p>" + kPara + "</article>", "",
       CivilDate{2025, 2, 11}},
  };
  for (const Case& c : cases) {
    INFO("case: " << std::string(c.id));
    StatusOr<Article> a = ParsePage(c.head, c.body, c.url);
    CHECK(a.ok());
    if (!a.ok()) continue;
    CHECK(a->meta.published == c.date);
  }
  // The witnesses keep the day their zone states.
  StatusOr<Article> a = ParsePage(
      kLd + "2025-02-11T02:40:00Z" + kLdEnd,
      "<article>" + kPara + "<time datetime=\"2025-02-10T21:40:00-05:00\">x</time></article>");
  REQUIRE(a.ok());
  bool utc_day_kept = false;
  for (const DateWitness& w : a->meta.date_witnesses) {
    if (w.method == PublishedMethod::kJsonLd) utc_day_kept = w.date == CivilDate{2025, 2, 11};
  }
  CHECK(utc_day_kept);
}

TEST_CASE("every witness is kept, disagreement is flagged") {
  StatusOr<Article> a = ParsePage(
      R"(<meta property="article:published_time" content="2026-04-20T08:00:00Z">
         <meta property="article:modified_time" content="2026-04-25T08:00:00Z">
         <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
           {"@type":"NewsArticle","datePublished":"2026-04-20","dateModified":"2026-04-25",
            "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Ek"}]}]}
         </script>)",
      "<article>" + kPara + "<time datetime=\"2026-04-24\">24 April</time></article>",
      "https://ex.com/2026/04/20/bridge");
  REQUIRE(a.ok());
  CHECK(a->meta.published == CivilDate{2026, 4, 20});
  CHECK(a->meta.published_method == PublishedMethod::kJsonLd);
  CHECK(a->meta.byline == "Ann Lee, Bo Ek");
  // json-ld published + modified, two metas, the time element, the URL.
  CHECK(a->meta.date_witnesses.size() == 6);
  int modified = 0;
  for (const DateWitness& w : a->meta.date_witnesses) {
    CAPTURE(w.where);
    CHECK(w.date.has_value());
    CHECK_FALSE(w.raw.empty());
    modified += w.modified;
  }
  CHECK(modified == 2);
  // The <time> says 24 April, four days after the others.
  CHECK(a->meta.dates_disagree);

  StatusOr<Article> agree =
      ParsePage(R"(<meta property="article:published_time" content="2026-04-20T23:00:00-04:00">)",
                "<article>" + kPara + "<time datetime=\"2026-04-21T03:00:00Z\">x</time></article>",
                "https://ex.com/2026/04/20/bridge");
  REQUIRE(agree.ok());
  CHECK_FALSE(agree->meta.dates_disagree);  // a day apart is a time zone, not a dispute
}

TEST_CASE("what the source said: a feed's date counts, HTTP Last-Modified is only kept") {
  auto parse = [](const std::vector<DateWitness>& given, const std::string& head) {
    RawDocument doc;
    doc.bytes = "<!doctype html><html lang=en><head><meta charset=utf-8>" + head +
                "</head><body><article>" + kPara + "</article></body></html>";
    doc.content_type = "text/html";
    doc.meta.url = "https://ex.com/news/bridge";
    doc.meta.date_witnesses = given;
    return Parse(doc);
  };
  const DateWitness feed{PublishedMethod::kFeed, "rss pubDate", "Mon, 20 Apr 2026 09:00:00 GMT",
                         CivilDate{2026, 4, 20}, false};
  const DateWitness header{PublishedMethod::kHttpHeader, "Last-Modified",
                           "Sun, 22 Nov 2026 23:00:00 GMT", CivilDate{2026, 11, 22}, true};
  // Nothing on the page: the feed decides; the header is kept, not chosen.
  StatusOr<Article> a = parse({feed, header}, "");
  REQUIRE(a.ok());
  CHECK(a->meta.published == CivilDate{2026, 4, 20});
  CHECK(a->meta.published_method == PublishedMethod::kFeed);
  CHECK(a->meta.date_witnesses.size() == 2);
  // Only the header: no publication date at all (relative dates stay unresolved).
  StatusOr<Article> b = parse({header}, "");
  REQUIRE(b.ok());
  CHECK_FALSE(b->meta.published.has_value());
  REQUIRE(b->meta.date_witnesses.size() == 1);
  CHECK(b->meta.date_witnesses[0].method == PublishedMethod::kHttpHeader);
  // The page's own metadata beats the feed's date.
  StatusOr<Article> c =
      parse({feed}, R"(<meta property="article:published_time" content="2026-04-19T10:00:00Z">)");
  REQUIRE(c.ok());
  CHECK(c->meta.published == CivilDate{2026, 4, 19});
  CHECK(c->meta.published_method == PublishedMethod::kMetaTag);
}

TEST_CASE("consistency between witnesses: corroboration and the URL's day") {
  const std::string kLd = R"(<script type="application/ld+json">{"@type":"NewsArticle",
      "datePublished":")";
  const std::string kLdEnd = R"("}</script>)";
  const PrecedenceCase cases[] = {
      // A lone JSON-LD day against meta and print that agree on another.
      {"two kinds outvote a lone JSON-LD date",
       kLd + "2024-05-02T08:00:00+02:00" + kLdEnd +
           R"(<meta property="article:published_time" content="2024-05-19T11:00:00+02:00">)",
       "<article><p class=\"entry-date\">19 May 2024</p>" + kPara + "</article>", "",
       CivilDate{2024, 5, 19}, PublishedMethod::kMetaTag},
      {"one kind against JSON-LD does not outvote it",
       kLd + "2024-05-02T08:00:00+02:00" + kLdEnd +
           R"(<meta property="article:published_time" content="2024-05-19T11:00:00+02:00">)",
       "<article>" + kPara + "</article>", "", CivilDate{2024, 5, 2}, PublishedMethod::kJsonLd},
      {"a kind that names several days (a list) vouches for none", kLd + "2024-05-02" + kLdEnd,
       "<article>" + kPara +
           "<time datetime=\"2024-05-19\">19 May</time><p class=\"date\">19 May 2024</p>"
           "<time datetime=\"2024-03-07\">7 March</time><p class=\"date\">7 March 2024</p>"
           "</article>",
       "", CivilDate{2024, 5, 2}, PublishedMethod::kJsonLd},
      {"the day before, in another zone, is the same day",
       kLd + "2024-05-18T23:30:00Z" + kLdEnd +
           R"(<meta property="article:published_time" content="2024-05-19T01:30:00+02:00">)",
       "<article><p class=\"entry-date\">19 May 2024</p>" + kPara + "</article>", "",
       CivilDate{2024, 5, 19}, PublishedMethod::kJsonLd},
      // The URL is minted at first publication.
      {"a URL day earlier than JSON-LD by more than a day wins", kLd + "2021-08-30" + kLdEnd,
       "<article>" + kPara + "</article>", "https://blog.example.net/notes/2019/3/8/spring-fair",
       CivilDate{2019, 3, 8}, PublishedMethod::kUrl},
      {"a URL day one day earlier leaves JSON-LD", kLd + "2021-08-30" + kLdEnd,
       "<article>" + kPara + "</article>", "https://ex.org/2021/08/29/fair", CivilDate{2021, 8, 30},
       PublishedMethod::kJsonLd},
      {"a later URL day leaves JSON-LD", kLd + "2021-08-30" + kLdEnd,
       "<article>" + kPara + "</article>", "https://ex.org/2021/09/14/fair", CivilDate{2021, 8, 30},
       PublishedMethod::kJsonLd},
  };
  CheckPrecedence(cases, "en");
}

TEST_CASE("where on the page: furniture, comments below, the head of the main text") {
  const std::string kLong = kPara + kPara + kPara + kPara;
  const PrecedenceCase cases[] = {
      {"a container with a furniture class that holds the story is not furniture", "",
       "<div class=\"teaser-body\"><h5 class=\"x\">14.03.2023</h5><article><h1>Rail strike</h1>" +
           kPara + "</article></div>",
       "", CivilDate{2023, 3, 14}, PublishedMethod::kText},
      {"a teaser beside the story is still furniture", "",
       "<div class=\"teaser\"><span>14.03.2023</span> Other story</div><article>" + kPara +
           "</article>",
       "", std::nullopt, PublishedMethod::kUnknown},
      {"a marked <time> in a sidebar is a neighbour's", "",
       "<header><time datetime=\"2019-06-28\">28 June</time></header><article>" + kPara +
           "</article><div class=\"aside\"><p>Reader note <time pubdate "
           "datetime=\"2019-09-22\">22 Sept</time></p></div>",
       "", CivilDate{2019, 6, 28}, PublishedMethod::kTimeElement},
      {"a marked <time> below the story is a comment's", "",
       "<header><time datetime=\"2019-06-28\">28 June</time></header><article>" + kPara +
           "</article><div class=\"thread\"><p>Agreed. <time pubdate "
           "datetime=\"2019-09-22\">22 Sept</time></p></div>",
       "", CivilDate{2019, 6, 28}, PublishedMethod::kTimeElement},
      {"a marked <time> in comments that the main text's container holds is a comment's", "",
       "<div class=\"entry\"><h1>Rail strike</h1><p class=\"byline\"><time "
       "datetime=\"2019-07-13\">13 July</time></p>" +
           kPara +
           "<ol class=\"commentlist\"><li>Agreed. <time pubdate "
           "datetime=\"2019-08-01\">1 Aug</time></li><li>No. <time pubdate "
           "datetime=\"2019-08-02\">2 Aug</time></li></ol></div>",
       "", CivilDate{2019, 7, 13}, PublishedMethod::kTimeElement},
      {"a <time> inside a quoted or embedded post dates that post", "",
       "<article><p class=\"date\">29. Januar 2019</p>" + kPara +
           "<blockquote class=\"instagram-media\"><p>A post shared by Vreni (@vreni) on <time "
           "datetime=\"2018-03-12T19:30:12+00:00\">Mar 12, 2018</time></p></blockquote>" +
           kPara + "</article>",
       "", CivilDate{2019, 1, 29}, PublishedMethod::kText},
      {"'published' deep in a sentence is not a dateline", "",
       "<article><p class=\"date\">2 April 2021</p><p>Officials at the regional statistics "
       "office said the figures, first published on 9 March 2020, were later revised.</p>" +
           kPara + "</article>",
       "", CivilDate{2021, 4, 2}, PublishedMethod::kText},
      {"'published' near the start of its line is", "",
       "<article><p class=\"date\">2 April 2021</p><p>By Ann Lee | Published 9 March 2021</p>" +
           kPara + "</article>",
       "", CivilDate{2021, 3, 9}, PublishedMethod::kText},
      {"a label and its value in sibling elements", "",
       "<article>" + kPara +
           "<ul class=\"credits\"><li><p>Mise en ligne</p><p>23 mai 2019</p></li>"
           "<li><p>Auteur</p><p>Anne Roux</p></li></ul></article>",
       "", CivilDate{2019, 5, 23}, PublishedMethod::kText},
      {"a label whose date is far from it says nothing",
       R"(<meta name="date" content="2019-05-30">)",
       "<article>" + kPara +
           "<dl><dt>Published by</dt><dd>Northwind Press, Oslo and Bergen, in cooperation with "
           "the regional archive of western Norway</dd><dd>23 May 2019</dd></dl></article>",
       "", CivilDate{2019, 5, 30}, PublishedMethod::kMetaTag},
      {"a 'published' label in a sidebar serves when nothing else does", "",
       "<article>" + kPara +
           "</article><div class=\"sidebar\"><p>Publi\xC3\xA9 le 5 mai 2024</p></div>",
       "", CivilDate{2024, 5, 5}, PublishedMethod::kText},
      {"a 'published' label in a sidebar does not beat the story's date", "",
       "<article><p class=\"date\">2 April 2021</p>" + kPara +
           "</article><div class=\"sidebar\"><p>Published 9 March 2021</p></div>",
       "", CivilDate{2021, 4, 2}, PublishedMethod::kText},
      {"a class that says publication is not a dateline", "",
       "<article><div class=\"publication\">Annual report | 17 January 2017</div>"
       "<span class=\"date\">28 April 2017</span>" +
           kPara + "</article>",
       "", CivilDate{2017, 4, 28}, PublishedMethod::kText},
  };
  CheckPrecedence(cases, "en");

  // The first short line of the main text that holds a date; not a date in a
  // sentence, not one far down the text.
  struct HeadCase {
    const char* id;
    std::string body;
    std::optional<CivilDate> head_date;
  };
  const HeadCase heads[] = {
      {"a short line at the head",
       "<article><p>01.02.2022 Kategorie: Sport</p>" + kPara + "</article>", CivilDate{2022, 2, 1}},
      {"a date inside a sentence",
       "<article><p>Nach der seit 28.01.2022 geltenden Verordnung d\xC3\xBCrfen die Hallen "
       "wieder zur H\xC3\xA4lfte gef\xC3\xBCllt werden, sagte der Verband am Dienstag.</p>" +
           kPara + "</article>",
       std::nullopt},
      {"a short line far down", "<article>" + kLong + "<p>3. Mai 2022</p></article>", std::nullopt},
  };
  for (const HeadCase& c : heads) {
    INFO("case: " << std::string(c.id));
    StatusOr<Article> a = ParsePage("", c.body, "", "de");
    CHECK(a.ok());
    if (!a.ok()) continue;
    std::optional<CivilDate> got;
    for (const DateWitness& w : a->meta.date_witnesses) {
      if (w.where == "main text head") got = w.date;
    }
    CHECK(got == c.head_date);
  }
}

TEST_CASE("more metadata: uploadDate, other publication names, JSON state in scripts") {
  const PrecedenceCase cases[] = {
      {"itemprop uploadDate of a video page",
       R"(<meta itemprop="uploadDate" content="2019-10-16T18:15:00+02:00">)",
       "<article>" + kPara + "</article>", "", CivilDate{2019, 10, 16}, PublishedMethod::kMetaTag},
      {"uploadDate ranks after article:published_time",
       R"(<meta itemprop="uploadDate" content="2019-10-16">
          <meta property="article:published_time" content="2019-10-11">)",
       "<article>" + kPara + "</article>", "", CivilDate{2019, 10, 11}, PublishedMethod::kMetaTag},
      {"an unlisted name that says published",
       R"(<meta property="gallery:published_on" content="2013-02-16T04:36:36-05:00">)",
       "<article>" + kPara + "</article>", "", CivilDate{2013, 2, 16}, PublishedMethod::kMetaTag},
      {"an unlisted name that also says updated is not",
       R"(<meta property="gallery:updated_published" content="2013-02-16">)",
       "<article>" + kPara + "</article>", "", std::nullopt, PublishedMethod::kUnknown},
      {"a publication key in a page's JSON state", "",
       "<script>window.__STATE__ = {\"review\": {\"publishedDate\": \"2016-11-04T20:37:27Z\", "
       "\"updatedDate\": \"2016-11-05T10:00:00Z\"}};</script><article>" +
           kPara + "</article>",
       "", CivilDate{2016, 11, 4}, PublishedMethod::kMetaTag},
      {"keys that only contain the word, or modification keys, are not", "",
       "<script type=\"application/json\">{\"publishedDateLabel\": \"2016-11-04\", "
       "\"updatedDate\": \"2016-11-05\", \"note\": \"publishedDate\"}</script><article>" +
           kPara + "</article>",
       "", std::nullopt, PublishedMethod::kUnknown},
      {"a printed dateline beats the script's key", "",
       "<script>var s = {'datePublished': '2016-11-01'};</script><article>"
       "<p class=\"dateline\">Posted 4 November 2016</p>" +
           kPara + "</article>",
       "", CivilDate{2016, 11, 4}, PublishedMethod::kText},
  };
  CheckPrecedence(cases, "en");
}

TEST_CASE("bylines, names without their lead words") {
  struct Case {
    const char* id;
    std::string head, body;
    std::string byline;
  };
  const Case cases[] = {
      {"meta author", R"(<meta name="author" content="  Maria  Garcia ">)", kPara, "Maria Garcia"},
      {"rel=author", "", "<a rel=\"author\" href=\"/u/1\">Tom Wu</a>" + kPara, "Tom Wu"},
      {"itemprop author with a name inside", "",
       "<div itemprop=\"author\"><span itemprop=\"name\">Ines Roth</span></div>" + kPara,
       "Ines Roth"},
      {"class byline", "", "<p class=\"article-byline\">By Sam Otieno</p>" + kPara, "Sam Otieno"},
      {"an author bio is not a byline: the next element named so speaks", "",
       "<div class=\"author-box\">Jo Park writes about wine and food for several magazines.</div>"
       "<p class=\"byline\">Von Jo Park | 3. M\u00e4rz 2021</p>" +
           kPara,
       "Jo Park"},
      {"JSON-LD author string over the meta",
       R"(<meta name="author" content="Desk"><script type="application/ld+json">
          {"@type":"Article","author":"Lena Berg"}</script>)",
       kPara, "Lena Berg"},
      {"JSON-LD author given by @id, named in the @graph",
       R"(<script type="application/ld+json">{"@graph":[
          {"@type":"NewsArticle","author":{"@id":"https://x.org/#/person/1"}},
          {"@type":"Person","@id":"https://x.org/#/person/1","name":"Evan Symon"}]}</script>)",
       kPara, "Evan Symon"},
      {"the site's own name in the author meta gives way to the page's byline",
       R"(<meta property="og:site_name" content="Daily Planet">
          <meta name="author" content="Daily Planet">)",
       "<p class=\"byline\">By Lois Lane</p>" + kPara, "Lois Lane"},
      {"a line that starts with a lead word", "",
       "<p>By <a href=\"/author/evan\">Evan Symon</a>, August 14, 2020 2:30 pm</p>" + kPara,
       "Evan Symon"},
      {"a lead word in an element of its own, the name beside it", "",
       "<div data-testid=\"prism-byline\"><span class=\"t\">By</span><span><a href=\"/a\">"
       "Alex Bozarjian</a></span> <span>Tuesday, November 8, 2023</span></div>" +
           kPara,
       "Alex Bozarjian"},
      {"a line of prose that starts like one is not a byline", "",
       "<p>By then the rain had stopped.</p>" + kPara, ""},
      {"none", "", kPara, ""},
  };
  for (const Case& c : cases) {
    INFO("case: " << std::string(c.id));
    StatusOr<Article> a = ParsePage(c.head, c.body);
    CHECK(a.ok());
    if (a.ok()) CHECK(a->meta.byline == c.byline);
  }
}

TEST_CASE("hostile nesting is refused before gumbo sees it") {
  std::string deep;
  constexpr int kDepth = 1000000;
  deep.reserve(kDepth * 11 + 64);
  for (int i = 0; i < kDepth; ++i) deep += "<div>";
  deep += "text";
  RawDocument doc;
  doc.bytes = "<html><body>" + deep + "</body></html>";
  doc.content_type = "text/html";
  StatusOr<Article> a = Parse(doc);
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().code() == Status::Code::kInvalidArgument);
  CHECK(a.status().message().find("1000000 deep") != std::string::npos);

  // Many siblings, unclosed paragraphs and list items, and tags in scripts
  // and comments are not nesting.
  std::string wide = "<html><body><script>";
  for (int i = 0; i < 20000; ++i) wide += "<div>";
  wide += "</script><!--";
  for (int i = 0; i < 20000; ++i) wide += "<div>";
  wide += "-->";
  for (int i = 0; i < 20000; ++i) wide += "<p>Line " + std::to_string(i) + "<li>item<br>";
  wide += "</body></html>";
  doc.bytes = wide;
  StatusOr<Article> ok = Parse(doc);
  CHECK(ok.ok());
}

}  // namespace
}  // namespace newsrecon
