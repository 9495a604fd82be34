// robots.txt (RFC 9309, the Robots Exclusion Protocol): which paths of a site
// the crawler may fetch.
//
// Takes the body of a site's /robots.txt; gives, for a path (with its query)
// and our product token, whether fetching it is allowed, and the group's
// Crawl-delay if it has one. Parsing never fails: lines that are not
// "key: value" with a known key are skipped, as RFC 9309 asks.
//
// The rules applied (RFC 9309 §2.2):
//   - A group is one or more consecutive "user-agent" lines followed by rules
//     ("allow", "disallow"; also the non-standard "crawl-delay"). Rules before
//     the first user-agent line belong to no group and are ignored.
//   - The groups whose user-agent names our product token (compared
//     case-insensitively on the value's leading [A-Za-z_-] characters, so
//     "NewsRecon/2.0" names "newsrecon") are merged and used; when there is
//     none, the groups of "*" are merged and used; when there is none of
//     those either, everything is allowed.
//   - A pattern matches a path when it matches a prefix of it; "*" matches
//     any run of characters and a final "$" anchors the end of the path.
//     Patterns and paths are compared after percent-encoding normalization
//     (bytes >= 0x80 encoded, %XX of unreserved characters decoded, hex
//     digits upper-cased).
//   - The longest matching pattern (in octets) wins; an allow wins a tie; a
//     path no rule matches is allowed. An empty "disallow:" allows nothing
//     away. "/robots.txt" itself is always allowed.
//   - Only the first kMaxRobotsBytes of a body are parsed (a cut last line is
//     dropped).
//
// What to do with the HTTP answer for /robots.txt (RFC 9309 §2.3.1): a 2xx
// body → Parse; 4xx (404 included) or too many redirects → AllowAll; 5xx, a
// timeout or a network error → DisallowAll (for the rest of the run). The
// Fetcher (http.h) does this.
//
// Thread-safety: a Robots is an immutable value once built; share it freely.
#ifndef NEWSRECON_PIPELINE_FETCH_ROBOTS_H_
#define NEWSRECON_PIPELINE_FETCH_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsrecon {

// RFC 9309 §2.5: crawlers must parse at least 500 kibibytes.
inline constexpr size_t kMaxRobotsBytes = 500 * 1024;

class Robots {
 public:
  // The rules of a robots.txt body (any bytes; never fails).
  static Robots Parse(std::string_view body);
  // Everything may be fetched (robots.txt answered 4xx, or robots are not obeyed).
  static Robots AllowAll();
  // Nothing but /robots.txt may be fetched (robots.txt answered 5xx or was unreachable).
  static Robots DisallowAll();

  // Whether a crawler naming itself `product_token` may fetch `path_and_query`
  // ("/a/b.html?x=1"; "" counts as "/").
  bool Allowed(std::string_view path_and_query, std::string_view product_token) const;

  // The Crawl-delay of the group that applies to `product_token`, in seconds,
  // when it gives one that is a finite number >= 0.
  std::optional<double> CrawlDelaySeconds(std::string_view product_token) const;

 private:
  enum class Kind { kParsed, kAllowAll, kDisallowAll };
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalized
  };
  struct Group {
    std::vector<std::string> agents;  // lower-case product tokens, or "*"
    std::vector<Rule> rules;
    std::optional<double> crawl_delay;
  };

  explicit Robots(Kind kind) : kind_(kind) {}
  // The groups that apply to `product_token` (its own, else "*"; maybe none).
  std::vector<const Group*> GroupsFor(std::string_view product_token) const;

  Kind kind_ = Kind::kParsed;
  std::vector<Group> groups_;
};

// Percent-encoding normalization used for patterns and paths (see above);
// exposed for tests. '*' and '$' are left as they are.
std::string NormalizeRobotsPath(std::string_view s);

// Whether robots.txt `pattern` (normalized) matches the start of `path`
// (normalized); exposed for tests.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_FETCH_ROBOTS_H_
