// Incremental reconcile (store.h, schema/0005): reconciling only the keys in
// the reconcile queue, run after run, leaves the same findings, ids and ranks
// as reconciling every claim at once. Real extraction, a real SQLite file.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/reconcile/reconcile.h"
#include "pipeline/store/store.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

const char* const kEntities[] = {"OpenAI", "Anthropic", "Nvidia", "Microsoft", "Google"};

// Two agency paragraphs, long enough that the articles carrying one are near
// copies of each other: one story (store.h), one voice in agreements.
const char* const kAgency[] = {
    "",
    "Investors have poured money into companies that build large language models this year, "
    "betting that demand for chatbots and coding assistants will keep growing even as the cost "
    "of training each new model rises. Several of the largest rounds were led by chip makers and "
    "cloud providers, which sell computing power back to the same start-ups. Regulators in "
    "Europe and the United States have begun to ask whether those ties give a few firms too much "
    "control over the market.\n",
    "Shares of technology companies fell on Wednesday after a report on factory orders came in "
    "weaker than economists had expected, and bond yields rose for a third day. Traders said "
    "the selling was orderly and that many funds were cutting risk before the end of the quarter, "
    "when they report their holdings. The dollar gained against most major currencies, and oil "
    "prices slipped for the first time in a week as stockpiles grew.\n"};

// An article by outlet `outlet` with a valuation and a revenue figure, and
// agency paragraph `agency` (0: none).
Article MakeArticle(int id, const std::string& outlet, const std::string& entity, int valuation,
                    int revenue, int day, int agency = 0) {
  Article a;
  a.meta.url = "https://news" + std::to_string(id % 7) + ".example/story/" + std::to_string(id);
  a.meta.outlet = outlet;
  a.meta.published = CivilDate{2026, 4, day};
  a.text = entity + " was valued at $" + std::to_string(valuation) +
           " billion in its latest funding round, people familiar with the matter said. " +
           "The company reported revenue of $" + std::to_string(revenue) +
           " billion for last year, up from the year before.\n" + kAgency[agency];
  return a;
}

// The pending keys, two at a time (as a run does them, in batches), then
// the ranks.
void Reconcile1(Store* store) {
  StatusOr<std::vector<ClaimKey>> keys = store->PendingKeys();
  REQUIRE(keys.ok());
  for (size_t i = 0; i < keys->size(); i += 2) {
    const std::vector<ClaimKey> batch(
        keys->begin() + static_cast<std::ptrdiff_t>(i),
        keys->begin() + static_cast<std::ptrdiff_t>(std::min(keys->size(), i + 2)));
    StatusOr<std::vector<StoredClaim>> claims = store->LoadClaimsOfKeys(batch);
    REQUIRE(claims.ok());
    REQUIRE(store->ReplaceFindingsOfKeys(batch, Reconcile(*claims)).ok());
  }
  REQUIRE(store->RankFindings().ok());
}

std::vector<std::string> Ids(const Findings& f) {
  std::vector<std::string> out;
  for (const Conflict& c : f.conflicts) out.push_back(c.id);
  out.push_back("|");
  for (const Agreement& a : f.agreements) out.push_back(a.id);
  return out;
}

TEST_CASE("incremental reconcile equals a whole reconcile, run after run") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("news.db"));
  REQUIRE(store.ok());
  StatusOr<Extractor> extractor = Extractor::Load();
  REQUIRE(extractor.ok());
  std::mt19937 rng(7);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
  // Values from a short list, so that outlets agree as well as disagree.
  const int valuations[] = {300, 300, 850, 157, 850};
  size_t put_claims = 0;
  for (int round = 0; round < 12; ++round) {
    CAPTURE(round);
    for (int k = 0; k < 6; ++k) {
      // Ids repeat across rounds: an article is new, unchanged or changed.
      const int id = pick(30);
      // An article may join a story, move to another or leave it (and the
      // articles of a story whose first article moves follow it).
      Article a = MakeArticle(id, "Outlet " + std::to_string(id % 9), kEntities[id % 5],
                              valuations[pick(5)], 10 + pick(3), 1 + id % 28, pick(3));
      StatusOr<std::vector<Claim>> claims = extractor->Extract(a.text, a.meta.published);
      REQUIRE(claims.ok());
      put_claims += claims->size();
      REQUIRE(store->PutArticle(a, *claims).ok());
    }
    Reconcile1(&*store);
    StatusOr<std::vector<ClaimKey>> left = store->PendingKeys();
    REQUIRE(left.ok());
    CHECK(left->empty());

    StatusOr<std::vector<StoredClaim>> all = store->LoadClaims();
    REQUIRE(all.ok());
    const Findings whole = Reconcile(*all);
    StatusOr<Findings> stored = store->LoadFindings();
    REQUIRE(stored.ok());
    CHECK(Ids(*stored) == Ids(whole));
    for (size_t i = 0; i < std::min(stored->conflicts.size(), whole.conflicts.size()); ++i) {
      CHECK(stored->conflicts[i].claims.size() == 2);
      CHECK(stored->conflicts[i].claims[0].id == whole.conflicts[i].claims[0].id);
      CHECK(stored->conflicts[i].claims[1].id == whole.conflicts[i].claims[1].id);
    }
  }
  CHECK(put_claims > 100);
  // Stories formed: some claims' articles tell another's story.
  StatusOr<std::vector<StoredClaim>> all = store->LoadClaims();
  REQUIRE(all.ok());
  CHECK(std::count_if(all->begin(), all->end(),
                      [](const StoredClaim& c) { return c.story_id != c.article_id; }) > 10);
  // The run really compared things: both kinds of finding exist.
  StatusOr<Findings> stored = store->LoadFindings();
  REQUIRE(stored.ok());
  CHECK(stored->conflicts.size() >= 3);
  CHECK(stored->agreements.size() >= 1);
}

TEST_CASE("the reconcile queue holds the keys of claims added, removed and changed") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("news.db"));
  REQUIRE(store.ok());
  StatusOr<Extractor> extractor = Extractor::Load();
  REQUIRE(extractor.ok());
  Article a = MakeArticle(1, "Alpha", "OpenAI", 300, 10, 20);
  StatusOr<std::vector<Claim>> claims = extractor->Extract(a.text, a.meta.published);
  REQUIRE(claims.ok());
  REQUIRE(store->PutArticle(a, *claims).ok());
  StatusOr<std::vector<ClaimKey>> keys = store->PendingKeys();
  REQUIRE(keys.ok());
  // Worked out from the text: OpenAI's valuation and its revenue.
  std::vector<std::string> names;
  for (const ClaimKey& k : *keys) names.push_back(k.entity + "/" + k.attribute);
  CHECK(names == std::vector<std::string>{"OpenAI/revenue", "OpenAI/valuation"});

  Reconcile1(&*store);
  REQUIRE(store->PendingKeys().ok());
  CHECK(store->PendingKeys()->empty());
  // The same article again: nothing written, nothing queued.
  REQUIRE(store->PutArticle(a, *claims).ok());
  CHECK(store->PendingKeys()->empty());
  // Now about another company: the old keys (their claims removed) and the new.
  Article b = MakeArticle(1, "Alpha", "Nvidia", 300, 10, 20);
  StatusOr<std::vector<Claim>> other = extractor->Extract(b.text, b.meta.published);
  REQUIRE(other.ok());
  REQUIRE(store->PutArticle(b, *other).ok());
  names.clear();
  StatusOr<std::vector<ClaimKey>> pending = store->PendingKeys();
  REQUIRE(pending.ok());
  for (const ClaimKey& k : *pending) names.push_back(k.entity + "/" + k.attribute);
  CHECK(names == std::vector<std::string>{"Nvidia/revenue", "Nvidia/valuation", "OpenAI/revenue",
                                          "OpenAI/valuation"});
  // A finding outside the keys given is refused.
  Findings stray;
  stray.agreements.push_back(Agreement{});
  stray.agreements[0].id = "a000000000001";
  stray.agreements[0].key = {"Google", "valuation", ""};
  CHECK(store->ReplaceFindingsOfKeys(*pending, stray).code() == Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace newsrecon
