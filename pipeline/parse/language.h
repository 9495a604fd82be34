// The language of an article: what the page declares, checked against what
// its text is written in.
//
// Pages often declare no language, or their CMS's default ("en" on a German
// site): and the language decides how the claims are read ("5.000" is five
// thousand in German, five in English; "03/04" is 3 April or March 4). The
// text's language is told by CLD2 (Google's Compact Language Detector 2,
// Debian's libcld2), which knows 83 languages from their letters' n-grams.
//
// Takes: the declared tag (BCP 47, any case, may be empty) and the main text
// (valid UTF-8). Gives: the tag to keep. Cannot fail.
//
// Thread-safety: CLD2's tables are constant; call from any thread.
#ifndef NEWSRECON_PIPELINE_PARSE_LANGUAGE_H_
#define NEWSRECON_PIPELINE_PARSE_LANGUAGE_H_

#include <string>
#include <string_view>

namespace newsrecon {

// What CLD2 says of a text.
struct DetectedLanguage {
  std::string code;    // a BCP 47 primary tag ("de", "zh-Hant"); "" when unknown
  int percent = 0;     // share of the text's letters in that language
  int text_bytes = 0;  // letters CLD2 scored (markup, digits and spaces left out)
  bool reliable = false;
};
// `utf8_text` must be valid UTF-8 (CLD2 does not check).
DetectedLanguage DetectLanguage(std::string_view utf8_text);

// Whether two BCP 47 tags name one language: the same primary subtag, any
// case ("de-AT" and "DE"); Norwegian's "no", "nb" and "nn" as one, since
// pages declare "nb" where CLD2 tells "no".
bool SameLanguage(std::string_view a, std::string_view b);

// The declared tag when the text agrees or cannot tell; the text's language
// when nothing is declared and CLD2 is sure (reliable, 100 letters or more),
// or when the declaration's primary subtag names another language and the
// text is surely not in it (reliable, 90% or more of 400 letters or more in
// one other language).
std::string DecideLanguage(std::string_view declared, std::string_view utf8_text);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_PARSE_LANGUAGE_H_
