// Charsets for the parse stage: which charset a page's bytes are in, and
// their conversion to UTF-8 with ICU.
//
// DecodeHtml takes a page's bytes and the charset its HTTP Content-Type named
// (may be empty) and walks the chain browsers walk, recording which link
// decided:
//   "bom"        a UTF-8 / UTF-16 byte order mark (it cannot be stale, so it
//                goes before the header, as in WHATWG encoding sniffing);
//   "http"       the Content-Type's charset parameter;
//   "meta"       <meta charset> or <meta http-equiv=Content-Type content=…>
//                found by the HTML prescan (first 1024 bytes, then 64 KiB);
//   "utf8-valid" no declaration (or a legacy single-byte one that the bytes
//                contradict) and the bytes are valid UTF-8 with non-ASCII text;
//   "detector"   ICU's charset detector, when confident, preferring a match in
//                the language <html lang> declares;
//   "default"    windows-1252.
// Labels are mapped as the WHATWG Encoding Standard maps them (ISO-8859-1 and
// ASCII → windows-1252, GB2312/GBK → GB18030, x-sjis → Shift_JIS, EUC-KR →
// windows-949 ...). Bytes invalid in the chosen charset become U+FFFD, so the
// text is always valid UTF-8. Fails only for a document too large for ICU.
//
// Thread-safety: no shared state; call from any thread.
#ifndef NEWSRECON_PIPELINE_PARSE_CHARSET_H_
#define NEWSRECON_PIPELINE_PARSE_CHARSET_H_

#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace newsrecon {

struct DecodedText {
  std::string utf8;
  std::string charset;  // the charset decoded from, as ICU names it ("windows-1252")
  std::string method;   // "bom", "http", "meta", "utf8-valid", "detector", "default"
};

StatusOr<DecodedText> DecodeHtml(std::string_view bytes, std::string_view http_charset);

// Removes a byte order mark from `bytes` and names the charset it declares
// ("UTF-8", "UTF-16LE", "UTF-16BE"), or "" when there is none.
std::string_view StripBom(std::string_view* bytes);

// The ICU converter name for a charset label per the WHATWG Encoding Standard
// ("latin1" → "windows-1252"); "" for an empty label or one ICU cannot open.
// A label from a <meta> that says UTF-16 reads as UTF-8 (bytes that carry
// such a tag are ASCII-based).
std::string IcuCharsetName(std::string_view label, bool from_meta);

// The charset label a <meta> declares in the first `limit` bytes, found as
// the HTML spec's prescan finds it (comments and other tags skipped); "".
std::string PrescanMetaCharset(std::string_view bytes, size_t limit);

// ICU's guess for bytes in an unknown charset, as an ICU converter name, or ""
// when no guess is confident enough. `language` (BCP 47, may be empty) breaks
// near ties in favour of charsets used for that language.
std::string DetectCharset(std::string_view bytes, std::string_view language);

// Converts `bytes` from `charset` to UTF-8. Strict: a byte sequence that is
// invalid in the charset fails (kInvalidArgument); lenient: it becomes U+FFFD.
// kUnsupported for a charset ICU does not know.
StatusOr<std::string> ToUtf8(std::string_view bytes, const std::string& charset, bool strict);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_PARSE_CHARSET_H_
