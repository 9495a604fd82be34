#include "pipeline/core/civil_date.h"

#include <doctest/doctest.h>

namespace newsrecon {

TEST_CASE("civil date arithmetic") {
  // Known weekdays: 2026-04-27 was a Monday; 2000-01-01 a Saturday.
  CHECK(CivilDate{2026, 4, 27}.IsoWeekday() == 1);
  CHECK(CivilDate{2000, 1, 1}.IsoWeekday() == 6);
  CHECK(CivilDate{1970, 1, 1}.DaysSinceEpoch() == 0);
  CHECK(CivilDate{2000, 3, 1}.DaysSinceEpoch() == 11017);
  CHECK(CivilDate::FromDaysSinceEpoch(11017) == CivilDate{2000, 3, 1});
  CHECK(CivilDate{2024, 1, 31}.AddMonths(1) == CivilDate{2024, 2, 29});
  CHECK(CivilDate{2026, 4, 27}.AddMonths(-6) == CivilDate{2025, 10, 27});
  CHECK(CivilDate{2025, 12, 31}.AddDays(1) == CivilDate{2026, 1, 1});
  CHECK(MonthsBetween({2025, 10, 31}, {2026, 4, 1}) == 6);
  CHECK(DaysInMonth(1900, 2) == 28);
  CHECK(DaysInMonth(2000, 2) == 29);
}

TEST_CASE("ISO dates parse strictly") {
  CHECK(ParseIsoDate("2026-04-27") == CivilDate{2026, 4, 27});
  CHECK(ParseIsoDate("2026-04-27")->ToIso() == "2026-04-27");
  CHECK_FALSE(ParseIsoDate("2026-02-30"));
  CHECK_FALSE(ParseIsoDate("2026-4-27"));
  CHECK_FALSE(ParseIsoDate("27/04/2026"));
  CHECK_FALSE(ParseIsoDate(""));
  CHECK_FALSE(ParseIsoDate("2026-13-01"));
}

}  // namespace newsrecon
