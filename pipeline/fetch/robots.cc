#include "pipeline/fetch/robots.h"

#include <cmath>
#include <cstdlib>
#include <utility>

#include "pipeline/core/ascii.h"

namespace newsrecon {
namespace {

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

char UpperHex(int v) { return "0123456789ABCDEF"[v & 15]; }

// The product token a user-agent value names: its leading [A-Za-z_-]
// characters, lower-cased ("*" stays "*").
std::string AgentToken(std::string_view value) {
  if (!value.empty() && value[0] == '*') return "*";
  std::string token;
  for (char c : value) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-')) break;
    token.push_back(AsciiLower(c));
  }
  return token;
}

std::optional<double> ParseDelay(std::string_view value) {
  std::string s(value);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(d) || d < 0) return std::nullopt;
  return d;
}

}  // namespace

std::string NormalizeRobotsPath(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && IsHexDigit(s[i + 1]) && IsHexDigit(s[i + 2])) {
      int v = HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]);
      if (IsUnreserved(static_cast<unsigned char>(v))) {
        out.push_back(static_cast<char>(v));
      } else {
        out.push_back('%');
        out.push_back(UpperHex(v >> 4));
        out.push_back(UpperHex(v));
      }
      i += 2;
    } else if (c >= 0x80 || c <= 0x20 || c == 0x7f) {
      out.push_back('%');
      out.push_back(UpperHex(c >> 4));
      out.push_back(UpperHex(c));
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Glob match of `pattern` against all of `path` (anchored) or a prefix of
  // it; '*' matches any run. Greedy with one backtrack point: O(n·m) at worst.
  size_t p = 0, s = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (p == pattern.size() && !anchored) return true;  // a prefix matched
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star_p != std::string_view::npos) {
      p = star_p + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Robots Robots::AllowAll() { return Robots(Kind::kAllowAll); }
Robots Robots::DisallowAll() { return Robots(Kind::kDisallowAll); }

Robots Robots::Parse(std::string_view body) {
  Robots robots(Kind::kParsed);
  if (body.size() > kMaxRobotsBytes) {
    body = body.substr(0, kMaxRobotsBytes);
    size_t last_break = body.find_last_of("\r\n");
    body = last_break == std::string_view::npos ? std::string_view() : body.substr(0, last_break);
  }
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);

  bool in_agent_lines = false;  // the previous meaningful line was a user-agent
  Group* current = nullptr;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = AsciiLower(TrimAsciiSpace(line.substr(0, colon)));
    std::string_view value = TrimAsciiSpace(line.substr(colon + 1));

    if (key == "user-agent") {
      if (!in_agent_lines) {
        robots.groups_.emplace_back();
        current = &robots.groups_.back();
      }
      in_agent_lines = true;
      std::string token = AgentToken(value);
      if (!token.empty()) current->agents.push_back(std::move(token));
      continue;
    }
    if (key == "allow" || key == "disallow") {
      in_agent_lines = false;
      if (current == nullptr || value.empty()) continue;
      current->rules.push_back(Rule{key == "allow", NormalizeRobotsPath(value)});
    } else if (key == "crawl-delay") {
      in_agent_lines = false;
      if (current == nullptr) continue;
      if (auto d = ParseDelay(value); d && !current->crawl_delay) current->crawl_delay = d;
    }
    // Other keys (sitemap, host, …) neither end a user-agent run nor add rules.
  }
  return robots;
}

std::vector<const Robots::Group*> Robots::GroupsFor(std::string_view product_token) const {
  std::string token = AsciiLower(product_token);
  std::vector<const Group*> own, star;
  for (const Group& g : groups_) {
    bool mine = false, any = false;
    for (const std::string& a : g.agents) {
      if (a == token) mine = true;
      if (a == "*") any = true;
    }
    if (mine) own.push_back(&g);
    if (any) star.push_back(&g);
  }
  return own.empty() ? star : own;
}

bool Robots::Allowed(std::string_view path_and_query, std::string_view product_token) const {
  if (path_and_query.empty()) path_and_query = "/";
  if (path_and_query == "/robots.txt") return true;
  if (kind_ == Kind::kAllowAll) return true;
  if (kind_ == Kind::kDisallowAll) return false;
  std::string path = NormalizeRobotsPath(path_and_query);
  bool found = false, allow = true;
  size_t best = 0;
  for (const Group* g : GroupsFor(product_token)) {
    for (const Rule& r : g->rules) {
      if (!RobotsPatternMatches(r.pattern, path)) continue;
      size_t len = r.pattern.size();
      if (!found || len > best || (len == best && r.allow && !allow)) {
        found = true;
        best = len;
        allow = r.allow;
      }
    }
  }
  return allow;
}

std::optional<double> Robots::CrawlDelaySeconds(std::string_view product_token) const {
  if (kind_ != Kind::kParsed) return std::nullopt;
  for (const Group* g : GroupsFor(product_token)) {
    if (g->crawl_delay) return g->crawl_delay;
  }
  return std::nullopt;
}

}  // namespace newsrecon
