#include "pipeline/fetch/local_source.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>

#include "pipeline/core/ascii.h"
#include "pipeline/core/file.h"

namespace newsrecon {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = AsciiLower(c);
  return ext;
}

bool IsHtmlExtension(const std::string& ext) { return ext == ".html" || ext == ".htm"; }

// Reads a whole file, refusing what is not an article-sized file.
Status ReadDocument(const fs::path& file, std::string* bytes) {
  StatusOr<std::string> read = ReadWholeFile(file.string(), kMaxDocumentBytes);
  if (!read.ok()) return read.status();
  // An empty file is an error rather than an empty article: it is almost
  // always a failed download or save, and silently storing nothing would hide it.
  if (read->empty()) return Status::InvalidArgument(file.string() + ": empty file");
  *bytes = std::move(*read);
  return Status::Ok();
}

void ApplyOverrides(const LocalOverrides& o, ArticleMeta* meta) {
  if (o.published) {
    meta->published = o.published;
    meta->published_method = PublishedMethod::kCommandLine;
  }
  if (!o.outlet.empty()) meta->outlet = o.outlet;
  if (!o.url.empty()) meta->url = o.url;
  if (!o.title.empty()) meta->title = o.title;
  if (!o.language.empty()) meta->language = o.language;
}

LocalDocument LoadOne(const fs::path& file, ArticleMeta meta) {
  LocalDocument out;
  out.origin = file.string();
  out.status = ReadDocument(file, &out.doc.bytes);
  if (!out.status.ok()) {
    out.doc.bytes.clear();
    return out;
  }
  meta.path = file.string();
  out.doc.meta = std::move(meta);
  out.doc.content_type =
      IsHtmlExtension(LowerExtension(file)) ? "text/html" : SniffContentType(out.doc.bytes);
  return out;
}

// Reads an optional string field of a manifest entry: absent or null leaves
// `out` alone; anything but a string is an error.
Status StringField(const json& entry, const char* key, const std::string& where, std::string* out) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return Status::InvalidArgument(where + " field \"" + key + "\": expected a string or null");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

// A manifest's "file" must stay inside its folder.
bool IsSafeRelative(const std::string& file) {
  fs::path p(file);
  if (file.empty() || p.is_absolute() || p.has_root_name()) return false;
  for (const fs::path& part : p) {
    if (part == "..") return false;
  }
  return true;
}

StatusOr<std::vector<LocalDocument>> LoadManifestFolder(const fs::path& folder,
                                                        const fs::path& manifest_path,
                                                        const LocalOverrides& overrides) {
  const std::string mname = manifest_path.string();
  std::string text;
  if (Status s = ReadDocument(manifest_path, &text); !s.ok()) return s;
  json manifest = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (manifest.is_discarded()) return Status::InvalidArgument(mname + ": not valid JSON");
  if (!manifest.is_object()) return Status::InvalidArgument(mname + ": expected a JSON object");
  auto articles = manifest.find("articles");
  if (articles == manifest.end() || !articles->is_array()) {
    return Status::InvalidArgument(mname + ": expected an \"articles\" array");
  }

  // Check every entry before reading any file, so a bad manifest fails whole.
  std::vector<std::pair<fs::path, ArticleMeta>> listed;
  for (size_t i = 0; i < articles->size(); ++i) {
    const json& entry = (*articles)[i];
    const std::string where = mname + ": entry " + std::to_string(i);
    if (!entry.is_object()) return Status::InvalidArgument(where + ": expected an object");
    auto file = entry.find("file");
    if (file == entry.end() || !file->is_string()) {
      return Status::InvalidArgument(where + " field \"file\": missing or not a string");
    }
    const std::string name = file->get<std::string>();
    if (!IsSafeRelative(name)) {
      return Status::InvalidArgument(where + " field \"file\": \"" + name +
                                     "\" is not a relative path inside the folder");
    }
    ArticleMeta meta;
    for (auto [key, field] :
         {std::pair{"outlet", &meta.outlet}, std::pair{"url", &meta.url},
          std::pair{"title", &meta.title}, std::pair{"language", &meta.language}}) {
      if (Status s = StringField(entry, key, where, field); !s.ok()) return s;
    }
    auto published = entry.find("published");
    if (published != entry.end() && !published->is_null()) {
      std::optional<CivilDate> date;
      if (published->is_string()) date = ParseIsoDate(published->get_ref<const std::string&>());
      if (!date) {
        return Status::InvalidArgument(where + " field \"published\": " + published->dump() +
                                       " is not a YYYY-MM-DD date");
      }
      meta.published = date;
      meta.published_method = PublishedMethod::kManifest;
    }
    ApplyOverrides(overrides, &meta);
    listed.emplace_back(folder / name, std::move(meta));
  }

  std::vector<LocalDocument> docs;
  docs.reserve(listed.size());
  for (auto& [file, meta] : listed) docs.push_back(LoadOne(file, std::move(meta)));
  return docs;
}

StatusOr<std::vector<LocalDocument>> LoadPlainFolder(const fs::path& folder,
                                                     const LocalOverrides& overrides) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::string ext = LowerExtension(p);
    if (ext != ".txt" && !IsHtmlExtension(ext)) continue;
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    files.push_back(p);
  }
  if (ec) return Status::IoError(folder.string() + ": " + ec.message());
  if (files.empty()) {
    return Status::NotFound(folder.string() +
                            ": no manifest.json and no .txt, .html or .htm file in the folder");
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  std::vector<LocalDocument> docs;
  docs.reserve(files.size());
  for (const fs::path& file : files) {
    ArticleMeta meta;
    ApplyOverrides(overrides, &meta);
    docs.push_back(LoadOne(file, std::move(meta)));
  }
  return docs;
}

}  // namespace

std::string SniffContentType(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' ||
                              bytes[i] == '\r' || bytes[i] == '\f')) {
    ++i;
  }
  bytes.remove_prefix(i);
  if (StartsWithIgnoreAsciiCase(bytes, "<!doctype html") ||
      StartsWithIgnoreAsciiCase(bytes, "<html")) {
    return "text/html";
  }
  return "text/plain";
}

StatusOr<std::vector<LocalDocument>> LoadLocal(const std::string& path,
                                               const LocalOverrides& overrides) {
  if (path.empty()) return Status::InvalidArgument("empty path");
  std::error_code ec;
  const fs::path p(path);
  fs::file_status st = fs::status(p, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Status::IoError(path + ": " + ec.message());
  }
  if (!fs::exists(st)) return Status::NotFound(path + ": no such file or folder");
  if (fs::is_directory(st)) {
    const fs::path manifest = p / "manifest.json";
    if (fs::exists(manifest, ec)) return LoadManifestFolder(p, manifest, overrides);
    return LoadPlainFolder(p, overrides);
  }
  ArticleMeta meta;
  ApplyOverrides(overrides, &meta);
  std::vector<LocalDocument> docs;
  docs.push_back(LoadOne(p, std::move(meta)));
  return docs;
}

}  // namespace newsrecon
