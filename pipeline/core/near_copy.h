// Near copies: two texts that tell one story in nearly the same words. A wire
// story that outlets republish each with its own first or last lines, a
// story's print and web versions, a page saved before and after a small
// correction. Their claims are one source's, however many outlets carry them.
//
// A text's shingles are the hashes of its runs of kShingleWords words (a word
// is a run of bytes other than ASCII spaces and punctuation, ASCII letters
// lowered; so "Reuters)," and "reuters" are one word). Text `b` is a near copy
// of text `a` when both have at least kMinShingles shingles, neither has more
// than kMaxSizeRatio times the other's, and at least kMinShare of the smaller
// set is in the larger. Half of a text's six-word runs do not recur in
// another by chance: an agency story two outlets edit each in their own way
// shares about two thirds. A roundup that quotes a whole brief is not a copy
// of it (its size), nor are two stories on one event that share a quote
// (their share).
//
// Limits: scripts written without spaces (Chinese, Japanese, Thai) make one
// word of a whole clause, so few of their copies reach kMinShingles.
//
// Thread-safety: pure functions.
#ifndef NEWSRECON_PIPELINE_CORE_NEAR_COPY_H_
#define NEWSRECON_PIPELINE_CORE_NEAR_COPY_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace newsrecon {

inline constexpr size_t kShingleWords = 6;
inline constexpr size_t kMinShingles = 40;
inline constexpr double kMaxSizeRatio = 2.0;
inline constexpr double kMinShare = 0.5;
// How many of a text's shingles the store indexes to find candidate copies:
// the smallest hashes (a bottom-k sketch). Two texts that share most of
// their shingles share some of these with near certainty.
inline constexpr size_t kSketchSize = 16;

// The distinct shingle hashes of `text`, ascending.
std::vector<uint64_t> Shingles(std::string_view text);

// The first kSketchSize of `shingles` (ascending, as Shingles gives them).
std::vector<uint64_t> Sketch(const std::vector<uint64_t>& shingles);

// The share of the smaller set of shingles found in the larger, in [0, 1];
// 0 when either is empty. Both ascending.
double SharedShare(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// The SharedShare of texts with these shingles when they are near copies
// (the header's rule), else nullopt.
std::optional<double> NearCopyShare(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Whether texts with these shingles are near copies (NearCopyShare has a value).
inline bool IsNearCopy(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  return NearCopyShare(a, b).has_value();
}

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_NEAR_COPY_H_
