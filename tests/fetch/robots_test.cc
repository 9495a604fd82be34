#include "pipeline/fetch/robots.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace newsrecon {
namespace {

struct AllowCase {
  const char* id;
  const char* robots;
  const char* agent;
  const char* path;
  bool allowed;
};

TEST_CASE("robots: allow and disallow by the RFC 9309 rules") {
  // The example file of RFC 9309 §5.1 (groups for foobot, barbot+bazbot,
  // quxbot, and a "*" group that foobot must not use).
  const char* rfc_example =
      "User-Agent: *\n"
      "Disallow: *.gif$\n"
      "Disallow: /example/\n"
      "Allow: /publications/\n"
      "\n"
      "User-Agent: foobot\n"
      "Disallow:/\n"
      "Allow:/example/page.html\n"
      "Allow:/example/allowed.gif\n"
      "\n"
      "User-Agent: barbot\n"
      "User-Agent: bazbot\n"
      "Disallow: /example/page.html\n"
      "\n"
      "User-Agent: quxbot\n";
  const std::vector<AllowCase> cases = {
      // foobot: its own group only.
      {"rfc-foobot-page", rfc_example, "foobot", "/example/page.html", true},
      {"rfc-foobot-gif", rfc_example, "foobot", "/example/allowed.gif", true},
      {"rfc-foobot-other", rfc_example, "foobot", "/publications/x.html", false},
      {"rfc-foobot-root", rfc_example, "FooBot", "/", false},
      // barbot and bazbot share a group.
      {"rfc-barbot-page", rfc_example, "barbot", "/example/page.html", false},
      {"rfc-bazbot-page", rfc_example, "bazbot", "/example/page.html", false},
      {"rfc-bazbot-other", rfc_example, "bazbot", "/example/other.html", true},
      // quxbot has an empty group: everything allowed, "*" not consulted.
      {"rfc-quxbot-gif", rfc_example, "quxbot", "/a.gif", true},
      {"rfc-quxbot-example", rfc_example, "quxbot", "/example/x", true},
      // Anyone else: the "*" group.
      {"rfc-star-gif", rfc_example, "newsrecon", "/images/a.gif", false},
      {"rfc-star-gif-query", rfc_example, "newsrecon", "/images/a.gif?x=1", true},  // $ anchors
      {"rfc-star-example", rfc_example, "newsrecon", "/example/", false},
      {"rfc-star-publications", rfc_example, "newsrecon", "/publications/", true},
      {"rfc-star-other", rfc_example, "newsrecon", "/other", true},
      // robots.txt itself is always allowed.
      {"robots-itself", "User-agent: *\nDisallow: /\n", "newsrecon", "/robots.txt", true},

      // Longest match wins; allow wins a tie (RFC 9309 §2.2.2).
      {"longest-allow", "User-agent: *\nDisallow: /a\nAllow: /a/b\n", "x", "/a/b/c", true},
      {"longest-disallow", "User-agent: *\nAllow: /a\nDisallow: /a/b\n", "x", "/a/b/c", false},
      {"tie-allow-wins", "User-agent: *\nDisallow: /page\nAllow: /page\n", "x", "/page", true},
      {"tie-allow-wins-order", "User-agent: *\nAllow: /page\nDisallow: /page\n", "x", "/page",
       true},
      // Wildcards.
      {"star-middle", "User-agent: *\nDisallow: /*/private/\n", "x", "/a/b/private/c", false},
      {"star-middle-miss", "User-agent: *\nDisallow: /*/private/\n", "x", "/private/c", true},
      {"dollar-end", "User-agent: *\nDisallow: /*.php$\n", "x", "/index.php", false},
      {"dollar-end-miss", "User-agent: *\nDisallow: /*.php$\n", "x", "/index.php5", true},
      {"dollar-exact-root", "User-agent: *\nDisallow: /$\n", "x", "/", false},
      {"dollar-exact-root-miss", "User-agent: *\nDisallow: /$\n", "x", "/a", true},
      {"query-prefix", "User-agent: *\nDisallow: /search?\n", "x", "/search?q=1", false},
      {"query-no-match", "User-agent: *\nDisallow: /search?\n", "x", "/search", true},
      {"case-sensitive-path", "User-agent: *\nDisallow: /Private\n", "x", "/private", true},
      // Empty disallow allows all; no matching rule allows.
      {"empty-disallow", "User-agent: *\nDisallow:\n", "x", "/anything", true},
      {"no-rules-file", "", "x", "/anything", true},
      {"only-other-group", "User-agent: otherbot\nDisallow: /\n", "newsrecon", "/", true},
      // Product token: case-insensitive, version suffix ignored, no substring match.
      {"token-case", "User-agent: NewsRecon\nDisallow: /x\n", "newsrecon", "/x", false},
      {"token-version", "User-agent: newsrecon/2.1\nDisallow: /x\n", "NEWSRECON", "/x", false},
      {"token-substring", "User-agent: newsreconbot\nDisallow: /x\n", "newsrecon", "/x", true},
      {"token-prefix-of-ours", "User-agent: news\nDisallow: /x\nUser-agent: *\nDisallow: /y\n",
       "newsrecon", "/x", true},
      // Our own groups are merged, and "*" is then ignored.
      {"merge-own-1",
       "User-agent: newsrecon\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\n"
       "User-agent: newsrecon\nDisallow: /b\n",
       "newsrecon", "/b", false},
      {"merge-own-ignores-star",
       "User-agent: newsrecon\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\n"
       "User-agent: newsrecon\nDisallow: /b\n",
       "newsrecon", "/c", true},
      // Syntax: comments, spacing, CRLF, key case, BOM, rules outside groups.
      {"comments", "User-agent: * # all\nDisallow: /x # not x\n", "a", "/x", false},
      {"comment-only-value", "User-agent: *\nDisallow: # nothing\n", "a", "/x", true},
      {"crlf-case", "USER-AGENT:*\r\nDISALLOW :  /x\r\n", "a", "/x/y", false},
      {"cr-only", "User-agent: *\rDisallow: /x\r", "a", "/x", false},
      {"bom", "\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n", "a", "/x", false},
      {"rule-before-group", "Disallow: /x\nUser-agent: *\nDisallow: /y\n", "a", "/x", true},
      {"garbage-lines", "<html>\nnot robots\nUser-agent: *\nDisallow: /y\n", "a", "/y", false},
      {"sitemap-inside-group",
       "User-agent: a\nSitemap: http://x/s.xml\nUser-agent: b\nDisallow: /z\n", "a", "/z", false},
      // Percent-encoding: unreserved %XX decoded, UTF-8 encoded, hex case folded.
      {"pct-unreserved", "User-agent: *\nDisallow: /%7Ejoe/\n", "a", "/~joe/index", false},
      {"pct-unreserved-path", "User-agent: *\nDisallow: /~joe/\n", "a", "/%7ejoe/index", false},
      {"pct-utf8", "User-agent: *\nDisallow: /f\xC3\xBC\n", "a", "/f%C3%BCr", false},
      {"pct-hex-case", "User-agent: *\nDisallow: /a%2fb\n", "a", "/a%2Fb", false},
      {"pct-reserved-kept", "User-agent: *\nDisallow: /a%2Fb\n", "a", "/a/b", true},
      // Empty path means "/".
      {"empty-path", "User-agent: *\nDisallow: /\n", "a", "", false},
  };
  for (const AllowCase& c : cases) {
    CAPTURE(c.id);
    CHECK(Robots::Parse(c.robots).Allowed(c.path, c.agent) == c.allowed);
  }
}

TEST_CASE("robots: allow-all and disallow-all (what 4xx and 5xx answers mean)") {
  Robots all = Robots::AllowAll();
  Robots none = Robots::DisallowAll();
  for (const char* path : {"/", "/a/b.html?q=1", "/private/"}) {
    CAPTURE(path);
    CHECK(all.Allowed(path, "newsrecon"));
    CHECK_FALSE(none.Allowed(path, "newsrecon"));
  }
  CHECK(none.Allowed("/robots.txt", "newsrecon"));
  CHECK_FALSE(all.CrawlDelaySeconds("newsrecon").has_value());
  CHECK_FALSE(none.CrawlDelaySeconds("newsrecon").has_value());
}

TEST_CASE("robots: crawl-delay of the group that applies") {
  struct Case {
    const char* id;
    const char* robots;
    const char* agent;
    std::optional<double> delay;
  };
  const std::vector<Case> cases = {
      {"star", "User-agent: *\nCrawl-delay: 5\n", "newsrecon", 5.0},
      {"fraction", "User-agent: *\nCrawl-delay: 0.5\n", "newsrecon", 0.5},
      {"own-over-star", "User-agent: *\nCrawl-delay: 5\n\nUser-agent: newsrecon\nCrawl-delay: 2\n",
       "newsrecon", 2.0},
      {"own-without-delay", "User-agent: *\nCrawl-delay: 5\n\nUser-agent: newsrecon\nDisallow:\n",
       "newsrecon", std::nullopt},
      {"none", "User-agent: *\nDisallow: /x\n", "newsrecon", std::nullopt},
      {"negative", "User-agent: *\nCrawl-delay: -1\n", "newsrecon", std::nullopt},
      {"not-a-number", "User-agent: *\nCrawl-delay: soon\n", "newsrecon", std::nullopt},
      {"trailing-junk", "User-agent: *\nCrawl-delay: 3s\n", "newsrecon", std::nullopt},
      {"first-wins", "User-agent: *\nCrawl-delay: 3\nCrawl-delay: 9\n", "newsrecon", 3.0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    std::optional<double> got = Robots::Parse(c.robots).CrawlDelaySeconds(c.agent);
    CHECK(got.has_value() == c.delay.has_value());
    if (got && c.delay) CHECK(*got == doctest::Approx(*c.delay));
  }
  // A crawl-delay line does not end the group's rules.
  Robots r = Robots::Parse("User-agent: *\nCrawl-delay: 1\nDisallow: /x\n");
  CHECK_FALSE(r.Allowed("/x", "newsrecon"));
}

TEST_CASE("robots: only the first 500 KiB are parsed") {
  std::string body = "User-agent: *\nDisallow: /early\n";
  while (body.size() + 40 < kMaxRobotsBytes - 20) body += "# padding padding padding padding\n";
  body += "#" + std::string(kMaxRobotsBytes - 20 - body.size() - 2, 'x') + "\n";
  REQUIRE(body.size() == kMaxRobotsBytes - 20);
  // Crosses the limit: the first 500 KiB end in "Disallow: /late-but-", which must be dropped.
  body += "Disallow: /late-but-cut\n";
  body += "Disallow: /late\n";  // past the limit: ignored
  REQUIRE(body.size() > kMaxRobotsBytes);
  Robots r = Robots::Parse(body);
  CHECK_FALSE(r.Allowed("/early", "newsrecon"));
  CHECK(r.Allowed("/late-but-cut", "newsrecon"));
  CHECK(r.Allowed("/late", "newsrecon"));
  CHECK(r.Allowed("/late-but-x", "newsrecon"));
}

TEST_CASE("robots: pattern matching and normalization helpers") {
  struct Case {
    const char* pattern;
    const char* path;
    bool match;
  };
  const std::vector<Case> cases = {
      {"/", "/", true},          {"/a", "/abc", true},     {"/abc", "/a", false},
      {"/a$", "/a", true},       {"/a$", "/ab", false},    {"*", "/anything", true},
      {"/*", "/", true},         {"/a*c", "/abbbc", true}, {"/a*c$", "/abbbcd", false},
      {"/a*c", "/abbbcd", true}, {"/**x", "/yyx", true},   {"/a*b*c$", "/axbxbxc", true},
      {"/x", "", false},         {"/a$b", "/a$b/c", true},  // "$" only anchors at the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CAPTURE(c.path);
    CHECK(RobotsPatternMatches(c.pattern, c.path) == c.match);
  }
  CHECK(NormalizeRobotsPath("/%7e%41%2f%c3") == "/~A%2F%C3");
  CHECK(NormalizeRobotsPath("/a b\xC3\xA9") == "/a%20b%C3%A9");
  CHECK(NormalizeRobotsPath("/*.gif$") == "/*.gif$");
  CHECK(NormalizeRobotsPath("/100%") == "/100%");  // a stray '%' stays
}

}  // namespace
}  // namespace newsrecon
