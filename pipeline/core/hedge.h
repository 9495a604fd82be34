// From a mention's value and hedge to the interval used for comparison
// (guide §2). Every band is a named constant with the case that justifies it.
#ifndef NEWSRECON_PIPELINE_CORE_HEDGE_H_
#define NEWSRECON_PIPELINE_CORE_HEDGE_H_

#include "pipeline/core/claim.h"

namespace newsrecon {

// "about/approximately/roughly $135 billion": within 10% either side,
// [121.5, 148.5] billion. Wide enough for "roughly 27 %" against
// "approximately 27%", narrow enough that "about $29 billion" and
// "$135 billion" stay apart.
inline constexpr double kAboutBand = 0.10;

// Open-ended hedges are bounded to a realistic band of 25% beyond the figure:
// "surpassed the $300 billion mark" is [300, 375] billion, not any figure above
// it; "nearly 4%" is [3, 4]. Journalists round to the nearest round figure
// below or above, so a figure more than a quarter away would have been printed.
inline constexpr double kOpenEndedBand = 0.25;

// Exact figures are compared as printed, i.e. rounded: "$13 billion" stands
// for [12.5, 13.5] billion, half a unit of the last printed digit each side.
inline constexpr double kRoundingHalfUnit = 0.5;

// "around 2030", "about mid-April": one unit of the granularity either side.
inline constexpr int kAboutDateUnits = 1;

// The comparison interval of a mention: for money the amount in currency
// units, for percentages the percent, for dates days since 1970-01-01.
// Negative values (a fall of 4%) take the band on their magnitude.
ValueInterval ComputeInterval(const Mention& mention);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_HEDGE_H_
