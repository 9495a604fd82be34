// The run loop: calls the stages in order and records what each returned
// (guide §1). It owns no logic of its own beyond sequencing and counting.
//
// Takes: local paths (files, or folders with or without a manifest.json), the
// command line's overrides, an open store. Gives: a summary of what happened,
// one log line per event on `log` (stderr in the CLI). Expected failures of
// one document (unreadable, empty, invalid UTF-8, no text) are logged and
// counted; the run goes on. Fails (a Status) only when the store cannot be
// written or the rules cannot be loaded.
#ifndef NEWSRECON_PIPELINE_RUN_RUN_H_
#define NEWSRECON_PIPELINE_RUN_RUN_H_

#include <ostream>
#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/fetch/local_source.h"
#include "pipeline/store/store.h"

namespace newsrecon {

struct IngestSummary {
  int sources = 0;           // paths given
  int sources_failed = 0;    // paths that could not be read at all
  int documents = 0;         // documents found in them
  int documents_failed = 0;  // documents that could not be read, parsed or extracted
  int articles_changed = 0;  // articles new or changed in the store
  int articles_unchanged = 0;
  int claims = 0;     // claims of the documents read in this run
  int conflicts = 0;  // conflicts in the store after reconciling
  int agreements = 0;
  Status first_error;  // the first source or document failure, if any
  bool AnyFailed() const { return sources_failed > 0 || documents_failed > 0; }
  bool NothingRead() const { return documents - documents_failed == 0; }
};

// Loads, parses, extracts and stores every document of `paths`, then
// reconciles all claims in the store and records the findings.
StatusOr<IngestSummary> Ingest(const std::vector<std::string>& paths,
                               const LocalOverrides& overrides, Store* store, std::ostream& log);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RUN_RUN_H_
