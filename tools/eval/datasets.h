// The development datasets of ../shared/datasets, as the evaluation tool and
// the benchmarks read them: gzip-compressed HTML pages listed in an
// annotations.json ({"cases": [{"url", "file", ...}]}).
#ifndef NEWSRECON_TOOLS_EVAL_DATASETS_H_
#define NEWSRECON_TOOLS_EVAL_DATASETS_H_

#include <filesystem>
#include <string>

namespace newsrecon::eval {

// Reads a gzip file whole into *out. False (and *out unspecified) if it
// cannot be opened or is not valid gzip.
bool ReadGzip(const std::filesystem::path& path, std::string* out);

// The datasets folder: $NEWSRECON_DATASETS if set, else
// <source dir>/../shared/datasets. It may not exist (a user's clone).
std::filesystem::path DefaultDatasetsDir(const std::filesystem::path& source_dir);

}  // namespace newsrecon::eval

#endif  // NEWSRECON_TOOLS_EVAL_DATASETS_H_
