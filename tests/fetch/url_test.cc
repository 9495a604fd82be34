// Tests of URL resolution and canonical URLs (pipeline/fetch/url.h).
#include "pipeline/fetch/url.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace newsrecon {
namespace {

struct ResolveCase {
  const char* id;
  const char* ref;
  const char* want;  // nullptr: nullopt
};

// RFC 3986 §5.4.1 and §5.4.2, against the RFC's base "http://a/b/c/d;p?q".
TEST_CASE("ResolveUrl: the examples of RFC 3986 section 5.4") {
  const char* base = "http://a/b/c/d;p?q";
  const ResolveCase cases[] = {
      {"5.4.1-1", "g:h", "g:h"},
      {"5.4.1-2", "g", "http://a/b/c/g"},
      {"5.4.1-3", "./g", "http://a/b/c/g"},
      {"5.4.1-4", "g/", "http://a/b/c/g/"},
      {"5.4.1-5", "/g", "http://a/g"},
      {"5.4.1-6", "//g", "http://g"},
      {"5.4.1-7", "?y", "http://a/b/c/d;p?y"},
      {"5.4.1-8", "g?y", "http://a/b/c/g?y"},
      {"5.4.1-9", "#s", "http://a/b/c/d;p?q#s"},
      {"5.4.1-10", "g#s", "http://a/b/c/g#s"},
      {"5.4.1-11", "g?y#s", "http://a/b/c/g?y#s"},
      {"5.4.1-12", ";x", "http://a/b/c/;x"},
      {"5.4.1-13", "g;x", "http://a/b/c/g;x"},
      {"5.4.1-14", "g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"5.4.1-15", "", "http://a/b/c/d;p?q"},
      {"5.4.1-16", ".", "http://a/b/c/"},
      {"5.4.1-17", "./", "http://a/b/c/"},
      {"5.4.1-18", "..", "http://a/b/"},
      {"5.4.1-19", "../", "http://a/b/"},
      {"5.4.1-20", "../g", "http://a/b/g"},
      {"5.4.1-21", "../..", "http://a/"},
      {"5.4.1-22", "../../", "http://a/"},
      {"5.4.1-23", "../../g", "http://a/g"},
      {"5.4.2-1", "../../../g", "http://a/g"},
      {"5.4.2-2", "../../../../g", "http://a/g"},
      {"5.4.2-3", "/./g", "http://a/g"},
      {"5.4.2-4", "/../g", "http://a/g"},
      {"5.4.2-5", "g.", "http://a/b/c/g."},
      {"5.4.2-6", ".g", "http://a/b/c/.g"},
      {"5.4.2-7", "g..", "http://a/b/c/g.."},
      {"5.4.2-8", "..g", "http://a/b/c/..g"},
      {"5.4.2-9", "./../g", "http://a/b/g"},
      {"5.4.2-10", "./g/.", "http://a/b/c/g/"},
      {"5.4.2-11", "g/./h", "http://a/b/c/g/h"},
      {"5.4.2-12", "g/../h", "http://a/b/c/h"},
      {"5.4.2-13", "g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"5.4.2-14", "g;x=1/../y", "http://a/b/c/y"},
      {"5.4.2-15", "g?y/./x", "http://a/b/c/g?y/./x"},
      {"5.4.2-16", "g?y/../x", "http://a/b/c/g?y/../x"},
      {"5.4.2-17", "g#s/./x", "http://a/b/c/g#s/./x"},
      {"5.4.2-18", "g#s/../x", "http://a/b/c/g#s/../x"},
      {"5.4.2-19", "http:g", "http:g"},
  };
  for (const ResolveCase& c : cases) {
    CAPTURE(c.id);
    CAPTURE(c.ref);
    std::optional<std::string> got = ResolveUrl(c.ref, base);
    CHECK(got.value_or("(nullopt)") == std::string(c.want));
  }
}

TEST_CASE("ResolveUrl: links as feeds write them") {
  const struct {
    const char* id;
    const char* ref;
    const char* base;
    const char* want;
  } cases[] = {
      {"feed-1", "  /2026/04/story.html\n", "https://ex.com/feed/",
       "https://ex.com/2026/04/story.html"},
      {"feed-2", "story one.html", "https://ex.com/news/", "https://ex.com/news/story%20one.html"},
      {"feed-3", "//cdn.ex.com/x", "https://ex.com/", "https://cdn.ex.com/x"},
      {"feed-4", "https://other.org/a", "", "https://other.org/a"},
      {"feed-5", "/caf\xC3\xA9", "https://ex.com/", "https://ex.com/caf%C3%A9"},
      {"feed-6", "HTTPS://Ex.com/A", "https://ex.com/", "https://Ex.com/A"},
      {"feed-7", "x?a=1&b=%zz", "http://ex.com/d/", "http://ex.com/d/x?a=1&b=%25zz"},
      {"feed-8", "https://ex.com/a\tb", "", "https://ex.com/ab"},
      {"bad-1", "story.html", "not/absolute", nullptr},
      {"bad-2", "story.html", "", nullptr},
      {"bad-3", "http://bad host/x", "", nullptr},
      {"bad-4", "https://ex<ample>.com/", "", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    std::optional<std::string> got = ResolveUrl(c.ref, c.base);
    CHECK(got.value_or("(nullopt)") == std::string(c.want ? c.want : "(nullopt)"));
  }
}

TEST_CASE("CanonicalUrl") {
  const struct {
    const char* id;
    const char* in;
    const char* want;
  } cases[] = {
      {"case+port+dots", "HTTPS://Ex.COM:443/a/./b/../c?utm_source=rss&id=7#top",
       "https://ex.com/a/c?id=7"},
      {"http-default-port", "http://ex.com:80", "http://ex.com/"},
      {"other-port-kept", "http://ex.com:8080/x", "http://ex.com:8080/x"},
      {"port-on-wrong-scheme-kept", "https://ex.com:80/x", "https://ex.com:80/x"},
      {"empty-port", "https://ex.com:/x", "https://ex.com/x"},
      {"click-ids", "https://ex.com/a?fbclid=1&gclid=2", "https://ex.com/a"},
      {"order-kept", "https://ex.com/a?b=2&UTM_Campaign=x&a=1", "https://ex.com/a?b=2&a=1"},
      {"empty-query", "https://ex.com/a?", "https://ex.com/a"},
      {"empty-params", "https://ex.com/a?x=1&&y=2&", "https://ex.com/a?x=1&y=2"},
      {"escapes", "https://ex.com/%7euser/%2fx", "https://ex.com/~user/%2Fx"},
      {"escaped-key", "https://ex.com/a?utm%5Fsource=x&q=1", "https://ex.com/a?q=1"},
      {"nyt-share", "https://ex.com/a?smid=tw-share&ref=nav", "https://ex.com/a?ref=nav"},
      {"mailchimp", "https://ex.com/a?mc_cid=1&mc_eid=2&p=3", "https://ex.com/a?p=3"},
      {"guardian", "https://ex.com/a?CMP=share_btn_tw", "https://ex.com/a"},
      {"utm-alone-kept", "https://ex.com/a?utm_=1", "https://ex.com/a?utm_=1"},
      {"trimmed", "  https://ex.com/a  ", "https://ex.com/a"},
      {"trailing-dot-host", "https://user@Ex.com./p", "https://user@ex.com/p"},
      {"fragment-only-change", "https://ex.com/a#comments", "https://ex.com/a"},
      {"not-http", "mailto:Someone@Ex.com", "mailto:Someone@Ex.com"},
      {"relative", "/relative/path", "/relative/path"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    CHECK(CanonicalUrl(c.in) == std::string(c.want));
  }
}

TEST_CASE("UrlHost and IsHttpUrl") {
  CHECK(UrlHost("https://user@News.Example.org:8080/x") == "news.example.org");
  CHECK(UrlHost("http://[::1]:80/") == "[::1]");
  CHECK(UrlHost("mailto:x@y") == "");
  CHECK(UrlHost("/a/b") == "");

  const char* http[] = {"http://a", "HTTPS://ex.com/x?y#z", "https://ex.com:8443/"};
  for (const char* u : http) {
    CAPTURE(u);
    CHECK(IsHttpUrl(u));
  }
  const char* not_http[] = {"",
                            "ftp://x/",
                            "http://",
                            "http:///x",
                            "//ex.com/x",
                            "https://ex.com/a b",
                            "javascript:alert(1)",
                            "https://ex.com/\n",
                            "http://user@:80/",
                            "https://../a",
                            "http://./"};
  for (const char* u : not_http) {
    CAPTURE(u);
    CHECK_FALSE(IsHttpUrl(u));
  }
  // What passes keeps passing once canonical (found by fuzz_feed: a sitemap's
  // <loc>https://..//x</loc> lost its host of dots to CanonicalUrl).
  for (const char* u : {"http://a", "https://ex.com./x", "https://a..b/", "HTTP://EX.COM:80"}) {
    CAPTURE(u);
    CHECK(IsHttpUrl(u));
    CHECK(IsHttpUrl(CanonicalUrl(u)));
  }
}

TEST_CASE("IsTrackingParameter") {
  for (const char* p : {"utm_source", "UTM_MEDIUM", "fbclid", "gclid", "dclid", "msclkid", "mc_cid",
                        "mc_eid", "igshid", "yclid", "_ga", "ref_src", "cmpid", "ocid", "smid",
                        "__hstc", "_hsenc", "mtm_campaign"}) {
    CAPTURE(p);
    CHECK(IsTrackingParameter(p));
  }
  for (const char* p : {"id", "p", "page", "ref", "s", "q", "utm", "article", "story_id"}) {
    CAPTURE(p);
    CHECK_FALSE(IsTrackingParameter(p));
  }
}

}  // namespace
}  // namespace newsrecon
