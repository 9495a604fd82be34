#include "pipeline/reconcile/describe.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace newsrecon {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Scale words for money, largest first: a figure is printed in the largest
// scale it reaches ("$850 billion", not "$850,000 million").
struct Scale {
  double factor;
  std::string_view word;
};
constexpr std::array<Scale, 3> kScales = {{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}}};

std::string_view MonthName(int month) {
  if (month < 1 || month > 12) return "?";
  return kMonthNames[month - 1];
}

std::string GroupThousands(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Underscores(std::string s) {
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

// A date at one granularity: "27 April 2026", "October 2023", "Q4 2025", "2032".
std::string DateAt(const CivilDate& d, Granularity g) {
  switch (g) {
    case Granularity::kDay:
      return std::to_string(d.day) + " " + std::string(MonthName(d.month)) + " " +
             std::to_string(d.year);
    case Granularity::kMonth:
      return std::string(MonthName(d.month)) + " " + std::to_string(d.year);
    case Granularity::kQuarter:
      return "Q" + std::to_string((d.month - 1) / 3 + 1) + " " + std::to_string(d.year);
    case Granularity::kYear:
      return std::to_string(d.year);
  }
  return d.ToIso();
}

}  // namespace

std::string DescribeWindow(const CivilDate& first, const CivilDate& last) {
  if (first == last) return first.ToIso();
  const bool starts_month = first.day == 1;
  const bool ends_month = IsValidDate(last.year, last.month, last.day) &&
                          last.day == DaysInMonth(last.year, last.month);
  if (starts_month && ends_month && first.year == last.year) {
    if (first.month == 1 && last.month == 12) return std::to_string(first.year);
    if (first.month == last.month) return DateAt(first, Granularity::kMonth);
    if ((first.month - 1) % 3 == 0 && last.month == first.month + 2)
      return DateAt(first, Granularity::kQuarter);
  }
  return first.ToIso() + " to " + last.ToIso();
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", kMaxFigureDecimals, std::fabs(value));
  std::string s = buf;
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = GroupThousands(whole);
  if (!frac.empty()) out += "." + frac;
  if (value < 0 && out != "0") out = "-" + out;
  return out;
}

std::string FormatMoney(double amount, const std::string& currency) {
  const double magnitude = std::fabs(amount);
  std::string figure = FormatNumber(amount);
  for (const Scale& s : kScales) {
    if (magnitude >= s.factor) {
      figure = FormatNumber(amount / s.factor) + " " + std::string(s.word);
      break;
    }
  }
  std::string sign;
  if (!figure.empty() && figure[0] == '-') {
    sign = "-";
    figure = figure.substr(1);
  }
  if (currency == "USD") return sign + "$" + figure;
  if (currency == "EUR") return sign + "€" + figure;
  if (currency == "GBP") return sign + "£" + figure;
  return sign + figure + (currency.empty() ? "" : " " + currency);
}

std::string FormatPercent(const PercentValue& value) {
  const std::string unit = value.points ? " percentage points" : "%";
  if (value.percent_high)
    return FormatNumber(value.percent) + "–" + FormatNumber(*value.percent_high) + unit;
  if (value.points && std::fabs(value.percent) == 1)
    return FormatNumber(value.percent) + " percentage point";
  return FormatNumber(value.percent) + unit;
}

std::string FormatDate(const DateValue& value) {
  const std::string first = DateAt(value.first, value.granularity);
  const std::string last = DateAt(value.last, value.granularity);
  if (first != last) {
    const CivilDate& a = value.first;
    const CivilDate& b = value.last;
    if (value.granularity == Granularity::kDay && a.year == b.year && a.month == b.month)
      return std::to_string(a.day) + "–" + last;
    return first + " to " + last;
  }
  std::string out = first;
  if (value.part.empty()) return out;
  if (value.part == "mid") return "mid-" + out;
  if (value.part == "end") return "the end of " + out;
  return value.part + " " + out;
}

std::string FormatValue(const Mention& mention) {
  if (const auto* d = std::get_if<DateValue>(&mention.value)) return FormatDate(*d);
  if (const auto* m = std::get_if<MoneyValue>(&mention.value)) {
    std::string out = FormatMoney(m->amount, m->currency);
    if (m->amount_high) out += " to " + FormatMoney(*m->amount_high, m->currency);
    return out;
  }
  return FormatPercent(std::get<PercentValue>(mention.value));
}

std::string HedgeWords(const Mention& mention) {
  const bool date = mention.kind == MentionKind::kDate;
  switch (mention.hedge) {
    case Hedge::kExact:
      return "";
    case Hedge::kAbout:
      return date ? "around" : "about";
    case Hedge::kMoreThan:
      return date ? "after" : "more than";
    case Hedge::kUpTo:
      return date ? "no later than" : "up to";
  }
  return "";
}

std::string FormatHedgedValue(const Mention& mention) {
  std::string words = HedgeWords(mention);
  return words.empty() ? FormatValue(mention) : words + " " + FormatValue(mention);
}

std::string DescribeKey(const ClaimKey& key) {
  std::string out = key.entity;
  if (!key.attribute.empty()) out += " " + Underscores(key.attribute);
  if (!key.qualifier.empty()) out += " (" + Underscores(key.qualifier) + ")";
  return out;
}

std::string DescribeSubject(const ClaimKey& key, const AsOf& as_of) {
  std::string out = key.entity;
  if (!key.attribute.empty()) out += " " + Underscores(key.attribute);
  std::string notes = Underscores(key.qualifier);
  const std::string when = DescribeAsOf(as_of);
  if (!when.empty()) notes += (notes.empty() ? "" : ", ") + when;
  if (!notes.empty()) out += " (" + notes + ")";
  return out;
}

std::string DescribeAsOf(const AsOf& as_of) {
  switch (as_of.basis) {
    case AsOfBasis::kLatest:
      return "latest";
    case AsOfBasis::kExplicit:
      return "as of " + DescribeWindow(as_of.first, as_of.last);
    case AsOfBasis::kFiscal:
      return "as of fiscal " + DescribeWindow(as_of.first, as_of.last);
    case AsOfBasis::kEvent:
      return as_of.event.empty() ? "as of " + DescribeWindow(as_of.first, as_of.last)
                                 : "after the " + Underscores(as_of.event);
    case AsOfBasis::kPublication:
    case AsOfBasis::kTimeless:
      return "";
  }
  return "";
}

std::string DescribePublished(const std::optional<CivilDate>& published) {
  return published ? published->ToIso() : "undated";
}

}  // namespace newsrecon
