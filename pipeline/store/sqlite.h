// The store stage's own SQLite helpers: values, prepared statements,
// transactions and row cursors that name the file in every error. Internal to
// pipeline/store/: no other stage includes this header (guide §4: the store is
// the only module that touches SQLite).
//
// Files of the store stage other than store.cc (fetch log, runs, desk ...)
// reach a Store's connection through StoreAccess::Db.
#ifndef NEWSRECON_PIPELINE_STORE_SQLITE_H_
#define NEWSRECON_PIPELINE_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pipeline/core/civil_date.h"
#include "pipeline/core/status.h"
#include "pipeline/store/store.h"

namespace newsrecon {
namespace sql {

// One SQL value as bound or read; NULL is std::monostate.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<SqlValue>;

inline SqlValue TextOrNull(std::string_view s) {
  if (s.empty()) return std::monostate{};
  return std::string(s);
}
inline SqlValue DateOrNull(const std::optional<CivilDate>& d) {
  if (!d) return std::monostate{};
  return d->ToIso();
}
inline SqlValue RealOrNull(const std::optional<double>& d) {
  if (!d) return std::monostate{};
  return *d;
}
inline SqlValue Int(int64_t v) { return v; }
inline SqlValue Text(std::string_view s) { return std::string(s); }

// Numbers compare by value whatever their storage class, so a REAL that
// SQLite kept as an integer on disk still compares equal.
inline bool SameValue(const SqlValue& a, const SqlValue& b) {
  auto number = [](const SqlValue& v) -> std::optional<double> {
    if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
    if (auto* d = std::get_if<double>(&v)) return *d;
    return std::nullopt;
  };
  if (std::holds_alternative<int64_t>(a) && std::holds_alternative<int64_t>(b))
    return std::get<int64_t>(a) == std::get<int64_t>(b);
  std::optional<double> x = number(a);
  std::optional<double> y = number(b);
  if (x && y) return *x == *y;
  return a == b;
}
inline bool SameRow(const Row& a, const Row& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!SameValue(a[i], b[i])) return false;
  return true;
}

inline Status MakeStatus(int rc, std::string message) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(std::move(message));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_ERROR:  // SQL that does not fit the schema: not what we wrote
      return Status::Corruption(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return Status::InvalidArgument(std::move(message));
    default:
      return Status::IoError(std::move(message));
  }
}

// The connection and the file it is for, to name both in errors.
struct Db {
  sqlite3* db;
  const std::string& path;

  // "<path>: <what>: <SQLite's message>", with a code that matches rc.
  Status Error(int rc, std::string_view what) const {
    std::string msg = path + ": " + std::string(what) + ": ";
    if ((rc & 0xff) == SQLITE_NOTADB) {
      msg = path + ": not a SQLite database (" + std::string(what) + ": ";
      msg += sqlite3_errstr(rc);
      msg += ")";
      return Status::Corruption(msg);
    }
    if ((rc & 0xff) == SQLITE_BUSY) {
      msg += "the database is locked by another writer (waited " + std::to_string(kBusyTimeoutMs) +
             " ms): ";
    }
    msg += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return MakeStatus(rc, std::move(msg));
  }
  Status Corrupt(std::string_view what) const {
    return Status::Corruption(path + ": " + std::string(what));
  }
};

struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

// A prepared statement, finalized when it goes out of scope.
class Stmt {
 public:
  static StatusOr<Stmt> Prepare(const Db& db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db.db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    Stmt stmt(db, raw);
    if (rc != SQLITE_OK) return db.Error(rc, "preparing \"" + std::string(sql) + "\"");
    return stmt;
  }

  void Bind(int index, const SqlValue& v) {
    sqlite3_stmt* s = stmt_.get();
    if (std::holds_alternative<std::monostate>(v)) {
      sqlite3_bind_null(s, index);
    } else if (auto* i = std::get_if<int64_t>(&v)) {
      sqlite3_bind_int64(s, index, *i);
    } else if (auto* d = std::get_if<double>(&v)) {
      sqlite3_bind_double(s, index, *d);
    } else {
      const std::string& t = std::get<std::string>(v);
      sqlite3_bind_text64(s, index, t.data(), t.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
  }
  // Binds row[i] to parameter first + i.
  void BindRow(const Row& row, int first = 1) {
    for (size_t i = 0; i < row.size(); ++i) Bind(first + static_cast<int>(i), row[i]);
  }

  // Steps once: true with a row, false when done.
  StatusOr<bool> Next(std::string_view what) {
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return db_.Error(rc, what);
  }
  // Steps to the end, ignoring rows.
  Status Run(std::string_view what) {
    for (;;) {
      StatusOr<bool> more = Next(what);
      if (!more.ok()) return more.status();
      if (!*more) return Status::Ok();
    }
  }
  void Reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }

  SqlValue Column(int i) const {
    sqlite3_stmt* s = stmt_.get();
    switch (sqlite3_column_type(s, i)) {
      case SQLITE_INTEGER:
        return static_cast<int64_t>(sqlite3_column_int64(s, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(s, i);
      case SQLITE_NULL:
        return std::monostate{};
      default: {
        const unsigned char* t = sqlite3_column_text(s, i);
        int n = sqlite3_column_bytes(s, i);
        return std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n));
      }
    }
  }
  // Columns [first, first + n).
  Row Columns(int first, int n) const {
    Row row;
    row.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) row.push_back(Column(first + i));
    return row;
  }

 private:
  Stmt(const Db& db, sqlite3_stmt* s) : db_(db), stmt_(s) {}
  Db db_;
  std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt_;
};

inline Status Exec(const Db& db, const std::string& sql, std::string_view what) {
  char* err = nullptr;
  int rc = sqlite3_exec(db.db, sql.c_str(), nullptr, nullptr, &err);
  if (err != nullptr) sqlite3_free(err);
  if (rc != SQLITE_OK) return db.Error(rc, what);
  return Status::Ok();
}

// Runs one statement with `params`.
inline Status Write(const Db& db, const std::string& sql, const Row& params,
                    std::string_view what) {
  StatusOr<Stmt> q = Stmt::Prepare(db, sql);
  if (!q.ok()) return q.status();
  q->BindRow(params);
  return q->Run(what);
}

// Runs a read-only query whose rows have `columns` columns, calling `each`
// with every row; stops at the first non-ok Status.
inline Status ForEachRow(const Db& db, std::string_view query, const Row& params, int columns,
                         std::string_view what, const std::function<Status(const Row&)>& each) {
  StatusOr<Stmt> q = Stmt::Prepare(db, query);
  if (!q.ok()) return q.status();
  q->BindRow(params);
  for (;;) {
    StatusOr<bool> more = q->Next(what);
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    if (Status s = each(q->Columns(0, columns)); !s.ok()) return s;
  }
}

// The same, every row at once.
inline StatusOr<std::vector<Row>> AllRows(const Db& db, std::string_view query, const Row& params,
                                          int columns, std::string_view what) {
  std::vector<Row> rows;
  Status s = ForEachRow(db, query, params, columns, what, [&](const Row& r) {
    rows.push_back(r);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return rows;
}

// BEGIN IMMEDIATE ... COMMIT; rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(const Db& db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (active_) sqlite3_exec(db_.db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status Begin() {
    Status s = Exec(db_, "BEGIN IMMEDIATE", "starting a write transaction");
    active_ = s.ok();
    return s;
  }
  Status Commit() {
    Status s = Exec(db_, "COMMIT", "committing");
    if (s.ok()) active_ = false;
    return s;
  }

 private:
  Db db_;
  bool active_ = false;
};

// Reads a Row front to back, turning names back into enums; the first value
// it cannot read is kept as an error (stored data that is not what we wrote).
class Cursor {
 public:
  Cursor(const Row& row, std::string where) : row_(row), where_(std::move(where)) {}

  void Skip() { ++i_; }
  std::string Text() {
    const SqlValue& v = Next();
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (!std::holds_alternative<std::monostate>(v)) Fail("a text");
    return "";
  }
  std::optional<double> OptReal() {
    const SqlValue& v = Next();
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
    if (!std::holds_alternative<std::monostate>(v)) Fail("a number");
    return std::nullopt;
  }
  double Real() {
    std::optional<double> d = OptReal();
    if (!d) Fail("a number");
    return d.value_or(0);
  }
  int64_t Integer() {
    const SqlValue& v = Next();
    if (auto* i = std::get_if<int64_t>(&v)) return *i;
    Fail("an integer");
    return 0;
  }
  std::optional<CivilDate> OptDate() {
    std::string s = Text();
    if (s.empty()) return std::nullopt;
    std::optional<CivilDate> d = ParseIsoDate(s);
    if (!d) Fail("an ISO 8601 date, got '" + s + "'");
    return d;
  }
  CivilDate Date() {
    std::optional<CivilDate> d = OptDate();
    if (!d) Fail("an ISO 8601 date");
    return d.value_or(CivilDate{});
  }
  template <typename E>
  E Enum(std::optional<E> (*parse)(std::string_view), E fallback) {
    std::string s = Text();
    std::optional<E> e = parse(s);
    if (!e) Fail("a known name, got '" + s + "'");
    return e.value_or(fallback);
  }

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  const SqlValue& Next() {
    static const SqlValue kNull;  // NOLINT: immutable
    if (i_ >= row_.size()) {
      Fail("more columns");
      return kNull;
    }
    return row_[i_++];
  }
  void Fail(const std::string& expected) {
    if (error_.empty())
      error_ = where_ + ", column " + std::to_string(i_) + ": expected " + expected;
  }

  const Row& row_;
  std::string where_;
  size_t i_ = 0;
  std::string error_;
};

inline std::string Join(const std::vector<std::string_view>& names, std::string_view prefix = "") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += prefix;
    out += names[i];
  }
  return out;
}
inline std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}
inline std::string Assignments(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::string(names[i]) + " = ?";
  }
  return out;
}

// "YYYY-MM-DDTHH:MM:SSZ" with a real date and time.
inline bool IsUtcTimestamp(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
  if (!ParseIsoDate(t.substr(0, 10))) return false;
  auto two = [&](size_t at) -> int {
    if (t[at] < '0' || t[at] > '9' || t[at + 1] < '0' || t[at + 1] > '9') return 99;
    return (t[at] - '0') * 10 + (t[at + 1] - '0');
  };
  return two(11) < 24 && two(14) < 60 && two(17) <= 60;
}

}  // namespace sql

// The one door from the store stage's other files to a Store's connection.
struct StoreAccess {
  static sql::Db Db(const Store& store) { return sql::Db{store.db_.get(), store.path_}; }
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_STORE_SQLITE_H_
