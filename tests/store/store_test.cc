// Tests of the store stage against real SQLite files in a temporary folder.
#include "pipeline/store/store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/core/embedded.h"
#include "pipeline/core/names.h"
#include "pipeline/core/near_copy.h"
#include "tests/testing/temp_dir.h"

// Rows print as one per line in failure messages.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& rows) {
    std::string out = "\n";
    for (const std::string& r : rows) out += "  " + r + "\n";
    return String(out.c_str());
  }
};
}  // namespace doctest

namespace newsrecon {
namespace {

namespace fs = std::filesystem;

std::string ReadBytes(const std::string& path) { return ReadFile(path); }

// A plain sqlite3 connection, as a researcher would open the file.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db_, 100);
  }
  ~RawDb() { sqlite3_close_v2(db_); }
  int Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  // All rows, each as its columns joined by "|" (NULL as "∅").
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr);
    CHECK_MESSAGE(rc == SQLITE_OK, sql, ": ", sqlite3_errmsg(db_));
    if (rc != SQLITE_OK) return out;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        if (i > 0) row += "|";
        const unsigned char* t = sqlite3_column_text(s, i);
        row += t ? reinterpret_cast<const char*>(t) : "∅";
      }
      out.push_back(row);
    }
    CHECK_MESSAGE(rc == SQLITE_DONE, sql, ": ", sqlite3_errmsg(db_));
    sqlite3_finalize(s);
    return out;
  }
  std::string One(const std::string& sql) {
    std::vector<std::string> rows = Rows(sql);
    return rows.empty() ? "(no row)" : rows[0];
  }
  // A dump of every table, to compare whole contents.
  std::string Dump() {
    std::string out;
    for (const std::string& t : Rows("SELECT name FROM sqlite_master WHERE type = 'table'"
                                     " AND name NOT LIKE 'articles_fts%' ORDER BY name")) {
      out += "== " + t + "\n";
      for (const std::string& r : Rows("SELECT * FROM \"" + t + "\" ORDER BY 1, 2"))
        out += r + "\n";
    }
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

size_t Find(const std::string& text, const std::string& what) {
  size_t at = text.find(what);
  REQUIRE(at != std::string::npos);
  return at;
}

// "OpenAI ..." with a money, a date, a relative date, a percentage range and
// a fall in percentage points; every optional field set somewhere.
const std::string kText =
    "OpenAI was valued at about $29 billion in January 2023.\n"
    "Its stake rose 20-25% last October, and shares fell nearly 4 percentage points.";

ByteSpan SpanOf(const std::string& text, const std::string& what) {
  size_t at = Find(text, what);
  return {at, at + what.size()};
}

Claim MakeClaim(const std::string& text, MentionKind kind, const std::string& figure,
                MentionValue value, const std::string& sentence_start,
                const std::string& sentence_end) {
  Claim c;
  c.mention.kind = kind;
  c.mention.span = SpanOf(text, figure);
  c.mention.text = figure;
  c.mention.value = std::move(value);
  size_t s = Find(text, sentence_start);
  size_t e = Find(text, sentence_end) + sentence_end.size();
  c.sentence = {s, e};
  return c;
}

std::vector<Claim> SampleClaims(const std::string& text) {
  std::vector<Claim> out;
  const std::string s1 = "OpenAI was", e1 = "January 2023.";
  const std::string s2 = "Its stake", e2 = "points.";
  {
    Claim c = MakeClaim(text, MentionKind::kMoney, "$29 billion",
                        MoneyValue{29e9, std::nullopt, "USD", 1e9}, s1, e1);
    c.mention.hedge = Hedge::kAbout;
    c.mention.hedge_text = "about";
    c.mention.rule = "money.symbol_amount";
    c.entity = "OpenAI";
    c.attribute = "valuation";
    c.as_of = {{2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit, ""};
    c.interval = {26.1e9, 31.9e9};
    out.push_back(c);
  }
  {
    Claim c = MakeClaim(text, MentionKind::kDate, "January 2023",
                        DateValue{{2023, 1, 1},
                                  {2023, 1, 31},
                                  Granularity::kMonth,
                                  DateResolution::kAbsolute,
                                  std::nullopt,
                                  ""},
                        s1, e1);
    c.mention.rule = "date.month_year";
    c.as_of = {{2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kTimeless, ""};
    c.interval = {19358, 19388};
    out.push_back(c);
  }
  {
    Claim c =
        MakeClaim(text, MentionKind::kPercent, "20-25%", PercentValue{20, 25.5, false, 1}, s2, e2);
    c.mention.rule = "percent.range";
    c.entity = "OpenAI";
    c.attribute = "stake";
    c.qualifier = "total";
    c.as_of = {{2025, 10, 1}, {2025, 10, 31}, AsOfBasis::kEvent, "recapitalisation"};
    c.interval = {19.5, 26};
    out.push_back(c);
  }
  {
    Claim c = MakeClaim(text, MentionKind::kDate, "last October",
                        DateValue{{2025, 10, 21},
                                  {2025, 10, 31},
                                  Granularity::kMonth,
                                  DateResolution::kRelative,
                                  CivilDate{2026, 4, 27},
                                  "late"},
                        s2, e2);
    c.mention.hedge = Hedge::kAbout;
    c.mention.hedge_text = "around";
    c.as_of = {{2025, 10, 21}, {2025, 10, 31}, AsOfBasis::kTimeless, ""};
    c.interval = {20352.5, 20392.25};
    out.push_back(c);
  }
  {
    Claim c = MakeClaim(text, MentionKind::kPercent, "4 percentage points",
                        PercentValue{-4, std::nullopt, true, 0.5}, s2, e2);
    c.mention.hedge = Hedge::kUpTo;
    c.mention.hedge_text = "nearly";
    c.entity = "OpenAI";
    c.attribute = "price_move";
    c.as_of = {{2026, 4, 27}, {2026, 4, 27}, AsOfBasis::kLatest, ""};
    c.interval = {-4, -3};
    out.push_back(c);
  }
  {
    Claim c = MakeClaim(text, MentionKind::kMoney, "$29 billion",
                        MoneyValue{10e9, 15e9, "EUR", 1e9}, s1, e1);
    c.mention.hedge = Hedge::kMoreThan;
    c.entity = "OpenAI";
    c.attribute = "investment";
    c.qualifier = "initial";
    c.as_of = {{2026, 4, 27}, {2026, 4, 27}, AsOfBasis::kPublication, ""};
    c.interval = {10e9, 18.75e9};
    out.push_back(c);
  }
  return out;
}

Article SampleArticle() {
  Article a;
  a.meta.path = "corpus/ars.html";
  a.meta.url = "https://arstechnica.com/ai/2026/04/openai/";
  a.meta.canonical_url = "https://arstechnica.com/ai/openai/";
  a.meta.outlet = "Ars Technica";
  a.meta.title = "OpenAI’s valuation";
  a.meta.language = "en";
  a.meta.published = CivilDate{2026, 4, 27};
  a.meta.published_method = PublishedMethod::kJsonLd;
  a.text = kText;
  return a;
}

// Every field of two claims, with the case id in each message.
void CheckSameClaim(const Claim& got, const Claim& want, const std::string& id) {
  INFO("case ", id);
  const Mention& g = got.mention;
  const Mention& w = want.mention;
  CHECK(g.kind == w.kind);
  CHECK(g.span == w.span);
  CHECK(g.text == w.text);
  CHECK(g.hedge == w.hedge);
  CHECK(g.hedge_text == w.hedge_text);
  CHECK(g.rule == w.rule);
  CHECK(g.value.index() == w.value.index());
  if (g.value.index() != w.value.index()) return;
  if (auto* gd = std::get_if<DateValue>(&g.value)) {
    const DateValue& wd = std::get<DateValue>(w.value);
    CHECK(gd->first == wd.first);
    CHECK(gd->last == wd.last);
    CHECK(gd->granularity == wd.granularity);
    CHECK(gd->resolution == wd.resolution);
    CHECK(gd->anchor == wd.anchor);
    CHECK(gd->part == wd.part);
  } else if (auto* gm = std::get_if<MoneyValue>(&g.value)) {
    const MoneyValue& wm = std::get<MoneyValue>(w.value);
    CHECK(gm->amount == wm.amount);
    CHECK(gm->amount_high == wm.amount_high);
    CHECK(gm->currency == wm.currency);
    CHECK(gm->resolution == wm.resolution);
  } else {
    const PercentValue& gp = std::get<PercentValue>(g.value);
    const PercentValue& wp = std::get<PercentValue>(w.value);
    CHECK(gp.percent == wp.percent);
    CHECK(gp.percent_high == wp.percent_high);
    CHECK(gp.points == wp.points);
    CHECK(gp.resolution == wp.resolution);
  }
  CHECK(got.sentence == want.sentence);
  CHECK(got.entity == want.entity);
  CHECK(got.attribute == want.attribute);
  CHECK(got.qualifier == want.qualifier);
  CHECK(got.as_of.first == want.as_of.first);
  CHECK(got.as_of.last == want.as_of.last);
  CHECK(got.as_of.basis == want.as_of.basis);
  CHECK(got.as_of.event == want.as_of.event);
  CHECK(got.interval.low == want.interval.low);
  CHECK(got.interval.high == want.interval.high);
}

void CheckSameMeta(const ArticleMeta& got, const ArticleMeta& want) {
  CHECK(got.path == want.path);
  CHECK(got.url == want.url);
  CHECK(got.canonical_url == want.canonical_url);
  CHECK(got.outlet == want.outlet);
  CHECK(got.title == want.title);
  CHECK(got.language == want.language);
  CHECK(got.published == want.published);
  CHECK(got.published_method == want.published_method);
}

// 1 when the put changed the file, 0 when it did not, -1 when it failed.
int PutChanged(Store& store, const Article& article, const std::vector<Claim>& claims) {
  StatusOr<Store::PutResult> put = store.PutArticle(article, claims);
  if (!put.ok()) {
    MESSAGE(put.status().ToString());
    return -1;
  }
  return put->changed ? 1 : 0;
}

Store OpenOrDie(const std::string& path) {
  StatusOr<Store> s = Store::Open(path);
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  return std::move(s).value();
}

void CheckClean(const std::string& path) {
  RawDb raw(path);
  CHECK(raw.Rows("PRAGMA foreign_key_check").empty());
  CHECK(raw.One("PRAGMA integrity_check") == "ok");
  CHECK(raw.Exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')") ==
        SQLITE_OK);
}

// ---------------------------------------------------------------------------

TEST_CASE("store: migrations set user_version, re-opening is a no-op") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  const int newest = static_cast<int>(EmbeddedFiles("schema/").size());
  REQUIRE(newest >= 1);
  {
    Store store = OpenOrDie(db);
    CHECK(store.schema_version() == newest);
  }
  {
    RawDb raw(db);
    CHECK(raw.One("PRAGMA user_version") == std::to_string(newest));
    CHECK(raw.One("PRAGMA journal_mode") == "wal");
    // Lookup tables are filled, with the names of pipeline/core/names.cc.
    CHECK(raw.One("SELECT group_concat(name, ',') FROM (SELECT name FROM hedges ORDER BY name)") ==
          "about,exact,more_than,up_to");
    CHECK(raw.One("SELECT count(*) FROM published_methods") == "10");
    for (ReviewStatus r : {ReviewStatus::kOpen, ReviewStatus::kConfirmed, ReviewStatus::kDismissed,
                           ReviewStatus::kNeedsWork}) {
      CHECK(raw.One("SELECT count(*) FROM review_statuses WHERE name = '" + std::string(Name(r)) +
                    "'") == "1");
    }
  }
  const std::string before = ReadBytes(db);
  {
    Store store = OpenOrDie(db);
    CHECK(store.schema_version() == newest);
  }
  CHECK(ReadBytes(db) == before);
  CHECK_FALSE(fs::exists(db + "-wal"));
}

TEST_CASE("store: every view compiles and selects") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  {
    Store store = OpenOrDie(db);
    REQUIRE(store.PutArticle(SampleArticle(), SampleClaims(kText)).ok());
  }
  RawDb raw(db);
  std::vector<std::string> views =
      raw.Rows("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name");
  CHECK(views == std::vector<std::string>{"agreement_sources", "article_stories", "claim_sources",
                                          "conflict_sides", "latest_reviews", "outlet_counts",
                                          "review_history", "run_summary", "source_health",
                                          "timeline"});
  for (const std::string& v : views) {
    INFO("view ", v);
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    CHECK(sqlite3_exec(handle, ("SELECT * FROM " + v).c_str(), nullptr, nullptr, nullptr) ==
          SQLITE_OK);
    sqlite3_close_v2(handle);
  }
  // claim_sources shows values as people read them (worked out from SampleClaims).
  const std::vector<std::string> values = raw.Rows(
      "SELECT ordinal, value FROM claim_sources JOIN claims ON id = claim_id ORDER BY ordinal");
  CHECK(values == std::vector<std::string>{"0|USD 29000000000", "1|2023-01-01/2023-01-31",
                                           "2|20-25.5%", "3|2025-10-21/2025-10-31", "4|-4 points",
                                           "5|EUR 10000000000-15000000000"});
  CHECK(raw.One("SELECT source, published, quote, hedge FROM claim_sources WHERE kind = 'money'"
                " ORDER BY claim_id LIMIT 1") == "Ars Technica|2026-04-27|$29 billion|about");
  // timeline: the 4 claims with entity and attribute, by attribute then as-of.
  CHECK(raw.Rows("SELECT attribute, as_of_start FROM timeline") ==
        std::vector<std::string>{"investment|2026-04-27", "price_move|2026-04-27",
                                 "stake|2025-10-01", "valuation|2023-01-01"});
  CHECK(raw.One("SELECT * FROM outlet_counts") == "Ars Technica|Ars Technica|1|6|0|0");
}

TEST_CASE("store: PutArticle round-trips date, money and percent claims") {
  TempDir dir;
  Store store = OpenOrDie(dir.File("news.db"));
  const Article article = SampleArticle();
  const std::vector<Claim> claims = SampleClaims(kText);
  StatusOr<Store::PutResult> put = store.PutArticle(article, claims);
  REQUIRE_MESSAGE(put.ok(), put.status().ToString());
  CHECK(put->changed);
  CHECK(put->article_id > 0);

  StatusOr<std::vector<StoredClaim>> loaded = store.LoadClaims();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const StoredClaim& sc = (*loaded)[i];
    CheckSameClaim(sc.claim, claims[i], "claim " + std::to_string(i));
    CHECK(sc.article_id == put->article_id);
    CHECK(sc.id > 0);
    CHECK(sc.sentence == kText.substr(claims[i].sentence.start, claims[i].sentence.size()));
    CheckSameMeta(sc.article, article.meta);
  }
  CHECK((*loaded)[0].sentence == "OpenAI was valued at about $29 billion in January 2023.");

  // An article with no optional metadata round-trips to empty strings; its
  // label is the file name.
  Article bare;
  bare.meta.path = "notes/today.txt";
  bare.text = "Up 5%.";
  Claim five = MakeClaim(bare.text, MentionKind::kPercent, "5%",
                         PercentValue{5, std::nullopt, false, 1}, "Up", ".");
  REQUIRE(store.PutArticle(bare, {five}).ok());
  loaded = store.LoadClaims();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == claims.size() + 1);
  CheckSameMeta(loaded->back().article, bare.meta);
  CheckSameClaim(loaded->back().claim, five, "bare");
  CHECK(RawDb(store.path()).Rows("SELECT label FROM articles ORDER BY id") ==
        std::vector<std::string>{"Ars Technica", "today.txt"});
  CHECK(store.PutArticle(bare, {SampleClaims(kText)[0]}).status().code() ==
        Status::Code::kInvalidArgument);  // its span lies beyond "Up 5%."
}

TEST_CASE("store: putting the same article twice leaves the file as it was") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  int64_t id = 0;
  {
    Store store = OpenOrDie(db);
    StatusOr<Store::PutResult> put = store.PutArticle(SampleArticle(), SampleClaims(kText));
    REQUIRE(put.ok());
    id = put->article_id;
  }
  const std::string bytes = ReadBytes(db);
  const std::string dump = RawDb(db).Dump();
  {
    Store store = OpenOrDie(db);
    StatusOr<Store::PutResult> again = store.PutArticle(SampleArticle(), SampleClaims(kText));
    REQUIRE(again.ok());
    CHECK_FALSE(again->changed);
    CHECK(again->article_id == id);
    CHECK(RawDb(db).Dump() == dump);
  }
  CHECK(ReadBytes(db) == bytes);

  // Any change of metadata or of one claim's field is a change.
  struct Case {
    const char* id;
    void (*edit)(Article*, std::vector<Claim>*);
  };
  const Case cases[] = {
      {"outlet", [](Article* a, std::vector<Claim>*) { a->meta.outlet = "Ars"; }},
      {"published", [](Article* a, std::vector<Claim>*) { a->meta.published.reset(); }},
      {"entity", [](Article*, std::vector<Claim>* c) { (*c)[2].entity = "Microsoft"; }},
      {"hedge", [](Article*, std::vector<Claim>* c) { (*c)[0].mention.hedge = Hedge::kExact; }},
      {"interval", [](Article*, std::vector<Claim>* c) { (*c)[4].interval.high = -2.5; }},
      {"one claim fewer", [](Article*, std::vector<Claim>* c) { c->pop_back(); }},
  };
  Store store = OpenOrDie(db);
  for (const Case& c : cases) {
    INFO("case ", std::string(c.id));
    Article a = SampleArticle();
    std::vector<Claim> claims = SampleClaims(kText);
    c.edit(&a, &claims);
    StatusOr<Store::PutResult> put = store.PutArticle(a, claims);
    CHECK(put.ok());
    if (!put.ok()) continue;
    CHECK(put->changed);
    CHECK(put->article_id == id);
    // ... and back: the original is a change again, then a no-op.
    CHECK(PutChanged(store, SampleArticle(), SampleClaims(kText)) == 1);
    CHECK(PutChanged(store, SampleArticle(), SampleClaims(kText)) == 0);
  }
  CheckClean(db);
}

TEST_CASE("store: changed text replaces the claims, FTS follows") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  StatusOr<Store::PutResult> first = store.PutArticle(SampleArticle(), SampleClaims(kText));
  REQUIRE(first.ok());
  {
    RawDb raw(db);
    CHECK(raw.One("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'valued'") ==
          std::to_string(first->article_id));
    CHECK(raw.One("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'valuation'") ==
          "1");  // in the title
  }

  Article edited = SampleArticle();
  edited.text = "Microsoft invested $13 billion in OpenAI.";
  Claim c = MakeClaim(edited.text, MentionKind::kMoney, "$13 billion",
                      MoneyValue{13e9, std::nullopt, "USD", 1e9}, "Microsoft", "OpenAI.");
  c.entity = "Microsoft";
  c.attribute = "investment";
  c.interval = {12.5e9, 13.5e9};
  StatusOr<Store::PutResult> second = store.PutArticle(edited, {c});
  REQUIRE(second.ok());
  CHECK(second->changed);
  CHECK(second->article_id == first->article_id);

  StatusOr<std::vector<StoredClaim>> loaded = store.LoadClaims();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  CheckSameClaim((*loaded)[0].claim, c, "replaced");
  CHECK((*loaded)[0].sentence == edited.text);

  RawDb raw(db);
  CHECK(raw.One("SELECT count(*) FROM articles") == "1");
  CHECK(raw.One("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'valued'") == "0");
  CHECK(raw.One("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'invested'") ==
        std::to_string(first->article_id));
  CHECK(raw.One("SELECT content_hash FROM articles") == ContentHash(edited.text));
  CheckClean(db);
}

TEST_CASE("store: one article once - the same text under another identity is a copy") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  StatusOr<Store::PutResult> first = store.PutArticle(SampleArticle(), SampleClaims(kText));
  REQUIRE(first.ok());
  CHECK(first->copy_of.empty());

  // A wire story republished word for word by another outlet, a day later.
  Article wire = SampleArticle();
  wire.meta.path = "corpus/wire.html";
  wire.meta.url = "https://example-daily.com/tech/openai-valuation";
  wire.meta.canonical_url = "";
  wire.meta.outlet = "Example Daily";
  wire.meta.published = CivilDate{2026, 4, 28};
  StatusOr<Store::PutResult> copy = store.PutArticle(wire, SampleClaims(kText));
  REQUIRE_MESSAGE(copy.ok(), copy.status().ToString());
  CHECK_FALSE(copy->changed);
  CHECK(copy->article_id == first->article_id);
  CHECK(copy->copy_of == SampleArticle().meta.url);
  {
    RawDb raw(db);
    CHECK(raw.One("SELECT count(*) FROM articles") == "1");
    CHECK(raw.One("SELECT count(*) FROM claims") == std::to_string(SampleClaims(kText).size()));
    CHECK(raw.Rows("SELECT source_key, article_id, path, url, outlet, label, title, published, "
                   "run_id FROM article_copies") ==
          std::vector<std::string>{"https://example-daily.com/tech/openai-valuation|" +
                                   std::to_string(first->article_id) +
                                   "|corpus/wire.html|https://example-daily.com/tech/"
                                   "openai-valuation|Example Daily|Example Daily|OpenAI’s "
                                   "valuation|2026-04-28|∅"});
  }
  // Again: nothing written.
  const std::string bytes = ReadBytes(db);
  StatusOr<Store::PutResult> again = store.PutArticle(wire, SampleClaims(kText));
  REQUIRE(again.ok());
  CHECK(again->copy_of == SampleArticle().meta.url);
  CHECK(ReadBytes(db) == bytes);

  // One character more is another article.
  Article other = wire;
  other.meta.url = "https://example-daily.com/tech/openai-valuation-2";
  other.text = kText + " ";
  StatusOr<Store::PutResult> own = store.PutArticle(other, SampleClaims(kText));
  REQUIRE(own.ok());
  CHECK(own->changed);
  CHECK(own->copy_of.empty());
  CHECK(own->article_id != first->article_id);

  // A correction of the kept article leaves the copy listed (it carried the
  // same story, and a page answered 304 is not read again) ...
  Article edited = SampleArticle();
  edited.text = "Microsoft invested $13 billion in OpenAI.";
  REQUIRE(store.PutArticle(edited, {}).ok());
  CHECK(RawDb(db).One("SELECT count(*) FROM article_copies") == "1");
  // ... until the copy is read again: no stored article has its text now, so
  // it is stored as an article of its own.
  StatusOr<Store::PutResult> now = store.PutArticle(wire, SampleClaims(kText));
  REQUIRE(now.ok());
  CHECK(now->changed);
  CHECK(now->copy_of.empty());
  CHECK(RawDb(db).One("SELECT count(*) FROM articles") == "3");
  CHECK(RawDb(db).One("SELECT count(*) FROM article_copies") == "0");
  CheckClean(db);
}

// An agency story about a rail strike, and three stories that are not it.
const std::string kStrike =
    "Train drivers across the country will strike for 48 hours from Thursday after talks with "
    "the state railway broke down late on Monday, the drivers' union said.\n"
    "The union is asking for a pay rise of 9% over two years and a cap on weekly hours, while "
    "the railway has offered 4.5% and a one-off payment of 1,500 euros.\n"
    "About 6,000 passenger trains a day are expected to be cancelled, and freight operators "
    "warned that deliveries to the ports would be delayed well into next week.\n"
    "The transport minister called on both sides to return to the table and said the "
    "government would not intervene in the dispute.\n";
const std::string kHarvest =
    "Farmers in the south expect the smallest wheat harvest in a decade after a dry spring "
    "and a hailstorm in June, the agriculture ministry said on Friday.\n"
    "Yields are forecast at 5.1 tonnes a hectare, down from 6.8 tonnes last year, and the "
    "ministry said it would ask the European Commission for emergency aid.\n"
    "Millers warned that bread prices could rise by the autumn if imports from the east are "
    "held up at the border, as they were last winter.\n";
const std::string kFloods =
    "Heavy rain flooded parts of the old town overnight, closing two bridges and the main "
    "railway station, and the fire brigade evacuated about 300 residents from the river bank.\n"
    "The weather service said the river would crest on Wednesday afternoon, half a metre below "
    "the record set in 2013, and warned of more storms in the hills to the north.\n"
    "Schools in the district will stay closed until Thursday, the mayor's office said.\n";

Article StoryArticle(const std::string& url, const std::string& outlet, const std::string& text) {
  Article a;
  a.meta.url = url;
  a.meta.outlet = outlet;
  a.meta.title = outlet + " story";
  a.meta.published = CivilDate{2026, 5, 4};
  a.text = text;
  return a;
}

TEST_CASE("store: near copies - an agency story two outlets edited is one story") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  auto put = [&](const Article& a) {
    StatusOr<Store::PutResult> r = store.PutArticle(a, {});
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    return r->article_id;
  };
  const int64_t agency = put(StoryArticle("https://agency.example/strike", "Agency", kStrike));
  // Its own lead-in and a closing line; "per cent" for "%".
  std::string edited = "BERLIN (Agency) - " + kStrike + "Read more on our transport page.\n";
  edited.replace(edited.find("9%"), 2, "9 per cent");
  const int64_t daily = put(StoryArticle("https://daily.example/strike", "Daily", edited));
  // The first two paragraphs only, under a headline of its own.
  const std::string shorter =
      "Rail strike from Thursday\n" + kStrike.substr(0, kStrike.find("About 6,000"));
  const int64_t radio = put(StoryArticle("https://radio.example/strike", "Radio", shorter));
  const int64_t harvest = put(StoryArticle("https://daily.example/harvest", "Daily", kHarvest));
  {
    RawDb raw(db);
    CHECK(raw.Rows("SELECT id, story_id IS NULL, story_share > 0.5 AND story_share <= 1 FROM "
                   "articles ORDER BY id") ==
          std::vector<std::string>{std::to_string(agency) + "|1|∅", std::to_string(daily) + "|0|1",
                                   std::to_string(radio) + "|0|1",
                                   std::to_string(harvest) + "|1|∅"});
    CHECK(raw.Rows("SELECT story_id FROM articles WHERE story_id IS NOT NULL") ==
          std::vector<std::string>(2, std::to_string(agency)));
    CHECK(raw.Rows("SELECT article_id, story_id, label FROM article_stories ORDER BY article_id") ==
          std::vector<std::string>{
              std::to_string(agency) + "|" + std::to_string(agency) + "|Agency",
              std::to_string(daily) + "|" + std::to_string(agency) + "|Daily",
              std::to_string(radio) + "|" + std::to_string(agency) + "|Radio",
              std::to_string(harvest) + "|" + std::to_string(harvest) + "|Daily"});
    CHECK(raw.One("SELECT count(*) FROM article_sketches WHERE article_id = " +
                  std::to_string(agency)) == std::to_string(kSketchSize));
  }
  // Claims read back carry their story.
  Article with_claim = StoryArticle("https://radio.example/strike", "Radio", shorter);
  Claim c = MakeClaim(shorter, MentionKind::kPercent, "9%", PercentValue{9, std::nullopt, false, 1},
                      "The union", "1,500 euros.");
  c.mention.rule = "percent.number_sign";
  c.entity = "drivers' union";
  c.attribute = "pay_rise";
  c.as_of = {{2026, 5, 4}, {2026, 5, 4}, AsOfBasis::kPublication, ""};
  c.interval = {8.5, 9.5};
  REQUIRE(store.PutArticle(with_claim, {c}).ok());
  StatusOr<std::vector<StoredClaim>> claims = store.LoadClaims();
  REQUIRE(claims.ok());
  REQUIRE(claims->size() == 1);
  CHECK(claims->front().article_id == radio);
  CHECK(claims->front().story_id == agency);
  // Findings name the other outlets of the story beside the claim.
  {
    Article harvest_with_claim = StoryArticle("https://daily.example/harvest", "Daily", kHarvest);
    Claim h = MakeClaim(kHarvest, MentionKind::kPercent, "6.8",
                        PercentValue{6.8, std::nullopt, false, 0.1}, "Yields", "aid.");
    h.mention.rule = "percent.number_sign";
    h.entity = c.entity;
    h.attribute = c.attribute;
    h.as_of = c.as_of;
    h.interval = {6.75, 6.85};
    REQUIRE(store.PutArticle(harvest_with_claim, {h}).ok());
    claims = store.LoadClaims();
    REQUIRE(claims.ok());
    REQUIRE(claims->size() == 2);
    Findings f;
    Agreement g;
    g.id = "a0000000000b1";
    g.key = {c.entity, c.attribute, ""};
    g.as_of = c.as_of;
    g.reason = "Two outlets.";
    g.claims = *claims;
    f.agreements = {g};
    REQUIRE(store.ReplaceFindings(f).ok());
    StatusOr<Findings> got = store.LoadFindings();
    REQUIRE(got.ok());
    REQUIRE(got->agreements.size() == 1);
    REQUIRE(got->agreements[0].claims.size() == 2);
    for (const StoredClaim& sc : got->agreements[0].claims) {
      CAPTURE(sc.article.Label());
      CHECK(sc.copies == (sc.article_id == radio ? std::vector<std::string>{"Agency", "Daily"}
                                                 : std::vector<std::string>{}));
    }
  }

  // Put again as it is: nothing written.
  const std::string bytes = ReadBytes(db);
  REQUIRE(store.PutArticle(StoryArticle("https://daily.example/strike", "Daily", edited), {}).ok());
  CHECK(ReadBytes(db) == bytes);

  // The story's first article is corrected into another story: the versions
  // that copied it stay its story (they carried what it said), and it
  // follows the story it now copies, taking them along.
  const int64_t floods = put(StoryArticle("https://city.example/floods", "City", kFloods));
  put(StoryArticle("https://agency.example/strike", "Agency", "FLOOD UPDATE: " + kFloods));
  {
    RawDb raw(db);
    CHECK(raw.Rows("SELECT story_id FROM articles WHERE id IN (" + std::to_string(agency) + ", " +
                   std::to_string(daily) + ", " + std::to_string(radio) + ")") ==
          std::vector<std::string>(3, std::to_string(floods)));
  }
  // A text no stored article shares: a story of its own again.
  put(StoryArticle("https://agency.example/strike", "Agency", "A short notice."));
  {
    RawDb raw(db);
    CHECK(raw.One("SELECT story_id IS NULL FROM articles WHERE id = " + std::to_string(agency)) ==
          "1");
    CHECK(raw.One("SELECT count(*) FROM article_sketches WHERE article_id = " +
                  std::to_string(agency)) == "0");
  }
  CheckClean(db);
}

TEST_CASE("store: near copies - a store made before stories gets them when opened") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  {
    // Schema 7 as an older newsrecon left it, with three articles.
    std::ofstream(db).flush();  // an empty file is an empty database
    RawDb raw(db);
    auto quoted = [](const std::string& text) {
      std::string out = "'";
      for (char ch : text) out += ch == '\'' ? std::string("''") : std::string(1, ch);
      return out + "'";
    };
    std::vector<std::string_view> files = EmbeddedFiles("schema/");
    REQUIRE(files.size() >= 8);
    for (size_t i = 0; i < 7; ++i) {
      std::optional<std::string_view> sql = EmbeddedFile(files[i]);
      REQUIRE(sql);
      REQUIRE(raw.Exec(std::string(*sql)) == SQLITE_OK);
    }
    REQUIRE(raw.Exec("PRAGMA user_version = 7") == SQLITE_OK);
    int n = 0;
    for (const std::string* text : {&kStrike, &kHarvest, &kStrike}) {
      const std::string t = n == 2 ? "Updated: " + *text : *text;
      REQUIRE(raw.Exec("INSERT INTO articles (source_key, label, content_hash, text) VALUES "
                       "('https://o" +
                       std::to_string(n) + ".example/', 'O" + std::to_string(n) + "', '" +
                       ContentHash(t) + "', " + quoted(t) + ")") == SQLITE_OK);
      ++n;
    }
  }
  Store store = OpenOrDie(db);
  CHECK(store.schema_version() >= 8);
  RawDb raw(db);
  CHECK(raw.Rows("SELECT label, story_id FROM articles ORDER BY id") ==
        std::vector<std::string>{"O0|∅", "O1|∅", "O2|1"});
  CHECK(raw.One("SELECT count(DISTINCT article_id) FROM article_sketches") == "3");
  CheckClean(db);
}

TEST_CASE("store: content hash is FNV-1a 64") {
  // Published FNV-1a 64 test vectors.
  CHECK(ContentHash("") == "cbf29ce484222325");
  CHECK(ContentHash("a") == "af63dc4c8601ec8c");
  CHECK(ContentHash("foobar") == "85944171f73967e8");
}

TEST_CASE("store: PutArticle rejects input that breaks the contract") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  struct Case {
    const char* id;
    void (*edit)(Article*, std::vector<Claim>*);
  };
  const Case cases[] = {
      {"no identity", [](Article* a, std::vector<Claim>*) { a->meta.url = a->meta.path = ""; }},
      {"span past text",
       [](Article* a, std::vector<Claim>* c) {
         (*c)[0].mention.span = {a->text.size() - 1, a->text.size() + 1};
       }},
      {"span reversed",
       [](Article*, std::vector<Claim>* c) {
         (*c)[0].mention.span = {5, 4};
       }},
      {"sentence past text",
       [](Article* a, std::vector<Claim>* c) { (*c)[1].sentence.end = a->text.size() + 10; }},
      {"kind/value mismatch",
       [](Article*, std::vector<Claim>* c) { (*c)[0].mention.kind = MentionKind::kPercent; }},
      {"impossible as-of date",
       [](Article*, std::vector<Claim>* c) {
         (*c)[3].as_of.last = CivilDate{2025, 4, 31};
       }},
      {"impossible anchor",
       [](Article*, std::vector<Claim>* c) {
         std::get<DateValue>((*c)[3].mention.value).anchor = CivilDate{2026, 13, 1};
       }},
      {"impossible published date",
       [](Article* a, std::vector<Claim>*) {
         a->meta.published = CivilDate{2026, 2, 30};
       }},
  };
  for (const Case& c : cases) {
    INFO("case ", std::string(c.id));
    Article a = SampleArticle();
    std::vector<Claim> claims = SampleClaims(kText);
    c.edit(&a, &claims);
    StatusOr<Store::PutResult> put = store.PutArticle(a, claims);
    CHECK_FALSE(put.ok());
    if (put.ok()) continue;
    CHECK(put.status().code() == Status::Code::kInvalidArgument);
    CHECK(put.status().message().find(db) != std::string::npos);
  }
  CHECK(RawDb(db).One("SELECT count(*) FROM articles") == "0");
}

// Two articles from two outlets; returns their stored claims.
std::vector<StoredClaim> PutTwoArticles(Store& store) {
  Article a = SampleArticle();
  Article b = SampleArticle();
  b.meta.url = "https://www.ft.com/content/openai";
  b.meta.outlet = "Financial Times";
  b.meta.published = CivilDate{2026, 4, 28};
  b.text = kText + "\nThe company declined to comment.";  // not a copy: its own article
  REQUIRE(store.PutArticle(a, SampleClaims(a.text)).ok());
  REQUIRE(store.PutArticle(b, SampleClaims(b.text)).ok());
  StatusOr<std::vector<StoredClaim>> all = store.LoadClaims();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 12);
  return std::move(all).value();
}

Findings SampleFindings(const std::vector<StoredClaim>& all) {
  Findings f;
  Conflict k;
  k.id = "c0123456789ab";
  k.key = {"OpenAI", "valuation", ""};
  k.as_of = {{2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit, ""};
  k.reason = "Ars Technica says about $29 billion; the FT says more.";
  k.severity = 2.46;
  k.severity_unit = SeverityUnit::kRatio;
  k.claims = {all[0], all[6]};
  Conflict m = k;
  m.id = "c00000000000f";
  m.key = {"OpenAI", "stake", "total"};
  m.as_of = {{2025, 10, 1}, {2025, 10, 31}, AsOfBasis::kEvent, "recapitalisation"};
  m.severity = 14;
  m.severity_unit = SeverityUnit::kMonths;
  m.claims = {all[8], all[2]};
  f.conflicts = {k, m};
  Agreement g;
  g.id = "a00000000000a";
  g.key = {"OpenAI", "price_move", ""};
  g.as_of = {{2026, 4, 27}, {2026, 4, 27}, AsOfBasis::kLatest, ""};
  g.reason = "Two outlets say shares fell nearly 4 points.";
  g.claims = {all[4], all[10]};
  f.agreements = {g};
  return f;
}

void CheckSameFindings(const Findings& got, const Findings& want) {
  REQUIRE(got.conflicts.size() == want.conflicts.size());
  for (size_t i = 0; i < want.conflicts.size(); ++i) {
    const Conflict& g = got.conflicts[i];
    const Conflict& w = want.conflicts[i];
    INFO("conflict ", w.id);
    CHECK(g.id == w.id);
    CHECK(g.key == w.key);
    CHECK(g.as_of.first == w.as_of.first);
    CHECK(g.as_of.last == w.as_of.last);
    CHECK(g.as_of.basis == w.as_of.basis);
    CHECK(g.as_of.event == w.as_of.event);
    CHECK(g.reason == w.reason);
    CHECK(g.severity == w.severity);
    CHECK(g.severity_unit == w.severity_unit);
    REQUIRE(g.claims.size() == 2);
    for (size_t j = 0; j < 2; ++j) {
      CHECK(g.claims[j].id == w.claims[j].id);
      CHECK(g.claims[j].article_id == w.claims[j].article_id);
      CHECK(g.claims[j].sentence == w.claims[j].sentence);
      CheckSameMeta(g.claims[j].article, w.claims[j].article);
      CheckSameClaim(g.claims[j].claim, w.claims[j].claim, w.id + " side " + std::to_string(j));
    }
  }
  REQUIRE(got.agreements.size() == want.agreements.size());
  for (size_t i = 0; i < want.agreements.size(); ++i) {
    const Agreement& g = got.agreements[i];
    const Agreement& w = want.agreements[i];
    INFO("agreement ", w.id);
    CHECK(g.id == w.id);
    CHECK(g.key == w.key);
    CHECK(g.as_of.basis == w.as_of.basis);
    CHECK(g.reason == w.reason);
    REQUIRE(g.claims.size() == w.claims.size());
    for (size_t j = 0; j < w.claims.size(); ++j) CHECK(g.claims[j].id == w.claims[j].id);
  }
}

TEST_CASE("store: ReplaceFindings and LoadFindings round-trip") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Findings want;
  {
    Store store = OpenOrDie(db);
    want = SampleFindings(PutTwoArticles(store));
    REQUIRE(store.ReplaceFindings(want).ok());
    StatusOr<Findings> got = store.LoadFindings();
    REQUIRE(got.ok());
    CheckSameFindings(*got, want);
    for (const Conflict& c : got->conflicts) CHECK(c.status == ReviewStatus::kOpen);
  }
  {
    RawDb raw(db);
    CHECK(raw.Rows("SELECT conflict_id, side, source, other_source, status FROM conflict_sides") ==
          std::vector<std::string>{"c0123456789ab|0|Ars Technica|Financial Times|open",
                                   "c0123456789ab|1|Financial Times|Ars Technica|open",
                                   "c00000000000f|0|Financial Times|Ars Technica|open",
                                   "c00000000000f|1|Ars Technica|Financial Times|open"});
    CHECK(raw.Rows("SELECT agreement_id, claims, position, source FROM agreement_sources") ==
          std::vector<std::string>{"a00000000000a|2|0|Ars Technica",
                                   "a00000000000a|2|1|Financial Times"});
    CHECK(raw.Rows("SELECT source, articles, claims, conflicts, agreements FROM outlet_counts") ==
          std::vector<std::string>{"Ars Technica|1|6|2|1", "Financial Times|1|6|2|1"});
  }
  // The same findings again write nothing.
  const std::string bytes = ReadBytes(db);
  {
    Store store = OpenOrDie(db);
    REQUIRE(store.ReplaceFindings(want).ok());
  }
  CHECK(ReadBytes(db) == bytes);

  // Replacing keeps what is given, in order, and drops the rest.
  Store store = OpenOrDie(db);
  Findings fewer = want;
  fewer.conflicts.erase(fewer.conflicts.begin());
  fewer.conflicts[0].reason = "reworded";
  fewer.agreements.clear();
  REQUIRE(store.ReplaceFindings(fewer).ok());
  StatusOr<Findings> got = store.LoadFindings();
  REQUIRE(got.ok());
  CheckSameFindings(*got, fewer);
  CheckClean(db);
}

TEST_CASE("store: LoadFindings names the sources that carried an article word for word") {
  TempDir dir;
  Store store = OpenOrDie(dir.File("news.db"));
  const Findings want = SampleFindings(PutTwoArticles(store));
  REQUIRE(store.ReplaceFindings(want).ok());
  // The Financial Times story, republished by two outlets, and by the FT
  // itself under a second URL.
  for (const char* outlet : {"Nikkei Asia", "Financial Times", "The Globe"}) {
    Article copy = SampleArticle();
    copy.meta.url = "https://copies.example/" + std::string(outlet);
    copy.meta.outlet = outlet;
    copy.text = kText + "\nThe company declined to comment.";
    StatusOr<Store::PutResult> put = store.PutArticle(copy, {});
    REQUIRE(put.ok());
    CHECK(put->copy_of == "https://www.ft.com/content/openai");
  }
  StatusOr<Findings> got = store.LoadFindings();
  REQUIRE(got.ok());
  REQUIRE_FALSE(got->conflicts.empty());
  for (const Conflict& c : got->conflicts) {
    for (const StoredClaim& sc : c.claims) {
      CAPTURE(sc.article.Label());
      CHECK(sc.copies ==
            (sc.article.Label() == "Financial Times"
                 ? std::vector<std::string>{"Nikkei Asia", "Financial Times", "The Globe"}
                 : std::vector<std::string>{}));
    }
  }
}

TEST_CASE("store: ReplaceFindings rejects malformed findings and keeps the old ones") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  const std::vector<StoredClaim> all = PutTwoArticles(store);
  const Findings good = SampleFindings(all);
  REQUIRE(store.ReplaceFindings(good).ok());
  struct Case {
    const char* id;
    void (*edit)(Findings*);
  };
  const Case cases[] = {
      {"one-sided conflict", [](Findings* f) { f->conflicts[0].claims.pop_back(); }},
      {"repeated id", [](Findings* f) { f->conflicts[1].id = f->conflicts[0].id; }},
      {"empty id", [](Findings* f) { f->agreements[0].id = ""; }},
      {"lonely agreement", [](Findings* f) { f->agreements[0].claims.resize(1); }},
      {"claim not stored", [](Findings* f) { f->conflicts[1].claims[1].id = 999999; }},
      {"agreement claim not stored", [](Findings* f) { f->agreements[0].claims[0].id = 0; }},
  };
  for (const Case& c : cases) {
    INFO("case ", std::string(c.id));
    Findings bad = good;
    bad.conflicts.push_back(bad.conflicts[0]);
    bad.conflicts.back().id = "cfffffffffff0";
    c.edit(&bad);
    Status s = store.ReplaceFindings(bad);
    CHECK(s.code() == Status::Code::kInvalidArgument);
    StatusOr<Findings> kept = store.LoadFindings();
    CHECK(kept.ok());
    if (kept.ok()) CHECK(kept->conflicts.size() == 2);
  }
}

TEST_CASE("store: reviews - latest verdict wins, history kept, survives re-reconciling") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  const Findings findings = SampleFindings(PutTwoArticles(store));
  REQUIRE(store.ReplaceFindings(findings).ok());
  const std::string id = findings.conflicts[0].id;

  auto status_of = [&](const std::string& cid) {
    StatusOr<Findings> f = store.LoadFindings();
    REQUIRE(f.ok());
    for (const Conflict& c : f->conflicts)
      if (c.id == cid) return c.status;
    FAIL("no conflict ", cid);
    return ReviewStatus::kOpen;
  };
  REQUIRE(
      store.AddReview(id, ReviewStatus::kConfirmed, "checked", "ana", "2026-04-28T10:00:00Z").ok());
  CHECK(status_of(id) == ReviewStatus::kConfirmed);
  CHECK(status_of(findings.conflicts[1].id) == ReviewStatus::kOpen);
  // Added later but dated earlier: the verdict of 10:00 stands.
  REQUIRE(store.AddReview(id, ReviewStatus::kDismissed, "", "", "2026-04-28T09:00:00Z").ok());
  CHECK(status_of(id) == ReviewStatus::kConfirmed);
  // Same time: the one added last wins.
  REQUIRE(
      store.AddReview(id, ReviewStatus::kNeedsWork, "wrong entity", "bo", "2026-04-28T10:00:00Z")
          .ok());
  CHECK(status_of(id) == ReviewStatus::kNeedsWork);

  RawDb raw(db);
  CHECK(raw.Rows("SELECT verdict, note, reviewer FROM reviews ORDER BY id") ==
        std::vector<std::string>{"confirmed|checked|ana", "dismissed|∅|∅",
                                 "needs-work|wrong entity|bo"});
  CHECK(raw.One("SELECT DISTINCT status FROM conflict_sides WHERE conflict_id = '" + id + "'") ==
        "needs-work");
  CHECK(raw.Exec("UPDATE reviews SET verdict = 'open'") == SQLITE_CONSTRAINT);
  CHECK(raw.Exec("DELETE FROM reviews") == SQLITE_CONSTRAINT);

  // The conflict goes away and comes back: its verdict comes back with it.
  REQUIRE(store.ReplaceFindings({}).ok());
  CHECK(raw.One("SELECT count(*) FROM conflicts") == "0");
  CHECK(raw.One("SELECT count(*) FROM reviews") == "3");
  REQUIRE(store.ReplaceFindings(findings).ok());
  CHECK(status_of(id) == ReviewStatus::kNeedsWork);

  // Inputs that must fail.
  CHECK(store.AddReview("cnosuchconfli", ReviewStatus::kConfirmed, "", "", "2026-04-28T10:00:00Z")
            .code() == Status::Code::kNotFound);
  for (const char* when :
       {"2026-04-28", "2026-04-28 10:00:00Z", "2026-04-28T10:00:00", "2026-04-28T10:00:00+02:00",
        "2026-02-30T10:00:00Z", "2026-04-28T24:00:00Z", "2026-04-28T10:00:00.5Z", ""}) {
    INFO("timestamp '", when, "'");
    CHECK(store.AddReview(id, ReviewStatus::kConfirmed, "", "", when).code() ==
          Status::Code::kInvalidArgument);
  }
  CHECK(raw.One("SELECT count(*) FROM reviews") == "3");
}

TEST_CASE("store: re-putting an article drops the findings that cited its claims") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store store = OpenOrDie(db);
  const Findings findings = SampleFindings(PutTwoArticles(store));
  REQUIRE(store.ReplaceFindings(findings).ok());
  Article a = SampleArticle();
  std::vector<Claim> claims = SampleClaims(a.text);
  claims[0].entity = "Microsoft";  // claim 0 of article 1 is in the first conflict
  REQUIRE(PutChanged(store, a, claims) == 1);
  StatusOr<Findings> left = store.LoadFindings();
  REQUIRE(left.ok());
  // Every finding cited some claim of article 1, whose claims were all replaced.
  CHECK(left->conflicts.empty());
  CHECK(left->agreements.empty());
  CheckClean(db);
}

TEST_CASE("store: Open fails cleanly on what it cannot use") {
  TempDir dir;
  SUBCASE("not a database") {
    const std::string path = dir.File("notes.db");
    {
      std::ofstream out(path, std::ios::binary);
      for (int i = 0; i < 200; ++i) out << "This is a text file, not a database.\n";
    }
    StatusOr<Store> s = Store::Open(path);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == Status::Code::kCorruption);
    CHECK(s.status().message().find(path) != std::string::npos);
    CHECK(s.status().message().find("not a SQLite database") != std::string::npos);
  }
  SUBCASE("schema newer than this program") {
    const std::string path = dir.File("future.db");
    {
      sqlite3* raw = nullptr;
      REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
      REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 999", nullptr, nullptr, nullptr) ==
              SQLITE_OK);
      sqlite3_close(raw);
    }
    StatusOr<Store> s = Store::Open(path);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == Status::Code::kCorruption);
    CHECK(s.status().message().find("999") != std::string::npos);
    CHECK(s.status().message().find("newer") != std::string::npos);
  }
  SUBCASE("folder missing") {
    StatusOr<Store> s = Store::Open(dir.File("no/such/folder/news.db"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == Status::Code::kIoError);
    CHECK(s.status().message().find("no/such/folder/news.db") != std::string::npos);
  }
}

TEST_CASE("store: WAL - a reader is not blocked by the writer, nor the writer by it") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  Store writer = OpenOrDie(db);
  REQUIRE(writer.PutArticle(SampleArticle(), SampleClaims(kText)).ok());

  RawDb reader(db);
  REQUIRE(reader.Exec("BEGIN") == SQLITE_OK);
  CHECK(reader.One("SELECT count(*) FROM articles") == "1");  // the read snapshot starts here

  Article b = SampleArticle();
  b.meta.url = "https://example.com/b";
  b.text = kText + "\nUpdated.";
  const auto start = std::chrono::steady_clock::now();
  StatusOr<Store::PutResult> put = writer.PutArticle(b, SampleClaims(kText));
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK_MESSAGE(put.ok(), put.status().ToString());
  CHECK(took < std::chrono::seconds(2));                      // no waiting on the busy timeout
  CHECK(reader.One("SELECT count(*) FROM articles") == "1");  // still its snapshot
  REQUIRE(reader.Exec("COMMIT") == SQLITE_OK);
  CHECK(reader.One("SELECT count(*) FROM articles") == "2");

  // A writer mid-transaction does not block a reader either.
  RawDb other(db);
  REQUIRE(other.Exec("BEGIN IMMEDIATE") == SQLITE_OK);
  REQUIRE(other.Exec("DELETE FROM claims") == SQLITE_OK);
  StatusOr<std::vector<StoredClaim>> claims = writer.LoadClaims();
  CHECK(claims.ok());
  if (claims.ok()) CHECK(claims->size() == 12);
  // ... but a second writer waits, then gives up with kBusy.
  StatusOr<Store::PutResult> blocked = writer.PutArticle(SampleArticle(), {});
  CHECK(blocked.status().code() == Status::Code::kBusy);
  CHECK(blocked.status().message().find(db) != std::string::npos);
  REQUIRE(other.Exec("ROLLBACK") == SQLITE_OK);
  StatusOr<std::vector<StoredClaim>> after = writer.LoadClaims();
  REQUIRE(after.ok());
  CHECK(after->size() == 12);
}

}  // namespace
}  // namespace newsrecon
