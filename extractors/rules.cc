#include "extractors/rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <variant>

#include "pipeline/core/ascii.h"
#include "pipeline/core/embedded.h"

namespace newsrecon {
namespace {

// Big alternations of rules need more than RE2's default 8 MB to keep the DFA
// in memory; 64 MB holds every kind's scanner with room to spare.
constexpr int64_t kScannerMaxMem = 64 << 20;

RE2::Options RuleOptions() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(kScannerMaxMem);
  return o;
}

// Replaces {NAME} with the macro's body; NAME is [A-Z_0-9]+ starting with a letter.
StatusOr<std::string> Expand(std::string_view pattern,
                             const std::map<std::string, std::string, std::less<>>& macros) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'A' &&
        pattern[i + 1] <= 'Z') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool is_name = std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (is_name) {
          auto it = macros.find(name);
          if (it == macros.end())
            return Status::InvalidArgument("unknown macro {" + std::string(name) + "}");
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

// "(?P<name>" → "(?:" so that many rules can share one scanner.
std::string StripGroupNames(const std::string& pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 4, "(?P<") == 0 && (i == 0 || pattern[i - 1] != '\\')) {
      size_t close = pattern.find('>', i);
      if (close != std::string::npos) {
        out += "(?:";
        i = close;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

size_t NextCharBoundary(std::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

}  // namespace

ByteSpan ExtractContext::SentenceAround(size_t offset) const {
  if (sentences != nullptr && !sentences->empty()) {
    auto it = std::upper_bound(sentences->begin(), sentences->end(), offset,
                               [](size_t o, const ByteSpan& s) { return o < s.start; });
    if (it != sentences->begin()) {
      --it;
      if (offset < it->end || std::next(it) == sentences->end()) return *it;
      return *it;
    }
    return sentences->front();
  }
  return ByteSpan{0, text.size()};
}

std::string_view RuleMatch::Group(std::string_view name) const {
  auto it = rule_->group_index.find(name);
  if (it == rule_->group_index.end()) return {};
  const auto& [data, size] = groups_[it->second];
  if (data == nullptr) return {};
  return std::string_view(data, size);
}

bool RuleMatch::Has(std::string_view name) const {
  auto it = rule_->group_index.find(name);
  return it != rule_->group_index.end() && groups_[it->second].first != nullptr;
}

ByteSpan RuleMatch::GroupSpan(std::string_view name) const {
  auto it = rule_->group_index.find(name);
  const auto& [data, size] = groups_[it->second];
  size_t start = static_cast<size_t>(data - text_.data());
  return ByteSpan{start, start + size};
}

ByteSpan RuleMatch::MentionSpan() const { return Has("m") ? GroupSpan("m") : span_; }

RuleSet::RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

StatusOr<RuleSet> RuleSet::Parse(std::string_view file_name, std::string_view text,
                                 const ProductionTable& productions) {
  // Join continuation lines first, remembering where each statement began.
  std::vector<std::pair<int, std::string>> statements;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    std::string_view trimmed = TrimAsciiSpace(line);
    if (trimmed.empty() || trimmed.front() == '#') {
      if (pos > text.size()) break;
      continue;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !statements.empty()) {
      statements.back().second += std::string(trimmed);
    } else {
      statements.emplace_back(line_no, std::string(trimmed));
    }
    if (pos > text.size()) break;
  }

  RuleSet set;
  std::map<std::string, std::string, std::less<>> macros;
  auto error = [&](int line, const std::string& what) {
    return Status::InvalidArgument(std::string(file_name) + ":" + std::to_string(line) + ": " +
                                   what);
  };
  for (const auto& [line, stmt] : statements) {
    size_t eq = stmt.find(" = ");
    if (eq == std::string::npos) return error(line, "expected 'define|cue|rule NAME = PATTERN'");
    std::string_view head = TrimAsciiSpace(std::string_view(stmt).substr(0, eq));
    std::string_view body = TrimAsciiSpace(std::string_view(stmt).substr(eq + 3));
    auto expanded = Expand(body, macros);
    if (!expanded.ok()) return error(line, expanded.status().message());
    if (head.rfind("define ", 0) == 0) {
      macros[std::string(TrimAsciiSpace(head.substr(7)))] = *expanded;
    } else if (head.rfind("cue ", 0) == 0) {
      std::string name(TrimAsciiSpace(head.substr(4)));
      auto re = std::make_unique<RE2>(*expanded, RuleOptions());
      if (!re->ok()) return error(line, "cue " + name + ": " + re->error());
      auto suffix = std::make_unique<RE2>("(?:" + *expanded + ")\\s*$", RuleOptions());
      set.cues_[name] = std::move(re);
      set.suffix_cues_[name] = std::move(suffix);
    } else if (head.rfind("rule ", 0) == 0) {
      std::string_view spec = TrimAsciiSpace(head.substr(5));
      size_t arrow = spec.find("->");
      if (arrow == std::string_view::npos) return error(line, "rule needs '-> production'");
      Rule rule;
      rule.name = std::string(TrimAsciiSpace(spec.substr(0, arrow)));
      rule.production_name = std::string(TrimAsciiSpace(spec.substr(arrow + 2)));
      auto prod = productions.find(rule.production_name);
      if (prod == productions.end())
        return error(line,
                     "rule " + rule.name + ": unknown production '" + rule.production_name + "'");
      rule.production = prod->second;
      rule.pattern = *expanded;
      rule.re = std::make_unique<RE2>(rule.pattern, RuleOptions());
      if (!rule.re->ok()) return error(line, "rule " + rule.name + ": " + rule.re->error());
      for (const auto& [name, index] : rule.re->NamedCapturingGroups())
        rule.group_index[name] = index;
      set.rules_.push_back(std::move(rule));
    } else {
      return error(line, "unknown statement '" + std::string(head) + "'");
    }
  }
  if (set.rules_.empty() && set.cues_.empty())
    return Status::InvalidArgument(std::string(file_name) + ": no rules or cues");
  if (set.rules_.empty()) return set;
  std::string combined;
  for (const Rule& r : set.rules_) {
    if (!combined.empty()) combined += '|';
    combined += "(?:" + StripGroupNames(r.pattern) + ")";
  }
  set.exact_ = std::make_unique<RE2::Set>(RuleOptions(), RE2::ANCHOR_BOTH);
  for (const Rule& r : set.rules_) {
    std::string error;
    if (set.exact_->Add(StripGroupNames(r.pattern), &error) < 0)
      return Status::InvalidArgument(std::string(file_name) + ": rule " + r.name + ": " + error);
  }
  if (!set.exact_->Compile())
    return Status::InvalidArgument(std::string(file_name) + ": rule set does not compile");
  set.scanner_ = std::make_unique<RE2>(combined, RuleOptions());
  if (!set.scanner_->ok())
    return Status::InvalidArgument(std::string(file_name) +
                                   ": combined scanner: " + set.scanner_->error());
  return set;
}

bool RuleSet::MatchRule(const Rule& rule, std::string_view text, ByteSpan span,
                        RuleMatch* out) const {
  re2::StringPiece piece(text.data(), text.size());
  // Most rules do not match a given span: a DFA-only test (no captures)
  // rejects them before the slower capturing match.
  if (!rule.re->Match(piece, span.start, span.end, RE2::ANCHOR_BOTH, nullptr, 0)) return false;
  const int n = rule.re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(n);
  if (!rule.re->Match(piece, span.start, span.end, RE2::ANCHOR_BOTH, groups.data(), n))
    return false;
  out->rule_ = &rule;
  out->span_ = span;
  out->text_ = text;
  out->groups_.assign(n, {nullptr, 0});
  for (int i = 0; i < n; ++i) out->groups_[i] = {groups[i].data(), groups[i].size()};
  return true;
}

std::optional<Mention> RuleSet::MatchExactly(const ExtractContext& ctx, ByteSpan span) const {
  // The set sees the span without its surroundings, where a \b at either end
  // always holds: it names every rule that matches in context (and perhaps a
  // few more, which MatchRule then rejects).
  std::vector<int> may_match;
  re2::StringPiece piece(ctx.text.data() + span.start, span.size());
  if (!exact_->Match(piece, &may_match)) return std::nullopt;
  std::sort(may_match.begin(), may_match.end());
  for (int index : may_match) {
    const Rule& rule = rules_[index];
    RuleMatch m;
    if (!MatchRule(rule, ctx.text, span, &m)) continue;
    if (auto mention = rule.production(m, ctx)) {
      mention->rule = rule.name;
      return mention;
    }
  }
  return std::nullopt;
}

std::vector<Mention> RuleSet::FindAll(const ExtractContext& ctx) const {
  std::vector<Mention> candidates;
  std::vector<ByteSpan> whole_spans;  // each candidate's match, context included
  if (!scanner_) return candidates;
  std::string_view text = ctx.text;
  re2::StringPiece piece(text.data(), text.size());
  size_t pos = 0;
  re2::StringPiece whole;
  // After a match that carries context before its mention ("in March"), the
  // scan goes on from the next character, not after the match: a longer
  // mention may start a word later ("in March 2020" is "March 2020").
  while (pos < text.size()) {
    if (!scanner_->Match(piece, pos, text.size(), RE2::UNANCHORED, &whole, 1)) break;
    ByteSpan span{static_cast<size_t>(whole.data() - text.data()),
                  static_cast<size_t>(whole.data() - text.data()) + whole.size()};
    size_t next = NextCharBoundary(text, span.start);
    if (span.end > span.start) {
      std::optional<Mention> found = MatchExactly(ctx, span);
      // The longest match may be one its production refuses ("A$300 million
      // and C$45 million" is no range): a shorter match at the same start
      // may still stand ("A$300 million"). (Context beyond the shorter end is
      // still seen: RE2 reads \b against the whole text.)
      while (!found && span.end > span.start + 1 &&
             scanner_->Match(piece, span.start, span.end - 1, RE2::ANCHOR_START, &whole, 1) &&
             !whole.empty()) {
        span.end = span.start + whole.size();
        found = MatchExactly(ctx, span);
      }
      if (found) {
        // A match without context before its mention hides nothing: go on
        // after it. Rescanning every match is several times slower.
        if (found->span.start == span.start) next = std::max(next, span.end);
        candidates.push_back(std::move(*found));
        whole_spans.push_back(span);
      }
    }
    pos = next;
  }
  // The longest mention wins; a candidate whose match (context included)
  // overlaps the match of one already taken is dropped, so "Tuesday" in "Tuesday,
  // November 5, 2024" gives way to the full date. Ties go to the earlier.
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return candidates[a].span.size() > candidates[b].span.size();
  });
  std::vector<bool> taken(candidates.size(), false);
  std::map<size_t, size_t> accepted;  // start -> end, none overlapping
  for (size_t i : order) {
    const ByteSpan& s = whole_spans[i];
    auto next = accepted.lower_bound(s.start);
    if (next != accepted.end() && next->first < s.end) continue;
    if (next != accepted.begin() && std::prev(next)->second > s.start) continue;
    accepted.emplace(s.start, s.end);
    taken[i] = true;
  }
  std::vector<Mention> out;
  for (size_t i = 0; i < candidates.size(); ++i)
    if (taken[i]) out.push_back(std::move(candidates[i]));
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
  return out;
}

bool RuleSet::CueMatches(std::string_view name, std::string_view text) const {
  auto it = cues_.find(name);
  if (it == cues_.end()) return false;
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *it->second);
}

namespace {
// The span of group `h` (or the whole match) of an RE2 match.
std::optional<ByteSpan> MatchCue(const RE2& re, std::string_view text, RE2::Anchor anchor) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(n);
  re2::StringPiece piece(text.data(), text.size());
  if (!re.Match(piece, 0, text.size(), anchor, groups.data(), n)) return std::nullopt;
  re2::StringPiece chosen = groups[0];
  auto h = re.NamedCapturingGroups().find("h");
  if (h != re.NamedCapturingGroups().end() && groups[h->second].data() != nullptr)
    chosen = groups[h->second];
  size_t start = static_cast<size_t>(chosen.data() - text.data());
  return ByteSpan{start, start + chosen.size()};
}
}  // namespace

std::optional<ByteSpan> RuleSet::CueSuffix(std::string_view name, std::string_view text) const {
  auto it = suffix_cues_.find(name);
  if (it == suffix_cues_.end()) return std::nullopt;
  return MatchCue(*it->second, text, RE2::UNANCHORED);
}

std::optional<ByteSpan> RuleSet::CuePrefix(std::string_view name, std::string_view text) const {
  auto it = cues_.find(name);
  if (it == cues_.end()) return std::nullopt;
  return MatchCue(*it->second, text, RE2::ANCHOR_START);
}

StatusOr<RuleSet> LoadEmbeddedRules(std::string_view path, const ProductionTable& productions) {
  auto file = EmbeddedFile(path);
  if (!file) return Status::NotFound("rules file not embedded: " + std::string(path));
  return RuleSet::Parse(path, *file, productions);
}

Mention MentionOf(const RuleMatch& m, const ExtractContext& ctx, MentionValue value) {
  Mention out;
  out.kind = std::holds_alternative<DateValue>(value)    ? MentionKind::kDate
             : std::holds_alternative<MoneyValue>(value) ? MentionKind::kMoney
                                                         : MentionKind::kPercent;
  out.span = m.MentionSpan();
  out.text = std::string(ctx.text.substr(out.span.start, out.span.size()));
  out.value = std::move(value);
  return out;
}

std::optional<ParsedNumber> NumberInGroup(const RuleMatch& m, std::string_view group,
                                          const ExtractContext& ctx) {
  if (!m.Has(group)) return std::nullopt;
  const ByteSpan span = m.GroupSpan(group);
  if (PartOfLongerNumber(ctx.text, span.start, span.end)) return std::nullopt;
  return ParseNumber(m.Group(group), ctx.decimal_mark);
}

}  // namespace newsrecon
