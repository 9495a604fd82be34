// Plain-English renderings of claim values, keys and as-of windows, shared by
// the reasons reconcile writes and the reports that print them.
//
// Takes: the typed values of pipeline/core/claim.h. Gives: short strings for a
// fact-checker ("$850 billion", "€5 million", "1.2 trillion JPY", "27%",
// "October 2023", "late February 2026", "Q3 2025"). Never fails: a value that
// makes no sense (a month 13) still prints something, never asserts.
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_PIPELINE_RECONCILE_DESCRIBE_H_
#define NEWSRECON_PIPELINE_RECONCILE_DESCRIBE_H_

#include <optional>
#include <string>

#include "pipeline/core/claim.h"
#include "pipeline/core/finding.h"

namespace newsrecon {

// A number with at most kMaxFigureDecimals decimals, trailing zeros dropped:
// 2.27 -> "2.27", 13 -> "13", 1234567 -> "1,234,567" (thousands grouped).
inline constexpr int kMaxFigureDecimals = 3;
std::string FormatNumber(double value);

// Money with a scale word: 850e9 USD -> "$850 billion", 5e6 EUR ->
// "€5 million", 1.2e12 JPY -> "1.2 trillion JPY", 500000 USD -> "$500,000".
// USD, EUR and GBP print with their symbol, other currencies with their code
// after the figure.
std::string FormatMoney(double amount, const std::string& currency);

// "27%", "-4%", "20–25%", "3 percentage points".
std::string FormatPercent(const PercentValue& value);

// A date value by its granularity: "27 April 2026", "October 2023",
// "Q3 2025", "2032"; a part narrows a single unit ("late February 2026",
// "mid-April 2026", "the end of 2025"); a value spanning several units prints
// as a range without its part ("11–20 April 2026", "2025 to 2026").
std::string FormatDate(const DateValue& value);

// The value of a mention without its hedge ("$850 billion", "27%", "October 2023").
std::string FormatValue(const Mention& mention);

// The hedge as a word before the value: "" (exact), "about", "more than",
// "up to"; for dates "around", "after", "no later than".
std::string HedgeWords(const Mention& mention);

// The value with its hedge: "more than $300 billion", "around 2030".
std::string FormatHedgedValue(const Mention& mention);

// "OpenAI valuation", "Microsoft investment (initial)", "Microsoft licence end"
// (underscores in lexicon names read as spaces).
std::string DescribeKey(const ClaimKey& key);

// The key with its as-of words, as reasons name what they compare:
// "OpenAI valuation (latest)", "Microsoft investment (initial, as of 2019)".
std::string DescribeSubject(const ClaimKey& key, const AsOf& as_of);

// A window of days in words: a whole year, quarter or month by name
// ("2023", "Q3 2025", "January 2023"), one day as ISO 8601, anything else as
// "2026-01-27 to 2026-04-27".
std::string DescribeWindow(const CivilDate& first, const CivilDate& last);

// How an as-of window reads after a key, or "" when it adds nothing
// (publication default, timeless dates): "latest", "as of January 2023",
// "after the recapitalisation".
std::string DescribeAsOf(const AsOf& as_of);

// A publication date as printed in reasons and reports: ISO 8601, or "undated".
std::string DescribePublished(const std::optional<CivilDate>& published);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RECONCILE_DESCRIBE_H_
