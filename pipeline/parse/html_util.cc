#include "pipeline/parse/html_util.h"

#include <algorithm>

#include "pipeline/core/ascii.h"

namespace newsrecon::html {

using nlohmann::json;

namespace {

// Nesting past this is not followed (a hostile page must not exhaust the stack).
constexpr int kMaxDepth = 256;

void Gather(const GumboNode* node, int depth, size_t limit, std::string* out) {
  if (depth > kMaxDepth || out->size() >= limit) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    *out += node->v.text.text;
    *out += ' ';
  } else if (node->type == GUMBO_NODE_ELEMENT && !IsNonText(node->v.element.tag)) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Gather(static_cast<const GumboNode*>(kids.data[i]), depth + 1, limit, out);
    }
  }
}

}  // namespace

std::string_view AttrValue(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name) != nullptr;
}

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
  return !style.empty() &&
         (StyleSays(style, "display", "none") || StyleSays(style, "visibility", "hidden"));
}

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
    case GUMBO_TAG_RT:  // ruby annotations: the reading of the text beside them
    case GUMBO_TAG_RP:
      return true;
    default:
      return false;
  }
}

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

std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (size_t n = InvisibleAt(s, i); n > 0) {
      i += n - 1;
    } else if (IsAsciiSpace(c) || (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0')) {
      if (c == '\xC2') ++i;
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

void GatherText(const GumboNode* node, size_t limit, std::string* out) {
  Gather(node, 0, limit, out);
}

bool IsArticleType(const json& type) {
  auto one = [](const json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return (s.size() >= 7 && s.compare(s.size() - 7, 7, "Article") == 0) || s == "BlogPosting" ||
           s == "LiveBlogPosting" || s == "Report" || s == "SocialMediaPosting" ||
           s == "VideoObject" || s == "PodcastEpisode";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

std::vector<json> ParseJsonLd(const std::vector<std::string_view>& scripts) {
  std::vector<json> out;
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
    if (!j.is_discarded()) out.push_back(std::move(j));
  }
  return out;
}

}  // namespace newsrecon::html
