#include "pipeline/core/near_copy.h"

#include <algorithm>

#include "pipeline/core/hash.h"

namespace newsrecon {
namespace {

bool IsSeparator(unsigned char c) {
  return c <= ' ' || (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                    (c >= 'A' && c <= 'Z')));
}

// SplitMix64's finaliser: spreads the bits of a combined hash.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

}  // namespace

std::vector<uint64_t> Shingles(std::string_view text) {
  std::vector<uint64_t> words;  // FNV-1a 64 of each word, lowered
  uint64_t h = kFnv1aOffset;
  bool in_word = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (IsSeparator(c)) {
      if (in_word) words.push_back(h);
      h = kFnv1aOffset;
      in_word = false;
      continue;
    }
    h ^= (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    h *= kFnv1aPrime;
    in_word = true;
  }
  std::vector<uint64_t> out;
  if (words.size() < kShingleWords) return out;
  out.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t s = 0;
    for (size_t k = 0; k < kShingleWords; ++k) s = Mix(s ^ words[i + k]);
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint64_t> Sketch(const std::vector<uint64_t>& shingles) {
  return {shingles.begin(), shingles.begin() + std::min(shingles.size(), kSketchSize)};
}

double SharedShare(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

std::optional<double> NearCopyShare(const std::vector<uint64_t>& a,
                                    const std::vector<uint64_t>& b) {
  const size_t lo = std::min(a.size(), b.size()), hi = std::max(a.size(), b.size());
  if (lo < kMinShingles || static_cast<double>(hi) > kMaxSizeRatio * static_cast<double>(lo))
    return std::nullopt;
  const double share = SharedShare(a, b);
  if (share < kMinShare) return std::nullopt;
  return share;
}

}  // namespace newsrecon
