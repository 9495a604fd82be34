#include "extractors/extractors.h"

#include <algorithm>
#include <span>

#include "extractors/date/date.h"
#include "extractors/money/money.h"
#include "extractors/percent/percent.h"

namespace newsrecon {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

StatusOr<MentionExtractor> MentionExtractor::Load() {
  auto dates = LoadEmbeddedRules("extractors/date/date.rules", DateProductions());
  if (!dates.ok()) return dates.status();
  auto money = LoadEmbeddedRules("extractors/money/money.rules", MoneyProductions());
  if (!money.ok()) return money.status();
  auto percent = LoadEmbeddedRules("extractors/percent/percent.rules", PercentProductions());
  if (!percent.ok()) return percent.status();
  auto hedges = LoadEmbeddedRules("extractors/hedge/hedge.rules", ProductionTable{});
  if (!hedges.ok()) return hedges.status();
  return MentionExtractor(std::move(*dates), std::move(*money), std::move(*percent),
                          std::move(*hedges));
}

void MentionExtractor::SetHedge(std::string_view text, ByteSpan sentence, Mention* m) const {
  size_t from = m->span.start > kHedgeWindowBytes ? m->span.start - kHedgeWindowBytes : 0;
  from = std::max(from, sentence.start);
  std::string_view before = text.substr(from, m->span.start - from);
  size_t to = std::min(std::min(text.size(), m->span.end + kHedgeWindowBytes),
                       std::max(sentence.end, m->span.end));
  std::string_view after = text.substr(m->span.end, to - m->span.end);

  struct Option {
    std::string_view cue;
    Hedge hedge;
    bool after;
  };
  static constexpr Option kMoneyOptions[] = {
      {"about", Hedge::kAbout, false},      {"more_than", Hedge::kMoreThan, false},
      {"up_to", Hedge::kUpTo, false},       {"after_more_than", Hedge::kMoreThan, true},
      {"after_about", Hedge::kAbout, true}, {"after_up_to", Hedge::kUpTo, true},
  };
  static constexpr Option kDateOptions[] = {{"date_about", Hedge::kAbout, false}};
  const bool is_date = m->kind == MentionKind::kDate;
  auto options =
      is_date ? std::span<const Option>(kDateOptions) : std::span<const Option>(kMoneyOptions);
  for (const Option& o : options) {
    std::optional<ByteSpan> hit =
        o.after ? hedges_.CuePrefix(o.cue, after) : hedges_.CueSuffix(o.cue, before);
    if (!hit) continue;
    std::string_view base = o.after ? after : before;
    m->hedge = o.hedge;
    m->hedge_text = std::string(TrimView(base.substr(hit->start, hit->size())));
    return;
  }
}

std::vector<Mention> MentionExtractor::Find(std::string_view text,
                                            std::optional<CivilDate> reference,
                                            const std::vector<ByteSpan>& sentences,
                                            DecimalMark mark) const {
  std::vector<Mention> all;
  for (const RuleSet* rules : {&dates_, &money_, &percent_}) {
    ExtractContext ctx{text, reference, &sentences, rules, mark};
    std::vector<Mention> found = rules->FindAll(ctx);
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.size() > b.span.size();
  });
  // Across kinds, the longer of two overlapping mentions wins.
  std::vector<Mention> out;
  for (Mention& m : all) {
    if (!out.empty() && m.span.start < out.back().span.end) {
      if (m.span.size() > out.back().span.size()) out.back() = std::move(m);
      continue;
    }
    out.push_back(std::move(m));
  }
  ExtractContext ctx{text, reference, &sentences, &dates_};
  for (Mention& m : out) SetHedge(text, ctx.SentenceAround(m.span.start), &m);
  return out;
}

}  // namespace newsrecon
