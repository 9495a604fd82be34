#include "extractors/attribution/attribution.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "extractors/attribution/proper_names.h"
#include "pipeline/core/ascii.h"
#include "pipeline/core/embedded.h"

namespace newsrecon {
namespace {

constexpr std::string_view kEntitiesFile = "extractors/attribution/entities.lexicon";
constexpr std::string_view kAttributesFile = "extractors/attribution/attributes.lexicon";

// A qualifier cue "before" a figure must end this close to it when it qualifies
// a date: "until 2030", "through 2032", "by 2030" (one space; a few more for
// "through the end of").
constexpr size_t kDateCueBytes = 3;
// A cue "after" a figure must start this close to it: "$13 billion in total".
constexpr size_t kAfterCueBytes = 16;
// A trigger after a figure must start this close to it: "$13 billion
// investment", "one-third of the equity"; farther on, words after a figure
// usually begin another clause ("rose 6% at the open after its earnings").
constexpr size_t kTriggerAfterBytes = 16;
// A weak trigger before a figure must end this close to it: "worth about
// £2,400", "jumped 12%"; farther off, "your time is worth a lot more than your
// money, ... for as little as $2,499", it is about something else.
constexpr size_t kWeakTriggerBeforeBytes = 24;
// Any trigger before a figure must end this close to it: "costs more than $4
// billion", "a valuation of about $157 billion", "revenue in the quarter rose
// to $90 billion". Farther off it is usually another clause's ("LVMH is
// covering two-thirds of the cost, while another company is donating 1
// million euros").
constexpr size_t kTriggerBeforeBytes = 64;
// A trigger before a date must end this close to it: "launched on September
// 17", "signed the treaty in 1996", "its founding in 1975". Farther off the
// date is usually another event's ("the election ... the 100-year anniversary
// of Hitler's November 8, 1923, Beer Hall Putsch").
constexpr size_t kDateTriggerBeforeBytes = 40;

// A reported date's teller is named at most this far before the verb:
// "Microsoft Corp said", not "the UK government said".
constexpr size_t kSubjectGapBytes = 8;

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      std::string_view part = TrimAsciiSpace(s.substr(start, i - start));
      if (!part.empty()) out.push_back(part);
      start = i + 1;
    }
  }
  return out;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// A trigger as written in a lexicon → an RE2 fragment: " " matches spaces or
// hyphens, "-" an optional space or hyphen, "*" any word ending.
std::string TriggerFragment(std::string_view t) {
  std::string out;
  bool in_class = false;
  for (char c : t) {
    if (in_class) {
      out += c;
      if (c == ']') in_class = false;
      continue;
    }
    switch (c) {
      case '[':
        in_class = true;
        out += c;
        break;
      case ' ':
        out += "[\\s-]+";
        break;
      case '-':
        out += "[\\s-]?";
        break;
      case '*':
        out += "\\w*";
        break;
      case '.':
        out += "\\.";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Alternation(const std::vector<std::string>& fragments) {
  std::string out = "(?i)\\b(?:";
  for (size_t i = 0; i < fragments.size(); ++i) {
    if (i) out += "|";
    out += fragments[i];
  }
  return out + ")\\b";
}

RE2::Options LongestMatch() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  return o;
}

size_t Gap(ByteSpan a, ByteSpan b) {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

// Whether "it" is an object ("opposed it.", "sold it to"), given the text
// after it: a subject "it" ("it said", "it expects") is followed by its verb.
// Only a subject stands for the company named before.
bool ObjectIt(std::string_view after) {
  static constexpr std::string_view kAfterObject[] = {
      "for", "to",   "in",  "on",  "at",   "with", "from", "by",   "as",   "and",  "or",
      "up",  "down", "out", "off", "over", "into", "than", "back", "away", "again"};
  size_t i = 0;
  while (i < after.size() && after[i] == ' ') ++i;
  if (i < after.size() && after[i] == '\'') return false;  // "it's", "it'll"
  if (i == after.size() || !std::isalpha(static_cast<unsigned char>(after[i]))) return true;
  size_t end = i;
  while (end < after.size() && std::isalpha(static_cast<unsigned char>(after[end]))) ++end;
  const std::string word = AsciiLower(after.substr(i, end - i));
  return std::find(std::begin(kAfterObject), std::end(kAfterObject), word) !=
         std::end(kAfterObject);
}

// Where a longer name that `start` ends begins: before "X of " where X is
// one to three capitalised words ending in a word for an institution
// ("Reserve Bank of ", "University of "), the first of them; else `start`.
// "Shares of Tesla" and "Chief Executive of Microsoft" name no institution.
size_t NameOfStart(std::string_view text, size_t start) {
  static constexpr std::string_view kInstitutions[] = {
      "Bank",       "University",  "Republic",  "Ministry",  "Department",  "Council",
      "Court",      "Commission",  "Authority", "Institute", "Museum",      "College",
      "School",     "Federation",  "Union",     "Church",    "Board",       "Agency",
      "Office",     "Parliament",  "Senate",    "Port",      "Corporation", "Exchange",
      "Government", "Association", "Academy",   "Party",     "Chamber",     "Fund"};
  constexpr std::string_view kOf = " of ";
  if (start < kOf.size() + 1 || text.substr(start - kOf.size(), kOf.size()) != kOf) return start;
  size_t head = start - kOf.size();
  size_t found = start;
  for (int words = 0; words < 3; ++words) {
    size_t word = head;
    while (word > 0 && std::isalpha(static_cast<unsigned char>(text[word - 1]))) --word;
    if (word == head || !std::isupper(static_cast<unsigned char>(text[word]))) break;
    const std::string_view w = text.substr(word, head - word);
    if (w == "The") break;
    if (words == 0 &&
        std::find(std::begin(kInstitutions), std::end(kInstitutions), w) == std::end(kInstitutions))
      return start;
    found = word;
    if (word == 0 || text[word - 1] != ' ') break;
    head = word - 1;
  }
  return found;
}

// Whether a capitalised word (an ASCII capital, then a letter) starts at `at`.
bool CapitalisedWordAt(std::string_view text, size_t at) {
  return at + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[at])) &&
         std::isalpha(static_cast<unsigned char>(text[at + 1]));
}

// Whether a sentence is set in title case ("Facebook Finally Puts a Price
// on Privacy"): at least three content words (function words such as "a",
// "on", "of" are left lowercase in titles, and so are not counted), nearly
// all of them capitalised. Its capitals say nothing about names. A short
// sentence with a lowercase verb or noun ("Regulators fined Goldman Sachs
// $2 billion.") is not a title.
bool TitleCase(std::string_view sentence) {
  static constexpr std::string_view kFunctionWords[] = {
      "a",  "an", "and", "as",  "at",   "but", "by", "for", "from", "in",
      "of", "on", "or",  "the", "into", "to",  "vs", "via", "with", "nor"};
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  size_t content = 0, capitalised = 0;
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (!letter(sentence[i]) || (i > 0 && sentence[i - 1] != ' ')) continue;
    size_t end = i + 1;
    while (end < sentence.size() && letter(sentence[end])) ++end;
    const bool upper = sentence[i] <= 'Z';
    if (upper || std::find(std::begin(kFunctionWords), std::end(kFunctionWords),
                           sentence.substr(i, end - i)) == std::end(kFunctionWords)) {
      ++content;
      if (upper) ++capitalised;
    }
    i = end;
  }
  return content >= 3 && capitalised * 5 >= content * 4;
}

// The word before `end`, once the bytes in `skip` (spaces, commas) before
// `end` are passed, not reaching before `floor`: an empty span when none.
ByteSpan WordBefore(std::string_view text, size_t end, size_t floor, std::string_view skip) {
  while (end > floor && skip.find(text[end - 1]) != std::string_view::npos) --end;
  size_t word = end;
  while (word > floor && IsWordChar(text[word - 1])) --word;
  return {word, end};
}

// The word at or after `start`, once spaces are passed, not reaching `ceiling`:
// an empty span when none.
ByteSpan WordAfter(std::string_view text, size_t start, size_t ceiling) {
  while (start < ceiling && text[start] == ' ') ++start;
  size_t end = start;
  while (end < ceiling && IsWordChar(text[end])) ++end;
  return {start, end};
}

// The `bytes` before `pos` (fewer at the start of the text): where a cue
// standing right before a figure, date or trigger is looked for.
ByteSpan Before(size_t pos, size_t bytes) { return {pos > bytes ? pos - bytes : 0, pos}; }

bool Contains(ByteSpan outer, ByteSpan inner) {
  return outer.start <= inner.start && inner.end <= outer.end;
}

enum class Where { kBefore, kAfter, kEither };

// A list of cues compiled once; its index in the lexicons' RE2::Set.
struct CueList {
  std::string pattern;      // the alternation, for the RE2::Set
  std::unique_ptr<RE2> re;  // the same, for positions (whole match only: RE2's fast path)
  int set_index = -1;
};

struct AttributeDef {
  std::string name;
  bool money = false, percent = false, date = false;
  bool pair = false, flow = false, holding = false, once = false, price = false;
  bool place = false;          // a place's own figure (inflation, a tariff): a country may hold it
  bool holder = false;         // its entity holds it: a name after "in" is what is held
  bool signed_change = false;  // its percentages are changes: a fall word makes them negative
  CueList strong, weak;
  bool Measures(MentionKind k) const {
    return k == MentionKind::kDate ? date : k == MentionKind::kMoney ? money : percent;
  }
  // The member of the flag (or kind) named `f` in attributes.lexicon, or
  // nullptr: the one list of those names.
  template <typename Def>
  static auto* FlagOf(Def& d, std::string_view f) {
    return f == "money"     ? &d.money
           : f == "percent" ? &d.percent
           : f == "date"    ? &d.date
           : f == "pair"    ? &d.pair
           : f == "flow"    ? &d.flow
           : f == "holding" ? &d.holding
           : f == "once"    ? &d.once
           : f == "price"   ? &d.price
           : f == "place"   ? &d.place
           : f == "holder"  ? &d.holder
           : f == "signed"  ? &d.signed_change
                            : nullptr;
  }
  bool* Flag(std::string_view f) { return FlagOf(*this, f); }
  bool HasFlag(std::string_view f) const {
    const bool* b = FlagOf(*this, f);
    return b && *b;
  }
};

struct QualifierDef {
  std::string name;
  std::string for_flag;  // an attribute flag, an attribute's name, or "date" for date claims
  Where where = Where::kBefore;
  CueList cues;
};

struct EntityHit {
  ByteSpan span;
  std::string canonical;  // resolved for anaphors; "" when unresolved or unnamed
  bool anaphor = false;
  bool unnamed = false;  // "the central bank": someone the lexicon cannot name
  bool proper = false;   // a name read from capitals (proper_names.h), or an anaphor for one
  bool place = false;    // a country or union (entities.lexicon `place`)
};

struct CueHit {
  ByteSpan span;
  int list = 0;  // index into Lexicons::lists_
};

}  // namespace

// Everything parsed from the two lexicon files.
class Lexicons {
 public:
  std::vector<AttributeDef> attributes;
  std::vector<QualifierDef> qualifiers;
  CueList negative, latest, comparison, event_link, report_verb, deadline, object_verb, change,
      component;
  int stake_of = -1;  // attribute index
  // `report_date` statements in order: the attribute a reported date takes,
  // and the attributes (any, when empty) one of which a figure of the
  // sentence must measure.
  struct ReportDate {
    int attribute = -1;
    std::vector<int> when;
  };
  std::vector<ReportDate> report_dates;

  std::map<std::string, std::string> cs_aliases;  // alias as printed → canonical
  std::map<std::string, std::string> ci_aliases;  // lower-cased alias → canonical
  std::set<std::string> anaphors;                 // lower-cased
  std::set<std::string> unnamed;                  // lower-cased
  std::set<std::string> places;                   // canonical names of places
  std::unique_ptr<RE2> entity_re;    // group 1 named entity, 2 anaphor, 3 possessive name
  std::unique_ptr<RE2> names_re;     // group 1: a case-sensitive name alone
  std::unique_ptr<RE2> of_re;        // " of (the) " after a percentage: "27% of OpenAI"
  std::unique_ptr<RE2> dateline_re;  // a wire story's dateline, anchored: see SubjectStart
  std::unique_ptr<RE2::Set> cue_set;
  std::vector<const CueList*> lists;  // by set index

  Status Compile(CueList* list, const std::vector<std::string>& fragments, std::string_view where);
  Status ParseEntities(std::string_view text);
  Status ParseAttributes(std::string_view text);
  Status Finish();
};

Status Lexicons::Compile(CueList* list, const std::vector<std::string>& fragments,
                         std::string_view where) {
  if (fragments.empty()) return Status::Ok();
  list->pattern = Alternation(fragments);
  list->re = std::make_unique<RE2>(list->pattern, LongestMatch());
  if (!list->re->ok())
    return Status::InvalidArgument(std::string(where) + ": bad trigger: " + list->re->error());
  return Status::Ok();
}

Status Lexicons::ParseEntities(std::string_view text) {
  std::vector<std::string> cs, ci;
  int line_no = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::string where = std::string(kEntitiesFile) + ":" + std::to_string(line_no);
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return Status::InvalidArgument(where + ": expected '='");
    std::string_view head = TrimAsciiSpace(line.substr(0, eq));
    std::vector<std::string_view> aliases = SplitOn(line.substr(eq + 1), '|');
    if (head == "anaphor" || head == "unnamed") {
      std::set<std::string>& set = head == "anaphor" ? anaphors : unnamed;
      for (auto a : aliases) {
        if (a.empty() || std::isupper(static_cast<unsigned char>(a[0])))
          return Status::InvalidArgument(where + ": " + std::string(head) +
                                         " phrases are written in lower case");
        set.insert(AsciiLower(a));
        ci.push_back(std::string(a));
      }
      continue;
    }
    const bool place = head.substr(0, 6) == "place ";
    if (head.substr(0, 7) != "entity " && !place)
      return Status::InvalidArgument(where + ": unknown statement");
    std::string canonical(TrimAsciiSpace(head.substr(place ? 6 : 7)));
    if (place) places.insert(canonical);
    if (canonical.empty() || aliases.empty())
      return Status::InvalidArgument(where + ": entity needs a name and aliases");
    for (auto a : aliases) {
      if (std::isupper(static_cast<unsigned char>(a[0]))) {
        cs_aliases[std::string(a)] = canonical;
        cs.push_back(std::string(a));
      } else {
        ci_aliases[AsciiLower(a)] = canonical;
        ci.push_back(std::string(a));
      }
    }
  }
  auto alternatives = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
      if (!out.empty()) out += "|";
      if (IsWordChar(n.front())) out += "\\b";
      out += RE2::QuoteMeta(n);
      if (IsWordChar(n.back())) out += "\\b";
    }
    return out.empty() ? std::string("[^\\s\\S]") : out;
  };
  // Possessive names: up to four capitalised words before "'s".
  const std::string possessive = "\\b([A-Z][A-Za-z0-9&.-]*(?:\\s[A-Z][A-Za-z0-9&.-]*){0,3})'s\\b";
  const std::string pattern =
      "(?:(" + alternatives(cs) + ")|(?i:(" + alternatives(ci) + "))|" + possessive + ")";
  entity_re = std::make_unique<RE2>(pattern, LongestMatch());
  names_re = std::make_unique<RE2>("(" + alternatives(cs) + ")", LongestMatch());
  of_re = std::make_unique<RE2>("^\\s+of\\s+(?:the\\s+)?");
  // "NEW YORK, March 3 (Reuters) - ", "SAN FRANCISCO — ", "Rotterdam (ANP) - ":
  // a place in capitals, or any capitalised place with an agency in
  // parentheses, up to two comma-set parts (state, country, date), then a dash;
  // or the agency alone, where the place ended a sentence of its own
  // ("WASHINGTON, D.C." / "(AP) -- "). Group 1: the dash.
  const std::string caps_word = "[A-Z][A-Z.'\u2019-]*[A-Z.]";
  const std::string word = "[A-Z][A-Za-z.'\u2019-]*";
  const std::string parts = "(?:,\\s*[^()\\n,]{1,30}){0,2}";
  const std::string agency = "\\s*\\([A-Za-z][^()\\n]{0,39}\\)";
  dateline_re =
      std::make_unique<RE2>("^(?:" + caps_word + "(?:\\s+" + caps_word + "){0,3}" + parts +
                            "(?:" + agency + ")?|" + word + "(?:\\s+" + word + "){0,3}" + parts +
                            agency + "|" + agency + ")\\s*(-{1,2}|\u2013|\u2014)\\s+");
  if (!entity_re->ok())
    return Status::InvalidArgument(std::string(kEntitiesFile) + ": " + entity_re->error());
  return Status::Ok();
}

Status Lexicons::ParseAttributes(std::string_view text) {
  std::map<std::string, int> attribute_index;
  int line_no = 0;
  for (std::string_view raw : SplitOn(text, '\n')) {
    ++line_no;
    std::string_view line = TrimAsciiSpace(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = std::string(kAttributesFile) + ":" + std::to_string(line_no);
    if (line.substr(0, 9) == "stake_of ") {
      const size_t eq = line.find('=');
      auto it = eq == std::string_view::npos
                    ? attribute_index.end()
                    : attribute_index.find(std::string(TrimAsciiSpace(line.substr(eq + 1))));
      if (it == attribute_index.end())
        return Status::InvalidArgument(where + ": stake_of names no attribute defined above");
      stake_of = it->second;
      continue;
    }
    if (line.substr(0, 12) == "report_date ") {
      const size_t eq = line.find('=');
      if (eq == std::string_view::npos) return Status::InvalidArgument(where + ": expected '='");
      std::vector<std::string_view> names = SplitOn(TrimAsciiSpace(line.substr(eq + 1)), ' ');
      const Status bad = Status::InvalidArgument(
          where + ": expected report_date = NAME [when NAME ...], attributes defined above");
      if (names.size() == 2 || (names.size() > 2 && names[1] != "when")) return bad;
      ReportDate r;
      for (size_t i = 0; i < names.size(); ++i) {
        if (i == 1) continue;  // "when"
        auto it = attribute_index.find(std::string(names[i]));
        if (it == attribute_index.end()) return bad;
        (i == 0 ? r.attribute : r.when.emplace_back()) = it->second;
      }
      report_dates.push_back(std::move(r));
      continue;
    }
    const size_t colon = line.find(" : ");
    if (colon == std::string_view::npos) return Status::InvalidArgument(where + ": expected ' : '");
    std::vector<std::string_view> words = SplitOn(line.substr(0, colon), ' ');
    std::vector<std::string_view> cues = SplitOn(line.substr(colon + 3), '|');
    if (words.empty() || cues.empty()) return Status::InvalidArgument(where + ": empty statement");
    std::vector<std::string> strong, weak;
    for (auto c : cues) {
      if (c[0] == '?') {
        weak.push_back(TriggerFragment(c.substr(1)));
      } else {
        strong.push_back(TriggerFragment(c));
      }
    }
    if (words[0] == "attribute") {
      if (words.size() < 3)
        return Status::InvalidArgument(where + ": attribute needs a name and kinds");
      AttributeDef def;
      def.name = std::string(words[1]);
      for (size_t i = 2; i < words.size(); ++i) {
        const std::string_view w = words[i];
        bool* flag = def.Flag(w);
        if (!flag)
          return Status::InvalidArgument(where + ": unknown flag '" + std::string(w) + "'");
        *flag = true;
      }
      if (Status s = Compile(&def.strong, strong, where); !s.ok()) return s;
      if (Status s = Compile(&def.weak, weak, where); !s.ok()) return s;
      attribute_index[def.name] = static_cast<int>(attributes.size());
      attributes.push_back(std::move(def));
    } else if (words[0] == "qualifier") {
      // qualifier NAME for FLAG where WHERE
      if (words.size() != 6 || words[2] != "for" || words[4] != "where")
        return Status::InvalidArgument(where + ": expected 'qualifier NAME for FLAG where WHERE'");
      QualifierDef q;
      q.name = std::string(words[1]);
      q.for_flag = std::string(words[3]);
      if (!AttributeDef().Flag(q.for_flag) && attribute_index.count(q.for_flag) == 0)
        return Status::InvalidArgument(where + ": qualifier for '" + q.for_flag +
                                       "': neither date, a flag nor an attribute defined above");
      if (words[5] == "before") {
        q.where = Where::kBefore;
      } else if (words[5] == "after") {
        q.where = Where::kAfter;
      } else if (words[5] == "either") {
        q.where = Where::kEither;
      } else {
        return Status::InvalidArgument(where + ": where must be before, after or either");
      }
      if (!weak.empty()) return Status::InvalidArgument(where + ": qualifier cues cannot be weak");
      if (Status s = Compile(&q.cues, strong, where); !s.ok()) return s;
      qualifiers.push_back(std::move(q));
    } else if (words[0] == "negative" || words[0] == "latest" || words[0] == "comparison" ||
               words[0] == "event_link" || words[0] == "report_verb" || words[0] == "deadline" ||
               words[0] == "object_verb" || words[0] == "change" || words[0] == "component") {
      CueList* list = words[0] == "negative"      ? &negative
                      : words[0] == "latest"      ? &latest
                      : words[0] == "comparison"  ? &comparison
                      : words[0] == "event_link"  ? &event_link
                      : words[0] == "report_verb" ? &report_verb
                      : words[0] == "deadline"    ? &deadline
                      : words[0] == "change"      ? &change
                      : words[0] == "component"   ? &component
                                                  : &object_verb;
      if (Status s = Compile(list, strong, where); !s.ok()) return s;
    } else {
      return Status::InvalidArgument(where + ": unknown statement '" + std::string(words[0]) + "'");
    }
  }
  return Status::Ok();
}

// One RE2::Set over every cue list, so a sentence is scanned once to learn
// which lists occur in it; only those are then searched for positions.
Status Lexicons::Finish() {
  RE2::Options opts;
  opts.set_log_errors(false);
  cue_set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  auto add = [&](CueList* list) -> Status {
    if (!list->re) return Status::Ok();
    std::string error;
    list->set_index = cue_set->Add(list->pattern, &error);
    if (list->set_index < 0)
      return Status::InvalidArgument(std::string(kAttributesFile) + ": " + error);
    lists.push_back(list);
    return Status::Ok();
  };
  for (auto& a : attributes) {
    if (Status s = add(&a.strong); !s.ok()) return s;
    if (Status s = add(&a.weak); !s.ok()) return s;
  }
  for (auto& q : qualifiers) {
    if (Status s = add(&q.cues); !s.ok()) return s;
  }
  if (Status s = add(&negative); !s.ok()) return s;
  if (Status s = add(&latest); !s.ok()) return s;
  if (Status s = add(&change); !s.ok()) return s;
  if (Status s = add(&component); !s.ok()) return s;
  if (!cue_set->Compile())
    return Status::InvalidArgument(std::string(kAttributesFile) + ": cue set does not compile");
  return Status::Ok();
}

namespace {

// What attribution knows of one sentence: its entities and cue hits.
struct SentenceInfo {
  ByteSpan span;
  std::vector<const EntityHit*> entities;  // in order, anaphors resolved (the article's hits)
  std::map<const CueList*, std::vector<ByteSpan>> hits;  // cue list → matches
  const std::vector<ByteSpan>& Hits(const CueList& l) const {
    static const std::vector<ByteSpan> kNone;
    auto it = hits.find(&l);
    return it == hits.end() ? kNone : it->second;
  }
};

struct TriggerHit {
  ByteSpan span;
  int attribute = -1;
  bool weak = false;
};

// The mentions of one sentence, with what is computed once for them all.
struct SentenceMentions {
  size_t index = 0;
  const SentenceInfo* info = nullptr;
  std::vector<const Mention*> all;              // in text order
  std::vector<const Mention*> dates;            // the date mentions among them
  std::map<const Mention*, std::string> terms;  // date → "end"/"start" of a term, or ""
};

}  // namespace

Attributor::Attributor(std::unique_ptr<Lexicons> lexicons) : lex_(std::move(lexicons)) {}
Attributor::Attributor(Attributor&&) noexcept = default;
Attributor& Attributor::operator=(Attributor&&) noexcept = default;
Attributor::~Attributor() = default;

StatusOr<Attributor> Attributor::Parse(std::string_view entities, std::string_view attributes) {
  auto lex = std::make_unique<Lexicons>();
  if (Status s = lex->ParseEntities(entities); !s.ok()) return s;
  if (Status s = lex->ParseAttributes(attributes); !s.ok()) return s;
  if (Status s = lex->Finish(); !s.ok()) return s;
  return Attributor(std::move(lex));
}

StatusOr<Attributor> Attributor::Load() {
  auto entities = EmbeddedFile(kEntitiesFile);
  auto attributes = EmbeddedFile(kAttributesFile);
  if (!entities || !attributes)
    return Status::NotFound("attribution lexicons are not embedded in this build");
  return Parse(*entities, *attributes);
}

namespace {

// Where sentence `s` of `text` starts once its dateline, if any, is left
// out (Lexicons::dateline_re). Without an agency, capitals before a dash
// that the sentence closes again are a name set off, not a dateline ("IBM —
// the computer maker — said ...").
size_t SubjectStart(const Lexicons& lex, std::string_view text, ByteSpan s) {
  const std::string_view sentence = text.substr(s.start, s.size());
  re2::StringPiece in(sentence.data(), sentence.size()), match[2];
  if (sentence.empty() || !lex.dateline_re->Match(in, 0, in.size(), RE2::ANCHOR_START, match, 2))
    return s.start;
  const std::string_view head(match[0].data(), match[0].size());
  const std::string dash = " " + std::string(match[1].data(), match[1].size()) + " ";
  const bool agency = head.find('(') != std::string_view::npos;
  if (!agency && sentence.find(dash, head.size()) != std::string_view::npos) return s.start;
  return s.start + head.size();
}

// The work of one Attribute() call: an article's text, sentences, entities.
class ArticleAttribution {
 public:
  ArticleAttribution(const Lexicons& lex, std::string_view text,
                     const std::vector<ByteSpan>& sentences, const std::vector<Mention>& mentions,
                     std::optional<CivilDate> published, bool english)
      : lex_(lex), text_(text), published_(published) {
    sentences_ = sentences.empty() ? std::vector<ByteSpan>{{0, text.size()}} : sentences;
    // A wire story's dateline names where and by whom it was filed, not whom
    // it is about: the sentence's subject comes after it.
    subject_start_.reserve(sentences_.size());
    for (const ByteSpan& s : sentences_) subject_start_.push_back(SubjectStart(lex_, text_, s));
    FindEntities(mentions, english);
  }

  std::vector<Claim> Run(const std::vector<Mention>& mentions);

 private:
  void FindEntities(const std::vector<Mention>& mentions, bool english);
  size_t SentenceOf(size_t offset) const;
  const SentenceInfo& Info(size_t index);
  std::vector<TriggerHit> Triggers(const SentenceInfo& s, MentionKind kind) const;
  // `compared`: the figure is one another is compared with ("..., compared
  // with $30 billion"), which shares that figure's trigger however far.
  std::optional<TriggerHit> ChooseTrigger(const SentenceInfo& s, const Mention& m,
                                          bool compared) const;
  std::optional<TriggerHit> DateTrigger(const SentenceMentions& sm, const Mention& m) const;
  bool HeldIn(const SentenceInfo& s, ByteSpan name) const;
  std::optional<ByteSpan> InsertedClause(const SentenceInfo& s,
                                         const std::vector<const EntityHit*>& entities,
                                         ByteSpan anchor) const;
  std::string EntityFor(size_t sentence, ByteSpan anchor, const AttributeDef* attr,
                        std::optional<ByteSpan> exclude) const;
  std::string Qualifier(const SentenceInfo& s, const Mention& m, const AttributeDef& attr,
                        const std::vector<const Mention*>& others, ByteSpan anchor) const;
  std::string DateQualifier(const SentenceInfo& s, const Mention& m) const;
  // Whether a deadline cue stands right before date `m` ("by 2030").
  bool Deadline(const SentenceInfo& s, const Mention& m) const;
  bool Negative(const SentenceInfo& s, const Mention& m) const;
  AsOf PublicationWindow(AsOfBasis basis) const;
  std::vector<ByteSpan> CueHits(const CueList& list, ByteSpan window, ByteSpan sentence) const;
  bool LinkedEvent(const SentenceInfo& s, ByteSpan trigger) const;
  std::optional<ByteSpan> ReportVerb(const SentenceMentions& sm, const Mention& date) const;
  bool DatesTheReport(const SentenceMentions& sm, const Mention& date) const {
    return ReportVerb(sm, date).has_value();
  }
  const AttributeDef* ReportedAttribute(const SentenceMentions& sm) const;
  bool ComparedFigure(const SentenceMentions& sm, const Mention& m) const;
  bool DatesTheComparedFigure(const SentenceMentions& sm, const Mention& m,
                              const Mention& date) const;
  AsOf FigureAsOf(const SentenceMentions& sm, const Mention& m, const AttributeDef* attr,
                  ByteSpan anchor, std::string* qualifier) const;
  void AddDateClaims(const SentenceMentions& sm, const Mention& m,
                     std::vector<Claim>* claims) const;
  Claim FigureClaim(const SentenceMentions& sm, const Mention& m) const;

  const Lexicons& lex_;
  std::string_view text_;
  std::optional<CivilDate> published_;
  std::vector<ByteSpan> sentences_;
  std::vector<size_t> subject_start_;  // a sentence's start, after its dateline if any
  std::vector<EntityHit> entities_;    // whole text, anaphors resolved
  std::vector<std::string> top_;       // the article's two most-named entities, places aside
  std::map<size_t, SentenceInfo> info_;
};

void ArticleAttribution::FindEntities(const std::vector<Mention>& mentions, bool english) {
  const re2::StringPiece whole(text_.data(), text_.size());
  // A name inside a figure ("US$", "Rs") is part of the figure.
  // The first mention overlapping `span`, or null.
  auto Overlapping = [&mentions](ByteSpan span) -> const Mention* {
    auto overlapping =
        std::lower_bound(mentions.begin(), mentions.end(), span.start,
                         [](const Mention& m, size_t offset) { return m.span.end <= offset; });
    return overlapping != mentions.end() && overlapping->span.start < span.end ? &*overlapping
                                                                               : nullptr;
  };
  auto InsideMention = [&](ByteSpan span) { return Overlapping(span) != nullptr; };
  std::map<std::string, std::pair<int, size_t>> counts;  // canonical → (count, first offset)
  size_t pos = 0;
  re2::StringPiece match;
  // Whole matches only (RE2's DFA): asking for the three groups would run the
  // submatch engine over the whole alternation at every hit, which cost most
  // of the attribution stage. Which group matched is read back from the
  // lexicons instead: a case-sensitive name, else a case-insensitive alias or
  // anaphor, else a possessive "X's".
  while (pos <= text_.size() &&
         lex_.entity_re->Match(whole, pos, whole.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t start = static_cast<size_t>(match.data() - text_.data());
    pos = start + std::max<size_t>(match.size(), 1);
    if (match.empty()) continue;  // an empty match: step over it
    const std::string found(match);
    EntityHit hit;
    hit.span = {start, start + match.size()};
    if (auto named = lex_.cs_aliases.find(found); named != lex_.cs_aliases.end()) {
      hit.canonical = named->second;
      // "Reserve Bank of India", "University of Chicago": a known name ending
      // a longer one is that one's, not itself.
      if (const size_t head = NameOfStart(text_, start); head < start) {
        hit.span.start = head;
        hit.canonical = std::string(text_.substr(head, hit.span.end - head));
      }
    } else if (const std::string key = AsciiLower(found);
               lex_.anaphors.count(key) || lex_.unnamed.count(key) || lex_.ci_aliases.count(key)) {
      // "The Bank of England": a name that starts inside an anaphor wins.
      re2::StringPiece name;
      if (lex_.anaphors.count(key) &&
          lex_.names_re->Match(whole, start + 1, whole.size(), RE2::UNANCHORED, &name, 1) &&
          name.data() < match.data() + match.size()) {
        const size_t name_start = static_cast<size_t>(name.data() - text_.data());
        hit.span = {name_start, name_start + name.size()};
        hit.canonical = lex_.cs_aliases.at(std::string(name));
        pos = hit.span.end;
      } else if (lex_.anaphors.count(key)) {
        if (key == "it" && ObjectIt(text_.substr(hit.span.end))) continue;
        hit.anaphor = true;
      } else if (lex_.unnamed.count(key)) {
        hit.unnamed = true;
      } else {
        hit.canonical = lex_.ci_aliases.at(key);
      }
    } else {
      std::string name = found.substr(0, found.size() - 2);  // the possessive's "'s"
      // Capitalised names printed as possessives are entities ("Nvidia's"),
      // unless the word is a date or an opener ("Monday's", "Today's").
      if (IsNotAName(name)) continue;
      hit.span.end -= 2;
      // "Billionaire Harold Vance's stake": the person, not the title.
      if (const size_t title = TitleBytes(name); title > 0) {
        name.erase(0, title);
        hit.span.start += title;
      }
      auto it = lex_.cs_aliases.find(name);
      hit.canonical = it != lex_.cs_aliases.end() ? it->second : name;
      // An unknown name whose possessive opens a capitalised word is not the
      // owner of anything in the sentence: with that one word it is a longer
      // name ("the Prince's Trust", "the Duke's Foundation"); before two or
      // more, those are a name of their own, the possessive where it is
      // from ("Calgary's Prairie Crest Energy").
      if (it == lex_.cs_aliases.end()) {
        const size_t after = hit.span.end + 2;
        size_t end = after, words = 0;
        while (end < text_.size() && text_[end] == ' ' && CapitalisedWordAt(text_, end + 1)) {
          end = WordAfter(text_, end + 1, text_.size()).end;
          ++words;
        }
        if (words == 1) {
          if (text_.substr(hit.span.start, 4) == "The ") hit.span.start += 4;
        } else if (words > 1) {
          hit.span.start = after + 1;
        }
        if (words > 0) {
          hit.span.end = end;
          hit.canonical = std::string(text_.substr(hit.span.start, end - hit.span.start));
          pos = std::max(pos, end);
        }
      }
    }
    if (InsideMention(hit.span)) continue;
    if (hit.span.start < subject_start_[SentenceOf(hit.span.start)]) continue;  // in a dateline
    hit.place = lex_.places.count(hit.canonical) > 0;
    if (!hit.anaphor && !hit.unnamed) {
      auto [it, inserted] = counts.try_emplace(hit.canonical, 0, hit.span.start);
      ++it->second.first;
    }
    entities_.push_back(std::move(hit));
  }
  // Sentences the lexicons name nobody in may name an organisation they do
  // not know ("Rivian was valued at ...").
  // Only sentences with a figure need them, and the few before each, where
  // an anaphor may look.
  std::vector<bool> wanted(sentences_.size(), false);
  for (const Mention& m : mentions) {
    const size_t at = SentenceOf(m.span.start);
    for (size_t back = 0; back <= kAnaphorReachSentences && back <= at; ++back)
      wanted[at - back] = true;
  }
  const ProperNameEvidence evidence(text_, sentences_);
  const bool capitals = english && evidence.CapitalsMarkNames();
  std::vector<EntityHit> proper;
  size_t next = 0;
  for (size_t i = 0; capitals && i < sentences_.size(); ++i) {
    const ByteSpan s{subject_start_[i], sentences_[i].end};
    bool named = false;
    const size_t first_hit = next;
    for (; next < entities_.size() && entities_[next].span.start < s.end; ++next) {
      // A place named ("in India", "the UK's") leaves the sentence's
      // organisations to be read from capitals.
      if (entities_[next].span.start >= s.start && !entities_[next].anaphor &&
          !entities_[next].place)
        named = true;
    }
    if (!wanted[i]) continue;
    // Where the lexicons name someone, only an opening name of two words or
    // more is read (below): without two capitalised words first, none.
    const size_t lead = text_.find_first_not_of(" \"'", s.start);
    if (named) {
      const size_t space = text_.find(' ', lead);
      if (lead >= s.end || !CapitalisedWordAt(text_, lead) || space == std::string_view::npos ||
          space + 1 >= s.end || !CapitalisedWordAt(text_, space + 1))
        continue;
    }
    if (TitleCase(text_.substr(s.start, s.size()))) continue;
    for (ProperName& name : FindProperNames(text_, s, evidence)) {
      // Where the lexicons name someone, only the sentence's opening name of
      // two words or more is read: its subject ("Sahyadri Bank, which was
      // rescued by State Bank of India, reported ...").
      if (named && (name.span.start != lead || name.name.find(' ') == std::string::npos)) continue;
      if (const Mention* m = Overlapping(name.span)) {
        // "fined Zenqa S$2.4 million": the name ends before the amount's
        // currency, read as one more capitalised word.
        size_t end = m->span.start;
        while (end > name.span.start && text_[end - 1] == ' ') --end;
        if (end <= name.span.start || end == m->span.start || InsideMention({name.span.start, end}))
          continue;
        name.span.end = end;
        name.name = std::string(text_.substr(name.span.start, end - name.span.start));
      }
      // "a $1.5 billion Eurobond", "the Budget": a one-word name that is a
      // trigger names what is measured, not whose it is.
      if (name.name.find(' ') == std::string::npos) {
        const std::string lower = AsciiLower(name.name);
        if (std::any_of(lex_.attributes.begin(), lex_.attributes.end(), [&](const AttributeDef& a) {
              return a.strong.re && RE2::FullMatch(lower, *a.strong.re);
            }))
          continue;
      }
      if (std::any_of(entities_.begin() + static_cast<std::ptrdiff_t>(first_hit),
                      entities_.begin() + static_cast<std::ptrdiff_t>(next),
                      [&](const EntityHit& e) {
                        return e.span.start < name.span.end && name.span.start < e.span.end;
                      }))
        continue;  // a place the lexicons name ("US", "Singapore's")
      EntityHit hit;
      hit.span = name.span;
      hit.canonical = std::move(name.name);
      hit.proper = true;
      proper.push_back(std::move(hit));
    }
  }
  if (!proper.empty()) {
    entities_.insert(entities_.end(), std::make_move_iterator(proper.begin()),
                     std::make_move_iterator(proper.end()));
    std::stable_sort(
        entities_.begin(), entities_.end(),
        [](const EntityHit& a, const EntityHit& b) { return a.span.start < b.span.start; });
  }
  // Anaphors: the first entity named earlier in the sentence, else the first
  // of one of the few sentences before (news paragraphs are often one
  // sentence, so a paragraph break does not end the reach). An unnamed one
  // ("the central bank") counts as named but resolves to nobody, so "its"
  // after it is not given to a company named earlier.
  // (Pointers into entities_, which no longer changes.)
  const EntityHit* previous_first = nullptr;
  size_t previous_sentence = 0;
  size_t e = 0;
  for (size_t i = 0; i < sentences_.size(); ++i) {
    const ByteSpan& s = sentences_[i];
    if (previous_first && i - previous_sentence > kAnaphorReachSentences) previous_first = nullptr;
    const EntityHit* first = nullptr;
    for (; e < entities_.size() && entities_[e].span.start < s.end; ++e) {
      EntityHit& hit = entities_[e];
      if (hit.anaphor) {
        if (const EntityHit* to = first ? first : previous_first) {
          hit.canonical = to->canonical;
          hit.proper = to->proper;
          hit.place = to->place;
        }
      } else if (!first && hit.span.start >= s.start) {
        first = &hit;
      }
    }
    if (first) {
      previous_first = first;
      previous_sentence = i;
    }
  }
  std::vector<std::pair<std::string, std::pair<int, size_t>>> ranked(counts.begin(), counts.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first > b.second.first;
    return a.second.second < b.second.second;
  });
  // Places are where deals happen, not their parties ("the £2.1bn takeover
  // by US private equity firm Tillman Reed").
  for (size_t i = 0; i < ranked.size() && top_.size() < 2; ++i)
    if (!lex_.places.count(ranked[i].first)) top_.push_back(ranked[i].first);
}

size_t ArticleAttribution::SentenceOf(size_t offset) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                             [](size_t o, const ByteSpan& s) { return o < s.start; });
  if (it == sentences_.begin()) return 0;
  return static_cast<size_t>(it - sentences_.begin()) - 1;
}

const SentenceInfo& ArticleAttribution::Info(size_t index) {
  auto it = info_.find(index);
  if (it != info_.end()) return it->second;
  SentenceInfo info;
  info.span = sentences_[index];
  const std::string_view sentence = text_.substr(info.span.start, info.span.size());
  // Entities are in text order: start at the first that may lie inside.
  auto e =
      std::lower_bound(entities_.begin(), entities_.end(), info.span.start,
                       [](const EntityHit& hit, size_t offset) { return hit.span.start < offset; });
  for (; e != entities_.end() && e->span.start < info.span.end; ++e) {
    if (Contains(info.span, e->span) && !e->canonical.empty()) info.entities.push_back(&*e);
  }
  std::vector<int> present;
  lex_.cue_set->Match(re2::StringPiece(sentence.data(), sentence.size()), &present);
  for (int i : present) {
    const CueList* list = lex_.lists[static_cast<size_t>(i)];
    info.hits[list] = CueHits(*list, info.span, info.span);
  }
  return info_.emplace(index, std::move(info)).first->second;
}

std::vector<TriggerHit> ArticleAttribution::Triggers(const SentenceInfo& s,
                                                     MentionKind kind) const {
  std::vector<TriggerHit> out;
  for (size_t a = 0; a < lex_.attributes.size(); ++a) {
    const AttributeDef& def = lex_.attributes[a];
    if (!def.Measures(kind)) continue;
    for (ByteSpan h : s.Hits(def.strong)) out.push_back({h, static_cast<int>(a), false});
    for (ByteSpan h : s.Hits(def.weak)) out.push_back({h, static_cast<int>(a), true});
  }
  return out;
}

// The nearest trigger for a money or percent figure (strong before weak).
std::optional<TriggerHit> ArticleAttribution::ChooseTrigger(const SentenceInfo& s, const Mention& m,
                                                            bool compared) const {
  // The hedge words stand just before the figure and are not triggers
  // ("up to 5%" is no price move "up").
  const size_t hedge_start = m.hedge_text.empty() || m.span.start < m.hedge_text.size() + 1
                                 ? m.span.start
                                 : m.span.start - m.hedge_text.size() - 1;
  // "a 14% rise in full-year revenue": a change named right after the figure
  // says what changed, after it; triggers there are read from its end.
  size_t after = m.span.end;
  for (ByteSpan h : s.Hits(lex_.change))
    if (h.start >= m.span.end && h.start - m.span.end <= 1) after = std::max(after, h.end);
  auto gap = [&](const TriggerHit& t) {
    return t.span.start >= after ? t.span.start - after : Gap(t.span, m.span);
  };
  // "C$3.4 billion including debt": what follows a part named after the
  // figure is that part, not the figure's measure.
  size_t part = std::string_view::npos;
  for (ByteSpan c : s.Hits(lex_.component))
    if (c.start >= m.span.end) part = std::min(part, c.end);
  std::optional<TriggerHit> best;
  auto better = [&](const TriggerHit& t) {
    if (!best) return true;
    if (t.weak != best->weak) return !t.weak;
    const size_t gt = gap(t), gb = gap(*best);
    if (gt != gb) return gt < gb;
    if (t.span.size() != best->span.size()) return t.span.size() > best->span.size();
    return t.attribute < best->attribute;
  };
  // A weak trigger counts only when a name is its subject: a bare "rose" or
  // "fell" is a price move when a name moved ("Nvidia fell 4%", "Amazon also
  // fell 1%"), not a quantity ("payment volume rose 38%"); "worth" is a
  // valuation when a name is worth it ("Stripe is now worth $91.5 billion"),
  // not "masks worth ¥40,000" or "$12 million worth of upgrades".
  auto named_subject = [&](ByteSpan verb) {
    size_t end = verb.start;
    static constexpr std::string_view kBetween[] = {
        "also", "too", "again", "still", "then", "even", "only", "just", "now",
        "is",   "was", "are",   "were",  "has",  "had",  "have", "been", "be"};
    for (int skipped = 0; skipped < 2; ++skipped) {
      const ByteSpan word = WordBefore(text_, end, s.span.start, " ");
      const std::string w = AsciiLower(text_.substr(word.start, word.size()));
      const bool adverb = w.size() > 3 && w.substr(w.size() - 2) == "ly";
      if (!adverb && std::find(std::begin(kBetween), std::end(kBetween), w) == std::end(kBetween))
        break;
      end = word.start;
    }
    while (end > s.span.start && text_[end - 1] == ' ') --end;
    // Past an apposition: "Nvidia, founded in 1993, is now worth ...".
    if (end > s.span.start && text_[end - 1] == ',') {
      const size_t comma = text_.rfind(',', end - 2);
      if (comma != std::string_view::npos && comma >= s.span.start && end - comma <= 48)
        end = comma;
    }
    return std::any_of(s.entities.begin(), s.entities.end(),
                       [end](const EntityHit* e) { return e->span.end == end; });
  };
  for (const TriggerHit& t : Triggers(s, m.kind)) {
    if (t.span.end > hedge_start && t.span.start < m.span.end) continue;
    if (t.span.start >= m.span.end && t.span.start < after) continue;  // the change itself
    if (t.span.start >= after && t.span.start - after > kTriggerAfterBytes) continue;
    if (t.span.start >= after && t.span.start >= part) continue;
    if (!compared && t.span.end <= hedge_start && hedge_start - t.span.end > kTriggerBeforeBytes)
      continue;
    if (t.weak && !named_subject(t.span)) continue;
    if (t.weak && t.span.end <= hedge_start && hedge_start - t.span.end > kWeakTriggerBeforeBytes &&
        !lex_.attributes[static_cast<size_t>(t.attribute)].price)
      continue;
    if (better(t)) best = t;
  }
  return best;
}

// For a date: the nearest trigger before it with no other date between, else
// the nearest just after it.
std::optional<TriggerHit> ArticleAttribution::DateTrigger(const SentenceMentions& sm,
                                                          const Mention& m) const {
  const SentenceInfo& s = *sm.info;
  auto date_between = [&](size_t from, size_t to) {
    for (const Mention* d : sm.dates) {
      if (d != &m && d->span.start >= from && d->span.end <= to) return true;
    }
    return false;
  };
  // The end or start of a term names its term across other dates ("The
  // agreement, signed in 2019, expires in 2030").
  const bool term_date = !sm.terms.at(&m).empty();
  std::optional<TriggerHit> before, after;
  for (const TriggerHit& t : Triggers(s, MentionKind::kDate)) {
    if (t.span.end <= m.span.start) {
      if (!term_date && date_between(t.span.end, m.span.start)) continue;
      if (!term_date && m.span.start - t.span.end > kDateTriggerBeforeBytes) continue;
      if (!before || t.span.end > before->span.end ||
          (t.span.end == before->span.end && t.span.size() > before->span.size()))
        before = t;
    } else if (!term_date && t.span.start >= m.span.end &&
               t.span.start - m.span.end <= kTriggerAfterBytes) {
      if (date_between(m.span.end, t.span.start)) continue;
      if (!after || t.span.start < after->span.start) after = t;
    }
  }
  return before ? before : after;
}

// Whether `name` is what is held, after "in" and at most three lowercase
// words: "a 19.9% stake in lithium explorer Redgum Resources", "invested
// $10bn in OpenAI".
bool ArticleAttribution::HeldIn(const SentenceInfo& s, ByteSpan name) const {
  size_t end = name.start;
  for (int words = 0; words < 4; ++words) {
    const ByteSpan word = WordBefore(text_, end, s.span.start, " ");
    if (word.size() == 0) return false;
    const std::string_view w = text_.substr(word.start, word.size());
    if (w == "in") return true;
    if (!std::islower(static_cast<unsigned char>(w[0]))) return false;
    end = word.start;
  }
  return false;
}

// A clause set between commas after the subject ("Sahyadri Bank, which was
// recapitalised in a rescue led by State Bank of India, reported ...",
// "Cloudmint, founded in 2016 by Ravi Anand, listed ...") that closes before
// `anchor` with no name between its close and the anchor: the names inside
// it are not the subject of what follows. Only when a name stands before it.
std::optional<ByteSpan> ArticleAttribution::InsertedClause(
    const SentenceInfo& s, const std::vector<const EntityHit*>& entities, ByteSpan anchor) const {
  static constexpr std::string_view kOpeners[] = {
      "which",  "who",  "whose",    "where",      "founded", "established", "based", "owned",
      "backed", "led",  "headed",   "run",        "a",       "an",          "the",   "one",
      "now",    "once", "formerly", "previously", "also",    "itself",      "then"};
  if (anchor.start <= s.span.start) return std::nullopt;
  const std::string_view sentence = text_.substr(s.span.start, anchor.start - s.span.start);
  const size_t close = sentence.rfind(',');
  if (close == std::string_view::npos || close == 0) return std::nullopt;
  const size_t open = sentence.rfind(',', close - 1);
  if (open == std::string_view::npos) return std::nullopt;
  auto lower_word_after = [&](size_t comma, size_t ceiling) {
    const ByteSpan w = WordAfter(text_, s.span.start + comma + 1, s.span.start + ceiling);
    return AsciiLower(text_.substr(w.start, w.size()));
  };
  if (std::find(std::begin(kOpeners), std::end(kOpeners), lower_word_after(open, close)) ==
      std::end(kOpeners))
    return std::nullopt;
  // "..., the V1, which costs €85,000": what follows is about the clause's
  // name, not the subject's.
  static constexpr std::string_view kRelatives[] = {"which", "who", "whose", "that"};
  if (std::find(std::begin(kRelatives), std::end(kRelatives),
                lower_word_after(close, sentence.size())) != std::end(kRelatives))
    return std::nullopt;
  const ByteSpan clause{s.span.start + open, s.span.start + close};
  bool named_before = false, named_after = false;
  for (const EntityHit* e : entities) {
    if (e->span.end <= clause.start) named_before = true;
    if (e->span.start >= clause.end && e->span.end <= anchor.start) named_after = true;
  }
  if (!named_before || named_after) return std::nullopt;
  return clause;
}

std::string ArticleAttribution::EntityFor(size_t sentence, ByteSpan anchor,
                                          const AttributeDef* attr,
                                          std::optional<ByteSpan> exclude) const {
  const SentenceInfo& s = info_.at(sentence);
  std::vector<const EntityHit*> entities = s.entities;
  // A place is where things happen more often than whose figure it is ("a
  // UK-based charity raised £18.6m", "Singapore's regulator fined Zenqa"):
  // beside an organisation it holds only a place's own figures, and those
  // (inflation, a tariff) are a place's rather than its statistics office's.
  const bool place_figure = attr && attr->place;
  if (std::any_of(entities.begin(), entities.end(), [&](const EntityHit* e) {
        return e->place == place_figure && !e->canonical.empty();
      })) {
    entities.erase(std::remove_if(entities.begin(), entities.end(),
                                  [&](const EntityHit* e) { return e->place != place_figure; }),
                   entities.end());
  }
  // "The agency fined miner Serra Dourada 350 million reais": the figure is
  // the object's, named right after the verb.
  if (attr && !attr->pair && lex_.object_verb.re &&
      RE2::FullMatch(AsciiLower(text_.substr(anchor.start, anchor.size())), *lex_.object_verb.re)) {
    for (const EntityHit* e : entities) {
      if (e->span.start >= anchor.end && e->span.start - anchor.end <= 40 && !e->canonical.empty())
        return e->canonical;
    }
  }
  if (attr && !attr->pair && anchor.start > s.span.start) {
    // The trigger's subject is a name nobody knows ("Another, Pelco,
    // announced last April ... an IBM version", "Mr Shapps announced last
    // Thursday"): the figure is that name's, not a known name's elsewhere.
    const ByteSpan word = WordBefore(text_, anchor.start, s.span.start, " ,");
    const bool known = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityHit* e) {
      return e->span.start < word.end && word.start < e->span.end;
    });
    if (word.size() > 0 && CapitalisedWordAt(text_, word.start) && !known &&
        !IsNotAName(text_.substr(word.start, word.size())))
      return "";
  }
  if (attr && attr->pair) {
    std::vector<const EntityHit*> by_distance = entities;
    std::stable_sort(by_distance.begin(), by_distance.end(),
                     [&](auto* a, auto* b) { return Gap(a->span, anchor) < Gap(b->span, anchor); });
    std::vector<std::string> parties;
    for (const EntityHit* e : by_distance) {
      if (parties.size() < 2 &&
          std::find(parties.begin(), parties.end(), e->canonical) == parties.end())
        parties.push_back(e->canonical);
    }
    // One party named: the other may be one of the article's two most-named
    // entities, when the sentences just before name it too ("The licence
    // for OpenAI models runs until 2032" in a story on Microsoft and OpenAI).
    // With none named, or none of them near, the parties are unknown ("the
    // district signed an agreement this week").
    if (parties.size() == 1) {
      const size_t from =
          sentences_[sentence >= kAnaphorReachSentences ? sentence - kAnaphorReachSentences : 0]
              .start;
      const size_t to = sentences_[sentence].end;
      // entities_ is in text order: only the hits of those sentences.
      const auto near =
          std::lower_bound(entities_.begin(), entities_.end(), from,
                           [](const EntityHit& e, size_t offset) { return e.span.start < offset; });
      for (const std::string& t : top_) {
        if (parties.size() == 2 || t == parties[0]) continue;
        for (auto e = near; e != entities_.end() && e->span.start < to; ++e) {
          if (e->span.end <= to && e->canonical == t && !e->proper) {
            parties.push_back(t);
            break;
          }
        }
      }
    }
    std::sort(parties.begin(), parties.end());
    if (parties.size() == 2) return parties[0] + " & " + parties[1];
    return parties.empty() ? "" : parties[0];
  }
  const EntityHit* before = nullptr;
  const EntityHit* after = nullptr;
  const std::optional<ByteSpan> clause = InsertedClause(s, entities, anchor);
  for (const EntityHit* hit : entities) {
    const EntityHit& e = *hit;
    if (exclude && Contains(*exclude, e.span)) continue;
    if (clause && Contains(*clause, e.span)) continue;
    if (attr && attr->holder && HeldIn(s, e.span)) continue;
    // A name inside the trigger ("its results") is its subject, as one before it.
    if (e.span.end <= anchor.start || Contains(anchor, e.span)) {
      before = &e;
    } else if (e.span.start >= anchor.end && !after) {
      after = &e;
    }
  }
  if (before) return before->canonical;
  if (after) return after->canonical;
  return "";
}

std::string ArticleAttribution::Qualifier(const SentenceInfo& s, const Mention& m,
                                          const AttributeDef& attr,
                                          const std::vector<const Mention*>& others,
                                          ByteSpan anchor) const {
  auto mention_between = [&](size_t from, size_t to) {
    for (const Mention* o : others) {
      if (o != &m && o->span.start >= from && o->span.end <= to) return true;
    }
    return false;
  };
  // Cues may stand before the trigger too ("first invested $1 billion").
  const size_t reach_start = std::min(anchor.start, m.span.start);
  std::string best;
  size_t best_gap = std::numeric_limits<size_t>::max();
  for (const QualifierDef& q : lex_.qualifiers) {
    if (q.for_flag == "date" || (!attr.HasFlag(q.for_flag) && q.for_flag != attr.name)) continue;
    for (ByteSpan h : s.Hits(q.cues)) {
      size_t gap = 0;
      if (q.where == Where::kBefore) {
        if (h.end > m.span.start) continue;
        gap = m.span.start - h.end;
        const size_t from_anchor = h.end <= reach_start ? reach_start - h.end : gap;
        if (std::min(gap, from_anchor) > kCueWindowBytes) continue;
        if (mention_between(h.end, m.span.start)) continue;
        gap = std::min(gap, from_anchor);
      } else if (q.where == Where::kAfter) {
        if (h.start < m.span.end || h.start - m.span.end > kAfterCueBytes) continue;
        gap = h.start - m.span.end;
      } else {
        gap = Gap(h, m.span);
        if (gap > kCueWindowBytes) continue;
        // "$300 billion post-money, or $260 billion pre-money": not across a figure.
        if (h.end <= m.span.start ? mention_between(h.end, m.span.start)
                                  : mention_between(m.span.end, h.start))
          continue;
      }
      if (gap < best_gap) {
        best_gap = gap;
        best = q.name;
      }
    }
  }
  return best;
}

std::string ArticleAttribution::DateQualifier(const SentenceInfo& s, const Mention& m) const {
  for (const QualifierDef& q : lex_.qualifiers) {
    if (q.for_flag != "date") continue;
    for (ByteSpan h : s.Hits(q.cues)) {
      if (h.end <= m.span.start && m.span.start - h.end <= kDateCueBytes) return q.name;
    }
  }
  return "";
}

bool ArticleAttribution::Deadline(const SentenceInfo& s, const Mention& m) const {
  for (ByteSpan h : CueHits(lex_.deadline, Before(m.span.start, 24), s.span)) {
    if (h.end <= m.span.start && m.span.start - h.end <= kDateCueBytes) return true;
  }
  return false;
}

bool ArticleAttribution::Negative(const SentenceInfo& s, const Mention& m) const {
  size_t neg = std::numeric_limits<size_t>::max();
  ByteSpan nearest;
  for (ByteSpan h : s.Hits(lex_.negative)) {
    if (Gap(h, m.span) < neg) {
      neg = Gap(h, m.span);
      nearest = h;
    }
  }
  if (neg > kCueWindowBytes) return false;
  // "unemployment fell to 11.3%", "growth slowed to 0.2%": the level reached, not the change.
  if (nearest.end <= m.span.start) {
    const ByteSpan word = WordBefore(text_, m.span.start, nearest.end, " ");
    if (EqualsIgnoreAsciiCase(text_.substr(word.start, word.size()), "to")) return false;
  }
  // A rise word nearer than the fall word wins ("fell 2% then rose 3%").
  for (const AttributeDef& a : lex_.attributes) {
    if (!a.price) continue;
    for (ByteSpan h : s.Hits(a.weak)) {
      const std::string_view word = text_.substr(h.start, h.size());
      if (!RE2::FullMatch(re2::StringPiece(word.data(), word.size()), *lex_.negative.re) &&
          Gap(h, m.span) < neg)
        return false;
    }
  }
  return true;
}

AsOf ArticleAttribution::PublicationWindow(AsOfBasis basis) const {
  AsOf a;
  a.basis = basis;
  if (published_) {
    a.first = published_->AddDays(-kCurrentWindowDays);
    a.last = *published_;
  } else {
    // Unknown publication: an empty window, which overlaps nothing.
    a.first = CivilDate{9999, 12, 31};
    a.last = CivilDate{1, 1, 1};
  }
  return a;
}

// "€49.90, up from €39 two years ago": the date stands with the figure this
// one is compared with (a comparison cue between the two figures, the other
// figure between this one and the date), so it is that figure's time.
bool ArticleAttribution::DatesTheComparedFigure(const SentenceMentions& sm, const Mention& m,
                                                const Mention& date) const {
  const bool date_after = date.span.start >= m.span.end;
  for (const Mention* f : sm.all) {
    if (f == &m || f->kind == MentionKind::kDate) continue;
    const ByteSpan between =
        date_after ? ByteSpan{m.span.end, f->span.start} : ByteSpan{f->span.end, m.span.start};
    const bool f_between = date_after
                               ? f->span.start >= m.span.end && f->span.end <= date.span.start
                               : f->span.start >= date.span.end && f->span.end <= m.span.start;
    if (!f_between) continue;
    if (!CueHits(lex_.comparison, between, sm.info->span).empty()) return true;
  }
  return false;
}

// The matches of a cue list in `window` (clipped to `sentence` and widened
// to whole words). Lists of common words ("at", "than") are searched only in
// the window where they matter: the cue set would find them in every sentence.
std::vector<ByteSpan> ArticleAttribution::CueHits(const CueList& list, ByteSpan window,
                                                  ByteSpan sentence) const {
  std::vector<ByteSpan> out;
  if (!list.re) return out;
  window.start = std::max(window.start, sentence.start);
  window.end = std::min(window.end, sentence.end);
  while (window.start > sentence.start && IsWordChar(text_[window.start - 1])) --window.start;
  while (window.end < sentence.end && IsWordChar(text_[window.end])) ++window.end;
  if (window.start >= window.end) return out;
  const re2::StringPiece whole(text_.data() + window.start, window.size());
  re2::StringPiece match;
  size_t pos = 0;
  while (pos < whole.size() &&
         list.re->Match(whole, pos, whole.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t at = static_cast<size_t>(match.data() - whole.data());
    if (match.empty()) {
      pos = at + 1;
      continue;
    }
    out.push_back({window.start + at, window.start + at + match.size()});
    pos = at + match.size();
  }
  return out;
}

// Whether `m` is the figure another one in its sentence is compared with:
// a comparison cue right before it ("up from about $70 billion", "compared
// with 2%"), after another figure.
bool ArticleAttribution::ComparedFigure(const SentenceMentions& sm, const Mention& m) const {
  const bool figure_before = std::any_of(sm.all.begin(), sm.all.end(), [&](const Mention* f) {
    return f != &m && f->kind != MentionKind::kDate && f->span.end <= m.span.start;
  });
  if (!figure_before) return false;
  for (ByteSpan cue : CueHits(lex_.comparison, Before(m.span.start, 32), sm.info->span)) {
    if (cue.end > m.span.start) continue;
    const std::string between =
        AsciiLower(TrimAsciiSpace(text_.substr(cue.end, m.span.start - cue.end)));
    if (between.empty() || between == AsciiLower(m.hedge_text) || between == "a" ||
        between == "the")
      return true;
  }
  return false;
}

// "revenue rose 56%, the company reported on Wednesday": a date right after
// a verb of reporting is when the figure was told, not the time it is about.
std::optional<ByteSpan> ArticleAttribution::ReportVerb(const SentenceMentions& sm,
                                                       const Mention& date) const {
  for (ByteSpan verb : CueHits(lex_.report_verb, Before(date.span.start, 24), sm.info->span)) {
    if (verb.end > date.span.start) continue;
    std::string_view between = TrimAsciiSpace(text_.substr(verb.end, date.span.start - verb.end));
    if (between.empty() || AsciiLower(between) == "on") return verb;
  }
  return std::nullopt;
}

// What a reported date ("said on Wednesday") is the date of: the first
// `report_date` whose `when` attributes name a figure of the sentence
// ("said on Wednesday its profit fell 21%": the results), else the one
// without `when` (an announcement).
const AttributeDef* ArticleAttribution::ReportedAttribute(const SentenceMentions& sm) const {
  for (const Lexicons::ReportDate& r : lex_.report_dates) {
    const bool holds = r.when.empty() || std::any_of(r.when.begin(), r.when.end(), [&](int a) {
                         const AttributeDef& def = lex_.attributes[static_cast<size_t>(a)];
                         return !sm.info->Hits(def.strong).empty() &&
                                std::any_of(sm.all.begin(), sm.all.end(), [&](const Mention* m) {
                                  return m->kind != MentionKind::kDate && def.Measures(m->kind);
                                });
                       });
    if (holds) return &lex_.attributes[static_cast<size_t>(r.attribute)];
  }
  return nullptr;
}

// Whether an event's trigger is linked to the sentence's figures ("after the
// recapitalisation", "when OpenAI was reorganized"), not a clause about its
// entity ("Nvidia, founded in 1993, is worth ..."): a link cue before it with
// at most a determiner between, or, after a conjunction of time ("when",
// "after"), a short subject and verb without punctuation.
bool ArticleAttribution::LinkedEvent(const SentenceInfo& s, ByteSpan trigger) const {
  static constexpr std::string_view kDeterminers[] = {"the",  "a",    "an",  "its", "their",
                                                      "this", "that", "his", "her", "our"};
  static constexpr std::string_view kConjunctions[] = {"when",  "after", "before",
                                                       "since", "until", "following"};
  for (ByteSpan link : CueHits(lex_.event_link, Before(trigger.start, 32), s.span)) {
    const std::string between =
        AsciiLower(TrimAsciiSpace(text_.substr(link.end, trigger.start - link.end)));
    if (between.empty() || std::find(std::begin(kDeterminers), std::end(kDeterminers), between) !=
                               std::end(kDeterminers))
      return true;
    const std::string word = AsciiLower(text_.substr(link.start, link.size()));
    const bool conjunction = std::find(std::begin(kConjunctions), std::end(kConjunctions), word) !=
                             std::end(kConjunctions);
    const bool short_clause =
        std::count(between.begin(), between.end(), ' ') <= 2 &&
        std::all_of(between.begin(), between.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '\'';
        });
    if (conjunction && short_clause) return true;
  }
  return false;
}

AsOf ArticleAttribution::FigureAsOf(const SentenceMentions& sm, const Mention& m,
                                    const AttributeDef* attr, ByteSpan anchor,
                                    std::string* qualifier) const {
  const SentenceInfo& s = *sm.info;
  // Dates of the sentence that are times (not the end or start of a term),
  // but not one that belongs to the figure compared with this one.
  const Mention* nearest = nullptr;
  const Mention* since = nullptr;
  for (const Mention* d : sm.dates) {
    const std::string& q = sm.terms.at(d);
    if (q == "start") since = d;
    if (!q.empty() || DatesTheComparedFigure(sm, m, *d) || DatesTheReport(sm, *d)) continue;
    if (!nearest || Gap(d->span, m.span) < Gap(nearest->span, m.span)) nearest = d;
  }
  // An event named in the sentence ties the figure to it ("the 27% stake
  // after the recapitalisation").
  for (const AttributeDef& a : lex_.attributes) {
    if (!a.once) continue;
    if (std::any_of(s.Hits(a.strong).begin(), s.Hits(a.strong).end(),
                    [&](ByteSpan h) { return LinkedEvent(s, h); })) {
      AsOf as_of = PublicationWindow(AsOfBasis::kEvent);
      if (nearest) {
        const auto& v = std::get<DateValue>(nearest->value);
        as_of.first = v.first;
        as_of.last = v.last;
      }
      as_of.event = a.name;
      return as_of;
    }
  }
  if (since && attr && attr->flow) {
    if (qualifier->empty()) *qualifier = "total";
    AsOf as_of = PublicationWindow(AsOfBasis::kExplicit);
    as_of.first = std::get<DateValue>(since->value).first;
    return as_of;
  }
  for (ByteSpan h : s.Hits(lex_.latest)) {
    if (std::min(Gap(h, anchor), Gap(h, m.span)) <= kCueWindowBytes / 2)
      return PublicationWindow(AsOfBasis::kLatest);
  }
  if (nearest) {
    const auto& v = std::get<DateValue>(nearest->value);
    return AsOf{v.first, v.last, v.part == kFiscalPart ? AsOfBasis::kFiscal : AsOfBasis::kExplicit,
                ""};
  }
  return PublicationWindow(AsOfBasis::kPublication);
}

std::vector<Claim> ArticleAttribution::Run(const std::vector<Mention>& mentions) {
  std::vector<Claim> claims;
  claims.reserve(mentions.size() + mentions.size() / 4);  // a date may give two claims
  std::map<size_t, std::vector<const Mention*>> by_sentence;
  for (const Mention& m : mentions) by_sentence[SentenceOf(m.span.start)].push_back(&m);
  for (auto& [index, in_sentence] : by_sentence) {
    SentenceMentions sm{index, &Info(index), in_sentence, {}, {}};
    for (const Mention* m : in_sentence) {
      if (m->kind != MentionKind::kDate) continue;
      sm.dates.push_back(m);
      sm.terms[m] = DateQualifier(*sm.info, *m);
    }
    for (const Mention* m : in_sentence) {
      if (m->kind == MentionKind::kDate) {
        AddDateClaims(sm, *m, &claims);
      } else {
        claims.push_back(FigureClaim(sm, *m));
      }
    }
  }
  return claims;
}

// A date opens its sentence when at most one word stands before it: "In
// October 2023 A did X", "Since 2019 A has ...", "Last year, ...".
bool OpensSentence(std::string_view before) {
  before = TrimAsciiSpace(before);
  return std::none_of(before.begin(), before.end(), IsAsciiSpace);
}

void ArticleAttribution::AddDateClaims(const SentenceMentions& sm, const Mention& m,
                                       std::vector<Claim>* claims) const {
  const SentenceInfo& s = *sm.info;
  const std::string& term = sm.terms.at(&m);
  // "said on Wednesday": the verb of telling right before the date, if any.
  const std::optional<ByteSpan> verb = ReportVerb(sm, m);
  std::vector<TriggerHit> triggers;
  if (Deadline(s, m)) {
    // "a plan to become carbon negative by 2030", "By 2028, the trust aims
    // to ...": a target, not the date of the announcement or the agreement.
  } else if (OpensSentence(text_.substr(s.span.start, m.span.start - s.span.start))) {
    std::set<int> seen;
    for (const TriggerHit& t : Triggers(s, MentionKind::kDate)) {
      if (!t.weak && seen.insert(t.attribute).second) triggers.push_back(t);
    }
    std::sort(triggers.begin(), triggers.end(),
              [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
  } else if (auto t = DateTrigger(sm, m)) {
    // "..., in its latest funding round, the company said on Tuesday": a date
    // right after a verb of telling is when it was told, not the time of a
    // trigger before the verb, unless the verb is the trigger ("announced
    // on Monday").
    if (!verb || (t->span.start < verb->end && verb->start < t->span.end)) triggers.push_back(*t);
  }
  const auto& v = std::get<DateValue>(m.value);
  Claim base;
  base.mention = m;
  base.sentence = s.span;
  base.as_of = AsOf{v.first, v.last, AsOfBasis::kExplicit, ""};
  if (triggers.empty() && term.empty()) {
    // "Meridel Health said Wednesday it had agreed ...": the date of what
    // the verb's subject said.
    // Only with a subject named right before the verb ("Microsoft Corp
    // said"): not "Published on ...", "the Israeli military said", "one of
    // Kristofer's uncles said".
    const EntityHit* subject = nullptr;
    if (verb) {
      for (const EntityHit* e : s.entities) {
        if (e->span.end > verb->start || verb->start - e->span.end > kSubjectGapBytes) continue;
        const std::string_view between = text_.substr(e->span.end, verb->start - e->span.end);
        if (between.find_first_of(",\"()") == std::string_view::npos) subject = e;
      }
    }
    if (const AttributeDef* attr = subject ? ReportedAttribute(sm) : nullptr) {
      base.attribute = attr->name;
      base.entity = subject->canonical;
    }
  }
  if (triggers.empty()) {
    claims->push_back(std::move(base));
    return;
  }
  for (const TriggerHit& t : triggers) {
    const AttributeDef& attr = lex_.attributes[static_cast<size_t>(t.attribute)];
    Claim c = base;
    c.attribute = attr.name;
    c.entity = EntityFor(sm.index, t.span, &attr, std::nullopt);
    c.qualifier = term;
    if (c.qualifier.empty() && attr.flow && Qualifier(s, m, attr, sm.dates, t.span) == "initial")
      c.qualifier = "initial";
    if (attr.once || !c.qualifier.empty()) c.as_of.basis = AsOfBasis::kTimeless;
    claims->push_back(std::move(c));
  }
}

Claim ArticleAttribution::FigureClaim(const SentenceMentions& sm, const Mention& m) const {
  const SentenceInfo& s = *sm.info;
  const bool compared = ComparedFigure(sm, m);
  std::optional<TriggerHit> trigger = ChooseTrigger(s, m, compared);
  std::optional<ByteSpan> of_entity;
  if (m.kind == MentionKind::kPercent && lex_.stake_of >= 0) {
    // "27% of OpenAI", "one-third of the equity of OpenAI"
    re2::StringPiece rest(text_.data() + m.span.end, s.span.end - m.span.end);
    if (RE2::Consume(&rest, *lex_.of_re)) {
      const size_t at = static_cast<size_t>(rest.data() - text_.data());
      // Only a name the lexicons know, ending its noun phrase: "5% of
      // Ukraine's GDP", "70% of its deaths" and "80 percent of California"
      // (read from capitals) are shares of something else.
      const auto possessive = [&](size_t end) {
        const std::string_view after = text_.substr(end, 4);
        return after.substr(0, 2) == "'s" || after.substr(0, 4) == "\u2019s";
      };
      for (const EntityHit* e : s.entities) {
        if (e->span.start != at || e->proper || e->anaphor || possessive(e->span.end)) continue;
        of_entity = e->span;
        trigger = TriggerHit{{m.span.end, at}, lex_.stake_of, false};
      }
    }
  }
  const AttributeDef* attr =
      trigger ? &lex_.attributes[static_cast<size_t>(trigger->attribute)] : nullptr;
  Claim c;
  c.mention = m;
  c.sentence = s.span;
  const ByteSpan anchor = trigger ? trigger->span : m.span;
  if (attr) {
    c.attribute = attr->name;
    c.qualifier = Qualifier(s, m, *attr, sm.all, anchor);
    if ((attr->price || attr->signed_change) && m.kind == MentionKind::kPercent && Negative(s, m)) {
      auto& p = std::get<PercentValue>(c.mention.value);
      p.percent = -p.percent;
      if (p.percent_high) p.percent_high = -*p.percent_high;
    }
  }
  c.entity = EntityFor(sm.index, anchor, attr, of_entity);
  c.as_of = FigureAsOf(sm, m, attr, anchor, &c.qualifier);
  if (attr && compared) {
    // The sentence says this figure is not the current one ("$91.5 billion,
    // up from $70 billion last year"). Undated, it is kept apart under its
    // own qualifier; dated, its window ends before the current window.
    const AsOf now = PublicationWindow(AsOfBasis::kPublication);
    if (c.as_of.basis == AsOfBasis::kPublication || c.as_of.basis == AsOfBasis::kLatest) {
      if (c.qualifier.empty()) c.qualifier = std::string(kComparedQualifier);
    } else if (published_ && c.as_of.basis == AsOfBasis::kExplicit && c.as_of.first < now.first &&
               now.first <= c.as_of.last) {
      c.as_of.last = now.first.AddDays(-1);
    }
  }
  return c;
}

}  // namespace

std::vector<Claim> Attributor::Attribute(std::string_view text,
                                         const std::vector<ByteSpan>& sentences,
                                         const std::vector<Mention>& mentions,
                                         std::optional<CivilDate> published,
                                         std::string_view language) const {
  if (mentions.empty()) return {};
  const bool english = language.empty() || AsciiLower(language.substr(0, 2)) == "en";
  ArticleAttribution work(*lex_, text, sentences, mentions, published, english);
  return work.Run(mentions);
}

}  // namespace newsrecon
