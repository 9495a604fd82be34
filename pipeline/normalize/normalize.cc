#include "pipeline/normalize/normalize.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "pipeline/core/utf8.h"

namespace newsrecon {
namespace {

// What a character becomes after NFKC, and why. Applied to every code point of
// NFKC's output; a text char that is alone in its normalization segment (the
// usual case) is looked up before NFKC, which gives the same result except for
// the entries marked "before NFKC", whose NFKC form would lose what they mean.
// Besides these, "\r\n" (one unit) becomes "\n".
struct Fold {
  char32_t from;
  std::string_view to;
  std::string_view reason;
};

constexpr Fold kFolds[] = {
    {U'\t', " ", "TAB: white space inside a block; rules match ' '"},
    {U'\r', "\n", "CARRIAGE RETURN (alone or in \"\\r\\n\"): one line ending, '\\n'"},
    {0x0085, "\n", "NEXT LINE: a line ending; blocks are separated by '\\n'"},
    {0x00A0, " ", "NO-BREAK SPACE: \"27\u00a0%\" is \"27 %\" (NFKC gives ' ' too)"},
    {0x00AD, "",
     "SOFT HYPHEN: invisible unless a line breaks there; \"bil\u00adlion\" is \"billion\""},
    {0x00B4, "'",
     "ACUTE ACCENT, typed for an apostrophe (\"Microsoft\u00b4s\"); before NFKC, which would "
     "make it a space and a combining accent"},
    {0x02BC, "'", "MODIFIER LETTER APOSTROPHE, printed for \u2019 by some systems"},
    {0x2000, " ", "EN QUAD (NFKC gives ' ' too)"},
    {0x2001, " ", "EM QUAD (NFKC gives ' ' too)"},
    {0x2002, " ", "EN SPACE (NFKC gives ' ' too)"},
    {0x2003, " ", "EM SPACE (NFKC gives ' ' too)"},
    {0x2004, " ", "THREE-PER-EM SPACE (NFKC gives ' ' too)"},
    {0x2005, " ", "FOUR-PER-EM SPACE (NFKC gives ' ' too)"},
    {0x2006, " ", "SIX-PER-EM SPACE (NFKC gives ' ' too)"},
    {0x2007, " ", "FIGURE SPACE, a digit wide, in tables of figures (NFKC gives ' ' too)"},
    {0x2008, " ", "PUNCTUATION SPACE (NFKC gives ' ' too)"},
    {0x2009, " ", "THIN SPACE: \"27\u2009%\", \"$\u20095 bn\" (NFKC gives ' ' too)"},
    {0x200A, " ", "HAIR SPACE (NFKC gives ' ' too)"},
    {0x200B, "", "ZERO WIDTH SPACE: invisible, splits numbers and words"},
    {0x200C, "", "ZERO WIDTH NON-JOINER: invisible in Latin text"},
    {0x200D, "", "ZERO WIDTH JOINER: invisible in Latin text"},
    {0x2010, "-", "HYPHEN: \"revenue\u2010share\" is \"revenue-share\""},
    {0x2011, "-", "NON-BREAKING HYPHEN: \"US\u2011based\" (NFKC gives U+2010, folded again)"},
    {0x2012, "-", "FIGURE DASH: between digits, as in phone numbers"},
    {0x2013, "-", "EN DASH: ranges \"2020\u20132024\" and \"pre\u2013market\""},
    {0x2014, "-",
     "EM DASH: a break in a sentence; folded to '-' too so rules see one dash (spaces around it "
     "are kept, so \"a\u2014b\" becomes \"a-b\")"},
    {0x2015, "-", "HORIZONTAL BAR: a quotation dash, printed for an em dash"},
    {0x2018, "'", "LEFT SINGLE QUOTATION MARK"},
    {0x2019, "'", "RIGHT SINGLE QUOTATION MARK: the apostrophe of \"OpenAI\u2019s\""},
    {0x201A, "'", "SINGLE LOW-9 QUOTATION MARK"},
    {0x201B, "'", "SINGLE HIGH-REVERSED-9 QUOTATION MARK"},
    {0x201C, "\"", "LEFT DOUBLE QUOTATION MARK"},
    {0x201D, "\"", "RIGHT DOUBLE QUOTATION MARK"},
    {0x201E, "\"", "DOUBLE LOW-9 QUOTATION MARK"},
    {0x201F, "\"", "DOUBLE HIGH-REVERSED-9 QUOTATION MARK"},
    {0x2028, "\n", "LINE SEPARATOR: a line ending"},
    {0x2029, "\n", "PARAGRAPH SEPARATOR: a block ending"},
    {0x202F, " ", "NARROW NO-BREAK SPACE: \"27\u202f%\" (NFKC gives ' ' too)"},
    {0x2032, "'", "PRIME, printed for an apostrophe or a closing single quote"},
    {0x2033, "\"",
     "DOUBLE PRIME, printed for a closing double quote; before NFKC, which would make it two "
     "primes"},
    {0x2044, "/", "FRACTION SLASH: NFKC turns \"\u00bd\" into \"1\u20442\"; rules read \"1/2\""},
    {0x205F, " ", "MEDIUM MATHEMATICAL SPACE (NFKC gives ' ' too)"},
    {0x2060, "", "WORD JOINER: invisible"},
    {0x2212, "-", "MINUS SIGN: \"\u22125%\" is \"-5%\""},
    {0x3000, " ", "IDEOGRAPHIC SPACE (NFKC gives ' ' too)"},
    {0xFEFF, "", "ZERO WIDTH NO-BREAK SPACE / byte order mark: invisible"},
};

constexpr bool FoldsSorted() {
  for (size_t i = 1; i < std::size(kFolds); ++i) {
    if (kFolds[i - 1].from >= kFolds[i].from) return false;
  }
  return true;
}
static_assert(FoldsSorted(), "kFolds must be sorted by code point for binary search");

const Fold* FindFold(char32_t cp) {
  const Fold* end = std::end(kFolds);
  const Fold* it = std::lower_bound(std::begin(kFolds), end, cp,
                                    [](const Fold& f, char32_t c) { return f.from < c; });
  return (it != end && it->from == cp) ? it : nullptr;
}

// Index of the first byte at or after `i` that is not ASCII, or is '\r' or '\t'
// (the only ASCII bytes that change).
size_t SkipPlainAscii(std::string_view s, size_t i) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const auto has_zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & kHigh) | has_zero_byte(w ^ (kOnes * '\r')) | has_zero_byte(w ^ (kOnes * '\t'))) {
      break;
    }
    i += 8;
  }
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80 || b == '\r' || b == '\t') break;
    ++i;
  }
  return i;
}

Status InvalidUtf8At(size_t offset) {
  return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(offset));
}

// Appends `s` (valid UTF-8, already NFKC) to `out` with every code point folded.
void AppendFolded(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    const Utf8Char c = DecodeUtf8(s, i);
    const Fold* fold = FindFold(c.code_point);
    if (fold != nullptr) {
      out->append(fold->to);
    } else {
      out->append(s.data() + i, c.length);
    }
    i += c.length;
  }
}

// Abbreviations after which a sentence does not end, in addition to ICU's
// English list (which "ss=standard" applies). ICU lists "U.S." but its filter
// misses it, and every abbreviation with an inner period whose first letter
// starts another entry ("U.K.", "E.U."), when a capital follows: "The U.S.
// Treasury" would be cut after "U.S.". ICU's list also lacks titles that news
// prints before names. The price is ICU's own: "moved to the U.S. Then" stays
// one sentence. Matched case-sensitively, as a whole word before the break.
constexpr std::string_view kNoBreakAfter[] = {
    "U.S.",  // "U.S. Treasury"
    "U.K.",  // "U.K. regulators" is fine, "U.K. Prime Minister" is not
    "U.N.",  // "U.N. Secretary-General"
    "E.U.",  // "E.U. Commissioner"
    "Dr.",   // "Dr. Smith"
    "Gen.",  // "Gen. Milley"
    "Gov.",  // "Gov. Newsom"
    "Sen.",  // "Sen. Warren"
    "St.",   // "St. Louis"
};

// True when the ICU boundary at `end` follows one of kNoBreakAfter.
bool FollowsNoBreakAbbreviation(std::string_view text, size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  const std::string_view before = text.substr(0, end);
  for (std::string_view abbreviation : kNoBreakAfter) {
    if (!before.ends_with(abbreviation)) continue;
    const size_t at = before.size() - abbreviation.size();
    if (at == 0) return true;
    const unsigned char previous = static_cast<unsigned char>(before[at - 1]);
    if (previous < 0x80 && !std::isalnum(previous) && previous != '.') return true;
  }
  return false;
}

// Time zones that news prints after a clock time ("10 a.m. PDT", "5 p.m.
// UTC"): there "a.m." and "p.m." end no sentence, although a capital follows.
constexpr std::string_view kClockSuffixes[] = {"a.m.", "p.m.", "A.M.", "P.M."};
constexpr std::string_view kTimeZones[] = {
    "ET",  "EST",  "EDT",  "CT",  "CST", "CDT", "MT",  "MST",  "MDT",  "PT",  "PST",
    "PDT", "AKST", "AKDT", "HST", "GMT", "UTC", "BST", "CET",  "CEST", "EET", "EEST",
    "WET", "WEST", "IST",  "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "MSK", "NZST",
};

// True when the ICU boundary at `end` falls between "a.m." or "p.m." and a
// time zone.
bool SplitsClockFromZone(std::string_view text, size_t end) {
  size_t before = end;
  while (before > 0 && text[before - 1] == ' ') --before;
  bool clock = false;
  for (std::string_view suffix : kClockSuffixes)
    clock = clock || text.substr(0, before).ends_with(suffix);
  if (!clock) return false;
  size_t after = end;
  while (after < text.size() && text[after] == ' ') ++after;
  size_t word_end = after;
  while (word_end < text.size() && std::isupper(static_cast<unsigned char>(text[word_end])))
    ++word_end;
  if (word_end < text.size() && std::isalnum(static_cast<unsigned char>(text[word_end])))
    return false;
  const std::string_view word = text.substr(after, word_end - after);
  return std::find(std::begin(kTimeZones), std::end(kTimeZones), word) != std::end(kTimeZones);
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* length) {
  const Utf8Char c = DecodeUtf8(s, i);
  *length = c.length;
  return c.valid && u_isUWhiteSpace(static_cast<UChar32>(c.code_point));
}

// Appends [start, end) of `text` to `out`, split at every '\n' and trimmed of
// white space, dropping pieces that are left empty.
void AddSentences(std::string_view text, size_t start, size_t end, std::vector<ByteSpan>* out) {
  while (start < end) {
    const void* nl = std::memchr(text.data() + start, '\n', end - start);
    const size_t piece_end = nl ? static_cast<const char*>(nl) - text.data() : end;
    size_t s = start, e = piece_end, len = 0;
    while (s < e && IsSpaceAt(text, s, &len)) s += len;
    while (e > s) {
      size_t p = e - 1;  // back to the lead byte of the last character
      while (p > s && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      if (!IsSpaceAt(text, p, &len)) break;
      e = p;
    }
    if (s < e) out->push_back({s, e});
    start = piece_end + 1;
  }
}

}  // namespace

// ---- OffsetMap ----

OffsetMap OffsetMap::Identity(size_t size) { return OffsetMap({}, size, size); }

OffsetMap::OffsetMap(std::vector<Edit> edits, size_t normalized_size, size_t original_size)
    : edits_(std::move(edits)), normalized_size_(normalized_size), original_size_(original_size) {}

size_t OffsetMap::ToOriginal(size_t p) const {
  p = std::min(p, normalized_size_);
  // The last edit that starts at or before p; edits that start at p include
  // removed characters (skipped: p is the character after them) and the
  // character at p.
  auto it = std::upper_bound(edits_.begin(), edits_.end(), p,
                             [](size_t q, const Edit& e) { return q < e.normalized_start; });
  if (it == edits_.begin()) return p;
  const Edit& e = *(it - 1);
  if (p < e.normalized_end) return e.original_start;  // at or inside a replacement
  return e.original_end + (p - e.normalized_end);
}

size_t OffsetMap::ToOriginalEnd(size_t p) const {
  p = std::min(p, normalized_size_);
  // The last edit that starts strictly before p: edits starting at p (removed
  // characters, the next character) lie after the character ending at p.
  auto it = std::lower_bound(edits_.begin(), edits_.end(), p,
                             [](const Edit& e, size_t q) { return e.normalized_start < q; });
  if (it == edits_.begin()) return p;
  const Edit& e = *(it - 1);
  if (p < e.normalized_end) return e.original_end;  // inside a replacement
  return e.original_end + (p - e.normalized_end);
}

ByteSpan OffsetMap::ToOriginal(ByteSpan normalized) const {
  const size_t start = ToOriginal(normalized.start);
  if (normalized.end <= normalized.start) return {start, start};
  return {start, std::max(start, ToOriginalEnd(normalized.end))};
}

// ---- SentenceSplitter ----

SentenceSplitter::SentenceSplitter(std::unique_ptr<icu::BreakIterator> iterator)
    : iterator_(std::move(iterator)) {}
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;
SentenceSplitter::~SentenceSplitter() = default;

namespace {

// The iterator every SentenceSplitter clones. Building one costs about 150 µs
// (ICU compiles its abbreviation list into tries), cloning under a
// microsecond. Built once, on first use, and never changed afterwards: a
// constant, not shared mutable state. Cloning an untouched master iterator is
// how ICU's user guide says to give each thread its own.
struct SentencePrototype {
  std::unique_ptr<const icu::BreakIterator> iterator;
  UErrorCode status = U_ZERO_ERROR;
};

const SentencePrototype& Prototype() {
  static const SentencePrototype prototype = [] {
    SentencePrototype p;
    // "ss=standard" wraps the rules in ICU's list of abbreviations after
    // which a period does not end a sentence ("Mr.", "Jan.", "approx.").
    p.iterator.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), p.status));
    if (U_FAILURE(p.status)) p.iterator.reset();
    return p;
  }();
  return prototype;
}

}  // namespace

StatusOr<SentenceSplitter> SentenceSplitter::Create() {
  const SentencePrototype& prototype = Prototype();
  std::unique_ptr<icu::BreakIterator> it;
  if (prototype.iterator != nullptr) it.reset(prototype.iterator->clone());
  if (it == nullptr) {
    return Status::Unsupported(std::string("ICU sentence break iterator: ") +
                               u_errorName(prototype.status));
  }
  return SentenceSplitter(std::move(it));
}

std::vector<ByteSpan> SentenceSplitter::Split(std::string_view text) {
  std::vector<ByteSpan> out;
  if (text.empty()) return out;
  if (text.size() >= static_cast<size_t>(INT32_MAX)) {
    AddSentences(text, 0, text.size(), &out);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator_->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    AddSentences(text, 0, text.size(), &out);
    return out;
  }
  // With a UTF-8 UText, ICU's boundaries are byte offsets into `text`.
  size_t start = static_cast<size_t>(iterator_->first());
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
    const size_t e = static_cast<size_t>(end);
    if (e < text.size() && (FollowsNoBreakAbbreviation(text, e) || SplitsClockFromZone(text, e)))
      continue;
    AddSentences(text, start, e, &out);
    start = e;
  }
  // Leave the iterator on an empty text so it holds no pointer into `text`.
  utext_openUTF8(&ut, "", 0, &status);
  iterator_->setText(&ut, status);
  utext_close(&ut);
  return out;
}

std::vector<ByteSpan> SplitSentences(std::string_view normalized) {
  StatusOr<SentenceSplitter> splitter = SentenceSplitter::Create();
  if (!splitter.ok()) {
    std::vector<ByteSpan> out;
    AddSentences(normalized, 0, normalized.size(), &out);
    return out;
  }
  return splitter->Split(normalized);
}

// ---- Normalizer ----

StatusOr<Normalizer> Normalizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) {
    return Status::Unsupported(std::string("ICU NFKC normalizer: ") + u_errorName(status));
  }
  StatusOr<SentenceSplitter> splitter = SentenceSplitter::Create();
  if (!splitter.ok()) return splitter.status();
  return Normalizer(nfkc, std::move(*splitter));
}

StatusOr<NormalizedText> Normalizer::Normalize(std::string_view original) {
  StatusOr<NormalizedText> result = NormalizeWithoutSentences(original);
  if (result.ok()) result->sentences = splitter_.Split(result->text);
  return result;
}

StatusOr<NormalizedText> Normalizer::NormalizeWithoutSentences(std::string_view in) {
  if (in.size() >= static_cast<size_t>(INT32_MAX)) {
    return Status::Unsupported("text of " + std::to_string(in.size()) +
                               " bytes is too long to normalize (limit 2 GiB)");
  }
  NormalizedText result;
  std::string& out = result.text;
  std::vector<OffsetMap::Edit> edits;
  const size_t n = in.size();

  // The fast path: pure ASCII without '\r' or '\t' is its own normal form.
  if (SkipPlainAscii(in, 0) == n) {
    out.assign(in);
    result.map = OffsetMap::Identity(n);
    return result;
  }

  out.reserve(n + n / 8);
  // Records that original [os, oe) became out[ns, end) unless the bytes are equal.
  const auto record = [&](size_t os, size_t oe, size_t ns) {
    const size_t ne = out.size();
    if (oe - os == ne - ns && std::memcmp(in.data() + os, out.data() + ns, ne - ns) == 0) return;
    edits.push_back({ns, ne, os, oe});
  };

  size_t i = 0;
  while (i < n) {
    const size_t j = SkipPlainAscii(in, i);
    if (j == n) {
      out.append(in.data() + i, n - i);
      break;
    }
    const unsigned char b = static_cast<unsigned char>(in[j]);
    if (b == '\t' || b == '\r') {
      out.append(in.data() + i, j - i);
      if (b == '\r' && j + 1 < n && in[j + 1] == '\n') {
        const size_t ns = out.size();
        out.push_back('\n');
        record(j, j + 2, ns);
        i = j + 2;
      } else {
        out.push_back(b == '\t' ? ' ' : '\n');  // same length: no edit needed
        i = j + 1;
      }
      continue;
    }
    // A non-ASCII character at j. It starts a normalization segment unless it
    // combines with what precedes it; then the segment starts at the ASCII
    // character before it (a segment never spans '\r' or '\t' units).
    const Utf8Char first = DecodeUtf8(in, j);
    if (!first.valid) return InvalidUtf8At(j);
    size_t seg_start = j;
    if (j > i && !nfkc_->hasBoundaryBefore(static_cast<UChar32>(first.code_point))) {
      seg_start = j - 1;
    }
    out.append(in.data() + i, seg_start - i);
    size_t k = j + first.length;
    bool single = seg_start == j;
    while (k < n && static_cast<unsigned char>(in[k]) >= 0x80) {
      const Utf8Char next = DecodeUtf8(in, k);
      if (!next.valid) return InvalidUtf8At(k);
      if (nfkc_->hasBoundaryBefore(static_cast<UChar32>(next.code_point))) break;
      k += next.length;
      single = false;
    }
    const size_t ns = out.size();
    const Fold* fold = single ? FindFold(first.code_point) : nullptr;
    if (fold != nullptr) {
      out.append(fold->to);
    } else {
      const std::string_view segment = in.substr(seg_start, k - seg_start);
      UErrorCode status = U_ZERO_ERROR;
      if (nfkc_->isNormalizedUTF8(icu::StringPiece(segment.data(), segment.size()), status)) {
        AppendFolded(segment, &out);
      } else {
        scratch_.clear();
        icu::StringByteSink<std::string> sink(&scratch_);
        nfkc_->normalizeUTF8(0, icu::StringPiece(segment.data(), segment.size()), sink, nullptr,
                             status);
        if (U_FAILURE(status)) {
          return Status::InvalidArgument("ICU NFKC failed at byte " + std::to_string(seg_start) +
                                         ": " + u_errorName(status));
        }
        AppendFolded(scratch_, &out);
      }
    }
    record(seg_start, k, ns);
    i = k;
  }

  result.map = OffsetMap(std::move(edits), out.size(), n);
  return result;
}

StatusOr<NormalizedText> Normalize(std::string_view original) {
  StatusOr<Normalizer> normalizer = Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  return normalizer->Normalize(original);
}

}  // namespace newsrecon
