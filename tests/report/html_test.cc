// The HTML page's pieces that need no browser: escaping, the marked figure
// cut at its byte span, data attributes for the filters, OnlyStatus.
#include "pipeline/report/html.h"

#include <doctest/doctest.h>

#include <string>

#include "pipeline/report/report.h"

namespace newsrecon {
namespace {

constexpr CivilDate kDay{2026, 4, 27};

StoredClaim Claim1(int64_t id, const std::string& outlet, const std::string& sentence,
                   const std::string& figure, double amount) {
  StoredClaim c;
  c.id = id;
  c.article_id = id;
  c.article.outlet = outlet;
  c.article.url = "https://example.com/" + std::to_string(id) + "?a=1&b=2";
  c.article.published = kDay;
  c.sentence = sentence;
  c.claim.sentence = {100, 100 + sentence.size()};
  const size_t at = sentence.rfind(figure);  // the last occurrence: the span decides
  c.claim.mention.span = {100 + at, 100 + at + figure.size()};
  c.claim.mention.text = figure;
  c.claim.mention.kind = MentionKind::kMoney;
  c.claim.mention.value = MoneyValue{amount, std::nullopt, "USD", 1e9};
  c.claim.entity = "OpenAI";
  c.claim.attribute = "valuation";
  c.claim.as_of = {kDay, kDay, AsOfBasis::kLatest, ""};
  c.claim.interval = {amount - 0.5e9, amount + 0.5e9};
  return c;
}

TEST_CASE("html: escaping") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"a & b", "a &amp; b"},
               {"<script>", "&lt;script&gt;"},
               {"\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"},
               {"€5m · “x”", "€5m · “x”"},
               {"", ""}};
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(HtmlEscape(c.in) == c.out);
  }
}

TEST_CASE("html: the figure is marked at its span, everything escaped, filters have data") {
  DeskView v;
  Conflict k;
  k.id = "c0123456789ab";
  k.key = {"OpenAI", "valuation", ""};
  k.as_of = {kDay, kDay, AsOfBasis::kLatest, ""};
  k.reason = "A <b> reason & more";
  k.severity = 2.27;
  k.status = ReviewStatus::kDismissed;
  // "$300 billion" appears twice; the span points at the second one.
  k.claims = {
      Claim1(1, "Gogo <News>", "Not $300 billion <sic> but $300 billion.", "$300 billion", 300e9),
      Claim1(2, "Beijing", "Valued at US$850 billion.", "US$850 billion", 850e9)};
  k.claims[1].copies = {"Wire & Co"};
  v.findings.conflicts.push_back(k);
  v.reviews.push_back(
      {"c0123456789ab", ReviewStatus::kDismissed, "old <figure>", "ana", "2026-05-01T00:00:00Z"});
  const std::string html = RenderHtmlReport(v);
  CHECK(html.find("<div class=\"also\">also published by Wire &amp; Co</div>") !=
        std::string::npos);
  CHECK(html.find("Not $300 billion &lt;sic&gt; but <mark>$300 billion</mark>.") !=
        std::string::npos);
  CHECK(html.find("<mark>US$850 billion</mark>") != std::string::npos);
  CHECK(html.find("A &lt;b&gt; reason &amp; more") != std::string::npos);
  CHECK(html.find("Gogo &lt;News&gt;") != std::string::npos);
  CHECK(html.find("Gogo <News>") == std::string::npos);
  CHECK(html.find("href=\"https://example.com/1?a=1&amp;b=2\"") != std::string::npos);
  CHECK(html.find("data-status=\"dismissed\"") != std::string::npos);
  CHECK(html.find("data-outlets=\"|Beijing|Gogo &lt;News&gt;|\"") != std::string::npos);
  CHECK(html.find("old &lt;figure&gt;") != std::string::npos);
  CHECK(html.find("<meta name=\"viewport\"") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);  // no external resource, only the data's https
  CHECK(html.back() == '\n');
}

TEST_CASE("html: a timeline appears only when a key's figures refer to different times") {
  DeskView v;
  v.claims = {Claim1(1, "A", "Worth $29 billion.", "$29 billion", 29e9),
              Claim1(2, "B", "Worth $850 billion.", "$850 billion", 850e9)};
  CHECK(RenderHtmlReport(v).find("<svg class=\"chart\"") == std::string::npos);
  v.claims[0].claim.as_of = {{2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit, ""};
  const std::string html = RenderHtmlReport(v);
  CHECK(html.find("<svg class=\"chart\"") != std::string::npos);
  // Ordered by as-of: the 2023 figure's row comes first.
  CHECK(html.find("<b>$29 billion</b>") < html.find("<b>$850 billion</b>"));
}

TEST_CASE("report: OnlyStatus keeps the conflicts of one status and every agreement") {
  Findings f;
  for (ReviewStatus s : {ReviewStatus::kOpen, ReviewStatus::kDismissed, ReviewStatus::kOpen}) {
    Conflict c;
    c.status = s;
    f.conflicts.push_back(c);
  }
  f.agreements.resize(2);
  Findings open = OnlyStatus(f, ReviewStatus::kOpen);
  CHECK(open.conflicts.size() == 2);
  CHECK(open.agreements.size() == 2);
  CHECK(OnlyStatus(f, ReviewStatus::kConfirmed).conflicts.empty());
}

}  // namespace
}  // namespace newsrecon
