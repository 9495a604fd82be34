#include "extractors/money/money.h"

#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "extractors/number.h"
#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

std::string Canonical(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '.') continue;
    out += AsciiLower(c);
  }
  if (out.size() > 1 && out.back() == 's' && out != "rs" && out != "reais") out.pop_back();
  return out;
}

// Printed forms (lower case, no spaces or dots, no plural s) to ISO 4217.
// "peso" alone is read as Mexico's and "dollar" alone as the US's; a
// country's name before them ("Philippine pesos") says otherwise.
constexpr std::pair<std::string_view, std::string_view> kCurrencies[] = {
    {"$", "USD"},
    {"us$", "USD"},
    {"usd", "USD"},
    {"usd$", "USD"},
    {"dollar", "USD"},
    {"usdollar", "USD"},
    {"a$", "AUD"},
    {"au$", "AUD"},
    {"aud", "AUD"},
    {"aud$", "AUD"},
    {"australiandollar", "AUD"},
    {"c$", "CAD"},
    {"ca$", "CAD"},
    {"cad", "CAD"},
    {"cad$", "CAD"},
    {"canadiandollar", "CAD"},
    {"nz$", "NZD"},
    {"nzd", "NZD"},
    {"newzealanddollar", "NZD"},
    {"hk$", "HKD"},
    {"hkd", "HKD"},
    {"hongkongdollar", "HKD"},
    {"s$", "SGD"},
    {"sgd", "SGD"},
    {"singaporedollar", "SGD"},
    {"r$", "BRL"},
    {"brl", "BRL"},
    {"real", "BRL"},
    {"reais", "BRL"},
    {"mx$", "MXN"},
    {"mex$", "MXN"},
    {"mxn", "MXN"},
    {"peso", "MXN"},
    {"€", "EUR"},
    {"eur", "EUR"},
    {"euro", "EUR"},
    {"£", "GBP"},
    {"gbp", "GBP"},
    {"pound", "GBP"},
    {"poundsterling", "GBP"},
    {"sterling", "GBP"},
    {"¥", "JPY"},
    {"jpy", "JPY"},
    {"yen", "JPY"},
    {"cn¥", "CNY"},
    {"cny", "CNY"},
    {"rmb", "CNY"},
    {"yuan", "CNY"},
    {"renminbi", "CNY"},
    {"₹", "INR"},
    {"inr", "INR"},
    {"r", "ZAR"},
    {"rs", "INR"},
    {"rupee", "INR"},
    {"₩", "KRW"},
    {"krw", "KRW"},
    {"won", "KRW"},
    {"₽", "RUB"},
    {"rub", "RUB"},
    {"rouble", "RUB"},
    {"ruble", "RUB"},
    {"chf", "CHF"},
    {"franc", "CHF"},
    {"swissfranc", "CHF"},
    {"₺", "TRY"},
    {"try", "TRY"},
    {"lira", "TRY"},
    {"₪", "ILS"},
    {"ils", "ILS"},
    {"shekel", "ILS"},
    {"sek", "SEK"},
    {"kronor", "SEK"},
    {"krona", "SEK"},
    {"nok", "NOK"},
    {"kroner", "NOK"},
    {"dkk", "DKK"},
    {"zar", "ZAR"},
    {"rand", "ZAR"},
    {"ksh", "KES"},
    {"kes", "KES"},
    {"kenyanshilling", "KES"},
    {"ush", "UGX"},
    {"ugx", "UGX"},
    {"ugandanshilling", "UGX"},
    {"tsh", "TZS"},
    {"tzs", "TZS"},
    {"tanzanianshilling", "TZS"},
    {"₦", "NGN"},
    {"ngn", "NGN"},
    {"naira", "NGN"},
    {"gh₵", "GHS"},
    {"gh¢", "GHS"},
    {"ghs", "GHS"},
    {"cedi", "GHS"},
    {"e£", "EGP"},
    {"egp", "EGP"},
    {"egyptianpound", "EGP"},
    {"rm", "MYR"},
    {"myr", "MYR"},
    {"ringgit", "MYR"},
    {"rp", "IDR"},
    {"idr", "IDR"},
    {"rupiah", "IDR"},
    {"₱", "PHP"},
    {"php", "PHP"},
    {"philippinepeso", "PHP"},
    {"฿", "THB"},
    {"thb", "THB"},
    {"baht", "THB"},
    {"nt$", "TWD"},
    {"twd", "TWD"},
    {"taiwandollar", "TWD"},
    {"newtaiwandollar", "TWD"},
    {"pln", "PLN"},
    {"zloty", "PLN"},
    {"aed", "AED"},
    {"dirham", "AED"},
    {"sar", "SAR"},
    {"riyal", "SAR"},
    {"qar", "QAR"},
    {"pkr", "PKR"},
    {"pakistanirupee", "PKR"},
    {"tk", "BDT"},
    {"bdt", "BDT"},
    {"taka", "BDT"},
    {"₫", "VND"},
    {"vnd", "VND"},
    {"lkr", "LKR"},
    {"srilankanrupee", "LKR"},
    {"npr", "NPR"},
    {"nepaleserupee", "NPR"},
    {"czk", "CZK"},
    {"huf", "HUF"},
    {"forint", "HUF"},
    {"ron", "RON"},
    {"ars", "ARS"},
    {"argentinepeso", "ARS"},
    {"argentinianpeso", "ARS"},
    {"clp", "CLP"},
    {"chileanpeso", "CLP"},
    {"cop", "COP"},
    {"colombianpeso", "COP"},
    {"pen", "PEN"},
    {"mexicanpeso", "MXN"},
    {"indianrupee", "INR"},
};

// Currency words that are also common English words: only with a scale.
constexpr std::array<std::string_view, 6> kAmbiguousWords = {"pound", "won",   "real",
                                                             "rand",  "franc", "lira"};

Mention MakeMoney(const RuleMatch& m, const ExtractContext& ctx, double amount,
                  std::optional<double> high, std::string currency, double resolution) {
  MoneyValue v;
  v.amount = amount;
  v.amount_high = high;
  v.currency = std::move(currency);
  v.resolution = resolution;
  return MentionOf(m, ctx, std::move(v));
}

std::string CurrencyOf(const RuleMatch& m) {
  if (m.Has("cur")) return CurrencyCode(m.Group("cur"));
  if (m.Has("code")) return CurrencyCode(m.Group("code"));
  return CurrencyCode(m.Group("word"));
}

std::optional<Mention> Amount(const RuleMatch& m, const ExtractContext& ctx) {
  auto number = NumberInGroup(m, "num", ctx);
  auto scale = ParseScale(m.Group("scale"));
  std::string currency = CurrencyOf(m);
  if (!number || !scale || currency.empty()) return std::nullopt;
  if (m.Has("word") && !m.Has("scale")) {
    std::string word = Canonical(m.Group("word"));
    for (std::string_view ambiguous : kAmbiguousWords)
      if (word == ambiguous) return std::nullopt;
  }
  // A symbol glued to a word before it is part of that word ("NASDAQ$5" or a
  // template "${price}"): the symbol must start a word.
  size_t start = m.span().start;
  if (m.Has("cur") && start > 0 && std::isalnum(static_cast<unsigned char>(ctx.text[start - 1])))
    return std::nullopt;
  // A symbol after the amount that starts another amount is that one's: "2 £5
  // coins".
  const size_t end = m.span().end;
  if (m.Has("code") && end < ctx.text.size() &&
      std::isdigit(static_cast<unsigned char>(ctx.text[end])))
    return std::nullopt;
  return MakeMoney(m, ctx, Scaled(*number, *scale), std::nullopt, currency,
                   number->resolution * *scale);
}

std::optional<Mention> AmountRange(const RuleMatch& m, const ExtractContext& ctx) {
  auto low = NumberInGroup(m, "num", ctx);
  auto high = NumberInGroup(m, "num2", ctx);
  auto scale = ParseScale(m.Group("scale"));
  auto scale1 = m.Has("scale1") ? ParseScale(m.Group("scale1")) : scale;
  std::string currency = CurrencyOf(m);
  if (!low || !high || !scale || !scale1 || currency.empty()) return std::nullopt;
  double a = Scaled(*low, *scale1), b = Scaled(*high, *scale);
  // "$10-15 billion" lends the scale to the low end; "$100,000-$1 million"
  // does not need it.
  if (b <= a && !m.Has("scale1") && low->value < b) a = low->value;
  if (b <= a) return std::nullopt;  // "$5-4": not a range
  return MakeMoney(m, ctx, a, b, currency, high->resolution * *scale);
}

std::optional<Mention> Cents(const RuleMatch& m, const ExtractContext& ctx) {
  auto number = NumberInGroup(m, "num", ctx);
  if (!number) return std::nullopt;
  return MakeMoney(m, ctx, number->value / 100, std::nullopt, "USD", number->resolution / 100);
}

}  // namespace

std::string CurrencyCode(std::string_view printed) {
  std::string key = Canonical(printed);
  for (const auto& [name, code] : kCurrencies)
    if (name == key) return std::string(code);
  return "";
}

const ProductionTable& MoneyProductions() {
  static const ProductionTable kTable = {
      {"amount", &Amount}, {"amount_range", &AmountRange}, {"cents", &Cents}};
  return kTable;
}

}  // namespace newsrecon
