// The data files compiled into the binary: extractor rules (*.rules),
// lexicons (*.lexicon) and schema migrations (schema/*.sql). They are kept as
// plain files in the source tree, beside their examples, and cmake/embed.cmake
// copies their bytes in at build time, so newsrecon needs no data directory.
#ifndef NEWSRECON_PIPELINE_CORE_EMBEDDED_H_
#define NEWSRECON_PIPELINE_CORE_EMBEDDED_H_

#include <optional>
#include <string_view>
#include <vector>

namespace newsrecon {

// The file at `path` relative to the source root ("extractors/date/date.rules"),
// or nullopt when no such file was embedded.
std::optional<std::string_view> EmbeddedFile(std::string_view path);

// The paths of the embedded files that start with `prefix`, sorted.
std::vector<std::string_view> EmbeddedFiles(std::string_view prefix);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_EMBEDDED_H_
