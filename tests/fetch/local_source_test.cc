#include "pipeline/fetch/local_source.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("manifest folder: every listed file, in manifest order, with its metadata") {
  TempDir dir;
  dir.Write("b.txt", "Second article.");
  dir.Write("a.html", "<p>First</p>");
  dir.Write("unlisted.txt", "Not in the manifest.");
  dir.Write("manifest.json", R"({"cluster": "x", "articles": [
    {"file": "b.txt", "outlet": "Ars Technica", "url": "https://ars.example/b",
     "language": "en", "published": "2026-04-27", "title": "B", "seed": "ignored"},
    {"file": "a.html", "outlet": null, "url": null, "published": null, "title": null}
  ]})");
  auto docs = LoadLocal(dir.path().string(), {});
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 2);
  const LocalDocument& b = (*docs)[0];
  CHECK(b.status.ok());
  CHECK(b.origin == (dir.path() / "b.txt").string());
  CHECK(b.doc.meta.path == (dir.path() / "b.txt").string());
  CHECK(b.doc.bytes == "Second article.");
  CHECK(b.doc.content_type == "text/plain");
  CHECK(b.doc.meta.outlet == "Ars Technica");
  CHECK(b.doc.meta.url == "https://ars.example/b");
  CHECK(b.doc.meta.language == "en");
  CHECK(b.doc.meta.title == "B");
  CHECK(b.doc.meta.published == CivilDate{2026, 4, 27});
  CHECK(b.doc.meta.published_method == PublishedMethod::kManifest);

  const LocalDocument& a = (*docs)[1];
  CHECK(a.status.ok());
  CHECK(a.doc.content_type == "text/html");  // by extension; the bytes have no doctype
  CHECK(a.doc.meta.outlet.empty());
  CHECK(a.doc.meta.url.empty());
  CHECK_FALSE(a.doc.meta.published.has_value());
  CHECK(a.doc.meta.published_method == PublishedMethod::kUnknown);
}

TEST_CASE("command-line overrides win over the manifest") {
  TempDir dir;
  dir.Write("a.txt", "Text.");
  dir.Write("manifest.json",
            R"({"articles": [{"file": "a.txt", "outlet": "Old", "published": "2026-04-27"}]})");
  LocalOverrides o;
  o.outlet = "New";
  o.published = CivilDate{2026, 4, 28};
  auto docs = LoadLocal(dir.path().string(), o);
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  CHECK((*docs)[0].doc.meta.outlet == "New");
  CHECK((*docs)[0].doc.meta.published == CivilDate{2026, 4, 28});
  CHECK((*docs)[0].doc.meta.published_method == PublishedMethod::kCommandLine);
}

TEST_CASE("bad manifests fail whole, naming the entry and the field") {
  struct Case {
    const char* id;
    const char* manifest;
    const char* must_name;  // beside the manifest path
  };
  const Case cases[] = {
      {"impossible date",
       R"({"articles": [{"file": "a.txt"}, {"file": "a.txt", "published": "2026-13-45"}]})",
       "entry 1 field \"published\""},
      {"datetime is not a date", R"({"articles": [{"file": "a.txt", "published": "27/04/2026"}]})",
       "entry 0 field \"published\""},
      {"date as a number", R"({"articles": [{"file": "a.txt", "published": 20260427}]})",
       "entry 0 field \"published\""},
      {"missing file", R"({"articles": [{"file": "a.txt"}, {"outlet": "X"}]})",
       "entry 1 field \"file\""},
      {"file climbs out", R"({"articles": [{"file": "../a.txt"}]})", "entry 0 field \"file\""},
      {"absolute file", R"({"articles": [{"file": "/etc/hostname"}]})", "entry 0 field \"file\""},
      {"outlet not a string", R"({"articles": [{"file": "a.txt", "outlet": 7}]})",
       "entry 0 field \"outlet\""},
      {"entry not an object", R"({"articles": ["a.txt"]})", "entry 0"},
      {"no articles", R"({"files": []})", "\"articles\""},
      {"not JSON", R"({"articles": [{"file": "a.txt",}]})", "not valid JSON"},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    TempDir dir;
    dir.Write("a.txt", "Text.");
    dir.Write("manifest.json", c.manifest);
    auto docs = LoadLocal(dir.path().string(), {});
    CHECK_FALSE(docs.ok());
    if (docs.ok()) continue;
    CHECK(docs.status().code() == Status::Code::kInvalidArgument);
    CHECK(Contains(docs.status().message(), (dir.path() / "manifest.json").string()));
    CHECK(Contains(docs.status().message(), c.must_name));
  }
}

TEST_CASE("a listed file that cannot be read fails alone") {
  TempDir dir;
  dir.Write("a.txt", "Text.");
  dir.Write("empty.txt", "");
  fs::create_directory(dir.path() / "sub.txt");
  dir.Write("manifest.json", R"({"articles": [{"file": "missing.txt"}, {"file": "a.txt"},
    {"file": "empty.txt"}, {"file": "sub.txt"}]})");
  auto docs = LoadLocal(dir.path().string(), {});
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 4);
  CHECK((*docs)[0].status.code() == Status::Code::kNotFound);
  CHECK(Contains((*docs)[0].status.message(), "missing.txt"));
  CHECK((*docs)[0].origin == (dir.path() / "missing.txt").string());
  CHECK((*docs)[1].status.ok());
  CHECK((*docs)[1].doc.bytes == "Text.");
  CHECK((*docs)[2].status.code() == Status::Code::kInvalidArgument);
  CHECK(Contains((*docs)[2].status.message(), "empty file"));
  CHECK((*docs)[3].status.code() == Status::Code::kInvalidArgument);
  CHECK(Contains((*docs)[3].status.message(), "not a regular file"));
}

TEST_CASE("folder without manifest: article files sorted by name, nothing else") {
  TempDir dir;
  dir.Write("c.htm", "<p>c</p>");
  dir.Write("a.txt", "  <!DOCTYPE html><p>a</p>");  // .txt, but HTML by its bytes
  dir.Write("B.HTML", "b");
  dir.Write("notes.md", "skip");
  dir.Write(".hidden.txt", "skip");
  dir.Write("d.txt", "\xEF\xBB\xBFplain with BOM");
  fs::create_directory(dir.path() / "nested");
  dir.Write("nested/e.txt", "skip: not recursive");
  LocalOverrides o;
  o.language = "en";
  auto docs = LoadLocal(dir.path().string(), o);
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 4);
  // Byte order: uppercase sorts before lowercase.
  const char* names[] = {"B.HTML", "a.txt", "c.htm", "d.txt"};
  const char* types[] = {"text/html", "text/html", "text/html", "text/plain"};
  for (size_t i = 0; i < 4; ++i) {
    INFO("document " << i);
    CHECK((*docs)[i].status.ok());
    CHECK((*docs)[i].doc.meta.path == (dir.path() / names[i]).string());
    CHECK((*docs)[i].doc.content_type == types[i]);
    CHECK((*docs)[i].doc.meta.language == "en");
    CHECK((*docs)[i].doc.meta.published_method == PublishedMethod::kUnknown);
  }
}

TEST_CASE("folder with no article file is an error") {
  TempDir dir;
  dir.Write("notes.md", "nothing here");
  auto docs = LoadLocal(dir.path().string(), {});
  CHECK_FALSE(docs.ok());
  CHECK(docs.status().code() == Status::Code::kNotFound);
}

TEST_CASE("single file takes its metadata from the command line") {
  TempDir dir;
  std::string path = dir.Write("story.txt", "Body text.");
  LocalOverrides o;
  o.published = CivilDate{2026, 4, 27};
  o.outlet = "GogoAI News";
  o.url = "https://example.com/story";
  o.title = "A title";
  auto docs = LoadLocal(path, o);
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  const LocalDocument& d = (*docs)[0];
  CHECK(d.status.ok());
  CHECK(d.origin == path);
  CHECK(d.doc.meta.path == path);
  CHECK(d.doc.bytes == "Body text.");
  CHECK(d.doc.content_type == "text/plain");
  CHECK(d.doc.meta.outlet == "GogoAI News");
  CHECK(d.doc.meta.url == "https://example.com/story");
  CHECK(d.doc.meta.title == "A title");
  CHECK(d.doc.meta.published == CivilDate{2026, 4, 27});
  CHECK(d.doc.meta.published_method == PublishedMethod::kCommandLine);

  // Without --published nothing is claimed about the date.
  auto bare = LoadLocal(path, {});
  REQUIRE(bare.ok());
  CHECK_FALSE((*bare)[0].doc.meta.published.has_value());
  CHECK((*bare)[0].doc.meta.published_method == PublishedMethod::kUnknown);
}

TEST_CASE("missing path fails whole, an empty single file fails as its document") {
  TempDir dir;
  auto missing = LoadLocal((dir.path() / "nope.txt").string(), {});
  CHECK_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(Contains(missing.status().message(), "nope.txt"));

  std::string empty = dir.Write("empty.txt", "");
  auto docs = LoadLocal(empty, {});
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  CHECK((*docs)[0].status.code() == Status::Code::kInvalidArgument);
  CHECK(Contains((*docs)[0].status.message(), "empty file"));
}

TEST_CASE("content type sniffing") {
  struct Case {
    const char* bytes;
    const char* type;
  };
  const Case cases[] = {
      {"<!doctype html><html>", "text/html"},
      {"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", "text/html"},
      {"\xEF\xBB\xBF\r\n  <HTML lang=en>", "text/html"},
      {"<html>", "text/html"},
      {"<p>a fragment</p>", "text/plain"},
      {"Microsoft and OpenAI <html>", "text/plain"},
      {"<!doctype htm", "text/plain"},
      {"", "text/plain"},
  };
  for (const Case& c : cases) {
    INFO("bytes: " << c.bytes);
    CHECK(SniffContentType(c.bytes) == c.type);
  }
}

}  // namespace
}  // namespace newsrecon
