#include "pipeline/store/runs.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <variant>

#include "pipeline/store/sqlite.h"

namespace newsrecon {
namespace {

using namespace sql;  // NOLINT: the store's own SQLite helpers

int64_t AsInt(const SqlValue& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return 0;
}
std::string AsText(const SqlValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return "";
}

// Runs `sql` (one statement, with `params`) and returns its rows.
StatusOr<std::vector<Row>> Query(const Db& db, const std::string& sql, int width,
                                 const Row& params = {}) {
  return AllRows(db, sql, params, width, "reading " + sql.substr(0, 40));
}

const char kCountColumns[] =
    "sources, sources_failed, documents, fetched, not_modified, articles_new, "
    "articles_changed, articles_unchanged, claims, conflicts, conflicts_new, agreements, failures, "
    "articles_copied";
constexpr int kCountWidth = 14;

Row CountsRow(const RunCounts& c) {
  return {Int(c.sources),          Int(c.sources_failed),     Int(c.documents),
          Int(c.fetched),          Int(c.not_modified),       Int(c.articles_new),
          Int(c.articles_changed), Int(c.articles_unchanged), Int(c.claims),
          Int(c.conflicts),        Int(c.conflicts_new),      Int(c.agreements),
          Int(c.failures),         Int(c.articles_copied)};
}
RunCounts CountsFromRow(const Row& r, size_t first) {
  RunCounts c;
  int* fields[] = {&c.sources,      &c.sources_failed, &c.documents,        &c.fetched,
                   &c.not_modified, &c.articles_new,   &c.articles_changed, &c.articles_unchanged,
                   &c.claims,       &c.conflicts,      &c.conflicts_new,    &c.agreements,
                   &c.failures,     &c.articles_copied};
  for (size_t i = 0; i < kCountWidth; ++i) *fields[i] = static_cast<int>(AsInt(r[first + i]));
  return c;
}

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

}  // namespace

StatusOr<int> MarkInterruptedRuns(Store* store) {
  const Db db = StoreAccess::Db(*store);
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = Write(db, "UPDATE runs SET status = 'interrupted' WHERE status = 'running'", {},
                       "marking interrupted runs");
      !s.ok())
    return s;
  const int n = sqlite3_changes(db.db);
  if (Status s = tx.Commit(); !s.ok()) return s;
  return n;
}

StatusOr<int64_t> BeginRun(Store* store, const RunStart& start) {
  const Db db = StoreAccess::Db(*store);
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = Write(db,
                       "INSERT INTO runs (run_uuid, started_at, pid, version, command) "
                       "VALUES (?, ?, ?, ?, ?)",
                       {Text(start.run_uuid), Text(start.started_at), Int(start.pid),
                        Text(start.version), Text(start.command)},
                       "recording the run's start");
      !s.ok())
    return s;
  const int64_t id = sqlite3_last_insert_rowid(db.db);
  if (Status s = tx.Commit(); !s.ok()) return s;
  return id;
}

Status EndRun(Store* store, int64_t run_id, const RunEnd& end) {
  const Db db = StoreAccess::Db(*store);
  Row params = {Text(end.finished_at), Text(end.status), Int(end.exit_code),
                TextOrNull(end.message)};
  Row counts = CountsRow(end.counts);
  params.insert(params.end(), counts.begin(), counts.end());
  params.push_back(Int(run_id));
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = Write(db,
                       "UPDATE runs SET finished_at = ?, status = ?, exit_code = ?, message = ?, "
                       "sources = ?, sources_failed = ?, documents = ?, fetched = ?, "
                       "not_modified = ?, articles_new = ?, articles_changed = ?, "
                       "articles_unchanged = ?, claims = ?, conflicts = ?, conflicts_new = ?, "
                       "agreements = ?, failures = ?, articles_copied = ? WHERE id = ?",
                       params, "recording the run's end");
      !s.ok())
    return s;
  return tx.Commit();
}

Status AddRunSource(Store* store, int64_t run_id, const RunSourceRow& r) {
  const Db db = StoreAccess::Db(*store);
  return Write(db,
               "INSERT OR REPLACE INTO run_sources (run_id, source, status, documents, failures, "
               "articles_new, articles_changed, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {Int(run_id), Text(r.source), Text(r.status), Int(r.documents), Int(r.failures),
                Int(r.articles_new), Int(r.articles_changed), TextOrNull(r.message)},
               "recording a run's source");
}

StatusOr<bool> ArticleStored(const Store& store, std::string_view url, std::string_view path) {
  const Db db = StoreAccess::Db(store);
  StatusOr<std::vector<Row>> rows =
      Query(db, "SELECT 1 FROM articles WHERE source_key = ?", 1, {Text(url.empty() ? path : url)});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

StatusOr<FindingCounts> CountFindings(const Store& store) {
  StatusOr<std::vector<Row>> rows =
      Query(StoreAccess::Db(store),
            "SELECT (SELECT COUNT(*) FROM conflicts), (SELECT COUNT(*) FROM agreements)", 2);
  if (!rows.ok()) return rows.status();
  FindingCounts out;
  if (!rows->empty()) {
    out.conflicts = AsInt((*rows)[0][0]);
    out.agreements = AsInt((*rows)[0][1]);
  }
  return out;
}

StatusOr<std::set<std::string>> ConflictIds(const Store& store) {
  const Db db = StoreAccess::Db(store);
  StatusOr<std::vector<Row>> rows = Query(db, "SELECT id FROM conflicts", 1);
  if (!rows.ok()) return rows.status();
  std::set<std::string> ids;
  for (const Row& r : *rows) ids.insert(AsText(r[0]));
  return ids;
}

Status LimitPageCount(Store* store, int64_t pages) {
  if (pages <= 0) return Status::Ok();
  const Db db = StoreAccess::Db(*store);
  return Exec(db, "PRAGMA max_page_count = " + std::to_string(pages), "limiting the file's size");
}

StatusOr<StoreStatus> LoadStoreStatus(const Store& store, int max_runs) {
  const Db db = StoreAccess::Db(store);
  StoreStatus out;
  out.schema_version = store.schema_version();
  {
    StatusOr<std::vector<Row>> rows =
        Query(db,
              "SELECT (SELECT page_count FROM pragma_page_count()) * "
              "(SELECT page_size FROM pragma_page_size()), (SELECT COUNT(*) FROM articles), "
              "(SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM conflicts), "
              "(SELECT COUNT(*) FROM agreements), (SELECT COUNT(*) FROM article_copies), "
              "(SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL)",
              7);
    if (!rows.ok()) return rows.status();
    const Row& r = rows->at(0);
    out.database_bytes = AsInt(r[0]);
    out.articles = AsInt(r[1]);
    out.claims = AsInt(r[2]);
    out.conflicts = AsInt(r[3]);
    out.agreements = AsInt(r[4]);
    out.copies = AsInt(r[5]);
    out.near_copies = AsInt(r[6]);
  }
  {
    StatusOr<std::vector<Row>> rows =
        Query(db,
              std::string("SELECT id, run_uuid, started_at, finished_at, status, command, "
                          "message, exit_code, ") +
                  kCountColumns + " FROM runs ORDER BY id DESC LIMIT ?",
              8 + kCountWidth, {Int(max_runs)});
    if (!rows.ok()) return rows.status();
    for (const Row& r : *rows) {
      RunRow run;
      run.id = AsInt(r[0]);
      run.run_uuid = AsText(r[1]);
      run.started_at = AsText(r[2]);
      run.finished_at = AsText(r[3]);
      run.status = AsText(r[4]);
      run.command = AsText(r[5]);
      run.message = AsText(r[6]);
      if (!std::holds_alternative<std::monostate>(r[7])) run.exit_code = AsInt(r[7]);
      run.counts = CountsFromRow(r, 8);
      out.runs.push_back(std::move(run));
    }
  }
  {
    StatusOr<std::vector<Row>> rows =
        Query(db,
              "SELECT source, runs, last_run_at, last_success_at, failures_in_a_row, "
              "last_failure, articles_new, last_new_article_at, days_without_new_article, stale, "
              "last_http_status, last_failure_class FROM source_health WHERE failures_in_a_row > 0 "
              "OR stale",
              12);
    if (!rows.ok()) return rows.status();
    for (const Row& r : *rows) {
      SourceHealthRow h;
      h.source = AsText(r[0]);
      h.runs = AsInt(r[1]);
      h.last_run_at = AsText(r[2]);
      h.last_success_at = AsText(r[3]);
      h.failures_in_a_row = AsInt(r[4]);
      h.last_failure = AsText(r[5]);
      h.articles_new = AsInt(r[6]);
      h.last_new_article_at = AsText(r[7]);
      h.days_without_new_article = AsInt(r[8]);
      h.stale = AsInt(r[9]) != 0;
      if (!std::holds_alternative<std::monostate>(r[10])) h.last_http_status = AsInt(r[10]);
      h.last_failure_class = AsText(r[11]);
      out.unhealthy.push_back(std::move(h));
    }
  }
  return out;
}

Status BackupDatabase(const Store& store, const std::string& out, bool force) {
  namespace fs = std::filesystem;
  const Db src = StoreAccess::Db(store);
  std::error_code ec;
  if (fs::exists(out, ec) && !force)
    return Status::InvalidArgument(out + ": exists; give --force to overwrite it");
  const std::string tmp = out + ".partial";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(tmp + suffix, ec);

  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(tmp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, CloseDb> dest(raw);
  const Db dst{raw, tmp};
  if (rc != SQLITE_OK) return Status::IoError(dst.Error(rc, "cannot create the backup").message());
  sqlite3_backup* backup = sqlite3_backup_init(raw, "main", src.db, "main");
  if (backup == nullptr)
    return Status::IoError(dst.Error(sqlite3_errcode(raw), "backup").message());
  // Copies everything in one step: a consistent snapshot of the source even
  // while other processes write to it (they are not blocked in WAL mode).
  rc = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finish != SQLITE_OK) {
    Status s = dst.Error(rc != SQLITE_DONE ? rc : finish, "copying the database");
    dest.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(tmp + suffix, ec);
    return s.code() == Status::Code::kBusy ? s : Status::IoError(s.message());
  }
  StatusOr<std::vector<Row>> check = Query(dst, "PRAGMA integrity_check", 1);
  const bool intact = check.ok() && check->size() == 1 && AsText(check->at(0)[0]) == "ok";
  dest.reset();  // closing checkpoints the copy's WAL into the file
  if (!intact) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(tmp + suffix, ec);
    return Status::Corruption(out + ": the copy failed PRAGMA integrity_check" +
                              (check.ok() ? "" : ": " + check.status().message()));
  }
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(out + suffix, ec);
  fs::rename(tmp, out, ec);
  if (ec) return Status::IoError(out + ": cannot move the copy in place: " + ec.message());
  return Status::Ok();
}

}  // namespace newsrecon
