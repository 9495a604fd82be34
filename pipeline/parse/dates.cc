#include "pipeline/parse/dates.h"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>

#include "pipeline/core/ascii.h"
#include "pipeline/core/utf8.h"
#include "pipeline/parse/bylines.h"
#include "pipeline/parse/html_util.h"
#include "pipeline/parse/parse.h"

namespace newsrecon {
namespace {

using html::AttrValue;
using html::Collapse;
using html::GatherText;
using html::HasAttr;
using html::HasToken;
using html::IsArticleType;
using nlohmann::json;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int TwoDigits(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool AllDigits(std::string_view s, size_t from, size_t count) {
  if (from + count > s.size()) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

int Digits(std::string_view s, size_t from, size_t count) {
  int v = 0;
  for (size_t i = from; i < from + count; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// At most `n` bytes, cut at a character boundary, valid UTF-8.
std::string Clip(std::string_view s, size_t n) {
  s = TrimAsciiSpace(s);
  if (s.size() > n) {
    size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut);
  }
  return ScrubUtf8(Collapse(s));
}

// ---------------------------------------------------------------------------
// Month names, lowercase (ASCII letters lowered before comparing).

struct MonthName {
  std::string_view name;
  int month;
};

constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"sept", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    // German
    {"januar", 1},
    {"j\xC3\xA4nner", 1},
    {"j\xC3\xA4n", 1},
    {"februar", 2},
    {"m\xC3\xA4rz", 3},
    {"m\xC3\xA4r", 3},
    {"maerz", 3},
    {"mrz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // French
    {"janvier", 1},
    {"janv", 1},
    {"f\xC3\xA9vrier", 2},
    {"fevrier", 2},
    {"f\xC3\xA9v", 2},
    {"f\xC3\xA9vr", 2},
    {"fevr", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"ao\xC3\xBBt", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"d\xC3\xA9"
     "cembre",
     12},
    {"decembre", 12},
    {"d\xC3\xA9"
     "c",
     12},
    // Spanish
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // Italian
    {"gennaio", 1},
    {"gen", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"mag", 5},
    {"giugno", 6},
    {"giu", 6},
    {"luglio", 7},
    {"lug", 7},
    {"settembre", 9},
    {"set", 9},
    {"ottobre", 10},
    {"ott", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"fev", 2},
    {"mar\xC3\xA7o", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"out", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Dutch
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mrt", 3},
    {"mei", 5},
    {"augustus", 8},
    // Russian (genitive, as dates print them, and nominative)
    {"\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1},
    {"\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2},
    {"\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3},
    {"\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4},
    {"\xD0\xBC\xD0\xB0\xD1\x8F", 5},
    {"\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6},
    {"\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7},
    {"\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8},
    {"\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9},
    {"\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10},
    {"\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11},
    {"\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12},
};

int MonthFromWord(std::string_view word) {
  if (word.size() > 24) return 0;
  std::string lower = AsciiLower(word);
  for (const MonthName& m : kMonthNames) {
    if (lower == m.name) return m.month;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Tokens of running text.

enum class Tok { kNum, kWord, kPunct };

struct Token {
  Tok kind;
  size_t start, end;
  bool space_before;
  char punct;  // kPunct: the character, or 'Y' 'M' 'D' for 年月日 / 년월일
};

// The CJK date characters: 年 月 日 and Korean 년 월 일.
char CjkDateMark(std::string_view s, size_t i) {
  static constexpr struct {
    std::string_view bytes;
    char mark;
  } kMarks[] = {{"\xE5\xB9\xB4", 'Y'}, {"\xE6\x9C\x88", 'M'}, {"\xE6\x97\xA5", 'D'},
                {"\xEB\x85\x84", 'Y'}, {"\xEC\x9B\x94", 'M'}, {"\xEC\x9D\xBC", 'D'}};
  for (const auto& m : kMarks) {
    if (s.compare(i, 3, m.bytes) == 0) return m.mark;
  }
  return 0;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> toks;
  size_t i = 0;
  bool space = true;
  while (i < s.size()) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (IsAsciiSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;  // no-break space
      i += 2;
      continue;
    }
    Token t{Tok::kPunct, i, i + 1, space, c};
    if (IsDigit(c)) {
      t.kind = Tok::kNum;
      while (t.end < s.size() && IsDigit(s[t.end])) ++t.end;
    } else if (char mark = u >= 0x80 ? CjkDateMark(s, i) : 0) {
      t.punct = mark;
      t.end = i + 3;
    } else if (IsAlpha(c) || u >= 0x80) {
      t.kind = Tok::kWord;
      while (t.end < s.size()) {
        auto v = static_cast<unsigned char>(s[t.end]);
        if (IsAlpha(s[t.end]) || (v >= 0x80 &&
                                  !(v == 0xC2 && t.end + 1 < s.size() &&
                                    static_cast<unsigned char>(s[t.end + 1]) == 0xA0) &&
                                  !CjkDateMark(s, t.end))) {
          ++t.end;
        } else {
          break;
        }
      }
    }
    toks.push_back(t);
    i = t.end;
    space = false;
  }
  return toks;
}

int CurrentYear() { return TodayUtc().year; }

int YearOf(std::string_view s, const Token& t) {
  size_t len = t.end - t.start;
  if (len == 4) {
    int y = Digits(s, t.start, 4);
    return y >= 1900 && y <= 2100 ? y : 0;
  }
  return 0;
}

bool IsOrdinalSuffix(std::string_view w) {
  std::string l = AsciiLower(w);
  return l == "st" || l == "nd" || l == "rd" || l == "th" || l == "er" || l == "\xC2\xBA" ||
         l == "\xC2\xAA" || l == "e";
}

// Tries the date patterns at token k; on success sets *date and *last (the
// last token of the date).
bool MatchAt(std::string_view s, const std::vector<Token>& t, size_t k, bool month_first,
             CivilDate* date, size_t* last) {
  auto num = [&](size_t i, size_t min_len, size_t max_len) {
    return i < t.size() && t[i].kind == Tok::kNum && t[i].end - t[i].start >= min_len &&
           t[i].end - t[i].start <= max_len;
  };
  auto punct = [&](size_t i, char c, bool glued) {
    return i < t.size() && t[i].kind == Tok::kPunct && t[i].punct == c &&
           (!glued || !t[i].space_before);
  };
  auto value = [&](size_t i) { return Digits(s, t[i].start, t[i].end - t[i].start); };
  auto word = [&](size_t i) {
    return i < t.size() && t[i].kind == Tok::kWord ? s.substr(t[i].start, t[i].end - t[i].start)
                                                   : std::string_view();
  };
  auto ok = [&](int y, int m, int d) {
    if (!IsValidDate(y, m, d)) return false;
    *date = CivilDate{y, m, d};
    return true;
  };
  // Not inside a longer numeric run ("1.2.3.4", "10.1.16.12.2012").
  if (k >= 2 && t[k - 1].kind == Tok::kPunct && !t[k - 1].space_before && !t[k].space_before &&
      t[k - 2].kind == Tok::kNum &&
      (t[k - 1].punct == '.' || t[k - 1].punct == '/' || t[k - 1].punct == '-' ||
       t[k - 1].punct == ':')) {
    return false;
  }
  auto not_continued = [&](size_t i) {  // the token after i does not extend the number
    return !(i + 2 < t.size() && t[i + 1].kind == Tok::kPunct && !t[i + 1].space_before &&
             (t[i + 1].punct == '.' || t[i + 1].punct == '/' || t[i + 1].punct == '-') &&
             t[i + 2].kind == Tok::kNum && !t[i + 2].space_before);
  };
  if (num(k, 4, 4)) {
    int y = YearOf(s, t[k]);
    if (!y) return false;
    // 2026-04-27, 2026/04/27, 2026.04.27
    for (char sep : {'-', '/', '.'}) {
      if (punct(k + 1, sep, true) && num(k + 2, 1, 2) && punct(k + 3, sep, true) &&
          num(k + 4, 1, 2) && !t[k + 2].space_before && !t[k + 4].space_before &&
          not_continued(k + 4) && ok(y, value(k + 2), value(k + 4))) {
        *last = k + 4;
        return true;
      }
    }
    // 2026年4月27日, 2026년 4월 27일
    if (punct(k + 1, 'Y', false) && num(k + 2, 1, 2) && punct(k + 3, 'M', false) &&
        num(k + 4, 1, 2) && punct(k + 5, 'D', false) && ok(y, value(k + 2), value(k + 4))) {
      *last = k + 5;
      return true;
    }
    return false;
  }
  if (num(k, 1, 2)) {
    // 27.04.2026, 04/27/2026, 27-04-2026, 16.12.12
    for (char sep : {'.', '/', '-'}) {
      if (punct(k + 1, sep, true) && num(k + 2, 1, 2) && !t[k + 2].space_before &&
          punct(k + 3, sep, true) && !t[k + 4 < t.size() ? k + 4 : k].space_before &&
          (num(k + 4, 4, 4) || (sep == '.' && num(k + 4, 2, 2))) && not_continued(k + 4)) {
        int y = num(k + 4, 4, 4) ? YearOf(s, t[k + 4]) : value(k + 4);
        if (t[k + 4].end - t[k + 4].start == 2) {
          int yy = y;
          y = yy <= CurrentYear() % 100 + 1 ? 2000 + yy : 1900 + yy;
        }
        if (!y) return false;
        int a = value(k), b = value(k + 2);
        bool mdy = b > 12 ? true : a > 12 ? false : month_first && sep == '/';
        if (ok(y, mdy ? a : b, mdy ? b : a)) {
          *last = k + 4;
          return true;
        }
      }
    }
    // 27 April 2026, 27. April 2026, 27th April, 2026, 1er mai 2026, 27 de abril de 2026
    size_t i = k + 1;
    int d = value(k);
    if (punct(i, '.', true)) ++i;
    if (IsOrdinalSuffix(word(i)) && !t[i].space_before) ++i;
    if (EqualsIgnoreAsciiCase(word(i), "de")) ++i;
    int m = MonthFromWord(word(i));
    if (!m) return false;
    ++i;
    if (punct(i, '.', true)) ++i;
    if (EqualsIgnoreAsciiCase(word(i), "de") || EqualsIgnoreAsciiCase(word(i), "del")) ++i;
    if (punct(i, ',', false)) ++i;
    if (num(i, 4, 4) && not_continued(i)) {
      int y = YearOf(s, t[i]);
      if (y && ok(y, m, d)) {
        *last = i;
        return true;
      }
    }
    return false;
  }
  if (t[k].kind == Tok::kWord) {
    // April 27, 2026; Apr. 27th 2026; Dezember 16th, 2012
    int m = MonthFromWord(word(k));
    if (!m) return false;
    size_t i = k + 1;
    if (punct(i, '.', true)) ++i;
    if (!num(i, 1, 2)) return false;
    int d = value(i);
    ++i;
    if (IsOrdinalSuffix(word(i)) && !t[i].space_before) ++i;
    if (punct(i, '.', true)) ++i;
    if (punct(i, ',', false)) ++i;
    if (num(i, 4, 4) && not_continued(i)) {
      int y = YearOf(s, t[i]);
      if (y && ok(y, m, d)) {
        *last = i;
        return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Witnesses as collected, with their place in the precedence.

enum Tier {
  kTierArticleJsonLd = 1,
  kTierMetadata = 2,
  kTierUrl = 3,
  kTierTime = 4,
  kTierText = 5,
  kTierModified = 6,
  kTierLinks = 7,
  kTierPageText = 8,
};

struct Candidate {
  DateWitness w;
  int tier;
  int rank;  // within the tier, lower first
  size_t order;
};

// Meta names that carry a publication date, best first; and modification.
constexpr std::string_view kPublishedMetaNames[] = {
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "schema:datepublished",
    "schema:datecreated",
    "datecreated",
    "og:pubdate",
    "article.published",
    "date",
    "created",
    "creation_date",
    "uploaddate",  // itemprop of a VideoObject: the day a video went up
};
constexpr std::string_view kModifiedMetaNames[] = {
    "article:modified_time", "og:updated_time",  "og:article:modified_time",
    "datemodified",          "dcterms.modified", "dc.date.modified",
    "last-modified",         "lastmod",          "article:modified",
    "modified_time",         "revised",          "updated_time",
};

// Meta names that say only "a date" of the document: content systems fill
// them with the day of the last edit as often as with the day of publication,
// so a dateline printed on the page outranks them.
bool IsWeakMetaName(std::string_view key) {
  for (std::string_view weak : {"date", "dc.date", "dcterms.date"}) {
    if (EqualsIgnoreAsciiCase(key, weak)) return true;
  }
  return false;
}

// A meta name outside the lists that still says publication in its own
// namespace ("myapp:published", "x_publish_date", "photo:uploaded"): ranks
// after the listed names. Names that also say modified, updated or expired
// do not count.
constexpr int kOtherPublishedMetaRank = 100;
bool SaysPublishedKey(std::string_view key) {
  if (key.size() > 64) return false;
  for (std::string_view no : {"modif", "updat", "expir", "revis", "edit"}) {
    if (FindIgnoreAsciiCase(key, no) != std::string_view::npos) return false;
  }
  for (std::string_view yes : {"publish", "pubdate", "uploaded"}) {
    if (FindIgnoreAsciiCase(key, yes) != std::string_view::npos) return true;
  }
  return false;
}

int RankIn(std::string_view key, const std::string_view* begin, const std::string_view* end) {
  for (const std::string_view* p = begin; p != end; ++p) {
    if (EqualsIgnoreAsciiCase(key, *p)) return static_cast<int>(p - begin);
  }
  return -1;
}

// Lowercase words of class and id ("entry-date published" → entry, date, published).
std::vector<std::string> ClassWords(const GumboElement& el) {
  std::vector<std::string> words;
  for (const char* attr : {"class", "id"}) {
    std::string_view v = AttrValue(el, attr);
    std::string w;
    for (size_t i = 0; i <= v.size(); ++i) {
      char c = i < v.size() ? v[i] : ' ';
      bool hump = i > 0 && c >= 'A' && c <= 'Z' && v[i - 1] >= 'a' && v[i - 1] <= 'z';
      if (!IsAlpha(c) || hump) {
        if (!w.empty() && words.size() < 24) words.push_back(w);
        w.clear();
      }
      if (IsAlpha(c) && w.size() < 24) w += AsciiLower(c);
    }
  }
  return words;
}

bool AnyWord(const std::vector<std::string>& words, std::initializer_list<std::string_view> of) {
  for (const std::string& w : words) {
    for (std::string_view o : of) {
      if (w == o) return true;
    }
  }
  return false;
}

// Words before a date that make it a modification date.
bool SaysModified(std::string_view before) {
  static constexpr std::string_view kWords[] = {
      "updated",
      "update",
      "modified",
      "aktualisiert",
      "ge\xC3\xA4ndert",
      "mis \xC3\xA0 jour",
      "actualiz",
      "actualis",
      "aggiornat",
      "bijgewerkt",
      "revised",
      "edited",
      "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB"};  // обновл
  for (std::string_view w : kWords) {
    if (FindIgnoreAsciiCase(before, w) != std::string_view::npos) return true;
  }
  return false;
}

std::string_view LeftTrim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}

// Words that introduce a publication date in running text.
constexpr std::string_view kPublishedPhrases[] = {
    "published",
    "posted",
    "ver\xC3\xB6"
    "ffentlicht",
    "publi\xC3\xA9",
    "publicado",
    "publicada",
    "mis en ligne",
    "mise en ligne",
    "pubblicato",
    "gepubliceerd",
    "erschienen",
    "publicat",
    "\xD0\x9E\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD\xD0"
    "\xBE",
    "\xE5\x8F\x91\xE5\xB8\x83",  // 发布
    "updated",
    "aktualisiert",
    "mis \xC3\xA0 jour",
    "actualizado",
};

bool IsFurniture(const GumboElement& el) {
  switch (el.tag) {
    case GUMBO_TAG_BLOCKQUOTE:  // a quoted or embedded post dates itself
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
      return true;
    default:
      break;
  }
  std::vector<std::string> words = ClassWords(el);
  if (AnyWord(words, {"comments", "sidebar", "aside", "widget", "related", "footer", "nav", "menu",
                      "recent", "popular", "teaser", "teasers", "reply", "respond"})) {
    return true;
  }
  for (const std::string& w : words) {  // comment, commentlist, comments-area ...
    if (w.rfind("comment", 0) == 0) return true;
  }
  return false;
}

// Keys under which pages' own JSON state names the publication.
constexpr std::string_view kScriptDateKeys[] = {
    "datePublished", "publishedDate",  "publicationDate", "publishDate",        "published_at",
    "publishedAt",   "date_published", "firstPublished",  "first_published_at",
};

struct ScriptDate {
  std::string_view key;
  std::string_view raw;
  CivilDate date;
};

// The first `"key": "YYYY-MM-DD…"` in `code` for a key of kScriptDateKeys
// (quoted, case as written); nullopt when none.
std::optional<ScriptDate> FindScriptDate(std::string_view code) {
  std::optional<ScriptDate> first;
  size_t first_at = std::string_view::npos;
  for (std::string_view key : kScriptDateKeys) {
    for (size_t at = code.find(key); at != std::string_view::npos && at < first_at;
         at = code.find(key, at + 1)) {
      if (at == 0 || (code[at - 1] != '"' && code[at - 1] != '\'')) continue;
      size_t i = at + key.size();
      if (i >= code.size() || code[i] != code[at - 1]) continue;
      ++i;
      while (i < code.size() && (code[i] == ' ' || code[i] == ':')) ++i;
      if (i >= code.size() || (code[i] != '"' && code[i] != '\'')) continue;
      size_t end = code.find(code[i], i + 1);
      if (end == std::string_view::npos || end - i > 64) continue;
      std::string_view raw = code.substr(i + 1, end - i - 1);
      if (std::optional<CivilDate> d = ParseDateWitness(raw)) {
        first = ScriptDate{key, raw, *d};
        first_at = at;
        break;
      }
    }
  }
  return first;
}

constexpr int kMaxDepth = 256;
constexpr size_t kMaxTextWitnesses = 12;
constexpr size_t kPageTextBytes = 256 << 10;
constexpr size_t kMainHeadBytes = 400;
constexpr size_t kShortLineBytes = 80;

class Collector {
 public:
  Collector(const std::vector<const GumboNode*>& roots, bool month_first)
      : roots_(roots), month_first_(month_first) {}

  void Visit(const GumboNode* node, int depth, bool furniture, bool in_main) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      std::string_view text = node->v.text.text;
      if (!furniture && page_text_.size() < kPageTextBytes) {
        page_text_ += text;
        page_text_ += '\n';
      }
      OnText(node, text, furniture);
      return;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& kids = node->v.document.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, furniture, in_main);
      }
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    const bool root = std::find(roots_.begin(), roots_.end(), node) != roots_.end();
    in_main = in_main || root;
    bool descend = OnElement(node, el, furniture, in_main);
    if (root) ++roots_seen_;
    if (!descend) return;
    // An element that holds the main text is not furniture, whatever its
    // class says ("teaser-body" around a story).
    furniture = furniture || (IsFurniture(el) && !HoldsMain(node));
    const GumboVector& kids = el.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, furniture, in_main);
    }
  }

  std::vector<Candidate> TakeCandidates() { return std::move(candidates_); }
  const std::string& page_text() const { return page_text_; }
  std::string byline_meta, byline_itemprop, byline_rel, byline_class, byline_line;

  void Add(PublishedMethod method, std::string where, std::string_view raw,
           std::optional<CivilDate> date, bool modified, int tier, int rank) {
    Candidate c;
    c.w.method = method;
    c.w.where = std::move(where);
    c.w.raw = Clip(raw, 200);
    c.w.date = date;
    c.w.modified = modified;
    c.tier = modified ? std::max(tier, static_cast<int>(kTierModified)) : tier;
    c.rank = rank;
    c.order = candidates_.size();
    candidates_.push_back(std::move(c));
  }

  std::optional<CivilDate> AttrDate(std::string_view v) const {
    if (auto d = ParseDateWitness(v)) return d;
    std::vector<TextDate> found = FindTextDates(v, month_first_, 1);
    if (!found.empty()) return found.front().date;
    return std::nullopt;
  }

 private:
  // Returns whether to look below the element.
  bool OnElement(const GumboNode* node, const GumboElement& el, bool furniture, bool in_main) {
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
    std::string_view itemprop = AttrValue(el, "itemprop");
    switch (el.tag) {
      case GUMBO_TAG_SCRIPT:  // JSON-LD comes parsed (ReadJsonLd)
        if (!script_date_) OnScript(node, el);
        return false;
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_TEMPLATE:
        return false;
      case GUMBO_TAG_META:
        OnMeta(el);
        return false;
      case GUMBO_TAG_LINK:
        return false;
      case GUMBO_TAG_A: {
        std::string_view href = AttrValue(el, "href");
        if (!href.empty() && links_ < 400) {
          ++links_;
          if (auto d = DateFromUrlPath(href)) {
            if (link_dates_ < 50) {
              ++link_dates_;
              Add(PublishedMethod::kUrl, "a[href] path", href, d, false, kTierLinks, 0);
            }
          }
        }
        if (byline_rel.empty() && HasToken(AttrValue(el, "rel"), "author")) {
          std::string text;
          GatherText(node, 200, &text);
          byline_rel = CleanByline(Clip(text, 200));
        }
        break;
      }
      case GUMBO_TAG_TIME: {
        std::string_view dt = AttrValue(el, "datetime");
        bool marked = HasAttr(el, "pubdate") || HasToken(itemprop, "datePublished") ||
                      HasToken(AttrValue(el, "class"), "published");
        std::vector<std::string> words = ClassWords(el);
        bool modified =
            HasToken(itemprop, "dateModified") || AnyWord(words, {"updated", "modified", "update"});
        // An unmarked time outside the main text ranks after a dateline that
        // says "published" (a time in the page header may be today's date).
        int rank = marked ? 0 : in_main ? 1 : furniture ? 3 : 1;
        int tier = furniture && !marked ? kTierLinks : marked || in_main ? kTierTime : kTierText;
        if (marked && (furniture || (!in_main && AfterMain()))) {
          // Marked, but in a sidebar or below the story: a comment's or a
          // neighbour's.
          tier = kTierText;
          rank = 3;
        }
        if (!dt.empty()) {
          Add(PublishedMethod::kTimeElement, "time[datetime]", dt, AttrDate(dt), modified, tier,
              rank);
        } else {
          std::string text;
          GatherText(node, 200, &text);
          std::vector<TextDate> found = FindTextDates(text, month_first_, 1);
          if (!found.empty()) {
            Add(PublishedMethod::kTimeElement, "time text", text, found.front().date, modified,
                tier, rank);
          }
        }
        if (!itemprop.empty()) return true;
        break;
      }
      case GUMBO_TAG_ABBR:
        if (HasToken(AttrValue(el, "class"), "published")) {
          std::string_view when = AttrValue(el, "title");
          if (auto d = AttrDate(when)) {
            Add(PublishedMethod::kTimeElement, "abbr.published[title]", when, d, false, kTierTime,
                0);
          }
        }
        break;
      default:
        break;
    }
    if (!itemprop.empty()) OnItemprop(node, el, itemprop);
    OnDateClass(node, el, furniture, in_main);
    if (byline_line.empty() && !furniture) OnBylineLine(node);
    return true;
  }

  // A short element whose text starts with a byline's lead word ("By Ann
  // Lee, March 3", "von Andreas Kürten"): the last resort for a byline.
  void OnBylineLine(const GumboNode* node) {
    const GumboVector& kids = node->v.element.children;
    std::string_view first;
    for (unsigned i = 0; i < kids.length && first.empty(); ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_TEXT) first = TrimAsciiSpace(k->v.text.text);
      if (k->type == GUMBO_NODE_ELEMENT) return;  // "<b>By</b>": the element itself speaks
    }
    if (first.size() > 160 || !StartsWithBylineLead(first)) return;
    std::string text;
    GatherText(node, 200, &text);
    if (text.size() > 160) return;
    std::string name = CleanByline(text, BylineSource::kLine);
    // "<span>By</span> <span><a>Ann Lee</a></span>": the lead alone, the
    // name in the next sibling that holds text.
    const GumboNode* parent = node->parent;
    if (name.empty() && TrimAsciiSpace(text) == first && parent &&
        parent->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& siblings = parent->v.element.children;
      for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
        std::string next;
        GatherText(static_cast<const GumboNode*>(siblings.data[i]), 200, &next);
        if (TrimAsciiSpace(next).empty()) continue;
        if (next.size() <= 160) name = CleanByline(text + " " + next, BylineSource::kLine);
        break;
      }
    }
    byline_line = std::move(name);
  }

  // A page's state as JSON in a script ({"publishedDate":"2026-04-27T…"}):
  // the first publication key with an ISO date, a witness after those printed.
  void OnScript(const GumboNode* node, const GumboElement& el) {
    if (EqualsIgnoreAsciiCase(AttrValue(el, "type"), "application/ld+json")) return;
    std::string_view code = html::FirstTextChild(node);
    if (std::optional<ScriptDate> d = FindScriptDate(code)) {
      script_date_ = true;
      Add(PublishedMethod::kMetaTag, "script \"" + std::string(d->key) + "\"", d->raw, d->date,
          false, kTierText, 8);
    }
  }

  void OnMeta(const GumboElement& el) {
    std::string_view content = TrimAsciiSpace(AttrValue(el, "content"));
    if (content.empty()) return;
    for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
      std::string_view key = TrimAsciiSpace(AttrValue(el, attr));
      if (key.empty()) continue;
      if (EqualsIgnoreAsciiCase(key, "author") || EqualsIgnoreAsciiCase(key, "article:author") ||
          EqualsIgnoreAsciiCase(key, "byl") || EqualsIgnoreAsciiCase(key, "dc.creator") ||
          EqualsIgnoreAsciiCase(key, "sailthru.author") ||
          EqualsIgnoreAsciiCase(key, "parsely-author")) {
        if (byline_meta.empty()) {
          byline_meta = CleanByline(Clip(content, 200));
        }
        continue;
      }
      int rank = RankIn(key, std::begin(kPublishedMetaNames), std::end(kPublishedMetaNames));
      bool modified = false;
      if (rank < 0) {
        rank = RankIn(key, std::begin(kModifiedMetaNames), std::end(kModifiedMetaNames));
        modified = rank >= 0;
      }
      if (rank < 0 && SaysPublishedKey(key)) rank = kOtherPublishedMetaRank;
      if (rank < 0) continue;
      std::string where =
          std::string(EqualsIgnoreAsciiCase(attr, "itemprop") ? "meta itemprop " : "meta ") +
          AsciiLower(key);
      bool weak = IsWeakMetaName(key);
      Add(PublishedMethod::kMetaTag, std::move(where), content, AttrDate(content), modified,
          weak ? kTierText : kTierMetadata, weak ? 6 : rank);
      return;
    }
  }

  void OnItemprop(const GumboNode* node, const GumboElement& el, std::string_view itemprop) {
    bool published = HasToken(itemprop, "datePublished");
    bool created = HasToken(itemprop, "dateCreated");
    bool modified = HasToken(itemprop, "dateModified");
    if (HasToken(itemprop, "author") && byline_itemprop.empty()) {
      std::string_view content = AttrValue(el, "content");
      std::string text(content);
      if (text.empty()) GatherText(node, 200, &text);
      byline_itemprop = CleanByline(Clip(text, 200));
    }
    if (!published && !created && !modified) return;
    if (el.tag == GUMBO_TAG_TIME) return;  // read as a time element
    std::string_view v = AttrValue(el, "content");
    if (v.empty()) v = AttrValue(el, "datetime");
    std::string where = std::string("itemprop=") + (published ? "datePublished"
                                                    : created ? "dateCreated"
                                                              : "dateModified");
    if (!v.empty()) {
      Add(PublishedMethod::kMetaTag, where, v, AttrDate(v), modified && !published, kTierMetadata,
          published ? 40 : 41);
    } else {
      std::string text;
      GatherText(node, 200, &text);
      std::vector<TextDate> found = FindTextDates(text, month_first_, 1);
      if (!found.empty()) {
        Add(PublishedMethod::kText, where + " text", text, found.front().date,
            modified && !published, kTierText, 0);
      }
    }
  }

  // An element whose class or id says it holds the date or the byline.
  void OnDateClass(const GumboNode* node, const GumboElement& el, bool furniture, bool in_main) {
    if (text_witnesses_ >= kMaxTextWitnesses) return;
    if (!HasAttr(el, "class") && !HasAttr(el, "id")) return;
    std::vector<std::string> words = ClassWords(el);
    bool strong = AnyWord(words, {"published", "pubdate", "posted", "dateline", "publish",
                                  "postdate", "entrydate", "created"});
    bool dateish =
        strong || AnyWord(words, {"date", "datum", "fecha", "data", "time", "timestamp", "meta",
                                  "byline", "info", "author", "postmeta", "submitted", "day"});
    bool byline = AnyWord(words, {"byline", "author"});
    if (byline_class.empty() && !furniture &&
        (byline || AnyWord(words, {"submitted", "posted", "postmeta"}))) {
      // Elements named for the post's details hold a byline only after a
      // lead word ("Submitted by rasos on ...").
      std::string text;
      GatherText(node, 300, &text);
      byline_class =
          CleanByline(Clip(text, 200), byline ? BylineSource::kField : BylineSource::kLine);
    }
    if (!dateish) return;
    std::string text;
    GatherText(node, 300, &text);
    std::vector<TextDate> found = FindTextDates(text, month_first_, 1);
    if (found.empty()) return;
    // The innermost element says it best; its ancestors would repeat it.
    if (last_text_node_ && IsAncestor(node, last_text_node_)) return;
    last_text_node_ = node;
    ++text_witnesses_;
    bool modified = AnyWord(words, {"updated", "modified", "update"}) ||
                    SaysModified(std::string_view(text).substr(0, found.front().start));
    // Dates in comments, sidebars and teaser lists are mostly other stories'
    // dates: a last resort only.
    int rank = (strong ? 0 : 4) + (in_main ? 0 : 2);
    Add(PublishedMethod::kText, furniture ? "class/id date (furniture)" : "class/id date", text,
        found.front().date, modified, furniture ? kTierLinks : kTierText, rank);
  }

  // Whether the walk has entered every main-text root (so, once out of the
  // main text, is below it).
  bool AfterMain() const { return !roots_.empty() && roots_seen_ >= roots_.size(); }

  // Whether `node` is a main-text root or an ancestor of one.
  bool HoldsMain(const GumboNode* node) const {
    for (const GumboNode* r : roots_) {
      if (IsAncestor(r, node)) return true;
    }
    return false;
  }

  static bool IsAncestor(const GumboNode* maybe_descendant, const GumboNode* ancestor) {
    for (const GumboNode* n = maybe_descendant; n; n = n->parent) {
      if (n == ancestor) return true;
    }
    return false;
  }

  // "Published on 27 April 2026", "Veröffentlicht am 27.04.2026" …
  void OnText(const GumboNode* node, std::string_view text, bool furniture) {
    // Phrases in furniture have their own budget: comments must not use up
    // the story's.
    size_t& used = furniture ? furniture_phrases_ : text_witnesses_;
    if (used >= kMaxTextWitnesses || text.size() > 2000) return;
    size_t at = std::string_view::npos;
    for (std::string_view p : kPublishedPhrases) {
      at = std::min(at, FindIgnoreAsciiCase(text, p));
    }
    // A dateline opens its line: the phrase deep in a paragraph ("… was
    // published in the journal on …") dates something else.
    if (at == std::string_view::npos || at - (text.size() - LeftTrim(text).size()) > 60) return;
    std::string window(text.substr(at, 160));
    if (FindTextDates(window, month_first_, 1).empty() && node->parent) {
      // The date may sit in the next element: "Published: <span>27 April</span>",
      // or in the next one up: <li><p>Published</p><p>27 April 2026</p></li>.
      const GumboNode* up = node->parent;
      for (int level = 0; level < 2 && up; ++level, up = up->parent) {
        window.clear();
        GatherText(up, 300, &window);
        size_t again = std::string_view::npos;
        for (std::string_view p : kPublishedPhrases) {
          again = std::min(again, FindIgnoreAsciiCase(window, p));
        }
        if (again == std::string_view::npos) return;
        window = window.substr(again, 160);
        if (!FindTextDates(window, month_first_, 1).empty()) break;
      }
    }
    std::vector<TextDate> found = FindTextDates(window, month_first_, 1);
    if (found.empty() || found.front().start > 80) return;
    ++used;
    bool modified = SaysModified(std::string_view(window).substr(0, found.front().start));
    // In furniture (a comment's "Posted on …", a sidebar's "Published …"): a
    // last resort, with the other dates printed there.
    Add(PublishedMethod::kText, furniture ? "text \"published\" (furniture)" : "text \"published\"",
        window, found.front().date, modified, furniture ? kTierLinks : kTierText, 0);
  }

  const std::vector<const GumboNode*>& roots_;
  bool month_first_;
  std::vector<Candidate> candidates_;
  std::string page_text_;
  const GumboNode* last_text_node_ = nullptr;
  size_t text_witnesses_ = 0;
  size_t furniture_phrases_ = 0;
  size_t links_ = 0, link_dates_ = 0;
  size_t roots_seen_ = 0;
  bool script_date_ = false;
};

// The first text node under `node`, within the first *budget bytes of text,
// that is short (a line of its own) and holds a date: sets *line and *date.
bool ShortDatedLine(const GumboNode* node, bool month_first, int depth, size_t* budget,
                    std::string* line, std::optional<CivilDate>* date) {
  if (depth > kMaxDepth || *budget == 0) return false;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    std::string text = Collapse(node->v.text.text);
    if (text.empty()) return false;
    *budget = text.size() >= *budget ? 0 : *budget - text.size();
    if (text.size() > kShortLineBytes) return false;
    std::vector<TextDate> found = FindTextDates(text, month_first, 1);
    if (found.empty()) return false;
    *line = text;
    *date = found.front().date;
    return true;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& el = node->v.element;
  if (html::IsNonText(el.tag) || html::IsHidden(el)) return false;
  for (unsigned i = 0; i < el.children.length; ++i) {
    if (ShortDatedLine(static_cast<const GumboNode*>(el.children.data[i]), month_first, depth + 1,
                       budget, line, date)) {
      return true;
    }
  }
  return false;
}

// The names of the JSON-LD nodes that have an "@id" ("@graph" nodes that
// others refer to: {"author": {"@id": ".../#/schema/person/1"}}).
using JsonLdNames = std::unordered_map<std::string, std::string>;

void IndexJsonLdNames(const json& j, int depth, JsonLdNames* names) {
  if (depth > 8) return;
  if (j.is_object()) {
    auto id = j.find("@id");
    auto name = j.find("name");
    if (id != j.end() && id->is_string() && name != j.end() && name->is_string()) {
      names->emplace(id->get<std::string>(), name->get<std::string>());
    }
  }
  if (j.is_object() || j.is_array()) {
    for (const json& v : j) IndexJsonLdNames(v, depth + 1, names);
  }
}

std::string AuthorNames(const json& a, const JsonLdNames& names, int depth) {
  if (depth > 3) return "";
  if (a.is_string()) return Collapse(a.get_ref<const std::string&>());
  if (a.is_object()) {
    if (auto n = a.find("name"); n != a.end()) return AuthorNames(*n, names, depth + 1);
    if (auto id = a.find("@id"); id != a.end() && id->is_string()) {
      if (auto it = names.find(id->get<std::string>()); it != names.end()) {
        return Collapse(it->second);
      }
    }
    return "";
  }
  if (a.is_array()) {
    std::string out;
    for (const json& item : a) {
      std::string one = AuthorNames(item, names, depth + 1);
      if (one.empty()) continue;
      if (!out.empty()) out += ", ";
      out += one;
    }
    return out;
  }
  return "";
}

void SearchJsonLd(const json& j, int depth, const JsonLdNames& names, Collector* c,
                  std::string* byline) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& item : j) SearchJsonLd(item, depth + 1, names, c, byline);
    return;
  }
  if (!j.is_object()) return;
  bool article = false;
  std::string type = "?";
  if (auto t = j.find("@type"); t != j.end()) {
    article = IsArticleType(*t);
    if (t->is_string()) type = t->get<std::string>();
    if (t->is_array() && !t->empty() && (*t)[0].is_string()) type = (*t)[0].get<std::string>();
  }
  static constexpr struct {
    const char* key;
    bool modified;
    int rank;
  } kKeys[] = {{"datePublished", false, 0},
               {"dateCreated", false, 1},
               {"uploadDate", false, 2},
               {"dateModified", true, 0}};
  for (const auto& k : kKeys) {
    auto d = j.find(k.key);
    if (d == j.end() || !d->is_string()) continue;
    const std::string& raw = d->get_ref<const std::string&>();
    int tier = article && k.rank == 0 ? kTierArticleJsonLd : kTierMetadata;
    int rank = article ? k.rank : 50 + k.rank;
    c->Add(PublishedMethod::kJsonLd, "json-ld " + type.substr(0, 40) + " " + k.key, raw,
           c->AttrDate(raw), k.modified, tier, rank);
  }
  if (article && byline->empty()) {
    if (auto a = j.find("author"); a != j.end()) {
      *byline = CleanByline(Clip(AuthorNames(*a, names, 0), 200));
    }
  }
  for (const auto& [key, value] : j.items()) {  // @graph, mainEntity and the like
    if (key == "author" || key == "publisher") continue;
    if (value.is_array() || value.is_object()) SearchJsonLd(value, depth + 1, names, c, byline);
  }
}

void ReadJsonLd(const std::vector<json>& json_ld, Collector* c, std::string* byline) {
  JsonLdNames names;
  for (const json& j : json_ld) IndexJsonLdNames(j, 0, &names);
  for (const json& j : json_ld) SearchJsonLd(j, 0, names, c, byline);
}

bool MonthFirst(std::string_view language) {
  std::string l = AsciiLower(language);
  return l == "en-us" || l == "en" || l.empty();
}

// The time of day a timestamp states and, when it says so, its offset from
// UTC in minutes: "2026-04-27T23:30:00-05:00", "2026-04-27 23:30Z",
// "Sat, 19 Oct 2019 00:04:00 +0200", "2026-04-27T04:10:00.000Z".
struct Stamp {
  int minutes = 0;            // since midnight, in the stated zone
  std::optional<int> offset;  // minutes east of UTC; nullopt when not stated
};

std::optional<Stamp> ReadStamp(std::string_view raw) {
  raw = raw.substr(0, 64);
  // The first hh:mm that follows a date (a digit, then 'T' or a space).
  size_t i = 0;
  for (;; ++i) {
    i = raw.find(':', i);
    if (i == std::string_view::npos || i < 2) return std::nullopt;
    if (AllDigits(raw, i - 2, 2) && AllDigits(raw, i + 1, 2) && i >= 4 &&
        (raw[i - 3] == 'T' || raw[i - 3] == ' ') && IsDigit(raw[i - 4])) {
      break;
    }
  }
  Stamp st;
  int h = TwoDigits(raw, i - 2), m = TwoDigits(raw, i + 1);
  if (h > 23 || m > 59) return std::nullopt;
  st.minutes = h * 60 + m;
  size_t j = i + 3;
  if (j < raw.size() && raw[j] == ':' && AllDigits(raw, j + 1, 2)) j += 3;  // seconds
  if (j < raw.size() && raw[j] == '.') {                                    // fractions
    ++j;
    while (j < raw.size() && IsDigit(raw[j])) ++j;
  }
  while (j < raw.size() && raw[j] == ' ') ++j;
  std::string_view zone = raw.substr(j);
  if (zone.substr(0, 1) == "Z" || zone.substr(0, 3) == "UTC" || zone.substr(0, 3) == "GMT") {
    st.offset = 0;
    if (zone[0] != 'Z') zone.remove_prefix(3);  // "GMT+02:00"
  }
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-') && AllDigits(zone, 1, 2)) {
    int oh = TwoDigits(zone, 1), om = 0;
    size_t k = zone.size() > 3 && zone[3] == ':' ? 4 : 3;
    if (AllDigits(zone, k, 2)) om = TwoDigits(zone, k);
    if (oh <= 14 && om < 60) st.offset = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  return st;
}

// A timestamp stated in UTC names the day in London; the page is written for
// readers elsewhere. When the chosen witness is such a timestamp, its day is
// read in the zone another witness of the page states (the first non-zero
// offset); failing that, the adjacent day a local witness names (a printed
// dateline, a time element without a zone, the URL) is taken when the UTC
// hour allows it: before 10:00 for the day before, from 14:00 for the day after.
CivilDate LocalDay(const Candidate& best, const std::vector<Candidate>& cands) {
  const CivilDate day = *best.w.date;
  std::optional<Stamp> st = ReadStamp(best.w.raw);
  if (!st || st->offset != 0) return day;
  for (const Candidate& x : cands) {
    if (x.tier >= kTierLinks || !x.w.date) continue;
    std::optional<Stamp> other = ReadStamp(x.w.raw);
    if (!other || !other->offset || *other->offset == 0) continue;
    int local = st->minutes + *other->offset;
    return day.AddDays(local < 0 ? -1 : local >= 24 * 60 ? 1 : 0);
  }
  const Candidate* local = nullptr;  // the best of them
  for (const Candidate& x : cands) {
    if (x.tier >= kTierLinks || x.w.modified || !x.w.date || x.tier == kTierArticleJsonLd ||
        x.tier == kTierMetadata) {
      continue;
    }
    std::optional<Stamp> other = ReadStamp(x.w.raw);
    if (other && other->offset) continue;
    if (!local ||
        std::tie(x.tier, x.rank, x.order) < std::tie(local->tier, local->rank, local->order)) {
      local = &x;
    }
  }
  if (!local) return day;
  long apart = local->w.date->DaysSinceEpoch() - day.DaysSinceEpoch();
  if ((apart == -1 && st->minutes < 10 * 60) || (apart == 1 && st->minutes >= 14 * 60)) {
    return *local->w.date;
  }
  return day;
}
// Kinds of witness, for counting independent ones: JSON-LD, meta tags and
// itemprop, time elements, printed text, the URL, the feed.
int MethodBit(PublishedMethod m) { return 1 << (static_cast<int>(m) % 32); }
constexpr size_t kMaxCorroborating = 256;

// The chosen witness stands unless another day is named by more kinds of
// publication witness (tiers 1–5) than the chosen day, and by at least two
// (a kind counts only when all its witnesses agree):
// then the first witness of that day in precedence. A lone JSON-LD date two
// weeks before what the meta tags and the printed dateline agree on is the
// odd one out. Days one apart count as the same day (time zones).
template <typename Usable>
const Candidate* Corroborated(const Candidate* best, const std::vector<Candidate>& cands,
                              const Usable& usable) {
  if (best->tier > kTierText || best->w.modified) return best;
  auto eligible = [&](const Candidate& x) {
    return usable(x) && !x.w.modified && x.tier <= kTierText;
  };
  auto near = [](const Candidate& x, CivilDate day) {
    return std::abs(x.w.date->DaysSinceEpoch() - day.DaysSinceEpoch()) <= 1;
  };
  // A kind that names days far apart (a list of stories, a page that is
  // mostly about something else) vouches for none of them.
  std::array<long, 32> lo, hi;
  lo.fill(std::numeric_limits<long>::max());
  hi.fill(std::numeric_limits<long>::min());
  size_t count = 0;
  for (const Candidate& x : cands) {
    if (!eligible(x)) continue;
    ++count;
    const auto m = static_cast<size_t>(x.w.method) % lo.size();
    lo[m] = std::min(lo[m], x.w.date->DaysSinceEpoch());
    hi[m] = std::max(hi[m], x.w.date->DaysSinceEpoch());
  }
  if (count > kMaxCorroborating) return best;  // not worth the quadratic look
  int split = 0;
  for (size_t m = 0; m < lo.size(); ++m) {
    if (lo[m] <= hi[m] && hi[m] - lo[m] > 1) split |= 1 << m;
  }
  // The kinds naming `day`; for a day other than the chosen one, only
  // witnesses that are not near the chosen day too (none votes twice).
  auto kinds = [&](CivilDate day) {
    const bool chosen = day == *best->w.date;
    int bits = 0;
    for (const Candidate& x : cands) {
      if (eligible(x) && near(x, day) && (chosen || !near(x, *best->w.date))) {
        bits |= MethodBit(x.w.method);
      }
    }
    return std::popcount(static_cast<unsigned>(bits & ~split));
  };
  const int best_kinds = kinds(*best->w.date);
  const Candidate* other = nullptr;
  int other_kinds = 0;
  for (const Candidate& x : cands) {
    if (!eligible(x) || near(x, *best->w.date)) continue;
    int k = kinds(*x.w.date);
    if (k < 2 || k <= best_kinds) continue;
    if (!other || k > other_kinds ||
        (k == other_kinds &&
         std::tie(x.tier, x.rank, x.order) < std::tie(other->tier, other->rank, other->order))) {
      other = &x;
      other_kinds = k;
    }
  }
  return other ? other : best;
}

// The page's URL is minted when the story is first published: a full date in
// its path that is earlier than the chosen witness by more than a day says
// the chosen one is a later edit.
template <typename Usable>
const Candidate* UrlFirst(const Candidate* best, const std::vector<Candidate>& cands,
                          const Usable& usable) {
  for (const Candidate& x : cands) {
    if (!usable(x) || x.tier != kTierUrl || x.rank != 0) continue;
    if (best->w.date->DaysSinceEpoch() - x.w.date->DaysSinceEpoch() > 1) return &x;
  }
  return best;
}
}  // namespace

CivilDate TodayUtc() {
  auto days = std::chrono::duration_cast<std::chrono::days>(
      std::chrono::system_clock::now().time_since_epoch());
  return CivilDate::FromDaysSinceEpoch(static_cast<long>(days.count()));
}

std::vector<TextDate> FindTextDates(std::string_view text, bool month_first, size_t max) {
  std::vector<TextDate> out;
  if (max == 0) return out;
  // Cheap rejection: a date needs a digit.
  if (std::none_of(text.begin(), text.end(), IsDigit)) return out;
  std::vector<Token> toks = Tokenize(text);
  for (size_t k = 0; k < toks.size() && out.size() < max; ++k) {
    CivilDate d;
    size_t last = k;
    if (MatchAt(text, toks, k, month_first, &d, &last)) {
      out.push_back({toks[k].start, toks[last].end, d});
      k = last;
    }
  }
  return out;
}

std::optional<CivilDate> DateFromUrlQuery(std::string_view url) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view query = url.substr(q + 1);
  query = query.substr(0, query.find('#'));
  size_t i = 0;
  while (i < query.size()) {
    size_t amp = query.find('&', i);
    std::string_view pair = query.substr(i, amp == std::string_view::npos ? amp : amp - i);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos) {
      std::string_view key = pair.substr(0, eq);
      if (EqualsIgnoreAsciiCase(key, "date") || EqualsIgnoreAsciiCase(key, "d") ||
          EqualsIgnoreAsciiCase(key, "pubdate") || EqualsIgnoreAsciiCase(key, "published")) {
        if (auto d = ParseDateWitness(pair.substr(eq + 1))) return d;
      }
    }
    if (amp == std::string_view::npos) break;
    i = amp + 1;
  }
  return std::nullopt;
}

std::optional<CivilDate> ParseDateWitness(std::string_view text) {
  text = TrimAsciiSpace(text);
  int y, m, d;
  size_t end;
  if (AllDigits(text, 0, 4) && text.size() >= 10 && (text[4] == '-' || text[4] == '/') &&
      text[7] == text[4] && AllDigits(text, 5, 2) && AllDigits(text, 8, 2)) {
    y = Digits(text, 0, 4);
    m = TwoDigits(text, 5);
    d = TwoDigits(text, 8);
    end = 10;
  } else if (AllDigits(text, 0, 8)) {
    y = Digits(text, 0, 4);
    m = TwoDigits(text, 4);
    d = TwoDigits(text, 6);
    end = 8;
  } else {
    return std::nullopt;
  }
  if (end < text.size() && (IsDigit(text[end]) || text[end] == '-' || text[end] == '/')) {
    return std::nullopt;  // "2026-04-271", "20260427-…": not a date as we read it
  }
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::optional<CivilDate> DateFromUrlPath(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  p = p.substr(0, p.find_first_of("?#"));
  auto plausible = [](int y, int m, int d) {
    return y >= 1990 && y <= 2099 && IsValidDate(y, m, d);
  };
  for (size_t i = 0; i < p.size(); ++i) {
    // /29-10-2021 or /10-29-2021, when one number can only be the day.
    if (p[i] == '/' && AllDigits(p, i + 1, 2) && i + 11 <= p.size() && p[i + 3] == '-' &&
        AllDigits(p, i + 4, 2) && p[i + 6] == '-' && AllDigits(p, i + 7, 4) &&
        (i + 11 == p.size() || p[i + 11] == '/' || p[i + 11] == '-' || p[i + 11] == '.')) {
      int a = TwoDigits(p, i + 1), b = TwoDigits(p, i + 4), y = Digits(p, i + 7, 4);
      if (a > 12 && b <= 12 && plausible(y, b, a)) return CivilDate{y, b, a};
      if (b > 12 && a <= 12 && plausible(y, a, b)) return CivilDate{y, a, b};
      continue;
    }
    if (p[i] != '/' || !AllDigits(p, i + 1, 4)) continue;
    int year = Digits(p, i + 1, 4);
    // /20260427/ or /20260427-slug
    if (AllDigits(p, i + 1, 8) && (i + 9 == p.size() || !IsDigit(p[i + 9]))) {
      int m = TwoDigits(p, i + 5), d = TwoDigits(p, i + 7);
      if (plausible(year, m, d)) return CivilDate{year, m, d};
      continue;
    }
    // /2026-04-27/ or /2026-04-27-slug
    if (i + 11 <= p.size() && p[i + 5] == '-' && AllDigits(p, i + 6, 2) && p[i + 8] == '-' &&
        AllDigits(p, i + 9, 2) && (i + 11 == p.size() || !IsDigit(p[i + 11]))) {
      int m = TwoDigits(p, i + 6), d = TwoDigits(p, i + 9);
      if (plausible(year, m, d)) return CivilDate{year, m, d};
      continue;
    }
    if (i + 5 >= p.size() || p[i + 5] != '/') continue;
    size_t at = i + 6;
    int month = 0;
    bool short_form = false;  // /2026/4/7/: one-digit parts must fill their segment
    if (AllDigits(p, at, 2)) {
      month = TwoDigits(p, at);
      at += 2;
    } else if (AllDigits(p, at, 1)) {
      month = p[at] - '0';
      at += 1;
      short_form = true;
    } else if (at + 3 <= p.size()) {
      month = MonthFromWord(p.substr(at, 3));
      if (month) at += 3;
    }
    if (month == 0 || at >= p.size() || p[at] != '/') continue;
    int day = 0;
    if (AllDigits(p, at + 1, 2)) {
      day = TwoDigits(p, at + 1);
      at += 3;
    } else if (AllDigits(p, at + 1, 1)) {
      day = p[at + 1] - '0';
      at += 2;
      short_form = true;
    } else {
      continue;
    }
    if (at < p.size() && IsDigit(p[at])) continue;
    if (short_form && at < p.size() && p[at] != '/') continue;
    if (!plausible(year, month, day)) continue;
    return CivilDate{year, month, day};
  }
  return std::nullopt;
}

void ReadPageDates(const GumboNode* document, const std::vector<const GumboNode*>& main_roots,
                   const std::vector<json>& json_ld, CivilDate today, ArticleMeta* meta) {
  Collector c(main_roots, MonthFirst(meta->language));
  c.Visit(document, 0, false, false);
  std::string ld_byline;
  ReadJsonLd(json_ld, &c, &ld_byline);
  for (const std::string* u : {&meta->url, &meta->canonical_url}) {
    if (u->empty()) continue;
    if (auto d = DateFromUrlPath(*u)) {
      c.Add(PublishedMethod::kUrl, "url path", *u, d, false, kTierUrl, 0);
    } else if (auto q = DateFromUrlQuery(*u)) {
      c.Add(PublishedMethod::kUrl, "url query", *u, q, false, kTierUrl, 1);
    }
    if (meta->canonical_url == meta->url) break;
  }
  // Witnesses the source gave (a feed's pubDate, a sitemap's
  // news:publication_date, HTTP Last-Modified) rank after the page's own
  // published metadata: explicit, but about the listing, not the page.
  std::vector<DateWitness> given = std::move(meta->date_witnesses);
  meta->date_witnesses.clear();
  for (const DateWitness& w : given) {
    const bool feed = w.method == PublishedMethod::kFeed;
    c.Add(w.method, w.where, w.raw, w.date, w.modified || !feed,
          feed ? kTierMetadata : kTierModified, 1000);
  }
  std::vector<Candidate> cands = c.TakeCandidates();

  const CivilDate earliest{1995, 1, 1};
  const CivilDate latest = today.AddDays(1);
  // HTTP Last-Modified is kept as a witness but never chosen: servers set it
  // to the moment a page was rendered or a file copied as often as to
  // anything about the story.
  auto usable = [&](const Candidate& x) {
    return x.w.date && *x.w.date >= earliest && *x.w.date <= latest &&
           x.w.method != PublishedMethod::kHttpHeader;
  };
  const Candidate* best = nullptr;
  for (const Candidate& x : cands) {
    if (!usable(x) || x.tier >= kTierLinks) continue;
    if (!best ||
        std::tie(x.tier, x.rank, x.order) < std::tie(best->tier, best->rank, best->order)) {
      best = &x;
    }
  }
  if (best) best = Corroborated(best, cands, usable);
  if (best) best = UrlFirst(best, cands, usable);
  Candidate page_text;
  if (!best) {
    // A date printed at the head of the main text on a short line of its
    // own ("01.02.2022 Category: …"), before any furniture: a story's
    // dateline sits at its start; a date inside a sentence dates something else.
    size_t budget = kMainHeadBytes;
    std::string line;
    for (const GumboNode* r : main_roots) {
      if (ShortDatedLine(r, MonthFirst(meta->language), 0, &budget, &line, &page_text.w.date)) {
        break;
      }
    }
    if (page_text.w.date && *page_text.w.date >= earliest && *page_text.w.date <= latest) {
      page_text.w.method = PublishedMethod::kText;
      page_text.w.where = "main text head";
      page_text.w.raw = Clip(line, 200);
      page_text.tier = kTierText;
      page_text.rank = 100;
      best = &page_text;
    }
  }
  if (!best) {
    // Last resort. A date printed in page furniture (a comment, a teaser, a
    // sidebar): the first in the page, as a story's own date comes before its
    // comments and its neighbours. Else the most recent date in the links, or
    // the first date in the text that is more recent still (front pages).
    for (const Candidate& x : cands) {
      if (usable(x) && x.tier >= kTierLinks && x.w.method != PublishedMethod::kUrl &&
          (!best || x.order < best->order)) {
        best = &x;
      }
    }
    if (!best) {
      for (const Candidate& x : cands) {
        if (usable(x) && x.tier >= kTierLinks && (!best || *x.w.date > *best->w.date)) best = &x;
      }
      for (const TextDate& t : FindTextDates(c.page_text(), MonthFirst(meta->language), 200)) {
        if (t.date < earliest || t.date > latest) continue;
        if (best && *best->w.date >= t.date) continue;
        page_text.w.method = PublishedMethod::kText;
        page_text.w.where = "page text";
        page_text.w.raw =
            Clip(std::string_view(c.page_text()).substr(t.start, t.end - t.start), 200);
        page_text.w.date = t.date;
        page_text.tier = kTierPageText;
        best = &page_text;
        break;  // the first such date in the text
      }
    }
  }

  // Publication witnesses of tiers 1–5 that disagree.
  std::optional<CivilDate> lo, hi;
  for (const Candidate& x : cands) {
    if (!usable(x) || x.w.modified || x.tier > kTierText) continue;
    if (!lo || *x.w.date < *lo) lo = x.w.date;
    if (!hi || *x.w.date > *hi) hi = x.w.date;
  }
  meta->dates_disagree = lo && hi && hi->DaysSinceEpoch() - lo->DaysSinceEpoch() > 1;

  for (const Candidate& x : cands) {
    if (x.tier >= kTierLinks && &x != best) continue;  // the last resort's many: only the chosen
    meta->date_witnesses.push_back(x.w);
  }
  if (best == &page_text) meta->date_witnesses.push_back(page_text.w);
  if (!meta->published && best) {
    meta->published = best->tier < kTierLinks ? LocalDay(*best, cands) : *best->w.date;
    meta->published_method = best->w.method;
  }
  if (meta->byline.empty()) {
    // The site's own name in an author field (a CMS's default) is no byline.
    const std::string_view url = !meta->url.empty() ? meta->url : meta->canonical_url;
    for (const std::string* b : {&ld_byline, &c.byline_meta, &c.byline_itemprop, &c.byline_rel,
                                 &c.byline_class, &c.byline_line}) {
      if (!b->empty() && !(!meta->outlet.empty() && SameField(*b, meta->outlet)) &&
          !NamesHost(*b, url)) {
        meta->byline = *b;
        break;
      }
    }
  }
}

}  // namespace newsrecon
