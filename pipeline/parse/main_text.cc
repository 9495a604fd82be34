#include "pipeline/parse/main_text.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "pipeline/core/ascii.h"
#include "pipeline/parse/html_util.h"

namespace newsrecon {
namespace {

using html::AttrValue;
using html::HasAttr;
using html::HasToken;
using html::InvisibleAt;
using html::IsFurnitureTag;
using html::IsHidden;
using html::IsNonText;

// Nesting past this is not followed: no real page comes near it, and a
// hostile one must not exhaust the stack.
constexpr int kMaxDepth = 256;
// A paragraph shorter than this (in characters) is a caption, a byline or a
// button label, and does not vote for its container.
constexpr size_t kMinParagraphChars = 25;
// A paragraph whose <br>-split lines average fewer characters is a list.
constexpr size_t kMinListLineChars = 60;
// How deep under a furniture element a <main> is looked for.
constexpr int kMaxMainDepth = 12;

// ---------------------------------------------------------------------------
// Attributes and names.

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words in class names and ids that mark page furniture rather than the story.
constexpr std::string_view kBoilerplateWords[] = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menus",
    "megamenu",
    "footer",
    "comment",
    "comments",
    "disqus",
    "share",
    "shares",
    "sharing",
    "sharebar",
    "social",
    "related",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsored",
    "promo",
    "promos",
    "promotion",
    "promoted",
    "subscribe",
    "newsletter",
    "newsletters",
    "signup",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "outbrain",
    "taboola",
    "masthead",
    "toolbar",
    "widget",
    "widgets",
    "popup",
    "modal",
    "banner",
    "recommended",
    "recommendations",
    "byline",
    "author",
    "authors",
    "tags",
    "tagcloud",
    "pagination",
    "pager",
    "login",
    "signin",
    "rating",
    "ratings",
    "copyright",
    "disclaimer",
    "caption",
    "credit",
    "credits",
    "dateline",
    "timestamp",
    "metadata",
    "postmeta",
    "trending",
    "popular",
    "readmore",
    "follow",
    "subscription",
    "paywall",
    "overlay",
    "shop",
    "discussion",
    "reply",
    "respond",
    "sharethis",
    "addthis",
    "categories",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
    "commento",
    "commenti",
    "komentarze",
    "replies",
    "teasers",
    "relatedposts",
    "morefrom",
    "authorbox",
    "bio",
    "tagcloud",
    "taglist",
    "socials",
    "likes",
    "sharedaddy",
    "shariff",
    "donation",
    "donations",
    "donate",
    "legend",
};
// A class or id that also has one of these words names a container of the
// story ("content-sidebar-wrap" holds the story and the sidebar), as in
// Readability's exceptions to its unlikely candidates.
constexpr std::string_view kStoryWords[] = {"article", "body",  "column", "content", "main",
                                            "story",   "entry", "text",   "post"};
// A class name starting with one of these states a condition of the element
// ("has-comments", "is-sticky-nav"), not what the element is.
constexpr std::string_view kModifierWords[] = {"has", "with", "without", "no",  "is",
                                               "js",  "show", "hide",    "can", "enable"};
// Readability's positive and negative class/id words for scoring.
constexpr std::string_view kPositiveWords[] = {"article", "body",  "content",    "entry", "main",
                                               "page",    "post",  "text",       "blog",  "story",
                                               "hentry",  "prose", "articlebody"};
constexpr std::string_view kNegativeWords[] = {
    "comment", "comments", "com", "contact", "foot", "footer", "footnote", "masthead", "media",
    "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "sponsor", "shopping",
    "tags", "tool", "widget", "share", "social", "nav", "menu", "ad", "ads", "banner", "byline",
    "author", "teaser", "hidden",
    // A paper's reference list: commas in every entry, no story.
    "references", "bibliography", "citations"};

template <size_t N>
bool InList(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Calls f(word) for the lowercase words of a class name or id, split at
// punctuation, digits and camelCase humps ("mainNav-2" → main, nav); f
// returns false to stop.
template <typename F>
void ForEachWord(std::string_view name, F&& f) {
  char word[24];
  size_t len = 0;
  bool overflow = false;
  for (size_t i = 0; i <= name.size(); ++i) {
    char c = i < name.size() ? name[i] : '\0';
    bool boundary =
        !IsAlpha(c) || (i > 0 && c >= 'A' && c <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z');
    if (boundary) {
      if (len > 0 && !overflow && !f(std::string_view(word, len))) return;
      len = 0;
      overflow = false;
    }
    if (IsAlpha(c)) {
      if (len < sizeof word) {
        word[len++] = AsciiLower(c);
      } else {
        overflow = true;
      }
    }
  }
}

// BEM modifiers that state how a CMS shows an item, not what it is:
// "node--promoted" is a story promoted to the front page.
constexpr std::string_view kStateModifiers[] = {"promoted", "sticky", "featured"};

// The name without a trailing "--promoted" (any case).
std::string_view DropStateModifier(std::string_view name) {
  size_t at = name.rfind("--");
  if (at == std::string_view::npos || at == 0) return name;
  std::string_view mod = name.substr(at + 2);
  for (std::string_view m : kStateModifiers) {
    if (EqualsIgnoreAsciiCase(mod, m)) return name.substr(0, at);
  }
  return name;
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Calls f(name) for each class name and the id of an element. A heading's id
// is left out: it is an anchor made from the heading's own words
// ("nav_the_new_plan"), not a name of the element's role.
template <typename F>
void ForEachName(const GumboElement& el, F&& f) {
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    bool is_class = std::strcmp(a->name, "class") == 0;
    if (!is_class && (std::strcmp(a->name, "id") != 0 || IsHeading(el.tag))) continue;
    std::string_view v(a->value);
    size_t k = 0;
    while (k < v.size()) {
      while (k < v.size() && IsAsciiSpace(v[k])) ++k;
      size_t j = k;
      while (j < v.size() && !IsAsciiSpace(v[j])) ++j;
      if (j > k) f(DropStateModifier(v.substr(k, j - k)));
      k = j;
    }
  }
}

// Furniture words that name a place on the page rather than a kind of
// content: a layout wrapper so named ("above-footer", "l-outer--nav") may hold
// the story itself.
constexpr std::string_view kLayoutWords[] = {
    "nav",     "navbar",   "navigation", "menu",    "menus",  "megamenu",
    "footer",  "sidebar",  "banner",     "overlay", "modal",  "popup",
    "toolbar", "masthead", "widget",     "widgets", "paywall"};

// Words that page builders use for every block after their own prefix
// ("elementor-widget-container", "fl-module-widget"): furniture only when they
// open the name ("widget", "widget_recent_entries").
constexpr std::string_view kFrameworkWords[] = {"widget", "widgets"};

bool IsFrameworkWord(std::string_view w) { return InList(w, kFrameworkWords); }

struct NameVerdict {
  bool boilerplate = false;  // some name has a furniture word
  bool story = false;        // some name has a story word
  bool layout_only = false;  // every furniture word is a layout word
};

NameVerdict JudgeNames(const GumboElement& el) {
  NameVerdict v;
  bool content_word = false;
  ForEachName(el, [&](std::string_view name) {
    bool first = true, furniture = false, story = false, modifier = false, content = false;
    // A BEM modifier ("section--ads", "l-outer--nav") states a variant of
    // the block before it: the block's words say what the element is.
    // A longer tail ("field--name-field-related") is a name, not a variant.
    if (size_t bem = name.rfind("--");
        bem != std::string_view::npos && bem > 0 &&
        name.find_first_of("-_", bem + 2) == std::string_view::npos) {
      name = name.substr(0, bem);
    }
    ForEachWord(name, [&](std::string_view w) {
      if (first && InList(w, kModifierWords)) {
        modifier = true;
        return false;
      }
      const bool lead_word = first;
      first = false;
      if (InList(w, kStoryWords)) story = true;
      if (InList(w, kBoilerplateWords) && (lead_word || !IsFrameworkWord(w))) {
        furniture = true;
        if (!InList(w, kLayoutWords)) content = true;
      }
      return true;
    });
    if (modifier) return;
    // A name joining a story word to a kind of furniture ("related-posts",
    // "comment-body") names that furniture; one joining it to a place
    // ("content-sidebar-wrap") may hold the story.
    if (story && !content) v.story = true;
    if (furniture) v.boilerplate = true;
    if (content) content_word = true;
  });
  v.layout_only = v.boilerplate && !content_word;
  return v;
}

int ClassWeight(const GumboElement& el) {
  int weight = 0;
  ForEachName(el, [&](std::string_view name) {
    bool pos = false, neg = false, first = true, modifier = false;
    ForEachWord(name, [&](std::string_view w) {
      if (first && InList(w, kModifierWords)) {
        modifier = true;
        return false;
      }
      const bool lead_word = first;
      first = false;
      if (InList(w, kPositiveWords)) pos = true;
      if (InList(w, kNegativeWords) && (lead_word || !IsFrameworkWord(w))) neg = true;
      return true;
    });
    if (modifier) return;
    if (neg) {
      weight -= 25;
    } else if (pos) {
      weight += 25;
    }
  });
  if (HasToken(AttrValue(el, "itemprop"), "articleBody")) weight += 50;
  return std::clamp(weight, -50, 75);
}

// ---------------------------------------------------------------------------
// Tags.

// A <noscript> spanning more source than any tracking pixel or "enable
// JavaScript" notice holds the page itself: a <div> opened in it swallowed its
// end tag (browsers running scripts read it as raw text), or it is the page's
// whole script-free version. Its text is kept.
constexpr unsigned kMaxNoscriptBytes = 4096;

bool NotText(const GumboElement& el) {
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  if (el.tag == GUMBO_TAG_NOSCRIPT && el.end_pos.offset > el.start_pos.offset + kMaxNoscriptBytes) {
    return false;
  }
  return IsNonText(el.tag) || IsHidden(el);
}

bool IsFurnitureRole(std::string_view role) {
  return !role.empty() &&
         (EqualsIgnoreAsciiCase(role, "navigation") || EqualsIgnoreAsciiCase(role, "contentinfo") ||
          EqualsIgnoreAsciiCase(role, "complementary") || EqualsIgnoreAsciiCase(role, "banner") ||
          EqualsIgnoreAsciiCase(role, "dialog") || EqualsIgnoreAsciiCase(role, "alertdialog") ||
          EqualsIgnoreAsciiCase(role, "menu") || EqualsIgnoreAsciiCase(role, "menubar") ||
          EqualsIgnoreAsciiCase(role, "search"));
}

// Elements that start and end a line of the main text.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

// Readability's starting score of a container by its tag.
int TagWeight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

const GumboNode* Child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

bool IsText(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
         node->type == GUMBO_NODE_WHITESPACE;
}

// Characters (code points) that are not ASCII space, and commas (Latin, CJK,
// Arabic) in a text.
void CountText(std::string_view s, size_t* chars, size_t* commas) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80 || IsAsciiSpace(static_cast<char>(c))) continue;
    ++*chars;
    if (c == ',') {
      ++*commas;
    } else if (c >= 0xD8 && i + 2 < s.size()) {
      std::string_view rest = s.substr(i, 3);
      if (rest == "\xEF\xBC\x8C" || rest == "\xE3\x80\x81" || rest.substr(0, 2) == "\xD8\x8C") {
        ++*commas;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// One pass: text statistics and Readability scores.

// Class and id words of a recipe's ingredient list, which recipe pages set
// apart from the method (a list of short lines that never scores).
constexpr std::string_view kIngredientWords[] = {"ingredients",  "ingredient",  "zutaten",
                                                 "ingredientes", "ingredienti", "skladniki"};

bool HasIngredientsName(const GumboElement& el) {
  bool found = false;
  ForEachName(el, [&](std::string_view name) {
    ForEachWord(name, [&](std::string_view w) {
      if (InList(w, kIngredientWords)) found = true;
      return !found;
    });
  });
  return found;
}

struct Stats {
  size_t chars = 0;       // characters of text, skipped elements left out
  size_t link_chars = 0;  // of which inside <a>
  size_t commas = 0;
  size_t breaks = 0;  // <br> elements
};

struct Info {
  Stats stats;
  double score = 0;  // Readability score (valid when `candidate`)
  bool candidate = false;
  bool skipped = false;  // strict boilerplate (by tag, role, names or visibility)
};

double LinkDensity(const Stats& s) {
  return s.chars == 0 ? 0.0 : static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
}

class Scorer {
 public:
  std::unordered_map<const GumboNode*, Info> info;
  std::vector<const GumboNode*> article_bodies;  // outermost [itemprop=articleBody]
  std::vector<const GumboNode*> ingredients;     // elements named for a recipe's ingredients
  const GumboNode* body = nullptr;
  std::vector<std::string_view> json_ld;  // texts of <script type=application/ld+json>
  std::string_view description;           // <meta> og:description, else description
  bool use_names = true;                  // class and id words can make an element boilerplate
  bool use_layout_names = true;           // ... layout words ("footer", "nav") among them
  // Most text in <p> elements under one element skipped for layout words only.
  size_t layout_hidden_chars = 0;

  // Characters of text in <p> elements under `node`, links left out.
  static size_t ParagraphChars(const GumboNode* node, int depth, bool in_p) {
    if (depth > kMaxDepth) return 0;
    if (IsText(node)) {
      if (!in_p) return 0;
      size_t chars = 0, commas = 0;
      CountText(node->v.text.text, &chars, &commas);
      return chars;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return 0;
    const GumboElement& el = node->v.element;
    if (NotText(el) || el.tag == GUMBO_TAG_A) return 0;
    in_p = in_p || el.tag == GUMBO_TAG_P;
    size_t sum = 0;
    for (unsigned i = 0; i < el.children.length; ++i) {
      sum += ParagraphChars(Child(node, i), depth + 1, in_p);
    }
    return sum;
  }

  Stats Visit(const GumboNode* node, int depth, bool in_link, bool in_body, bool* block) {
    Stats s;
    if (depth > kMaxDepth) return s;
    if (IsText(node)) {
      CountText(node->v.text.text, &s.chars, &s.commas);
      if (in_link) s.link_chars = s.chars;
      return s;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& kids = node->v.document.children;
      bool b = false;
      for (unsigned i = 0; i < kids.length; ++i) {
        Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, false, false, &b);
      }
      return s;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return s;
    const GumboElement& el = node->v.element;
    if (IsBlock(el.tag)) *block = true;
    if (el.tag == GUMBO_TAG_SCRIPT) {
      NoteJsonLd(node);
    } else if (el.tag == GUMBO_TAG_HEAD) {
      for (unsigned i = 0; i < el.children.length; ++i) {
        NoteJsonLd(Child(node, i));
        NoteDescription(Child(node, i));
      }
    }
    if (NotText(el)) return s;
    if (el.tag == GUMBO_TAG_BR) {
      s.breaks = 1;
      return s;
    }
    if (el.tag == GUMBO_TAG_BODY && !body) body = node;
    Info& me = info[node];
    bool layout_only = false;
    me.skipped = StrictlySkipped(node, use_names, use_layout_names, &layout_only);
    if (me.skipped) {
      if (layout_only) {
        layout_hidden_chars = std::max(layout_hidden_chars, ParagraphChars(node, depth, false));
      }
      return s;
    }
    const bool is_body = !in_body && HasToken(AttrValue(el, "itemprop"), "articleBody");
    if (is_body) article_bodies.push_back(node);
    if (HasIngredientsName(el)) ingredients.push_back(node);
    bool has_block = false;
    const bool link = in_link || el.tag == GUMBO_TAG_A;
    for (unsigned i = 0; i < el.children.length; ++i) {
      Stats k = Visit(Child(node, i), depth + 1, link, in_body || is_body, &has_block);
      s.chars += k.chars;
      s.link_chars += k.link_chars;
      s.commas += k.commas;
      s.breaks += k.breaks;
    }
    Info& done = info[node];  // `me` may have moved
    done.stats = s;
    bool paragraph = el.tag == GUMBO_TAG_P || el.tag == GUMBO_TAG_PRE ||
                     ((el.tag == GUMBO_TAG_DIV || el.tag == GUMBO_TAG_TD ||
                       el.tag == GUMBO_TAG_SECTION || el.tag == GUMBO_TAG_BLOCKQUOTE) &&
                      !has_block);
    if (paragraph) {
      size_t own = s.chars - s.link_chars;
      if (own >= kMinParagraphChars) {
        // Short lines split by <br> are a list (names, an address), whose
        // commas separate items rather than clauses.
        bool line_list = s.breaks >= 3 && own / (s.breaks + 1) < kMinListLineChars;
        double commas = line_list ? 0.0 : static_cast<double>(s.commas);
        double score = 1.0 + commas + std::min(static_cast<double>(own / 100), 3.0);
        const GumboNode* a = node->parent;
        for (int level = 0; level < 5 && a && a->type == GUMBO_NODE_ELEMENT; ++level) {
          Info& ai = info[a];
          if (!ai.candidate) {
            ai.candidate = true;
            ai.score = TagWeight(a->v.element.tag) + ClassWeight(a->v.element);
          }
          ai.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
          a = a->parent;
        }
      }
    }
    return s;
  }

  void NoteDescription(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_META) return;
    const GumboElement& el = node->v.element;
    std::string_view name = AttrValue(el, "property");
    if (name.empty()) name = AttrValue(el, "name");
    const bool og = EqualsIgnoreAsciiCase(name, "og:description");
    if (!og && !EqualsIgnoreAsciiCase(name, "description")) return;
    if (og || description.empty()) description = AttrValue(el, "content");
  }

  void NoteJsonLd(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_SCRIPT) return;
    const GumboElement& el = node->v.element;
    if (FindIgnoreAsciiCase(AttrValue(el, "type"), "ld+json") != std::string_view::npos &&
        el.children.length > 0 && IsText(Child(node, 0))) {
      json_ld.push_back(Child(node, 0)->v.text.text);
    }
  }

  // Strict boilerplate by tag, role or names, judged while scoring (names
  // that also say "content", "article"... are kept, as in Readability).
  // Whether a <main> or [role=main] element lies under `node`.
  static bool HoldsMain(const GumboNode* node, int depth) {
    if (depth > kMaxMainDepth || node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboElement& el = node->v.element;
    if (depth > 0 &&
        (el.tag == GUMBO_TAG_MAIN || EqualsIgnoreAsciiCase(AttrValue(el, "role"), "main"))) {
      return true;
    }
    for (unsigned i = 0; i < el.children.length; ++i) {
      if (HoldsMain(Child(node, i), depth + 1)) return true;
    }
    return false;
  }

  static bool StrictlySkipped(const GumboNode* node, bool use_names, bool use_layout_names,
                              bool* layout_only) {
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_HTML || el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_MAIN ||
        el.tag == GUMBO_TAG_ARTICLE) {
      return false;
    }
    if ((IsFurnitureTag(el.tag) && el.tag != GUMBO_TAG_HEADER && el.tag != GUMBO_TAG_FORM) ||
        IsFurnitureRole(AttrValue(el, "role"))) {
      // A page's <main> is never furniture: a banner holding it was left
      // open by broken markup and swallowed the page.
      return !HoldsMain(node, 0);
    }
    if (!use_names || HasToken(AttrValue(el, "itemprop"), "articleBody")) return false;
    NameVerdict v = JudgeNames(el);
    if (!v.boilerplate || v.story) return false;
    *layout_only = v.layout_only;
    return use_layout_names || !v.layout_only;
  }
};

// ---------------------------------------------------------------------------
// Writing the text of the chosen containers.

class TextWriter {
 public:
  TextWriter(const std::unordered_map<const GumboNode*, Info>* info, bool lenient,
             const MainTextOptions& options)
      : info_(info), lenient_(lenient), options_(options) {}

  void Write(const GumboNode* node, int depth, size_t container_chars) {
    if (depth > kMaxDepth) return;
    if (IsText(node)) {
      if (pre_ > 0) {
        AppendPre(node->v.text.text);
      } else {
        Append(node->v.text.text);
      }
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (depth > 0 && Skip(node, container_chars)) return;
    const bool block = IsBlock(el.tag) || depth == 0;
    if (block) EndLine();
    if (el.tag == GUMBO_TAG_PRE) ++pre_;
    for (unsigned i = 0; i < el.children.length; ++i) {
      Write(Child(node, i), depth + 1, container_chars);
    }
    if (el.tag == GUMBO_TAG_PRE) --pre_;
    if (block) EndLine();
  }

  std::string Finish() {
    EndLine();
    if (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  bool Skip(const GumboNode* node, size_t container_chars) const {
    const GumboElement& el = node->v.element;
    if (NotText(el)) return true;
    if (lenient_) return false;
    auto it = info_->find(node);
    const Stats* s = it == info_->end() ? nullptr : &it->second.stats;
    // An element holding most of the container's text is the story whatever
    // its name says.
    const bool holds_story = s && container_chars > 0 && s->chars * 2 > container_chars;
    if (IsFurnitureTag(el.tag)) {
      if (el.tag == GUMBO_TAG_HEADER) return !holds_story && !HasHeadline(node, 0, GUMBO_TAG_H1);
      return !holds_story;
    }
    if (!options_.keep_captions && el.tag == GUMBO_TAG_FIGCAPTION) return true;
    if (IsFurnitureRole(AttrValue(el, "role"))) return !holds_story;
    if (HasToken(AttrValue(el, "itemprop"), "articleBody")) return false;
    if (el.tag != GUMBO_TAG_ARTICLE && el.tag != GUMBO_TAG_MAIN && !holds_story &&
        JudgeNames(el).boilerplate) {
      return true;
    }
    if (!s || holds_story) return false;
    // Lists and boxes made mostly of links: menus, tag clouds, "read more".
    switch (el.tag) {
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_TR:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_LI:
        return s->chars > 0 && LinkDensity(*s) > 0.5 && s->chars - s->link_chars < 200;
      case GUMBO_TAG_P:
        return s->chars > 0 && LinkDensity(*s) > 0.8 && s->chars < 80;
      default:
        return false;
    }
  }

  // Whether a heading from <h1> down to `lowest` lies under `node`.
  static bool HasHeadline(const GumboNode* node, int depth, GumboTag lowest) {
    if (depth > 8 || node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (IsHeading(tag) && tag <= lowest) return true;
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      if (HasHeadline(Child(node, i), depth + 1, lowest)) return true;
    }
    return false;
  }

  // Appends text, collapsing whitespace runs to one space within the line.
  // Invisible characters (soft hyphens, zero-width spaces) are dropped.
  void Append(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (IsAsciiSpace(c)) {
        pending_space_ = line_start_ != out_.size();
        continue;
      }
      if (size_t n = InvisibleAt(s, i); n > 0) {
        i += n - 1;
        continue;
      }
      if (pending_space_) out_ += ' ';
      pending_space_ = false;
      out_ += c;
      Mark(s, i);
    }
  }

  // Preformatted text: lines as they are, trailing spaces trimmed.
  void AppendPre(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\n') {
        EndLine();
      } else if (c != '\r') {
        if (pending_space_) out_ += ' ';
        pending_space_ = false;
        out_ += c;
        if (!IsAsciiSpace(c)) Mark(s, i);
      }
    }
  }

  // Records that the line holds something visible (a no-break space is not).
  void Mark(std::string_view s, size_t i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return;
    if (s[i] == '\xA0' && i > 0 && s[i - 1] == '\xC2') return;
    visible_ = true;
  }

  void EndLine() {
    if (!visible_) {
      out_.resize(line_start_);
    } else {
      while (out_.size() > line_start_ && IsAsciiSpace(out_.back())) out_.pop_back();
      out_ += '\n';
    }
    line_start_ = out_.size();
    pending_space_ = false;
    visible_ = false;
  }

  const std::unordered_map<const GumboNode*, Info>* info_;
  bool lenient_;
  const MainTextOptions& options_;
  std::string out_;
  size_t line_start_ = 0;
  bool pending_space_ = false;
  bool visible_ = false;
  int pre_ = 0;
};

size_t CountChars(std::string_view s) {
  size_t chars = 0, commas = 0;
  CountText(s, &chars, &commas);
  return chars;
}

// ---------------------------------------------------------------------------
// Line clean-up: lines that name a block of furniture rather than being story
// text ("Related articles", "Lesen Sie auch: ...", a lone date, a photo
// credit), whatever the markup around them.

// Lowercases ASCII and the Latin-1 capitals (À..Þ) of UTF-8 text, collapses
// space runs (no-break spaces too) and trims.
std::string FoldLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsAsciiSpace(c) || nbsp) {
      if (nbsp) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == '\xC3' && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      out += c;
      out += static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      ++i;
      continue;
    }
    out += AsciiLower(c);
  }
  return out;
}

// Strips trailing punctuation a heading may carry ("Read more »", "Tags:").
std::string_view StripTail(std::string_view s) {
  for (;;) {
    s = TrimAsciiSpace(s);
    if (s.empty()) return s;
    char c = s.back();
    if (c == ':' || c == '.' || c == '!' || c == '?' || c == '>' || c == '|' || c == '-') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && (s.substr(s.size() - 2) == "\xC2\xBB")) {  // »
      s.remove_suffix(2);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\xA6" ||   // …
                                 s.substr(s.size() - 3) == "\xE2\x80\xBA")) {  // ›
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

// Headings of the blocks that follow a story: related and recommended
// stories, comments, sharing, the author box, tags (folded, no trailing
// punctuation). A line saying only this is dropped, and everything after it
// when it comes in the last part of the text.
constexpr std::string_view kSectionHeadings[] = {
    // English
    "related", "related articles", "related stories", "related posts", "related news",
    "related content", "related topics", "related links", "read more", "read also", "also read",
    "see also", "more from", "more stories", "more news", "more on this story", "more on this",
    "recommended", "recommended for you", "recommended stories", "you may also like",
    "you might also like", "you may be interested in", "you might be interested in", "trending now",
    "most popular", "most read", "popular posts", "further reading", "comments", "leave a comment",
    "leave a reply", "comments are closed", "post a comment", "add a comment", "share this",
    "share this article", "share this story", "share this post", "share", "about the author",
    "tags", "topics", "keep reading", "hinterlasse einen kommentar",
    "hinterlasse jetzt einen kommentar", "schreibe einen kommentar", "kommentar hinterlassen",
    "laisser un commentaire", "deja un comentario", "deja tu comentario", "lascia un commento",
    "dodaj komentarz", "skomentuj", "don't miss", "don’t miss",
    // German
    "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "verwandte beiträge",
    "auch interessant", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "das könnte sie interessieren", "das könnte dich interessieren",
    "das thema könnte dich auch interessieren", "das könnte ihnen auch gefallen",
    "das könnte dir auch gefallen", "weitere artikel", "weitere artikel zum thema",
    "weitere beiträge", "weitere nachrichten", "mehr zum thema", "mehr themen", "zum weiterlesen",
    "schon gelesen", "lesen sie auch", "lesen sie mehr", "auch lesenswert", "über den autor",
    "über die autorin", "zur autorin", "zum autor", "kommentare", "kommentieren",
    "kommentar schreiben", "kommentare schreiben", "diesen artikel teilen", "diese seite teilen",
    "artikel teilen", "beitrag teilen", "teilen", "schlagworte", "ähnliche themen", "meistgelesen",
    "meistgelesene artikel", "empfohlene artikel", "passend zum thema", "noch mehr infos für dich",
    "mehr zu diesem thema",
    // French
    "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires",
    "vous aimerez aussi", "vous aimerez aussi", "commentaires", "partager", "à voir aussi",
    "voir aussi", "les plus lus", "dans la même rubrique", "sur le meme sujet",
    // Spanish / Portuguese / Italian
    "le puede interesar", "te puede interesar", "también te puede interesar", "lea también",
    "lee también", "lea más", "vea también", "noticias relacionadas", "artículos relacionados",
    "comentarios", "compartir", "más noticias", "lo más leído", "leia também", "veja também",
    "comentários", "notícias relacionadas", "temas relacionados", "temas", "etiquetas",
    "tópicos relacionados", "assuntos relacionados", "argomenti correlati", "themen",
    "schlagwörter", "mots-clés", "sujets liés", "leggi anche", "articoli correlati",
    "potrebbe interessarti", "commenti", "ti potrebbe interessare",
    // Polish / Dutch
    "czytaj też", "czytaj także", "zobacz też", "zobacz także", "komentarze", "podobne artykuły",
    "dowiedz się więcej", "lees ook", "gerelateerd", "reacties", "meer nieuws", "lees meer",
    // Author and contact boxes
    "von", "by", "author", "autor", "autorin", "kontakt", "contact", "pressekontakt",
    "ansprechpartner", "ansprechpartnerin", "weitere informationen", "quellen", "quellenangaben",
    "sources", "more information", "further information", "contacto"};

// Labels that open a line pointing elsewhere ("Lesen Sie auch: ...", "VEA
// TAMBIÉN: ..."): the line is a teaser link, not story text.
constexpr std::string_view kTeaserLabels[] = {"read more",
                                              "read also",
                                              "also read",
                                              "see also",
                                              "related",
                                              "more",
                                              "watch",
                                              "lesen sie auch",
                                              "lesen sie mehr",
                                              "lesen sie",
                                              "auch interessant",
                                              "mehr zum thema",
                                              "mehr dazu",
                                              "siehe auch",
                                              "zum thema",
                                              "lire aussi",
                                              "à lire aussi",
                                              "a lire aussi",
                                              "voir aussi",
                                              "le puede interesar",
                                              "te puede interesar",
                                              "lea también",
                                              "lee también",
                                              "lea más",
                                              "lea",
                                              "lee",
                                              "vea también",
                                              "mira",
                                              "mire",
                                              "vea",
                                              "ver también",
                                              "puedes ver",
                                              "leia também",
                                              "veja também",
                                              "leia mais",
                                              "leggi anche",
                                              "czytaj też",
                                              "czytaj także",
                                              "zobacz też",
                                              "zobacz także",
                                              "lees ook",
                                              "dowiedz się więcej",
                                              "zobacz",
                                              "tags",
                                              "themen",
                                              "schlagworte",
                                              "schlagwörter",
                                              "kategorie",
                                              "kategorien",
                                              "categories",
                                              "category",
                                              "filed under",
                                              "topics",
                                              "etiquetas",
                                              "mots-clés",
                                              "lesen sie hier",
                                              "lesen sie dazu",
                                              "nachfolgebeitrag",
                                              "vorheriger beitrag",
                                              "nächster beitrag",
                                              "previous post",
                                              "next post",
                                              "previous article",
                                              "next article",
                                              "article précédent",
                                              "article suivant",
                                              "artículo anterior",
                                              "artículo siguiente"};

// Openings of a line that leads to another page ("zurück zur Übersicht",
// "Back to top", "... weiter zu »Teil 2«").
constexpr std::string_view kNavOpenings[] = {
    "zurück zu",        "zurück zur",     "zurück zum",      "weiter zur",      "weiter zum",
    "back to",          "retour à",       "retour au",       "volver a",        "torna a",
    "voltar para",      "powrót do",      "terug naar",      "weiter zu",       "... weiter zu",
    "… weiter zu",      "go to",          "gehe zu",         "hier geht es zu", "hier geht es zur",
    "hier geht es zum", "hier geht's zu", "hier geht's zur", "hier geht's zum", "click here",
    "klicken sie hier", "hier klicken",   "cliquez ici",     "haga clic aquí",  "clicca qui"};

// A zoom button's label opening an image caption ("Vergrößern Der neue
// Bahnhof", "Enlarge The new station").
constexpr std::string_view kZoomWords[] = {"vergrößern", "enlarge",     "zoom",     "agrandir",
                                           "ampliar",    "ingrandisci", "powiększ", "vergroten"};

bool IsZoomCaption(std::string_view folded) {
  if (folded.size() > 250) return false;
  size_t sp = folded.find(' ');
  return sp != std::string_view::npos && InList(folded.substr(0, sp), kZoomWords);
}

// A line that is only a web address or a site's domain ("BVINEWS.COM",
// "www.example.org"): a source line, not prose.
constexpr std::string_view kDomainEnds[] = {".com", ".org", ".net", ".de", ".at", ".ch", ".fr",
                                            ".es",  ".it",  ".pl",  ".nl", ".uk", ".eu", ".info"};

bool IsDomainLine(std::string_view folded) {
  if (folded.size() > 60 || folded.find(' ') != std::string_view::npos) return false;
  while (!folded.empty() && (folded.back() == '/' || folded.back() == '.')) folded.remove_suffix(1);
  if (folded.substr(0, 4) == "www." || folded.substr(0, 7) == "http://" ||
      folded.substr(0, 8) == "https://") {
    return true;
  }
  for (std::string_view end : kDomainEnds) {
    if (folded.size() > end.size() + 2 && folded.substr(folded.size() - end.size()) == end) {
      return true;
    }
  }
  return false;
}

bool IsNavLine(std::string_view folded) {
  if (folded.size() > 60) return false;
  for (std::string_view o : kNavOpenings) {
    if (folded.size() > o.size() && folded.substr(0, o.size()) == o && !IsAlpha(folded[o.size()]))
      return true;
  }
  return false;
}

// Photo credits: a short line opening with one of these, or naming an agency.
constexpr std::string_view kCreditLabels[] = {"foto",
                                              "fotos",
                                              "photo",
                                              "photos",
                                              "bild",
                                              "bilder",
                                              "image",
                                              "images",
                                              "credit",
                                              "credits",
                                              "crédits photos",
                                              "crédit photo",
                                              "titelbild",
                                              "beitragsbild",
                                              "bildquelle",
                                              "quelle",
                                              "fotó",
                                              "zdjęcie",
                                              "picture",
                                              "image illustrative",
                                              "photo d'illustration",
                                              "illustration",
                                              "symbolbild",
                                              "symbolfoto",
                                              "bildnachweis",
                                              "fotonachweis",
                                              "imagen ilustrativa",
                                              "foto ilustrativa",
                                              "photo credit",
                                              "image credit",
                                              "image source"};
constexpr std::string_view kAgencies[] = {
    "getty images", "afp",    "reuters",          "dpa",
    "epa",          "imago",  "picture alliance", "picture-alliance",
    "shutterstock", "istock", "ap photo",         "keystone"};

// Month and weekday names and the words around a date ("am", "um", "Uhr").
constexpr std::string_view kDateWords[] = {
    "january",    "february",  "march",     "april",     "may",          "june",
    "july",       "august",    "september", "october",   "november",     "december",
    "jan",        "feb",       "mar",       "apr",       "jun",          "jul",
    "aug",        "sep",       "sept",      "oct",       "nov",          "dec",
    "januar",     "jänner",    "februar",   "märz",      "mai",          "juni",
    "juli",       "oktober",   "dezember",  "okt",       "dez",          "janvier",
    "février",    "mars",      "avril",     "juin",      "juillet",      "août",
    "septembre",  "octobre",   "novembre",  "décembre",  "enero",        "febrero",
    "marzo",      "abril",     "mayo",      "junio",     "julio",        "agosto",
    "septiembre", "octubre",   "noviembre", "diciembre", "gennaio",      "febbraio",
    "aprile",     "maggio",    "giugno",    "luglio",    "settembre",    "ottobre",
    "dicembre",   "monday",    "tuesday",   "wednesday", "thursday",     "friday",
    "saturday",   "sunday",    "mon",       "tue",       "wed",          "thu",
    "fri",        "sat",       "sun",       "montag",    "dienstag",     "mittwoch",
    "donnerstag", "freitag",   "samstag",   "sonntag",   "lundi",        "mardi",
    "mercredi",   "jeudi",     "vendredi",  "samedi",    "dimanche",     "lunes",
    "martes",     "miércoles", "jueves",    "viernes",   "sábado",       "domingo",
    "am",         "um",        "uhr",       "pm",        "on",           "at",
    "the",        "of",        "de",        "del",       "le",           "el",
    "h",          "updated",   "published", "posted",    "aktualisiert", "veröffentlicht",
    "erstellt",   "stand",     "publié",    "publicado", "actualizado",  "mis",
    "à",          "jour",      "den",       "vom"};

// True when a line is only a date or time ("23.10.2018", "Dienstag, 4. Juni
// 2019", "3:59 PM", "Updated on May 3, 2021 at 10:00").
bool IsDateLine(std::string_view folded) {
  if (folded.size() > 60) return false;
  bool digit = false, dateish = false;
  size_t i = 0, words = 0;
  while (i < folded.size()) {
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    std::string_view w = folded.substr(i, j - i);
    i = j + 1;
    // Punctuation around the word: "4.", "2019,", "(Mai)".
    while (!w.empty() && std::strchr(".,:;()[]|/-", w.back())) w.remove_suffix(1);
    while (!w.empty() && std::strchr(".,:;()[]|/-", w.front())) w.remove_prefix(1);
    // Dashes between date and time ("28 April 2022 – 3:55pm").
    if (w.empty() || w == "\xE2\x80\x93" || w == "\xE2\x80\x94") continue;
    ++words;
    // "3:55pm", "10.30am": a time with its half of the day.
    if (w.size() > 3 && (w.substr(w.size() - 2) == "am" || w.substr(w.size() - 2) == "pm") &&
        w[w.size() - 3] >= '0' && w[w.size() - 3] <= '9') {
      w.remove_suffix(2);
    }
    bool numeric = true;
    for (char c : w) {
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!std::strchr(".:/-,", c)) {
        numeric = false;
      }
    }
    if (numeric) {
      // "4.", "12:35", "2019": a date part rather than a count.
      dateish = dateish || w.find_first_of(".:/-") != std::string_view::npos || w.size() == 4;
      continue;
    }
    if (!InList(w, kDateWords)) return false;
    dateish = dateish || w.size() > 3;
  }
  return digit && dateish && words <= 10;
}

bool StartsWithLabel(std::string_view folded, std::string_view label) {
  if (folded.size() <= label.size() || folded.substr(0, label.size()) != label) return false;
  std::string_view rest = folded.substr(label.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty()) return false;
  return rest.front() == ':' || rest.front() == '|' || rest.substr(0, 2) == "\xC2\xBB" ||
         rest.substr(0, 3) == "\xE2\x80\xBA" || rest.substr(0, 3) == "\xE2\x80\x93";
}

// A date line, a date after a short label ("Publiziert: 03.04.2020, 12:35"),
// or a line of short fields split by "|" one of which is a date ("Freitag |
// 14. Juni 2019 | 15:49 von A. Name | 0 Comments").
bool IsDateMetaLine(std::string_view folded) {
  if (IsDateLine(folded)) return true;
  size_t colon = folded.find(": ");
  if (colon != std::string_view::npos && colon <= 30 &&
      std::count(folded.begin(), folded.begin() + static_cast<long>(colon), ' ') <= 2 &&
      IsDateLine(folded.substr(colon + 2))) {
    return true;
  }
  if (folded.size() > 150 || folded.find(" | ") == std::string_view::npos) return false;
  // Three or more short fields: a meta or navigation row ("Views: 1120 | Added by:
  // Posh | Tags: ...").
  size_t fields = 1, longest = 0, start = 0;
  for (size_t k = 0; k <= folded.size(); ++k) {
    if (k == folded.size() || folded[k] == '|') {
      longest = std::max(longest, k - start);
      if (k < folded.size()) ++fields;
      start = k + 1;
    }
  }
  if (fields >= 3 && longest <= 50) return true;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find('|', i);
    if (j == std::string_view::npos) j = folded.size();
    std::string_view field = TrimAsciiSpace(folded.substr(i, j - i));
    if (IsDateLine(field)) return true;
    // "15:49 von A. Name": a time or date opening the field.
    size_t sp = field.find(' ');
    if (sp != std::string_view::npos && IsDateLine(field.substr(0, sp)) &&
        field.substr(0, sp).find_first_of(".:/") != std::string_view::npos) {
      return true;
    }
    i = j + 1;
  }
  return false;
}

// Labels marking an advertisement ("Anzeige", "- Advertisement -").
constexpr std::string_view kAdLabels[] = {"anzeige",    "werbung",     "advertisement", "ad",
                                          "publicidad", "publicité",   "pubblicità",    "reklama",
                                          "sponsored",  "gesponsert",  "advertorial",   "annonce",
                                          "reklame",    "advertising", "publicidade"};

// Words of a call to action (subscribe, follow, log in, download the app):
// a short line holding one in the last part of the text is furniture.
constexpr std::string_view kCallWords[] = {
    "subscribe", "subscriber", "subscribers", "subscription", "newsletter", "sign up", "signing up",
    "log in", "login", "download", "follow us", "follow the", "síguenos", "siguenos", "suscríbete",
    "suscribete", "abonnieren", "abonnez", "abonniere", "einloggen", "eingeloggt", "anmelden",
    "registrieren", "folgen sie", "folge uns", "teilen sie", "den artikel teilen", "share this",
    "what you think", "affiliate", "zapraszamy", "subskrypcji", "hazte miembro", "unterstütze",
    "support us", "donate", "get the latest", "youtube channel", "canal de youtube",
    "youtube-kanal",
    // A blog's filing note ("This entry was posted in News. Bookmark the
    // permalink.", "Erstellt am ... und abgelegt unter Linux") and licence line.
    "this entry was posted", "bookmark the permalink", "abgelegt unter", "publié dans",
    "classé dans", "unless otherwise stated", "licensed under", "kommentare insgesamt",
    // A pointer to the publisher's site ("Weitere Infos unter www.example.de").
    "weitere infos unter", "weitere informationen unter", "more information at", "more info at",
    "plus d'informations sur", "más información en"};

bool IsAdLabel(std::string_view folded) {
  while (!folded.empty() && std::strchr("-*[]()| ", folded.front())) folded.remove_prefix(1);
  while (!folded.empty() && std::strchr("-*[]()|.: ", folded.back())) folded.remove_suffix(1);
  if (InList(folded, kAdLabels)) return true;
  // "Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag...".
  for (std::string_view label : kAdLabels) {
    if (label.size() <= 3 || folded.size() >= 120 || folded.substr(0, label.size()) != label) {
      continue;
    }
    // "Anzeige - Heute bestellen?": spaces may stand before the separator.
    size_t at = folded.find_first_not_of(' ', label.size());
    if (at != std::string_view::npos && std::strchr(",.:-", folded[at]) &&
        (at == label.size() || folded[at] == '-')) {
      return true;
    }
  }
  return false;
}

bool HasWordAt(std::string_view folded, std::string_view w) {
  size_t at = folded.find(w);
  return at != std::string_view::npos && (at == 0 || !IsAlpha(folded[at - 1]));
}

// Bytes of a line that may still be a call to action (one naming several
// channels runs long: "Follow us on X and Instagram ... or email us at ...").
constexpr size_t kMaxCallBytes = 300;

bool IsCallToAction(std::string_view folded) {
  if (folded.size() > kMaxCallBytes) return false;
  for (std::string_view w : kCallWords) {
    if (HasWordAt(folded, w)) return true;
  }
  return false;
}

// Verbs of signing up for a newsletter.
constexpr std::string_view kSignUpWords[] = {
    "sign up",   "signing up", "subscribe", "register", "abonnieren", "abonniere",
    "anmelden",  "abonnez",    "inscri",    "suscr",    "iscriviti",  "zapisz",
    "bestellen", "get our",    "join our",  "receive",  "erhalten",   "recevez"};

// A newsletter pitch or a paywall notice ("Never miss the latest news by
// signing up to our newsletter!", "To view the full story, please
// subscribe"): furniture wherever it stands.
constexpr size_t kMaxPitchBytes = 160;

// Phrases of an advertiser or affiliate disclosure ("This post contains
// references to products from our advertisers. We may receive compensation
// when you click...").
constexpr std::string_view kDisclosures[] = {
    "we may receive compensation", "we may earn a commission",   "may earn a small commission",
    "we may earn compensation",    "contains affiliate links",   "enthält affiliate-links",
    "enthält affiliate links",     "sogenannte affiliate-links", "liens affiliés",
    "enlaces de afiliados"};
constexpr size_t kMaxDisclosureBytes = 400;

bool IsPitch(std::string_view folded) {
  if (folded.size() <= kMaxDisclosureBytes) {
    for (std::string_view d : kDisclosures) {
      if (HasWordAt(folded, d)) return true;
    }
  }
  if (folded.size() > kMaxPitchBytes) return false;
  if (HasWordAt(folded, "please subscribe") || HasWordAt(folded, "subscribe now") ||
      HasWordAt(folded, "jetzt abonnieren")) {
    return true;
  }
  if (!HasWordAt(folded, "newsletter")) return false;
  for (std::string_view w : kSignUpWords) {
    if (HasWordAt(folded, w)) return true;
  }
  return false;
}

enum class LineKind { kText, kDrop, kSectionEnd, kTailDrop };

// Words of page controls (print, permalink, show or hide an image or the
// sources, table of contents): a short line made only of them is a button or
// a widget's label ("Bild anzeigen Bild schließen", "drukuj", "Inhaltsverzeichnis").
constexpr std::string_view kControlWords[] = {"print",      "drucken",    "drukuj",
                                              "imprimer",   "imprimir",   "stampa",
                                              "permalink",  "permalien",  "show",
                                              "hide",       "anzeigen",   "ausblenden",
                                              "einblenden", "schließen",  "close",
                                              "öffnen",     "bild",       "image",
                                              "quellen",    "zoom",       "vergrößern",
                                              "enlarge",    "fermer",     "cerrar",
                                              "chiudi",     "zamknij",    "inhaltsverzeichnis",
                                              "sommaire",   "spis",       "treści",
                                              "table",      "of",         "contents",
                                              "índice",     "indice",     "inhalt",
                                              "vollbild",   "fullscreen", "galerie",
                                              "gallery"};

bool IsControlLine(std::string_view folded) {
  if (folded.empty() || folded.size() > 60) return false;
  size_t words = 0;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    std::string_view w = StripTail(folded.substr(i, j - i));
    i = j + 1;
    if (w.empty()) continue;
    ++words;
    // "Permalien https://...": a control's label and its link.
    if (words > 1 && (w.substr(0, 7) == "http://" || w.substr(0, 8) == "https://")) continue;
    if (!InList(w, kControlWords)) return false;
  }
  return words > 0 && words <= 6;
}

// A photo caption ending in its credit ("Der Trainer am Montag. | © AFP /
// Name", "Marco, Ski-Star. © Agency"): a short line whose last part, after a
// copyright sign, is a few words naming the photographer or agency.
constexpr size_t kMaxCaptionBytes = 300;
constexpr size_t kMaxCreditBytes = 60;

bool EndsWithCredit(std::string_view folded) {
  if (folded.size() > kMaxCaptionBytes) return false;
  size_t at = folded.rfind("\xC2\xA9");  // ©
  if (at == std::string_view::npos) return false;
  std::string_view credit = TrimAsciiSpace(folded.substr(at + 2));
  if (credit.empty() || credit.size() > kMaxCreditBytes) return false;
  // A sentence after the sign is text, not a credit.
  if (credit.find(". ") != std::string_view::npos) return false;
  return std::count(credit.begin(), credit.end(), ' ') <= 6;
}

// `tail`: the line comes in the last part of the text, where calls to action
// are dropped.
LineKind JudgeLine(std::string_view line, bool tail) {
  if (line.size() > 400) return LineKind::kText;
  std::string folded = FoldLine(line);
  std::string_view bare = StripTail(folded);
  if (bare.size() <= 60 && InList(bare, kSectionHeadings)) return LineKind::kSectionEnd;
  if (folded.size() <= 200) {
    for (std::string_view label : kTeaserLabels) {
      if (StartsWithLabel(folded, label)) return LineKind::kDrop;
    }
  }
  if (IsDateMetaLine(folded) || IsAdLabel(folded) || IsControlLine(folded) || IsNavLine(folded) ||
      IsZoomCaption(folded) || IsDomainLine(folded)) {
    return LineKind::kDrop;
  }
  if (tail && IsCallToAction(folded)) return LineKind::kTailDrop;
  if (IsPitch(folded)) return LineKind::kDrop;
  if (EndsWithCredit(folded)) return LineKind::kDrop;
  if (folded.size() <= 80) {
    // "(Credit: Name / Agency)", "[Foto: Name]".
    std::string_view unbracketed = folded;
    if (!unbracketed.empty() && (unbracketed.front() == '(' || unbracketed.front() == '[')) {
      unbracketed.remove_prefix(1);
    }
    for (std::string_view label : kCreditLabels) {
      if (StartsWithLabel(unbracketed, label)) return LineKind::kDrop;
      // "Beitragsbild via Unsplash".
      if (unbracketed.size() > label.size() + 5 && unbracketed.substr(0, label.size()) == label &&
          unbracketed.substr(label.size(), 5) == " via ") {
        return LineKind::kDrop;
      }
    }
    size_t words = 1 + static_cast<size_t>(std::count(folded.begin(), folded.end(), ' '));
    if (words <= 8) {
      for (std::string_view agency : kAgencies) {
        size_t at = folded.find(agency);
        if (at == std::string::npos) continue;
        bool starts = at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '/';
        size_t end = at + agency.size();
        bool ends = end == folded.size() || folded[end] == ' ' || folded[end] == '/' ||
                    folded[end] == ',' || folded[end] == ')';
        if (starts && ends &&
            (folded.find('/') != std::string::npos || at == 0 ||
             folded.find("\xC2\xA9") != std::string::npos)) {
          return LineKind::kDrop;
        }
      }
    }
  }
  return LineKind::kText;
}

// Drops furniture lines; a section heading in the last part of the text
// (after `kTailShare` of its characters) ends the text.
constexpr double kTailShare = 0.6;

std::string CleanLines(std::string text) {
  std::vector<std::string_view> lines;
  std::string_view all(text);
  for (size_t i = 0; i <= all.size();) {
    size_t j = all.find('\n', i);
    if (j == std::string_view::npos) j = all.size();
    lines.push_back(all.substr(i, j - i));
    i = j + 1;
  }
  std::string out;
  out.reserve(text.size());
  size_t seen = 0;
  for (std::string_view line : lines) {
    bool tail = static_cast<double>(seen) >= kTailShare * static_cast<double>(text.size());
    LineKind kind = JudgeLine(line, tail);
    if (kind == LineKind::kSectionEnd && tail) break;
    seen += line.size() + 1;
    if (kind == LineKind::kDrop && !out.empty() && out.back() == ':') {
      // The label of a dropped date ("Release Date:" above "May 3, 2022").
      size_t start = out.rfind('\n');
      start = start == std::string::npos ? 0 : start + 1;
      if (out.size() - start <= 30 && IsDateMetaLine(FoldLine(line))) {
        out.resize(start == 0 ? 0 : start - 1);
      }
    }
    if (kind != LineKind::kText) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  // A label left at the very end introduces nothing ("Weitere Informationen:").
  for (;;) {
    size_t start = out.rfind('\n');
    start = start == std::string::npos ? 0 : start + 1;
    std::string_view last = std::string_view(out).substr(start);
    if (start == 0 || last.size() > 60 || last.empty() || last.back() != ':') break;
    out.resize(start == 0 ? 0 : start - 1);
  }
  return out;
}

// ---------------------------------------------------------------------------
// JSON-LD articleBody: the publisher's own copy of the story, for pages that
// draw it with scripts (the HTML then holds a teaser or a stub).

// Longest "articleBody" string in a JSON-LD value (depth-limited).
void FindArticleBody(const nlohmann::json& v, int depth, std::string* best) {
  if (depth > 16) return;
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it.key() == "articleBody" && it->is_string()) {
        const std::string& b = it->get_ref<const std::string&>();
        if (b.size() > best->size()) *best = b;
      } else if (it->is_structured()) {
        FindArticleBody(*it, depth + 1, best);
      }
    }
  } else if (v.is_array()) {
    for (const auto& item : v) FindArticleBody(item, depth + 1, best);
  }
}

// The article body as lines: markup inside it (some publishers put HTML
// there) dropped, block tags and newlines ending lines, spaces collapsed.
std::string BodyLines(std::string_view body) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '<') {
      size_t end = body.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = body.substr(i + 1, end - i - 1);
      if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
      char t = tag.empty() ? ' ' : AsciiLower(tag[0]);
      if (t == 'p' || t == 'b' || t == 'd' || t == 'h' || t == 'l')
        c = '\n';
      else
        c = ' ';
      i = end;
    }
    if (c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != '\n') out += '\n';
      space = false;
      continue;
    }
    if (IsAsciiSpace(c)) {
      space = !out.empty() && out.back() != '\n';
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// Whitespace-free copy, for comparing texts written with different breaks.
std::string Squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (!IsAsciiSpace(c)) out += c;
  }
  return out;
}

// How many of five probes taken along `body` `text` holds.
int ProbesFound(std::string_view body, std::string_view text) {
  std::string b = Squeeze(body), t = Squeeze(text);
  constexpr int kProbes = 5;
  constexpr size_t kProbeBytes = 30;
  int found = 0;
  for (int k = 0; k < kProbes; ++k) {
    size_t at = (b.size() - kProbeBytes) * static_cast<size_t>(k) / (kProbes - 1);
    while (at > 0 && at < b.size() && (static_cast<unsigned char>(b[at]) & 0xC0) == 0x80) --at;
    if (t.find(std::string_view(b).substr(at, kProbeBytes)) != std::string::npos) ++found;
  }
  return found;
}

// Body text from the page's JSON-LD worth using instead of `text`, or "".
constexpr size_t kMinJsonBodyChars = 500;

std::string JsonLdBodyInstead(const std::vector<std::string_view>& scripts, std::string_view text) {
  std::string best;
  for (std::string_view script : scripts) {
    nlohmann::json v = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (!v.is_discarded()) FindArticleBody(v, 0, &best);
  }
  if (best.empty()) return {};
  std::string body;
  if (best.find_first_of("<&") == std::string::npos) {
    body = BodyLines(best);
  } else {
    // Markup or character references: gumbo reads them, line breaks kept.
    std::string html;
    html.reserve(best.size() + 64);
    for (char c : best) {
      if (c == '\n') {
        html += "<br>";
      } else {
        html += c;
      }
    }
    GumboOutput* parsed = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    if (parsed) {
      const std::unordered_map<const GumboNode*, Info> none;
      MainTextOptions options;
      TextWriter writer(&none, /*lenient=*/true, options);
      writer.Write(parsed->root, 0, 0);
      body = writer.Finish();
      gumbo_destroy_output(&kGumboDefaultOptions, parsed);
    }
  }
  if (CountChars(body) < kMinJsonBodyChars || CountChars(body) < CountChars(text)) return {};
  // Used when the extracted text is not the story the publisher describes,
  // or only a piece of it.
  int found = ProbesFound(body, text);
  if (found > 3 || (found > 1 && CountChars(body) < 2 * CountChars(text))) return {};
  // A short extracted text is the page's teaser or lead, which the body in
  // JSON-LD may lack: it is kept before the body's lines it does not hold.
  if (CountChars(text) >= kMinJsonBodyChars) return body;
  std::string out(text);
  std::string have = Squeeze(text);
  std::string_view rest(body);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (have.find(Squeeze(line)) != std::string::npos) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// The page's description (its <meta> og:description) printed on the page:
// the deepest block whose text starts with it, or null. A page whose scored
// text is short and misses it (a video page, a page of widgets) shows its
// story there.
constexpr size_t kDescriptionProbeChars = 60;

// Appends the squeezed text under `node` to `out` until it holds `limit` bytes.
void SqueezedText(const GumboNode* node, int depth, size_t limit, std::string* out) {
  if (out->size() >= limit || depth > kMaxDepth) return;
  if (IsText(node)) {
    for (char c : std::string_view(node->v.text.text)) {
      if (!IsAsciiSpace(c)) out->push_back(c);
      if (out->size() >= limit) return;
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || NotText(node->v.element)) return;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    SqueezedText(Child(node, i), depth + 1, limit, out);
  }
}

const GumboNode* DescriptionBlock(const GumboNode* node, int depth, std::string_view probe) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboElement& el = node->v.element;
  if (NotText(el) || el.tag == GUMBO_TAG_HEAD) return nullptr;
  std::string text;
  SqueezedText(node, depth, probe.size(), &text);
  if (text.size() < probe.size()) return nullptr;  // too little text below to hold it
  for (unsigned i = 0; i < el.children.length; ++i) {
    if (const GumboNode* found = DescriptionBlock(Child(node, i), depth + 1, probe)) return found;
  }
  return text == probe && IsBlock(el.tag) ? node : nullptr;
}

// ---------------------------------------------------------------------------
// Choosing the containers.

size_t OwnChars(const Info& i) { return i.stats.chars - i.stats.link_chars; }

bool IsAncestor(const GumboNode* a, const GumboNode* n) {
  for (; n; n = n->parent) {
    if (n == a) return true;
  }
  return false;
}

bool EndsLikeSentence(std::string_view text) {
  text = TrimAsciiSpace(text);
  return !text.empty() && (text.back() == '.' || text.find(". ") != std::string_view::npos);
}

// Plain text of a (small) element, for the sibling test.
void GatherText(const GumboNode* node, int depth, std::string* out) {
  if (depth > kMaxDepth || out->size() > 400) return;
  if (IsText(node)) {
    *out += node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT && !IsNonText(node->v.element.tag)) {
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      GatherText(Child(node, i), depth + 1, out);
    }
  }
}

std::vector<const GumboNode*> ChooseContainers(const Scorer& sc) {
  const GumboNode* top = nullptr;
  double top_score = 0;
  for (const auto& [node, i] : sc.info) {
    if (!i.candidate || i.skipped) continue;
    double score = i.score * (1.0 - LinkDensity(i.stats));
    if (score > top_score || (score == top_score && top &&
                              node->v.element.start_pos.offset < top->v.element.start_pos.offset)) {
      top = node;
      top_score = score;
    }
  }
  auto own_all = [&](const GumboNode* n) {
    auto it = sc.info.find(n);
    return it == sc.info.end() ? size_t{0} : it->second.stats.chars;
  };
  auto own = [&](const GumboNode* n) {
    auto it = sc.info.find(n);
    return it == sc.info.end() ? size_t{0} : OwnChars(it->second);
  };

  // [itemprop=articleBody]: trusted when it holds a fair share of the text
  // around the best candidate.
  size_t body_own = 0;
  bool top_in_body = false;
  for (const GumboNode* b : sc.article_bodies) {
    body_own += own(b);
    if (top && IsAncestor(b, top)) top_in_body = true;
  }
  if (body_own > 0 && (!top || top_in_body || body_own * 3 >= own(top))) {
    return sc.article_bodies;
  }
  if (!top)
    return sc.body ? std::vector<const GumboNode*>{sc.body} : std::vector<const GumboNode*>{};

  // The story split into blocks that score alike: their closest common
  // ancestor holding at least two other near-best candidates (Readability).
  std::vector<const GumboNode*> alternatives;
  for (const auto& [node, i] : sc.info) {
    if (node != top && i.candidate && !i.skipped &&
        i.score * (1.0 - LinkDensity(i.stats)) >= 0.75 * top_score) {
      alternatives.push_back(node);
    }
  }
  if (alternatives.size() >= 2) {
    for (const GumboNode* a = top->parent; a && a->type == GUMBO_NODE_ELEMENT; a = a->parent) {
      int inside = 0;
      for (const GumboNode* alt : alternatives) inside += IsAncestor(a, alt) && alt != a;
      if (inside >= 2) {
        auto it = sc.info.find(a);
        if (it != sc.info.end() && !it->second.skipped && a->v.element.tag != GUMBO_TAG_BODY) {
          top = a;
          top_score = it->second.score * (1.0 - LinkDensity(it->second.stats));
        }
        break;
      }
    }
  }

  // A wrapper holding nothing but the top candidate is the same container:
  // the story's siblings (a lead paragraph) sit beside the wrapper.
  bool climbed = false;
  for (int level = 0; level < 3; ++level) {
    const GumboNode* up = top->parent;
    if (!up || up->type != GUMBO_NODE_ELEMENT || up->v.element.tag == GUMBO_TAG_BODY) break;
    auto it = sc.info.find(up);
    if (it == sc.info.end() || it->second.skipped || it->second.stats.chars != own_all(top)) break;
    top = up;
    climbed = true;
  }

  const GumboNode* parent = top->parent;
  if (parent && parent->type == GUMBO_NODE_ELEMENT) {
    // Siblings of the top candidate that belong to the story.
    double threshold = std::max(10.0, top_score * 0.2);
    std::string_view top_class = AttrValue(top->v.element, "class");
    std::vector<const GumboNode*> chosen;
    bool after_top = false;
    for (unsigned k = 0; k < parent->v.element.children.length; ++k) {
      const GumboNode* s = Child(parent, k);
      if (s == top) {
        chosen.push_back(s);
        after_top = true;
        continue;
      }
      if (s->type != GUMBO_NODE_ELEMENT) continue;
      auto it = sc.info.find(s);
      if (it == sc.info.end() || it->second.skipped) continue;
      const Info& si = it->second;
      double bonus = 0;
      if (!top_class.empty() && AttrValue(s->v.element, "class") == top_class &&
          !(climbed && after_top)) {
        bonus = top_score * 0.2;
      }
      if (si.candidate && si.score * (1.0 - LinkDensity(si.stats)) + bonus >= threshold) {
        chosen.push_back(s);
        continue;
      }
      // Beside a wrapper climbed to, only paragraphs before the story (a
      // lead) join it: those after are notes on the story (disclaimers,
      // appeals for support).
      if (s->v.element.tag == GUMBO_TAG_P && !(climbed && after_top)) {
        double ld = LinkDensity(si.stats);
        size_t len = si.stats.chars;
        if (len > 80 && ld < 0.25) {
          chosen.push_back(s);
        } else if (len > 0 && len <= 80 && ld == 0) {
          std::string t;
          GatherText(s, 0, &t);
          if (EndsLikeSentence(t)) chosen.push_back(s);
        }
      }
    }
    return chosen;
  }
  return {top};
}

// Class and id words of a story's lead (standfirst) paragraph, which pages
// often set apart from the body, before it.
constexpr std::string_view kLeadWords[] = {
    "lead",     "lede",       "intro",        "standfirst", "summary",    "excerpt",
    "abstract", "deck",       "perex",        "chapo",      "chapeau",    "bajada",
    "copete",   "entradilla", "subtitle",     "teaser",     "sapo",       "subheadline",
    "dek",      "leadtext",   "introduction", "preface",    "einleitung", "vorspann"};

bool HasLeadName(const GumboElement& el) {
  bool lead = false;
  ForEachName(el, [&](std::string_view name) {
    ForEachWord(name, [&](std::string_view w) {
      if (InList(w, kLeadWords)) lead = true;
      return !lead;
    });
  });
  return lead;
}

// The first element named as a lead at or under `node` (a few levels deep).
constexpr int kMaxLeadDepth = 5;
const GumboNode* FindLead(const GumboNode* node, int depth) {
  if (depth > kMaxLeadDepth || node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (HasLeadName(node->v.element) ||
      HasToken(AttrValue(node->v.element, "itemprop"), "description")) {
    return node;
  }
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    if (const GumboNode* f = FindLead(Child(node, i), depth + 1)) return f;
  }
  return nullptr;
}

// A lead paragraph just before the first container (among the few elements
// preceding it or one of its near ancestors), or nullptr.
constexpr size_t kMinLeadChars = 40;

const GumboNode* LeadBefore(const Scorer& sc, const GumboNode* first) {
  const GumboNode* at = first;
  for (int level = 0; level < 6 && at->parent && at->parent->type == GUMBO_NODE_ELEMENT;
       ++level, at = at->parent) {
    const GumboNode* parent = at->parent;
    // Beside the page's top blocks only a <header> may hold the lead (the
    // headline's header, with the standfirst under the title).
    const bool top_level = parent->v.element.tag == GUMBO_TAG_BODY;
    int looked = 0;
    for (int k = static_cast<int>(at->index_within_parent) - 1; k >= 0 && looked < 8; --k) {
      const GumboNode* sib = Child(parent, static_cast<unsigned>(k));
      if (sib->type != GUMBO_NODE_ELEMENT) continue;
      ++looked;
      if (top_level && sib->v.element.tag != GUMBO_TAG_HEADER) continue;
      const GumboNode* lead = FindLead(sib, 0);
      if (!lead) continue;
      auto it = sc.info.find(lead);
      if (it == sc.info.end() || it->second.skipped) continue;
      const Stats& st = it->second.stats;
      if (st.chars >= kMinLeadChars && LinkDensity(st) < 0.3) return lead;
    }
    if (top_level) break;
  }
  return nullptr;
}

// A recipe's ingredient list outside the chosen containers (the outermost
// one, holding some text, few links) joins them in document order.
constexpr size_t kMinIngredientChars = 30;

void AddIngredients(const Scorer& sc, std::vector<const GumboNode*>* containers) {
  for (size_t i = 0; i < sc.ingredients.size(); ++i) {
    const GumboNode* ing = sc.ingredients[i];
    bool nested = false;
    for (size_t j = 0; j < i && !nested; ++j) nested = IsAncestor(sc.ingredients[j], ing);
    for (const GumboNode* c : *containers) {
      nested = nested || IsAncestor(c, ing) || IsAncestor(ing, c);
    }
    if (nested) continue;
    auto it = sc.info.find(ing);
    if (it == sc.info.end() || it->second.skipped) continue;
    const Stats& st = it->second.stats;
    if (st.chars < kMinIngredientChars || LinkDensity(st) > 0.5) continue;
    auto at = std::find_if(containers->begin(), containers->end(), [&](const GumboNode* c) {
      return c->v.element.start_pos.offset > ing->v.element.start_pos.offset;
    });
    containers->insert(at, ing);
    return;
  }
}

// Scores the page and writes the text of the best containers.
MainText Attempt(const GumboNode* root, const MainTextOptions& options, Scorer* sc) {
  MainText result;
  sc->info.reserve(4096);
  bool block = false;
  sc->Visit(root, 0, false, false, &block);
  result.containers = ChooseContainers(*sc);
  if (!result.containers.empty()) {
    if (const GumboNode* lead = LeadBefore(*sc, result.containers.front())) {
      result.containers.insert(result.containers.begin(), lead);
    }
  }
  auto write = [&] {
    TextWriter writer(&sc->info, /*lenient=*/false, options);
    for (const GumboNode* c : result.containers) {
      auto it = sc->info.find(c);
      writer.Write(c, 0, it == sc->info.end() ? 0 : it->second.stats.chars);
    }
    return writer.Finish();
  };
  result.text = write();
  // Ingredients join a story found, not one too small to trust (which the
  // passes below look for elsewhere).
  if (CountChars(result.text) >= options.min_text_chars) {
    size_t before = result.containers.size();
    AddIngredients(*sc, &result.containers);
    if (result.containers.size() != before) result.text = write();
  }
  return result;
}

// Paragraph text under a layout-named wrapper worth a pass without layout words.
constexpr size_t kMinLayoutRescueChars = 500;

}  // namespace

MainText ExtractMainTextWithContainers(const GumboNode* root, const MainTextOptions& options) {
  if (!root) return {};
  Scorer named;
  MainText result = Attempt(root, options, &named);
  Scorer* used = &named;
  Scorer unnamed;
  if (CountChars(result.text) < options.min_text_chars) {
    // Class or id words may have thrown out the story's own wrapper
    // ("l-outer--nav"): score again trusting tags and roles only.
    unnamed.use_names = false;
    MainText second = Attempt(root, options, &unnamed);
    if (CountChars(second.text) > CountChars(result.text)) {
      result = std::move(second);
      used = &unnamed;
    }
  }
  if (named.layout_hidden_chars > kMinLayoutRescueChars &&
      named.layout_hidden_chars > 2 * CountChars(result.text)) {
    // More paragraph text sits in a wrapper named for its place on the page
    // ("above-footer") than was found: score again without layout words.
    Scorer unlaid;
    unlaid.use_layout_names = false;
    MainText third = Attempt(root, options, &unlaid);
    if (CountChars(third.text) > 2 * CountChars(result.text)) {
      unnamed = std::move(unlaid);
      result = std::move(third);
      used = &unnamed;
    }
  }
  Scorer& sc = *used;
  const GumboNode* whole = sc.body ? sc.body : root;
  if (CountChars(result.text) < options.min_text_chars && whole != root) {
    // The chosen container is too small to be the story: the whole page,
    // furniture still dropped.
    TextWriter writer(&sc.info, /*lenient=*/false, options);
    auto it = sc.info.find(whole);
    writer.Write(whole, 0, it == sc.info.end() ? 0 : it->second.stats.chars);
    std::string page = writer.Finish();
    if (CountChars(page) > 2 * CountChars(result.text) + 100) {
      result.text = std::move(page);
      result.containers = {whole};
    }
  }
  if (CountChars(result.text) < kMinParagraphChars) {
    TextWriter writer(&sc.info, /*lenient=*/true, options);
    writer.Write(whole, 0, 0);
    std::string lenient = writer.Finish();
    if (CountChars(lenient) > CountChars(result.text)) {
      result.text = std::move(lenient);
      result.containers.clear();
    }
  }
  if (CountChars(result.text) < options.min_text_chars &&
      CountChars(sc.description) >= kDescriptionProbeChars) {
    // Too little text, and not the page's own description of its story:
    // the block that prints that description, if any, is the story.
    std::string probe = Squeeze(sc.description);
    probe.resize(kDescriptionProbeChars);  // bytes: both sides are cut alike
    if (Squeeze(result.text).find(probe) == std::string::npos) {
      if (const GumboNode* block = DescriptionBlock(whole, 0, probe)) {
        TextWriter writer(&sc.info, /*lenient=*/true, options);
        writer.Write(block, 0, 0);
        result.text = writer.Finish();
        result.containers = {block};
      }
    }
  }
  if (!sc.json_ld.empty()) {
    std::string body = JsonLdBodyInstead(sc.json_ld, result.text);
    if (!body.empty()) {
      result.text = std::move(body);
      result.containers.clear();
    }
  }
  result.text = CleanLines(std::move(result.text));
  if (result.text.empty() && !sc.description.empty()) {
    // Nothing on the page (a story its scripts render): the publisher's own
    // description of it stands in, rather than no article at all.
    result.text = CleanLines(std::string(TrimAsciiSpace(sc.description)));
    result.containers.clear();
  }
  return result;
}

std::string ExtractMainText(const GumboNode* root, const MainTextOptions& options) {
  return ExtractMainTextWithContainers(root, options).text;
}

}  // namespace newsrecon
