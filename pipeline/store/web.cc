#include "pipeline/store/web.h"

#include <cmath>
#include <string>
#include <utility>

#include "pipeline/core/names.h"
#include "pipeline/store/sqlite.h"

namespace newsrecon {
namespace {

using sql::Db;
using sql::Row;
using sql::SqlValue;
using sql::Stmt;
using sql::Transaction;

SqlValue OptInt(const std::optional<int64_t>& v) {
  if (!v) return std::monostate{};
  return *v;
}
SqlValue OptClass(const std::optional<FailureClass>& v) {
  if (!v) return std::monostate{};
  return std::string(Name(*v));
}

Status Invalid(const Db& db, const std::string& what) {
  return Status::InvalidArgument(db.path + ": " + what);
}

// Runs `sql` with `row` bound, in the caller's transaction.
Status RunOnce(const Db& db, std::string_view sql, const Row& row, std::string_view what) {
  StatusOr<Stmt> stmt = Stmt::Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  stmt->BindRow(row);
  return stmt->Run(what);
}

}  // namespace

StatusOr<int64_t> RecordFetch(Store* store, const FetchRow& r) {
  const Db db = StoreAccess::Db(*store);
  if (r.url.empty() || r.source_url.empty()) return Invalid(db, "a fetch needs url and source_url");
  if (!sql::IsUtcTimestamp(r.started_at))
    return Invalid(db, "fetch of " + r.url + ": started_at '" + r.started_at +
                           "' is not YYYY-MM-DDTHH:MM:SSZ");
  if (r.http_status && (*r.http_status < 100 || *r.http_status > 599))
    return Invalid(db, "fetch of " + r.url + ": HTTP status " + std::to_string(*r.http_status) +
                           " outside 100..599");
  if (r.attempts < 1) return Invalid(db, "fetch of " + r.url + ": attempts < 1");
  if ((r.bytes && *r.bytes < 0) || (r.seconds && !(*r.seconds >= 0)))
    return Invalid(db, "fetch of " + r.url + ": negative (or NaN) bytes or seconds");
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  Row row = {OptInt(r.run_id),
             sql::Text(r.source_url),
             sql::Text(r.url),
             sql::TextOrNull(r.final_url),
             r.http_status ? SqlValue(int64_t{*r.http_status}) : SqlValue(),
             sql::Text(Name(r.outcome)),
             OptClass(r.failure_class),
             sql::TextOrNull(r.etag),
             sql::TextOrNull(r.last_modified),
             sql::TextOrNull(r.content_type),
             OptInt(r.bytes),
             sql::Int(r.attempts),
             sql::RealOrNull(r.seconds),
             sql::Text(r.started_at),
             sql::TextOrNull(r.error),
             sql::TextOrNull(r.content_hash)};
  if (Status s = RunOnce(db,
                         "INSERT INTO fetches (run_id, source_url, url, final_url, http_status, "
                         "outcome, failure_class, etag, last_modified, content_type, bytes, "
                         "attempts, seconds, started_at, error, content_hash) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         row, "recording a fetch of " + r.url);
      !s.ok())
    return s;
  const int64_t id = sqlite3_last_insert_rowid(db.db);
  if (Status s = tx.Commit(); !s.ok()) return s;
  return id;
}

StatusOr<std::optional<UrlState>> LoadUrlState(const Store& store, std::string_view url) {
  const Db db = StoreAccess::Db(store);
  StatusOr<Stmt> q =
      Stmt::Prepare(db,
                    "SELECT url, etag, last_modified, content_hash, last_status, last_fetched_at, "
                    "failures_in_a_row, last_failure_class FROM url_state WHERE url = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, sql::Text(url));
  StatusOr<bool> has = q->Next("reading url_state");
  if (!has.ok()) return has.status();
  if (!*has) return std::optional<UrlState>();
  Row row = q->Columns(0, 8);
  sql::Cursor c(row, "url_state of " + std::string(url));
  UrlState s;
  s.url = c.Text();
  s.etag = c.Text();
  s.last_modified = c.Text();
  s.content_hash = c.Text();
  if (std::holds_alternative<std::monostate>(row[4])) {
    c.Skip();
  } else {
    s.last_status = static_cast<int>(c.Integer());
  }
  s.last_fetched_at = c.Text();
  s.failures_in_a_row = static_cast<int>(c.Integer());
  if (std::holds_alternative<std::monostate>(row[7])) {
    c.Skip();
  } else {
    s.last_failure_class = c.Enum(&ParseFailureClass, FailureClass::kTemporary);
  }
  if (!c.ok()) return db.Corrupt(c.error());
  return std::optional<UrlState>(std::move(s));
}

Status SaveUrlState(Store* store, const UrlState& s) {
  const Db db = StoreAccess::Db(*store);
  if (s.url.empty()) return Invalid(db, "url_state needs a url");
  if (!sql::IsUtcTimestamp(s.last_fetched_at))
    return Invalid(db, "url_state of " + s.url + ": last_fetched_at '" + s.last_fetched_at +
                           "' is not YYYY-MM-DDTHH:MM:SSZ");
  if (s.failures_in_a_row < 0) return Invalid(db, "url_state of " + s.url + ": negative failures");
  Transaction tx(db);
  if (Status st = tx.Begin(); !st.ok()) return st;
  Row row = {sql::Text(s.url),
             sql::TextOrNull(s.etag),
             sql::TextOrNull(s.last_modified),
             sql::TextOrNull(s.content_hash),
             s.last_status ? SqlValue(int64_t{*s.last_status}) : SqlValue(),
             sql::Text(s.last_fetched_at),
             sql::Int(s.failures_in_a_row),
             OptClass(s.last_failure_class)};
  if (Status st = RunOnce(db,
                          "INSERT OR REPLACE INTO url_state (url, etag, last_modified, "
                          "content_hash, last_status, last_fetched_at, failures_in_a_row, "
                          "last_failure_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          row, "saving url_state of " + s.url);
      !st.ok())
    return st;
  return tx.Commit();
}

Status PutDateWitnesses(Store* store, int64_t article_id, const std::vector<DateWitness>& witnesses,
                        std::optional<size_t> chosen_index) {
  const Db db = StoreAccess::Db(*store);
  const std::string who = "article " + std::to_string(article_id);
  if (chosen_index && *chosen_index >= witnesses.size())
    return Invalid(db, who + ": chosen witness " + std::to_string(*chosen_index) + " of " +
                           std::to_string(witnesses.size()));
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  {
    StatusOr<Stmt> q = Stmt::Prepare(db, "SELECT 1 FROM articles WHERE id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, sql::Int(article_id));
    StatusOr<bool> found = q->Next("looking up " + who);
    if (!found.ok()) return found.status();
    if (!*found) return Invalid(db, "no " + who + " to attach date witnesses to");
  }
  if (Status s = RunOnce(db, "DELETE FROM date_witnesses WHERE article_id = ?",
                         {sql::Int(article_id)}, "replacing the date witnesses of " + who);
      !s.ok())
    return s;
  StatusOr<Stmt> ins = Stmt::Prepare(
      db,
      "INSERT INTO date_witnesses (article_id, ordinal, method, where_found, raw, date, "
      "modified, chosen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  for (size_t i = 0; i < witnesses.size(); ++i) {
    const DateWitness& w = witnesses[i];
    ins->Reset();
    ins->BindRow({sql::Int(article_id), sql::Int(static_cast<int64_t>(i)),
                  sql::Text(Name(w.method)), sql::Text(w.where), sql::Text(w.raw),
                  sql::DateOrNull(w.date), sql::Int(w.modified ? 1 : 0),
                  sql::Int(chosen_index && *chosen_index == i ? 1 : 0)});
    if (Status s = ins->Run("storing a date witness of " + who); !s.ok()) return s;
  }
  return tx.Commit();
}

StatusOr<StoredWitnesses> LoadDateWitnesses(const Store& store, int64_t article_id) {
  const Db db = StoreAccess::Db(store);
  StatusOr<Stmt> q = Stmt::Prepare(db,
                                   "SELECT method, where_found, raw, date, modified, chosen "
                                   "FROM date_witnesses WHERE article_id = ? ORDER BY ordinal");
  if (!q.ok()) return q.status();
  q->Bind(1, sql::Int(article_id));
  StoredWitnesses out;
  for (;;) {
    StatusOr<bool> has = q->Next("reading date witnesses");
    if (!has.ok()) return has.status();
    if (!*has) break;
    Row row = q->Columns(0, 6);
    sql::Cursor c(row, "date witness of article " + std::to_string(article_id));
    DateWitness w;
    w.method = c.Enum(&ParsePublishedMethod, PublishedMethod::kUnknown);
    w.where = c.Text();
    w.raw = c.Text();
    w.date = c.OptDate();
    w.modified = c.Integer() != 0;
    if (c.Integer() != 0) out.chosen_index = out.witnesses.size();
    if (!c.ok()) return db.Corrupt(c.error());
    out.witnesses.push_back(std::move(w));
  }
  return out;
}

Status PutArticleWebMeta(Store* store, int64_t article_id, std::string_view byline,
                         std::string_view charset, std::string_view charset_method,
                         bool dates_disagree) {
  const Db db = StoreAccess::Db(*store);
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  // Only a real change is written, so storing the same values leaves the file as it was.
  if (Status s = RunOnce(db,
                         "UPDATE articles SET byline = ?, charset = ?, charset_method = ?, "
                         "dates_disagree = ? WHERE id = ? AND (byline IS NOT ? OR charset IS NOT "
                         "? OR charset_method IS NOT ? OR dates_disagree IS NOT ?)",
                         {sql::TextOrNull(byline), sql::TextOrNull(charset),
                          sql::TextOrNull(charset_method), sql::Int(dates_disagree ? 1 : 0),
                          sql::Int(article_id), sql::TextOrNull(byline), sql::TextOrNull(charset),
                          sql::TextOrNull(charset_method), sql::Int(dates_disagree ? 1 : 0)},
                         "storing the web metadata of article " + std::to_string(article_id));
      !s.ok())
    return s;
  if (sqlite3_changes(db.db) == 0) {
    StatusOr<Stmt> q = Stmt::Prepare(db, "SELECT 1 FROM articles WHERE id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, sql::Int(article_id));
    StatusOr<bool> found = q->Next("looking up article " + std::to_string(article_id));
    if (!found.ok()) return found.status();
    if (!*found) return Invalid(db, "no article " + std::to_string(article_id));
  }
  return tx.Commit();
}

StatusOr<size_t> RecordFeedEntries(Store* store, std::string_view source_url,
                                   const std::vector<FeedEntryRow>& entries,
                                   std::string_view seen_at) {
  const Db db = StoreAccess::Db(*store);
  if (source_url.empty()) return Invalid(db, "feed entries need a source_url");
  if (!sql::IsUtcTimestamp(seen_at))
    return Invalid(db, "feed entries of " + std::string(source_url) + ": seen_at '" +
                           std::string(seen_at) + "' is not YYYY-MM-DDTHH:MM:SSZ");
  for (const FeedEntryRow& e : entries)
    if (e.url.empty()) return Invalid(db, "an entry of " + std::string(source_url) + " has no url");
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  StatusOr<Stmt> ins = Stmt::Prepare(
      db,
      "INSERT INTO feed_entries (source_url, url, title, outlet, first_seen_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_url, url) DO UPDATE SET "
      "title = COALESCE(title, excluded.title), outlet = COALESCE(outlet, excluded.outlet) "
      "WHERE (title IS NULL AND excluded.title IS NOT NULL) "
      "OR (outlet IS NULL AND excluded.outlet IS NOT NULL)");
  if (!ins.ok()) return ins.status();
  StatusOr<Stmt> exists =
      Stmt::Prepare(db, "SELECT 1 FROM feed_entries WHERE source_url = ? AND url = ?");
  if (!exists.ok()) return exists.status();
  size_t added = 0;
  for (const FeedEntryRow& e : entries) {
    exists->Reset();
    exists->BindRow({sql::Text(source_url), sql::Text(e.url)});
    StatusOr<bool> had = exists->Next("looking up a feed entry");
    if (!had.ok()) return had.status();
    if (!*had) ++added;
    exists->Reset();
    ins->Reset();
    ins->BindRow({sql::Text(source_url), sql::Text(e.url), sql::TextOrNull(e.title),
                  sql::TextOrNull(e.outlet), sql::Text(seen_at)});
    if (Status s = ins->Run("recording feed entry " + e.url); !s.ok()) return s;
  }
  if (Status s = tx.Commit(); !s.ok()) return s;
  return added;
}

StatusOr<std::vector<std::string>> FailingSources(const Store& store, int min_failures_in_a_row) {
  const Db db = StoreAccess::Db(store);
  StatusOr<Stmt> q = Stmt::Prepare(db,
                                   "SELECT url FROM url_state WHERE failures_in_a_row >= ? "
                                   "ORDER BY failures_in_a_row DESC, url");
  if (!q.ok()) return q.status();
  q->Bind(1, sql::Int(std::max(min_failures_in_a_row, 1)));
  std::vector<std::string> out;
  for (;;) {
    StatusOr<bool> has = q->Next("reading failing sources");
    if (!has.ok()) return has.status();
    if (!*has) break;
    Row row = q->Columns(0, 1);
    sql::Cursor c(row, "url_state");
    out.push_back(c.Text());
  }
  return out;
}

}  // namespace newsrecon
