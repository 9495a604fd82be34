#include "pipeline/parse/bylines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/ascii.h"
#include "pipeline/parse/html_util.h"

namespace newsrecon {
namespace {

constexpr size_t kMaxNameBytes = 160;

// Words that lead a byline rather than belong to it, longest first so that
// "written by" is taken whole. `any_case` false: only lowercase, as a name
// may begin with "Da" or "De".
struct Lead {
  std::string_view words;
  bool any_case;
};
constexpr Lead kLeads[] = {
    {"view all posts by", true},
    {"all posts by", true},
    {"more posts by", true},
    {"more articles by", true},
    {"posts by", true},
    {"articles by", true},
    {"written by", true},
    {"posted by", true},
    {"published by", true},
    {"reported by", true},
    {"story by", true},
    {"words by", true},
    {"text by", true},
    {"submitted by", true},
    {"gespeichert von", true},
    {"eingereicht von", true},
    {"eingestellt von", true},
    {"gepostet von", true},
    {"veröffentlicht von", true},
    {"posté par", true},
    {"publicado por", true},
    {"geschrieben von", true},
    {"verfasst von", true},
    {"ein beitrag von", true},
    {"ein artikel von", true},
    {"beitrag von", true},
    {"artikel von", true},
    {"erstellt von", true},
    {"publié par", true},
    {"rédigé par", true},
    {"écrit par", true},
    {"escrito por", true},
    {"scritto da", true},
    {"pubblicato da", true},
    {"geschreven door", true},
    {"by", true},
    {"von", true},
    {"par", true},
    {"por", true},
    {"door", true},
    {"di", false},
    {"da", false},
    {"de", false},
    {"av", false},
    {"af", false},
};

// A first word ending in ':' that labels the byline ("Author: Ann Lee").
constexpr std::string_view kLabels[] = {
    "author", "authors", "autor", "autorin", "autoren", "auteur", "auteurs", "autore",
    "autora", "text",    "texte", "byline",  "by",      "von",    "writer",  "reporter"};

// Lowercase words that belong to names (particles, conjunctions of a list).
constexpr std::string_view kParticles[] = {
    "van", "von", "der", "den", "de",  "del", "della", "di",  "da",  "das", "dos", "du",  "la",
    "le",  "y",   "e",   "i",   "zu",  "ter", "ten",   "bin", "ibn", "al",  "el",  "and", "und",
    "et",  "og",  "och", "en",  "mit", "u.",  "&",     "dei", "des", "vom", "zum"};

// Separators after which a date or time may follow the name, and the
// lowercase words that put a date after it ("rasos am 24. Juli").
constexpr std::string_view kSeparators[] = {
    " | ",   " - ",  ", ",   " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xE2\x80\xA2 ", " \xC2\xB7 ",
    " / ",   " on ", " am ", " le ",           " el ",           " il ",           " op ",
    " den ", " at "};

// Whether `s` starts with the lead's words, followed by a space, a colon or
// nothing.
bool StartsWithWords(std::string_view s, const Lead& lead) {
  if (s.size() < lead.words.size()) return false;
  std::string_view head = s.substr(0, lead.words.size());
  bool same = lead.any_case ? EqualsIgnoreAsciiCase(head, lead.words) : head == lead.words;
  if (!same) return false;
  if (s.size() == lead.words.size()) return true;
  char next = s[lead.words.size()];
  return next == ' ' || next == ':';
}

// Drops lead words and labels, as many as there are ("Posted by: Ann");
// *words counts the words dropped.
std::string_view DropLeads(std::string_view s, int* words) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (const Lead& lead : kLeads) {
      if (StartsWithWords(s, lead)) {
        s = s.substr(lead.words.size());
        *words += 1 + static_cast<int>(std::count(lead.words.begin(), lead.words.end(), ' '));
        again = true;
        break;
      }
    }
    if (!again) {
      size_t colon = s.find(':');
      if (colon != std::string_view::npos && colon + 1 < s.size() && s[colon + 1] == ' ') {
        std::string_view label = TrimAsciiSpace(s.substr(0, colon));
        for (std::string_view l : kLabels) {
          if (EqualsIgnoreAsciiCase(label, l)) {
            s = s.substr(colon + 1);
            *words += 2;  // a label is as sure as a two-word lead
            again = true;
            break;
          }
        }
      }
    }
    while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.remove_prefix(1);
  }
  return s;
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// "Ann Lee | 03.04.2020, 10:30" → "Ann Lee": cut at the first separator
// whose rest holds a digit.
std::string_view DropTrailingDate(std::string_view s) {
  size_t cut = std::string_view::npos;
  for (std::string_view sep : kSeparators) {
    for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, at + 1)) {
      if (at > 0 && HasDigit(s.substr(at + sep.size()))) {
        cut = std::min(cut, at);
        break;
      }
    }
  }
  return cut == std::string_view::npos ? s : s.substr(0, cut);
}

// Trailing separators and punctuation: "The Planetary Press -" → "… Press".
std::string_view DropTrailingMarks(std::string_view s) {
  static constexpr std::string_view kMarks[] = {
      "-", "|", ",", ":", ";", "/", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7"};
  for (bool again = true; again;) {
    again = false;
    s = TrimAsciiSpace(s);
    for (std::string_view m : kMarks) {
      if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) {
        s.remove_suffix(m.size());
        again = true;
        break;
      }
    }
  }
  return s;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool StartsLowercase(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_islower(c);
}

bool IsParticle(std::string_view word) {
  for (std::string_view p : kParticles) {
    if (EqualsIgnoreAsciiCase(word, p)) return true;
  }
  return false;
}

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::string CleanByline(std::string_view raw, BylineSource source) {
  const std::string collapsed = html::Collapse(raw);
  int lead_words = 0;
  std::string_view s = DropLeads(collapsed, &lead_words);
  if (source == BylineSource::kLine && lead_words == 0) return "";
  s = DropTrailingMarks(DropTrailingDate(s));
  if (s.empty() || s.size() > kMaxNameBytes) return "";
  if (s.find("://") != std::string_view::npos || StartsWithIgnoreAsciiCase(s, "www.")) return "";

  std::vector<std::string_view> words = Words(s);
  // A name given twice in a row (an avatar's text, then the link's); not
  // initials ("R. R.").
  for (size_t k = std::min<size_t>(4, words.size() / 2); k >= 1; --k) {
    size_t chars = 0;
    for (size_t w = 0; w < k; ++w) chars += words[w].size();
    if (chars > 2 && std::equal(words.begin(), words.begin() + k, words.begin() + k)) {
      words.erase(words.begin() + k, words.begin() + 2 * k);
      break;
    }
  }
  int prose = 0;
  for (std::string_view w : words) prose += StartsLowercase(w) && !IsParticle(w);
  if (prose >= 3) return "";
  if (source == BylineSource::kLine && prose > 0 && !(words.size() == 1 && lead_words >= 2)) {
    return "";
  }
  // "By 2030", "By March 2021": a time, not a name.
  if (source == BylineSource::kLine &&
      std::any_of(words.begin(), words.end(), [](std::string_view w) {
        return std::none_of(w.begin(), w.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c & 0x80) != 0;
        });
      })) {
    return "";
  }
  return Join(words);
}

std::string CleanOutlet(std::string_view raw) {
  std::string s = html::Collapse(raw);
  if (s.size() > kMaxNameBytes) return "";
  for (std::string_view marker : {"{{", "{$", "${", "%%", "[[", "<%", "<?"}) {
    if (s.find(marker) != std::string::npos) return "";
  }
  // An address is no name ("https://pawszilla.com", "www.elcolombiano.com").
  if (s.find(' ') == std::string::npos &&
      (s.find("://") != std::string::npos || StartsWithIgnoreAsciiCase(s, "www."))) {
    return "";
  }
  return s;
}

bool StartsWithBylineLead(std::string_view text) {
  int words = 0;
  DropLeads(text, &words);
  return words > 0;
}

std::string FieldKey(std::string_view s) {
  std::string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c < 0 || !u_isalnum(c)) continue;
    c = u_tolower(c);
    uint8_t buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
    if (!error) out.append(reinterpret_cast<const char*>(buf), len);
  }
  return out;
}

bool SameField(std::string_view a, std::string_view b) {
  const std::string key = FieldKey(a);
  return !key.empty() && key == FieldKey(b);
}

bool NamesHost(std::string_view name, std::string_view url) {
  const std::string key = FieldKey(name);
  if (key.size() < 3) return false;
  size_t start = url.find("://");
  if (start == std::string_view::npos) return false;
  start += 3;
  size_t stop = url.find_first_of("/?#:", start);
  std::string_view host =
      url.substr(start, stop == std::string_view::npos ? url.npos : stop - start);
  if (StartsWithIgnoreAsciiCase(host, "www.")) host.remove_prefix(4);
  if (key == FieldKey(host)) return true;
  size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos) return false;
  std::string_view labels = host.substr(0, last_dot);
  for (size_t i = 0; i <= labels.size();) {
    size_t dot = labels.find('.', i);
    if (dot == std::string_view::npos) dot = labels.size();
    if (FieldKey(labels.substr(i, dot - i)) == key) return true;
    i = dot + 1;
  }
  return false;
}

}  // namespace newsrecon
