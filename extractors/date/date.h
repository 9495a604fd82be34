// Date productions: turn matches of extractors/date/date.rules into date
// mentions, resolving relative dates against the publication date.
//
// Conventions (each a named constant or case in date.cc, each with examples in
// date.corpus.json):
// - "last October" is the most recent October strictly before the publication
//   month; "next October" the first strictly after; "this October" the one in
//   the publication year.
// - A month named without a year ("in March", "mid-April") is the most recent
//   one, unless the sentence speaks of the future ("will", "is expected to",
//   "upcoming"), then the next one.
// - A day named without a year ("on May 5") is the next one (from a week
//   before the publication date) when the sentence speaks of the future; the
//   nearer of the one before and the one after the publication date otherwise
//   ("Her last day is June 12"), as news gives the year of a day that is not
//   this year's, with days ahead counting three times when its clause holds
//   a past form ("was", "rose", "arrested").
// - Weekdays: the most recent on or before the publication date, or the next
//   on or after it when the sentence speaks of the future.
// - Parts: a month's early/mid/late thirds are days 1-10, 11-20, 21-end; a
//   year's are January-April, May-August, September-December; "the end of" a
//   year is October-December, of a month days 21-end.
// - "earlier this month/year/week" runs from the unit's first day to the
//   publication date; "later this ..." from the publication date to its end.
// - Fiscal periods ("fiscal 2027", "FY2024-25", "the second quarter of fiscal
//   2026") are read as the calendar period named and marked kFiscalPart:
//   fiscal years start in different months for different companies and
//   countries, so a figure dated by one gets a fiscal as-of (compared only
//   with fiscal ones), and "a year earlier" counted back from one is fiscal
//   too.
// Relative dates are dropped when the publication date is unknown.
#ifndef NEWSRECON_EXTRACTORS_DATE_DATE_H_
#define NEWSRECON_EXTRACTORS_DATE_DATE_H_

#include "extractors/rules.h"

namespace newsrecon {

const ProductionTable& DateProductions();

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_DATE_DATE_H_
