#include "pipeline/report/common.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/reconcile/describe.h"

namespace newsrecon::report_internal {

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

Quote CutQuote(const StoredClaim& c) {
  const std::string& sentence = c.sentence;
  const Claim& claim = c.claim;
  const std::string& text = claim.mention.text;
  Quote q;
  if (sentence.empty()) {
    q.figure = OneLine(text);
    q.found = !text.empty();
    return q;
  }
  size_t start = std::string::npos;
  const ByteSpan& span = claim.mention.span;
  if (span.start >= claim.sentence.start && span.end >= span.start) {
    const size_t s = span.start - claim.sentence.start;
    const size_t n = span.end - span.start;
    if (s <= sentence.size() && n <= sentence.size() - s && n > 0 &&
        (text.empty() || sentence.compare(s, n, text) == 0)) {
      start = s;
      q.figure = sentence.substr(s, n);
    }
  }
  if (start == std::string::npos && !text.empty()) {
    start = sentence.find(text);
    if (start != std::string::npos) q.figure = text;
  }
  if (start == std::string::npos) {
    q.before = OneLine(sentence);
    return q;
  }
  q.found = true;
  q.before = OneLine(sentence.substr(0, start));
  q.after = OneLine(sentence.substr(start + q.figure.size()));
  q.figure = OneLine(q.figure);
  return q;
}

std::string Heading(const ClaimKey& key, const AsOf& as_of) {
  std::string out = key.entity + " · " + key.attribute;
  if (!key.qualifier.empty()) out += " (" + key.qualifier + ")";
  std::string when = DescribeAsOf(as_of);
  if (when.empty() && as_of.basis == AsOfBasis::kPublication)
    when = "as of publication (" + as_of.first.ToIso() + ")";
  if (as_of.basis == AsOfBasis::kLatest)
    when += " (" + DescribeWindow(as_of.first, as_of.last) + ")";
  if (!when.empty()) out += " · " + when;
  return out;
}

std::string SeverityWords(const Conflict& c) {
  char buf[64];
  if (c.severity_unit == SeverityUnit::kMonths) {
    std::snprintf(buf, sizeof buf, "%.0f %s", c.severity, c.severity == 1 ? "month" : "months");
  } else {
    std::snprintf(buf, sizeof buf, "%.*f times", kSeverityDecimals, c.severity);
  }
  return buf;
}

std::string HedgeLine(const Mention& m) {
  std::string words = HedgeWords(m);
  if (words.empty()) return "exact";
  return m.hedge_text.empty() ? words : words + " (\"" + m.hedge_text + "\")";
}

// The URL or path of an article, or "" when it would only repeat its label.
std::string Where(const ArticleMeta& a) {
  const std::string& where = !a.url.empty() ? a.url : a.path;
  return where == a.Label() ? "" : where;
}

std::vector<std::string> OtherSources(const StoredClaim& c) {
  std::vector<std::string> labels;
  for (const std::string& label : c.copies) {
    if (label != c.article.Label() &&
        std::find(labels.begin(), labels.end(), label) == labels.end())
      labels.push_back(label);
  }
  return labels;
}

std::string AlsoPublishedBy(const StoredClaim& c) {
  std::string out;
  for (const std::string& label : OtherSources(c)) out += (out.empty() ? "" : ", ") + label;
  return out.empty() ? out : "also published by " + out;
}

}  // namespace newsrecon::report_internal
