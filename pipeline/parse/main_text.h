// Main-text extraction: which part of a parsed HTML page is the article, and
// its text.
//
// Takes the root of a gumbo parse tree (the document node or any element);
// gives the article's text as UTF-8, one block (paragraph, heading, list item,
// quote, table cell, preformatted line) a line, blocks separated by "\n", no
// blank lines, no leading or trailing space, whitespace runs collapsed to one
// space (kept inside <pre>). An empty string when the page holds no text.
//
// How the article is found, in order of trust:
//  1. [itemprop=articleBody] elements (all of them: some pages split the body
//     around ads), when they hold a fair share of the page's paragraph text;
//  2. otherwise Readability-style scoring: each paragraph (a <p>, <pre>, or a
//     <div>/<td> holding only inline content) of at least 25 characters votes
//     1 + its commas (none when it is a list of short <br>-split lines: names,
//     an address) + one per 100 characters (at most 3) for its parent, half
//     for its grandparent, a third of that further up; a container's score is
//     weighted by its tag and by words in its class and id (article, content,
//     story... up; comment, sidebar, footer... down; a name joining a story
//     word to a kind of furniture, "related-posts", is furniture) and
//     discounted by its link density (reference lists score down). The best
//     container wins; a wrapper holding nothing else stands for it; it is
//     joined by siblings that score near it or are plain low-link paragraphs
//     (only before it, a lead, when a wrapper stood in). A lead named as such
//     (lead, standfirst, preface...) just before it, or in the page's
//     <header>, is put first.
// Names are read as words: a heading's id is an anchor, not a name; a
// page builder's "widget" after its prefix ("elementor-widget-container") is
// any block; a one-word BEM variant ("section--ads", "node--promoted") says
// how the block is shown, not what it is.
// A furniture tag or role holding the page's <main> is not furniture (broken
// markup left a banner open around the page).
// Inside the chosen container, page furniture is dropped: scripts and other
// non-text elements, hidden elements, <nav>/<header>/<footer>/<aside>/<form>
// (<header> kept when it holds the headline), elements whose role or whose
// class/id words say navigation, menu, footer, comments, share, related,
// cookie/consent, ads, newsletter, sidebar, byline, tags..., lists and boxes
// made mostly of links, and figure captions (an element holding most of the
// container's text is kept whatever its name). If that leaves less than
// `min_text_chars`, the page is scored again trusting tags and roles but not
// class/id words (a wrapper named "outer-nav-wrap" may hold the story); when a
// wrapper skipped only for a layout word (footer, nav, sidebar...) holds more
// than twice the found text in paragraphs, it is scored again ignoring layout
// words (an "above-footer" wrapper may hold the story). Then the
// whole <body> is written with the same furniture rules, and if still nothing
// is left, a lenient pass keeps everything but non-text and hidden elements.
// A text still short that lacks the page's own description (<meta>
// og:description, at least 60 characters) gives way to the block printing
// that description (a video page's summary beside its player); a page with
// no text at all (a story its scripts draw) gives the description itself.
//
// Lines are then judged alone: section headings late in the text end it;
// teaser labels, dates, ad labels, controls, credits, newsletter pitches,
// paywall notices and advertiser disclosures are dropped anywhere, calls to
// action only in the last part.
//
// Never fails: malformed or hostile trees give less text, not errors (nesting
// deeper than 256 elements is not followed).
//
// Thread-safety: keeps no state; call it from any thread on distinct or
// const-shared trees.
#ifndef NEWSRECON_PIPELINE_PARSE_MAIN_TEXT_H_
#define NEWSRECON_PIPELINE_PARSE_MAIN_TEXT_H_

#include <gumbo.h>

#include <string>
#include <vector>

namespace newsrecon {

struct MainTextOptions {
  // Below this many characters of strict text the lenient pass is tried (and
  // kept if it gives more text).
  size_t min_text_chars = 250;
  // Keep <figcaption> text (photo captions and credits).
  bool keep_captions = false;
};

struct MainText {
  std::string text;
  // The elements whose text was taken, in document order (empty for the
  // lenient pass over the whole page). Valid as long as the tree is.
  std::vector<const GumboNode*> containers;
};

MainText ExtractMainTextWithContainers(const GumboNode* root, const MainTextOptions& options = {});

// ExtractMainTextWithContainers(root, options).text.
std::string ExtractMainText(const GumboNode* root, const MainTextOptions& options = {});

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_PARSE_MAIN_TEXT_H_
