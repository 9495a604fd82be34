#include "extractors/date/date.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <string>

#include "extractors/number.h"
#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

// A day named without a year ("May 5") in a sentence that speaks of the
// future is the first one after the publication date, or up to this many days
// before it (the story was written earlier, or the sentence looks back too:
// "launched yesterday (Nov. 7) ... will be raised").
constexpr int kFutureSlackDays = 7;
// In a clause that speaks of the past, a day ahead of the publication date
// counts this many times its distance against the one behind it: "on Nov. 29"
// three weeks ahead is still read as this year's ("well ahead of a Nov. 29
// meeting", "asked" notwithstanding), five months ahead no longer.
constexpr long kPastClauseFutureWeight = 3;

int MonthNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kPrefixes = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = AsciiLower(name.substr(0, 3));
  for (size_t i = 0; i < kPrefixes.size(); ++i)
    if (lower == kPrefixes[i]) return static_cast<int>(i) + 1;
  return 0;
}

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The first and last day of a part of a month or year.
struct PartRange {
  std::string_view part;                // canonical name, stored in DateValue::part
  int month_first_day, month_last_day;  // 0 = the month's last day
  int year_first_month, year_last_month;
};

// Each part of a month or year, as days of the month and months of the year.
constexpr std::array<PartRange, 7> kParts{{
    {"early", 1, 10, 1, 4},
    {"mid", 11, 20, 5, 8},
    {"late", 21, 0, 9, 12},
    {"end", 21, 0, 10, 12},
    {"start", 1, 10, 1, 3},
    {"first half", 1, 15, 1, 6},
    {"second half", 16, 0, 7, 12},
}};

const PartRange* FindPart(std::string_view text) {
  std::string p = AsciiLower(text);
  if (p.rfind("the ", 0) == 0) p = p.substr(4);
  std::string_view name;
  if (p == "early")
    name = "early";
  else if (p == "mid" || p.rfind("middle", 0) == 0)
    name = "mid";
  else if (p == "late")
    name = "late";
  else if (p.rfind("end", 0) == 0)
    name = "end";
  else if (p.rfind("beginning", 0) == 0 || p.rfind("start", 0) == 0)
    name = "start";
  else if (p.rfind("first half", 0) == 0)
    name = "first half";
  else if (p.rfind("second half", 0) == 0)
    name = "second half";
  for (const PartRange& r : kParts)
    if (r.part == name) return &r;
  return nullptr;
}

Mention MakeDate(const RuleMatch& m, const ExtractContext& ctx, CivilDate first, CivilDate last,
                 Granularity g, bool relative, std::string_view part = {}) {
  DateValue v;
  v.first = first;
  v.last = last;
  v.granularity = g;
  v.resolution = relative ? DateResolution::kRelative : DateResolution::kAbsolute;
  if (relative) v.anchor = ctx.reference;
  v.part = std::string(part);
  return MentionOf(m, ctx, std::move(v));
}

Mention WholeMonth(const RuleMatch& m, const ExtractContext& ctx, int year, int month,
                   bool relative, const PartRange* part = nullptr) {
  if (part == nullptr)
    return MakeDate(m, ctx, FirstDayOfMonth(year, month), LastDayOfMonth(year, month),
                    Granularity::kMonth, relative);
  int last = part->month_last_day == 0 ? DaysInMonth(year, month) : part->month_last_day;
  return MakeDate(m, ctx, CivilDate{year, month, part->month_first_day},
                  CivilDate{year, month, last}, Granularity::kDay, relative, part->part);
}

Mention WholeYear(const RuleMatch& m, const ExtractContext& ctx, int year, bool relative,
                  const PartRange* part = nullptr) {
  if (part == nullptr)
    return MakeDate(m, ctx, CivilDate{year, 1, 1}, CivilDate{year, 12, 31}, Granularity::kYear,
                    relative);
  return MakeDate(m, ctx, FirstDayOfMonth(year, part->year_first_month),
                  LastDayOfMonth(year, part->year_last_month), Granularity::kMonth, relative,
                  part->part);
}

// Whether a past verb stands right before the date ("said on Sept. 25").
bool PastVerbBefore(const RuleMatch& m, const ExtractContext& ctx) {
  if (ctx.rules == nullptr) return false;
  const ByteSpan s = ctx.SentenceAround(m.span().start);
  const size_t mention = std::max(m.MentionSpan().start, s.start);
  return ctx.rules->CueMatches("past_verb_before", ctx.text.substr(s.start, mention - s.start));
}

// Whether the date's sentence holds a word of the future ("will", "is
// expected to").
bool HasFutureCue(const RuleMatch& m, const ExtractContext& ctx) {
  if (ctx.rules == nullptr) return false;
  const ByteSpan s = ctx.SentenceAround(m.span().start);
  return ctx.rules->CueMatches("future", ctx.text.substr(s.start, s.size()));
}

// Whether the sentence puts the date in the future, unless a past verb stands
// right before it ("said on Thursday").
bool SpeaksOfFuture(const RuleMatch& m, const ExtractContext& ctx) {
  return HasFutureCue(m, ctx) && !PastVerbBefore(m, ctx);
}

// Whether the date's clause (its sentence cut at commas, semicolons, colons
// and brackets) holds a past form.
bool SpeaksOfPast(const RuleMatch& m, const ExtractContext& ctx) {
  if (ctx.rules == nullptr) return false;
  const ByteSpan s = ctx.SentenceAround(m.span().start);
  const ByteSpan mention = m.MentionSpan();
  constexpr std::string_view kClauseEnds = ",;:()[]";
  size_t start = std::max(mention.start, s.start),
         end = std::min(std::max(mention.end, start), s.end);
  while (start > s.start && kClauseEnds.find(ctx.text[start - 1]) == std::string_view::npos)
    --start;
  while (end < s.end && kClauseEnds.find(ctx.text[end]) == std::string_view::npos) ++end;
  return ctx.rules->CueMatches("past", ctx.text.substr(start, end - start));
}

enum class Direction { kPastStrict, kFutureStrict, kThisYear, kRecent, kUpcoming };

// The year of `month` relative to the reference month.
int ResolveMonthYear(int month, const CivilDate& ref, Direction d) {
  switch (d) {
    case Direction::kPastStrict:
      return month < ref.month ? ref.year : ref.year - 1;
    case Direction::kFutureStrict:
      return month > ref.month ? ref.year : ref.year + 1;
    case Direction::kThisYear:
      return ref.year;
    case Direction::kRecent:
      return month <= ref.month ? ref.year : ref.year - 1;
    case Direction::kUpcoming:
      return month >= ref.month ? ref.year : ref.year + 1;
  }
  return ref.year;
}

std::optional<int> RelativeYearOffset(std::string_view text) {
  std::string t = AsciiLower(text);
  if (t == "this year" || t == "the year") return 0;
  if (t == "last year" || t == "the previous year") return -1;
  if (t == "next year" || t == "the following year") return 1;
  return std::nullopt;
}

// ----- productions -----

std::optional<Mention> Iso(const RuleMatch& m, const ExtractContext& ctx) {
  int y = Digits(m.Group("year")), mo = Digits(m.Group("month")), d = Digits(m.Group("day"));
  if (!IsValidDate(y, mo, d)) return std::nullopt;
  return MakeDate(m, ctx, {y, mo, d}, {y, mo, d}, Granularity::kDay, false);
}

std::optional<Mention> Numeric(const RuleMatch& m, const ExtractContext& ctx) {
  int a = Digits(m.Group("a")), b = Digits(m.Group("b")), y = Digits(m.Group("year"));
  int day, month;
  if (a > 12 && b <= 12) {
    day = a, month = b;
  } else if (b > 12 && a <= 12) {
    month = a, day = b;
  } else if (a == b) {
    day = month = a;
  } else {
    return std::nullopt;  // 04/05/2026: day-month or month-day; the text does not say
  }
  if (!IsValidDate(y, month, day)) return std::nullopt;
  return MakeDate(m, ctx, {y, month, day}, {y, month, day}, Granularity::kDay, false);
}

std::optional<Mention> DayMonthYear(const RuleMatch& m, const ExtractContext& ctx) {
  int y = Digits(m.Group("year")), mo = MonthNumber(m.Group("month")), d = Digits(m.Group("day"));
  if (!IsValidDate(y, mo, d)) return std::nullopt;
  return MakeDate(m, ctx, {y, mo, d}, {y, mo, d}, Granularity::kDay, false);
}

std::optional<Mention> MonthDay(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  const CivilDate& ref = *ctx.reference;
  int mo = MonthNumber(m.Group("month")), d = Digits(m.Group("day"));
  if (!IsValidDate(2000, mo, d)) return std::nullopt;  // 2000 is a leap year: Feb 29 passes
  // The candidates are this day in the year before, of and after the
  // publication date ("January 1" in late December is next week's).
  const bool reported = PastVerbBefore(m, ctx);  // "said on Sept. 25": not after publication
  const bool past = !reported && SpeaksOfPast(m, ctx);
  const bool future = !reported && HasFutureCue(m, ctx);
  // A sentence with both cues ("She returned on December 27 and made plans to
  // meet a friend") is read by nearness alone.
  const bool look_ahead = future && !past;
  const long future_weight = past && !future ? kPastClauseFutureWeight : 1;
  std::optional<CivilDate> chosen;
  long chosen_cost = 0;
  for (int year = ref.year - 1; year <= ref.year + 1; ++year) {
    if (!IsValidDate(year, mo, d)) continue;
    CivilDate c{year, mo, d};
    long ahead = c.DaysSinceEpoch() - ref.DaysSinceEpoch();
    if (look_ahead) {
      // The first one from shortly before the publication date on.
      if (ahead >= -kFutureSlackDays && !chosen) chosen = c;
      continue;
    }
    if (reported && ahead > 0) continue;
    // The nearest one, days ahead weighed against a past clause; the earlier
    // on a tie.
    const long cost = ahead < 0 ? -ahead : ahead * future_weight;
    if (!chosen || cost < chosen_cost) {
      chosen = c;
      chosen_cost = cost;
    }
  }
  if (!chosen) return std::nullopt;
  return MakeDate(m, ctx, *chosen, *chosen, Granularity::kDay, true);
}

std::optional<Mention> MonthYear(const RuleMatch& m, const ExtractContext& ctx) {
  int mo = MonthNumber(m.Group("month"));
  if (mo == 0) return std::nullopt;
  return WholeMonth(m, ctx, Digits(m.Group("year")), mo, false);
}

// A month with no year: the most recent, or the next when the sentence speaks
// of the future.
std::optional<int> BareMonthYear(const RuleMatch& m, const ExtractContext& ctx, int month) {
  if (!ctx.reference) return std::nullopt;
  return ResolveMonthYear(month, *ctx.reference,
                          SpeaksOfFuture(m, ctx) ? Direction::kUpcoming : Direction::kRecent);
}

std::optional<Mention> PartMonth(const RuleMatch& m, const ExtractContext& ctx) {
  const PartRange* part = FindPart(m.Group("part"));
  int mo = MonthNumber(m.Group("month"));
  if (part == nullptr || mo == 0) return std::nullopt;
  if (m.Has("year")) return WholeMonth(m, ctx, Digits(m.Group("year")), mo, false, part);
  if (!ctx.reference) return std::nullopt;
  if (m.Has("relyear")) {
    auto offset = RelativeYearOffset(m.Group("relyear"));
    if (!offset) return std::nullopt;
    return WholeMonth(m, ctx, ctx.reference->year + *offset, mo, true, part);
  }
  auto year = BareMonthYear(m, ctx, mo);
  if (!year) return std::nullopt;
  return WholeMonth(m, ctx, *year, mo, true, part);
}

std::optional<Mention> PartYear(const RuleMatch& m, const ExtractContext& ctx) {
  const PartRange* part = FindPart(m.Group("part"));
  if (part == nullptr) return std::nullopt;
  return WholeYear(m, ctx, Digits(m.Group("year")), false, part);
}

std::optional<Mention> PartRelYear(const RuleMatch& m, const ExtractContext& ctx) {
  const PartRange* part = FindPart(m.Group("part"));
  auto offset = RelativeYearOffset(m.Group("relyear"));
  if (part == nullptr || !offset || !ctx.reference) return std::nullopt;
  return WholeYear(m, ctx, ctx.reference->year + *offset, true, part);
}

std::optional<Mention> RelMonth(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  int mo = MonthNumber(m.Group("month"));
  std::string rel = AsciiLower(m.Group("rel"));
  Direction d = Direction::kThisYear;
  if (rel == "last" || rel == "past" || rel == "previous") d = Direction::kPastStrict;
  if (rel == "next" || rel == "coming") d = Direction::kFutureStrict;
  return WholeMonth(m, ctx, ResolveMonthYear(mo, *ctx.reference, d), mo, true);
}

std::optional<Mention> MonthRelYear(const RuleMatch& m, const ExtractContext& ctx) {
  auto offset = RelativeYearOffset(m.Group("relyear"));
  int mo = MonthNumber(m.Group("month"));
  if (!offset || !ctx.reference || mo == 0) return std::nullopt;
  return WholeMonth(m, ctx, ctx.reference->year + *offset, mo, true);
}

std::optional<Mention> RelUnit(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  const CivilDate& ref = *ctx.reference;
  std::string rel = AsciiLower(m.Group("rel")), unit = AsciiLower(m.Group("unit"));
  int offset = rel == "last" ? -1 : rel == "next" ? 1 : 0;
  if (unit == "year") return WholeYear(m, ctx, ref.year + offset, true);
  if (unit == "month") {
    CivilDate d = FirstDayOfMonth(ref.year, ref.month).AddMonths(offset);
    return WholeMonth(m, ctx, d.year, d.month, true);
  }
  if (unit == "quarter") {
    int index = ref.year * 4 + (ref.month - 1) / 3 + offset;
    int y = index / 4, q = index % 4;
    return MakeDate(m, ctx, FirstDayOfMonth(y, q * 3 + 1), LastDayOfMonth(y, q * 3 + 3),
                    Granularity::kQuarter, true);
  }
  // A week runs Monday to Sunday (ISO 8601).
  CivilDate monday = ref.AddDays(1 - ref.IsoWeekday() + 7L * offset);
  return MakeDate(m, ctx, monday, monday.AddDays(6), Granularity::kDay, true);
}

std::optional<Mention> EarlierLater(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  const CivilDate& ref = *ctx.reference;
  std::string unit = AsciiLower(m.Group("unit"));
  CivilDate first, last;
  Granularity g = Granularity::kDay;
  if (unit == "year") {
    first = {ref.year, 1, 1}, last = {ref.year, 12, 31};
  } else if (unit == "month") {
    first = FirstDayOfMonth(ref.year, ref.month), last = LastDayOfMonth(ref.year, ref.month);
  } else {
    first = ref.AddDays(1 - ref.IsoWeekday()), last = first.AddDays(6);
  }
  bool earlier = AsciiLower(m.Group("side")) == "earlier";
  if (earlier)
    last = ref;
  else
    first = ref;
  return MakeDate(m, ctx, first, last, g, true, earlier ? "earlier" : "later");
}

std::optional<Mention> Quarter(const RuleMatch& m, const ExtractContext& ctx) {
  int q = 0;
  if (m.Has("q")) {
    q = Digits(m.Group("q"));
  } else {
    char c = AsciiLower(m.Group("qword")[0]);
    q = c == 'f'   ? (AsciiLower(m.Group("qword")).rfind("fo", 0) == 0 ? 4 : 1)
        : c == 's' ? 2
        : c == 't' ? 3
                   : Digits(m.Group("qword"));
  }
  if (q < 1 || q > 4) return std::nullopt;
  int year;
  bool relative = false;
  if (m.Has("year")) {
    year = Digits(m.Group("year"));
  } else {
    auto offset = RelativeYearOffset(m.Group("relyear"));
    if (!offset || !ctx.reference) return std::nullopt;
    year = ctx.reference->year + *offset;
    relative = true;
  }
  const std::string text = AsciiLower(ctx.text.substr(m.span().start, m.span().size()));
  const bool fiscal =
      text.find("fiscal") != std::string::npos || text.find("fy") != std::string::npos;
  return MakeDate(m, ctx, FirstDayOfMonth(year, q * 3 - 2), LastDayOfMonth(year, q * 3),
                  Granularity::kQuarter, relative, fiscal ? kFiscalPart : std::string_view{});
}

// "fiscal 2027", "FY24", "FY2024-25": the calendar year(s) named, marked fiscal.
std::optional<Mention> FiscalYear(const RuleMatch& m, const ExtractContext& ctx) {
  auto year_of = [](std::string_view digits, int century) {
    const int y = Digits(digits);
    return digits.size() == 2 ? century + y : y;
  };
  const int first = year_of(m.Group("year"), 2000);
  int last = first;
  if (m.Has("year2")) {
    last = year_of(m.Group("year2"), first / 100 * 100);
    if (last != first + 1) return std::nullopt;  // "FY2024-25" spans two years, no more
  }
  if (first < 1800 || first > 2099) return std::nullopt;
  return MakeDate(m, ctx, CivilDate{first, 1, 1}, CivilDate{last, 12, 31}, Granularity::kYear,
                  false, kFiscalPart);
}

std::optional<Mention> HalfYear(const RuleMatch& m, const ExtractContext& ctx) {
  int h = m.Has("h") ? Digits(m.Group("h")) : (AsciiLower(m.Group("hword")) == "first" ? 1 : 2);
  int year = Digits(m.Group("year"));
  return MakeDate(m, ctx, FirstDayOfMonth(year, h == 1 ? 1 : 7),
                  LastDayOfMonth(year, h == 1 ? 6 : 12), Granularity::kMonth, false,
                  h == 1 ? "first half" : "second half");
}

// True when `after` (the text after a number) names a street within a few
// capitalised words: " Pennsylvania Avenue", " Lakeshore Drive", " K St.".
bool IsStreetAddress(std::string_view after) {
  static constexpr std::array<std::string_view, 14> kStreetWords = {
      "Street", "St",   "Avenue",    "Ave",  "Road", "Rd",    "Drive",
      "Dr",     "Lane", "Boulevard", "Blvd", "Way",  "Place", "Court"};
  size_t pos = 0;
  for (int word = 0; word < 4; ++word) {
    if (pos >= after.size() || after[pos] != ' ') return false;
    ++pos;
    if (pos >= after.size() || !std::isupper(static_cast<unsigned char>(after[pos]))) return false;
    size_t end = pos;
    while (end < after.size() && std::isalpha(static_cast<unsigned char>(after[end]))) ++end;
    std::string_view w = after.substr(pos, end - pos);
    for (std::string_view s : kStreetWords)
      if (w == s) return true;
    pos = end;
  }
  return false;
}

// A year after a cue word. Not a year when a percent sign, a unit or more
// digits follow: "in 2019 cases", "by 2025%" and "of 2020,000" are counts.
std::optional<Mention> Year(const RuleMatch& m, const ExtractContext& ctx) {
  std::string_view after = ctx.text.substr(m.span().end);
  if (!after.empty() && (after[0] == '%' || after[0] == ',' || after[0] == '.') &&
      after.size() > 1 && std::isdigit(static_cast<unsigned char>(after[1])))
    return std::nullopt;
  if (!after.empty() && after[0] == '%') return std::nullopt;
  static constexpr std::array<std::string_view, 16> kCountNouns = {
      " people",    " percent",  " per cent", " units", " votes", " jobs",
      " employees", " cases",    " points",   " pts",   " homes", " households",
      " students",  " patients", " deaths",   " troops"};
  std::string next = AsciiLower(after.substr(0, 16));
  for (std::string_view noun : kCountNouns)
    if (next.rfind(noun, 0) == 0 && (next.size() == noun.size() ||
                                     !std::isalpha(static_cast<unsigned char>(next[noun.size()]))))
      return std::nullopt;
  // A house number: "moved to 2020 Lakeshore Drive", "from 1800 Main St".
  if (IsStreetAddress(after)) return std::nullopt;
  return WholeYear(m, ctx, Digits(m.Group("year")), false);
}

std::optional<Mention> YearRange(const RuleMatch& m, const ExtractContext& ctx) {
  int y1 = Digits(m.Group("year"));
  std::string_view second = m.Group("year2");
  int y2 = Digits(second);
  if (second.size() == 2) y2 += y1 / 100 * 100;
  if (y2 <= y1 || y2 - y1 > 100) return std::nullopt;
  return MakeDate(m, ctx, {y1, 1, 1}, {y2, 12, 31}, Granularity::kYear, false);
}

std::optional<Mention> Decade(const RuleMatch& m, const ExtractContext& ctx) {
  int start = Digits(m.Group("decade"));
  std::string_view text = m.Group("m");
  int first = start, last = start + 9;
  std::string part;
  if (text.rfind("early", 0) == 0) last = start + 3, part = "early";
  if (text.rfind("mid", 0) == 0) first = start + 3, last = start + 6, part = "mid";
  if (text.rfind("late", 0) == 0) first = start + 7, part = "late";
  return MakeDate(m, ctx, {first, 1, 1}, {last, 12, 31}, Granularity::kYear, false, part);
}

std::optional<Mention> BareMonth(const RuleMatch& m, const ExtractContext& ctx) {
  int mo = MonthNumber(m.Group("month"));
  std::string prep = AsciiLower(m.Group("prep"));
  if (mo == 0 || !ctx.reference) return std::nullopt;
  // "since March" and "after March" look back; the rest follow the sentence's tense.
  Direction d = (prep == "since" || prep == "last")
                    ? Direction::kRecent
                    : (SpeaksOfFuture(m, ctx) ? Direction::kUpcoming : Direction::kRecent);
  const PartRange* part =
      (prep == "early" || prep == "late" || prep == "mid") ? FindPart(prep) : nullptr;
  return WholeMonth(m, ctx, ResolveMonthYear(mo, *ctx.reference, d), mo, true, part);
}

std::optional<Mention> Weekday(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  std::string name = AsciiLower(m.Group("weekday"));
  int target = 0;
  for (size_t i = 0; i < kDays.size(); ++i)
    if (kDays[i] == name) target = static_cast<int>(i) + 1;
  const CivilDate& ref = *ctx.reference;
  std::string rel = AsciiLower(m.Group("rel"));
  int back = (ref.IsoWeekday() - target + 7) % 7;   // days since the most recent
  int ahead = (target - ref.IsoWeekday() + 7) % 7;  // days to the next
  CivilDate day;
  if (rel == "last" || rel == "this past") {
    day = ref.AddDays(-(back == 0 ? 7 : back));
  } else if (rel == "next" || rel == "this coming") {
    day = ref.AddDays(ahead == 0 ? 7 : ahead);
  } else if (SpeaksOfFuture(m, ctx)) {
    day = ref.AddDays(ahead);
  } else {
    day = ref.AddDays(-back);
  }
  return MakeDate(m, ctx, day, day, Granularity::kDay, true);
}

std::optional<Mention> Deictic(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  std::string w = AsciiLower(m.Group("word"));
  long offset = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
  CivilDate d = ctx.reference->AddDays(offset);
  return MakeDate(m, ctx, d, d, Granularity::kDay, true);
}

// "three years", "a couple of months": the count and the unit's first letter
// ('d'ay, 'w'eek, 'm'onth, 'y'ear; decades as years), or nullopt when vague.
struct UnitCount {
  int count = 0;
  char unit = 'd';
};
std::optional<UnitCount> CountAndUnit(const RuleMatch& m) {
  std::string count = AsciiLower(m.Group("count"));
  int n = 0;
  if (count == "a couple of")
    n = 2;
  else if (auto parsed = ParseNumber(count))
    n = static_cast<int>(parsed->value);
  else
    return std::nullopt;  // "several", "a few": too vague to place
  std::string unit = AsciiLower(m.Group("unit"));
  if (unit.rfind("decade", 0) == 0) return UnitCount{10 * n, 'y'};
  return UnitCount{n, unit[0]};
}

// Whether counting `span` back from `from` stays within the calendar (year 1 on).
bool CountsBackWithinCalendar(const CivilDate& from, UnitCount span) {
  const long months = span.unit == 'y' ? 12L * span.count : span.unit == 'm' ? span.count : 0;
  return from.year * 12L - months > 12;
}

std::optional<Mention> Ago(const RuleMatch& m, const ExtractContext& ctx) {
  if (!ctx.reference) return std::nullopt;
  std::optional<UnitCount> span = CountAndUnit(m);
  if (!span) return std::nullopt;
  const int n = span->count;
  const CivilDate& ref = *ctx.reference;
  if (!CountsBackWithinCalendar(ref, *span)) return std::nullopt;
  switch (span->unit) {
    case 'd': {
      CivilDate d = ref.AddDays(-n);
      return MakeDate(m, ctx, d, d, Granularity::kDay, true);
    }
    case 'w': {
      CivilDate d = ref.AddDays(-7L * n);
      return MakeDate(m, ctx, d.AddDays(-3), d.AddDays(3), Granularity::kDay, true);
    }
    case 'm': {
      CivilDate d = ref.AddMonths(-n);
      return WholeMonth(m, ctx, d.year, d.month, true);
    }
    default:
      return WholeYear(m, ctx, ref.year - n, true);
  }
}

// The last date of the sentence before `m` that a relative date may be
// counted back from, found by the date rules themselves on that stretch.
std::optional<DateValue> DateBefore(const RuleMatch& m, const ExtractContext& ctx) {
  if (ctx.rules == nullptr || !ctx.anchor_in_text) return std::nullopt;
  const ByteSpan sentence = ctx.SentenceAround(m.span().start);
  if (m.span().start <= sentence.start) return std::nullopt;
  ExtractContext before = ctx;
  before.text = ctx.text.substr(sentence.start, m.span().start - sentence.start);
  before.sentences = nullptr;
  before.anchor_in_text = false;  // no search inside the search
  std::vector<Mention> found = ctx.rules->FindAll(before);
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    const auto* v = std::get_if<DateValue>(&it->value);
    if (v == nullptr) continue;
    return *v;
  }
  return std::nullopt;
}

// "a year earlier": counted back from the sentence's date before it, keeping
// that date's extent ("the third quarter of 2024 ... a year earlier" is the
// third quarter of 2023); with no such date, from the publication date.
std::optional<Mention> Earlier(const RuleMatch& m, const ExtractContext& ctx) {
  std::optional<DateValue> from = DateBefore(m, ctx);
  if (!from) return Ago(m, ctx);
  std::optional<UnitCount> span = CountAndUnit(m);
  if (!span || !CountsBackWithinCalendar(from->first, *span)) return std::nullopt;
  const int n = span->count;
  auto back = [&](const CivilDate& d) {
    switch (span->unit) {
      case 'd':
        return d.AddDays(-n);
      case 'w':
        return d.AddDays(-7L * n);
      case 'm':
        return d.AddMonths(-n);
      default:
        return d.AddMonths(-12 * n);
    }
  };
  CivilDate first = back(from->first);
  CivilDate last = back(from->last);
  // Whole months stay whole: "February 2024" a year earlier is all of February 2023.
  if (from->last.day == DaysInMonth(from->last.year, from->last.month))
    last.day = DaysInMonth(last.year, last.month);
  Mention out = MakeDate(m, ctx, first, last, from->granularity, true, from->part);
  std::get<DateValue>(out.value).anchor = from->first;
  return out;
}

}  // namespace

const ProductionTable& DateProductions() {
  static const ProductionTable kTable = {
      {"iso", &Iso},
      {"numeric", &Numeric},
      {"day_month_year", &DayMonthYear},
      {"month_day", &MonthDay},
      {"month_year", &MonthYear},
      {"part_month", &PartMonth},
      {"part_year", &PartYear},
      {"part_rel_year", &PartRelYear},
      {"rel_month", &RelMonth},
      {"month_rel_year", &MonthRelYear},
      {"rel_unit", &RelUnit},
      {"earlier_later", &EarlierLater},
      {"quarter", &Quarter},
      {"fiscal_year", &FiscalYear},
      {"half_year", &HalfYear},
      {"year", &Year},
      {"year_range", &YearRange},
      {"decade", &Decade},
      {"bare_month", &BareMonth},
      {"weekday", &Weekday},
      {"deictic", &Deictic},
      {"ago", &Ago},
      {"earlier", &Earlier},
  };
  return kTable;
}

}  // namespace newsrecon
