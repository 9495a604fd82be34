// The article's language (pipeline/parse/language.h): texts in several
// languages and scripts, written for these tests, declared rightly, wrongly
// or not at all.
#include "pipeline/parse/language.h"

#include <doctest/doctest.h>

#include <string>

#include "pipeline/core/article.h"
#include "pipeline/parse/parse.h"

namespace newsrecon {
namespace {

const std::string kGerman =
    "Der Stadtrat hat am Dienstagabend beschlossen, die Gebühren für das Parken in der "
    "Innenstadt ab dem kommenden Jahr deutlich zu erhöhen. Wer sein Auto künftig länger als "
    "zwei Stunden abstellen möchte, muss mit Kosten von bis zu 5.000 Euro im Jahr rechnen. "
    "Die Opposition kritisierte die Entscheidung scharf und kündigte an, gegen den Beschluss "
    "vorzugehen. Die Händler in der Fußgängerzone befürchten, dass weniger Kunden kommen.";
const std::string kEnglish =
    "The city council voted on Tuesday evening to raise parking fees in the town centre "
    "from next year. Drivers who leave their cars for more than two hours will pay up to "
    "5,000 euros a year. The opposition sharply criticised the decision and said it would "
    "challenge it, while shop owners fear that fewer customers will come into town.";
const std::string kSpanish =
    "El ayuntamiento aprobó el martes por la noche subir las tarifas de aparcamiento en el "
    "centro de la ciudad a partir del próximo año. Quienes dejen su coche más de dos horas "
    "pagarán hasta 5.000 euros al año. La oposición criticó duramente la decisión y anunció "
    "que la recurrirá, mientras los comerciantes temen perder clientes.";
const std::string kJapanese =
    "市議会は火曜日の夜、来年から中心街の駐車料金を大幅に引き上げることを決めた。"
    "二時間以上車を止める人は、年間で最大五千ユーロを支払うことになる。"
    "野党はこの決定を強く批判し、商店主たちは客が減ることを心配している。";

TEST_CASE("DetectLanguage tells the language of a text") {
  CHECK(DetectLanguage(kGerman).code == "de");
  CHECK(DetectLanguage(kGerman).reliable);
  CHECK(DetectLanguage(kEnglish).code == "en");
  CHECK(DetectLanguage(kSpanish).code == "es");
  CHECK(DetectLanguage(kJapanese).code == "ja");
  CHECK(DetectLanguage("").code.empty());
  CHECK_FALSE(DetectLanguage("12 345 678 !!! ---").reliable);  // CLD2 guesses, unsure
}

TEST_CASE("DecideLanguage keeps a declaration the text does not contradict") {
  struct Case {
    const char* id;
    std::string declared, text, want;
  };
  const Case cases[] = {
      {"declared and agreeing", "de-AT", kGerman, "de-AT"},
      {"nothing declared: the text's", "", kGerman, "de"},
      {"nothing declared, Spanish", "", kSpanish, "es"},
      {"nothing declared, Japanese", "", kJapanese, "ja"},
      {"a CMS's default contradicted by a long text", "en", kGerman + " " + kGerman, "de"},
      {"en-US on a Spanish page", "en-US", kSpanish + " " + kSpanish, "es"},
      {"a short text does not overrule the page", "en",
       "Der Stadtrat hat am Dienstag beschlossen, die Gebühren zu erhöhen.", "en"},
      {"half German, half English: the page's word stands", "en", kGerman + " " + kEnglish, "en"},
      {"nothing to go on", "fr", "12 345 678", "fr"},
      {"nothing declared, too little text", "", "Guten Tag", ""},
      {"Norwegian declared nb, told no", "nb",
       "Bystyret vedtok tirsdag kveld å øke parkeringsavgiftene i sentrum fra neste år. De som "
       "parkerer bilen lenger enn to timer, må betale opptil 5000 euro i året. Opposisjonen "
       "kritiserte vedtaket kraftig, og butikkeierne frykter at færre kunder vil komme.",
       "nb"},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.id);
    CHECK(DecideLanguage(c.declared, c.text) == c.want);
  }
}

TEST_CASE("a page's declared language is checked against its text, the source's stands") {
  RawDocument doc;
  doc.content_type = "text/html";
  doc.bytes = "<html lang=\"en\"><head><title>Parken wird teurer</title></head><body><article><p>" +
              kGerman + "</p><p>" + kGerman + "</p></article></body></html>";
  StatusOr<Article> a = Parse(doc);
  REQUIRE(a.ok());
  CHECK(a->meta.language == "de");

  doc.meta.language = "en";  // a manifest or --language said so
  a = Parse(doc);
  REQUIRE(a.ok());
  CHECK(a->meta.language == "en");

  RawDocument text;
  text.content_type = "text/plain";
  text.bytes = kSpanish;
  a = Parse(text);
  REQUIRE(a.ok());
  CHECK(a->meta.language == "es");
}

}  // namespace
}  // namespace newsrecon
