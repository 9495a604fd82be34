#include "pipeline/fetch/url.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

// Query parameters that identify a click, a campaign or a reader, never the
// content: CanonicalUrl drops them, so two links to one article that differ
// only by these are one article. Compared ignoring case. Each is listed with
// who sets it; add a name here (and a case in tests/fetch/url_test.cc) when a
// feed shows a new one.
constexpr std::string_view kTrackingPrefixes[] = {
    "utm_",  // Google Analytics campaigns: utm_source, utm_medium, utm_campaign, utm_content ...
    "mtm_",  // Matomo campaigns: mtm_campaign, mtm_source, mtm_kwd ...
    "__hs",  // HubSpot: __hstc, __hssc, __hsfp
    "_hs",   // HubSpot e-mail: _hsenc, _hsmi
};
constexpr std::string_view kTrackingParameters[] = {
    "fbclid",
    "fb_action_ids",
    "fb_action_types",
    "fb_ref",
    "fb_source",  // Facebook
    "action_object_map",
    "action_type_map",
    "action_ref_map",  // Facebook shares
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",   // Google Ads
    "srsltid",  // Google Merchant
    "_ga",
    "_gl",      // Google Analytics linker
    "msclkid",  // Microsoft Ads
    "ocid",     // MSN / Microsoft Start
    "mc_cid",
    "mc_eid",  // Mailchimp
    "igshid",  // Instagram
    "yclid",   // Yandex
    "twclid",
    "ref_src",
    "ref_url",        // Twitter / X
    "ttclid",         // TikTok
    "li_fat_id",      // LinkedIn
    "hsctatracking",  // HubSpot
    "mkt_tok",        // Marketo
    "oly_anon_id",
    "oly_enc_id",  // Omeda
    "vero_id",
    "vero_conv",   // Vero
    "wickedid",    // Wicked Reports
    "rb_clickid",  // Rebuy
    "cmpid",
    "cmp",  // campaign ids (Guardian CMP=)
    "smid",
    "smtyp",  // New York Times shares
    "itid",
    "wpisrc",
    "wpmk",  // Washington Post
    "ncid",
    "soc_src",
    "soc_trk",  // Yahoo
    "guccounter",
    "guce_referrer",
    "guce_referrer_sig",  // Yahoo consent
    "at_medium",
    "at_campaign",  // AT Internet (BBC)
};

// RFC 3986 Appendix B: the five components of a URI reference.
struct Parts {
  std::string scheme;  // empty: a relative reference
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return AsciiLower(c) - 'a' + 10;
}
bool IsUnreserved(char c) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool IsSubDelim(char c) {
  return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

// Trims white space and controls at both ends; drops tabs and newlines inside.
std::string Clean(std::string_view in) {
  size_t b = 0, e = in.size();
  while (b < e && static_cast<unsigned char>(in[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(in[e - 1]) <= 0x20) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    if (in[i] == '\t' || in[i] == '\n' || in[i] == '\r') continue;
    out += in[i];
  }
  return out;
}

// Percent-encodes the bytes that may not stand in a path, query or fragment,
// and a '%' that does not start an escape.
std::string EncodeComponent(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    bool bad = c <= 0x20 || c >= 0x7F ||
               std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) != std::string_view::npos;
    if (c == '%' && !(i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2]))) bad = true;
    if (bad) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool ValidAuthority(std::string_view a) {
  for (char c : a) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || IsUnreserved(c) || IsSubDelim(c) || c == ':' || c == '@' || c == '[' ||
        c == ']' || c == '%')
      continue;
    return false;
  }
  return true;
}

// Splits a cleaned URI reference; false when its authority holds bytes no
// host may have.
bool Split(std::string_view s, Parts* p) {
  size_t i = 0;
  if (!s.empty() && IsAlpha(s[0])) {
    size_t j = 1;
    while (j < s.size() &&
           (IsAlpha(s[j]) || IsDigit(s[j]) || s[j] == '+' || s[j] == '-' || s[j] == '.'))
      ++j;
    if (j < s.size() && s[j] == ':') {
      p->scheme = AsciiLower(s.substr(0, j));
      i = j + 1;
    }
  }
  if (s.substr(i, 2) == "//") {
    size_t end = s.find_first_of("/?#", i + 2);
    if (end == std::string_view::npos) end = s.size();
    p->has_authority = true;
    p->authority = std::string(s.substr(i + 2, end - i - 2));
    if (!ValidAuthority(p->authority)) return false;
    i = end;
  }
  size_t end = s.find_first_of("?#", i);
  if (end == std::string_view::npos) end = s.size();
  p->path = EncodeComponent(s.substr(i, end - i));
  i = end;
  if (i < s.size() && s[i] == '?') {
    end = s.find('#', i);
    if (end == std::string_view::npos) end = s.size();
    p->has_query = true;
    p->query = EncodeComponent(s.substr(i + 1, end - i - 1));
    i = end;
  }
  if (i < s.size() && s[i] == '#') {
    p->has_fragment = true;
    p->fragment = EncodeComponent(s.substr(i + 1));
  }
  return true;
}

// RFC 3986 §5.2.4, in one pass: the output is a stack of segments.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      out += '/';
      break;
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
      if (in == "/..") {
        out += '/';
        break;
      }
      in.remove_prefix(3);
    } else if (in == "." || in == "..") {
      break;
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

std::string Compose(const Parts& p) {
  std::string out;
  if (!p.scheme.empty()) out += p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

// RFC 3986 §6.2.2.1-2: upper-case hex in escapes; escapes of unreserved
// characters decoded.
std::string NormalizeEscapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2])) {
      char c = static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(c)) {
        out += c;
      } else {
        out += '%';
        out += static_cast<char>(s[i + 1] >= 'a' ? s[i + 1] - 'a' + 'A' : s[i + 1]);
        out += static_cast<char>(s[i + 2] >= 'a' ? s[i + 2] - 'a' + 'A' : s[i + 2]);
      }
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Authority {
  std::string userinfo;  // with its '@', or empty
  std::string host;
  std::string port;  // digits after ':', or empty
  bool has_port_colon = false;
};

Authority SplitAuthority(std::string_view a) {
  Authority out;
  size_t at = a.rfind('@');
  if (at != std::string_view::npos) {
    out.userinfo = std::string(a.substr(0, at + 1));
    a.remove_prefix(at + 1);
  }
  size_t colon = a.rfind(':');
  size_t bracket = a.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    out.port = std::string(a.substr(colon + 1));
    out.has_port_colon = true;
    a = a.substr(0, colon);
  }
  out.host = std::string(a);
  return out;
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  std::string key = AsciiLower(name);
  for (std::string_view p : kTrackingPrefixes)
    if (key.size() > p.size() && key.compare(0, p.size(), p) == 0) return true;
  return std::find(std::begin(kTrackingParameters), std::end(kTrackingParameters), key) !=
         std::end(kTrackingParameters);
}

std::optional<std::string> ResolveUrl(std::string_view ref, std::string_view base) {
  Parts r;
  if (!Split(Clean(ref), &r)) return std::nullopt;
  Parts t;
  if (!r.scheme.empty()) {
    t = std::move(r);
    t.path = RemoveDotSegments(t.path);
    return Compose(t);
  }
  Parts b;
  if (!Split(Clean(base), &b) || b.scheme.empty()) return std::nullopt;
  if (r.has_authority) {
    t.has_authority = true;
    t.authority = std::move(r.authority);
    t.path = RemoveDotSegments(r.path);
    t.has_query = r.has_query;
    t.query = std::move(r.query);
  } else {
    if (r.path.empty()) {
      t.path = b.path;
      t.has_query = r.has_query || b.has_query;
      t.query = r.has_query ? r.query : b.query;
    } else {
      if (r.path[0] == '/') {
        t.path = RemoveDotSegments(r.path);
      } else {
        std::string merged;
        if (b.has_authority && b.path.empty()) {
          merged = "/" + r.path;
        } else {
          size_t slash = b.path.rfind('/');
          merged = (slash == std::string::npos ? "" : b.path.substr(0, slash + 1)) + r.path;
        }
        t.path = RemoveDotSegments(merged);
      }
      t.has_query = r.has_query;
      t.query = std::move(r.query);
    }
    t.has_authority = b.has_authority;
    t.authority = std::move(b.authority);
  }
  t.scheme = std::move(b.scheme);
  t.has_fragment = r.has_fragment;
  t.fragment = std::move(r.fragment);
  return Compose(t);
}

std::string CanonicalUrl(std::string_view url) {
  std::string cleaned = Clean(url);
  Parts p;
  if (!Split(cleaned, &p) || p.scheme.empty()) return cleaned;
  const bool http = p.scheme == "http" || p.scheme == "https";
  if (p.has_authority) {
    Authority a = SplitAuthority(p.authority);
    std::string host = AsciiLower(NormalizeEscapes(a.host));
    while (!host.empty() && host.back() == '.') host.pop_back();
    std::string port = a.port;
    while (port.size() > 1 && port[0] == '0') port.erase(0, 1);
    if ((p.scheme == "http" && port == "80") || (p.scheme == "https" && port == "443"))
      port.clear();
    p.authority = a.userinfo + host + (port.empty() ? "" : ":" + port);
  }
  p.path = RemoveDotSegments(NormalizeEscapes(p.path));
  if (http && p.has_authority && p.path.empty()) p.path = "/";
  if (p.has_query) {
    std::string query;
    std::string_view q = p.query;
    while (true) {
      size_t amp = q.find('&');
      std::string_view param = q.substr(0, amp);
      std::string norm = NormalizeEscapes(param);
      std::string_view key = std::string_view(norm).substr(0, norm.find('='));
      if (!norm.empty() && !IsTrackingParameter(key)) {
        if (!query.empty()) query += '&';
        query += norm;
      }
      if (amp == std::string_view::npos) break;
      q.remove_prefix(amp + 1);
    }
    p.query = std::move(query);
    p.has_query = !p.query.empty();
  }
  p.has_fragment = false;
  p.fragment.clear();
  return Compose(p);
}

std::string UrlHost(std::string_view url) {
  Parts p;
  if (!Split(Clean(url), &p) || p.scheme.empty() || !p.has_authority) return "";
  std::string host = AsciiLower(SplitAuthority(p.authority).host);
  return host;
}

bool IsHttpUrl(std::string_view url) {
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  Parts p;
  if (!Split(url, &p)) return false;
  if (p.scheme != "http" && p.scheme != "https") return false;
  if (!p.has_authority) return false;
  // A host of dots alone ("https://../a") is none: CanonicalUrl drops a
  // host's trailing dots, and what passes here must pass after it.
  const std::string host = SplitAuthority(p.authority).host;
  return host.find_first_not_of('.') != std::string_view::npos;
}

}  // namespace newsrecon
