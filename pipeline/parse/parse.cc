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
#include "pipeline/parse/bylines.h"
#include "pipeline/parse/charset.h"
#include "pipeline/parse/dates.h"
#include "pipeline/parse/html_util.h"
#include "pipeline/parse/language.h"
#include "pipeline/parse/main_text.h"

namespace newsrecon {
namespace {

using html::AttrValue;
using html::Collapse;
using html::FirstTextChild;
using html::GatherText;
using html::HasAttr;
using html::HasToken;
using html::IsArticleType;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Small text helpers (ASCII only; everything else passes through).

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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
  if (article.meta.language.empty()) article.meta.language = DecideLanguage("", article.text);
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

// Nesting past this is not followed: no real page comes near it, and a
// hostile one must not exhaust the stack.
constexpr int kMaxDepth = 256;

// ---------------------------------------------------------------------------
// HTML: one pass to collect metadata.

struct Collected {
  std::string_view html_lang, title, og_title, og_site_name, application_name;
  std::string_view canonical_link, og_url, content_language, og_locale;
  const GumboNode* first_h1 = nullptr;
  const GumboNode* body = nullptr;
  std::vector<std::string_view> json_ld;
};

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
    }
  }
}

// Visits `node` and what is below it, collecting metadata (dates are
// dates.h's, the main text main_text.h's).
void Visit(const GumboNode* node, int depth, Collected* c) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    const GumboVector& kids = node->v.document.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, c);
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
      case GUMBO_TAG_H1:
        if (!c->first_h1) c->first_h1 = node;
        break;
      default:
        // Microdata on any element: <span itemprop="…" content="…">.
        if (HasAttr(el, "content") && HasAttr(el, "itemprop")) CollectMeta(el, c);
        break;
    }
  }

  const GumboVector& kids = el.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, c);
  }
}

// ---------------------------------------------------------------------------
// HTML: the heading's text (the main text is main_text.h's).

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

// Separators between a story's title and the site's name in <title>.
constexpr std::string_view kTitleSeparators[] = {
    " | ",        " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
    " \xC2\xBB ", " \xC2\xB7 ", " \xE2\x94\x82 ", " \xC2\xAB ",     " \xE2\x80\xA2 "};

// Where the first (or, if `last`, the last) title separator starts, npos if
// none, and its length.
size_t TitleSeparator(std::string_view title, bool last, size_t* sep_len) {
  size_t best = std::string_view::npos;
  for (std::string_view sep : kTitleSeparators) {
    const size_t at = last ? title.rfind(sep) : title.find(sep);
    if (at != std::string_view::npos &&
        (best == std::string_view::npos || (last ? at > best : at < best))) {
      best = at;
      *sep_len = sep.size();
    }
  }
  return best;
}

// The length of the title separator `title` ends with (or, if `at_start`,
// starts with), 0 if none.
size_t SeparatorAtEdge(std::string_view title, bool at_start) {
  for (std::string_view sep : kTitleSeparators) {
    if (title.size() > sep.size() &&
        (at_start ? title.substr(0, sep.size()) : title.substr(title.size() - sep.size())) == sep) {
      return sep.size();
    }
  }
  return 0;
}

bool NamesSite(std::string_view part, std::string_view outlet, std::string_view url) {
  return (!outlet.empty() && SameField(part, outlet)) || NamesHost(part, url);
}

// "Story title | Site" → "Story title". A suffix after the last separator is
// dropped when it names the outlet or the URL's host ("| Weinkenner.de"),
// or, unless `names_only`, when it is short and what stays is not; a prefix
// before the first separator when it names the outlet or host ("Site | ").
std::string StripSiteSuffix(std::string title, std::string_view outlet, std::string_view url,
                            bool names_only) {
  // The outlet's whole name, separators and all ("| AOC media - Analyse").
  if (!outlet.empty() && title.size() > outlet.size()) {
    const std::string_view t(title);
    const size_t rest = t.size() - outlet.size();
    if (EqualsIgnoreAsciiCase(t.substr(rest), outlet)) {
      if (size_t n = SeparatorAtEdge(t.substr(0, rest), /*at_start=*/false); n > 0) {
        title.resize(rest - n);
      }
    } else if (EqualsIgnoreAsciiCase(t.substr(0, outlet.size()), outlet)) {
      if (size_t n = SeparatorAtEdge(t.substr(outlet.size()), /*at_start=*/true); n > 0) {
        title.erase(0, outlet.size() + n);
      }
    }
  }
  size_t first_len = 0;
  const size_t first = TitleSeparator(title, /*last=*/false, &first_len);
  if (first != std::string::npos && first > 0 &&
      NamesSite(std::string_view(title).substr(0, first), outlet, url)) {
    title.erase(0, first + first_len);
  }
  for (int round = 0; round < 2; ++round) {
    size_t sep_len = 0;
    const size_t best = TitleSeparator(title, /*last=*/true, &sep_len);
    if (best == std::string::npos || best == 0) break;
    std::string_view head(title.data(), best);
    std::string_view tail = std::string_view(title).substr(best + sep_len);
    bool names_site = NamesSite(tail, outlet, url);
    bool pipe = title.compare(best, 3, " | ") == 0;
    size_t head_words = WordCount(head), tail_words = WordCount(tail);
    if (names_site || (!names_only && ((tail_words <= 4 && head_words >= 3) ||
                                       (pipe && tail_words <= 5 && head_words >= 2)))) {
      title.resize(best);
    } else {
      break;
    }
  }
  return title;
}

// Whether `h1` is the headline that `title` begins with, the rest after a
// separator being the site's section, tagline or name ("Energy Rising – 33
// Tage Yoga Challenge" in "Energy Rising - 33 Tage Yoga Challenge - Mady
// Morrison - Yoga Lifestyle"). A one- or two-word <h1> must fill half the
// title: "News" in "News - Bridge closes" is a section, not the headline.
bool IsHeadlineOf(std::string_view h1, std::string_view title) {
  const std::string key = FieldKey(h1);
  if (key.empty()) return false;
  if (WordCount(h1) < 3 && key.size() * 2 < FieldKey(title).size()) return false;
  for (std::string_view sep : kTitleSeparators) {
    for (size_t at = title.find(sep); at != std::string_view::npos; at = title.find(sep, at + 1)) {
      if (FieldKey(title.substr(0, at)) == key) return true;
    }
  }
  return false;
}

// Whether an <h1> is the site's logo: a link to the site's home page
// ("<h1><a href="/">Time 4 talks</a></h1>", an archived copy's too).
bool LinksHome(const GumboNode* node, int depth) {
  if (depth > 8 || node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& el = node->v.element;
  if (el.tag == GUMBO_TAG_A) {
    std::string_view href = TrimAsciiSpace(AttrValue(el, "href"));
    size_t scheme = href.rfind("://");  // the last: web.archive.org/web/…/http://site/
    if (scheme != std::string_view::npos) {
      size_t path = href.find('/', scheme + 3);
      href = path == std::string_view::npos ? std::string_view("/") : href.substr(path);
    }
    return href == "/" || href == "/index.html" || href == "/index.php";
  }
  for (unsigned i = 0; i < el.children.length; ++i) {
    if (LinksHome(static_cast<const GumboNode*>(el.children.data[i]), depth + 1)) return true;
  }
  return false;
}

// The site's name as the <title> gives it before its first or after its last
// separator, when that part spells the URL's host; "" otherwise.
std::string TitlePartNamingHost(std::string_view title, std::string_view url) {
  size_t sep_len = 0;
  const size_t last = TitleSeparator(title, /*last=*/true, &sep_len);
  if (last == std::string_view::npos) return "";
  if (std::string_view tail = title.substr(last + sep_len); NamesHost(tail, url)) {
    return CleanOutlet(tail);
  }
  const size_t first = TitleSeparator(title, /*last=*/false, &sep_len);
  if (std::string_view head = title.substr(0, first); NamesHost(head, url)) {
    return CleanOutlet(head);
  }
  return "";
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

// The publisher's name of the first article in the page's JSON-LD ("" if none).
std::string JsonLdPublisher(const json& j, int depth) {
  if (depth > 6) return "";
  if (j.is_array()) {
    for (const json& item : j) {
      if (std::string p = JsonLdPublisher(item, depth + 1); !p.empty()) return p;
    }
    return "";
  }
  if (!j.is_object()) return "";
  if (auto t = j.find("@type"); t != j.end() && IsArticleType(*t)) {
    if (auto p = j.find("publisher"); p != j.end()) {
      const json* pub = &*p;
      if (pub->is_array() && !pub->empty()) pub = &(*pub)[0];
      if (pub->is_object()) {
        if (auto n = pub->find("name"); n != pub->end() && n->is_string()) {
          if (std::string name = Collapse(n->get_ref<const std::string&>()); !name.empty())
            return name;
        }
      }
    }
  }
  for (const auto& [key, value] : j.items()) {  // @graph, mainEntity and the like
    if (value.is_array() || value.is_object()) {
      if (std::string p = JsonLdPublisher(value, depth + 1); !p.empty()) return p;
    }
  }
  return "";
}

void FillMetadata(const Collected& c, const std::vector<json>& json_ld, ArticleMeta* meta) {
  if (meta->canonical_url.empty()) {
    meta->canonical_url = ResolveUrl(c.canonical_link, meta->url);
    if (meta->canonical_url.empty()) meta->canonical_url = ResolveUrl(c.og_url, meta->url);
  }
  const std::string_view url = !meta->url.empty() ? meta->url : meta->canonical_url;
  const std::string title = Collapse(c.title);
  const std::string og_title = Collapse(c.og_title);
  if (meta->outlet.empty()) {
    // A site name that repeats the headline is the site's mistake, not its
    // name, unless it spells the host (a home page titled with the name).
    const std::string headline_keys[] = {
        FieldKey(og_title), FieldKey(title),
        FieldKey(StripSiteSuffix(title, "", url, /*names_only=*/false))};
    auto headline = [&](std::string_view name) {
      const std::string key = FieldKey(name);
      return !key.empty() &&
             std::find(std::begin(headline_keys), std::end(headline_keys), key) !=
                 std::end(headline_keys) &&
             !NamesHost(name, url);
    };
    std::vector<std::string> names = {CleanOutlet(c.og_site_name), CleanOutlet(c.application_name)};
    for (const json& j : json_ld) names.push_back(CleanOutlet(JsonLdPublisher(j, 0)));
    for (std::string& name : names) {
      if (!name.empty() && !headline(name)) {
        meta->outlet = std::move(name);
        break;
      }
    }
    if (meta->outlet.empty()) meta->outlet = TitlePartNamingHost(title, url);
  }
  if (meta->title.empty()) {
    meta->title = StripSiteSuffix(og_title, meta->outlet, url, /*names_only=*/true);
    if (meta->title.empty()) {
      meta->title = StripSiteSuffix(title, meta->outlet, url, /*names_only=*/false);
    }
    if (c.first_h1 && !LinksHome(c.first_h1, 0)) {
      std::string h1;
      GatherText(c.first_h1, 2000, &h1);
      h1 = Collapse(h1);
      if (meta->title.empty() || IsHeadlineOf(h1, meta->title)) meta->title = std::move(h1);
    }
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
  Visit(out->document, 0, collected.get());
  MainText main = ExtractMainTextWithContainers(out->document);
  article.text = std::move(main.text);
  std::vector<const GumboNode*> roots = std::move(main.containers);
  if (article.text.empty()) return Status::InvalidArgument("no main text found");
  // JSON-LD is read once: the publisher here, dates and byline in dates.h.
  const std::vector<json> json_ld = html::ParseJsonLd(collected->json_ld);
  FillMetadata(*collected, json_ld, &article.meta);
  // A language the source gave stands; the page's is checked against its
  // text (before the dates, which read "03/04" by it).
  if (doc.meta.language.empty()) {
    article.meta.language = DecideLanguage(article.meta.language, article.text);
  }
  article.meta.charset = decoded->charset;
  article.meta.charset_method = decoded->method;
  ReadPageDates(out->document, roots, json_ld, TodayUtc(), &article.meta);
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
