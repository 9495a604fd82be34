#include "pipeline/fetch/feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/core/ascii.h"
#include "pipeline/core/utf8.h"
#include "pipeline/fetch/url.h"

namespace newsrecon {
namespace {

// Namespaces, matched by a distinctive part of their URI so that old and
// misspelled versions still match (news sitemaps exist as .../0.9 and .../0.84).
constexpr std::string_view kAtomNs = "www.w3.org/2005/Atom";
constexpr std::string_view kDcNs = "purl.org/dc/elements/";
constexpr std::string_view kDcTermsNs = "purl.org/dc/terms";
constexpr std::string_view kNewsNs = "google.com/schemas/sitemap-news/";
constexpr std::string_view kFeedburnerNs = "rssnamespace.org/feedburner";
constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
// A JSON Feed nests 4 levels (feed, items, item, authors); anything deeper
// than this is not one, and is not handed to the JSON parser.
constexpr int kMaxJsonDepth = 32;
// DateWitness::raw keeps at most this many bytes.
constexpr size_t kMaxRawDate = 200;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------
// Text: HTML entities, markup in titles, white space.
// ---------------------------------------------------------------------------

// HTML named character references feeds use without declaring them. Latin-1
// (U+00A0..U+00FF) by position, then the rest.
constexpr std::string_view kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};
struct NamedChar {
  std::string_view name;
  char32_t cp;
};
constexpr NamedChar kOtherNames[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},   {"trade", 0x2122},
    {"euro", 0x20AC},   {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},   {"zwnj", 0x200C},
    {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},    {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"minus", 0x2212},
    {"larr", 0x2190},   {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},
};
// What browsers read &#128;..&#159; as (windows-1252), as HTML5 specifies.
constexpr char32_t kCp1252C1[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

std::optional<char32_t> NamedEntity(std::string_view name) {
  for (size_t i = 0; i < 96; ++i)
    if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
  for (const NamedChar& n : kOtherNames)
    if (n.name == name) return n.cp;
  return std::nullopt;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A character reference at s[i] ('&'): its code point and length, else nullopt.
struct CharRef {
  char32_t cp;
  size_t length;
};
std::optional<CharRef> ReadCharRef(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t v = 0;
    size_t start = j;
    while (j < s.size() && j - start < 8) {
      char c = s[j];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f') {
        d = AsciiLower(c) - 'a' + 10;
      } else {
        break;
      }
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      ++j;
    }
    if (j == start || j >= s.size() || s[j] != ';') return std::nullopt;
    char32_t cp = v;
    if (cp >= 0x80 && cp <= 0x9F) cp = kCp1252C1[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    return CharRef{cp, j + 1 - i};
  }
  size_t start = j;
  while (j < s.size() && j - start <= 8 && IsNameChar(s[j])) ++j;
  if (j == start || j >= s.size() || s[j] != ';') return std::nullopt;
  std::optional<char32_t> cp = NamedEntity(s.substr(start, j - start));
  if (!cp) return std::nullopt;
  return CharRef{*cp, j + 1 - i};
}

// Plain text from a feed's text field: markup tags removed, character
// references decoded, white space (and no-break spaces) collapsed, trimmed.
std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  auto put_space = [&] { space = !out.empty(); };
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '<' && i + 1 < s.size() &&
        (IsAlpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?')) {
      size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    char32_t cp = 0;
    size_t len = 1;
    if (c == '&') {
      if (std::optional<CharRef> r = ReadCharRef(s, i)) {
        cp = r->cp;
        len = r->length;
      } else {
        cp = '&';
      }
    } else {
      Utf8Char u = DecodeUtf8(s, i);
      cp = u.code_point;
      len = u.length;
    }
    i += len;
    if (cp < 0x80 ? IsAsciiSpace(static_cast<char>(cp)) : (cp == 0xA0 || cp == 0x2009)) {
      put_space();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

// A link as written in a text field: character references decoded, trimmed.
std::string CleanLink(std::string_view s) {
  std::string out;
  s = TrimAsciiSpace(s);
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (std::optional<CharRef> r = ReadCharRef(s, i)) {
        AppendUtf8(r->cp, &out);
        i += r->length;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// DateWitness::raw: trimmed, white space collapsed, at most kMaxRawDate bytes
// (cut at a character boundary).
std::string RawDate(std::string_view s) {
  std::string out = CleanText(s);
  if (out.size() > kMaxRawDate) {
    size_t cut = kMaxRawDate;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

std::string Truncate(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

// ---------------------------------------------------------------------------
// Dates.
// ---------------------------------------------------------------------------

constexpr std::string_view kMonths[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::string_view kMonthNames[12] = {"january",   "february", "march",    "april",
                                              "may",       "june",     "july",     "august",
                                              "september", "october",  "november", "december"};
constexpr std::string_view kWeekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
bool AllAlpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsAlpha(c)) return false;
  return true;
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<int> MonthOf(std::string_view token) {
  std::string t = AsciiLower(token);
  if (t.back() == '.') t.pop_back();
  if (t == "sept") return 9;
  for (int m = 0; m < 12; ++m)
    if (t == kMonths[m] || t == kMonthNames[m]) return m + 1;
  return std::nullopt;
}
bool IsWeekday(std::string_view token) {
  std::string t = AsciiLower(token);
  if (t.size() < 3) return false;
  for (std::string_view w : kWeekdays)
    if (w.substr(0, t.size()) == t) return true;
  return false;
}

std::optional<CivilDate> ParseIsoDay(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  std::optional<CivilDate> d = ParseIsoDate(s.substr(0, 10));
  if (!d) return std::nullopt;
  std::string_view rest = s.substr(10);
  if (rest.empty()) return d;
  // A time must follow: "T09:30", " 09:30:00Z", "t0930".
  if ((rest[0] == 'T' || rest[0] == 't' || rest[0] == ' ') && rest.size() >= 3 &&
      IsDigit(rest[1]) && IsDigit(rest[2]))
    return d;
  return std::nullopt;
}

std::optional<CivilDate> ParseRfc822Day(std::string_view s) {
  // Tokens split on white space and commas.
  std::vector<std::string_view> t;
  size_t i = 0;
  while (i < s.size() && t.size() < 8) {
    while (i < s.size() && (IsAsciiSpace(s[i]) || s[i] == ',')) ++i;
    size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i]) && s[i] != ',') ++i;
    if (i > start) t.push_back(s.substr(start, i - start));
  }
  size_t k = 0;
  if (k < t.size() && AllAlpha(t[k]) && IsWeekday(t[k])) ++k;
  if (t.size() < k + 3) return std::nullopt;
  std::string_view day, year;
  std::optional<int> month;
  // "27 Apr 2026" (RFC 822), else "April 27, 2026".
  if (AllDigits(t[k]) && t[k].size() <= 2 && (month = MonthOf(t[k + 1]))) {
    day = t[k];
    year = t[k + 2];
  } else if ((month = MonthOf(t[k])) && AllDigits(t[k + 1]) && t[k + 1].size() <= 2) {
    day = t[k + 1];
    year = t[k + 2];
  } else {
    return std::nullopt;
  }
  if (!AllDigits(year) || (year.size() != 2 && year.size() != 4)) return std::nullopt;
  int y = ToInt(year);
  if (year.size() == 2) y += y < 50 ? 2000 : 1900;  // RFC 2822 §4.3
  // What follows, if anything, starts with a time: "09:30", "9:30:00".
  if (t.size() > k + 3) {
    std::string_view time = t[k + 3];
    if (time.size() < 4 || !IsDigit(time[0]) || time.find(':') == std::string_view::npos)
      return std::nullopt;
  }
  if (!IsValidDate(y, *month, ToInt(day))) return std::nullopt;
  return CivilDate{y, *month, ToInt(day)};
}

// ---------------------------------------------------------------------------
// Kind detection.
// ---------------------------------------------------------------------------

std::string_view SkipBom(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return body;
}

// Deepest nesting of [] and {} outside strings, stopping past `limit`.
int JsonDepth(std::string_view s, int limit) {
  int depth = 0, max = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max = std::max(max, ++depth);
      if (max > limit) return max;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max;
}

// The body as a JSON object, or a discarded value.
nlohmann::json ReadJson(std::string_view body) {
  if (JsonDepth(body, kMaxJsonDepth) > kMaxJsonDepth) return nlohmann::json::value_t::discarded;
  nlohmann::json j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
  if (!j.is_object()) return nlohmann::json::value_t::discarded;
  return j;
}

bool IsJsonFeedVersion(const nlohmann::json& j) {
  auto v = j.find("version");
  if (v == j.end() || !v->is_string()) return false;
  return v->get_ref<const std::string&>().find("jsonfeed.org/version/") != std::string::npos;
}

DocumentKind KindOfRootName(std::string_view name) {
  std::string lower = AsciiLower(name);
  std::string_view local = lower;
  if (size_t colon = local.find(':'); colon != std::string_view::npos)
    local.remove_prefix(colon + 1);
  if (local == "rss") return DocumentKind::kRss;
  if (local == "feed") return DocumentKind::kAtom;
  if (local == "rdf") return DocumentKind::kRdf;
  if (local == "urlset") return DocumentKind::kSitemap;
  if (local == "sitemapindex") return DocumentKind::kSitemapIndex;
  static constexpr std::string_view kHtmlTags[] = {"html", "head",  "body",   "div",   "p",
                                                   "meta", "title", "script", "style", "table",
                                                   "span", "a",     "br",     "link",  "header"};
  for (std::string_view tag : kHtmlTags)
    if (lower == tag) return DocumentKind::kHtml;
  return DocumentKind::kUnknown;
}

DocumentKind KindOfContentType(std::string_view content_type) {
  std::string type = AsciiLower(TrimAsciiSpace(content_type.substr(0, content_type.find(';'))));
  if (type == "application/rss+xml") return DocumentKind::kRss;
  if (type == "application/atom+xml") return DocumentKind::kAtom;
  if (type == "application/rdf+xml") return DocumentKind::kRdf;
  if (type == "application/feed+json") return DocumentKind::kJsonFeed;
  if (type == "text/html" || type == "application/xhtml+xml") return DocumentKind::kHtml;
  return DocumentKind::kUnknown;
}

// The name of the first element, skipping the prolog; "!doctype html" for an
// HTML doctype; empty when there is none.
std::string FirstElementName(std::string_view s) {
  size_t i = 0;
  for (int guard = 0; guard < 10000; ++guard) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '<') return "";
    std::string_view rest = s.substr(i);
    size_t end = std::string_view::npos;
    if (rest.substr(0, 2) == "<?") {
      end = rest.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (rest.substr(0, 4) == "<!--") {
      end = rest.find("-->", 4);
      if (end != std::string_view::npos) end += 3;
    } else if (StartsWithIgnoreAsciiCase(rest, "<!doctype")) {
      std::string_view after = TrimAsciiSpace(rest.substr(9, 40));
      if (StartsWithIgnoreAsciiCase(after, "html")) return "!doctype html";
      size_t bracket = rest.find('[');
      size_t close = rest.find('>');
      if (bracket != std::string_view::npos && bracket < close) {
        end = rest.find("]>", bracket);
        if (end == std::string_view::npos) {
          end = rest.find(']', bracket);
          if (end != std::string_view::npos) end = rest.find('>', end);
          if (end != std::string_view::npos) ++end;
        } else {
          end += 2;
        }
      } else if (close != std::string_view::npos) {
        end = close + 1;
      }
    } else if (rest.substr(0, 2) == "<!") {
      end = rest.find('>');
      if (end != std::string_view::npos) ++end;
    } else {
      size_t j = 1;
      while (j < rest.size() && !IsAsciiSpace(rest[j]) && rest[j] != '>' && rest[j] != '/') ++j;
      return std::string(rest.substr(1, j - 1));
    }
    if (end == std::string_view::npos) return "";
    i += end;
  }
  return "";
}

// ---------------------------------------------------------------------------
// Preparing XML bytes for libxml2.
// ---------------------------------------------------------------------------

// The encoding named in the XML declaration, lowercased; empty when none.
std::string DeclaredEncoding(std::string_view s) {
  if (s.substr(0, 5) != "<?xml") return "";
  size_t end = s.find("?>");
  std::string_view decl = s.substr(0, end);
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t q = decl.find_first_of("\"'", at);
  if (q == std::string_view::npos) return "";
  size_t q2 = decl.find(decl[q], q + 1);
  if (q2 == std::string_view::npos) return "";
  return AsciiLower(decl.substr(q + 1, q2 - q - 1));
}

// Rewrites what libxml2 would drop or stumble on, outside CDATA sections,
// comments, processing instructions and the DOCTYPE: HTML named references
// (and the five XML ones, which libxml2 drops after a recovered error)
// become numeric references; a '&' that starts no reference becomes &#38;.
// Returns the number rewritten other than the five XML ones.
size_t RewriteReferences(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size() + s.size() / 16);
  size_t rewritten = 0;
  size_t i = 0;
  auto skip_to = [&](std::string_view close) {
    size_t end = s.find(close, i);
    end = end == std::string_view::npos ? s.size() : end + close.size();
    out->append(s.substr(i, end - i));
    i = end;
  };
  while (i < s.size()) {
    size_t next = s.find_first_of("<&", i);
    if (next == std::string_view::npos) {
      out->append(s.substr(i));
      break;
    }
    out->append(s.substr(i, next - i));
    i = next;
    if (s[i] == '<') {
      std::string_view rest = s.substr(i);
      if (rest.substr(0, 9) == "<![CDATA[") {
        skip_to("]]>");
      } else if (rest.substr(0, 4) == "<!--") {
        skip_to("-->");
      } else if (rest.substr(0, 2) == "<?") {
        skip_to("?>");
      } else if (rest.substr(0, 9) == "<!DOCTYPE") {
        size_t bracket = rest.find('[');
        size_t close = rest.find('>');
        skip_to(bracket != std::string_view::npos && bracket < close ? "]>" : ">");
      } else {
        *out += '<';
        ++i;
      }
      continue;
    }
    // '&'
    std::string_view rest = s.substr(i, 12);
    if (rest.size() > 1 && rest[1] == '#') {
      if (ReadCharRef(s, i)) {
        *out += '&';
      } else {
        *out += "&#38;";
        ++rewritten;
      }
      ++i;
      continue;
    }
    size_t j = 1;
    while (j < rest.size() && IsNameChar(rest[j])) ++j;
    if (j > 1 && j < rest.size() && rest[j] == ';') {
      std::string_view name = rest.substr(1, j - 1);
      if (std::optional<char32_t> cp = NamedEntity(name)) {
        *out += "&#" + std::to_string(static_cast<uint32_t>(*cp)) + ";";
        if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos")
          ++rewritten;
        i += j + 1;
        continue;
      }
      *out += '&';  // maybe declared in the DOCTYPE; libxml2 decides
      ++i;
      continue;
    }
    *out += "&#38;";
    ++rewritten;
    ++i;
  }
  return rewritten;
}

// ---------------------------------------------------------------------------
// libxml2.
// ---------------------------------------------------------------------------

struct Warnings {
  std::vector<std::string> list;
  size_t dropped = 0;
  void Add(std::string w) {
    if (list.size() < kMaxFeedWarnings - 1) {
      list.push_back(std::move(w));
    } else {
      ++dropped;
    }
  }
  std::vector<std::string> Take() {
    if (dropped > 0) list.push_back(std::to_string(dropped) + " more warnings not listed");
    return std::move(list);
  }
};

void CollectXmlError(void* user, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
  if (ctxt == nullptr || ctxt->_private == nullptr || error == nullptr) return;
  auto* warnings = static_cast<Warnings*>(ctxt->_private);
  std::string msg = error->message != nullptr ? error->message : "XML error";
  while (!msg.empty() && IsAsciiSpace(msg.back())) msg.pop_back();
  warnings->Add("line " + std::to_string(error->line) + ": XML recovered: " + msg);
}

struct CtxtFree {
  void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};
struct DocFree {
  void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};

std::string_view Sv(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

bool IsElement(const xmlNode* n) { return n != nullptr && n->type == XML_ELEMENT_NODE; }

// Elements whose text belongs to another field: when libxml2 recovers an
// unclosed <title>, the item's next fields end up inside it, and their text
// must not become part of the title.
bool IsFieldElement(const xmlNode* n) {
  static constexpr std::string_view kFields[] = {
      "item",     "entry",   "title",    "link",      "guid",   "pubdate", "description",
      "category", "author",  "comments", "enclosure", "source", "id",      "published",
      "updated",  "summary", "content",  "date",      "loc",    "lastmod", "encoded"};
  std::string_view name = Sv(n->name);
  if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  for (std::string_view f : kFields)
    if (EqualsIgnoreAsciiCase(name, f)) return true;
  return false;
}

// Calls fn(node) for each element below `n` in document order; fn returns
// whether to go into the element's children. Iterative: no recursion depth.
template <typename Fn>
void ForEachElementBelow(const xmlNode* n, Fn&& fn) {
  const xmlNode* cur = n->children;
  while (cur != nullptr) {
    if (cur->type == XML_ELEMENT_NODE && fn(cur) && cur->children != nullptr) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur->next == nullptr) {
      cur = cur->parent;
      if (cur == n) return;
    }
    if (cur != nullptr) cur = cur->next;
  }
}

// The text of the text and CDATA nodes under `n`, in order, leaving out
// elements that are fields of their own (IsFieldElement).
std::string RawText(const xmlNode* n) {
  std::string out;
  if (n == nullptr) return out;
  const xmlNode* cur = n->children;
  while (cur != nullptr) {
    if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
      out.append(Sv(cur->content));
    } else if (cur->type == XML_ELEMENT_NODE && cur->children != nullptr && !IsFieldElement(cur)) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur->next == nullptr) {
      cur = cur->parent;
      if (cur == n) return out;
    }
    if (cur != nullptr) cur = cur->next;
  }
  return out;
}

std::string Attr(const xmlNode* n, std::string_view name, std::string_view ns = "") {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (Sv(a->name) != name) continue;
    if (!ns.empty() && (a->ns == nullptr || Sv(a->ns->href) != ns)) continue;
    std::string v;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next)
      if (c->type == XML_TEXT_NODE) v.append(Sv(c->content));
    return v;
  }
  return "";
}

// An element of the document's own vocabulary: local name `local` (any
// case) in no namespace or in `home`.
bool Plain(const xmlNode* n, std::string_view local, std::string_view home) {
  if (!IsElement(n) || !EqualsIgnoreAsciiCase(Sv(n->name), local)) return false;
  if (n->ns == nullptr) return true;
  std::string_view href = Sv(n->ns->href);
  return !home.empty() && href.find(home) != std::string_view::npos;
}

// An extension element, e.g. dc:date: local name `local` in a namespace
// whose URI contains `ns`, or written with `prefix` (declared or not).
bool Ext(const xmlNode* n, std::string_view prefix, std::string_view local, std::string_view ns) {
  if (!IsElement(n)) return false;
  std::string_view name = Sv(n->name);
  if (n->ns != nullptr) {
    if (!EqualsIgnoreAsciiCase(name, local)) return false;
    return Sv(n->ns->href).find(ns) != std::string_view::npos || Sv(n->ns->prefix) == prefix;
  }
  // An undeclared prefix: libxml2 keeps "prefix:local" as the name.
  return name.size() == prefix.size() + 1 + local.size() &&
         name.substr(0, prefix.size()) == prefix && name[prefix.size()] == ':' &&
         EqualsIgnoreAsciiCase(name.substr(prefix.size() + 1), local);
}

std::string Label(std::string_view what, size_t ordinal, const xmlNode* n, std::string_view title) {
  std::string out = "line " + std::to_string(xmlGetLineNo(n)) + ": " + std::string(what) + " " +
                    std::to_string(ordinal);
  if (!title.empty()) out += " (\"" + Truncate(title, 60) + "\")";
  return out;
}

// ---------------------------------------------------------------------------
// Building the entry list.
// ---------------------------------------------------------------------------

class Entries {
 public:
  explicit Entries(Warnings* warnings) : warnings_(warnings) {}

  // Adds an entry whose link candidates are tried in order (each resolved
  // against its base); skipped with a warning naming `label` when none is an
  // http(s) URL.
  void Add(FeedEntry e, const std::vector<std::pair<std::string, std::string>>& links,
           const std::string& label) {
    std::string url;
    std::string first_bad;
    for (const auto& [link, base] : links) {
      std::string cleaned = CleanLink(link);
      if (cleaned.empty()) continue;
      std::optional<std::string> abs = ResolveUrl(cleaned, base);
      if (abs && IsHttpUrl(*abs)) {
        url = CanonicalUrl(*abs);
        break;
      }
      if (first_bad.empty()) first_bad = cleaned;
    }
    if (url.empty()) {
      warnings_->Add(label + ": " +
                     (first_bad.empty() ? std::string("no link")
                                        : "no http(s) link (\"" + Truncate(first_bad, 80) + "\")") +
                     "; skipped");
      return;
    }
    e.url = url;
    auto [it, inserted] = index_.emplace(url, list_.size());
    if (inserted) {
      list_.push_back(std::move(e));
      return;
    }
    FeedEntry& kept = list_[it->second];
    if (kept.title.empty()) kept.title = std::move(e.title);
    if (kept.outlet.empty()) kept.outlet = std::move(e.outlet);
    if (kept.language.empty()) kept.language = std::move(e.language);
    for (DateWitness& w : e.dates) {
      bool seen = std::any_of(kept.dates.begin(), kept.dates.end(), [&](const DateWitness& k) {
        return k.where == w.where && k.raw == w.raw;
      });
      if (!seen) kept.dates.push_back(std::move(w));
    }
  }
  std::vector<FeedEntry> Take() { return std::move(list_); }

 private:
  Warnings* warnings_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<FeedEntry> list_;
};

void AddDate(FeedEntry* e, const xmlNode* n, std::string_view where, bool modified) {
  std::string raw = RawDate(RawText(n));
  if (raw.empty()) return;
  DateWitness w;
  w.method = PublishedMethod::kFeed;
  w.where = std::string(where);
  w.date = ParseFeedDate(raw);
  w.raw = std::move(raw);
  w.modified = modified;
  e->dates.push_back(std::move(w));
}

// The base URL in force inside `n`: its xml:base resolved against `outer`.
std::string BaseOf(const xmlNode* n, const std::string& outer) {
  std::string b = Attr(n, "base", kXmlNs);
  if (b.empty()) return outer;
  std::optional<std::string> r = ResolveUrl(b, outer);
  return r ? *r : outer;
}

const xmlNode* FirstChild(const xmlNode* n, std::string_view local, std::string_view home) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (Plain(c, local, home)) return c;
  return nullptr;
}

// RSS 2.0 and RDF/RSS 1.0 items (they share their fields).
void ReadRssItem(const xmlNode* item, size_t ordinal, std::string_view home,
                 const std::string& base, const std::string& outlet, const std::string& language,
                 Entries* entries) {
  FeedEntry e;
  std::string link, orig_link, atom_link, guid, about = Attr(item, "about");
  std::string item_language;
  // Descendants, not children: fields swallowed by an unclosed tag still count.
  ForEachElementBelow(item, [&](const xmlNode* c) {
    if (Plain(c, "item", home)) return false;  // a nested item is read on its own
    if (Plain(c, "title", home)) {
      if (e.title.empty()) e.title = CleanText(RawText(c));
    } else if (Plain(c, "link", home)) {
      if (link.empty()) link = RawText(c);
    } else if (Plain(c, "guid", home)) {
      if (Attr(c, "isPermaLink") != "false") guid = RawText(c);
    } else if (Plain(c, "pubDate", home)) {
      AddDate(&e, c, "rss pubDate", false);
    } else if (Plain(c, "source", home)) {
      std::string s = CleanText(RawText(c));
      if (!s.empty()) e.outlet = s;
    } else if (Ext(c, "dc", "date", kDcNs)) {
      AddDate(&e, c, "dc:date", false);
    } else if (Ext(c, "dc", "language", kDcNs)) {
      item_language = CleanText(RawText(c));
    } else if (Ext(c, "dcterms", "modified", kDcTermsNs)) {
      AddDate(&e, c, "dcterms:modified", true);
    } else if (Ext(c, "atom", "published", kAtomNs)) {
      AddDate(&e, c, "atom published", false);
    } else if (Ext(c, "atom", "updated", kAtomNs)) {
      AddDate(&e, c, "atom updated", true);
    } else if (Ext(c, "atom", "link", kAtomNs)) {
      std::string rel = Attr(c, "rel");
      if (atom_link.empty() && (rel.empty() || rel == "alternate")) atom_link = Attr(c, "href");
    } else if (Ext(c, "feedburner", "origLink", kFeedburnerNs)) {
      orig_link = RawText(c);
    }
    return true;
  });
  if (e.outlet.empty()) e.outlet = outlet;
  e.language = item_language.empty() ? language : item_language;
  std::string label = Label("item", ordinal, item, e.title);
  entries->Add(std::move(e),
               {{orig_link, base}, {link, base}, {atom_link, base}, {guid, base}, {about, base}},
               label);
}

void ReadRss(const xmlNode* root, const std::string& base_url, FeedDocument* doc,
             Entries* entries) {
  const xmlNode* channel = FirstChild(root, "channel", "");
  if (channel == nullptr) channel = root;
  std::string base = BaseOf(channel, BaseOf(root, base_url));
  if (const xmlNode* t = FirstChild(channel, "title", "")) doc->title = CleanText(RawText(t));
  std::string language;
  if (const xmlNode* l = FirstChild(channel, "language", "")) language = CleanText(RawText(l));
  size_t ordinal = 0;
  // Items belong in <channel>; some feeds put them straight under <rss>.
  // Items nested in an item by an unclosed tag are read too.
  ForEachElementBelow(root, [&](const xmlNode* c) {
    if (Plain(c, "item", ""))
      ReadRssItem(c, ++ordinal, "", BaseOf(c, base), doc->title, language, entries);
    return true;
  });
}

void ReadRdf(const xmlNode* root, const std::string& base_url, FeedDocument* doc,
             Entries* entries) {
  constexpr std::string_view kRss1 = "purl.org/rss/1.0";
  std::string base = BaseOf(root, base_url);
  std::string language;
  if (const xmlNode* channel = FirstChild(root, "channel", kRss1)) {
    if (const xmlNode* t = FirstChild(channel, "title", kRss1)) doc->title = CleanText(RawText(t));
    for (const xmlNode* c = channel->children; c != nullptr; c = c->next)
      if (Ext(c, "dc", "language", kDcNs)) language = CleanText(RawText(c));
  }
  size_t ordinal = 0;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next)
    if (Plain(c, "item", kRss1))
      ReadRssItem(c, ++ordinal, kRss1, BaseOf(c, base), doc->title, language, entries);
}

void ReadAtom(const xmlNode* root, const std::string& base_url, FeedDocument* doc,
              Entries* entries) {
  std::string base = BaseOf(root, base_url);
  std::string feed_lang = Attr(root, "lang", kXmlNs);
  if (const xmlNode* t = FirstChild(root, "title", kAtomNs)) doc->title = CleanText(RawText(t));
  size_t ordinal = 0;
  for (const xmlNode* entry = root->children; entry != nullptr; entry = entry->next) {
    if (!Plain(entry, "entry", kAtomNs)) continue;
    ++ordinal;
    FeedEntry e;
    std::string entry_base = BaseOf(entry, base);
    // HTML alternates first (they are the article), then other types (audio, PDF), then the id.
    std::vector<std::pair<std::string, std::string>> links, other_links;
    std::string id;
    for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
      if (!IsElement(c)) continue;
      if (Plain(c, "title", kAtomNs)) {
        if (e.title.empty()) e.title = CleanText(RawText(c));
      } else if (Plain(c, "link", kAtomNs)) {
        std::string rel = Attr(c, "rel");
        if (!rel.empty() && rel != "alternate") continue;
        std::string type = AsciiLower(Attr(c, "type"));
        std::string href = Attr(c, "href");
        if (href.empty()) href = RawText(c);  // Atom 0.3 and broken feeds
        bool html = type.empty() || type == "text/html" || type == "application/xhtml+xml";
        (html ? links : other_links).emplace_back(href, BaseOf(c, entry_base));
      } else if (Plain(c, "id", kAtomNs)) {
        id = RawText(c);
      } else if (Plain(c, "published", kAtomNs) || Plain(c, "issued", kAtomNs)) {
        AddDate(&e, c, "atom published", false);
      } else if (Plain(c, "updated", kAtomNs) || Plain(c, "modified", kAtomNs)) {
        AddDate(&e, c, "atom updated", true);
      } else if (Ext(c, "dc", "date", kDcNs)) {
        AddDate(&e, c, "dc:date", false);
      } else if (Plain(c, "source", kAtomNs)) {
        if (const xmlNode* t = FirstChild(c, "title", kAtomNs)) e.outlet = CleanText(RawText(t));
      }
    }
    links.insert(links.end(), other_links.begin(), other_links.end());
    links.emplace_back(id, "");  // an id is a link only when it is an absolute URL
    if (e.outlet.empty()) e.outlet = doc->title;
    std::string lang = Attr(entry, "lang", kXmlNs);
    e.language = lang.empty() ? feed_lang : lang;
    std::string label = Label("entry", ordinal, entry, e.title);
    entries->Add(std::move(e), links, label);
  }
}

void ReadUrlset(const xmlNode* root, const std::string& base_url, Entries* entries) {
  constexpr std::string_view kSitemapNs = "sitemaps.org/schemas/sitemap";
  size_t ordinal = 0;
  for (const xmlNode* url = root->children; url != nullptr; url = url->next) {
    if (!Plain(url, "url", kSitemapNs)) continue;
    ++ordinal;
    FeedEntry e;
    std::string loc;
    for (const xmlNode* c = url->children; c != nullptr; c = c->next) {
      if (Plain(c, "loc", kSitemapNs)) {
        loc = RawText(c);
      } else if (Plain(c, "lastmod", kSitemapNs)) {
        AddDate(&e, c, "sitemap lastmod", true);
      } else if (Ext(c, "news", "news", kNewsNs)) {
        for (const xmlNode* n = c->children; n != nullptr; n = n->next) {
          if (Ext(n, "news", "publication_date", kNewsNs)) {
            AddDate(&e, n, "news:publication_date", false);
          } else if (Ext(n, "news", "title", kNewsNs)) {
            e.title = CleanText(RawText(n));
          } else if (Ext(n, "news", "publication", kNewsNs)) {
            for (const xmlNode* p = n->children; p != nullptr; p = p->next) {
              if (Ext(p, "news", "name", kNewsNs)) e.outlet = CleanText(RawText(p));
              if (Ext(p, "news", "language", kNewsNs)) e.language = CleanText(RawText(p));
            }
          }
        }
      }
    }
    std::string label = Label("url", ordinal, url, e.title);
    entries->Add(std::move(e), {{loc, base_url}}, label);
  }
}

void ReadSitemapIndex(const xmlNode* root, const std::string& base_url, FeedDocument* doc,
                      Warnings* warnings) {
  constexpr std::string_view kSitemapNs = "sitemaps.org/schemas/sitemap";
  std::unordered_map<std::string, bool> seen;
  size_t ordinal = 0;
  for (const xmlNode* s = root->children; s != nullptr; s = s->next) {
    if (!Plain(s, "sitemap", kSitemapNs)) continue;
    ++ordinal;
    const xmlNode* loc = FirstChild(s, "loc", kSitemapNs);
    std::string raw = loc != nullptr ? CleanLink(RawText(loc)) : "";
    std::optional<std::string> abs = ResolveUrl(raw, base_url);
    if (raw.empty() || !abs || !IsHttpUrl(*abs)) {
      warnings->Add(Label("sitemap", ordinal, s, "") + ": no http(s) loc; skipped");
      continue;
    }
    std::string url = CanonicalUrl(*abs);
    if (seen.emplace(url, true).second) doc->sitemaps.push_back(std::move(url));
  }
}

// JSON Feed 1 and 1.1 (https://jsonfeed.org/version/1.1).
StatusOr<FeedDocument> ParseJsonFeed(const nlohmann::json& j, std::string_view base_url) {
  FeedDocument doc;
  doc.kind = DocumentKind::kJsonFeed;
  Warnings warnings;
  Entries entries(&warnings);
  auto text = [](const nlohmann::json& o, const char* key) -> std::string {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return "";
    return it->get<std::string>();
  };
  doc.title = CleanText(text(j, "title"));
  std::string language = text(j, "language");
  std::string base(base_url);
  auto items = j.find("items");
  if (items == j.end() || !items->is_array()) {
    warnings.Add("no \"items\" array");
  } else {
    size_t ordinal = 0;
    for (const nlohmann::json& item : *items) {
      ++ordinal;
      std::string label = "item " + std::to_string(ordinal);
      if (!item.is_object()) {
        warnings.Add(label + ": not an object; skipped");
        continue;
      }
      FeedEntry e;
      e.title = CleanText(text(item, "title"));
      if (!e.title.empty()) label += " (\"" + Truncate(e.title, 60) + "\")";
      for (auto [key, modified] : {std::pair{"date_published", false}, {"date_modified", true}}) {
        std::string raw = RawDate(text(item, key));
        if (raw.empty()) continue;
        DateWitness w;
        w.method = PublishedMethod::kFeed;
        w.where = std::string("json ") + key;
        w.date = ParseFeedDate(raw);
        w.raw = std::move(raw);
        w.modified = modified;
        e.dates.push_back(std::move(w));
      }
      e.outlet = doc.title;
      std::string lang = text(item, "language");
      e.language = lang.empty() ? language : lang;
      entries.Add(
          std::move(e),
          {{text(item, "url"), base}, {text(item, "external_url"), base}, {text(item, "id"), ""}},
          label);
    }
  }
  doc.entries = entries.Take();
  doc.warnings = warnings.Take();
  return doc;
}

}  // namespace

std::string_view DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kHtml:
      return "html";
    case DocumentKind::kRss:
      return "rss";
    case DocumentKind::kAtom:
      return "atom";
    case DocumentKind::kRdf:
      return "rdf";
    case DocumentKind::kJsonFeed:
      return "json_feed";
    case DocumentKind::kSitemap:
      return "sitemap";
    case DocumentKind::kSitemapIndex:
      return "sitemap_index";
    case DocumentKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<CivilDate> ParseFeedDate(std::string_view text) {
  std::string_view s = TrimAsciiSpace(text);
  if (s.empty() || s.size() > kMaxRawDate) return std::nullopt;
  if (s.size() >= 10 && IsDigit(s[0]) && s[4] == '-') return ParseIsoDay(s);
  return ParseRfc822Day(s);
}

DocumentKind DetectKind(std::string_view content_type, std::string_view body) {
  std::string_view s = SkipBom(body);
  s = TrimAsciiSpace(s.substr(0, std::min<size_t>(s.size(), kMaxFeedBytes)));
  const DocumentKind by_type = KindOfContentType(content_type);
  if (!s.empty() && s[0] == '{') {
    nlohmann::json j = ReadJson(s);
    if (j.is_discarded()) return DocumentKind::kUnknown;
    if (IsJsonFeedVersion(j)) return DocumentKind::kJsonFeed;
    if (by_type == DocumentKind::kJsonFeed && j.contains("items")) return DocumentKind::kJsonFeed;
    return DocumentKind::kUnknown;
  }
  std::string first = FirstElementName(s);
  if (first == "!doctype html") return DocumentKind::kHtml;
  if (!first.empty()) {
    DocumentKind k = KindOfRootName(first);
    if (k != DocumentKind::kUnknown) return k;
  }
  return by_type;
}

StatusOr<FeedDocument> ParseFeed(std::string_view body, std::string_view content_type,
                                 std::string_view base_url) {
  const std::string where = base_url.empty() ? std::string("feed") : std::string(base_url);
  if (body.size() > kMaxFeedBytes)
    return Status::InvalidArgument(where + ": " + std::to_string(body.size()) +
                                   " bytes, more than the " + std::to_string(kMaxFeedBytes >> 20) +
                                   " MiB a feed may have");
  const DocumentKind detected = DetectKind(content_type, body);
  std::string_view trimmed = TrimAsciiSpace(SkipBom(body));
  if (!trimmed.empty() && trimmed[0] == '{') {
    nlohmann::json j = ReadJson(trimmed);
    if (j.is_discarded())
      return Status::InvalidArgument(where +
                                     ": not a feed: the body starts with '{' but is not "
                                     "a JSON object (or nests deeper than a JSON Feed)");
    if (detected != DocumentKind::kJsonFeed)
      return Status::InvalidArgument(
          where + ": JSON, but not a JSON Feed (no \"version\" naming jsonfeed.org)");
    return ParseJsonFeed(j, base_url);
  }
  if (detected == DocumentKind::kHtml)
    return Status::InvalidArgument(where + ": an HTML page, not a feed or sitemap");
  if (trimmed.empty()) return Status::InvalidArgument(where + ": empty body, not a feed");

  Warnings warnings;
  // Bytes as libxml2 will see them: no leading white space before the XML
  // declaration (libxml2 refuses it), references it would drop rewritten.
  std::string_view xml = body;
  if (xml.substr(0, 3) != "\xEF\xBB\xBF") xml = TrimAsciiSpace(xml);
  std::string rewritten;
  if (size_t n = RewriteReferences(xml, &rewritten); n > 0) {
    warnings.Add(std::to_string(n) +
                 " entity references or bare '&' rewritten as character references");
  }
  std::string scrubbed;
  std::string_view input = rewritten;
  // Encodings: UTF-8 bytes under a single-byte declaration are read as UTF-8;
  // invalid UTF-8 under a UTF-8 (or no) declaration is read as windows-1252
  // when no valid multi-byte character stands in it, else scrubbed to U+FFFD.
  const char* encoding = nullptr;
  std::string declared = DeclaredEncoding(SkipBom(input));
  const bool utf16 = input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF";
  if (!utf16) {
    const bool declared_utf8 = declared.empty() || declared == "utf-8" || declared == "utf8";
    std::optional<size_t> bad = FindInvalidUtf8(input);
    bool multibyte = false;
    for (size_t i = 0; i < input.size() && !multibyte;) {
      Utf8Char u = DecodeUtf8(input, i);
      multibyte = u.valid && u.length > 1;
      i += u.length;
    }
    if (!bad && multibyte && !declared_utf8 && declared.find("16") == std::string::npos &&
        declared.find("32") == std::string::npos) {
      encoding = "UTF-8";
      warnings.Add("declares encoding \"" + declared + "\" but its bytes are UTF-8; read as UTF-8");
    } else if (bad && declared_utf8) {
      if (!multibyte) {
        encoding = "windows-1252";
        warnings.Add("not UTF-8 (byte " + std::to_string(*bad) +
                     ") and no other encoding declared; read as windows-1252");
      } else {
        scrubbed = ScrubUtf8(input);
        input = scrubbed;
        encoding = "UTF-8";
        warnings.Add("invalid UTF-8 from byte " + std::to_string(*bad) + "; replaced by U+FFFD");
      }
    }
  }

  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) return Status::IoError(where + ": libxml2 could not allocate a parser");
  ctxt->_private = &warnings;
  if (ctxt->sax != nullptr) ctxt->sax->serror = CollectXmlError;
  int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
  if (encoding != nullptr) options |= XML_PARSE_IGNORE_ENC;
  std::string url(base_url);
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), input.data(), static_cast<int>(input.size()), url.c_str(), encoding, options));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    std::vector<std::string> w = warnings.Take();
    return Status::InvalidArgument(where + ": not XML a feed can be read from" +
                                   (w.empty() ? std::string() : " (" + w.back() + ")"));
  }
  FeedDocument out;
  out.kind = KindOfRootName(Sv(root->name));
  Entries entries(&warnings);
  std::string base(base_url);
  switch (out.kind) {
    case DocumentKind::kRss:
      ReadRss(root, base, &out, &entries);
      break;
    case DocumentKind::kRdf:
      ReadRdf(root, base, &out, &entries);
      break;
    case DocumentKind::kAtom:
      ReadAtom(root, base, &out, &entries);
      break;
    case DocumentKind::kSitemap:
      ReadUrlset(root, BaseOf(root, base), &entries);
      break;
    case DocumentKind::kSitemapIndex:
      ReadSitemapIndex(root, BaseOf(root, base), &out, &warnings);
      break;
    case DocumentKind::kHtml:
      return Status::InvalidArgument(where + ": an HTML page, not a feed or sitemap");
    default:
      return Status::InvalidArgument(where + ": not a feed or sitemap: the root element is <" +
                                     Truncate(Sv(root->name), 40) +
                                     ">, not rss, feed, rdf:RDF, urlset or sitemapindex");
  }
  out.entries = entries.Take();
  out.warnings = warnings.Take();
  return out;
}

}  // namespace newsrecon
