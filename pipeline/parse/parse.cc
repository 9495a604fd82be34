#include "pipeline/parse/parse.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/core/ascii.h"
#include "pipeline/core/utf8.h"
#include "pipeline/parse/charset.h"
#include "pipeline/parse/dates.h"
#include "pipeline/parse/main_text.h"

namespace newsrecon {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// Small text helpers (ASCII only; everything else passes through).

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Collapses runs of ASCII whitespace to one space and trims.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Charsets.

struct MediaType {
  std::string type;     // lowercase, no parameters
  std::string charset;  // as given; empty if none
};

MediaType ParseMediaType(std::string_view content_type) {
  MediaType mt;
  size_t semi = content_type.find(';');
  mt.type = AsciiLower(TrimAsciiSpace(content_type.substr(0, semi)));
  size_t at = FindIgnoreAsciiCase(content_type, "charset=");
  if (at != std::string_view::npos) {
    std::string_view v = content_type.substr(at + 8);
    v = TrimAsciiSpace(v.substr(0, v.find(';')));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
    mt.charset = std::string(TrimAsciiSpace(v));
  }
  return mt;
}

// ---------------------------------------------------------------------------
// Plain text.

StatusOr<Article> ParsePlain(const RawDocument& doc, const MediaType& mt) {
  std::string_view bytes = doc.bytes;
  std::string converted;
  size_t offset = 0;  // bytes dropped in front, for error positions
  std::string charset(StripBom(&bytes));
  std::string charset_method = charset.empty() ? "default" : "bom";
  if (charset == "UTF-8") {
    charset.clear();  // validated below, where errors name bytes of the input as given
    offset = doc.bytes.size() - bytes.size();
  } else if (charset.empty() && !mt.charset.empty()) {
    charset = IcuCharsetName(mt.charset, /*from_meta=*/false);
    if (charset.empty()) return Status::Unsupported("unknown charset \"" + mt.charset + "\"");
    charset_method = "http";
    if (charset == "UTF-8") charset.clear();
  }
  if (!charset.empty()) {
    StatusOr<std::string> utf8 = ToUtf8(bytes, charset, /*strict=*/true);
    if (!utf8.ok()) return utf8.status();
    converted = std::move(utf8).value();
    bytes = converted;
    offset = 0;
  } else if (std::optional<size_t> bad = FindInvalidUtf8(bytes)) {
    return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(*bad + offset));
  }
  if (TrimAsciiSpace(bytes).empty()) return Status::InvalidArgument("empty document");

  Article article;
  article.meta = doc.meta;
  article.meta.charset = charset.empty() ? "UTF-8" : charset;
  article.meta.charset_method = charset_method;
  article.text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
    article.text += bytes[i];
  }
  if (!article.meta.published) {
    const std::string& url =
        !article.meta.url.empty() ? article.meta.url : article.meta.canonical_url;
    if (auto d = DateFromUrlPath(url)) {
      article.meta.published = d;
      article.meta.published_method = PublishedMethod::kUrl;
      article.meta.date_witnesses.push_back(
          {PublishedMethod::kUrl, "url path", url.substr(0, 200), d, false});
    }
  }
  return article;
}

// ---------------------------------------------------------------------------
// HTML: what is boilerplate.

std::string_view AttrValue(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name) != nullptr;
}

// True when the space-separated token list `list` holds `token` (any case).
bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsAsciiSpace(list[i])) ++i;
    size_t j = i;
    while (j < list.size() && !IsAsciiSpace(list[j])) ++j;
    if (j > i && EqualsIgnoreAsciiCase(list.substr(i, j - i), token)) return true;
    i = j;
  }
  return false;
}

// Words in class names and ids that mark page furniture rather than the story.
constexpr std::string_view kBoilerplateWords[] = {
    "nav",           "navbar",      "navigation", "menu",        "menus",    "megamenu",
    "footer",        "comment",     "comments",   "disqus",      "share",    "shares",
    "sharing",       "sharebar",    "social",     "related",     "cookie",   "cookies",
    "consent",       "gdpr",        "ad",         "ads",         "advert",   "adverts",
    "advertisement", "advertising", "sponsored",  "promo",       "promos",   "promotion",
    "promoted",      "subscribe",   "newsletter", "newsletters", "signup",   "sidebar",
    "breadcrumb",    "breadcrumbs", "outbrain",   "taboola",     "masthead", "toolbar",
};
// A class name starting with one of these states a condition of the element
// ("has-comments", "is-sticky-nav"), not what the element is.
// A class or id that also has one of these words names a container of the
// story ("content-sidebar-wrap" holds the story and the sidebar), as in
// Readability's exceptions to its unlikely candidates.
constexpr std::string_view kStoryWords[] = {"article", "body", "column", "content", "main"};
constexpr std::string_view kModifierWords[] = {"has", "with", "without", "no",  "is",
                                               "js",  "show", "hide",    "can", "enable"};

bool InList(std::string_view word, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, word) != end;
}

// Splits one class name or id into lowercase words at punctuation, digits and
// camelCase humps ("mainNav-2" → main, nav) and says whether a word marks
// boilerplate (and none the story).
bool NameSaysBoilerplate(std::string_view name) {
  bool furniture = false;
  char word[24];
  size_t len = 0;
  bool first = true;
  bool overflow = false;
  auto finish = [&]() -> int {  // -1: not boilerplate whatever follows, 0: go on
    int verdict = 0;
    if (len > 0 && !overflow) {
      std::string_view w(word, len);
      if ((first && InList(w, std::begin(kModifierWords), std::end(kModifierWords))) ||
          InList(w, std::begin(kStoryWords), std::end(kStoryWords))) {
        verdict = -1;
      } else if (InList(w, std::begin(kBoilerplateWords), std::end(kBoilerplateWords))) {
        furniture = true;
      }
    }
    if (len > 0 || overflow) first = false;
    len = 0;
    overflow = false;
    return verdict;
  };
  for (size_t i = 0; i <= name.size(); ++i) {
    char c = i < name.size() ? name[i] : '\0';
    bool boundary =
        !IsAlpha(c) || (i > 0 && c >= 'A' && c <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z');
    if (boundary && finish() < 0) return false;
    if (IsAlpha(c)) {
      if (len < sizeof word) {
        word[len++] = AsciiLower(c);
      } else {
        overflow = true;
      }
    }
  }
  return furniture;
}

bool ClassOrIdSaysBoilerplate(const GumboElement& el) {
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    bool is_class = std::strcmp(a->name, "class") == 0;
    if (!is_class && std::strcmp(a->name, "id") != 0) continue;
    std::string_view v(a->value);
    if (!is_class) {
      if (NameSaysBoilerplate(v)) return true;
      continue;
    }
    size_t k = 0;
    while (k < v.size()) {
      while (k < v.size() && IsAsciiSpace(v[k])) ++k;
      size_t j = k;
      while (j < v.size() && !IsAsciiSpace(v[j])) ++j;
      if (j > k && NameSaysBoilerplate(v.substr(k, j - k))) return true;
      k = j;
    }
  }
  return false;
}

// True when a style attribute sets `property` to `value` ("display : none").
bool StyleSays(std::string_view style, std::string_view property, std::string_view value) {
  for (size_t at = FindIgnoreAsciiCase(style, property); at != std::string_view::npos;
       at = FindIgnoreAsciiCase(style, property, at + 1)) {
    size_t i = at + property.size();
    while (i < style.size() && IsAsciiSpace(style[i])) ++i;
    if (i >= style.size() || style[i] != ':') continue;
    ++i;
    while (i < style.size() && IsAsciiSpace(style[i])) ++i;
    if (FindIgnoreAsciiCase(style.substr(i, value.size()), value) == 0) return true;
  }
  return false;
}

bool IsHidden(const GumboElement& el) {
  if (HasAttr(el, "hidden")) return true;
  if (EqualsIgnoreAsciiCase(AttrValue(el, "aria-hidden"), "true")) return true;
  std::string_view style = AttrValue(el, "style");
  return StyleSays(style, "display", "none") || StyleSays(style, "visibility", "hidden");
}

// Elements whose content is never article text.
bool IsNonText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Page furniture by tag: skipped by the strict pass only.
bool IsFurnitureTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsItemPropArticleBody(const GumboElement& el) {
  return HasToken(AttrValue(el, "itemprop"), "articleBody");
}

// See IsSkipped.
constexpr unsigned kMaxNoscriptBytes = 4096;

// Whether the element and all below it are left out of the main text.
bool IsSkipped(const GumboNode* node, bool lenient) {
  const GumboElement& el = node->v.element;
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  // A <noscript> spanning more source than any tracking pixel or "enable
  // JavaScript" notice holds the page itself: a <div> opened in it swallowed
  // its end tag (browsers running scripts read it as raw text), or it is the
  // page's whole script-free version. Keep what is in it.
  if (el.tag == GUMBO_TAG_NOSCRIPT && el.end_pos.offset > el.start_pos.offset + kMaxNoscriptBytes) {
    return false;
  }
  if (IsNonText(el.tag) || IsHidden(el)) return true;
  if (lenient) return false;
  if (IsFurnitureTag(el.tag)) return true;
  // Containers of the story itself are never dropped for their class: an
  // <article class="tone-comment"> is an opinion piece, not a comment thread.
  if (el.tag == GUMBO_TAG_HTML || el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_MAIN ||
      el.tag == GUMBO_TAG_ARTICLE) {
    return false;
  }
  std::string_view role = AttrValue(el, "role");
  if (!role.empty() &&
      (EqualsIgnoreAsciiCase(role, "navigation") || EqualsIgnoreAsciiCase(role, "contentinfo") ||
       EqualsIgnoreAsciiCase(role, "complementary") || EqualsIgnoreAsciiCase(role, "banner") ||
       EqualsIgnoreAsciiCase(role, "dialog"))) {
    return true;
  }
  if (IsItemPropArticleBody(el)) return false;
  return ClassOrIdSaysBoilerplate(el);
}

// Nesting past this is not followed: no real page comes near it, and a
// hostile one must not exhaust the stack.
constexpr int kMaxDepth = 256;

// ---------------------------------------------------------------------------
// HTML: one pass to collect metadata.

struct TimeElement {
  const GumboNode* node;
  std::string_view datetime;
  bool marked;     // itemprop=datePublished or pubdate
  bool furniture;  // inside skipped boilerplate
};

// Meta names that carry a publication date, best first.
constexpr std::string_view kDateMetaNames[] = {
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "publication_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "schema:datepublished",
    "schema:datecreated",
    "date",
};

struct Collected {
  std::string_view html_lang, title, og_title, og_site_name, application_name;
  std::string_view canonical_link, og_url, content_language, og_locale;
  std::string_view meta_date;
  size_t meta_date_rank = SIZE_MAX;
  const GumboNode* first_h1 = nullptr;
  const GumboNode* body = nullptr;
  std::vector<std::string_view> json_ld;
  std::vector<TimeElement> times;
};

std::string_view FirstTextChild(const GumboNode* node) {
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA ||
        k->type == GUMBO_NODE_WHITESPACE) {
      return k->v.text.text;
    }
  }
  return {};
}

void CollectMeta(const GumboElement& el, Collected* c) {
  std::string_view content = AttrValue(el, "content");
  if (content.empty()) return;
  for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
    std::string_view key = TrimAsciiSpace(AttrValue(el, attr));
    if (key.empty()) continue;
    if (EqualsIgnoreAsciiCase(key, "og:title")) {
      if (c->og_title.empty()) c->og_title = content;
    } else if (EqualsIgnoreAsciiCase(key, "og:site_name")) {
      if (c->og_site_name.empty()) c->og_site_name = content;
    } else if (EqualsIgnoreAsciiCase(key, "application-name")) {
      if (c->application_name.empty()) c->application_name = content;
    } else if (EqualsIgnoreAsciiCase(key, "og:url")) {
      if (c->og_url.empty()) c->og_url = content;
    } else if (EqualsIgnoreAsciiCase(key, "og:locale")) {
      if (c->og_locale.empty()) c->og_locale = content;
    } else if (EqualsIgnoreAsciiCase(key, "content-language")) {
      if (c->content_language.empty()) c->content_language = content;
    } else {
      for (size_t rank = 0; rank < std::size(kDateMetaNames) && rank < c->meta_date_rank; ++rank) {
        if (EqualsIgnoreAsciiCase(key, kDateMetaNames[rank]) && ParseDateWitness(content)) {
          c->meta_date = content;
          c->meta_date_rank = rank;
          break;
        }
      }
    }
  }
}

// Visits `node` and what is below it, collecting metadata; `skipped` says
// whether it lies in boilerplate (navigation, asides), which weighs its
// <time> elements less.
void Visit(const GumboNode* node, int depth, bool skipped, bool lenient, Collected* c) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    const GumboVector& kids = node->v.document.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, skipped, lenient, c);
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;  // text, comments, templates

  const GumboElement& el = node->v.element;
  const bool html_ns = el.tag_namespace == GUMBO_NAMESPACE_HTML;
  // Metadata is read wherever it is, boilerplate or not.
  if (html_ns) {
    switch (el.tag) {
      case GUMBO_TAG_HTML:
        if (c->html_lang.empty()) c->html_lang = TrimAsciiSpace(AttrValue(el, "lang"));
        break;
      case GUMBO_TAG_BODY:
        if (!c->body) c->body = node;
        break;
      case GUMBO_TAG_TITLE:
        if (c->title.empty()) c->title = FirstTextChild(node);
        break;
      case GUMBO_TAG_META:
        CollectMeta(el, c);
        break;
      case GUMBO_TAG_LINK:
        if (c->canonical_link.empty() && HasToken(AttrValue(el, "rel"), "canonical")) {
          c->canonical_link = TrimAsciiSpace(AttrValue(el, "href"));
        }
        break;
      case GUMBO_TAG_SCRIPT:
        if (FindIgnoreAsciiCase(AttrValue(el, "type"), "ld+json") != std::string_view::npos) {
          c->json_ld.push_back(FirstTextChild(node));
        }
        break;
      case GUMBO_TAG_TIME:
        if (const GumboAttribute* dt = gumbo_get_attribute(&el.attributes, "datetime")) {
          bool marked = HasAttr(el, "pubdate") ||
                        HasToken(AttrValue(el, "itemprop"), "datePublished") ||
                        HasToken(AttrValue(el, "class"), "published");
          c->times.push_back({node, dt->value, marked, skipped});
        }
        break;
      case GUMBO_TAG_ABBR:
        // The hAtom microformat: <abbr class="published" title="2026-04-27T…">.
        if (HasToken(AttrValue(el, "class"), "published")) {
          std::string_view when = AttrValue(el, "title");
          if (ParseDateWitness(when)) c->times.push_back({node, when, true, skipped});
        }
        break;
      case GUMBO_TAG_H1:
        if (!c->first_h1) c->first_h1 = node;
        break;
      default:
        // Microdata on any element: <span itemprop="datePublished" content="…">.
        if (HasAttr(el, "content") && HasAttr(el, "itemprop")) CollectMeta(el, c);
        break;
    }
  }

  const bool skip_here = skipped || IsSkipped(node, lenient);
  const GumboVector& kids = el.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, skip_here, lenient, c);
  }
}

// ---------------------------------------------------------------------------
// HTML: the heading's text (the main text is main_text.h's).

// The text of an element with whitespace collapsed, boilerplate kept (for <h1>).
void GatherText(const GumboNode* node, int depth, std::string* out) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    *out += node->v.text.text;
    *out += ' ';
  } else if (node->type == GUMBO_NODE_ELEMENT && !IsNonText(node->v.element.tag)) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      GatherText(static_cast<const GumboNode*>(kids.data[i]), depth + 1, out);
    }
  }
}

// ---------------------------------------------------------------------------
// HTML: metadata.

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

// "Story title | Site" → "Story title". A suffix after the last separator is
// dropped when it names the outlet, or when it is short and what stays is not.
std::string StripSiteSuffix(std::string title, std::string_view outlet) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 "};
  for (int round = 0; round < 2; ++round) {
    size_t best = std::string::npos, sep_len = 0;
    for (std::string_view sep : kSeparators) {
      size_t at = title.rfind(sep);
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at;
        sep_len = sep.size();
      }
    }
    if (best == std::string::npos || best == 0) break;
    std::string_view head(title.data(), best);
    std::string_view tail = std::string_view(title).substr(best + sep_len);
    bool names_outlet =
        !outlet.empty() && EqualsIgnoreAsciiCase(TrimAsciiSpace(tail), TrimAsciiSpace(outlet));
    bool pipe = title.compare(best, 3, " | ") == 0;
    size_t head_words = WordCount(head), tail_words = WordCount(tail);
    if (names_outlet || (tail_words <= 4 && head_words >= 3) ||
        (pipe && tail_words <= 5 && head_words >= 2)) {
      title.resize(best);
    } else {
      break;
    }
  }
  return title;
}

bool IsHttpUrl(std::string_view u) {
  return FindIgnoreAsciiCase(u, "http://") == 0 || FindIgnoreAsciiCase(u, "https://") == 0;
}

// Resolves the root-relative and scheme-relative forms a canonical link takes
// against the page's URL; anything else unresolvable gives "".
std::string ResolveUrl(std::string_view href, std::string_view base) {
  href = TrimAsciiSpace(href);
  if (href.empty()) return "";
  if (IsHttpUrl(href)) return std::string(href);
  size_t scheme_end = base.find("://");
  if (!IsHttpUrl(base) || scheme_end == std::string_view::npos) return "";
  if (href.substr(0, 2) == "//")
    return std::string(base.substr(0, scheme_end + 1)) + std::string(href);
  if (href.front() != '/') return "";
  size_t path = base.find_first_of("/?#", scheme_end + 3);
  return std::string(base.substr(0, path)) + std::string(href);
}

bool IsArticleType(const json& type) {
  auto one = [](const json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return (s.size() >= 7 && s.compare(s.size() - 7, 7, "Article") == 0) || s == "BlogPosting" ||
           s == "LiveBlogPosting" || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

struct JsonLdFindings {
  std::optional<CivilDate> article_date;  // datePublished of an Article type
  std::optional<CivilDate> any_date;      // of anything else (WebPage…)
  std::string publisher;
};

void SearchJsonLd(const json& j, int depth, JsonLdFindings* f) {
  if (depth > 6) return;
  if (j.is_array()) {
    for (const json& item : j) SearchJsonLd(item, depth + 1, f);
    return;
  }
  if (!j.is_object()) return;
  bool article = false;
  if (auto t = j.find("@type"); t != j.end()) article = IsArticleType(*t);
  if (auto d = j.find("datePublished"); d != j.end() && d->is_string()) {
    std::optional<CivilDate> date = ParseDateWitness(d->get_ref<const std::string&>());
    if (date && article && !f->article_date) f->article_date = date;
    if (date && !f->any_date) f->any_date = date;
  }
  if (article && f->publisher.empty()) {
    if (auto p = j.find("publisher"); p != j.end()) {
      const json* pub = &*p;
      if (pub->is_array() && !pub->empty()) pub = &(*pub)[0];
      if (pub->is_object()) {
        if (auto n = pub->find("name"); n != pub->end() && n->is_string()) {
          f->publisher = Collapse(n->get_ref<const std::string&>());
        }
      }
    }
  }
  for (const auto& [key, value] : j.items()) {  // @graph, mainEntity and the like
    if (value.is_array() || value.is_object()) SearchJsonLd(value, depth + 1, f);
  }
}

JsonLdFindings ReadJsonLd(const std::vector<std::string_view>& scripts) {
  JsonLdFindings f;
  for (std::string_view text : scripts) {
    text = TrimAsciiSpace(text);
    // Some CMSs still wrap scripts in comment or CDATA markers.
    for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
      if (text.substr(0, open.size()) == open) text = TrimAsciiSpace(text.substr(open.size()));
    }
    for (std::string_view close : {"-->", "//]]>", "]]>", ";"}) {
      if (text.size() >= close.size() && text.substr(text.size() - close.size()) == close) {
        text = TrimAsciiSpace(text.substr(0, text.size() - close.size()));
      }
    }
    json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) SearchJsonLd(j, 0, &f);
  }
  return f;
}

void FillMetadata(const Collected& c, const std::vector<const GumboNode*>& /*roots*/,
                  ArticleMeta* meta) {
  JsonLdFindings ld = ReadJsonLd(c.json_ld);
  if (meta->outlet.empty()) {
    for (std::string_view s : {c.og_site_name, c.application_name}) {
      if (meta->outlet.empty()) meta->outlet = Collapse(s);
    }
    if (meta->outlet.empty()) meta->outlet = ld.publisher;
  }
  if (meta->title.empty()) {
    meta->title = Collapse(c.og_title);
    if (meta->title.empty()) meta->title = StripSiteSuffix(Collapse(c.title), meta->outlet);
    if (meta->title.empty() && c.first_h1) {
      std::string h1;
      GatherText(c.first_h1, 0, &h1);
      meta->title = Collapse(h1);
    }
  }
  if (meta->canonical_url.empty()) {
    meta->canonical_url = ResolveUrl(c.canonical_link, meta->url);
    if (meta->canonical_url.empty()) meta->canonical_url = ResolveUrl(c.og_url, meta->url);
  }
  if (meta->language.empty()) {
    std::string_view lang = c.html_lang;
    if (lang.empty())
      lang = TrimAsciiSpace(c.content_language.substr(0, c.content_language.find(',')));
    meta->language = std::string(lang.empty() ? TrimAsciiSpace(c.og_locale) : lang);
    std::replace(meta->language.begin(), meta->language.end(), '_', '-');
  }
}

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

// Gumbo's tree building grows quadratically with nesting depth (200,000
// nested <div>s take minutes), so a page nested deeper than any real one is
// refused before it is parsed.
constexpr size_t kMaxNesting = 10000;

// Whether the void element `name` (lowercase) never takes children.
bool IsVoidTag(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr",  "keygen"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose end tags are optional (a new one closes the last), which
// therefore do not nest when left open.
bool IsSelfClosingByNext(std::string_view name) {
  static constexpr std::string_view kOptional[] = {
      "p",  "li", "dt",    "dd",    "tr",    "td",       "th",      "option", "optgroup", "rb",
      "rt", "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html",   "head",     "body"};
  return std::find(std::begin(kOptional), std::end(kOptional), name) != std::end(kOptional);
}

// The deepest open-tag nesting in `html`, by a linear scan that skips
// comments and the contents of scripts and styles; fails past kMaxNesting.
Status CheckNesting(std::string_view html) {
  size_t depth = 0, deepest = 0;
  size_t i = 0;
  char name[16];
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    size_t len = 0;
    while (i < html.size() && (IsAlpha(html[i]) || IsDigit(html[i]))) {
      if (len < sizeof name) name[len] = AsciiLower(html[i]);
      ++len;
      ++i;
    }
    if (len == 0 || len > sizeof name) continue;
    std::string_view tag(name, len);
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    bool self_closed = gt > 0 && html[gt - 1] == '/';
    i = gt + 1;
    if (!closing && (tag == "script" || tag == "style")) {
      std::string close = "</" + std::string(tag);
      size_t end = FindIgnoreAsciiCase(html, close, i);
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (IsVoidTag(tag) || IsSelfClosingByNext(tag)) continue;
    if (closing) {
      if (depth > 0) --depth;
    } else if (!self_closed) {
      deepest = std::max(deepest, ++depth);
    }
  }
  if (deepest > kMaxNesting) {
    return Status::InvalidArgument("page nests tags " + std::to_string(deepest) + " deep (limit " +
                                   std::to_string(kMaxNesting) + ")");
  }
  return Status::Ok();
}

StatusOr<Article> ParseHtml(const RawDocument& doc, const MediaType& mt) {
  StatusOr<DecodedText> decoded = DecodeHtml(doc.bytes, mt.charset);
  if (!decoded.ok()) return decoded.status();
  const std::string* utf8 = &decoded->utf8;
  if (TrimAsciiSpace(*utf8).empty()) return Status::InvalidArgument("empty document");
  if (Status depth = CheckNesting(*utf8); !depth.ok()) return depth;

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read the parse errors
  std::unique_ptr<GumboOutput, GumboDeleter> out(
      gumbo_parse_with_options(&options, utf8->data(), utf8->size()));
  if (!out) return Status::InvalidArgument("HTML could not be parsed");

  Article article;
  article.meta = doc.meta;
  auto collected = std::make_unique<Collected>();
  Visit(out->document, 0, false, /*lenient=*/false, collected.get());
  MainText main = ExtractMainTextWithContainers(out->document);
  article.text = std::move(main.text);
  std::vector<const GumboNode*> roots = std::move(main.containers);
  if (article.text.empty()) return Status::InvalidArgument("no main text found");
  FillMetadata(*collected, roots, &article.meta);
  article.meta.charset = decoded->charset;
  article.meta.charset_method = decoded->method;
  ReadPageDates(out->document, roots, TodayUtc(), &article.meta);
  return article;
}

}  // namespace

StatusOr<Article> Parse(const RawDocument& doc) {
  if (doc.bytes.empty()) return Status::InvalidArgument("empty document");
  MediaType mt = ParseMediaType(doc.content_type);
  if (mt.type.empty()) {
    std::string_view b = doc.bytes;
    if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
    b = TrimAsciiSpace(b);
    bool html = FindIgnoreAsciiCase(b.substr(0, 14), "<!doctype html") == 0 ||
                FindIgnoreAsciiCase(b.substr(0, 5), "<html") == 0;
    mt.type = html ? "text/html" : "text/plain";
  }
  if (mt.type == "text/html" || mt.type == "application/xhtml+xml") return ParseHtml(doc, mt);
  if (mt.type == "text/plain") return ParsePlain(doc, mt);
  return Status::Unsupported("content type \"" + mt.type + "\" is neither HTML nor plain text");
}

}  // namespace newsrecon
