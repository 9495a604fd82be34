// The desk and the researcher's file through the real binary on the bundled
// corpus: the README's example queries, sqlite3 with FTS5, review semantics,
// explain, exports (CSV, JSON lines, ClaimReview) and Datasette metadata.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

using nlohmann::json;

const std::string kBinary = NEWSRECON_BINARY;
const std::string kSource = NEWSRECON_SOURCE_DIR;
const std::string kCorpus = kSource + "/corpora/msft-openai-2026-04";

std::string Q(const std::string& s) { return "'" + s + "'"; }

// A database holding the bundled corpus, ingested by the binary.
struct Corpus {
  TempDir dir;
  std::string db = dir.File("news.db");
  Corpus() {
    CommandResult r = RunCommand(kBinary + " ingest --db " + Q(db) + " " + Q(kCorpus));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  CommandResult Run(const std::string& args) const {
    return RunCommand(kBinary + " " + args + " --db " + Q(db));
  }
  // Rows of a query run by the sqlite3 shell (-json): what a researcher types.
  json Sql(const std::string& query) const {
    TempDir scratch;
    const auto file = scratch.Write("q.sql", query);
    CommandResult r = RunCommand("sqlite3 -json " + Q(db) + " < " + Q(file.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    if (r.out.find_first_not_of(" \n") == std::string::npos) return json::array();
    return json::parse(r.out);
  }
};

// The ```sql blocks of schema/README.md, by the name on their first line
// ("-- example: NAME").
std::map<std::string, std::string> ReadmeExamples() {
  const std::string readme = ReadFile(kSource + "/schema/README.md");
  std::map<std::string, std::string> out;
  const std::regex block("```sql\\n-- example: ([a-z0-9-]+)\\n([\\s\\S]*?)```");
  for (std::sregex_iterator it(readme.begin(), readme.end(), block), end; it != end; ++it)
    out[(*it)[1]] = (*it)[2];
  return out;
}

TEST_CASE("desk: the README's example queries return what the README says") {
  Corpus c;
  auto examples = ReadmeExamples();
  for (const char* name : {"openai-valuations", "open-conflicts", "fts-recapitalisation",
                           "one-outlet", "review-history", "dictionary", "failing-sources"}) {
    CAPTURE(name);
    CHECK(examples.count(name) == 1);
  }
  SUBCASE("openai-valuations: four outlets' figures, by hand from the texts") {
    json rows = c.Sql(examples["openai-valuations"]);
    REQUIRE(rows.size() == 4);
    struct Want {
      const char* source;
      const char* quote;
      const char* hedge;
      const char* as_of_basis;
      const char* as_of_start_prefix;
    };
    const Want want[] = {
        {"beijing-time-report.txt", "US$29 billion", "about", "explicit", "2023-01"},
        {"whats-new-explainer.txt", "$135 billion", "about", "event", "2023-10"},
        {"GogoAI News", "$300 billion", "more_than", "latest", "2026"},
        {"beijing-time-report.txt", "US$850 billion", "exact", "latest", "2026"},
    };
    for (size_t i = 0; i < 4; ++i) {
      CAPTURE(i);
      CHECK(rows[i]["source"] == want[i].source);
      CHECK(rows[i]["quote"] == want[i].quote);
      CHECK(rows[i]["hedge"] == want[i].hedge);
      CHECK(rows[i]["as_of_basis"] == want[i].as_of_basis);
      CHECK(rows[i]["as_of_start"].get<std::string>().rfind(want[i].as_of_start_prefix, 0) == 0);
      CHECK(rows[i]["published"] == "2026-04-27");
    }
  }
  SUBCASE("open-conflicts: the three conflicts, most severe first") {
    json rows = c.Sql(examples["open-conflicts"]);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0]["attribute"] == "investment");
    CHECK(rows[1]["attribute"] == "recapitalisation");
    CHECK(rows[1]["severity"] == 24);
    CHECK(rows[2]["attribute"] == "valuation");
    CHECK(rows[2]["conflict_id"] == "caadf02ad6d8d");
  }
  SUBCASE("fts-recapitalisation: sqlite3 runs FTS5 MATCH and finds the explainer") {
    json rows = c.Sql(examples["fts-recapitalisation"]);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["label"] == "whats-new-explainer.txt");
    CHECK(rows[0]["passage"].get<std::string>().find("[recapitalisation]") != std::string::npos);
  }
  SUBCASE("one-outlet: GogoAI's $300 billion and 2019") {
    json rows = c.Sql(examples["one-outlet"]);
    bool valuation = false, year = false;
    for (const json& r : rows) {
      if (r["text"] == "$300 billion" && r["hedge"] == "more_than" && r["attribute"] == "valuation")
        valuation = true;
      if (r["text"] == "2019") year = true;
    }
    CHECK(valuation);
    CHECK(year);
  }
  SUBCASE("review-history: none, then two with the second current") {
    CHECK(c.Sql(examples["review-history"]).empty());
    CHECK(c.Run("review caadf02ad6d8d --verdict dismissed --note 'stale figure' --reviewer ana "
                "--at 2026-05-01T10:00:00Z")
              .exit_code == 0);
    CHECK(c.Run("review caadf02ad6d8d --verdict open --note 'look again' --reviewer bo "
                "--at 2026-05-02T10:00:00Z")
              .exit_code == 0);
    json rows = c.Sql(examples["review-history"]);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["verdict"] == "dismissed");
    CHECK(rows[0]["current"] == 0);
    CHECK(rows[1]["verdict"] == "open");
    CHECK(rows[1]["current"] == 1);
  }
  SUBCASE("dictionary") {
    json rows = c.Sql(examples["dictionary"]);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["unit"] == "ISO 8601 date YYYY-MM-DD");
    CHECK(rows[0]["null_means"].is_null());
  }
  SUBCASE("failing-sources: none, then a missing path failing once") {
    CHECK(c.Sql(examples["failing-sources"]).empty());
    const std::string missing = c.dir.File("missing");
    RunCommand(kBinary + " ingest --db " + Q(c.db) + " " + Q(missing));  // fails: nothing read
    json rows = c.Sql(examples["failing-sources"]);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["source"] == missing);
    CHECK(rows[0]["failures_in_a_row"] == 1);
    CHECK(rows[0]["last_success_at"].is_null());
    CHECK(rows[0]["last_failure"].get<std::string>().find("no such file") != std::string::npos);
    CHECK(rows[0]["stale"] == 0);
  }
}

TEST_CASE("desk: a dismissed conflict stays dismissed, a new claim on its key opens a new one") {
  Corpus c;
  const std::string id = "caadf02ad6d8d";  // OpenAI valuation (latest), stable id
  CommandResult r = c.Run("review " + id + " --verdict dismissed --note 'old figure' --reviewer x");
  REQUIRE(r.exit_code == 0);
  // Re-ingesting the same articles keeps the verdict (same pair, same id).
  REQUIRE(RunCommand(kBinary + " ingest --db " + Q(c.db) + " " + Q(kCorpus)).exit_code == 0);
  json report = json::parse(c.Run("report --format json").out);
  int valuation_open = 0;
  bool still_dismissed = false;
  for (const json& k : report["conflicts"]) {
    if (k["id"] == id) still_dismissed = k["status"] == "dismissed";
    if (k["attribute"] == "valuation" && k["status"] == "open") ++valuation_open;
  }
  CHECK(still_dismissed);
  CHECK(valuation_open == 0);
  // A new outlet gives a third, different latest valuation: new pairs, new
  // ids, open; the dismissed pair keeps its verdict.
  TempDir more;
  const auto file = more.Write(
      "new.txt", "OpenAI's latest valuation is $500 billion, according to people familiar.\n");
  r = RunCommand(kBinary + " ingest --db " + Q(c.db) +
                 " --published 2026-04-28 --outlet 'New Wire' " + Q(file.string()));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  report = json::parse(c.Run("report --format json").out);
  valuation_open = 0;
  still_dismissed = false;
  for (const json& k : report["conflicts"]) {
    if (k["id"] == id) still_dismissed = k["status"] == "dismissed";
    if (k["attribute"] == "valuation" && k["status"] == "open") ++valuation_open;
  }
  CHECK(still_dismissed);
  CHECK(valuation_open >= 1);
  // --status open leaves the dismissed one out of every format.
  json open = json::parse(c.Run("report --format json --status open").out);
  for (const json& k : open["conflicts"]) CHECK(k["status"] == "open");
  CHECK(c.Run("report --status open").out.find(id) == std::string::npos);
  CHECK(c.Run("report --format markdown --status dismissed").out.find(id) != std::string::npos);
}

TEST_CASE("desk: review refuses unknown conflicts and verdicts, history is kept") {
  Corpus c;
  CHECK(c.Run("review c000000000000 --verdict confirmed --note x").exit_code == 66);
  CHECK(c.Run("review caadf02ad6d8d --verdict maybe --note x").exit_code == 64);
  CHECK(c.Run("review caadf02ad6d8d --verdict confirmed --note x --at yesterday").exit_code == 65);
  CHECK(c.Run("review caadf02ad6d8d --verdict confirmed --note first --at 2026-05-01T00:00:00Z")
            .exit_code == 0);
  CHECK(c.Run("review caadf02ad6d8d --verdict needs-work --note second --at 2026-05-02T00:00:00Z")
            .exit_code == 0);
  json rows = c.Sql("SELECT verdict, note FROM reviews ORDER BY id;");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["note"] == "first");
  CHECK(rows[1]["verdict"] == "needs-work");
}

TEST_CASE("desk: explain a conflict and a claim") {
  Corpus c;
  CommandResult r = c.Run("explain c5c451a194eba --format json");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  json j = json::parse(r.out);
  CHECK(j["type"] == "conflict");
  CHECK(j["severity"] == 24);
  REQUIRE(j["claims"].size() == 2);
  // "last October" in an article of 2026-04-27 is October 2025, anchored by the manifest's date.
  const json& relative = j["claims"][0];
  CHECK(relative["match"]["text"] == "last October");
  CHECK(relative["date"]["resolution"] == "relative");
  CHECK(relative["date"]["anchor"] == "2026-04-27");
  CHECK(relative["article"]["published_method"] == "manifest");
  CHECK(j["claims"][1]["date"]["resolution"] == "absolute");
  // The valuation: GogoAI's "surpassed" $300 billion is [300, 375] billion.
  json v = json::parse(c.Run("explain caadf02ad6d8d --format json").out);
  const json& gogo = v["claims"][0];
  CHECK(gogo["match"]["hedge_text"] == "surpassed");
  CHECK(gogo["interval"]["low"] == "$300 billion");
  CHECK(gogo["interval"]["high"] == "$375 billion");
  CHECK(gogo["interval"]["how"].get<std::string>().find("25%") != std::string::npos);
  // A claim by id, in text.
  const std::string claim_id = std::to_string(gogo["id"].get<int64_t>());
  r = c.Run("explain " + claim_id);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("OpenAI valuation") != std::string::npos);
  CHECK(r.out.find("in conflict caadf02ad6d8d") != std::string::npos);
  CHECK(c.Run("explain 999999").exit_code == 66);
  CHECK(c.Run("explain cffffffffffff").exit_code == 66);
}

TEST_CASE("desk: explain says what 'a year earlier' was counted back from") {
  TempDir dir;
  const std::string db = dir.File("news.db");
  const auto text = dir.Write(
      "story.txt", "Net income was $2.1 billion in 2024, up from $1.8 billion a year earlier.\n");
  CommandResult r = RunCommand(kBinary + " ingest --db " + Q(db) +
                               " --published 2025-03-01 --outlet Ledger " + Q(text.string()));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  r = RunCommand("sqlite3 " + Q(db) + " \"SELECT id FROM claims WHERE text = 'a year earlier'\"");
  REQUIRE(r.exit_code == 0);
  const std::string id = r.out.substr(0, r.out.find('\n'));
  r = RunCommand(kBinary + " explain " + id + " --format json --db " + Q(db));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const json j = json::parse(r.out);
  // 2024 is the sentence's date before it: the year before is 2023.
  CHECK(j["date"]["anchor"] == "2024-01-01");
  CHECK(j["interval"]["low"] == "2023-01-01");
  CHECK(j["date"]["how"].get<std::string>().find("date before it in its sentence") !=
        std::string::npos);
}

TEST_CASE("desk: CSV export is RFC 4180 with a header, JSON lines one object a row") {
  Corpus c;
  CommandResult r = c.Run("export --format csv --view timeline");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.rfind("entity,attribute,qualifier,as_of_start,", 0) == 0);
  CHECK(r.out.find("\r\n") != std::string::npos);
  // Sentences with commas and quotes are quoted, inner quotes doubled: the
  // Beijing sentence has "approximately 27%" in quotes.
  CHECK(r.out.find("owned \"\"approximately 27%\"\" of") != std::string::npos);
  const json count = c.Sql("SELECT COUNT(*) AS n FROM timeline;");
  r = c.Run("export --format jsonl --view timeline");
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    json row = json::parse(line);
    CHECK(row.contains("entity"));
    ++n;
  }
  CHECK(n == count[0]["n"].get<int>());
  CHECK(c.Run("export --table 'claims; DROP TABLE claims'").exit_code == 66);
  CHECK(c.Run("export --table timeline").exit_code == 65);
  CHECK(c.Run("export --format csv").exit_code == 64);  // neither --table nor --view: usage
  CHECK(c.Sql("SELECT COUNT(*) AS n FROM claims;")[0]["n"].get<int>() > 0);
}

TEST_CASE("desk: ClaimReview JSON-LD for confirmed conflicts, in Google's required shape") {
  Corpus c;
  json none = json::parse(c.Run("export --format claimreview").out);
  CHECK(none.empty());  // nothing confirmed yet
  REQUIRE(c.Run("review caadf02ad6d8d --verdict confirmed --note 'the $300 billion is stale' "
                "--reviewer 'Ana Ruiz' --at 2026-05-03T08:00:00Z")
              .exit_code == 0);
  REQUIRE(c.Run("review c5c451a194eba --verdict dismissed --note 'x' --at 2026-05-03T08:00:00Z")
              .exit_code == 0);
  json all =
      json::parse(c.Run("export --format claimreview --url-base https://desk.example/r.html").out);
  REQUIRE(all.size() == 1);
  const json& cr = all[0];
  // Required by Google: claimReviewed, reviewRating.alternateName, url;
  // recommended: author, datePublished, itemReviewed (Claim with author,
  // datePublished, appearance).
  CHECK(cr["@context"] == "https://schema.org");
  CHECK(cr["@type"] == "ClaimReview");
  CHECK(cr["claimReviewed"].get<std::string>().find("$300 billion") != std::string::npos);
  CHECK(cr["claimReviewed"].get<std::string>().find("US$850 billion") == std::string::npos);
  CHECK(cr["claimReviewed"].get<std::string>().find("$850 billion") != std::string::npos);
  CHECK(cr["url"] == "https://desk.example/r.html#caadf02ad6d8d");
  CHECK(cr["datePublished"] == "2026-05-03");
  CHECK(cr["author"]["@type"] == "Person");
  CHECK(cr["author"]["name"] == "Ana Ruiz");
  CHECK(cr["reviewRating"]["@type"] == "Rating");
  CHECK(cr["reviewRating"]["alternateName"] == "Contradicted by other reporting");
  const json& item = cr["itemReviewed"];
  CHECK(item["@type"] == "Claim");
  CHECK(item["datePublished"] == "2026-04-27");
  REQUIRE(item["author"].is_array());
  CHECK(item["author"][0]["@type"] == "Organization");
  CHECK(item["author"][0]["name"] == "GogoAI News");
  // The other side is a file with neither outlet nor URL: no publisher named
  // after its file name.
  CHECK(item["author"].size() == 1);
  CHECK(item["appearance"].dump().find(".txt") == std::string::npos);
  REQUIRE(item["appearance"].size() == 2);
  CHECK(item["appearance"][0]["url"] ==
        "https://www.gogoai.xin/article/"
        "microsoft-openai-end-exclusive-partnership-ai-landscape-major-shift");
  CHECK(item["firstAppearance"]["url"] == item["appearance"][0]["url"]);
}

TEST_CASE("desk: datasette metadata describes every table and labels lookup tables") {
  Corpus c;
  TempDir out;
  CommandResult r = c.Run("datasette-metadata --out " + Q(out.File("metadata.json")));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  json m = json::parse(ReadFile(out.File("metadata.json")));
  CHECK(m.contains("title"));
  CHECK(m.contains("description"));
  const json& tables = m["databases"]["news"]["tables"];
  CHECK(tables["claims"]["description"].get<std::string>().find("figure") != std::string::npos);
  CHECK(tables["claims"]["columns"]["amount"].get<std::string>().find("Unit:") !=
        std::string::npos);
  CHECK(tables["timeline"].contains("description"));
  CHECK(tables["hedges"]["label_column"] == "description");
  CHECK(!tables["claims"].contains("label_column"));
}

}  // namespace
}  // namespace newsrecon
