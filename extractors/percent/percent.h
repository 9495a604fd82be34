// Percent productions: turn matches of extractors/percent/percent.rules into
// percent mentions. Fractions in words become percentages ("one-third" is
// 33.3, "half" 50, "one in five" 20); "the first half" and "the second half"
// are periods, not fractions, and give nothing.
#ifndef NEWSRECON_EXTRACTORS_PERCENT_PERCENT_H_
#define NEWSRECON_EXTRACTORS_PERCENT_PERCENT_H_

#include "extractors/rules.h"

namespace newsrecon {

const ProductionTable& PercentProductions();

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_PERCENT_PERCENT_H_
