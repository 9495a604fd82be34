// Charsets: pages written here in UTF-8, encoded with ICU into each legacy
// charset, must decode without mojibake with and without a declaration.
#include "pipeline/parse/charset.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <string>

#include "pipeline/core/utf8.h"
#include "pipeline/parse/parse.h"

namespace newsrecon {
namespace {

// `utf8` in `charset`, converted by ICU (substitution bytes for what the
// charset lacks; the test texts have none).
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::u16string units(utf8.size() + 1, u'\0');
  int32_t n = 0;
  u_strFromUTF8(reinterpret_cast<UChar*>(units.data()), static_cast<int32_t>(units.size()), &n,
                utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &err), &ucnv_close);
  REQUIRE(U_SUCCESS(err));
  std::string out(static_cast<size_t>(n) * 4 + 16, '\0');
  int32_t len = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                reinterpret_cast<const UChar*>(units.data()), n, &err);
  REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<size_t>(len));
  return out;
}

struct Sample {
  const char* id;
  const char* encode_as;  // ICU name used to make the bytes
  const char* label;      // what a page would declare
  const char* lang;
  std::string paragraph;  // UTF-8
  std::string words;      // must appear in the decoded text
};

const Sample kSamples[] = {
    {"ISO-8859-1 French", "ISO-8859-1", "iso-8859-1", "fr",
     "Le caf\xC3\xA9 de la gare a rouvert ses portes apr\xC3\xA8s trois ann\xC3\xA9"
     "es de travaux. Les habitu\xC3\xA9s ont retrouv\xC3\xA9 leurs tables pr\xC3\xA8s de la "
     "fen\xC3\xAAtre, et le patron a promis que les prix resteront les m\xC3\xAAmes. "
     "\xC2\xAB C'est une f\xC3\xAAte pour tout le quartier \xC2\xBB, a d\xC3\xA9"
     "clar\xC3\xA9 la maire \xC3\xA0 la presse.",
     "retrouv\xC3\xA9 leurs tables pr\xC3\xA8s de la fen\xC3\xAAtre"},
    {"windows-1252 German with euro sign and quotes", "windows-1252", "windows-1252", "de",
     "Die Stadtverwaltung hat am Montag best\xC3\xA4tigt, dass die Br\xC3\xBC"
     "cke \xC3\xBC"
     "ber die Spree f\xC3\xBCr 4,5 Millionen \xE2\x82\xAC saniert wird. \xE2\x80\x9EWir haben "
     "lange genug gewartet\xE2\x80\x9C, sagte der B\xC3\xBCrgermeister. Die Arbeiten sollen im "
     "Fr\xC3\xBChjahr beginnen und bis zum Herbst dauern, die Umleitung f\xC3\xBChrt \xC3\xBC"
     "ber die n\xC3\xB6rdliche Stra\xC3\x9F"
     "e.",
     "4,5 Millionen \xE2\x82\xAC saniert"},
    {"GB2312 Chinese", "GB2312", "gb2312", "zh",
     "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C\xE5\x91\xA8\xE4\xB8\x80"
     "\xE5\xAE\xA3\xE5\xB8\x83\xEF\xBC\x8C\xE5\xB0\x86\xE5\x9C\xA8\xE6\x9C\xAA\xE6\x9D\xA5"
     "\xE4\xB8\x89\xE5\xB9\xB4\xE5\x86\x85\xE6\x8A\x95\xE8\xB5\x84\xE4\xBA\x94\xE5\x8D\x81"
     "\xE4\xBA\xBF\xE5\x85\x83\xE7\x94\xA8\xE4\xBA\x8E\xE6\x94\xB9\xE5\x96\x84\xE5\x9F\x8E"
     "\xE5\xB8\x82\xE5\x85\xAC\xE5\x85\xB1\xE4\xBA\xA4\xE9\x80\x9A\xE7\xB3\xBB\xE7\xBB\x9F"
     "\xE3\x80\x82\xE6\x96\xB0\xE7\x9A\x84\xE5\x9C\xB0\xE9\x93\x81\xE7\xBA\xBF\xE8\xB7\xAF"
     "\xE9\xA2\x84\xE8\xAE\xA1\xE5\xB0\x86\xE4\xBA\x8E\xE6\x98\x8E\xE5\xB9\xB4\xE5\xB9\xB4"
     "\xE5\xBA\x95\xE5\xBC\x80\xE9\x80\x9A\xEF\xBC\x8C\xE5\xB1\x8A\xE6\x97\xB6\xE5\xB0\x86"
     "\xE5\xA4\xA7\xE5\xA4\xA7\xE7\xBC\x93\xE8\xA7\xA3\xE5\xB8\x82\xE4\xB8\xAD\xE5\xBF\x83"
     "\xE7\x9A\x84\xE4\xBA\xA4\xE9\x80\x9A\xE6\x8B\xA5\xE5\xA0\xB5\xE9\x97\xAE\xE9\xA2\x98"
     "\xE3\x80\x82\xE5\xB8\x82\xE6\xB0\x91\xE4\xBB\xAC\xE5\xAF\xB9\xE8\xBF\x99\xE4\xB8\x80"
     "\xE6\xB6\x88\xE6\x81\xAF\xE8\xA1\xA8\xE7\xA4\xBA\xE6\xAC\xA2\xE8\xBF\x8E\xEF\xBC\x8C"
     "\xE8\xAE\xB8\xE5\xA4\x9A\xE4\xBA\xBA\xE8\xAE\xA4\xE4\xB8\xBA\xE8\xBF\x99\xE5\xB0\x86"
     "\xE4\xBD\xBF\xE4\xBB\x96\xE4\xBB\xAC\xE7\x9A\x84\xE6\x97\xA5\xE5\xB8\xB8\xE9\x80\x9A"
     "\xE5\x8B\xA4\xE6\x9B\xB4\xE5\x8A\xA0\xE6\x96\xB9\xE4\xBE\xBF\xE3\x80\x82",
     // 城市公共交通系统 (the city's public transport system)
     "\xE5\x9F\x8E\xE5\xB8\x82\xE5\x85\xAC\xE5\x85\xB1\xE4\xBA\xA4\xE9\x80\x9A\xE7\xB3\xBB"
     "\xE7\xBB\x9F"},
    {"Shift_JIS Japanese", "Shift_JIS", "x-sjis", "ja",
     "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAF\xE6\x9C\x88\xE6\x9B\x9C\xE6\x97\xA5"
     "\xE3\x80\x81\xE6\x9D\xA5\xE5\xB9\xB4\xE3\x81\xAE\xE6\x98\xA5\xE3\x81\x8B\xE3\x82\x89"
     "\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE5\x85\xAC\xE5\x9C\x92\xE3\x81\xAE\xE5\xBB\xBA"
     "\xE8\xA8\xAD\xE3\x82\x92\xE5\xA7\x8B\xE3\x82\x81\xE3\x82\x8B\xE3\x81\xA8\xE7\x99\xBA"
     "\xE8\xA1\xA8\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82\xE3\x81\x93"
     "\xE3\x81\xAE\xE5\x85\xAC\xE5\x9C\x92\xE3\x81\xAB\xE3\x81\xAF\xE5\xA4\xA7\xE3\x81\x8D"
     "\xE3\x81\xAA\xE6\xB1\xA0\xE3\x81\xA8\xE5\xAD\x90\xE4\xBE\x9B\xE3\x81\xAE\xE3\x81\x9F"
     "\xE3\x82\x81\xE3\x81\xAE\xE9\x81\x8A\xE3\x81\xB3\xE5\xA0\xB4\xE3\x81\x8C\xE4\xBD\x9C"
     "\xE3\x82\x89\xE3\x82\x8C\xE3\x82\x8B\xE4\xBA\x88\xE5\xAE\x9A\xE3\x81\xA7\xE3\x81\x99"
     "\xE3\x80\x82\xE8\xBF\x91\xE6\x89\x80\xE3\x81\xAB\xE4\xBD\x8F\xE3\x82\x80\xE4\xBA\xBA"
     "\xE3\x80\x85\xE3\x81\xAF\xE3\x80\x81\xE9\x9D\x99\xE3\x81\x8B\xE3\x81\xAA\xE7\xB7\x91"
     "\xE3\x81\xAE\xE5\xA0\xB4\xE6\x89\x80\xE3\x81\x8C\xE3\x81\xA7\xE3\x81\x8D\xE3\x82\x8B"
     "\xE3\x81\x93\xE3\x81\xA8\xE3\x82\x92\xE5\x96\x9C\xE3\x82\x93\xE3\x81\xA7\xE3\x81\x84"
     "\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82\xE5\xB7\xA5\xE4\xBA\x8B\xE3\x81\xAF\xE7\xB4\x84"
     "\xE4\xBA\x8C\xE5\xB9\xB4\xE3\x81\x8B\xE3\x81\x8B\xE3\x82\x8B\xE8\xA6\x8B\xE8\xBE\xBC"
     "\xE3\x81\xBF\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82",
     // 新しい公園の建設 (the construction of a new park)
     "\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE5\x85\xAC\xE5\x9C\x92\xE3\x81\xAE\xE5\xBB\xBA"
     "\xE8\xA8\xAD"},
    {"KOI8-R Russian", "KOI8-R", "koi8-r", "ru",
     "\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB5 \xD0\xB2\xD0\xBB"
     "\xD0\xB0\xD1\x81\xD1\x82\xD0\xB8 \xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB"
     "\xD0\xB8 \xD0\xB2 \xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD"
     "\xD0\xB8\xD0\xBA, \xD1\x87\xD1\x82\xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 \xD0"
     "\xBC\xD0\xBE\xD1\x81\xD1\x82 \xD1\x87\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB7 \xD1\x80\xD0\xB5"
     "\xD0\xBA\xD1\x83 \xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1"
     "\x80\xD1\x8B\xD1\x82 \xD0\xB4\xD0\xBB\xD1\x8F \xD0\xB4\xD0\xB2\xD0\xB8\xD0\xB6\xD0\xB5"
     "\xD0\xBD\xD0\xB8\xD1\x8F \xD0\xB2 \xD1\x81\xD0\xBB\xD0\xB5\xD0\xB4\xD1\x83\xD1\x8E\xD1"
     "\x89\xD0\xB5\xD0\xBC \xD0\xBC\xD0\xB5\xD1\x81\xD1\x8F\xD1\x86\xD0\xB5. \xD0\xA1\xD1\x82"
     "\xD1\x80\xD0\xBE\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE "
     "\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB6\xD0\xB0\xD0\xBB\xD0\xBE\xD1\x81"
     "\xD1\x8C \xD0\xBF\xD0\xBE\xD1\x87\xD1\x82\xD0\xB8 \xD1\x82\xD1\x80\xD0\xB8 \xD0\xB3\xD0"
     "\xBE\xD0\xB4\xD0\xB0 \xD0\xB8 \xD0\xBE\xD0\xB1\xD0\xBE\xD1\x88\xD0\xBB\xD0\xBE\xD1\x81"
     "\xD1\x8C \xD0\xB1\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82\xD1\x83 \xD0\xB2 \xD0\xBD\xD0"
     "\xB5\xD1\x81\xD0\xBA\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xBA\xD0\xBE \xD0\xBC\xD0\xB8\xD0\xBB"
     "\xD0\xBB\xD0\xB8\xD0\xB0\xD1\x80\xD0\xB4\xD0\xBE\xD0\xB2 \xD1\x80\xD1\x83\xD0\xB1\xD0"
     "\xBB\xD0\xB5\xD0\xB9. \xD0\x96\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB8 \xD1\x81\xD0\xBE"
     "\xD1\x81\xD0\xB5\xD0\xB4\xD0\xBD\xD0\xB8\xD1\x85 \xD1\x80\xD0\xB0\xD0\xB9\xD0\xBE\xD0"
     "\xBD\xD0\xBE\xD0\xB2 \xD0\xBD\xD0\xB0\xD0\xB4\xD0\xB5\xD1\x8E\xD1\x82\xD1\x81\xD1\x8F, "
     "\xD1\x87\xD1\x82\xD0\xBE \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB1\xD0\xBA\xD0\xB8 \xD0\xB2 \xD1"
     "\x86\xD0\xB5\xD0\xBD\xD1\x82\xD1\x80\xD0\xB5 \xD0\xB3\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4"
     "\xD0\xB0 \xD1\x81\xD1\x82\xD0\xB0\xD0\xBD\xD1\x83\xD1\x82 \xD0\xBC\xD0\xB5\xD0\xBD\xD1"
     "\x8C\xD1\x88\xD0\xB5.",
     // новый мост через реку (a new bridge over the river)
     "\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 \xD0\xBC\xD0\xBE\xD1\x81\xD1\x82 \xD1\x87\xD0"
     "\xB5\xD1\x80\xD0\xB5\xD0\xB7 \xD1\x80\xD0\xB5\xD0\xBA\xD1\x83"},
};

std::string Page(const std::string& head, const char* lang, const std::string& paragraph) {
  return "<!doctype html><html lang=\"" + std::string(lang) + "\"><head>" + head +
         "<title>News</title></head><body><article><p>" + paragraph + "</p><p>" + paragraph +
         "</p></article></body></html>";
}

TEST_CASE("legacy charsets decode without mojibake, declared or not") {
  for (const Sample& s : kSamples) {
    for (const char* how : {"meta", "http-equiv", "http", "undeclared"}) {
      INFO("sample: " << std::string(s.id));
      INFO("declared: " << std::string(how));
      std::string head;
      std::string content_type = "text/html";
      if (std::string(how) == "meta") head = "<meta charset=\"" + std::string(s.label) + "\">";
      if (std::string(how) == "http-equiv") {
        head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" +
               std::string(s.label) + "\">";
      }
      if (std::string(how) == "http") content_type += "; charset=" + std::string(s.label);
      RawDocument doc;
      doc.bytes = Encode(Page(head, s.lang, s.paragraph), s.encode_as);
      doc.content_type = content_type;
      StatusOr<Article> article = Parse(doc);
      CHECK(article.ok());
      if (!article.ok()) continue;
      CHECK(article->text.find(s.words) != std::string::npos);
      CHECK_FALSE(FindInvalidUtf8(article->text).has_value());
      std::string want_method = how;
      if (want_method == "http-equiv") want_method = "meta";
      if (want_method != "undeclared") CHECK(article->meta.charset_method == want_method);
      if (want_method == "undeclared") {
        bool guessed =
            article->meta.charset_method == "detector" || article->meta.charset_method == "default";
        CHECK(guessed);
      }
    }
  }
}

TEST_CASE("the charset chain and what decided it") {
  struct Case {
    const char* id;
    std::string bytes;
    std::string http_charset;
    std::string charset;
    std::string method;
  };
  const Case cases[] = {
      {"UTF-8 BOM beats the header", "\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "iso-8859-1", "UTF-8",
       "bom"},
      {"header beats meta", "<meta charset=utf-8><p>caf\xE9</p>", "latin1", "windows-1252", "http"},
      {"meta in the first 1024 bytes", "<meta charset='koi8-r'><p>x</p>", "", "KOI8-R", "meta"},
      {"meta after a long head", "<head>" + std::string(3000, ' ') + "<meta charset=gbk>", "",
       "GB18030", "meta"},
      {"meta in a comment is not read", "<!-- <meta charset=koi8-r> --><p>caf\xC3\xA9</p>", "",
       "UTF-8", "utf8-valid"},
      {"meta that says UTF-16 reads as UTF-8", "<meta charset=utf-16><p>ok</p>", "", "UTF-8",
       "meta"},
      {"latin-1 label on valid UTF-8 text", "<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", "",
       "UTF-8", "utf8-valid"},
      {"unknown label falls through", "<meta charset=x-no-such><p>plain</p>", "", "UTF-8",
       "utf8-valid"},
      // ICU's Latin-1 recogniser is sure of any Latin word with a high-bit letter.
      {"undeclared Latin-1", "<p>caf\xE9</p>", "", "windows-1252", "detector"},
      {"undeclared and too little to judge", "<p>\x81</p>", "", "windows-1252", "default"},
  };
  for (const Case& c : cases) {
    INFO("case: " << std::string(c.id));
    StatusOr<DecodedText> d = DecodeHtml(c.bytes, c.http_charset);
    CHECK(d.ok());
    if (!d.ok()) continue;
    CHECK(d->charset == c.charset);
    CHECK(d->method == c.method);
    CHECK_FALSE(FindInvalidUtf8(d->utf8).has_value());
  }
}

TEST_CASE("WHATWG labels") {
  struct Case {
    const char* label;
    const char* name;
  };
  const Case cases[] = {
      {"ISO-8859-1", "windows-1252"}, {"us-ascii", "windows-1252"}, {" Latin1 ", "windows-1252"},
      {"gb2312", "GB18030"},          {"GBK", "GB18030"},           {"x-sjis", "Shift_JIS"},
      {"shift_jis", "Shift_JIS"},     {"KOI8-R", "KOI8-R"},         {"euc-kr", "windows-949"},
      {"euc-jp", "EUC-JP"},           {"big5", "Big5-HKSCS"},       {"utf8", "UTF-8"},
      {"utf-16be", "UTF-16BE"},       {"utf-16", "UTF-16LE"},       {"", ""},
      {"no-such-charset", ""},        {"s\xFF\xFFhift_jis", ""},  // ICU would match it loosely
  };
  for (const Case& c : cases) {
    INFO("case: " << std::string(c.label));
    CHECK(IcuCharsetName(c.label, /*from_meta=*/false) == c.name);
  }
}

TEST_CASE("NUL bytes and invalid UTF-8 in a title come out as valid UTF-8") {
  static constexpr char kDeclared[] =
      "<html><head><meta charset=utf-8><title>Bad\0title \xFF\xFE here</title></head>"
      "<body><p>Some text\0 with a NUL and \xC3 a cut sequence.</p></body></html>";
  static constexpr char kUndeclared[] =
      "<html><head><title>No charset \x80\x81\xFF title</title></head><body><p>Body "
      "\0text</p></body></html>";
  const std::string bodies[] = {std::string(kDeclared, sizeof kDeclared - 1),
                                std::string(kUndeclared, sizeof kUndeclared - 1)};
  for (const std::string& b : bodies) {
    RawDocument doc;
    doc.bytes = b;
    doc.content_type = "text/html";
    StatusOr<Article> article = Parse(doc);
    CHECK(article.ok());
    if (!article.ok()) continue;
    CHECK_FALSE(FindInvalidUtf8(article->meta.title).has_value());
    CHECK_FALSE(FindInvalidUtf8(article->text).has_value());
    CHECK(article->meta.title.find("title") != std::string::npos);
  }
}

}  // namespace
}  // namespace newsrecon
