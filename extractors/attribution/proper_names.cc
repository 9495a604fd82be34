#include "extractors/attribution/proper_names.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Capitalised words that are not names: dates, and words that open sentences.
constexpr std::string_view kNotNames[] = {
    "January",   "February",  "March",    "April",    "May",       "June",      "July",
    "August",    "September", "October",  "November", "December",  "Monday",    "Tuesday",
    "Wednesday", "Thursday",  "Friday",   "Saturday", "Sunday",    "Today",     "Tomorrow",
    "Yesterday", "The",       "A",        "An",       "In",        "On",        "At",
    "By",        "For",       "From",     "To",       "With",      "But",       "And",
    "Or",        "If",        "As",       "When",     "While",     "After",     "Before",
    "Since",     "Until",     "This",     "That",     "These",     "Those",     "It",
    "Its",       "He",        "She",      "They",     "We",        "I",         "You",
    "Our",       "Their",     "His",      "Her",      "My",        "Your",      "There",
    "Here",      "What",      "Who",      "How",      "Why",       "Where",     "Some",
    "Many",      "Most",      "All",      "Any",      "Each",      "Every",     "No",
    "Not",       "Yet",       "So",       "Also",     "According", "Meanwhile", "However",
    "Still",     "Last",      "Next",     "Earlier",  "Later",     "Now",       "Then",
    "Such",      "Both",      "Neither",  "Either",   "Other",     "Another",   "More",
    "Less",      "Only",      "Even",     "Just",     "Year",      "Week",      "Month",
    "Day",       "Night",     "Everyone", "Nobody",   "Q1",        "Q2",        "Q3",
    "Q4",        "H1",        "H2",       "FY",       "Series"};

// Common nouns that are names only inside a longer one: "World Health
// Organization", "South Wales Police", "Tata Group", "State Bank of India",
// but not "Police said" or "The Company's shares".
constexpr std::string_view kInNamesOnly[] = {"Company", "World", "Nation",    "Country",
                                             "State",   "City",  "Group",     "Firm",
                                             "Police",  "Staff", "Management"};

// Abbreviations printed in capitals that name things, not organisations.
constexpr std::string_view kNotNameAcronyms[] = {
    "CEO", "CFO", "COO", "CTO", "GDP",  "IPO",    "CPI",  "PPI", "PMI", "ETF", "AI",  "EV",
    "EVs", "ESG", "YOY", "QOQ", "EPS",  "EBITDA", "CAGR", "TV",  "PC",  "API", "ATM", "VAT",
    "NFT", "VC",  "M&A", "USD", "EUR",  "GBP",    "JPY",  "CNY", "OK",  "AM",  "PM",  "UTC",
    "GMT", "LNG", "LPG", "CNG", "EBIT", "R&D",    "HR",   "PR",  "Q&A"};

// Titles before a person's name: what follows is a person, not an organisation.
constexpr std::string_view kTitles[] = {
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "president", "minister", "chancellor",
    "senator", "governor", "secretary", "ceo", "cfo", "chairman", "chairwoman", "chair",
    "executive", "officer", "founder", "co-founder", "analyst", "economist", "spokesman",
    "spokeswoman", "spokesperson", "director", "head", "judge", "prime", "king", "queen", "prince",
    "princess", "pope", "rep", "sen", "gov", "mayor", "coach", "manager", "professor", "prof",
    "said", "says", "told",
    // Occupations that open a sentence before a person's name ("Billionaire
    // Harold Vance", "Chief Minister ..."); not "general", "star", "vice" or
    // "investor", which open companies' names too.
    "chief", "deputy", "publisher", "billionaire", "tycoon", "entrepreneur", "actor", "actress",
    "singer", "rapper", "striker", "midfielder", "defender", "goalkeeper", "commissioner",
    "inspector", "detective", "sergeant", "constable", "lawyer", "attorney", "councillor",
    "councilor", "congressman", "congresswoman"};

// Words after which a capitalised name is a place (or, for "at", the
// speaker's employer; for "by", an agent such as a founder or an author), not
// what the sentence's figure is about.
constexpr std::string_view kPlacePrepositions[] = {
    "in",     "at",   "from",       "to",     "near", "across", "outside",
    "inside", "into", "throughout", "around", "via",  "where",  "by"};

// Verbs after a sentence's first word that make it an agent, and so a name
// when the text never prints it in lower case ("Stripe said ...", "Revolut
// announced ..."); not "is" or "was", which common nouns take ("Revenue was").
constexpr std::string_view kAgentVerbs[] = {"said",   "says",      "announced", "reported",
                                            "agreed", "plans",     "expects",   "posted",
                                            "raised", "confirmed", "told",      "launched"};

// Verbs after a name that make it the source of the sentence when it follows
// the figure ("..., Eurostat said.").
constexpr std::string_view kSpeechVerbs[] = {"said",      "says",      "reported", "reports",
                                             "told",      "noted",     "added",    "wrote",
                                             "estimated", "estimates", "stated"};

// "in the Cyprus branch", "at the Frankfurt plant": places, after "the" too.
constexpr std::string_view kInThe[] = {"in",     "at",         "near",   "across",
                                       "inside", "throughout", "around", "outside"};

// Words after a sentence's subject ("Rivian was valued"): what stands before
// them is a name even when shaped like a nationality.
constexpr std::string_view kSubjectVerbs[] = {
    "is",     "was",      "has",    "had",    "said",   "says",  "will",    "would",
    "could",  "reported", "posted", "raised", "agreed", "plans", "expects", "announced",
    "shares", "stock",    "sold",   "bought", "cut",    "made",  "paid"};

constexpr std::string_view kConnectors[] = {"of", "&", "de", "van", "von", "du", "der"};

constexpr std::string_view kSuffixes[] = {"Inc",     "Corp", "Corporation", "Co",  "Ltd",
                                          "Limited", "Plc",  "PLC",         "plc", "LLC",
                                          "AG",      "SA",   "NV",          "SE",  "Holdings"};

struct Token {
  ByteSpan span;
  std::string_view word;  // without trailing '.', ',' or "'s"
  bool possessive = false;
};

// Bytes of words: letters, digits, UTF-8 beyond ASCII, and ".-'&" inside
// names ("U.S.", "Coca-Cola", "S&P"). A table: the evidence scan reads every byte.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || c == '.' || c == '-' || c == '\'' || c == '&';
  }
  return t;
}();

bool WordByte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

std::vector<Token> Tokens(std::string_view text, ByteSpan sentence) {
  std::vector<Token> out;
  size_t i = sentence.start;
  while (i < sentence.end) {
    while (i < sentence.end && !WordByte(text[i])) ++i;
    size_t end = i;
    while (end < sentence.end && WordByte(text[end])) ++end;
    if (end == i) break;
    Token t{{i, end}, text.substr(i, end - i)};
    if (t.word.size() > 2 && t.word.substr(t.word.size() - 2) == "'s") {
      t.word.remove_suffix(2);
      t.possessive = true;
    } else if (t.word.size() > 2 && t.word.substr(t.word.size() - 2) == "s'") {
      t.word.remove_suffix(1);  // "Tyneside Rovers' new stadium"
      t.possessive = true;
    }
    // A final point ends the sentence unless the word is an initialism ("U.S.").
    if (t.word.size() > 1 && t.word.back() == '.' && t.word.find('.') == t.word.size() - 1)
      t.word.remove_suffix(1);
    if (!t.word.empty()) out.push_back(t);
    i = end;
  }
  return out;
}

bool Capitalised(std::string_view word) { return !word.empty() && IsUpper(word[0]); }

// A capitalised word that is a date or opener, or joins one ("April-June").
bool NotName(std::string_view word) {
  if (In(kNotNames, word)) return true;
  size_t start = 0;
  while (true) {
    const size_t dash = word.find('-', start);
    if (dash == std::string_view::npos) break;
    if (In(kNotNames, word.substr(start, dash - start))) return true;
    start = dash + 1;
  }
  return start > 0 && In(kNotNames, word.substr(start));
}

// Shaped like an adjective or noun of nationality: "Ukrainian", "European",
// "Chinese", "British", "Chicagoans".
bool Nationality(std::string_view word) {
  for (std::string_view end : {"ian", "ean", "ese", "ish", "ians", "eans", "ans"}) {
    if (word.size() > end.size() + 2 && word.substr(word.size() - end.size()) == end) return true;
  }
  return false;
}

bool AllDigits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// "IBM", "OpenAI", "SoftBank": capitals after the first letter.
bool NameShaped(std::string_view word) {
  if (In(kNotNameAcronyms, word)) return false;
  int upper = 0, letters = 0;
  for (char c : word) {
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
    if (IsUpper(c)) ++upper;
  }
  return letters >= 2 && upper >= 2;
}

// Whether `tokens[i]` is directly followed by `tokens[i + 1]` (one space, no
// punctuation between).
bool Adjacent(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i + 1 >= tokens.size()) return false;
  const Token& a = tokens[i];
  if (a.possessive || a.span.end != a.span.start + a.word.size()) return false;
  const std::string_view gap = text.substr(a.span.end, tokens[i + 1].span.start - a.span.end);
  return gap == " ";
}

}  // namespace

bool IsNotAName(std::string_view word) { return NotName(word) || In(kInNamesOnly, word); }

size_t TitleBytes(std::string_view name) {
  const size_t space = name.find(' ');
  if (space == std::string_view::npos || space + 1 >= name.size() || !IsUpper(name[space + 1]) ||
      !In(kTitles, AsciiLower(name.substr(0, space))))
    return 0;
  return space + 1;
}

// Calls f(word) for each word inside the sentences (not the first of its
// sentence), the word as Tokens reads it (no final point or "'s").
template <typename F>
void ForEachInsideWord(std::string_view text, const std::vector<ByteSpan>& sentences, F&& f) {
  for (const ByteSpan& s : sentences) {
    bool first = true;
    size_t i = s.start;
    while (i < s.end) {
      if (!WordByte(text[i])) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < s.end && WordByte(text[end])) ++end;
      std::string_view word = text.substr(i, end - i);
      i = end;
      if (first) {
        first = false;
        continue;
      }
      if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
      if (word.size() > 1 && word.back() == '.' && word.find('.') == word.size() - 1)
        word.remove_suffix(1);
      f(word);
    }
  }
}

ProperNameEvidence::ProperNameEvidence(std::string_view text,
                                       const std::vector<ByteSpan>& sentences)
    : text_(text), sentences_(&sentences) {
  ForEachInsideWord(text, sentences, [this](std::string_view word) {
    const auto c = static_cast<unsigned char>(word[0]);
    if (!std::isalpha(c) && c < 0x80) return;  // numbers and signs are not words here
    ++words_;
    if (IsUpper(word[0])) ++capitalised_;
  });
}

bool ProperNameEvidence::SeenInside(std::string_view word) const {
  if (!collected_) {
    collected_ = true;
    ForEachInsideWord(text_, *sentences_, [this](std::string_view w) {
      if (IsUpper(w[0])) inside_.push_back(w);
    });
    std::sort(inside_.begin(), inside_.end());
    inside_.erase(std::unique(inside_.begin(), inside_.end()), inside_.end());
    for (const ByteSpan& s : *sentences_) {
      size_t i = s.start;
      while (i < s.end && !WordByte(text_[i])) ++i;
      size_t end = i;
      while (end < s.end && WordByte(text_[end])) ++end;
      if (end == i || !IsUpper(text_[i])) continue;
      size_t verb = end;
      while (verb < s.end && text_[verb] == ' ') ++verb;
      size_t verb_end = verb;
      while (verb_end < s.end && std::isalpha(static_cast<unsigned char>(text_[verb_end])))
        ++verb_end;
      if (verb == end || !In(kAgentVerbs, text_.substr(verb, verb_end - verb))) continue;
      agents_.push_back(text_.substr(i, end - i));
    }
  }
  if (std::binary_search(inside_.begin(), inside_.end(), word)) return true;
  // "Stripe said ...": an opener that speaks and is never printed in lower case.
  if (std::find(agents_.begin(), agents_.end(), word) == agents_.end()) return false;
  if (word.back() == 's' || In(kNotNames, word)) return false;  // "Analysts said", "Police"
  const std::string lower = AsciiLower(word);
  for (size_t at = text_.find(lower); at != std::string_view::npos;
       at = text_.find(lower, at + 1)) {
    const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(text_[at - 1]));
    const size_t end = at + lower.size();
    const bool ends = end == text_.size() || !std::isalpha(static_cast<unsigned char>(text_[end]));
    if (starts && ends) return false;
  }
  return true;
}

std::vector<ProperName> FindProperNames(std::string_view text, ByteSpan sentence,
                                        const ProperNameEvidence& evidence) {
  std::vector<ProperName> out;
  const std::vector<Token> tokens = Tokens(text, sentence);
  size_t i = 0;
  size_t skipped_end = 0;  // one past the last token of the last name refused
  while (i < tokens.size()) {
    if (!Capitalised(tokens[i].word) || tokens[i].word.size() < 2 || NotName(tokens[i].word)) {
      ++i;
      continue;
    }
    // The run of capitalised words from i, joined by connectors.
    size_t last = i;
    while (true) {
      if (!Adjacent(text, tokens, last)) break;
      const std::string_view next = tokens[last + 1].word;
      if (Capitalised(next) && !NotName(next)) {
        ++last;
      } else if (In(kConnectors, next) && Adjacent(text, tokens, last + 1) &&
                 Capitalised(tokens[last + 2].word) && !NotName(tokens[last + 2].word)) {
        last += 2;
      } else if (AllDigits(next) && next.size() <= 4 && NameShaped(tokens[last].word)) {
        ++last;  // "S&P 500", "FTSE 100"
        break;
      } else {
        break;
      }
    }
    size_t first = i;
    i = last + 1;
    const std::string before = first == 0 ? std::string() : AsciiLower(tokens[first - 1].word);
    // "by Patrick and John Collison": a name joined to a refused one shares its fate.
    const bool joined_to_refused =
        (before == "and" || before == "or") && first >= 1 && skipped_end == first - 1;
    if (In(kTitles, before) || In(kPlacePrepositions, before) || joined_to_refused ||
        (before == "the" && first > 1 && In(kInThe, AsciiLower(tokens[first - 2].word)))) {
      skipped_end = last + 1;  // "in the Cyprus branch"
      continue;
    }
    // "Ukrainian firms", "British regulators": a nationality, not a name.
    if (first == last && last + 1 < tokens.size() && !Capitalised(tokens[last + 1].word) &&
        !In(kSubjectVerbs, AsciiLower(tokens[last + 1].word)) && Nationality(tokens[first].word))
      continue;
    // "..., Eurostat said": the source of the sentence, not its subject.
    if (first > 0 && last + 1 < tokens.size() &&
        In(kSpeechVerbs, AsciiLower(tokens[last + 1].word))) {
      const size_t lead = before == "the" && first > 1 ? first - 1 : first;
      const Token& prev = tokens[lead - 1];
      if (text.substr(prev.span.end, tokens[lead].span.start - prev.span.end).find(',') !=
          std::string_view::npos)
        continue;
    }
    if (first == 0) {
      // A plain word opening the sentence ("Shares of Tesla", "Analysts") is
      // no name unless shaped like one or printed capitalised elsewhere.
      const std::string_view opener = tokens[0].word;
      const bool known = NameShaped(opener) || evidence.SeenInside(opener);
      if (!known) {
        if (first == last) continue;
        if (In(kConnectors, tokens[1].word)) {
          first = 2;  // "Shares of Tesla" → "Tesla"
          if (first > last) continue;
        }
      }
    }
    if (In(kTitles, AsciiLower(tokens[first].word))) continue;  // "President Biden"
    size_t name_last = last;
    while (name_last > first && In(kSuffixes, tokens[name_last].word)) --name_last;
    if (first == name_last && In(kNotNameAcronyms, tokens[first].word)) continue;
    bool only_common = true;  // "Police", "Group": not a name alone
    for (size_t t = first; t <= name_last && only_common; ++t)
      only_common = In(kInNamesOnly, tokens[t].word) || In(kConnectors, tokens[t].word);
    if (only_common) continue;
    if (first < name_last) {
      // "Perth-based Kestrel Minerals", "Nairobi-listed Kilima": the name
      // starts after the place it is based or listed in.
      const std::string_view opener = tokens[first].word;
      const size_t hyphen = opener.rfind('-');
      if (hyphen != std::string_view::npos && hyphen + 1 < opener.size() &&
          std::islower(static_cast<unsigned char>(opener[hyphen + 1])))
        ++first;
    }
    ProperName name;
    name.span = {tokens[first].span.start, tokens[last].span.start + tokens[last].word.size()};
    const size_t name_end = tokens[name_last].span.start + tokens[name_last].word.size();
    name.name =
        std::string(text.substr(tokens[first].span.start, name_end - tokens[first].span.start));
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace newsrecon
