// Money productions: turn matches of extractors/money/money.rules into money
// mentions with an ISO 4217 currency. A bare "$" is USD; "US$", "A$", "HK$" and
// the like name their dollar; "¥" is JPY (Chinese texts write "yuan" or "RMB").
// About fifty currencies are known by symbol, ISO code or word, from the
// G20's to the press of Kenya (KSh), Nigeria (₦), Ghana (GH₵), South Africa
// (R with a scale), Egypt (E£), Malaysia (RM), Indonesia (Rp), the
// Philippines (₱), Thailand (฿) and Taiwan (NT$); an unknown one gives no
// mention rather than a wrong currency.
// Ambiguous currency words ("pounds" of weight, "won" the verb, "real" the
// adjective) count only with a scale word: "50 million pounds".
#ifndef NEWSRECON_EXTRACTORS_MONEY_MONEY_H_
#define NEWSRECON_EXTRACTORS_MONEY_MONEY_H_

#include "extractors/rules.h"

namespace newsrecon {

const ProductionTable& MoneyProductions();

// The ISO 4217 code of a currency symbol, code or word as printed ("US$",
// "€", "yen", "Swiss francs"); "" when unknown.
std::string CurrencyCode(std::string_view printed);

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_MONEY_MONEY_H_
