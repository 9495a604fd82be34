// CivilDate: a day in the proleptic Gregorian calendar, with no time zone.
//
// Publication dates, the bounds of date mentions and as-of windows are all
// CivilDates; they print as ISO 8601 (YYYY-MM-DD), which is also how the store
// keeps them. Arithmetic goes through days since 1970-01-01 (Howard Hinnant's
// civil-from-days algorithm), so it is exact for any year 1..9999.
//
// Thread-safety: a value type.
#ifndef NEWSRECON_PIPELINE_CORE_CIVIL_DATE_H_
#define NEWSRECON_PIPELINE_CORE_CIVIL_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace newsrecon {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth(year, month)

  auto operator<=>(const CivilDate&) const = default;

  // "2026-04-27".
  std::string ToIso() const;
  // Days since 1970-01-01 (negative before).
  long DaysSinceEpoch() const;
  static CivilDate FromDaysSinceEpoch(long days);
  // The same day `months` later (or earlier), the day clamped to the month's
  // length: 2024-01-31 + 1 month = 2024-02-29.
  CivilDate AddMonths(int months) const;
  CivilDate AddDays(long days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }
  // 1 = Monday ... 7 = Sunday (ISO 8601).
  int IsoWeekday() const;
};

bool IsLeapYear(int year);
// REQUIRES: 1 <= month <= 12.
int DaysInMonth(int year, int month);
// True when year/month/day name a real day between years 1 and 9999.
bool IsValidDate(int year, int month, int day);
// Parses exactly "YYYY-MM-DD"; nullopt for anything else, including
// impossible days such as 2026-02-30.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// First and last day of a month, quarter (1..4) or year.
CivilDate FirstDayOfMonth(int year, int month);
CivilDate LastDayOfMonth(int year, int month);

// Whole months from a to b, by calendar month (2025-10-31 to 2026-04-01 is 6).
int MonthsBetween(const CivilDate& a, const CivilDate& b);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_CIVIL_DATE_H_
