// The command line as users and scripts meet it (guide §5): the real binary,
// real files, real SQLite databases; exit codes and messages on bad input.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

const std::string kBinary = NEWSRECON_BINARY;
const std::string kCorpus = std::string(NEWSRECON_SOURCE_DIR) + "/corpora/msft-openai-2026-04";

std::string Quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST_CASE("cli: extract prints one JSON object a line with the contract's fields") {
  TempDir dir;
  const auto file = dir.Write(
      "a.txt",
      "When the company was reorganized last October, its valuation was about $850 billion.");
  CommandResult r = RunCommand(kBinary + " extract --published 2026-04-27 " + Quote(file));
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int dates = 0, money = 0;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    for (const char* key : {"kind", "text", "start", "end", "sentence", "value", "hedge", "entity",
                            "attribute", "as_of", "rule"})
      CHECK_MESSAGE(j.contains(key), key);
    if (j["kind"] == "date" && j["text"] == "last October") {
      ++dates;
      CHECK(j["value"]["start"] == "2025-10-01");
      CHECK(j["value"]["end"] == "2025-10-31");
      CHECK(j["value"]["granularity"] == "month");
    }
    if (j["kind"] == "money") {
      ++money;
      CHECK(j["text"] == "$850 billion");
      CHECK(j["value"]["amount"].get<double>() == doctest::Approx(850e9));
      CHECK(j["value"]["currency"] == "USD");
      CHECK(j["hedge"] == "about");
      CHECK(j["attribute"] == "valuation");
      // Offsets are bytes into the input as given.
      const std::string text =
          "When the company was reorganized last October, its valuation was about $850 billion.";
      CHECK(text.substr(j["start"].get<size_t>(),
                        j["end"].get<size_t>() - j["start"].get<size_t>()) == "$850 billion");
    }
  }
  CHECK(dates == 1);
  CHECK(money == 1);
}

TEST_CASE("cli: extract keeps offsets into the original bytes when the text has look-alikes") {
  TempDir dir;
  // A narrow no-break space before "%" and curly quotes: the quote must come
  // back exactly as printed.
  const std::string text =
      "Microsoft owned \xE2\x80\x9C"
      "approximately 27\xE2\x80\xAF%\xE2\x80\x9D of it.";
  const auto file = dir.Write("b.txt", text);
  CommandResult r = RunCommand(kBinary + " extract " + Quote(file));
  REQUIRE(r.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  CHECK(j["kind"] == "percent");
  CHECK(j["text"] == "27\xE2\x80\xAF%");
  const size_t start = j["start"], end = j["end"];
  CHECK(text.substr(start, end - start) == "27\xE2\x80\xAF%");
  CHECK(j["hedge"] == "about");
}

TEST_CASE("cli: the text's language decides how \"5.000 Euro\" reads") {
  TempDir dir;
  const auto file = dir.Write("de.txt", "Das Bußgeld beträgt 5.000 Euro, teilte das Amt mit.");
  struct Case {
    std::string flags;
    double amount;
  };
  const Case kCases[] = {{"", 5},
                         {" --language en", 5},
                         {" --language de", 5000},
                         {" --language de-AT", 5000},
                         {" --language de-CH", 5}};
  for (const Case& c : kCases) {
    CAPTURE(c.flags);
    CommandResult r = RunCommand(kBinary + " extract" + c.flags + " " + Quote(file));
    CHECK(r.exit_code == 0);
    if (r.exit_code != 0) continue;
    nlohmann::json j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    CHECK(j["kind"] == "money");
    CHECK(j["text"] == "5.000 Euro");
    CHECK(j["value"]["amount"].get<double>() == doctest::Approx(c.amount));
  }
  // ingest reads the page's own language from <html lang>.
  const auto page = dir.Write("de.html",
                              "<html lang=\"de-DE\"><head><title>Amt</title></head><body><article>"
                              "<h1>Bußgeld</h1><p>Das Bußgeld beträgt 5.000 Euro, teilte das Amt "
                              "am Montag mit.</p></article></body></html>");
  const std::string db = Quote(dir.path() / "de.db");
  CommandResult r =
      RunCommand(kBinary + " ingest --db " + db + " --published 2026-03-02 " + Quote(page));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CommandResult q =
      RunCommand("sqlite3 " + db + " \"SELECT amount FROM claims WHERE kind = 'money'\"");
  CHECK(q.out == "5000.0\n");
}

TEST_CASE("cli: bad input is a clear message and a non-zero exit") {
  TempDir dir;
  const std::string db = Quote(dir.path() / "x.db");
  SUBCASE("a missing file") {
    CommandResult r =
        RunCommand(kBinary + " ingest --db " + db + " " + Quote(dir.path() / "nope.txt"));
    CHECK(r.exit_code == 66);
    CHECK(r.err.find("nope.txt") != std::string::npos);
  }
  SUBCASE("invalid UTF-8") {
    const auto f = dir.Write("bad.txt", std::string("Revenue rose 5% in 2024 \xC3\x28 and more."));
    CommandResult r =
        RunCommand(kBinary + " ingest --db " + db + " --published 2025-01-01 " + Quote(f));
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("bad.txt") != std::string::npos);
    CHECK(r.err.find("UTF-8") != std::string::npos);
    CommandResult e = RunCommand(kBinary + " extract " + Quote(f));
    CHECK(e.exit_code == 65);
    CHECK(e.err.find("UTF-8") != std::string::npos);
  }
  SUBCASE("an empty file") {
    const auto f = dir.Write("empty.txt", "");
    CommandResult r = RunCommand(kBinary + " ingest --db " + db + " " + Quote(f));
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("empty") != std::string::npos);
  }
  SUBCASE("a manifest with a bad date") {
    dir.Write("corpus/a.txt", "Shares rose 5% in 2024.");
    dir.Write("corpus/manifest.json",
              R"({"articles":[{"file":"a.txt","outlet":"X","published":"2026-13-45"}]})");
    CommandResult r =
        RunCommand(kBinary + " ingest --db " + db + " " + Quote(dir.path() / "corpus"));
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("manifest") != std::string::npos);
    CHECK(r.err.find("2026-13-45") != std::string::npos);
  }
  SUBCASE("a bad --published") {
    const auto f = dir.Write("a.txt", "Shares rose 5%.");
    CommandResult r =
        RunCommand(kBinary + " ingest --db " + db + " --published 27/04/2026 " + Quote(f));
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("27/04/2026") != std::string::npos);
  }
  SUBCASE("a report with no database") {
    CommandResult r = RunCommand(kBinary + " report --db " + db);
    CHECK(r.exit_code == 66);
    CHECK(r.err.find("ingest") != std::string::npos);
  }
  SUBCASE("a usage error") {
    CommandResult r = RunCommand(kBinary + " ingest --no-such-flag x");
    CHECK(r.exit_code == 64);
  }
  SUBCASE("one bad file among good ones: the run goes on") {
    dir.Write("mixed/good.txt", "Acme's revenue rose to $5 billion in 2024.");
    dir.Write("mixed/bad.txt", std::string("\xFF\xFE broken"));
    CommandResult r =
        RunCommand(kBinary + " ingest --db " + db + " " + Quote(dir.path() / "mixed"));
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("bad.txt") != std::string::npos);
    CommandResult strict =
        RunCommand(kBinary + " ingest --strict --db " + db + " " + Quote(dir.path() / "mixed"));
    CHECK(strict.exit_code == 1);
  }
}

TEST_CASE("cli: a 50 MB file of one line is read without trouble") {
  TempDir dir;
  std::string big;
  big.reserve(50u << 20);
  const std::string chunk = "the committee discussed the matter at length and then ";
  while (big.size() + chunk.size() < (50u << 20)) big += chunk;
  big += "the fund grew 4% to $1.2 billion in March 2024.";
  const auto f = dir.Write("big.txt", big);
  CommandResult r =
      RunCommand(kBinary + " extract --format text --published 2025-01-01 " + Quote(f));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("$1.2 billion") != std::string::npos);
  CHECK(r.out.find("March 2024") != std::string::npos);
}

TEST_CASE("cli: a page saved twice is stored once, and status and the log say so") {
  TempDir dir;
  const std::string page =
      "<html><head><title>Rates</title></head><body><article><h1>Rates</h1><p>The central "
      "bank of Norway raised its policy rate to 4.5% in March 2026, its first increase in two "
      "years, and said more rises could follow this year.</p></article></body></html>";
  dir.Write("pages/story.html", page);
  dir.Write("pages/story-print.html", page);
  const std::string db = Quote(dir.path() / "news.db");
  CommandResult run =
      RunCommand(kBinary + " ingest --db " + db + " " + Quote(dir.path() / "pages"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.find("1 copy of stored articles") != std::string::npos);
  CHECK(RunCommand("sqlite3 " + db + " 'SELECT count(*) FROM articles'").out == "1\n");
  // The folder is read in name order: story-print.html first, story.html its copy.
  CHECK(RunCommand("sqlite3 " + db +
                   " 'SELECT c.label, a.label FROM article_copies c JOIN articles a ON a.id = "
                   "c.article_id'")
            .out == "story.html|story-print.html\n");
  CommandResult status = RunCommand(kBinary + " status --db " + db);
  REQUIRE(status.exit_code == 0);
  CHECK(status.out.find("1 articles (and 1 copy of them)") != std::string::npos);
  CHECK(status.out.find("1 new, 0 changed, 0 unchanged, 1 copy,") != std::string::npos);
}

TEST_CASE("cli: an agency story two outlets ran is one source in agreements") {
  TempDir dir;
  const std::string story =
      "Northwind Shipping said on Tuesday that its revenue rose 12% to $4.1 billion in 2025, "
      "helped by higher freight rates on routes between Asia and Europe and by a larger fleet.\n"
      "The company expects to take delivery of six new container ships by the end of next year "
      "and plans to hire about 800 people at its terminals.\n"
      "Chief executive Anna de Vries said demand had held up better than expected in the second "
      "half, although rates had started to fall again in December.\n";
  dir.Write("pages/agency.txt", story + "Shares in the company rose in early trading.\n");
  dir.Write("pages/daily.txt",
            "ROTTERDAM (Wire) - " + story + "Read more about shipping on our business pages.\n");
  // Its own reporting, the same figure.
  dir.Write("pages/gazette.txt",
            "Northwind Shipping had a strong year. Northwind Shipping's revenue grew by 12% in "
            "2025, to $4.1 billion, its annual report shows, as freight rates stayed high for most "
            "of the year.\n");
  const std::string db = Quote(dir.path() / "news.db");
  CommandResult run = RunCommand(kBinary + " ingest --db " + db + " --published 2026-02-10 " +
                                 Quote(dir.path() / "pages"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.find("daily.txt: 6 claims; nearly the text of") != std::string::npos);
  CHECK(RunCommand("sqlite3 " + db +
                   " 'SELECT a.label, s.label FROM articles a JOIN articles s ON s.id = "
                   "a.story_id'")
            .out == "daily.txt|agency.txt\n");
  CommandResult report = RunCommand(kBinary + " report --db " + db + " --format json");
  REQUIRE(report.exit_code == 0);
  const auto j = nlohmann::json::parse(report.out);
  REQUIRE(j["agreements"].size() == 2);  // the amount and the percentage
  for (const auto& a : j["agreements"]) {
    CHECK(a["reason"].get<std::string>().rfind("2 sources agree", 0) == 0);
    REQUIRE(a["claims"].size() == 2);
    CHECK(a["claims"][0]["article"]["label"] == "agency.txt");
    CHECK(a["claims"][0]["article"]["also_published_by"] == nlohmann::json::array({"daily.txt"}));
    CHECK(a["claims"][1]["article"]["label"] == "gazette.txt");
  }
  CommandResult status = RunCommand(kBinary + " status --db " + db);
  CHECK(status.out.find("3 articles (1 of them a near copy of another)") != std::string::npos);
}

TEST_CASE("cli: ingesting the corpus twice leaves the same database, and the report shows it") {
  TempDir dir;
  const std::string db = Quote(dir.path() / "demo.db");
  CommandResult first = RunCommand(kBinary + " ingest --db " + db + " " + Quote(kCorpus));
  REQUIRE(first.exit_code == 0);
  CommandResult dump1 = RunCommand("sqlite3 " + db + " .dump");
  CommandResult again = RunCommand(kBinary + " ingest --db " + db + " " + Quote(kCorpus));
  REQUIRE(again.exit_code == 0);
  CommandResult dump2 = RunCommand("sqlite3 " + db + " .dump");
  REQUIRE(dump1.exit_code == 0);
  // Everything but the run log (each run is a row of runs and run_sources).
  auto without_runs = [](const std::string& dump) {
    std::string out;
    size_t at = 0;
    while (at < dump.size()) {
      size_t end = dump.find('\n', at);
      end = end == std::string::npos ? dump.size() : end + 1;
      std::string_view line(dump.data() + at, end - at);
      if (line.rfind("INSERT INTO runs ", 0) != 0 && line.rfind("INSERT INTO run_sources ", 0) != 0)
        out += line;
      at = end;
    }
    return out;
  };
  CHECK(without_runs(dump1.out) == without_runs(dump2.out));
  CHECK(RunCommand("sqlite3 " + db + " 'SELECT count(*) FROM runs'").out == "2\n");

  CommandResult json = RunCommand(kBinary + " report --format json --db " + db);
  REQUIRE(json.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(json.out);
  REQUIRE(j.contains("conflicts"));
  REQUIRE(j.contains("agreements"));
  CHECK(!j["conflicts"].empty());
  for (const auto& c : j["conflicts"]) {
    for (const char* key :
         {"id", "entity", "attribute", "as_of", "reason", "severity", "status", "claims"})
      CHECK_MESSAGE(c.contains(key), key);
    CHECK(c["claims"].size() == 2);
    for (const auto& side : c["claims"]) {
      CHECK(side.contains("article"));
      CHECK(side["article"].contains("outlet"));
      CHECK(side["article"].contains("published"));
    }
  }
  CommandResult text = RunCommand(kBinary + " report --db " + db);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("last October") != std::string::npos);
  CHECK(text.out.find("US$850 billion") != std::string::npos);
  CommandResult md = RunCommand(kBinary + " report --format markdown --db " + db);
  CHECK(md.exit_code == 0);
  CHECK(md.out.find("#") != std::string::npos);
}

}  // namespace
}  // namespace newsrecon
