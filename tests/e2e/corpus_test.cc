// End to end on the bundled corpus: ingest corpora/msft-openai-2026-04 into a
// real SQLite file and compare claims, conflicts and agreements with
// expected.json, written by hand from reading the articles. Prints precision
// and recall; fails on the conflicts the product exists for, on any pair the
// guide says is not a conflict, and on recall or precision falling below a
// floor (a regression guard, not a target).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pipeline/core/names.h"
#include "pipeline/run/run.h"
#include "pipeline/store/store.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(NEWSRECON_SOURCE_DIR) / "corpora/msft-openai-2026-04";

std::string FileOf(const StoredClaim& c) {
  return std::filesystem::path(c.article.path).filename().string();
}

bool Overlaps(ByteSpan a, ByteSpan b) { return a.start < b.end && b.start < a.end; }

// Whether a claim says what the expectation says, on every field given.
bool Agrees(const StoredClaim& got, const nlohmann::json& want, std::string* why) {
  const Claim& c = got.claim;
  std::ostringstream diff;
  if (Name(c.mention.kind) != want.at("kind").get<std::string>()) diff << " kind";
  for (const char* field : {"entity", "attribute", "qualifier"}) {
    if (!want.contains(field)) continue;
    const std::string& have = std::string(field) == "entity"      ? c.entity
                              : std::string(field) == "attribute" ? c.attribute
                                                                  : c.qualifier;
    if (have != want.at(field).get<std::string>())
      diff << " " << field << "=" << (have.empty() ? "''" : have) << " (want "
           << want.at(field).get<std::string>() << ")";
  }
  if (want.contains("hedge") && Name(c.mention.hedge) != want.at("hedge").get<std::string>())
    diff << " hedge=" << Name(c.mention.hedge);
  if (want.contains("value")) {
    const auto& v = want.at("value");
    if (const auto* d = std::get_if<DateValue>(&c.mention.value)) {
      if (v.contains("start") && d->first.ToIso() != v.at("start").get<std::string>())
        diff << " start=" << d->first.ToIso();
      if (v.contains("end") && d->last.ToIso() != v.at("end").get<std::string>())
        diff << " end=" << d->last.ToIso();
    } else if (const auto* m = std::get_if<MoneyValue>(&c.mention.value)) {
      if (std::abs(m->amount - v.at("amount").get<double>()) > 1e-6 * m->amount)
        diff << " amount=" << m->amount;
      if (m->currency != v.at("currency").get<std::string>()) diff << " currency=" << m->currency;
    } else if (const auto* p = std::get_if<PercentValue>(&c.mention.value)) {
      if (std::abs(p->percent - v.at("percent").get<double>()) > 0.01)
        diff << " percent=" << p->percent;
    }
  }
  *why = diff.str();
  return why->empty();
}

struct Fixture {
  TempDir dir;
  std::vector<StoredClaim> claims;
  Findings findings;
  nlohmann::json expected;
  std::map<std::string, std::string> bodies;  // corpus file name → its text, read once

  Fixture() {
    expected = nlohmann::json::parse(ReadFile(kCorpus / "expected.json"));
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus))
      bodies[entry.path().filename().string()] = ReadFile(entry.path());
    StatusOr<Store> store = Store::Open((dir.path() / "e2e.db").string());
    REQUIRE(store.ok());
    std::ostringstream log;
    StatusOr<IngestSummary> summary = Ingest({kCorpus.string()}, {}, &*store, log);
    INFO(log.str());
    REQUIRE(summary.ok());
    CHECK(summary->documents == 5);
    CHECK(summary->documents_failed == 0);
    auto loaded = store->LoadClaims();
    REQUIRE(loaded.ok());
    claims = std::move(*loaded);
    auto f = store->LoadFindings();
    REQUIRE(f.ok());
    findings = std::move(*f);
  }

  // Where the n-th printing of the reference's text stands in its file.
  std::optional<ByteSpan> Locate(const nlohmann::json& ref) const {
    auto body = bodies.find(ref.at("file").get<std::string>());
    if (body == bodies.end()) return std::nullopt;
    const std::string text = ref.at("text");
    size_t at = std::string::npos, from = 0;
    for (int i = 0; i < ref.value("occurrence", 1); ++i) {
      at = body->second.find(text, from);
      if (at == std::string::npos) return std::nullopt;
      from = at + 1;
    }
    return ByteSpan{at, at + text.size()};
  }

  // The stored claims of the reference's file whose mention overlaps its text.
  std::vector<const StoredClaim*> Find(const nlohmann::json& ref) const {
    std::vector<const StoredClaim*> out;
    const std::optional<ByteSpan> span = Locate(ref);
    if (!span) return out;
    for (const StoredClaim& c : claims) {
      if (FileOf(c) == ref.at("file").get<std::string>() && Overlaps(c.claim.mention.span, *span))
        out.push_back(&c);
    }
    return out;
  }
};

// The conflict (or agreement) holding claims at both references, if any.
template <typename Finding>
const Finding* FindingWith(const std::vector<Finding>& all, const nlohmann::json& refs,
                           const Fixture& fx) {
  std::vector<std::set<int64_t>> wanted;
  for (const auto& ref : refs) {
    std::set<int64_t> ids;
    for (const StoredClaim* c : fx.Find(ref)) ids.insert(c->id);
    wanted.push_back(ids);
  }
  for (const Finding& f : all) {
    bool all_in = true;
    for (const auto& ids : wanted) {
      bool any = false;
      for (const StoredClaim& c : f.claims) any = any || ids.count(c.id);
      all_in = all_in && any;
    }
    if (all_in) return &f;
  }
  return nullptr;
}

TEST_CASE("e2e: the bundled corpus gives the claims read by hand") {
  Fixture fx;
  int expected_attributed = 0, matched_mentions = 0, correct = 0;
  std::set<const StoredClaim*> agreeing;  // found claims that meet an attributed expectation
  for (const auto& want : fx.expected.at("claims")) {
    const std::string id = want.at("file").get<std::string>() + ": " +
                           want.at("text").get<std::string>() + " #" +
                           std::to_string(want.value("occurrence", 1));
    std::vector<const StoredClaim*> got = fx.Find(want);
    const bool attributed =
        want.contains("attribute") && !want.at("attribute").get<std::string>().empty();
    if (attributed) ++expected_attributed;
    if (got.empty()) {
      MESSAGE("missing mention: " << id);
      continue;
    }
    ++matched_mentions;
    std::string why, first_why;
    bool ok = false;
    for (const StoredClaim* c : got) {
      if (Agrees(*c, want, &why)) {
        ok = true;
        if (attributed) agreeing.insert(c);
      }
      if (first_why.empty()) first_why = why;
    }
    if (ok && attributed) ++correct;
    if (!ok) MESSAGE("wrong: " << id << ":" << first_why);
  }
  // Precision over attributed claims: found claims with an attribute that
  // agree with an expectation, over all found claims with an attribute.
  int found_attributed = 0, found_correct = 0;
  for (const StoredClaim& c : fx.claims) {
    if (c.claim.attribute.empty()) continue;
    ++found_attributed;
    if (agreeing.count(&c)) ++found_correct;
  }
  const int expected_mentions = static_cast<int>(fx.expected.at("claims").size());
  const double mention_recall = double(matched_mentions) / expected_mentions;
  const double recall = double(correct) / expected_attributed;
  const double precision = found_attributed ? double(found_correct) / found_attributed : 0;
  MESSAGE("mentions: recall " << mention_recall << " (" << matched_mentions << "/"
                              << expected_mentions << ")");
  MESSAGE("attributed claims: precision " << precision << " (" << found_correct << "/"
                                          << found_attributed << "), recall " << recall << " ("
                                          << correct << "/" << expected_attributed << ")");
  // Regression floors, below today's figures.
  CHECK(mention_recall >= 0.9);
  CHECK(recall >= 0.6);
  CHECK(precision >= 0.6);
}

TEST_CASE("e2e: the conflicts read by hand are flagged, with quotes, sources and reasons") {
  Fixture fx;
  int found = 0;
  for (const auto& want : fx.expected.at("conflicts")) {
    INFO(want.at("why").get<std::string>());
    const Conflict* c = FindingWith(fx.findings.conflicts, want.at("claims"), fx);
    CHECK(c != nullptr);
    if (!c) continue;
    ++found;
    CHECK(c->key.entity == want.at("entity").get<std::string>());
    CHECK(c->key.attribute == want.at("attribute").get<std::string>());
    CHECK(c->key.qualifier == want.at("qualifier").get<std::string>());
    CHECK(!c->reason.empty());
    CHECK(c->severity > 0);
    REQUIRE(c->claims.size() == 2);
    for (const StoredClaim& side : c->claims) {
      CHECK(side.article.published.has_value());
      CHECK(!side.article.path.empty());
      CHECK(side.sentence.find(side.claim.mention.text) != std::string::npos);
    }
  }
  const int flagged = static_cast<int>(fx.findings.conflicts.size());
  MESSAGE("conflicts: " << found << " of " << fx.expected.at("conflicts").size()
                        << " expected found; " << flagged << " flagged in all (precision "
                        << (flagged ? double(found) / flagged : 0) << ")");
  for (const Conflict& c : fx.findings.conflicts) MESSAGE("flagged: " << c.reason);
}

TEST_CASE("e2e: the pairs the guide calls no conflict are not flagged") {
  Fixture fx;
  for (const auto& pair : fx.expected.at("not_conflicts")) {
    INFO(pair.at("why").get<std::string>());
    for (const auto& ref : pair.at("claims")) CHECK(!fx.Find(ref).empty());
    CHECK(FindingWith(fx.findings.conflicts, pair.at("claims"), fx) == nullptr);
  }
}

TEST_CASE("e2e: agreements between outlets are recorded") {
  Fixture fx;
  int found = 0;
  for (const auto& want : fx.expected.at("agreements")) {
    const ClaimKey key{want.at("entity"), want.at("attribute"), want.at("qualifier")};
    std::set<std::string> files;
    for (const Agreement& a : fx.findings.agreements) {
      if (a.key != key) continue;
      for (const StoredClaim& c : a.claims) files.insert(FileOf(c));
    }
    std::set<std::string> want_files(want.at("files").begin(), want.at("files").end());
    const bool ok = std::includes(files.begin(), files.end(), want_files.begin(), want_files.end());
    if (ok) ++found;
    MESSAGE(std::string(ok ? "agreement found: " : "agreement missing: ")
            << key.entity << " / " << key.attribute << " / " << key.qualifier);
  }
  MESSAGE("agreements: " << found << " of " << fx.expected.at("agreements").size() << " found");
  // The licence and the revenue share: four outlets each.
  CHECK(found >= 2);
}

}  // namespace
}  // namespace newsrecon
