// Web ingestion end to end against a real HTTP server on 127.0.0.1
// (tests/fetch/loopback_server.py serving a small site from a TempDir, plus
// its scripted failure routes): feeds, a news sitemap, a page, a malformed
// feed, a dead host; then a second run that sends validators.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/run/web.h"
#include "pipeline/store/store.h"
#include "tests/testing/loopback_server.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

// Rows of `sql` from the file, columns joined by '|', NULL as "∅".
std::vector<std::string> Rows(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(raw, sql.c_str(), -1, &st, nullptr) == SQLITE_OK,
                  sqlite3_errmsg(raw));
  std::vector<std::string> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      if (i > 0) row += "|";
      const unsigned char* t = sqlite3_column_text(st, i);
      row += t == nullptr ? "∅" : reinterpret_cast<const char*>(t);
    }
    out.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return out;
}

std::string Article(const std::string& title, const std::string& body) {
  return "<!doctype html><html><head><title>" + title +
         "</title></head><body><nav><a href='/'>Home</a> <a href='/tech'>Tech</a></nav>"
         "<article><h1>" +
         title + "</h1><p>" + body +
         "</p><p>The company did not comment further on the figures, which were first reported "
         "by people familiar with the matter and could not be independently verified.</p>"
         "</article><footer>Copyright Example Media</footer></body></html>";
}

// The site the server publishes under /site/.
void WriteSite(const TempDir& dir, const LoopbackServer& server) {
  dir.Write("site/a1.html",
            Article("OpenAI raises money",
                    "OpenAI was valued at $300 billion in its latest funding round, the company "
                    "said on Monday."));
  dir.Write("site/a2.html", Article("Chip sales",
                                    "Nvidia said its data-centre revenue rose 27% from a year "
                                    "earlier."));
  // The print version of a1: the same story under another URL.
  dir.Write("site/a1-print.html",
            Article("OpenAI raises money",
                    "OpenAI was valued at $300 billion in its latest funding round, the company "
                    "said on Monday."));
  dir.Write("site/b1.html",
            Article("OpenAI's new valuation",
                    "OpenAI is now valued at $850 billion after the latest funding round, "
                    "according to a memo seen by reporters."));
  dir.Write("site/page.html", Article("Interest rates",
                                      "The central bank raised its key rate to 4.5% in March "
                                      "2026."));
  const std::string site = server.Url("/site/");
  dir.Write("site/feed.xml",
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Alpha News</title>"
            "<item><title>OpenAI raises money</title><link>" +
                site +
                "a1.html</link><pubDate>Mon, 20 Apr 2026 09:00:00 GMT</pubDate></item>"
                "<item><title>Same story, tracked</title><link>" +
                site +
                "a1.html?utm_source=rss&amp;utm_medium=feed</link></item>"
                "<item><title>Same story, printable</title><link>" +
                site +
                "a1-print.html</link></item>"
                "<item><title>Chip sales</title><link>" +
                site +
                "a2.html</link><pubDate>Tue, 21 Apr 2026 10:00:00 +0200</pubDate></item>"
                "<item><title>Gone</title><link>" +
                site +
                "missing.html</link></item>"
                "<item><title>Private</title><link>" +
                server.Url("/private/x.html") +
                "</link></item>"
                "<item><title>Flaky</title><link>" +
                server.Url("/flaky?k=web") + "</link></item></channel></rss>");
  dir.Write("site/news-sitemap.xml",
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>" +
                site +
                "b1.html</loc><news:news><news:publication><news:name>Beta Post</news:name>"
                "<news:language>en</news:language></news:publication>"
                "<news:publication_date>2026-04-21T08:00:00Z</news:publication_date>"
                "<news:title>OpenAI's new valuation</news:title></news:news></url>"
                "<url><loc>" +
                site + "a1.html</loc></url></urlset>");
  // Unclosed tags and an undefined entity: libxml2 recovers the first item.
  dir.Write("site/broken.xml",
            "<rss version='2.0'><channel><title>Broken &nbsp; feed</title><item><title>Rates"
            "</title><link>" +
                site +
                "page.html</link><pubDate>Wed, 22 Apr 2026 07:00:00 GMT</pubDate>"
                "</item><item><title>Unclosed");
}

struct RunResult {
  IngestSummary summary;
  std::string log;
};

RunResult RunWeb(const std::string& db, const std::vector<Source>& sources) {
  StatusOr<Store> store = Store::Open(db);
  REQUIRE_MESSAGE(store.ok(), store.status().ToString());
  std::ostringstream out;
  LoggerOptions lo;
  lo.threshold = LogLevel::kDebug;
  Logger log(out, lo, [] { return std::chrono::system_clock::now(); });
  RunInfo info;
  info.version = "test";
  info.command = "web test";
  StatusOr<IngestRun> run = IngestRun::Begin(&*store, &log, info);
  REQUIRE_MESSAGE(run.ok(), run.status().ToString());
  WebOptions options;
  options.policy.per_host_delay = std::chrono::milliseconds(0);
  options.policy.backoff_base = std::chrono::milliseconds(50);
  options.policy.total_timeout = std::chrono::milliseconds(5000);
  options.batch_size = 2;  // several batches
  Status s = IngestWeb(sources, options, &*store, &*run, &log);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  StatusOr<IngestSummary> summary = run->Finish();
  REQUIRE_MESSAGE(summary.ok(), summary.status().ToString());
  REQUIRE(run->Record(0).ok());
  return {*summary, out.str()};
}

TEST_CASE("web ingest: feeds, a news sitemap, a page, a broken feed and a dead host") {
  TempDir dir;
  LoopbackServer server({"--root", dir.File("site")});
  WriteSite(dir, server);
  const std::string db = dir.File("web.db");
  const std::vector<Source> sources = {
      {"Alpha News", server.Url("/site/feed.xml"), std::nullopt, 1},
      {"", server.Url("/site/news-sitemap.xml"), std::nullopt, 2},
      {"Gamma Daily", server.Url("/site/page.html"), SourceKind::kPage, 3},
      {"Broken", server.Url("/site/broken.xml"), SourceKind::kFeed, 4},
      {"Dead", "http://127.0.0.1:1/feed.xml", std::nullopt, 5},
  };

  RunResult first = RunWeb(db, sources);
  INFO(first.log);
  // a1 (listed three times: twice in the feed, once in the sitemap), a2, b1,
  // the flaky page (500, then 200 on the retry) and page.html (as a page,
  // and again in the broken feed).
  CHECK(Rows(db, "SELECT url FROM articles ORDER BY url") ==
        std::vector<std::string>{server.Url("/flaky?k=web"), server.Url("/site/a1.html"),
                                 server.Url("/site/a2.html"), server.Url("/site/b1.html"),
                                 server.Url("/site/page.html")});
  // The print version has a1's text: recorded as its copy, not stored again.
  CHECK(Rows(db,
             "SELECT c.url, a.url FROM article_copies c JOIN articles a ON a.id = c.article_id") ==
        std::vector<std::string>{server.Url("/site/a1-print.html") + "|" +
                                 server.Url("/site/a1.html")});
  CHECK(first.summary.articles_copied == 1);
  // Outlets: from the source, else from the sitemap's news:publication.
  CHECK(Rows(db, "SELECT outlet FROM articles WHERE url LIKE '%b1.html'") ==
        std::vector<std::string>{"Beta Post"});
  CHECK(Rows(db, "SELECT outlet FROM articles WHERE url LIKE '%a1.html'") ==
        std::vector<std::string>{"Alpha News"});
  // Every fetch is a row; the failures have their outcome and class.
  CHECK(Rows(db, "SELECT outcome, failure_class FROM fetches WHERE url LIKE '%missing.html'") ==
        std::vector<std::string>{"http_error|soft"});
  CHECK(Rows(db, "SELECT outcome, failure_class FROM fetches WHERE url LIKE '%/private/x.html'") ==
        std::vector<std::string>{"robots_disallowed|hard"});
  CHECK(Rows(db, "SELECT outcome, failure_class FROM fetches WHERE url LIKE '%:1/feed.xml'") ==
        std::vector<std::string>{"network_error|temporary"});
  CHECK(Rows(db, "SELECT outcome, attempts FROM fetches WHERE url LIKE '%flaky%'") ==
        std::vector<std::string>{"ok|2"});
  // The feed's dates are kept as witnesses of the article's publication.
  CHECK(Rows(db,
             "SELECT w.method, w.date FROM date_witnesses w JOIN articles a ON a.id = w.article_id "
             "WHERE a.url LIKE '%a2.html' AND w.method = 'feed'") ==
        std::vector<std::string>{"feed|2026-04-21"});
  CHECK(Rows(db, "SELECT published FROM articles WHERE url LIKE '%b1.html'") ==
        std::vector<std::string>{"2026-04-21"});
  // Two outlets, two valuations of OpenAI: one conflict.
  CHECK(
      Rows(db,
           "SELECT count(*) FROM conflicts WHERE entity = 'OpenAI' AND attribute = 'valuation'") ==
      std::vector<std::string>{"1"});
  CHECK(first.summary.sources_failed == 1);  // the dead host

  // Second run: the server answers 304 to every If-Modified-Since; nothing is
  // parsed again and nothing new is stored.
  const auto fetches_before = Rows(db, "SELECT count(*) FROM fetches");
  RunResult second = RunWeb(db, sources);
  INFO(second.log);
  CHECK(second.summary.articles_changed == 0);
  CHECK(Rows(db, "SELECT f.url, f.outcome FROM fetches f WHERE f.run_id = " +
                     std::to_string(second.summary.run_id) +
                     " AND f.url LIKE '%/site/%' ORDER BY f.url") ==
        std::vector<std::string>{server.Url("/site/broken.xml") + "|not_modified",
                                 server.Url("/site/feed.xml") + "|not_modified",
                                 server.Url("/site/news-sitemap.xml") + "|not_modified",
                                 server.Url("/site/page.html") + "|not_modified"});
  CHECK(Rows(db, "SELECT count(*) FROM articles") == std::vector<std::string>{"5"});
}

}  // namespace
}  // namespace newsrecon
