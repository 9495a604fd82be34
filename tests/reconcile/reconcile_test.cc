#include "pipeline/reconcile/reconcile.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "pipeline/core/hedge.h"
#include "pipeline/reconcile/describe.h"

namespace newsrecon {
namespace {

constexpr CivilDate kApr27{2026, 4, 27};

// Builds a StoredClaim by hand: an article, a key, a value with its hedge and
// an as-of window; the interval comes from pipeline/core/hedge.h as in the
// real pipeline.
class ClaimBuilder {
 public:
  ClaimBuilder(int64_t article_id, std::string outlet, CivilDate published) {
    c_.article_id = article_id;
    c_.id = article_id * 100;
    c_.article.outlet = std::move(outlet);
    c_.article.url = "https://example.com/a" + std::to_string(article_id);
    c_.article.published = published;
    c_.claim.as_of = {published, published, AsOfBasis::kLatest, ""};
  }
  ClaimBuilder& Key(std::string entity, std::string attribute, std::string qualifier = "") {
    c_.claim.entity = std::move(entity);
    c_.claim.attribute = std::move(attribute);
    c_.claim.qualifier = std::move(qualifier);
    return *this;
  }
  ClaimBuilder& Money(double amount, double resolution, Hedge hedge = Hedge::kExact,
                      std::string currency = "USD") {
    c_.claim.mention.kind = MentionKind::kMoney;
    c_.claim.mention.value = MoneyValue{amount, std::nullopt, std::move(currency), resolution};
    c_.claim.mention.hedge = hedge;
    return *this;
  }
  ClaimBuilder& Percent(double percent, Hedge hedge = Hedge::kExact) {
    c_.claim.mention.kind = MentionKind::kPercent;
    c_.claim.mention.value = PercentValue{percent, std::nullopt, false, 1};
    c_.claim.mention.hedge = hedge;
    return *this;
  }
  // A date claim: its as-of is timeless.
  ClaimBuilder& Date(CivilDate first, CivilDate last, Granularity g,
                     DateResolution r = DateResolution::kAbsolute) {
    c_.claim.mention.kind = MentionKind::kDate;
    DateValue d{first, last, g, r, std::nullopt, ""};
    if (r == DateResolution::kRelative) d.anchor = c_.article.published;
    c_.claim.mention.value = d;
    const CivilDate pub = c_.article.published.value_or(CivilDate{});
    c_.claim.as_of = {pub, pub, AsOfBasis::kTimeless, ""};
    return *this;
  }
  ClaimBuilder& AsOfWindow(CivilDate first, CivilDate last, AsOfBasis basis) {
    c_.claim.as_of = {first, last, basis, ""};
    return *this;
  }
  ClaimBuilder& Text(std::string text, size_t start = 10) {
    c_.claim.mention.span = {start, start + text.size()};
    c_.claim.mention.text = std::move(text);
    return *this;
  }
  ClaimBuilder& Id(int64_t id) {
    c_.id = id;
    return *this;
  }
  ClaimBuilder& Story(int64_t story_id) {
    c_.story_id = story_id;
    return *this;
  }
  StoredClaim Build() {
    StoredClaim out = c_;
    out.claim.interval = ComputeInterval(out.claim.mention);
    return out;
  }

 private:
  StoredClaim c_;
};

StoredClaim Valuation(int64_t article, const std::string& outlet, double amount, Hedge hedge,
                      const std::string& text) {
  return ClaimBuilder(article, outlet, kApr27)
      .Key("OpenAI", "valuation")
      .Money(amount, 1e9, hedge)
      .Text(text)
      .Build();
}

bool IsId(const std::string& id, char prefix) {
  if (id.size() != 13 || id[0] != prefix) return false;
  return std::all_of(id.begin() + 1, id.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// ---- guide §3: what is not a conflict ----------------------------------

struct NoConflictCase {
  const char* id;
  std::vector<StoredClaim> claims;
  size_t agreements;
};

TEST_CASE("guide §3 pairs that are not conflicts") {
  const std::vector<NoConflictCase> cases = {
      {"different-times: about $29B in Jan 2023 vs $850B latest",
       {ClaimBuilder(1, "A", {2026, 4, 20})
            .Key("OpenAI", "valuation")
            .Money(29e9, 1e9, Hedge::kAbout)
            .AsOfWindow({2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit)
            .Text("$29 billion")
            .Build(),
        Valuation(2, "B", 850e9, Hedge::kExact, "$850 billion")},
       0},
      {"part-and-total: initial $15B vs total $50B",
       {ClaimBuilder(1, "A", kApr27)
            .Key("Amazon", "investment", "initial")
            .Money(15e9, 1e9)
            .Text("$15 billion")
            .Build(),
        ClaimBuilder(2, "B", kApr27)
            .Key("Amazon", "investment", "total")
            .Money(50e9, 1e9)
            .Text("$50 billion")
            .Build()},
       0},
      {"different-attributes: licence through 2032 vs revenue share ends 2030",
       {ClaimBuilder(1, "A", kApr27)
            .Key("Microsoft", "licence_end")
            .Date({2032, 1, 1}, {2032, 12, 31}, Granularity::kYear)
            .Text("2032")
            .Build(),
        ClaimBuilder(2, "B", kApr27)
            .Key("Microsoft", "revenue_share_end")
            .Date({2030, 1, 1}, {2030, 12, 31}, Granularity::kYear)
            .Text("2030")
            .Build()},
       0},
      {"different-entities: Microsoft $3T vs Amazon $2T",
       {ClaimBuilder(1, "A", kApr27)
            .Key("Microsoft", "valuation")
            .Money(3e12, 1e12)
            .Text("$3 trillion")
            .Build(),
        ClaimBuilder(2, "B", kApr27)
            .Key("Amazon", "valuation")
            .Money(2e12, 1e12)
            .Text("$2 trillion")
            .Build()},
       0},
      {"hedge-compatible: more than $29B vs $29B",
       {ClaimBuilder(1, "A", kApr27)
            .Key("OpenAI", "valuation")
            .Money(29e9, 1e9, Hedge::kMoreThan)
            .AsOfWindow({2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit)
            .Text("$29 billion")
            .Build(),
        ClaimBuilder(2, "B", kApr27)
            .Key("OpenAI", "valuation")
            .Money(29e9, 1e9)
            .AsOfWindow({2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit)
            .Text("$29 billion")
            .Build()},
       1},
      {"hedge-compatible: approximately 27% vs roughly 27 %",
       {ClaimBuilder(1, "A", kApr27)
            .Key("Microsoft", "stake")
            .Percent(27, Hedge::kAbout)
            .Text("27%")
            .Build(),
        ClaimBuilder(2, "B", kApr27)
            .Key("Microsoft", "stake")
            .Percent(27, Hedge::kAbout)
            .Text("27 %")
            .Build()},
       1},
      {"same-article: $300B+ and $850B in one article",
       {Valuation(1, "A", 300e9, Hedge::kMoreThan, "$300 billion"), ClaimBuilder(1, "A", kApr27)
                                                                        .Key("OpenAI", "valuation")
                                                                        .Money(850e9, 1e9)
                                                                        .Text("$850 billion", 200)
                                                                        .Build()},
       0},
      {"syndicated: two articles under one outlet label",
       {Valuation(1, "Reuters", 300e9, Hedge::kMoreThan, "$300 billion"),
        Valuation(2, "Reuters", 850e9, Hedge::kExact, "$850 billion")},
       0},
      {"currencies: $100B vs €300B are not compared",
       {ClaimBuilder(1, "A", kApr27)
            .Key("OpenAI", "valuation")
            .Money(100e9, 1e9)
            .Text("$100 billion")
            .Build(),
        ClaimBuilder(2, "B", kApr27)
            .Key("OpenAI", "valuation")
            .Money(300e9, 1e9, Hedge::kExact, "EUR")
            .Text("€300 billion")
            .Build()},
       0},
      {"kinds: money vs percent under one key are not compared",
       {ClaimBuilder(1, "A", kApr27)
            .Key("OpenAI", "valuation")
            .Money(100e9, 1e9)
            .Text("$100 billion")
            .Build(),
        ClaimBuilder(2, "B", kApr27).Key("OpenAI", "valuation").Percent(27).Text("27%").Build()},
       0},
      {"unknown entity: skipped",
       {ClaimBuilder(1, "A", kApr27).Key("", "valuation").Money(1e9, 1e9).Text("$1bn").Build(),
        ClaimBuilder(2, "B", kApr27).Key("", "valuation").Money(9e9, 1e9).Text("$9bn").Build()},
       0},
  };
  for (const NoConflictCase& c : cases) {
    CAPTURE(c.id);
    Findings f = Reconcile(c.claims);
    CHECK(f.conflicts.empty());
    CHECK(f.agreements.size() == c.agreements);
  }
}

// ---- guide §3: what is a conflict ---------------------------------------

TEST_CASE("a stale figure presented as current is a conflict") {
  const std::vector<StoredClaim> claims = {
      Valuation(1, "GogoAI News", 300e9, Hedge::kMoreThan, "$300 billion"),
      Valuation(2, "Beijing Time report", 850e9, Hedge::kExact, "US$850 billion")};
  Findings f = Reconcile(claims);
  REQUIRE(f.conflicts.size() == 1);
  CHECK(f.agreements.empty());
  const Conflict& c = f.conflicts[0];
  // [300, 375] billion against [849.5, 850.5] billion: 849.5 / 375.
  CHECK(c.severity == doctest::Approx(849.5 / 375.0));
  CHECK(c.severity == doctest::Approx(2.2653).epsilon(0.001));
  CHECK(c.severity_unit == SeverityUnit::kRatio);
  CHECK(c.status == ReviewStatus::kOpen);
  CHECK(c.key == ClaimKey{"OpenAI", "valuation", ""});
  CHECK(IsId(c.id, 'c'));
  // Same publication date: ordered by label.
  REQUIRE(c.claims.size() == 2);
  CHECK(c.claims[0].article.outlet == "Beijing Time report");
  CHECK(c.claims[1].article.outlet == "GogoAI News");
  CHECK(c.reason ==
        "Beijing Time report (2026-04-27) puts OpenAI valuation (latest) at $850 billion; "
        "GogoAI News (2026-04-27) at more than $300 billion: 2.3 times apart.");
  CHECK(c.as_of.basis == AsOfBasis::kLatest);
  CHECK(c.as_of.first == kApr27);
}

TEST_CASE("earlier publication comes first in a conflict") {
  const std::vector<StoredClaim> claims = {
      ClaimBuilder(1, "Zeta", {2026, 4, 20})
          .Key("OpenAI", "valuation")
          .Money(850e9, 1e9)
          .AsOfWindow({2026, 4, 1}, {2026, 4, 30}, AsOfBasis::kExplicit)
          .Text("$850 billion")
          .Build(),
      ClaimBuilder(2, "Alpha", {2026, 4, 27})
          .Key("OpenAI", "valuation")
          .Money(300e9, 1e9, Hedge::kMoreThan)
          .AsOfWindow({2026, 4, 1}, {2026, 4, 30}, AsOfBasis::kExplicit)
          .Text("$300 billion")
          .Build()};
  Findings f = Reconcile(claims);
  REQUIRE(f.conflicts.size() == 1);
  CHECK(f.conflicts[0].claims[0].article.outlet == "Zeta");
  CHECK(f.conflicts[0].reason.find("(as of April 2026)") != std::string::npos);
}

TEST_CASE("dates two years apart conflict in months") {
  const std::vector<StoredClaim> claims = {
      ClaimBuilder(1, "Ars Technica", {2026, 4, 27})
          .Key("OpenAI", "recapitalisation")
          .Date({2023, 10, 1}, {2023, 10, 31}, Granularity::kMonth)
          .Text("October 2023")
          .Build(),
      ClaimBuilder(2, "The Verge", {2026, 4, 27})
          .Key("OpenAI", "recapitalisation")
          .Date({2025, 10, 1}, {2025, 10, 31}, Granularity::kMonth, DateResolution::kRelative)
          .Text("last October")
          .Build()};
  Findings f = Reconcile(claims);
  REQUIRE(f.conflicts.size() == 1);
  const Conflict& c = f.conflicts[0];
  // Nearest ends 2023-10-31 and 2025-10-01: 24 calendar months.
  CHECK(c.severity == 24);
  CHECK(c.severity_unit == SeverityUnit::kMonths);
  CHECK(c.as_of.basis == AsOfBasis::kTimeless);
  CHECK(c.reason ==
        "Ars Technica (2026-04-27) dates OpenAI recapitalisation to October 2023; The Verge "
        "(2026-04-27) to October 2025 (\"last October\"): 24 months apart.");
}

TEST_CASE("fiscal windows meet only fiscal windows") {
  // Q2 of fiscal 2026 read on the calendar is April-June 2026; Nvidia's is
  // May-July 2025. A calendar claim in that window must not meet it.
  auto revenue = [](int64_t article, const char* outlet, double amount, AsOfBasis basis) {
    return ClaimBuilder(article, outlet, {2025, 8, 28})
        .Key("Nvidia", "revenue")
        .Money(amount, 1e8)
        .AsOfWindow({2026, 4, 1}, {2026, 6, 30}, basis)
        .Build();
  };
  {
    Findings f = Reconcile({revenue(1, "Alpha", 46.7e9, AsOfBasis::kFiscal),
                            revenue(2, "Beta", 30e9, AsOfBasis::kExplicit)});
    CHECK(f.conflicts.empty());
    CHECK(f.agreements.empty());
  }
  {
    Findings f = Reconcile({revenue(1, "Alpha", 46.7e9, AsOfBasis::kFiscal),
                            revenue(2, "Beta", 30e9, AsOfBasis::kFiscal)});
    REQUIRE(f.conflicts.size() == 1);
    CHECK(f.conflicts[0].as_of.basis == AsOfBasis::kFiscal);
    CHECK(f.conflicts[0].reason.find("as of fiscal") != std::string::npos);
  }
}

TEST_CASE("years against years are counted in years") {
  const std::vector<StoredClaim> claims = {
      ClaimBuilder(1, "Daily Ledger", {2025, 8, 28})
          .Key("Nvidia", "founding")
          .Date({1993, 1, 1}, {1993, 12, 31}, Granularity::kYear)
          .Text("1993")
          .Build(),
      ClaimBuilder(2, "Market Wire", {2025, 8, 29})
          .Key("Nvidia", "founding")
          .Date({1995, 1, 1}, {1995, 12, 31}, Granularity::kYear)
          .Text("1995")
          .Build()};
  Findings f = Reconcile(claims);
  REQUIRE(f.conflicts.size() == 1);
  // 1995 - 1993: two years (the nearest ends, 1993-12-31 and 1995-01-01, are
  // 13 calendar months apart, which no reader would say).
  CHECK(f.conflicts[0].severity == 24);
  CHECK(f.conflicts[0].reason.find("2 years apart") != std::string::npos);
}

TEST_CASE("severity of percentages: falls compare on magnitude, a rise against a fall is maximal") {
  auto move = [](int64_t article, const char* outlet, double pct) {
    return ClaimBuilder(article, outlet, kApr27)
        .Key("Microsoft", "price_move")
        .Percent(pct)
        .Text("x%")
        .Build();
  };
  // [-8.5, -7.5] against [-2.5, -1.5]: 7.5 / 2.5 = 3.
  Findings falls = Reconcile({move(1, "A", -8), move(2, "B", -2)});
  REQUIRE(falls.conflicts.size() == 1);
  CHECK(falls.conflicts[0].severity == doctest::Approx(3.0));
  Findings opposite = Reconcile({move(1, "A", 3), move(2, "B", -2)});
  REQUIRE(opposite.conflicts.size() == 1);
  CHECK(opposite.conflicts[0].severity == kMaxSeverityRatio);
}

TEST_CASE("repeated figures in one article count once, distinct values each conflict") {
  std::vector<StoredClaim> claims = {Valuation(1, "A", 850e9, Hedge::kExact, "$850 billion"),
                                     ClaimBuilder(1, "A", kApr27)
                                         .Key("OpenAI", "valuation")
                                         .Money(850e9, 1e9)
                                         .Text("$850bn", 300)
                                         .Build(),
                                     Valuation(2, "B", 300e9, Hedge::kMoreThan, "$300 billion")};
  Findings f = Reconcile(claims);
  REQUIRE(f.conflicts.size() == 1);
  // The first by offset stands for the article.
  CHECK(f.conflicts[0].claims[0].claim.mention.text == "$850 billion");

  // A second, different figure in article 1 is its own conflict with article 2.
  claims.push_back(ClaimBuilder(1, "A", kApr27)
                       .Key("OpenAI", "valuation")
                       .Money(500e9, 1e9)
                       .Text("$500 billion", 400)
                       .Build());
  f = Reconcile(claims);
  CHECK(f.conflicts.size() == 2);
}

TEST_CASE("ids are stable when input order and row ids change") {
  std::vector<StoredClaim> claims = {
      Valuation(1, "GogoAI News", 300e9, Hedge::kMoreThan, "$300 billion"),
      Valuation(2, "Beijing Time report", 850e9, Hedge::kExact, "US$850 billion"),
      Valuation(3, "Reuters", 852e9, Hedge::kAbout, "$852 billion"),
      ClaimBuilder(4, "Ars Technica", kApr27)
          .Key("OpenAI", "recapitalisation")
          .Date({2023, 10, 1}, {2023, 10, 31}, Granularity::kMonth)
          .Text("October 2023")
          .Build(),
      ClaimBuilder(5, "The Verge", kApr27)
          .Key("OpenAI", "recapitalisation")
          .Date({2025, 10, 1}, {2025, 10, 31}, Granularity::kMonth, DateResolution::kRelative)
          .Text("last October")
          .Build()};
  const Findings base = Reconcile(claims);
  REQUIRE(base.conflicts.size() == 3);
  REQUIRE(base.agreements.size() == 1);
  // Most severe first: 24 months weighs 2, a ratio of 2.27 weighs log2(2.27) = 1.18.
  CHECK(base.conflicts[0].severity_unit == SeverityUnit::kMonths);
  CHECK(IsId(base.agreements[0].id, 'a'));
  std::mt19937 rng(42);
  for (int round = 0; round < 5; ++round) {
    CAPTURE(round);
    std::vector<StoredClaim> shuffled = claims;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (size_t i = 0; i < shuffled.size(); ++i) {
      shuffled[i].id = 1000 + round * 10 + static_cast<int64_t>(i);
      shuffled[i].article_id = 500 - shuffled[i].article_id;
    }
    const Findings again = Reconcile(shuffled);
    CHECK(again.conflicts.size() == base.conflicts.size());
    CHECK(again.agreements.size() == base.agreements.size());
    for (size_t i = 0; i < std::min(again.conflicts.size(), base.conflicts.size()); ++i) {
      CHECK(again.conflicts[i].id == base.conflicts[i].id);
      CHECK(again.conflicts[i].reason == base.conflicts[i].reason);
    }
    if (!again.agreements.empty()) CHECK(again.agreements[0].id == base.agreements[0].id);
  }
  // Ids differ between different pairs.
  CHECK(base.conflicts[1].id != base.conflicts[2].id);
}

TEST_CASE("ids of files without a URL do not depend on the folder they are read from") {
  auto in_folder = [](const std::string& folder) {
    std::vector<StoredClaim> claims = {Valuation(1, "A", 850e9, Hedge::kExact, "$850 billion"),
                                       Valuation(2, "B", 300e9, Hedge::kMoreThan, "$300 billion")};
    for (StoredClaim& c : claims) {
      c.article.url.clear();
      c.article.path = folder + "/story" + std::to_string(c.article_id) + ".txt";
    }
    return Reconcile(claims);
  };
  const Findings here = in_folder("/home/ana/corpus");
  const Findings there = in_folder("/srv/checkout/corpora/x");
  REQUIRE(here.conflicts.size() == 1);
  REQUIRE(there.conflicts.size() == 1);
  CHECK(here.conflicts[0].id == there.conflicts[0].id);
  // Another file name is another claim, so another id.
  std::vector<StoredClaim> renamed = {Valuation(1, "A", 850e9, Hedge::kExact, "$850 billion"),
                                      Valuation(2, "B", 300e9, Hedge::kMoreThan, "$300 billion")};
  for (StoredClaim& c : renamed) {
    c.article.url.clear();
    c.article.path = "/home/ana/corpus/other" + std::to_string(c.article_id) + ".txt";
  }
  const Findings other = Reconcile(renamed);
  REQUIRE(other.conflicts.size() == 1);
  CHECK(other.conflicts[0].id != here.conflicts[0].id);
}

TEST_CASE("one file read from two folders counts once") {
  std::vector<StoredClaim> claims = {Valuation(1, "A", 850e9, Hedge::kExact, "$850 billion"),
                                     Valuation(2, "A", 850e9, Hedge::kExact, "$850 billion"),
                                     Valuation(3, "B", 300e9, Hedge::kMoreThan, "$300 billion")};
  claims[0].article.url.clear();
  claims[0].article.path = "/srv/corpus/story.txt";
  claims[1].article.url.clear();
  claims[1].article.path = "/tmp/copy/story.txt";
  claims[0].id = 11;
  claims[1].id = 5;
  const Findings f = Reconcile(claims);
  REQUIRE(f.conflicts.size() == 1);
  // The copy with the smaller row id stands for both.
  CHECK((f.conflicts[0].claims[0].id == 5 || f.conflicts[0].claims[1].id == 5));
}

TEST_CASE("four sources on 2032 make one agreement") {
  std::vector<StoredClaim> claims;
  const char* outlets[] = {"Ars Technica", "The Verge", "Reuters", "CNBC"};
  for (int i = 0; i < 4; ++i) {
    claims.push_back(ClaimBuilder(i + 1, outlets[i], kApr27)
                         .Key("Microsoft", "licence_end")
                         .Date({2032, 1, 1}, {2032, 12, 31}, Granularity::kYear)
                         .Text("2032")
                         .Build());
  }
  // A syndicated copy of Reuters adds no source.
  claims.push_back(ClaimBuilder(9, "Reuters", kApr27)
                       .Key("Microsoft", "licence_end")
                       .Date({2032, 1, 1}, {2032, 12, 31}, Granularity::kYear)
                       .Text("2032")
                       .Build());
  Findings f = Reconcile(claims);
  CHECK(f.conflicts.empty());
  REQUIRE(f.agreements.size() == 1);
  const Agreement& a = f.agreements[0];
  CHECK(a.claims.size() == 4);
  CHECK(a.key == ClaimKey{"Microsoft", "licence_end", ""});
  CHECK(a.reason == "4 sources agree on Microsoft licence end: 2032.");
}

TEST_CASE("the outlets of one agency story are one voice in agreements, not in conflicts") {
  // Articles 2 and 3 are near copies of article 1 (store: articles.story_id);
  // article 4 wrote its own story.
  auto strike = [](int64_t article, const char* outlet, int64_t story, double percent) {
    return ClaimBuilder(article, outlet, kApr27)
        .Key("drivers' union", "pay_rise")
        .Percent(percent)
        .Text(percent == 9 ? "9%" : "12%")
        .Story(story)
        .Build();
  };
  std::vector<StoredClaim> claims = {strike(1, "Agency", 1, 9), strike(2, "Daily", 1, 9),
                                     strike(3, "Radio", 1, 9)};
  Findings f = Reconcile(claims);
  CHECK(f.agreements.empty());  // one story told three times
  claims.push_back(strike(4, "Gazette", 4, 9));
  f = Reconcile(claims);
  REQUIRE(f.agreements.size() == 1);
  CHECK(f.agreements[0].claims.size() == 2);
  CHECK(f.agreements[0].claims[0].article_id == 1);  // the story's first claim stands for it
  CHECK(f.agreements[0].claims[1].article_id == 4);
  CHECK(f.agreements[0].reason == "2 sources agree on drivers' union pay rise (latest): 9%.");
  // A version of the story that gives another figure still conflicts.
  claims.push_back(strike(5, "Weekly", 1, 12));
  f = Reconcile(claims);
  CHECK(f.conflicts.size() == 4);  // 12% against each of the other four outlets' 9%
  // No story known (0) is the article's own.
  std::vector<StoredClaim> plain = {strike(1, "Agency", 0, 9), strike(2, "Daily", 0, 9)};
  CHECK(Reconcile(plain).agreements.size() == 1);
}

TEST_CASE("agreements order: most sources first") {
  std::vector<StoredClaim> claims;
  for (int i = 0; i < 3; ++i)
    claims.push_back(ClaimBuilder(i + 1, "Outlet" + std::to_string(i), kApr27)
                         .Key("Microsoft", "stake")
                         .Percent(27, Hedge::kAbout)
                         .Text("27%")
                         .Build());
  for (int i = 0; i < 2; ++i)
    claims.push_back(ClaimBuilder(i + 10, "Outlet" + std::to_string(i), kApr27)
                         .Key("Amazon", "stake")
                         .Percent(10)
                         .Text("10%")
                         .Build());
  Findings f = Reconcile(claims);
  REQUIRE(f.agreements.size() == 2);
  CHECK(f.agreements[0].claims.size() == 3);
  CHECK(f.agreements[1].claims.size() == 2);
}

TEST_CASE("describe: money, percent and dates read as a person writes them") {
  struct MoneyCase {
    const char* id;
    double amount;
    const char* currency;
    const char* want;
  };
  const MoneyCase money[] = {{"usd-billion", 850e9, "USD", "$850 billion"},
                             {"eur-million", 5e6, "EUR", "€5 million"},
                             {"jpy-trillion", 1.2e12, "JPY", "1.2 trillion JPY"},
                             {"usd-plain", 500000, "USD", "$500,000"},
                             {"gbp-decimal", 228.3e9, "GBP", "£228.3 billion"}};
  for (const MoneyCase& c : money) {
    CAPTURE(c.id);
    CHECK(FormatMoney(c.amount, c.currency) == c.want);
  }
  CHECK(FormatPercent(PercentValue{27, std::nullopt, false, 1}) == "27%");
  CHECK(FormatPercent(PercentValue{-4, std::nullopt, false, 1}) == "-4%");
  CHECK(FormatPercent(PercentValue{20, 25.0, false, 1}) == "20–25%");
  CHECK(FormatDate(DateValue{{2026, 2, 20},
                             {2026, 2, 28},
                             Granularity::kMonth,
                             DateResolution::kRelative,
                             kApr27,
                             "late"}) == "late February 2026");
  CHECK(FormatDate(DateValue{{2025, 7, 1},
                             {2025, 9, 30},
                             Granularity::kQuarter,
                             DateResolution::kAbsolute,
                             std::nullopt,
                             ""}) == "Q3 2025");
  CHECK(FormatDate(DateValue{{2026, 4, 27},
                             {2026, 4, 27},
                             Granularity::kDay,
                             DateResolution::kAbsolute,
                             std::nullopt,
                             ""}) == "27 April 2026");
  CHECK(FormatDate(DateValue{{2026, 4, 11},
                             {2026, 4, 20},
                             Granularity::kDay,
                             DateResolution::kRelative,
                             kApr27,
                             "mid"}) == "11–20 April 2026");
  CHECK(DescribeSubject({"Microsoft", "investment", "initial"},
                        {{2019, 1, 1}, {2019, 12, 31}, AsOfBasis::kExplicit, ""}) ==
        "Microsoft investment (initial, as of 2019)");
  CHECK(DescribeSubject({"Microsoft", "revenue_share", "end"},
                        {kApr27, kApr27, AsOfBasis::kTimeless, ""}) ==
        "Microsoft revenue share (end)");
  CHECK(DescribeWindow({2026, 1, 27}, {2026, 4, 27}) == "2026-01-27 to 2026-04-27");
  CHECK(DescribeWindow({2025, 7, 1}, {2025, 9, 30}) == "Q3 2025");
  CHECK(DescribeAsOf({{2023, 1, 1}, {2023, 1, 31}, AsOfBasis::kExplicit, ""}) ==
        "as of January 2023");
  CHECK(DescribeAsOf({{2025, 10, 1}, {2025, 10, 1}, AsOfBasis::kEvent, "recapitalisation"}) ==
        "after the recapitalisation");
}

}  // namespace
}  // namespace newsrecon
