// The store's queries for the fact-checker's desk and the researcher's file:
// review history, the data dictionary (schema_docs, added by
// schema/0004_desk.sql), the schema's objects, foreign keys and their indexes,
// and a streaming export of any table or view.
//
// Takes: an open Store. Gives: small value types (no SQLite type leaves this
// module). Every function only reads. Fails: kCorruption (the file lacks
// what its schema version promises, or holds a value this program did not
// write), kNotFound (ExportRows: no table or view of that name), kBusy and
// kIoError as SQLite reports them; messages name the file.
//
// Thread-safety: as Store (one connection, not thread-safe).
#ifndef NEWSRECON_PIPELINE_STORE_DESK_H_
#define NEWSRECON_PIPELINE_STORE_DESK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pipeline/core/finding.h"
#include "pipeline/core/status.h"
#include "pipeline/store/store.h"

namespace newsrecon {

// One row of the reviews table.
struct StoredReview {
  int64_t id = 0;
  std::string conflict_id;
  ReviewStatus verdict = ReviewStatus::kOpen;
  std::string note;         // "" when none
  std::string reviewer;     // "" when not given
  std::string reviewed_at;  // "YYYY-MM-DDTHH:MM:SSZ"
};

// Every review, ordered by conflict id, then reviewed_at, then id (oldest
// first: the last one of a conflict is its current verdict).
StatusOr<std::vector<StoredReview>> LoadReviews(const Store& store);

// One row of schema_docs. `column` is "" for the row describing the object
// itself; unit, time_zone and null_means are "" when NULL.
struct SchemaDoc {
  std::string object;
  std::string column;
  std::string kind;  // "table", "view" or "column"
  std::string description;
  std::string unit;
  std::string time_zone;
  std::string null_means;
};

// schema_docs in object, then column order (the object's own row first).
// Fails: kCorruption when the file has no schema_docs table.
StatusOr<std::vector<SchemaDoc>> LoadSchemaDocs(const Store& store);

// A table or view of the file, with its columns in declaration order.
struct SchemaObject {
  std::string name;
  std::string type;  // "table" or "view"
  std::vector<std::string> columns;
  bool virtual_table = false;  // CREATE VIRTUAL TABLE (articles_fts)
};

// Every table and view, by name, without SQLite's own (sqlite_*) and the
// shadow tables of virtual tables (articles_fts_data, _idx, _docsize,
// _config, _content), which readers never query.
StatusOr<std::vector<SchemaObject>> ListSchemaObjects(const Store& store);

// A column declared as a foreign key, and whether some index (or the primary
// key) starts with it, so that a join or ON DELETE CASCADE finds its rows
// without a scan.
struct ForeignKeyColumn {
  std::string table;
  std::string column;
  std::string references;  // "table(column)"
  bool indexed = false;
};
StatusOr<std::vector<ForeignKeyColumn>> ListForeignKeys(const Store& store);

// One exported value: NULL, INTEGER, REAL or TEXT (BLOBs come as TEXT bytes).
using Cell = std::variant<std::monostate, int64_t, double, std::string>;

enum class ExportObject { kTable, kView };

// Reads every row of the table or view `name`, in storage order (rowid or
// primary key for tables; as the view orders), calling `on_header` once with the column names and
// then `on_row` for each row, one at a time: nothing is held in memory beyond
// the current row. `name` must be the exact name of an object of that type
// in sqlite_master (it is looked up, never pasted into SQL unchecked). A
// non-ok Status from `on_row` stops the export and is returned.
// Fails: kNotFound (no such table or view; the message lists what exists),
// kInvalidArgument (the name is a view given as a table or vice versa).
Status ExportRows(const Store& store, ExportObject type, std::string_view name,
                  const std::function<void(const std::vector<std::string>&)>& on_header,
                  const std::function<Status(const std::vector<Cell>&)>& on_row);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_STORE_DESK_H_
