#include "pipeline/core/hedge.h"

#include <algorithm>
#include <cmath>

namespace newsrecon {
namespace {

ValueInterval Band(double value, double resolution, Hedge hedge) {
  const double magnitude = std::fabs(value);
  double low = magnitude;
  double high = magnitude;
  switch (hedge) {
    case Hedge::kExact:
      low = magnitude - kRoundingHalfUnit * resolution;
      high = magnitude + kRoundingHalfUnit * resolution;
      break;
    case Hedge::kAbout:
      low = magnitude * (1 - kAboutBand);
      high = magnitude * (1 + kAboutBand);
      break;
    case Hedge::kMoreThan:
      high = magnitude * (1 + kOpenEndedBand);
      break;
    case Hedge::kUpTo:
      low = magnitude * (1 - kOpenEndedBand);
      break;
  }
  low = std::max(low, 0.0);
  if (value < 0) return {-high, -low};
  return {low, high};
}

// A range ("$10-15 billion") spans its two ends, each widened as a figure.
ValueInterval RangeOrBand(double value, const std::optional<double>& high, double resolution,
                          Hedge hedge) {
  ValueInterval band = Band(value, resolution, hedge);
  if (!high) return band;
  ValueInterval top = Band(*high, resolution, hedge);
  return {std::min(band.low, top.low), std::max(band.high, top.high)};
}

CivilDate Shift(const CivilDate& d, Granularity g, int units) {
  switch (g) {
    case Granularity::kDay:
      return d.AddDays(units);
    case Granularity::kMonth:
      return d.AddMonths(units);
    case Granularity::kQuarter:
      return d.AddMonths(3 * units);
    case Granularity::kYear:
      return d.AddMonths(12 * units);
  }
  return d;
}

}  // namespace

ValueInterval ComputeInterval(const Mention& mention) {
  if (const auto* date = std::get_if<DateValue>(&mention.value)) {
    CivilDate first = date->first;
    CivilDate last = date->last;
    if (mention.hedge == Hedge::kAbout) {
      first = Shift(first, date->granularity, -kAboutDateUnits);
      last = Shift(last, date->granularity, kAboutDateUnits);
    }
    return {static_cast<double>(first.DaysSinceEpoch()),
            static_cast<double>(last.DaysSinceEpoch())};
  }
  if (const auto* money = std::get_if<MoneyValue>(&mention.value))
    return RangeOrBand(money->amount, money->amount_high, money->resolution, mention.hedge);
  const auto& percent = std::get<PercentValue>(mention.value);
  return RangeOrBand(percent.percent, percent.percent_high, percent.resolution, mention.hedge);
}

}  // namespace newsrecon
