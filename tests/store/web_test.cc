// Tests of the store's web tables (pipeline/store/web.h) against real SQLite files.
#include "pipeline/store/web.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "pipeline/store/store.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

// The rows of `sql` on a plain connection, each as "a|b|c" (NULL as "∅").
std::vector<std::string> Rows(const std::string& path, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
  CHECK_MESSAGE(rc == SQLITE_OK, sql, ": ", sqlite3_errmsg(db));
  while (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      if (i > 0) row += "|";
      const unsigned char* t = sqlite3_column_text(s, i);
      row += t ? reinterpret_cast<const char*>(t) : "∅";
    }
    out.push_back(row);
  }
  sqlite3_finalize(s);
  sqlite3_close_v2(db);
  return out;
}

struct Fixture {
  TempDir dir;
  std::string path = dir.File("web.db");
  Store store = [&] {
    StatusOr<Store> s = Store::Open(path);
    REQUIRE_MESSAGE(s.ok(), s.status().ToString());
    return std::move(*s);
  }();

  int64_t AddArticle(const std::string& url) {
    Article a;
    a.meta.url = url;
    a.meta.outlet = "Example";
    a.text = "Some text.";
    StatusOr<Store::PutResult> r = store.PutArticle(a, {});
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    return r->article_id;
  }
};

TEST_CASE("web schema: lookup tables name every enum value") {
  Fixture f;
  for (int i = 0; i <= static_cast<int>(FetchOutcome::kNetworkError); ++i) {
    const FetchOutcome v = static_cast<FetchOutcome>(i);
    CAPTURE(Name(v));
    CHECK(ParseFetchOutcome(Name(v)) == v);
    CHECK(Rows(f.path, "SELECT count(*) FROM fetch_outcomes WHERE name = '" + std::string(Name(v)) +
                           "'") == std::vector<std::string>{"1"});
  }
  CHECK(Rows(f.path, "SELECT count(*) FROM fetch_outcomes") == std::vector<std::string>{"9"});
  for (int i = 0; i <= static_cast<int>(FailureClass::kHard); ++i) {
    FailureClass v = static_cast<FailureClass>(i);
    CAPTURE(Name(v));
    CHECK(ParseFailureClass(Name(v)) == v);
    CHECK(Rows(f.path, "SELECT count(*) FROM failure_classes WHERE name = '" +
                           std::string(Name(v)) + "'") == std::vector<std::string>{"1"});
  }
  CHECK(Rows(f.path, "SELECT count(*) FROM failure_classes") == std::vector<std::string>{"4"});
  CHECK_FALSE(ParseFailureClass("Temporary").has_value());
  CHECK(Rows(f.path, "SELECT dates_disagree, byline FROM articles") == std::vector<std::string>{});
}

TEST_CASE("RecordFetch appends rows with NULL for what is absent") {
  Fixture f;
  FetchRow ok;
  ok.run_id = 7;
  ok.source_url = "https://ex.com/feed";
  ok.url = "https://ex.com/a";
  ok.final_url = "https://www.ex.com/a";
  ok.http_status = 200;
  ok.etag = "\"abc\"";
  ok.last_modified = "Mon, 27 Apr 2026 09:30:00 GMT";
  ok.content_type = "text/html; charset=utf-8";
  ok.bytes = 1234;
  ok.attempts = 2;
  ok.seconds = 0.5;
  ok.started_at = "2026-04-27T09:30:00Z";
  ok.content_hash = "0123456789abcdef";
  StatusOr<int64_t> id1 = RecordFetch(&f.store, ok);
  REQUIRE_MESSAGE(id1.ok(), id1.status().ToString());

  FetchRow failed;
  failed.source_url = "https://ex.com/feed";
  failed.url = "https://gone.example/";
  failed.outcome = FetchOutcome::kNetworkError;
  failed.failure_class = FailureClass::kTemporary;
  failed.started_at = "2026-04-27T09:31:00Z";
  failed.error = "could not resolve host gone.example";
  StatusOr<int64_t> id2 = RecordFetch(&f.store, failed);
  REQUIRE(id2.ok());
  CHECK(*id2 == *id1 + 1);

  CHECK(
      Rows(f.path,
           "SELECT run_id, source_url, url, final_url, http_status, outcome, failure_class, etag, "
           "last_modified, content_type, bytes, attempts, seconds, started_at, error, "
           "content_hash FROM fetches ORDER BY id") ==
      std::vector<std::string>{
          "7|https://ex.com/feed|https://ex.com/a|https://www.ex.com/a|200|ok|∅|\"abc\"|Mon, 27 "
          "Apr 2026 09:30:00 GMT|text/html; charset=utf-8|1234|2|0.5|2026-04-27T09:30:00Z|∅|"
          "0123456789abcdef",
          "∅|https://ex.com/feed|https://gone.example/|∅|∅|network_error|temporary|∅|∅|∅|∅|1|∅|2026-04-27T09:"
          "31:00Z|could not resolve host gone.example|∅"});
  CHECK(Rows(f.path,
             "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
             "'fetches' ORDER BY name") ==
        std::vector<std::string>{"fetches_failure_class", "fetches_outcome", "fetches_started_at",
                                 "fetches_url"});
}

TEST_CASE("RecordFetch refuses rows that break the contract") {
  Fixture f;
  FetchRow base;
  base.source_url = "https://ex.com/feed";
  base.url = "https://ex.com/a";
  base.started_at = "2026-04-27T09:30:00Z";
  struct Case {
    const char* id;
    FetchRow row;
    const char* want;
  };
  std::vector<Case> cases;
  cases.push_back({"no-url", base, "needs url"});
  cases.back().row.url.clear();
  cases.push_back({"no-source", base, "needs url and source_url"});
  cases.back().row.source_url.clear();
  cases.push_back({"local-time", base, "is not YYYY-MM-DDTHH:MM:SSZ"});
  cases.back().row.started_at = "2026-04-27 09:30:00";
  cases.push_back({"status", base, "HTTP status 42"});
  cases.back().row.http_status = 42;
  cases.push_back({"attempts", base, "attempts < 1"});
  cases.back().row.attempts = 0;
  cases.push_back({"bytes", base, "negative"});
  cases.back().row.bytes = -1;
  for (const Case& c : cases) {
    CAPTURE(c.id);
    StatusOr<int64_t> got = RecordFetch(&f.store, c.row);
    CHECK_FALSE(got.ok());
    if (got.ok()) continue;
    CHECK(got.status().code() == Status::Code::kInvalidArgument);
    CHECK_MESSAGE(got.status().message().find(c.want) != std::string::npos, got.status().message());
  }
  CHECK(Rows(f.path, "SELECT count(*) FROM fetches") == std::vector<std::string>{"0"});
}

TEST_CASE("url_state: save, load, replace, failing sources") {
  Fixture f;
  StatusOr<std::optional<UrlState>> none = LoadUrlState(f.store, "https://ex.com/feed");
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  UrlState s;
  s.url = "https://ex.com/feed";
  s.etag = "W/\"1\"";
  s.last_modified = "Mon, 27 Apr 2026 09:30:00 GMT";
  s.content_hash = "cbf29ce484222325";
  s.last_status = 200;
  s.last_fetched_at = "2026-04-27T09:30:00Z";
  REQUIRE(SaveUrlState(&f.store, s).ok());
  StatusOr<std::optional<UrlState>> got = LoadUrlState(f.store, s.url);
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK(**got == s);

  UrlState failing = s;
  failing.last_status.reset();
  failing.etag.clear();
  failing.failures_in_a_row = 3;
  failing.last_failure_class = FailureClass::kTemporary;
  failing.last_fetched_at = "2026-04-28T09:30:00Z";
  REQUIRE(SaveUrlState(&f.store, failing).ok());
  got = LoadUrlState(f.store, s.url);
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK(**got == failing);
  CHECK(Rows(f.path, "SELECT count(*), etag, last_status, last_failure_class FROM url_state") ==
        std::vector<std::string>{"1|∅|∅|temporary"});

  UrlState other{"https://b.example/rss", "", "", "", 503, "2026-04-28T09:30:00Z", 5,
                 FailureClass::kTemporary};
  UrlState once{"https://a.example/rss", "", "", "", 404, "2026-04-28T09:30:00Z", 1,
                FailureClass::kSoft};
  UrlState tie{"https://a.example/atom", "", "", "", std::nullopt, "2026-04-28T09:30:00Z", 3,
               FailureClass::kTemporary};
  for (const UrlState& u : {other, once, tie}) REQUIRE(SaveUrlState(&f.store, u).ok());
  StatusOr<std::vector<std::string>> bad = FailingSources(f.store, 3);
  REQUIRE(bad.ok());
  CHECK(*bad == std::vector<std::string>{"https://b.example/rss", "https://a.example/atom",
                                         "https://ex.com/feed"});
  bad = FailingSources(f.store, 0);
  REQUIRE(bad.ok());
  CHECK(bad->size() == 4);

  UrlState no_time = s;
  no_time.last_fetched_at = "yesterday";
  Status st = SaveUrlState(&f.store, no_time);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  UrlState no_url = s;
  no_url.url.clear();
  CHECK(SaveUrlState(&f.store, no_url).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("date witnesses: stored in order, the chosen one marked, replaced whole") {
  Fixture f;
  int64_t id = f.AddArticle("https://ex.com/a");
  std::vector<DateWitness> w = {
      {PublishedMethod::kJsonLd, "json-ld datePublished", "2026-04-27T09:30:00+02:00",
       CivilDate{2026, 4, 27}, false},
      {PublishedMethod::kFeed, "rss pubDate", "Mon, 27 Apr 2026 07:30:00 GMT",
       CivilDate{2026, 4, 27}, false},
      {PublishedMethod::kFeed, "sitemap lastmod", "2026-04", std::nullopt, true},
  };
  REQUIRE(PutDateWitnesses(&f.store, id, w, 0).ok());
  CHECK(Rows(f.path,
             "SELECT ordinal, method, where_found, raw, date, modified, chosen FROM "
             "date_witnesses ORDER BY ordinal") ==
        std::vector<std::string>{
            "0|json_ld|json-ld datePublished|2026-04-27T09:30:00+02:00|2026-04-27|0|1",
            "1|feed|rss pubDate|Mon, 27 Apr 2026 07:30:00 GMT|2026-04-27|0|0",
            "2|feed|sitemap lastmod|2026-04|∅|1|0"});
  StatusOr<StoredWitnesses> back = LoadDateWitnesses(f.store, id);
  REQUIRE(back.ok());
  REQUIRE(back->witnesses.size() == 3);
  CHECK(back->chosen_index == std::optional<size_t>(0));
  CHECK(back->witnesses[2].where == "sitemap lastmod");
  CHECK(back->witnesses[2].modified);
  CHECK_FALSE(back->witnesses[2].date.has_value());
  CHECK(back->witnesses[1].method == PublishedMethod::kFeed);

  REQUIRE(PutDateWitnesses(&f.store, id, {w[1]}, std::nullopt).ok());
  CHECK(Rows(f.path, "SELECT ordinal, where_found, chosen FROM date_witnesses") ==
        std::vector<std::string>{"0|rss pubDate|0"});

  CHECK(PutDateWitnesses(&f.store, id, w, 3).code() == Status::Code::kInvalidArgument);
  Status unknown = PutDateWitnesses(&f.store, id + 100, w, 0);
  CHECK(unknown.code() == Status::Code::kInvalidArgument);
  CHECK(unknown.message().find("no article") != std::string::npos);
  CHECK(Rows(f.path, "SELECT count(*) FROM date_witnesses") == std::vector<std::string>{"1"});
}

TEST_CASE("article web metadata") {
  Fixture f;
  int64_t id = f.AddArticle("https://ex.com/a");
  CHECK(Rows(f.path, "SELECT byline, charset, charset_method, dates_disagree FROM articles") ==
        std::vector<std::string>{"∅|∅|∅|0"});
  REQUIRE(PutArticleWebMeta(&f.store, id, "Jane Roe", "windows-1252", "meta", true).ok());
  CHECK(Rows(f.path, "SELECT byline, charset, charset_method, dates_disagree FROM articles") ==
        std::vector<std::string>{"Jane Roe|windows-1252|meta|1"});
  // The same values again write nothing and succeed.
  REQUIRE(PutArticleWebMeta(&f.store, id, "Jane Roe", "windows-1252", "meta", true).ok());
  REQUIRE(PutArticleWebMeta(&f.store, id, "", "utf-8", "http", false).ok());
  CHECK(Rows(f.path, "SELECT byline, charset, charset_method, dates_disagree FROM articles") ==
        std::vector<std::string>{"∅|utf-8|http|0"});
  Status missing = PutArticleWebMeta(&f.store, id + 1, "x", "", "", false);
  CHECK(missing.code() == Status::Code::kInvalidArgument);
}

TEST_CASE("feed entries: first sighting kept, blanks filled, new ones counted") {
  Fixture f;
  const std::string feed = "https://ex.com/feed";
  StatusOr<size_t> n = RecordFeedEntries(
      &f.store, feed, {{"https://ex.com/a", "A", ""}, {"https://ex.com/b", "", "Ex"}},
      "2026-04-27T09:00:00Z");
  REQUIRE_MESSAGE(n.ok(), n.status().ToString());
  CHECK(*n == 2);
  n = RecordFeedEntries(&f.store, feed,
                        {{"https://ex.com/a", "A changed", "Ex"},
                         {"https://ex.com/b", "B", "Other"},
                         {"https://ex.com/c", "C", "Ex"}},
                        "2026-04-28T09:00:00Z");
  REQUIRE(n.ok());
  CHECK(*n == 1);
  n = RecordFeedEntries(&f.store, "https://ex.com/sitemap.xml", {{"https://ex.com/a", "", ""}},
                        "2026-04-28T10:00:00Z");
  REQUIRE(n.ok());
  CHECK(*n == 1);
  CHECK(Rows(f.path,
             "SELECT source_url, url, title, outlet, first_seen_at FROM feed_entries "
             "ORDER BY source_url, url") ==
        std::vector<std::string>{
            "https://ex.com/feed|https://ex.com/a|A|Ex|2026-04-27T09:00:00Z",
            "https://ex.com/feed|https://ex.com/b|B|Ex|2026-04-27T09:00:00Z",
            "https://ex.com/feed|https://ex.com/c|C|Ex|2026-04-28T09:00:00Z",
            "https://ex.com/sitemap.xml|https://ex.com/a|∅|∅|2026-04-28T10:00:00Z"});

  CHECK(RecordFeedEntries(&f.store, "", {}, "2026-04-28T10:00:00Z").status().code() ==
        Status::Code::kInvalidArgument);
  CHECK(
      RecordFeedEntries(&f.store, feed, {{"", "t", ""}}, "2026-04-28T10:00:00Z").status().code() ==
      Status::Code::kInvalidArgument);
  CHECK(RecordFeedEntries(&f.store, feed, {}, "2026-04-28").status().code() ==
        Status::Code::kInvalidArgument);
}

TEST_CASE("date witnesses go with their article") {
  Fixture f;
  int64_t id = f.AddArticle("https://ex.com/a");
  REQUIRE(PutDateWitnesses(
              &f.store, id,
              {{PublishedMethod::kUrl, "url path", "/2026/04/27/", CivilDate{2026, 4, 27}, false}},
              0)
              .ok());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(f.path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "PRAGMA foreign_keys = ON; DELETE FROM articles;", nullptr, nullptr,
                     nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK(Rows(f.path, "SELECT count(*) FROM date_witnesses") == std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace newsrecon
