// What the parse stage's files (parse.cc, main_text.cc, dates.cc) ask of
// gumbo's tree and of a page's JSON-LD alike: attributes, hidden and
// non-text elements, the text under a node, JSON-LD scripts as JSON.
//
// Takes: gumbo nodes and elements, strings. Gives: views into gumbo's own
// strings (valid while the tree lives) or new strings. Cannot fail: a
// JSON-LD script that is not JSON is left out.
#ifndef NEWSRECON_PIPELINE_PARSE_HTML_UTIL_H_
#define NEWSRECON_PIPELINE_PARSE_HTML_UTIL_H_

#include <gumbo.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace newsrecon::html {

// The attribute's value, or "" when absent.
std::string_view AttrValue(const GumboElement& el, const char* name);
bool HasAttr(const GumboElement& el, const char* name);

// True when the space-separated token list `list` holds `token` (any case).
bool HasToken(std::string_view list, std::string_view token);

// True when a style attribute sets `property` to `value` ("display : none").
bool StyleSays(std::string_view style, std::string_view property, std::string_view value);

// hidden, aria-hidden="true", display:none or visibility:hidden.
bool IsHidden(const GumboElement& el);

// Elements whose content is never article text (scripts, media, form
// controls, ruby readings, <title>, <head>).
bool IsNonText(GumboTag tag);

// Page furniture by tag: nav, header, footer, aside, form, menu.
bool IsFurnitureTag(GumboTag tag);

// The first text (or CDATA, or whitespace) child's text; "" if none.
std::string_view FirstTextChild(const GumboNode* node);

// The length in bytes of an invisible formatting character at s[i] (soft
// hyphen, zero-width space, zero-width no-break space / BOM), 0 if none.
// Page text drops them: "Jah\u00adren" is "Jahren". Called for every byte of
// a page's text: one comparison for all other bytes.
inline size_t InvisibleAt(std::string_view s, size_t i) {
  const char c = s[i];
  if (c != '\xC2' && c != '\xE2' && c != '\xEF') return 0;
  const std::string_view rest = s.substr(i);
  for (std::string_view invisible : {"\xC2\xAD", "\xE2\x80\x8B", "\xEF\xBB\xBF"}) {
    if (rest.substr(0, invisible.size()) == invisible) return invisible.size();
  }
  return 0;
}

// Runs of whitespace (ASCII, no-break spaces) become one space, invisible
// characters (InvisibleAt) are dropped; trimmed.
std::string Collapse(std::string_view s);

// The text under `node`, one space after each text node, non-text elements
// (IsNonText) left out; stops adding once *out holds `limit` bytes or more.
void GatherText(const GumboNode* node, size_t limit, std::string* out);

// Whether a JSON-LD @type (a string or an array of them) names an article:
// *Article, BlogPosting, LiveBlogPosting, Report, SocialMediaPosting,
// VideoObject, PodcastEpisode.
bool IsArticleType(const nlohmann::json& type);

// The JSON of each <script type="application/ld+json"> text, comment and
// CDATA wrappers removed; scripts that are not JSON are left out.
std::vector<nlohmann::json> ParseJsonLd(const std::vector<std::string_view>& scripts);

}  // namespace newsrecon::html

#endif  // NEWSRECON_PIPELINE_PARSE_HTML_UTIL_H_
