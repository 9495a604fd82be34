#include "pipeline/parse/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/ascii.h"
#include "pipeline/core/utf8.h"

namespace newsrecon {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IcuKnows(const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &err);
  if (conv) ucnv_close(conv);
  return U_SUCCESS(err) && conv != nullptr;
}

// Counts UTF-8 sequences: well-formed multi-byte ones and ill-formed bytes.
struct Utf8Census {
  size_t multibyte = 0;
  size_t invalid = 0;
};

Utf8Census CountUtf8(std::string_view s) {
  Utf8Census c;
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len = b >= 0xC2 && b <= 0xDF   ? 2
                 : b >= 0xE0 && b <= 0xEF ? 3
                 : b >= 0xF0 && b <= 0xF4 ? 4
                                          : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok && len == 3) {
      auto b1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0);
    } else if (ok && len == 4) {
      auto b1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xF0 && b1 < 0x90) && !(b == 0xF4 && b1 >= 0x90);
    }
    if (ok) {
      ++c.multibyte;
      i += len;
    } else {
      ++c.invalid;
      ++i;
    }
  }
  return c;
}

// Single-byte legacy charsets: a page declared in one of them whose bytes are
// nonetheless valid UTF-8 with non-ASCII text is UTF-8 mislabelled (the odds
// that legacy text forms valid multi-byte sequences by chance are tiny).
bool IsSingleByteLegacy(std::string_view icu_name) {
  return StartsWithIgnoreAsciiCase(icu_name, "windows-12") ||
         StartsWithIgnoreAsciiCase(icu_name, "iso-8859-") ||
         StartsWithIgnoreAsciiCase(icu_name, "koi8") ||
         EqualsIgnoreAsciiCase(icu_name, "macintosh");
}

// The HTML prescan: <meta> charset declarations and the <html lang>.
struct Prescan {
  std::string charset;
  std::string lang;
};

struct Attr {
  std::string name;  // lowercase
  std::string_view value;
};

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// Reads one attribute at `*i` (spec "get an attribute"); false at the tag's end.
bool NextAttr(std::string_view s, size_t* i, Attr* a) {
  while (*i < s.size() && (IsHtmlSpace(s[*i]) || s[*i] == '/')) ++*i;
  if (*i >= s.size() || s[*i] == '>') return false;
  a->name.clear();
  a->value = {};
  while (*i < s.size() && s[*i] != '=' && s[*i] != '>' && s[*i] != '/' && !IsHtmlSpace(s[*i])) {
    a->name += AsciiLower(s[(*i)++]);
  }
  while (*i < s.size() && IsHtmlSpace(s[*i])) ++*i;
  if (*i >= s.size() || s[*i] != '=') return true;
  ++*i;
  while (*i < s.size() && IsHtmlSpace(s[*i])) ++*i;
  if (*i >= s.size()) return true;
  if (s[*i] == '"' || s[*i] == '\'') {
    char q = s[(*i)++];
    size_t end = s.find(q, *i);
    if (end == std::string_view::npos) end = s.size();
    a->value = s.substr(*i, end - *i);
    *i = end + 1;
  } else {
    size_t start = *i;
    while (*i < s.size() && !IsHtmlSpace(s[*i]) && s[*i] != '>') ++*i;
    a->value = s.substr(start, *i - start);
  }
  return true;
}

// The charset named in a Content-Type value ("text/html; charset=koi8-r").
std::string_view CharsetParameter(std::string_view content) {
  size_t at = FindIgnoreAsciiCase(content, "charset");
  if (at == std::string_view::npos) return {};
  size_t i = at + 7;
  while (i < content.size() && IsHtmlSpace(content[i])) ++i;
  if (i >= content.size() || content[i] != '=') return {};
  ++i;
  while (i < content.size() && IsHtmlSpace(content[i])) ++i;
  if (i < content.size() && (content[i] == '"' || content[i] == '\'')) ++i;
  size_t j = i;
  while (j < content.size() && !IsHtmlSpace(content[j]) && content[j] != ';' && content[j] != '"' &&
         content[j] != '\'') {
    ++j;
  }
  return content.substr(i, j - i);
}

Prescan RunPrescan(std::string_view bytes, size_t limit) {
  Prescan p;
  std::string_view s = bytes.substr(0, limit);
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    size_t name_at = i + 1 + (i + 1 < s.size() && s[i + 1] == '/');
    if (name_at >= s.size() || !IsAsciiAlpha(s[name_at])) {
      size_t end = s.find('>', i + 1);  // <!doctype>, <?xml?>, stray '<'
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    size_t j = name_at;
    while (j < s.size() && !IsHtmlSpace(s[j]) && s[j] != '>' && s[j] != '/') ++j;
    std::string_view tag = s.substr(name_at, j - name_at);
    bool meta = name_at == i + 1 && EqualsIgnoreAsciiCase(tag, "meta");
    bool html = name_at == i + 1 && EqualsIgnoreAsciiCase(tag, "html");
    Attr a;
    bool content_type = false;
    std::string_view charset, content;
    i = j;
    while (NextAttr(s, &i, &a)) {
      if (meta && a.name == "charset" && charset.empty()) charset = TrimAsciiSpace(a.value);
      if (meta && a.name == "http-equiv")
        content_type = EqualsIgnoreAsciiCase(a.value, "content-type");
      if (meta && a.name == "content") content = a.value;
      if (html && a.name == "lang" && p.lang.empty()) p.lang = std::string(TrimAsciiSpace(a.value));
    }
    if (i < s.size() && s[i] == '>') ++i;
    if (meta && charset.empty() && content_type) charset = CharsetParameter(content);
    if (!charset.empty()) {
      p.charset = std::string(charset);
      return p;
    }
  }
  return p;
}

std::string PrimaryLanguage(std::string_view tag) {
  size_t end = tag.find_first_of("-_");
  return AsciiLower(TrimAsciiSpace(tag.substr(0, end)));
}

}  // namespace

std::string_view StripBom(std::string_view* bytes) {
  static constexpr struct {
    std::string_view mark;
    std::string_view charset;
  } kBoms[] = {{"\xEF\xBB\xBF", "UTF-8"}, {"\xFF\xFE", "UTF-16LE"}, {"\xFE\xFF", "UTF-16BE"}};
  for (const auto& bom : kBoms) {
    if (bytes->substr(0, bom.mark.size()) == bom.mark) {
      bytes->remove_prefix(bom.mark.size());
      return bom.charset;
    }
  }
  return "";
}

std::string IcuCharsetName(std::string_view label, bool from_meta) {
  std::string l = AsciiLower(TrimAsciiSpace(label));
  if (l.empty()) return "";
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8" ||
      l == "unicode20utf8") {
    return "UTF-8";
  }
  if (l.rfind("utf-16", 0) == 0 || l == "unicode" || l == "ucs-2" || l == "csunicode" ||
      l == "iso-10646-ucs-2" || l == "unicodefeff" || l == "unicodefffe") {
    if (from_meta) return "UTF-8";
    if (l == "utf-16be" || l == "unicodefffe") return "UTF-16BE";
    return "UTF-16LE";
  }
  static constexpr struct {
    std::string_view label;
    std::string_view name;
  } kLabels[] = {
      // windows-1252 (WHATWG: every Latin-1 and ASCII label).
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"iso88591", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"iso-ir-100", "windows-1252"},
      {"ibm819", "windows-1252"},
      {"cp819", "windows-1252"},
      {"csisolatin1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"windows-1252", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"iso_8859-1:1987", "windows-1252"},
      {"x-user-defined", "windows-1252"},
      // windows-1254 and windows-874 likewise take their ISO relatives.
      {"iso-8859-9", "windows-1254"},
      {"iso8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"l5", "windows-1254"},
      {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"},
      // Chinese: the GBK decoder is the gb18030 decoder.
      {"gb2312", "GB18030"},
      {"gb_2312-80", "GB18030"},
      {"gb_2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"chinese", "GB18030"},
      {"csgb2312", "GB18030"},
      {"iso-ir-58", "GB18030"},
      {"gb18030", "GB18030"},
      {"cp936", "GB18030"},
      {"big5", "Big5-HKSCS"},
      {"big5-hkscs", "Big5-HKSCS"},
      {"cn-big5", "Big5-HKSCS"},
      {"csbig5", "Big5-HKSCS"},
      {"x-x-big5", "Big5-HKSCS"},
      // Japanese.
      {"shift_jis", "Shift_JIS"},
      {"shift-jis", "Shift_JIS"},
      {"x-sjis", "Shift_JIS"},
      {"sjis", "Shift_JIS"},
      {"ms932", "Shift_JIS"},
      {"ms_kanji", "Shift_JIS"},
      {"csshiftjis", "Shift_JIS"},
      {"windows-31j", "Shift_JIS"},
      {"euc-jp", "EUC-JP"},
      {"x-euc-jp", "EUC-JP"},
      {"cseucpkdfmtjapanese", "EUC-JP"},
      {"iso-2022-jp", "ISO-2022-JP"},
      // Korean: EUC-KR labels mean windows-949.
      {"euc-kr", "windows-949"},
      {"cseuckr", "windows-949"},
      {"ks_c_5601-1987", "windows-949"},
      {"ksc5601", "windows-949"},
      {"ksc_5601", "windows-949"},
      {"windows-949", "windows-949"},
      {"korean", "windows-949"},
      // Cyrillic.
      {"koi8-r", "KOI8-R"},
      {"koi8r", "KOI8-R"},
      {"koi", "KOI8-R"},
      {"koi8", "KOI8-R"},
      {"cskoi8r", "KOI8-R"},
      {"koi8-u", "KOI8-U"},
      {"koi8-ru", "KOI8-U"},
      {"x-mac-cyrillic", "x-mac-cyrillic"},
      {"x-mac-roman", "macintosh"},
      {"macintosh", "macintosh"},
      {"mac", "macintosh"},
      {"csmacintosh", "macintosh"},
  };
  // ICU knows most other labels by name or alias (matching them loosely:
  // it skips punctuation and other bytes, so only clean labels are asked).
  for (char c : l) {
    if (!IsAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.' &&
        c != ':') {
      return "";
    }
  }
  std::string name = l;
  for (const auto& entry : kLabels) {
    if (l == entry.label) {
      name = std::string(entry.name);
      break;
    }
  }
  return IcuKnows(name) ? name : "";
}

std::string PrescanMetaCharset(std::string_view bytes, size_t limit) {
  return RunPrescan(bytes, limit).charset;
}

std::string DetectCharset(std::string_view bytes, std::string_view language) {
  constexpr size_t kSample = 64 << 10;
  bytes = bytes.substr(0, kSample);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&err),
                                                                     &ucsdet_close);
  if (U_FAILURE(err) || !det) return "";
  ucsdet_enableInputFilter(det.get(), true);  // judge the text, not the markup
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_FAILURE(err) || count == 0) return "";
  struct Guess {
    std::string name;
    std::string language;
    int confidence;
  };
  std::vector<Guess> guesses;
  for (int32_t k = 0; k < count; ++k) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[k], &e);
    const char* lang = ucsdet_getLanguage(matches[k], &e);
    int confidence = ucsdet_getConfidence(matches[k], &e);
    if (U_FAILURE(e) || !name) continue;
    std::string n = name;
    // Without a BOM, the bytes are not UTF-16/32; valid UTF-8 was tried before.
    if (n.rfind("UTF-", 0) == 0) continue;
    guesses.push_back({n, lang ? lang : "", confidence});
  }
  if (guesses.empty()) return "";
  // Below this ICU is guessing from too little or too ambiguous text.
  constexpr int kMinConfidence = 20;
  constexpr int kLanguageMargin = 20;
  const Guess* pick = &guesses.front();
  std::string want = PrimaryLanguage(language);
  if (!want.empty() && pick->language != want) {
    for (const Guess& g : guesses) {
      if (g.language == want && g.confidence >= kMinConfidence &&
          g.confidence + kLanguageMargin >= pick->confidence) {
        pick = &g;
        break;
      }
    }
  }
  if (pick->confidence < kMinConfidence) return "";
  return IcuCharsetName(pick->name, /*from_meta=*/false);
}

StatusOr<std::string> ToUtf8(std::string_view bytes, const std::string& charset, bool strict) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &err),
                                                          &ucnv_close);
  if (U_FAILURE(err) || !conv) return Status::Unsupported("unknown charset \"" + charset + "\"");
  if (strict) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 4)) {
    return Status::InvalidArgument("document too large to convert");
  }
  // Every charset ICU knows yields at most two UTF-16 units a byte (most one).
  std::u16string units(bytes.size() + 1, u'\0');
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(units.data()),
                            static_cast<int32_t>(units.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    units.assign(static_cast<size_t>(n) + 1, u'\0');
    ucnv_resetToUnicode(conv.get());
    n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(units.data()),
                      static_cast<int32_t>(units.size()), bytes.data(),
                      static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    return Status::InvalidArgument("text is not valid " + charset + " (" + u_errorName(err) + ")");
  }
  std::string out(static_cast<size_t>(n) * 3, '\0');
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len,
                     reinterpret_cast<const UChar*>(units.data()), n, 0xFFFD, nullptr, &err);
  if (U_FAILURE(err)) {
    return Status::InvalidArgument(std::string("charset conversion failed (") + u_errorName(err) +
                                   ")");
  }
  out.resize(static_cast<size_t>(len));
  return out;
}

StatusOr<DecodedText> DecodeHtml(std::string_view bytes, std::string_view http_charset) {
  DecodedText d;
  d.charset = std::string(StripBom(&bytes));
  if (!d.charset.empty()) d.method = "bom";
  if (d.charset.empty() && !http_charset.empty()) {
    d.charset = IcuCharsetName(http_charset, /*from_meta=*/false);
    if (!d.charset.empty()) d.method = "http";
  }
  Prescan pre;
  if (d.charset.empty()) {
    // The spec's prescan reads 1024 bytes; pages that declare later (after a
    // long <head> of scripts) are common enough to look further.
    for (size_t limit : {size_t{1024}, size_t{64} << 10}) {
      pre = RunPrescan(bytes, limit);
      d.charset = IcuCharsetName(pre.charset, /*from_meta=*/true);
      if (!d.charset.empty()) {
        d.method = "meta";
        break;
      }
    }
  }
  const bool declared = !d.charset.empty();
  if (d.method != "bom") {
    Utf8Census census = CountUtf8(bytes);
    const bool valid_utf8 = census.invalid == 0;
    if (valid_utf8 && (!declared || (census.multibyte > 0 && IsSingleByteLegacy(d.charset)))) {
      d.charset = "UTF-8";
      d.method = "utf8-valid";
    } else if (!declared || (d.charset == "UTF-8" && census.invalid > census.multibyte)) {
      // Undeclared legacy bytes, or "UTF-8" that is mostly not: ask ICU.
      if (pre.lang.empty()) pre = RunPrescan(bytes, size_t{64} << 10);
      std::string guess = DetectCharset(bytes, pre.lang);
      if (!guess.empty()) {
        d.charset = guess;
        d.method = "detector";
      } else if (!declared) {
        d.charset = "windows-1252";
        d.method = "default";
      }
    }
  }
  if (d.charset == "UTF-8" && !FindInvalidUtf8(bytes)) {
    d.utf8 = std::string(bytes);
    return d;
  }
  StatusOr<std::string> utf8 = ToUtf8(bytes, d.charset, /*strict=*/false);
  if (!utf8.ok()) return utf8.status();
  d.utf8 = std::move(utf8).value();
  return d;
}

}  // namespace newsrecon
