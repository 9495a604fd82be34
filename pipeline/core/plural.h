// A count with its noun, "1 copy" or "3 copies", as every message and report
// of newsrecon prints one.
#ifndef NEWSRECON_PIPELINE_CORE_PLURAL_H_
#define NEWSRECON_PIPELINE_CORE_PLURAL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsrecon {

// "n one" when n is 1, else "n many": Plural(3, "copy", "copies") == "3 copies".
inline std::string Plural(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_PLURAL_H_
