// newsrecon_eval: measures the parse stage on the development sets of
// ../shared/datasets (never needed by the tests; a user's clone may not have
// them, and then each measurement says so and exits 66).
//
//   html-main-text/annotations.json  cases {url, file, with[], without[]}
//     (trafilatura's evaluation): a "with" snippet found in our main text is a
//     true positive, missed a false negative; a "without" snippet found is a
//     false positive. Precision, recall and F1 over all snippets.
//   html-pubdate/annotations.json    cases {url, file, published}
//     (htmldate's evaluation): the share of pages whose chosen publication
//     date equals the annotation.
//   tools/eval/metadata/annotations.json  cases {url, file, title, byline,
//     outlet, ...} (the project's own, of html-main-text pages): the share of
//     pages whose title, byline and outlet equal the annotation.
#ifndef NEWSRECON_TOOLS_EVAL_EVAL_H_
#define NEWSRECON_TOOLS_EVAL_EVAL_H_

#include <ostream>
#include <string>

namespace newsrecon::eval {

struct EvalOptions {
  std::string datasets;  // the folder holding html-main-text/ and html-pubdate/
  int limit = 0;         // score only the first `limit` cases (0: all)
  bool verbose = false;  // one line per case that is not fully right
  // Main text only: score another extractor's output instead of newsrecon's,
  // read from <text_from>/<page>.txt (html/0293.html.gz -> 0293.txt), with the
  // same scoring. A missing file scores as an empty text.
  std::string text_from;
  // Metadata only: the project's hand annotations of title, byline and outlet.
#ifdef NEWSRECON_METADATA_ANNOTATIONS
  std::string metadata = NEWSRECON_METADATA_ANNOTATIONS;
#else
  std::string metadata = "tools/eval/metadata/annotations.json";
#endif
};

// Each returns a process exit code (0, or 66 when its dataset is absent) and
// prints its figures on `out`.
int EvalMainText(const EvalOptions& options, std::ostream& out);
int EvalDates(const EvalOptions& options, std::ostream& out);
int EvalMetadata(const EvalOptions& options, std::ostream& out);

}  // namespace newsrecon::eval

#endif  // NEWSRECON_TOOLS_EVAL_EVAL_H_
