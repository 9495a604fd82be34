// The HTML report as a reader sees it: headless Chromium loads the page,
// runs its script, and we read the DOM it dumps; screenshots at laptop and
// phone sizes are kept in the build directory for a person to look at.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

const std::string kBinary = NEWSRECON_BINARY;
const std::string kCorpus = std::string(NEWSRECON_SOURCE_DIR) + "/corpora/msft-openai-2026-04";
const char kChromium[] = "/usr/bin/chromium";

std::string Q(const std::string& s) { return "'" + s + "'"; }

std::string Chromium(const std::string& args) {
  return std::string(kChromium) +
         " --headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions " + args;
}

// The <article class="conflict ..."> opening tags of a DOM.
std::vector<std::string> ConflictTags(const std::string& dom) {
  std::vector<std::string> out;
  const std::regex tag("<article class=\"conflict[^>]*>");
  for (std::sregex_iterator it(dom.begin(), dom.end(), tag), end; it != end; ++it)
    out.push_back(it->str());
  return out;
}

TEST_CASE("desk: the HTML report in a real browser, with filters and screenshots") {
  REQUIRE_MESSAGE(std::filesystem::exists(kChromium),
                  "Chromium is a declared test dependency (tools/install-deps.sh installs it); "
                  "/usr/bin/chromium is missing");
  TempDir dir;
  const std::string db = dir.File("news.db");
  const std::string page = dir.File("report.html");
  REQUIRE(RunCommand(kBinary + " ingest --db " + Q(db) + " " + Q(kCorpus)).exit_code == 0);
  REQUIRE(RunCommand(kBinary +
                     " review c5c451a194eba --verdict confirmed --note 'two dates' "
                     "--reviewer desk --at 2026-05-01T09:00:00Z --db " +
                     Q(db))
              .exit_code == 0);
  CommandResult r =
      RunCommand(kBinary + " report --format html --db " + Q(db) + " --out " + Q(page));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string html = ReadFile(page);
  // Self-contained: nothing is loaded from elsewhere.
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);

  r = RunCommand(Chromium("--dump-dom file://" + page));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string dom = r.out;
  // Conflict headings, both quotes with the figure marked, outlets, timeline.
  CHECK(dom.find("OpenAI · valuation · latest") != std::string::npos);
  CHECK(dom.find("OpenAI · recapitalisation") != std::string::npos);
  CHECK(dom.find("<mark>$300 billion</mark>") != std::string::npos);
  CHECK(dom.find("<mark>US$850 billion</mark>") != std::string::npos);
  CHECK(dom.find("<mark>last October</mark>") != std::string::npos);
  CHECK(dom.find("<mark>October 2023</mark>") != std::string::npos);
  CHECK(dom.find("GogoAI News") != std::string::npos);
  CHECK(dom.find("beijing-time-report.txt") != std::string::npos);
  CHECK(dom.find("<svg class=\"chart\"") != std::string::npos);
  CHECK(dom.find("<h3>OpenAI valuation</h3>") != std::string::npos);
  // The review history is on the page, and JS counted all conflicts.
  CHECK(dom.find("two dates") != std::string::npos);
  CHECK(dom.find("Showing 3 of 3 conflicts") != std::string::npos);
  std::vector<std::string> all = ConflictTags(dom);
  CHECK(all.size() == 3);
  for (const std::string& t : all) CHECK(t.find("hidden") == std::string::npos);

  // The filter read from the URL: only open conflicts stay visible.
  {
    CommandResult f = RunCommand(Chromium("--dump-dom " + Q("file://" + page + "#status=open")));
    CHECK(f.exit_code == 0);
    std::vector<std::string> tags = ConflictTags(f.out);
    CHECK(tags.size() == 3);
    int visible = 0;
    for (const std::string& t : tags) {
      CAPTURE(t);
      const bool hidden = t.find(" hidden") != std::string::npos;
      const bool open = t.find("data-status=\"open\"") != std::string::npos;
      CHECK(hidden != open);
      if (!hidden) ++visible;
    }
    CHECK(visible == 2);
    CHECK(f.out.find("Showing 2 of 3 conflicts") != std::string::npos);
  }
  // Screenshots at laptop and phone sizes, kept beside the binary.
  const std::filesystem::path build = std::filesystem::path(kBinary).parent_path();
  for (const auto& [name, size] : {std::pair{"report-screenshot.png", "1280,2000"},
                                   std::pair{"report-screenshot-phone.png", "390,844"}}) {
    const std::string png = (build / name).string();
    std::filesystem::remove(png);
    CommandResult s = RunCommand(
        Chromium("--screenshot=" + Q(png) + " --window-size=" + size + " " + Q("file://" + page)));
    CHECK(s.exit_code == 0);
    CHECK(std::filesystem::exists(png));
    CHECK(std::filesystem::file_size(png) > 10000);
    MESSAGE("screenshot: " << png);
  }
}

}  // namespace
}  // namespace newsrecon
