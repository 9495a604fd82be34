// Stable hashes for ids and content checks: FNV-1a 64, printed as 16
// lowercase hex digits. Not cryptographic; the same bytes give the same
// string on every machine and in every run, which is what ids stored in a
// database and compared across runs need.
#ifndef NEWSRECON_PIPELINE_CORE_HASH_H_
#define NEWSRECON_PIPELINE_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsrecon {

// FNV-1a 64's parameters: start from the offset; for each byte, xor it in,
// then multiply by the prime.
inline constexpr uint64_t kFnv1aOffset = 14695981039346656037ull;
inline constexpr uint64_t kFnv1aPrime = 1099511628211ull;

// FNV-1a 64 of `bytes` as 16 hex digits: Fnv1aHex("") == "cbf29ce484222325".
std::string Fnv1aHex(std::string_view bytes);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_HASH_H_
