// newsrecon datasette-metadata: Datasette's metadata.json, built from the
// database's own data dictionary (schema_docs).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/store/desk.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"

namespace newsrecon::cli {
namespace {

struct DatasetteOptions {
  DatabaseOptions database;
  std::string out;
};

// A column's description with its unit, time zone and NULL meaning.
std::string ColumnText(const SchemaDoc& d) {
  std::string s = d.description;
  if (!d.unit.empty()) s += " Unit: " + d.unit + ".";
  if (!d.time_zone.empty()) s += " Time zone: " + d.time_zone + ".";
  if (!d.null_means.empty()) s += " NULL: " + d.null_means + ".";
  return s;
}

int RunDatasette(const DatasetteOptions& o) {
  int code = kExitOk;
  std::optional<ExistingStore> opened = OpenExistingStore(o.database, &code);
  if (!opened) return code;
  const std::string& db = opened->path;
  Store& store = opened->store;
  StatusOr<std::vector<SchemaDoc>> docs = LoadSchemaDocs(store);
  if (!docs.ok()) return Fail(docs.status());
  StatusOr<std::vector<SchemaObject>> objects = ListSchemaObjects(store);
  if (!objects.ok()) return Fail(objects.status());

  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  std::map<std::string, const SchemaObject*> by_name;
  for (const SchemaObject& obj : *objects) by_name[obj.name] = &obj;
  for (const SchemaDoc& d : *docs) {
    if (!by_name.count(d.object)) continue;  // documented but not in this file
    nlohmann::ordered_json& t = tables[d.object];
    if (d.column.empty()) {
      t["description"] = d.description;
    } else {
      t["columns"][d.column] = ColumnText(d);
    }
  }
  for (const SchemaObject& obj : *objects) {
    if (!tables.contains(obj.name)) continue;
    bool has_name = false, has_description = false;
    for (const std::string& c : obj.columns) {
      has_name = has_name || c == "name";
      has_description = has_description || c == "description";
    }
    // Lookup tables: rows referencing them show the description as the label.
    if (obj.type == "table" && has_name && has_description && obj.columns.size() == 2)
      tables[obj.name]["label_column"] = "description";
  }
  const std::string database = std::filesystem::path(db).stem().string();
  nlohmann::ordered_json meta = {
      {"title", "newsrecon: claims, conflicts and agreements in the news"},
      {"description",
       "Dated and numeric claims found in news articles, with their quotes and sources, and "
       "where outlets contradict or agree with each other. Made by newsrecon; the data "
       "dictionary is the schema_docs table (and schema/README.md)."},
      {"databases", {{database, {{"tables", tables}}}}}};
  const std::string text = meta.dump(2) + "\n";
  if (o.out.empty() || o.out == "-") {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return Fail(Status::IoError(o.out + ": cannot be written"));
  std::cerr << "newsrecon: wrote " << o.out << " (datasette " << db << " -m " << o.out << ")\n";
  return kExitOk;
}

}  // namespace

Command AddDatasetteCommand(CLI::App& root) {
  auto o = std::make_shared<DatasetteOptions>();
  CLI::App* app = root.add_subcommand(
      "datasette-metadata",
      "Write Datasette's metadata.json (descriptions of every table, view and column) from "
      "the database's schema_docs.");
  AddDatabaseOptions(app, &o->database);
  app->add_option("--out", o->out, "Write to FILE instead of stdout");
  return {app, [o] { return RunDatasette(*o); }};
}

}  // namespace newsrecon::cli
