#include "pipeline/parse/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

// CLD2 keeps a few codes that BCP 47 has replaced.
std::string Bcp47(std::string_view cld2_code) {
  static constexpr std::pair<std::string_view, std::string_view> kRenamed[] = {
      {"iw", "he"}, {"jw", "jv"}, {"in", "id"}, {"mo", "ro"}};
  for (const auto& [old_code, now] : kRenamed) {
    if (cld2_code == old_code) return std::string(now);
  }
  return std::string(cld2_code);
}

// The primary subtag, lowercase ("de" of "de-AT", "zh" of "zh-Hant"), with
// Norwegian's written forms as "no".
std::string Primary(std::string_view tag) {
  std::string out = AsciiLower(tag.substr(0, tag.find_first_of("-_")));
  return out == "nb" || out == "nn" ? "no" : out;
}

}  // namespace

DetectedLanguage DetectLanguage(std::string_view utf8_text) {
  DetectedLanguage out;
  if (utf8_text.empty()) return out;
  const int length =
      static_cast<int>(std::min<size_t>(utf8_text.size(), std::numeric_limits<int>::max() / 2));
  CLD2::Language language3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language top =
      CLD2::DetectLanguageSummary(utf8_text.data(), length, /*is_plain_text=*/true, language3,
                                  percent3, &text_bytes, &reliable);
  if (top == CLD2::UNKNOWN_LANGUAGE || top == CLD2::TG_UNKNOWN_LANGUAGE) return out;
  out.code = Bcp47(CLD2::LanguageCode(top));
  out.percent = language3[0] == top ? percent3[0] : 0;
  out.text_bytes = text_bytes;
  out.reliable = reliable;
  return out;
}

bool SameLanguage(std::string_view a, std::string_view b) { return Primary(a) == Primary(b); }

std::string DecideLanguage(std::string_view declared, std::string_view utf8_text) {
  const DetectedLanguage d = DetectLanguage(utf8_text);
  if (d.code.empty() || !d.reliable) return std::string(declared);
  if (declared.empty()) return d.text_bytes >= 100 ? d.code : "";
  if (SameLanguage(declared, d.code)) return std::string(declared);
  if (d.percent >= 90 && d.text_bytes >= 400) return d.code;
  return std::string(declared);
}

}  // namespace newsrecon
