// Corpus files: examples of what the extractors must find, kept as data beside
// the rules (extractors/<kind>/<kind>.corpus.json) and in held-out sets
// (corpora/heldout/mentions.json). One runner checks them all, for the tests
// and for the evaluation command.
//
// Format: {"reference": "YYYY-MM-DD" (default for cases), "cases": [
//   {"id": "date-1.1", "reference": "...", "text": "...",
//    "expect": [{"kind": "date", "text": "last October", "start": "2025-10-01",
//                "end": "2025-10-31", "granularity": "month", "hedge": "exact"},
//               {"kind": "money", "text": "US$850 billion", "amount": 8.5e11, "currency": "USD"},
//               {"kind": "percent", "text": "27 %", "percent": 27}],
//    "known_failure": "why (optional): the case is run and reported, not counted as a failure"}]}
// "expect": [] makes a negative example: the text must give no mention of the
// kinds the file covers ("kinds": ["date"] at the top; all kinds by default).
// Fields left out of an expectation are not checked.
#ifndef NEWSRECON_EXTRACTORS_CORPUS_H_
#define NEWSRECON_EXTRACTORS_CORPUS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/claim.h"
#include "pipeline/core/status.h"

namespace newsrecon {

// Runs extraction on one text; mention spans and texts are in that text.
using MentionFinder =
    std::function<std::vector<Mention>(std::string_view text, std::optional<CivilDate> reference)>;

struct CaseResult {
  std::string id;
  bool passed = false;
  bool known_failure = false;
  std::string known_failure_reason;
  std::vector<std::string> problems;  // "missing ...", "unexpected ...", "value ..."
};

struct CorpusReport {
  std::vector<CaseResult> cases;
  // Mention-level counts, by kind name and in total ("all").
  struct Counts {
    int expected = 0, found = 0, matched = 0, value_correct = 0;
  };
  std::vector<std::pair<std::string, Counts>> by_kind;  // "date", "money", "percent", "all"

  int failures() const;         // failed cases that are not known failures
  std::string Summary() const;  // one line a kind: precision, recall, F1, value accuracy
};

// Parses `json` (the file's text; `name` for messages) and checks every case.
StatusOr<CorpusReport> RunCorpus(std::string_view name, std::string_view json,
                                 const MentionFinder& finder);

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_CORPUS_H_
