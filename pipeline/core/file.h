// Reading a whole file: the one place that opens a file the user named
// (an article, a sources file, a configuration, an evaluation's text).
//
// Takes: a path, which may be a regular file or a pipe (/dev/stdin, a
//   shell's <(zcat page.html.gz)), and the most bytes the caller accepts.
// Gives: the file's bytes (possibly none: whether an empty file is an error
//   is the caller's call).
// Fails with, each message starting with the path:
//   kNotFound         no such file
//   kInvalidArgument  a directory or other non-file ("not a regular file"),
//                     or more than `max_bytes` ("larger than N MiB")
//   kIoError          it cannot be opened or read (the system's reason)
#ifndef NEWSRECON_PIPELINE_CORE_FILE_H_
#define NEWSRECON_PIPELINE_CORE_FILE_H_

#include <cstddef>
#include <limits>
#include <string>

#include "pipeline/core/status.h"

namespace newsrecon {

inline constexpr size_t kNoSizeLimit = std::numeric_limits<size_t>::max();

StatusOr<std::string> ReadWholeFile(const std::string& path, size_t max_bytes = kNoSizeLimit);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_FILE_H_
