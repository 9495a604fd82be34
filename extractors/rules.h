// The rule engine every extractor kind shares: named RE2 patterns kept as data
// (extractors/<kind>/<kind>.rules) and small typed productions in C++.
//
// A rules file is plain text, one statement a line (a line that starts with
// white space continues the one before it; '#' starts a comment line):
//
//   define MONTH = (?:January|February|...)      a macro, used as {MONTH}
//   cue future = \b(?:will|shall)\b               a pattern productions may ask for
//   rule date.month_year -> month_year = \b(?P<month>{MONTH}),?\s(?P<year>{YEAR})\b
//
// A rule has a name (kind.what), the production that turns its match into a
// Mention, and a pattern. Named groups carry the parts the production reads;
// a group named `m`, when present, marks the mention itself inside a match
// that also holds context ("in (?P<m>2019)").
//
// Matching: all rules of a file are scanned at once, as one alternation run
// by RE2's DFA (leftmost-longest), so the cost is one pass over the text
// whatever the number of rules. Each match is then given to the first rule
// that matches exactly that span (an RE2::Set names the rules that may, in one
// pass), and that rule's production decides. After
// a match with context before its mention, or one the production rejects, the
// scan restarts one character after the match's start, so a longer mention a
// word later is still seen; among overlapping candidates the longest mention
// wins ("in March 2020" gives "March 2020", not "March"). RE2 has
// no lookaround: context conditions ("May" the verb is not a month) belong in
// the patterns' explicit context or in the production, which sees the text.
//
// Thread-safety: a RuleSet is immutable after Parse and safe to share.
#ifndef NEWSRECON_EXTRACTORS_RULES_H_
#define NEWSRECON_EXTRACTORS_RULES_H_

#include <re2/set.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/number.h"
#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"
#include "pipeline/core/claim.h"
#include "pipeline/core/status.h"

namespace newsrecon {

class RuleSet;

// What a production may look at besides its match.
struct ExtractContext {
  std::string_view text;                             // the whole (normalized) text
  std::optional<CivilDate> reference;                // publication date, for relative dates
  const std::vector<ByteSpan>* sentences = nullptr;  // may be null
  const RuleSet* rules = nullptr;                    // for cue lookups
  DecimalMark decimal_mark = DecimalMark::kPoint;    // the text's language's
  // Whether a relative date may be counted from a date before it in its
  // sentence ("in 2024 ... a year earlier"); off while that date is sought.
  bool anchor_in_text = true;

  // The sentence around `offset`, or the whole text when sentences are unknown.
  ByteSpan SentenceAround(size_t offset) const;
};

struct Rule;

// One match of one rule, with its named groups.
class RuleMatch {
 public:
  const Rule& rule() const { return *rule_; }
  ByteSpan span() const { return span_; }  // the whole match
  // The group's text, or "" when it did not take part.
  std::string_view Group(std::string_view name) const;
  bool Has(std::string_view name) const;
  // The group's span in the text. REQUIRES: Has(name).
  ByteSpan GroupSpan(std::string_view name) const;
  // The mention: group `m` if the rule has one, else the whole match.
  ByteSpan MentionSpan() const;

 private:
  friend class RuleSet;
  const Rule* rule_ = nullptr;
  ByteSpan span_;
  std::string_view text_;
  std::vector<std::pair<const char*, size_t>> groups_;  // (data, size) by group index
};

using Production = std::optional<Mention> (*)(const RuleMatch&, const ExtractContext&);
using ProductionTable = std::map<std::string, Production, std::less<>>;

struct Rule {
  std::string name;             // "date.month_year"
  std::string production_name;  // "month_year"
  std::string pattern;          // with macros expanded
  Production production = nullptr;
  std::unique_ptr<re2::RE2> re;
  std::map<std::string, int, std::less<>> group_index;
};

class RuleSet {
 public:
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  // Parses and compiles a rules file. Fails, naming the file and line, on a
  // syntax error, an unknown macro or production, or a pattern RE2 rejects.
  static StatusOr<RuleSet> Parse(std::string_view file_name, std::string_view text,
                                 const ProductionTable& productions);

  // Every mention the rules find in ctx.text, in text order, none overlapping.
  // Spans are into ctx.text.
  std::vector<Mention> FindAll(const ExtractContext& ctx) const;

  // Runs the rules on exactly `span` of ctx.text and returns the first rule's
  // production result; for tests and `explain`.
  std::optional<Mention> MatchExactly(const ExtractContext& ctx, ByteSpan span) const;

  // True when cue `name` matches somewhere in `text`. Unknown cues never match.
  bool CueMatches(std::string_view name, std::string_view text) const;
  // The cue's match ending exactly at the end of `text` (for words before a
  // mention), as the span of its group `h` or the whole match; nullopt if none.
  std::optional<ByteSpan> CueSuffix(std::string_view name, std::string_view text) const;

  // The cue's match starting exactly at the start of `text` (for words after
  // a mention), as the span of group `h` or the whole match; nullopt if none.
  std::optional<ByteSpan> CuePrefix(std::string_view name, std::string_view text) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  RuleSet();
  bool MatchRule(const Rule& rule, std::string_view text, ByteSpan span, RuleMatch* out) const;

  std::vector<Rule> rules_;
  std::unique_ptr<re2::RE2> scanner_;
  // All rules anchored at both ends: which rules may match a span, in one DFA
  // pass, before the candidates are matched in context with captures.
  std::unique_ptr<re2::RE2::Set> exact_;
  std::map<std::string, std::unique_ptr<re2::RE2>, std::less<>> cues_;
  std::map<std::string, std::unique_ptr<re2::RE2>, std::less<>> suffix_cues_;
};

// Loads an embedded rules file ("extractors/date/date.rules").
StatusOr<RuleSet> LoadEmbeddedRules(std::string_view path, const ProductionTable& productions);

// What every production returns in the end: a mention of the value's kind at
// the match's mention span, with its text as printed in the context.
Mention MentionOf(const RuleMatch& m, const ExtractContext& ctx, MentionValue value);

// The figure in group `group` of `m`, read by ParseNumber; nullopt when the
// group is absent, does not read, or holds only part of a longer number of
// the text ("99" of "7,99": PartOfLongerNumber). Read with ctx.decimal_mark.
std::optional<ParsedNumber> NumberInGroup(const RuleMatch& m, std::string_view group,
                                          const ExtractContext& ctx);

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_RULES_H_
