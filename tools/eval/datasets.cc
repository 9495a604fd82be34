#include "tools/eval/datasets.h"

#include <zlib.h>

#include <cstdlib>

namespace newsrecon::eval {

bool ReadGzip(const std::filesystem::path& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  out->clear();
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

std::filesystem::path DefaultDatasetsDir(const std::filesystem::path& source_dir) {
  if (const char* env = std::getenv("NEWSRECON_DATASETS"); env != nullptr && *env != '\0')
    return env;
  return source_dir / ".." / "shared" / "datasets";
}

}  // namespace newsrecon::eval
