// Mentions and claims: the typed values the extract stage gives and the
// store, reconcile and report stages take (guide §2).
//
// A Mention is a figure found in text: its kind, where it stands, its value
// and its hedge. A Claim is a mention attributed to what it is about: entity,
// attribute (with qualifier) and as-of time. Strings appear only for names
// that come from text or lexicons; every closed set is an enum whose printed
// names live in one table (pipeline/core/names.h).
#ifndef NEWSRECON_PIPELINE_CORE_CLAIM_H_
#define NEWSRECON_PIPELINE_CORE_CLAIM_H_

#include <optional>
#include <string>
#include <variant>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"

namespace newsrecon {

enum class MentionKind { kDate, kMoney, kPercent };

// How the outlet bounds the figure.
enum class Hedge {
  kExact,     // "$13 billion"
  kAbout,     // about, approximately, roughly, around, ~
  kMoreThan,  // more than, over, surpassed, exceeds, at least, upwards of
  kUpTo,      // up to, as much as, nearly, almost, under
};

enum class Granularity { kDay, kMonth, kQuarter, kYear };

// How a date mention got its calendar value.
enum class DateResolution {
  kAbsolute,  // the text names the year: "October 2023"
  kRelative,  // resolved against the publication date: "last October"
};

// A date mention names an interval of days [first, last].
struct DateValue {
  CivilDate first;
  CivilDate last;
  Granularity granularity = Granularity::kDay;
  DateResolution resolution = DateResolution::kAbsolute;
  // The date a relative date was resolved against: the publication date, or
  // for "a year earlier" the first day of the date before it in its sentence.
  std::optional<CivilDate> anchor;
  // "early", "mid", "late", "end" when the text narrows a month or year;
  // kFiscalPart when it names a fiscal period ("fiscal 2027", "Q2 FY2026"),
  // whose calendar months are not known (see extractors/date/date.h).
  std::string part;
};

inline constexpr std::string_view kFiscalPart = "fiscal";

struct MoneyValue {
  double amount = 0;  // in units of the currency: 850e9 for "$850 billion"
  // The upper end of a range ("$10-15 billion"): amount is then the lower end.
  std::optional<double> amount_high;
  std::string currency;  // ISO 4217: "USD", "EUR", "JPY", ...
  // The place value of the last digit printed, in currency units: 1e9 for
  // "$13 billion", 1e8 for "$228.3 billion". Exact figures are compared as
  // rounded to it (pipeline/core/hedge.h).
  double resolution = 0;
};

struct PercentValue {
  double percent = 0;                  // 27 for "27%"; negative for falls ("fell 4%")
  std::optional<double> percent_high;  // upper end of a range ("20-25%")
  bool points = false;                 // "percentage points", a difference of percentages
  double resolution = 0;               // place value of the last digit printed: 1 for "27%"
};

using MentionValue = std::variant<DateValue, MoneyValue, PercentValue>;

struct Mention {
  MentionKind kind = MentionKind::kDate;
  ByteSpan span;     // the figure itself, without the hedge words
  std::string text;  // the figure as printed
  MentionValue value;
  Hedge hedge = Hedge::kExact;
  std::string hedge_text;  // the words that set the hedge ("nearly"), or ""
  std::string rule;        // the rule that matched, e.g. "money.symbol_amount"
};

// The closed interval a claim's value allows once its hedge and rounding are
// applied; dates are in days since 1970-01-01. See pipeline/core/hedge.h.
struct ValueInterval {
  double low = 0;
  double high = 0;
  bool Overlaps(const ValueInterval& o) const { return low <= o.high && o.low <= high; }
};

// Where a claim's as-of time came from.
enum class AsOfBasis {
  kExplicit,     // a date in the same sentence: "in January 2023"
  kEvent,        // an event the text ties it to: "after the recapitalisation"
  kLatest,       // "latest", "now", "current": the publication date
  kPublication,  // nothing said: the publication date, by default
  kTimeless,     // a date claim: the date is the value itself
  kFiscal,       // a fiscal period in the sentence: "in fiscal 2026" (its calendar
                 // reading; compared only with other fiscal windows)
};

// The time a figure refers to, a window of days.
struct AsOf {
  CivilDate first;
  CivilDate last;
  AsOfBasis basis = AsOfBasis::kPublication;
  std::string event;  // the event's attribute name when basis is kEvent
};

struct Claim {
  Mention mention;
  ByteSpan sentence;      // the sentence holding the mention, in Article::text
  std::string entity;     // canonical name ("OpenAI"); "" when unknown
  std::string attribute;  // lexicon name ("valuation", "investment", ...)
  std::string qualifier;  // "", or a meaning-changing qualifier ("initial", "total")
  AsOf as_of;
  ValueInterval interval;  // the value after hedge, for comparison
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_CLAIM_H_
