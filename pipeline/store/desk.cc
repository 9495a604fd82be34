#include "pipeline/store/desk.h"

#include <string>
#include <utility>

#include "pipeline/core/names.h"
#include "pipeline/store/sqlite.h"

namespace newsrecon {
namespace {

using sql::Db;
using sql::ForEachRow;
using sql::Row;
using sql::Stmt;

// "name" with embedded quotes doubled: an identifier SQLite reads as such.
std::string QuoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool IsShadowTable(const std::string& name, const std::vector<std::string>& virtual_tables) {
  for (const std::string& v : virtual_tables) {
    if (name.size() <= v.size() + 1 || name.compare(0, v.size(), v) != 0 || name[v.size()] != '_')
      continue;
    const std::string suffix = name.substr(v.size() + 1);
    if (suffix == "data" || suffix == "idx" || suffix == "docsize" || suffix == "config" ||
        suffix == "content")
      return true;
  }
  return false;
}

// The column names of a table or view, in declaration order.
StatusOr<std::vector<std::string>> ColumnsOf(const Db& db, const std::string& name) {
  std::vector<std::string> columns;
  Status s = ForEachRow(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid", {name}, 1,
                        "reading the columns of " + name, [&](const Row& row) {
                          sql::Cursor c(row, name);
                          columns.push_back(c.Text());
                          return Status::Ok();
                        });
  if (!s.ok()) return s;
  return columns;
}

}  // namespace

StatusOr<std::vector<StoredReview>> LoadReviews(const Store& store) {
  const Db db = StoreAccess::Db(store);
  std::vector<StoredReview> out;
  Status s = ForEachRow(db,
                        "SELECT id, conflict_id, verdict, note, reviewer, reviewed_at FROM reviews"
                        " ORDER BY conflict_id, reviewed_at, id",
                        {}, 6, "reading reviews", [&](const Row& row) {
                          sql::Cursor c(row, db.path + ": reviews row");
                          StoredReview r;
                          r.id = c.Integer();
                          r.conflict_id = c.Text();
                          r.verdict = c.Enum(&ParseReviewStatus, ReviewStatus::kOpen);
                          r.note = c.Text();
                          r.reviewer = c.Text();
                          r.reviewed_at = c.Text();
                          if (!c.ok()) return db.Corrupt(c.error());
                          out.push_back(std::move(r));
                          return Status::Ok();
                        });
  if (!s.ok()) return s;
  return out;
}

StatusOr<std::vector<SchemaDoc>> LoadSchemaDocs(const Store& store) {
  const Db db = StoreAccess::Db(store);
  std::vector<SchemaDoc> out;
  Status s = ForEachRow(db,
                        "SELECT object, \"column\", kind, description, unit, time_zone, null_means"
                        " FROM schema_docs ORDER BY object, \"column\" IS NOT NULL, id",
                        {}, 7, "reading schema_docs", [&](const Row& row) {
                          sql::Cursor c(row, db.path + ": schema_docs row");
                          SchemaDoc d;
                          d.object = c.Text();
                          d.column = c.Text();
                          d.kind = c.Text();
                          d.description = c.Text();
                          d.unit = c.Text();
                          d.time_zone = c.Text();
                          d.null_means = c.Text();
                          if (!c.ok()) return db.Corrupt(c.error());
                          out.push_back(std::move(d));
                          return Status::Ok();
                        });
  if (!s.ok()) return s;
  return out;
}

StatusOr<std::vector<SchemaObject>> ListSchemaObjects(const Store& store) {
  const Db db = StoreAccess::Db(store);
  std::vector<SchemaObject> all;
  std::vector<std::string> virtual_tables;
  Status s =
      ForEachRow(db,
                 "SELECT name, type, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master"
                 " WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                 " ORDER BY name",
                 {}, 3, "listing tables and views", [&](const Row& row) {
                   sql::Cursor c(row, db.path + ": sqlite_master row");
                   SchemaObject o;
                   o.name = c.Text();
                   o.type = c.Text();
                   o.virtual_table = c.Integer() != 0;
                   if (!c.ok()) return db.Corrupt(c.error());
                   if (o.virtual_table) virtual_tables.push_back(o.name);
                   all.push_back(std::move(o));
                   return Status::Ok();
                 });
  if (!s.ok()) return s;
  std::vector<SchemaObject> out;
  for (SchemaObject& o : all) {
    if (IsShadowTable(o.name, virtual_tables)) continue;
    StatusOr<std::vector<std::string>> columns = ColumnsOf(db, o.name);
    if (!columns.ok()) return columns.status();
    o.columns = std::move(*columns);
    out.push_back(std::move(o));
  }
  return out;
}

StatusOr<std::vector<ForeignKeyColumn>> ListForeignKeys(const Store& store) {
  const Db db = StoreAccess::Db(store);
  std::vector<ForeignKeyColumn> out;
  // An index serves a foreign key when the key column is its first column;
  // the primary key of a WITHOUT ROWID table counts (pragma_index_list lists
  // it with origin 'pk'), as does a UNIQUE constraint.
  Status s = ForEachRow(
      db,
      "SELECT m.name, f.\"from\", f.\"table\" || '(' || COALESCE(f.\"to\", 'rowid') || ')',"
      "  EXISTS (SELECT 1 FROM pragma_index_list(m.name) AS il"
      "          JOIN pragma_index_info(il.name) AS ii"
      "          WHERE ii.seqno = 0 AND ii.name = f.\"from\")"
      " FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f"
      " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
      {}, 4, "listing foreign keys", [&](const Row& row) {
        sql::Cursor c(row, db.path + ": foreign key");
        ForeignKeyColumn f;
        f.table = c.Text();
        f.column = c.Text();
        f.references = c.Text();
        f.indexed = c.Integer() != 0;
        if (!c.ok()) return db.Corrupt(c.error());
        out.push_back(std::move(f));
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return out;
}

Status ExportRows(const Store& store, ExportObject type, std::string_view name,
                  const std::function<void(const std::vector<std::string>&)>& on_header,
                  const std::function<Status(const std::vector<Cell>&)>& on_row) {
  const Db db = StoreAccess::Db(store);
  const std::string wanted = type == ExportObject::kTable ? "table" : "view";
  std::string found_type;
  std::vector<std::string> names;
  Status s = ForEachRow(db,
                        "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
                        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
                        {}, 2, "looking up " + std::string(name), [&](const Row& row) {
                          sql::Cursor c(row, db.path + ": sqlite_master row");
                          std::string n = c.Text();
                          std::string t = c.Text();
                          if (n == name) found_type = t;
                          if (t == wanted) names.push_back(std::move(n));
                          return Status::Ok();
                        });
  if (!s.ok()) return s;
  if (found_type.empty()) {
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    return Status::NotFound(db.path + ": no " + wanted + " named '" + std::string(name) +
                            "'; the " + wanted + "s are: " + list);
  }
  if (found_type != wanted) {
    return Status::InvalidArgument(db.path + ": '" + std::string(name) + "' is a " + found_type +
                                   ", not a " + wanted + " (use --" + found_type + ")");
  }
  // `name` is now known to be the exact name of an object of this file.
  const std::string object(name);
  StatusOr<std::vector<std::string>> columns = ColumnsOf(db, object);
  if (!columns.ok()) return columns.status();
  on_header(*columns);
  const int n = static_cast<int>(columns->size());
  std::string query = "SELECT * FROM " + QuoteIdentifier(object);
  return ForEachRow(db, query, {}, n, "exporting " + object,
                    [&](const Row& row) { return on_row(row); });
}

}  // namespace newsrecon
