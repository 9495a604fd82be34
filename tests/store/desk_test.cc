// The researcher's file: every object documented in schema_docs, foreign
// keys indexed, and the export refusing names that are not tables or views.
#include "pipeline/store/desk.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "pipeline/store/store.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

TEST_CASE("desk: every table, view and column has a schema_docs row") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("docs.db"));
  REQUIRE(store.ok());
  StatusOr<std::vector<SchemaDoc>> docs = LoadSchemaDocs(*store);
  REQUIRE(docs.ok());
  StatusOr<std::vector<SchemaObject>> objects = ListSchemaObjects(*store);
  REQUIRE(objects.ok());
  std::set<std::pair<std::string, std::string>> documented;
  for (const SchemaDoc& d : *docs) documented.insert({d.object, d.column});
  std::vector<std::string> missing;
  for (const SchemaObject& o : *objects) {
    if (!documented.count({o.name, ""})) missing.push_back(o.name);
    for (const std::string& c : o.columns)
      if (!documented.count({o.name, c})) missing.push_back(o.name + "." + c);
  }
  std::string list;
  for (const std::string& m : missing) list += m + " ";
  INFO("objects or columns without a schema_docs row (add rows in their migration): ", list);
  CHECK(missing.empty());
  // The known objects of 0001 and 0004 are all there (hand-written list).
  std::set<std::string> names;
  for (const SchemaObject& o : *objects) names.insert(o.name);
  for (const char* n : {"articles", "articles_fts", "claims", "conflicts", "conflict_claims",
                        "agreements", "agreement_claims", "reviews", "schema_docs", "hedges",
                        "claim_sources", "conflict_sides", "timeline", "review_history"}) {
    CAPTURE(n);
    CHECK(names.count(n) == 1);
  }
  // FTS shadow tables are not listed.
  CHECK(names.count("articles_fts_data") == 0);
  CHECK(names.count("articles_fts_config") == 0);
}

TEST_CASE("desk: schema_docs words for a few columns, checked by hand") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("docs.db"));
  REQUIRE(store.ok());
  StatusOr<std::vector<SchemaDoc>> docs = LoadSchemaDocs(*store);
  REQUIRE(docs.ok());
  struct Case {
    const char* object;
    const char* column;
    const char* kind;
    const char* unit;
    const char* time_zone;
    const char* null_means;
  };
  const Case cases[] = {
      {"reviews", "reviewed_at", "column", "ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ", "UTC", ""},
      {"articles", "published", "column", "ISO 8601 date YYYY-MM-DD",
       "none: a calendar day as printed", "unknown; relative dates in the text stay unresolved"},
      {"claims", "entity", "column", "", "", "not attributed"},
      // Copied into views from the table the column comes from.
      {"timeline", "as_of_start", "column", "ISO 8601 date YYYY-MM-DD", "none: a calendar day", ""},
      {"conflict_sides", "other_published", "column", "ISO 8601 date YYYY-MM-DD",
       "none: a calendar day", "unknown"},
      {"timeline", "", "view", "", "", ""},
      {"articles_fts", "", "table", "", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.object);
    CAPTURE(c.column);
    const SchemaDoc* found = nullptr;
    for (const SchemaDoc& d : *docs)
      if (d.object == c.object && d.column == c.column) found = &d;
    CHECK(found != nullptr);
    if (found == nullptr) continue;
    CHECK(found->kind == c.kind);
    CHECK(found->unit == c.unit);
    CHECK(found->time_zone == c.time_zone);
    CHECK(found->null_means == c.null_means);
    CHECK(!found->description.empty());
  }
}

TEST_CASE("desk: every foreign key column has an index that starts with it") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("fk.db"));
  REQUIRE(store.ok());
  StatusOr<std::vector<ForeignKeyColumn>> fks = ListForeignKeys(*store);
  REQUIRE(fks.ok());
  // 0001 declares at least these (hand count): claims has 6 (article_id, kind,
  // granularity, date_resolution, hedge, as_of_basis).
  int claims_fks = 0;
  for (const ForeignKeyColumn& f : *fks) {
    CAPTURE(f.table);
    CAPTURE(f.column);
    CAPTURE(f.references);
    CHECK(f.indexed);
    if (f.table == "claims") ++claims_fks;
  }
  CHECK(claims_fks == 6);
}

TEST_CASE("desk: export streams rows of a checked name and refuses others") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("export.db"));
  REQUIRE(store.ok());
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  Status s = ExportRows(
      *store, ExportObject::kTable, "hedges",
      [&](const std::vector<std::string>& h) { header = h; },
      [&](const std::vector<Cell>& r) {
        rows.push_back(r);
        return Status::Ok();
      });
  REQUIRE(s.ok());
  CHECK(header == std::vector<std::string>{"name", "description"});
  CHECK(rows.size() == 4);  // exact, about, more_than, up_to

  struct Bad {
    const char* name;
    ExportObject type;
    Status::Code code;
  };
  const Bad bad[] = {
      {"nope", ExportObject::kTable, Status::Code::kNotFound},
      {"hedges; DROP TABLE claims", ExportObject::kTable, Status::Code::kNotFound},
      {"\"hedges\"", ExportObject::kTable, Status::Code::kNotFound},
      {"HEDGES", ExportObject::kTable, Status::Code::kNotFound},  // exact names only
      {"", ExportObject::kView, Status::Code::kNotFound},
      {"timeline", ExportObject::kTable, Status::Code::kInvalidArgument},
      {"claims", ExportObject::kView, Status::Code::kInvalidArgument},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.name);
    bool header_called = false;
    Status e = ExportRows(
        *store, b.type, b.name, [&](const std::vector<std::string>&) { header_called = true; },
        [&](const std::vector<Cell>&) { return Status::Ok(); });
    CHECK(e.code() == b.code);
    CHECK(!header_called);
  }
  // The table survived the attempt.
  StatusOr<std::vector<SchemaObject>> objects = ListSchemaObjects(*store);
  REQUIRE(objects.ok());
  bool claims = false;
  for (const SchemaObject& o : *objects) claims = claims || o.name == "claims";
  CHECK(claims);
}

TEST_CASE("desk: a stopping row callback ends the export with its status") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("stop.db"));
  REQUIRE(store.ok());
  int seen = 0;
  Status s = ExportRows(
      *store, ExportObject::kTable, "hedges", [](const std::vector<std::string>&) {},
      [&](const std::vector<Cell>&) {
        ++seen;
        return Status::IoError("stdout closed");
      });
  CHECK(s.code() == Status::Code::kIoError);
  CHECK(seen == 1);
}

TEST_CASE("desk: reviews load oldest first per conflict, an empty file has none") {
  TempDir dir;
  StatusOr<Store> store = Store::Open(dir.File("r.db"));
  REQUIRE(store.ok());
  StatusOr<std::vector<StoredReview>> reviews = LoadReviews(*store);
  REQUIRE(reviews.ok());
  CHECK(reviews->empty());
}

}  // namespace
}  // namespace newsrecon
