// The store stage: articles, claims, findings and reviews in one SQLite file
// (guide §4). This is the only module that touches SQLite; no sqlite3 handle
// or statement leaves it.
//
// Takes: articles with their claims (from extract), findings (from
// reconcile), reviewers' verdicts. Gives: the stored claims with their
// articles' metadata, and the findings with their claims and current review
// status. The file is a product in itself, for people with sqlite3 or
// Datasette: schema/README.md documents every table, view and column.
//
// The schema lives in schema/NNNN_*.sql migrations compiled into the binary;
// Open applies the ones newer than the file's PRAGMA user_version, in order,
// each in one transaction. The file is in WAL mode with synchronous=NORMAL
// (a power cut may lose the last commits, never consistency): readers are
// never blocked by the writer, and writers take the lock with BEGIN IMMEDIATE
// and wait up to kBusyTimeoutMs for another writer. Foreign keys are enforced.
//
// Writes are idempotent: putting an article that is already stored as given
// writes nothing, so the file is left byte-for-byte as it was.
//
// Failures: kIoError (the file cannot be opened, created or written; it is
// read-only), kBusy (another writer held the lock past the timeout),
// kCorruption (not a database, a schema newer than this program, a stored
// value this program cannot read), kInvalidArgument (an input that breaks the
// contract: offsets outside the text, a conflict without two claims, a
// malformed timestamp), kNotFound (a review of an unknown conflict). Every
// message names the file and, where SQLite failed, SQLite's message.
//
// Thread-safety: a Store is one connection and is not thread-safe; use one
// Store per thread. Several processes may open the same file.
#ifndef NEWSRECON_PIPELINE_STORE_STORE_H_
#define NEWSRECON_PIPELINE_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/claim.h"
#include "pipeline/core/finding.h"
#include "pipeline/core/status.h"

struct sqlite3;

namespace newsrecon {

// How long a writer waits for another writer's lock before kBusy.
inline constexpr int kBusyTimeoutMs = 5000;

// 16 lowercase hex digits of FNV-1a 64 over `text`: articles.content_hash.
std::string ContentHash(std::string_view text);

class Store {  // move-only; one connection; not thread-safe
 public:
  // Opens the database at `path`, creating it if missing; sets WAL mode,
  // the busy timeout and foreign_keys ON; applies pending migrations.
  // Fails: kIoError (cannot open or create, read-only), kBusy (locked past
  // the timeout), kCorruption (not a database, or its user_version is newer
  // than the newest migration this program knows).
  static StatusOr<Store> Open(const std::string& path);

  Store(Store&&) noexcept = default;
  Store& operator=(Store&&) noexcept = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store() = default;

  // The number of the newest migration applied (PRAGMA user_version).
  int schema_version() const { return schema_version_; }
  const std::string& path() const { return path_; }

  struct PutResult {
    int64_t article_id = 0;
    bool changed = false;  // false: the article and its claims were stored as given already
    // Non-empty: the article was a copy (see below) of the stored article with
    // this identity, whose id is article_id; nothing of it but the
    // article_copies row was written.
    std::string copy_of;
    // Non-empty: the article was stored (new, or its text changed) and nearly
    // copies a stored one (core/near_copy.h): the identity of its story's
    // first article, which articles.story_id names.
    std::string story_of;
  };
  // Stores an article and its claims, idempotently. The article's identity
  // is its url if non-empty, else its path. If a row with that identity holds
  // the same text, metadata and claims, nothing is written. Otherwise the
  // row's values are replaced (keeping its id) and all its claims replaced, in
  // one BEGIN IMMEDIATE transaction; findings that cited the old claims are
  // dropped (reconcile writes them again). Claims are numbered by their
  // position in `claims`.
  // One article once: an identity not stored yet whose text is exactly that
  // of a stored article is a copy (saved twice, republished word for word,
  // one page under two URLs). It is recorded in article_copies, pointing at
  // the stored article, and neither it nor its claims are stored: they would
  // count as a second source. A copy stays one when the stored article's
  // text changes later (it carried the same story); put again, with a text
  // no stored article has, it is stored as an article and its row dropped.
  // Near copies: a stored article (new, or with a changed text) is linked to
  // the story of the stored article whose text it nearly copies
  // (articles.story_id, schema/0008); articles linked to it follow it.
  // REQUIRES (else kInvalidArgument): url or path non-empty; every mention
  // span and sentence span within article.text; each claim's value variant
  // matching its kind; every date (published, values, anchors, as-of) a real
  // day; intervals are numbers (not NaN).
  StatusOr<PutResult> PutArticle(const Article& article, const std::vector<Claim>& claims);

  // Every claim with its article's metadata and sentence, ordered by
  // article id, then position in the article.
  StatusOr<std::vector<StoredClaim>> LoadClaims() const;

  // Replaces all conflicts and agreements with `findings`, in one
  // transaction, keeping their order. A finding whose id, values and claims
  // are already stored is left untouched. Reviews are never touched.
  // Conflict::status is ignored (it comes from reviews).
  // REQUIRES (else kInvalidArgument): unique non-empty ids; each conflict has
  // exactly two claims and each agreement at least two, all with ids of
  // stored claims.
  Status ReplaceFindings(const Findings& findings);

  // Incremental reconcile. The store keeps the claim keys whose findings are
  // out of date (table reconcile_queue, schema/0005): triggers add a claim's
  // key when the claim is inserted, deleted or changed, and an article's keys
  // when its url, path, outlet, label or date change, in the same
  // transaction, so a crash leaves them for the next run. Reconciling the
  // claims of the pending keys and writing the result with
  // ReplaceFindingsOfKeys gives the same findings, ids and ranks as
  // Reconcile(LoadClaims()) with ReplaceFindings, at a cost that follows the
  // keys touched rather than the size of the store. Keys may be done in
  // batches (memory follows the batch), then RankFindings once.
  //
  // The pending keys, in key order.
  StatusOr<std::vector<ClaimKey>> PendingKeys() const;
  // The claims with one of `keys`, ordered as LoadClaims orders them.
  StatusOr<std::vector<StoredClaim>> LoadClaimsOfKeys(const std::vector<ClaimKey>& keys) const;
  // In one transaction: replaces the findings whose key is one of `keys`
  // with `findings` (leaving rows already as given untouched; a new row's
  // rank is provisional until RankFindings) and removes `keys` from the
  // queue. REQUIRES (else kInvalidArgument): as ReplaceFindings, and every
  // finding's key is one of `keys`.
  Status ReplaceFindingsOfKeys(const std::vector<ClaimKey>& keys, const Findings& findings);
  // Renumbers the rank of every conflict and agreement in the order of
  // core/finding.h, where it differs, in one transaction.
  Status RankFindings();

  // The stored findings in reconcile's order, each with its claims (as
  // LoadClaims gives them, with their article's copies); Conflict::status is
  // the latest review's verdict (greatest reviewed_at, ties to the later
  // review), else kOpen.
  StatusOr<Findings> LoadFindings() const;

  // Appends a reviewer's verdict on a conflict; reviews are never updated or
  // deleted, so the history stays. `reviewed_at_utc` is
  // "YYYY-MM-DDTHH:MM:SSZ". An empty note or reviewer is stored as NULL.
  // Fails: kNotFound (no conflict with that id is stored), kInvalidArgument
  // (malformed timestamp).
  Status AddReview(std::string_view conflict_id, ReviewStatus verdict, std::string_view note,
                   std::string_view reviewer, std::string_view reviewed_at_utc);

 private:
  friend struct StoreAccess;  // pipeline/store/sqlite.h: the stage's other files
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Store(std::unique_ptr<sqlite3, Closer> db, std::string path, int schema_version)
      : db_(std::move(db)), path_(std::move(path)), schema_version_(schema_version) {}

  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
  int schema_version_ = 0;
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_STORE_STORE_H_
