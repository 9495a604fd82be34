// The normalize stage: an article's text as printed → the text the extractors
// read, with a map back to the printed bytes, and its sentences (guide §1).
//
// Takes: UTF-8 text (Article::text; blocks separated by "\n").
// Gives: NormalizedText, i.e.
//   - `text`: NFKC (Unicode compatibility composition: fullwidth "２７％" becomes
//     "27%", "…" becomes "...", "½" becomes "1⁄2") and then folded, so that a
//     rule written for ASCII punctuation matches what outlets print: no-break,
//     narrow and other typographic spaces become ' ', dashes and minus become
//     '-', curly quotes and primes become '\'' or '"', the fraction slash becomes
//     '/', soft hyphens and zero-width characters are removed, "\r\n" and "\r"
//     become "\n" and tabs ' '. The complete list, with the reason for each
//     entry, is the table kFolds in normalize.cc. Runs of spaces are kept, so
//     "27\u202f%" becomes "27 %" (two bytes for four).
//   - `map`: normalized byte offset → original byte offset. A span of
//     normalized text maps to the original span that covers exactly the
//     characters that produced it, so a quote can be cut from the original as
//     printed: "27 %" in the text above maps back to "27\u202f%".
//   - `sentences`: spans of `text` in order (ICU sentence rules with ICU's
//     English abbreviation list, "en@ss=standard", plus a few it misses, see
//     kNoBreakAfter in normalize.cc; so no break after "Mr.", "Jan." or
//     "U.S."; a "\n" always ends a sentence), trimmed of white space, never
//     empty.
// Fails: kInvalidArgument "invalid UTF-8 at byte N" when the input is not
// well-formed UTF-8 (pipeline/core/utf8.h); kUnsupported for texts of 2 GiB or
// more (ICU's break iterators count in int32_t).
//
// Speed: pure ASCII without "\r" or "\t" is copied once with an identity map;
// otherwise ASCII runs are copied in bulk and only non-ASCII characters go
// through ICU. The map stores one entry per character whose bytes changed, so
// its size is the number of such characters, not the length of the text.
// Sentence splitting (ICU's rule-based BreakIterator) dominates the cost.
//
// Thread-safety: Normalize, SplitSentences and OffsetMap are safe to call from
// many threads. A Normalizer or SentenceSplitter object may be used by one
// thread at a time (it owns an ICU iterator); give each thread its own.
#ifndef NEWSRECON_PIPELINE_NORMALIZE_NORMALIZE_H_
#define NEWSRECON_PIPELINE_NORMALIZE_NORMALIZE_H_

#include <unicode/uversion.h>  // for the icu namespace (an alias of icu_NN)

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/status.h"

U_NAMESPACE_BEGIN
class BreakIterator;
class Normalizer2;
U_NAMESPACE_END

namespace newsrecon {

// Normalized byte offsets → original byte offsets. Between edits the two texts
// are byte-for-byte equal (only shifted); each edit records one unit of
// original text (a character, a character with its combining marks, or
// "\r\n") whose bytes changed, and what it became (possibly nothing).
class OffsetMap {
 public:
  struct Edit {
    size_t normalized_start, normalized_end;  // empty for a removed character
    size_t original_start, original_end;
    bool operator==(const Edit&) const = default;
  };

  OffsetMap() = default;  // the identity map of an empty text
  // The identity map of a text of `size` bytes.
  static OffsetMap Identity(size_t size);
  // REQUIRES: edits in text order, not overlapping, and within the sizes.
  OffsetMap(std::vector<Edit> edits, size_t normalized_size, size_t original_size);

  // The original offset of the character that produced normalized byte
  // `normalized_offset` (for an offset inside a multi-byte replacement, the
  // start of the original unit; past removed characters, the next character).
  // Offsets at the end (and beyond, clamped) map to the original end.
  size_t ToOriginal(size_t normalized_offset) const;
  // The original offset where the character ending at `normalized_offset`
  // ends (before any removed characters that follow it).
  size_t ToOriginalEnd(size_t normalized_offset) const;
  // The original span that covers exactly the characters that produced the
  // normalized span: start by ToOriginal, end by ToOriginalEnd. An empty span
  // maps to an empty span at ToOriginal(start).
  ByteSpan ToOriginal(ByteSpan normalized) const;

  bool IsIdentity() const { return edits_.empty(); }
  const std::vector<Edit>& edits() const { return edits_; }
  size_t normalized_size() const { return normalized_size_; }
  size_t original_size() const { return original_size_; }

 private:
  std::vector<Edit> edits_;  // sorted by normalized_start, then original_start
  size_t normalized_size_ = 0;
  size_t original_size_ = 0;
};

struct NormalizedText {
  std::string text;                 // NFKC + folded, UTF-8
  OffsetMap map;                    // offsets in `text` → offsets in the original
  std::vector<ByteSpan> sentences;  // spans of `text`, in order, trimmed, never empty
};

// Splits normalized text into sentences with one ICU sentence BreakIterator
// (locale "en@ss=standard"), reused from call to call.
class SentenceSplitter {
 public:
  // Fails with kUnsupported when ICU cannot build the iterator (missing data).
  static StatusOr<SentenceSplitter> Create();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;
  ~SentenceSplitter();

  // Sentence spans of `text` as described for NormalizedText::sentences.
  // Texts of 2 GiB or more are split at newlines only.
  std::vector<ByteSpan> Split(std::string_view text);

 private:
  explicit SentenceSplitter(std::unique_ptr<icu::BreakIterator> iterator);
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// Normalizes many texts in a row, keeping its ICU objects between calls. The
// free function Normalize builds one per call, which costs a clone of a
// shared, never-modified ICU iterator (under a microsecond); the first call in
// a process builds that iterator (about 150 µs).
class Normalizer {
 public:
  // Fails with kUnsupported when ICU lacks the NFKC or sentence-break data.
  static StatusOr<Normalizer> Create();

  // As the free function Normalize below.
  StatusOr<NormalizedText> Normalize(std::string_view original);
  // Text and map only; `sentences` is left empty (for callers that split
  // differently, and to measure the two halves apart).
  StatusOr<NormalizedText> NormalizeWithoutSentences(std::string_view original);

 private:
  Normalizer(const icu::Normalizer2* nfkc, SentenceSplitter splitter)
      : nfkc_(nfkc), splitter_(std::move(splitter)) {}
  const icu::Normalizer2* nfkc_;  // owned by ICU
  SentenceSplitter splitter_;
  std::string scratch_;  // NFKC output of one character, reused
};

// Fails with kInvalidArgument "invalid UTF-8 at byte N" when `original` is not valid UTF-8.
StatusOr<NormalizedText> Normalize(std::string_view original);

// Sentence spans of already-normalized text (used by Normalize; exposed for
// tests and tools). If ICU's sentence data is missing, splits at newlines only.
std::vector<ByteSpan> SplitSentences(std::string_view normalized);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_NORMALIZE_NORMALIZE_H_
