#include "pipeline/report/report.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

namespace newsrecon {
namespace {

constexpr CivilDate kApr27{2026, 4, 27};

// A stored claim cut from a hand-written article text: `sentence` starts at
// byte `sentence_start` of the article, and the figure `figure` is found in it.
StoredClaim Quoted(int64_t id, const std::string& outlet, const std::string& url,
                   const std::string& sentence, size_t sentence_start, const std::string& figure,
                   MentionValue value, MentionKind kind, Hedge hedge = Hedge::kExact,
                   const std::string& hedge_text = "") {
  StoredClaim c;
  c.id = id;
  c.article_id = id;
  c.article.outlet = outlet;
  c.article.url = url;
  c.article.title = "Title " + std::to_string(id);
  c.article.published = kApr27;
  c.article.published_method = PublishedMethod::kManifest;
  c.sentence = sentence;
  c.claim.sentence = {sentence_start, sentence_start + sentence.size()};
  const size_t at = sentence.find(figure);
  c.claim.mention.span = {sentence_start + at, sentence_start + at + figure.size()};
  c.claim.mention.text = figure;
  c.claim.mention.kind = kind;
  c.claim.mention.value = std::move(value);
  c.claim.mention.hedge = hedge;
  c.claim.mention.hedge_text = hedge_text;
  c.claim.mention.rule = "money.symbol_amount";
  c.claim.entity = "OpenAI";
  c.claim.attribute = "valuation";
  c.claim.as_of = {kApr27, kApr27, AsOfBasis::kLatest, ""};
  return c;
}

Findings SampleFindings() {
  StoredClaim beijing =
      Quoted(7, "Beijing Time report", "https://bjt.example/openai",
             "OpenAI's latest financing valuation of US$850 billion was confirmed.", 120,
             "US$850 billion", MoneyValue{850e9, std::nullopt, "USD", 1e9}, MentionKind::kMoney);
  beijing.claim.interval = {849.5e9, 850.5e9};
  StoredClaim gogo = Quoted(9, "GogoAI News", "https://gogo.example/x",
                            "OpenAI's latest valuation has surpassed the $300 billion mark.", 40,
                            "$300 billion", MoneyValue{300e9, std::nullopt, "USD", 1e9},
                            MentionKind::kMoney, Hedge::kMoreThan, "surpassed");
  gogo.claim.interval = {300e9, 375e9};
  Conflict c;
  c.id = "c0123456789ab";
  c.key = {"OpenAI", "valuation", ""};
  c.as_of = {kApr27, kApr27, AsOfBasis::kLatest, ""};
  c.reason =
      "Beijing Time report (2026-04-27) puts OpenAI valuation (latest) at $850 billion; GogoAI "
      "News (2026-04-27) at more than $300 billion: 2.3 times apart.";
  c.severity = 2.25;
  c.severity_unit = SeverityUnit::kRatio;
  c.claims = {beijing, gogo};

  Agreement a;
  a.id = "a0000000000ff";
  a.key = {"Microsoft", "licence_end", ""};
  a.as_of = {kApr27, kApr27, AsOfBasis::kTimeless, ""};
  a.reason = "2 sources agree on Microsoft licence end: 2032.";
  for (int i = 0; i < 2; ++i) {
    StoredClaim s = Quoted(20 + i, i == 0 ? "Reuters" : "CNBC", "",
                           "Microsoft's licence runs through 2032.", 0, "2032",
                           DateValue{{2032, 1, 1},
                                     {2032, 12, 31},
                                     Granularity::kYear,
                                     DateResolution::kAbsolute,
                                     std::nullopt,
                                     ""},
                           MentionKind::kDate);
    s.article.path = "corpus/article" + std::to_string(i) + ".html";
    a.claims.push_back(s);
  }
  Findings f;
  f.conflicts.push_back(c);
  f.agreements.push_back(a);
  return f;
}

TEST_CASE("report formats parse by name") {
  CHECK(ParseReportFormat("text") == ReportFormat::kText);
  CHECK(ParseReportFormat("markdown") == ReportFormat::kMarkdown);
  CHECK(ParseReportFormat("json") == ReportFormat::kJson);
  const char* bad[] = {"", "html", "JSON", "md", "text "};
  for (const char* name : bad) {
    CAPTURE(name);
    CHECK_FALSE(ParseReportFormat(name).has_value());
  }
}

TEST_CASE("claim JSON has the extract line shape of guide §5") {
  StoredClaim s = SampleFindings().conflicts[0].claims[1];  // GogoAI, more than $300 billion
  nlohmann::json j = ClaimJson(s.claim, s.sentence);
  const char* keys[] = {"kind",      "text",  "start",      "end",     "sentence",
                        "value",     "hedge", "hedge_text", "entity",  "attribute",
                        "qualifier", "as_of", "rule",       "interval"};
  for (const char* k : keys) {
    CAPTURE(k);
    CHECK(j.contains(k));
  }
  CHECK(j["kind"] == "money");
  CHECK(j["text"] == "$300 billion");
  // The sentence starts at byte 40 and "$300 billion" at byte 44 of it.
  CHECK(j["start"] == 84);
  CHECK(j["end"] == 96);
  CHECK(j["sentence"] == "OpenAI's latest valuation has surpassed the $300 billion mark.");
  CHECK(j["value"]["amount"].is_number_integer());
  CHECK(j["value"]["amount"] == 300000000000LL);
  CHECK(j["value"]["currency"] == "USD");
  CHECK_FALSE(j["value"].contains("amount_high"));
  CHECK(j["hedge"] == "more_than");
  CHECK(j["hedge_text"] == "surpassed");
  CHECK(j["entity"] == "OpenAI");
  CHECK(j["attribute"] == "valuation");
  CHECK(j["qualifier"] == "");
  CHECK(j["as_of"] ==
        nlohmann::json({{"start", "2026-04-27"}, {"end", "2026-04-27"}, {"basis", "latest"}}));
  CHECK(j["rule"] == "money.symbol_amount");
  CHECK(j["interval"]["low"] == 300000000000LL);
  CHECK(j["interval"]["high"] == 375000000000LL);
}

TEST_CASE("claim JSON values: dates, percents, ranges, unknown entity") {
  Claim date;
  date.mention.kind = MentionKind::kDate;
  date.mention.value =
      DateValue{{2025, 10, 1}, {2025, 10, 31}, Granularity::kMonth, DateResolution::kRelative,
                kApr27,        "late"};
  date.as_of = {kApr27, kApr27, AsOfBasis::kEvent, "recapitalisation"};
  nlohmann::json d = ClaimJson(date, "");
  CHECK(d["value"] == nlohmann::json({{"start", "2025-10-01"},
                                      {"end", "2025-10-31"},
                                      {"granularity", "month"},
                                      {"resolution", "relative"},
                                      {"anchor", "2026-04-27"},
                                      {"part", "late"}}));
  CHECK(d["as_of"]["event"] == "recapitalisation");
  CHECK(d["entity"].is_null());
  CHECK(d["attribute"].is_null());

  Claim pct;
  pct.mention.kind = MentionKind::kPercent;
  pct.mention.value = PercentValue{20, 25.0, true, 1};
  nlohmann::json p = ClaimJson(pct, "x");
  CHECK(p["value"] == nlohmann::json({{"percent", 20}, {"percent_high", 25}, {"points", true}}));

  Claim plain;
  plain.mention.kind = MentionKind::kPercent;
  plain.mention.value = PercentValue{27.5, std::nullopt, false, 0.1};
  nlohmann::json q = ClaimJson(plain, "x");
  CHECK(q["value"] == nlohmann::json({{"percent", 27.5}}));

  Claim range;
  range.mention.kind = MentionKind::kMoney;
  range.mention.value = MoneyValue{10e9, 15e9, "EUR", 1e9};
  nlohmann::json r = ClaimJson(range, "x");
  CHECK(r["value"] ==
        nlohmann::json(
            {{"amount", 10000000000LL}, {"currency", "EUR"}, {"amount_high", 15000000000LL}}));
}

TEST_CASE("findings JSON has the report shape of guide §5") {
  nlohmann::json j = FindingsJson(SampleFindings());
  REQUIRE(j["conflicts"].size() == 1);
  REQUIRE(j["agreements"].size() == 1);
  const nlohmann::json& c = j["conflicts"][0];
  CHECK(c["id"] == "c0123456789ab");
  CHECK(c["entity"] == "OpenAI");
  CHECK(c["attribute"] == "valuation");
  CHECK(c["qualifier"] == "");
  CHECK(c["as_of"]["basis"] == "latest");
  CHECK(c["as_of"]["start"] == "2026-04-27");
  CHECK(c["severity"] == 2.25);
  CHECK(c["severity_unit"] == "ratio");
  CHECK(c["status"] == "open");
  CHECK(c["reason"].get<std::string>().find("2.3 times apart") != std::string::npos);
  REQUIRE(c["claims"].size() == 2);
  const nlohmann::json& first = c["claims"][0];
  CHECK(first["id"] == 7);
  CHECK(first["text"] == "US$850 billion");
  CHECK(first["value"]["amount"] == 850000000000LL);
  CHECK(first["article"]["url"] == "https://bjt.example/openai");
  CHECK_FALSE(first["article"].contains("path"));
  CHECK(first["article"]["outlet"] == "Beijing Time report");
  CHECK(first["article"]["published"] == "2026-04-27");
  CHECK(first["article"]["published_method"] == "manifest");
  CHECK(first["article"]["title"] == "Title 7");

  const nlohmann::json& a = j["agreements"][0];
  CHECK(a["id"] == "a0000000000ff");
  CHECK(a["sources"] == 2);
  CHECK(a["as_of"]["basis"] == "timeless");
  CHECK(a["claims"][0]["article"]["path"] == "corpus/article0.html");
  CHECK_FALSE(a["claims"][0]["article"].contains("url"));
  CHECK(a["claims"][0]["value"]["granularity"] == "year");

  // RenderReport's JSON is the same value.
  CHECK(nlohmann::json::parse(RenderReport(SampleFindings(), ReportFormat::kJson)) == j);
  CHECK(FindingsJson(Findings{}) == nlohmann::json({{"conflicts", nlohmann::json::array()},
                                                    {"agreements", nlohmann::json::array()}}));
}

TEST_CASE("text report shows both quotes with the figure marked, and the reason") {
  const std::string text = RenderReport(SampleFindings(), ReportFormat::kText);
  CAPTURE(text);
  CHECK(text.find("1 conflict, 1 agreement") != std::string::npos);
  CHECK(text.find("OpenAI's latest financing valuation of »US$850 billion« was confirmed.") !=
        std::string::npos);
  CHECK(text.find("has surpassed the »$300 billion« mark.") != std::string::npos);
  // The reason is wrapped at 100 columns; its words all appear in order.
  CHECK(text.find("Beijing Time report (2026-04-27) puts OpenAI valuation (latest) at $850") !=
        std::string::npos);
  CHECK(text.find("more than $300 billion: 2.3 times apart.") != std::string::npos);
  CHECK(text.find("OpenAI · valuation · latest (2026-04-27)") != std::string::npos);
  CHECK(text.find("https://bjt.example/openai") != std::string::npos);
  CHECK(text.find("hedge: more than (\"surpassed\")") != std::string::npos);
  CHECK(text.find("2 sources agree on Microsoft licence end: 2032.") != std::string::npos);
  CHECK(text.find("through »2032«.") != std::string::npos);
  CHECK(text.find("conflicts found") == std::string::npos);
  // Conflicts come before agreements.
  CHECK(text.find("CONFLICTS") < text.find("AGREEMENTS"));
  std::istringstream lines(text);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    CAPTURE(++n);
    size_t width = 0;
    for (unsigned char ch : line) width += (ch & 0xC0) != 0x80;
    CHECK(width <= static_cast<size_t>(kReportColumns));
  }
}

TEST_CASE("every format names the sources that carried an article word for word") {
  Findings f = SampleFindings();
  // Copies by label, in the order found; the article's own label and a
  // repeated one are named once at most.
  f.agreements[0].claims[0].copies = {"Yahoo Finance", "Reuters", "MSN", "Yahoo Finance"};
  const std::string text = RenderReport(f, ReportFormat::kText);
  CAPTURE(text);
  CHECK(text.find("Reuters · 2026-04-27 · corpus/article0.html · also published by Yahoo "
                  "Finance, MSN\n") != std::string::npos);
  CHECK(text.find("also published by", text.find("also published by") + 1) == std::string::npos);
  const std::string md = RenderReport(f, ReportFormat::kMarkdown);
  CAPTURE(md);
  CHECK(md.find("corpus/article0.html · also published by Yahoo Finance, MSN:") !=
        std::string::npos);
  const nlohmann::json j = FindingsJson(f);
  CHECK(j["agreements"][0]["claims"][0]["article"]["also_published_by"] ==
        nlohmann::json({"Yahoo Finance", "MSN"}));
  // No copies: no key.
  CHECK_FALSE(j["agreements"][0]["claims"][1]["article"].contains("also_published_by"));
  CHECK_FALSE(j["conflicts"][0]["claims"][0]["article"].contains("also_published_by"));
}

TEST_CASE("markdown report bolds the figure and escapes markup in quotes") {
  Findings f = SampleFindings();
  StoredClaim& s = f.conflicts[0].claims[0];
  s.sentence = "Open_AI's *latest* | valuation of US$850 billion.";
  s.claim.sentence = {0, s.sentence.size()};
  s.claim.mention.span = {34, 48};
  REQUIRE(s.sentence.substr(34, 14) == "US$850 billion");
  const std::string md = RenderReport(f, ReportFormat::kMarkdown);
  CAPTURE(md);
  CHECK(md.find("Open\\_AI's \\*latest\\* \\| valuation of **US$850 billion**.") !=
        std::string::npos);
  CHECK(md.find("has surpassed the **$300 billion** mark.") != std::string::npos);
  CHECK(md.find("## Conflicts") < md.find("## Agreements"));
  CHECK(md.find("<https://bjt.example/openai>") != std::string::npos);
  CHECK(md.find("corpus/article0.html") != std::string::npos);
  CHECK(md.find("1 conflict, 1 agreement") != std::string::npos);
}

TEST_CASE("empty findings say so") {
  const ReportFormat formats[] = {ReportFormat::kText, ReportFormat::kMarkdown};
  for (ReportFormat format : formats) {
    CAPTURE(static_cast<int>(format));
    const std::string out = RenderReport(Findings{}, format);
    CHECK(out.find("No conflicts found.") != std::string::npos);
    CHECK(out.find("No agreements found.") != std::string::npos);
    CHECK(out.find("0 conflicts, 0 agreements") != std::string::npos);
  }
}

TEST_CASE("inconsistent offsets never crash and fall back sensibly") {
  struct Case {
    const char* id;
    ByteSpan span;
    ByteSpan sentence;
    const char* want;  // what the text report must contain
  };
  // The sentence "Worth $5 billion now." starts at byte 100 in each case but
  // the claim's offsets are off in different ways.
  const Case cases[] = {
      {"span-before-sentence", {10, 20}, {100, 121}, "Worth »$5 billion« now."},
      {"span-past-end", {150, 170}, {100, 121}, "Worth »$5 billion« now."},
      {"span-reversed", {120, 110}, {100, 121}, "Worth »$5 billion« now."},
      {"span-wrong-text", {100, 105}, {100, 121}, "Worth »$5 billion« now."},
      {"huge-offsets",
       {size_t(-5), size_t(-1)},
       {size_t(-10), size_t(-2)},
       "Worth »$5 billion« now."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    Findings f = SampleFindings();
    StoredClaim& s = f.conflicts[0].claims[0];
    s.sentence = "Worth $5 billion now.";
    s.claim.mention.text = "$5 billion";
    s.claim.mention.span = c.span;
    s.claim.sentence = c.sentence;
    const std::string text = RenderReport(f, ReportFormat::kText);
    CHECK(text.find(c.want) != std::string::npos);
  }
  // The figure is nowhere in the sentence: the sentence prints unmarked.
  Findings f = SampleFindings();
  f.conflicts[0].claims[0].claim.mention.text = "$9 trillion";
  f.conflicts[0].claims[0].claim.mention.span = {500, 511};
  const std::string text = RenderReport(f, ReportFormat::kText);
  CHECK(text.find("\"OpenAI's latest financing valuation of US$850 billion was confirmed.\"") !=
        std::string::npos);
  // Invalid UTF-8 in a sentence does not make JSON throw.
  f.conflicts[0].claims[0].sentence = "bad \xff byte";
  CHECK_NOTHROW(RenderReport(f, ReportFormat::kJson));
}

}  // namespace
}  // namespace newsrecon
