#include "pipeline/report/report.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/core/names.h"
#include "pipeline/core/plural.h"
#include "pipeline/reconcile/describe.h"
#include "pipeline/report/common.h"

namespace newsrecon {
namespace {

using nlohmann::json;
using report_internal::AlsoPublishedBy;
using report_internal::CutQuote;
using report_internal::Heading;
using report_internal::HedgeLine;
using report_internal::OneLine;
using report_internal::OtherSources;
using report_internal::Quote;
using report_internal::SeverityWords;
using report_internal::Where;

// Doubles that hold whole numbers print as integers up to 2^53, where every
// integer is still exact.
constexpr double kMaxExactInteger = 9007199254740992.0;
// Indents of a text report: findings, their sides, a side's quote.
constexpr int kFindingIndent = 3;
constexpr int kSideIndent = 5;

json Number(double v) {
  if (std::isfinite(v) && std::fabs(v) < kMaxExactInteger && v == std::floor(v))
    return json(static_cast<int64_t>(v));
  if (!std::isfinite(v)) return json();
  return json(v);
}

json Nullable(const std::string& s) { return s.empty() ? json() : json(s); }

json AsOfJson(const AsOf& a) {
  json j = {{"start", a.first.ToIso()}, {"end", a.last.ToIso()}, {"basis", Name(a.basis)}};
  if (!a.event.empty()) j["event"] = a.event;
  return j;
}

json ValueJson(const Mention& m) {
  if (const auto* d = std::get_if<DateValue>(&m.value)) {
    json j = {{"start", d->first.ToIso()},
              {"end", d->last.ToIso()},
              {"granularity", Name(d->granularity)},
              {"resolution", Name(d->resolution)}};
    if (d->anchor) j["anchor"] = d->anchor->ToIso();
    if (!d->part.empty()) j["part"] = d->part;
    return j;
  }
  if (const auto* money = std::get_if<MoneyValue>(&m.value)) {
    json j = {{"amount", Number(money->amount)}, {"currency", money->currency}};
    if (money->amount_high) j["amount_high"] = Number(*money->amount_high);
    return j;
  }
  const auto& p = std::get<PercentValue>(m.value);
  json j = {{"percent", Number(p.percent)}};
  if (p.percent_high) j["percent_high"] = Number(*p.percent_high);
  if (p.points) j["points"] = true;
  return j;
}

json ArticleJson(const ArticleMeta& a) {
  json j = json::object();
  if (!a.path.empty()) j["path"] = a.path;
  if (!a.url.empty()) j["url"] = a.url;
  j["outlet"] = Nullable(a.outlet);
  j["label"] = a.Label();
  j["title"] = Nullable(a.title);
  j["published"] = a.published ? json(a.published->ToIso()) : json();
  j["published_method"] = Name(a.published_method);
  return j;
}

json StoredClaimJson(const StoredClaim& c) {
  json j = ClaimJson(c.claim, c.sentence);
  j["id"] = c.id;
  j["article"] = ArticleJson(c.article);
  if (std::vector<std::string> others = OtherSources(c); !others.empty())
    j["article"]["also_published_by"] = std::move(others);
  return j;
}

json KeyJson(const ClaimKey& key, const AsOf& as_of, const std::string& id,
             const std::string& reason) {
  return {{"id", id},
          {"entity", key.entity},
          {"attribute", key.attribute},
          {"qualifier", key.qualifier},
          {"as_of", AsOfJson(as_of)},
          {"reason", reason}};
}

// ---- quotes -------------------------------------------------------------

std::string EscapeMarkdown(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '\\':
      case '*':
      case '_':
      case '|':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
        out += '\\';
        [[fallthrough]];
      default:
        out += ch;
    }
  }
  return out;
}

std::string TextQuote(const StoredClaim& c) {
  Quote q = CutQuote(c);
  if (!q.found) return "\"" + q.before + "\"";
  return "\"" + q.before + "»" + q.figure + "«" + q.after + "\"";
}

std::string MarkdownQuote(const StoredClaim& c) {
  Quote q = CutQuote(c);
  if (!q.found) return "“" + EscapeMarkdown(q.before) + "”";
  return "“" + EscapeMarkdown(q.before) + "**" + EscapeMarkdown(q.figure) + "**" +
         EscapeMarkdown(q.after) + "”";
}

// ---- shared wording -----------------------------------------------------

std::string CountsLine(const Findings& f) {
  return Plural(f.conflicts.size(), "conflict", "conflicts") + ", " +
         Plural(f.agreements.size(), "agreement", "agreements");
}

// ---- text ---------------------------------------------------------------

// Display width in code points (UTF-8 continuation bytes do not count).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

// Words of `text` on lines of at most kReportColumns (a longer word, such as
// a URL, stands alone), the first line indented by `indent`, the others by
// `rest_indent` (the same when negative).
std::string Wrap(const std::string& text, int indent, int rest_indent = -1) {
  if (rest_indent < 0) rest_indent = indent;
  std::string pad(indent, ' ');
  std::string out;
  std::string line;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string::npos) space = text.size();
    const std::string word = text.substr(pos, space - pos);
    pos = space + 1;
    if (word.empty()) continue;
    if (!line.empty() && pad.size() + Width(line) + 1 + Width(word) > size_t{kReportColumns}) {
      out += pad + line + "\n";
      line.clear();
      pad.assign(rest_indent, ' ');
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += pad + line + "\n";
  return out;
}

// "Alpha · 28 April 2026 · https://… · also published by Beta, Gamma".
std::string TextSource(const StoredClaim& c) {
  std::string source = c.article.Label() + " · " + DescribePublished(c.article.published);
  const std::string where = Where(c.article);
  if (!where.empty()) source += " · " + where;
  const std::string also = AlsoPublishedBy(c);
  if (!also.empty()) source += " · " + also;
  return source;
}

std::string TextSide(const StoredClaim& c) {
  std::string out;
  out += Wrap("- " + TextSource(c), kFindingIndent, kSideIndent);
  out += Wrap(TextQuote(c), kSideIndent);
  out += Wrap("hedge: " + HedgeLine(c.claim.mention), kSideIndent);
  return out;
}

std::string RenderText(const Findings& f) {
  std::string out = "newsrecon report: " + CountsLine(f) + "\n\n";
  out += "CONFLICTS\n\n";
  if (f.conflicts.empty()) out += "No conflicts found.\n\n";
  int n = 0;
  for (const Conflict& c : f.conflicts) {
    out += Wrap(std::to_string(++n) + ". " + Heading(c.key, c.as_of), 0);
    out += Wrap(c.reason, kFindingIndent);
    out += Wrap("severity: " + SeverityWords(c) + " · status: " + std::string(Name(c.status)) +
                    " · id: " + c.id,
                kFindingIndent);
    for (const StoredClaim& s : c.claims) out += TextSide(s);
    out += "\n";
  }
  out += "AGREEMENTS\n\n";
  if (f.agreements.empty()) out += "No agreements found.\n";
  n = 0;
  for (const Agreement& a : f.agreements) {
    out += Wrap(std::to_string(++n) + ". " + Heading(a.key, a.as_of), 0);
    out += Wrap(a.reason + " (id: " + a.id + ")", kFindingIndent);
    for (const StoredClaim& s : a.claims) {
      out += Wrap("- " + TextSource(s), kFindingIndent, kSideIndent);
      out += Wrap(TextQuote(s), kSideIndent);
    }
    out += "\n";
  }
  return out;
}

// A report ends with exactly one newline.
std::string EndWithOneNewline(std::string out) {
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

// ---- markdown -----------------------------------------------------------

std::string MarkdownWhere(const ArticleMeta& a) {
  const std::string where = Where(a);
  if (where.empty()) return "";
  if (where == a.url && where.find_first_of("<> ") == std::string::npos) return "<" + where + ">";
  return EscapeMarkdown(where);
}

std::string MarkdownSource(const StoredClaim& c) {
  std::string out =
      "**" + EscapeMarkdown(c.article.Label()) + "** · " + DescribePublished(c.article.published);
  const std::string where = MarkdownWhere(c.article);
  if (!where.empty()) out += " · " + where;
  const std::string also = AlsoPublishedBy(c);
  if (!also.empty()) out += " · " + EscapeMarkdown(also);
  return out;
}

std::string RenderMarkdown(const Findings& f) {
  std::string out = "# newsrecon report\n\n" + CountsLine(f) + ".\n\n## Conflicts\n\n";
  if (f.conflicts.empty()) out += "No conflicts found.\n\n";
  for (const Conflict& c : f.conflicts) {
    out += "### " + EscapeMarkdown(Heading(c.key, c.as_of)) + "\n\n";
    out += EscapeMarkdown(c.reason) + "\n\n";
    out += "Severity: " + SeverityWords(c) + " · status: " + std::string(Name(c.status)) +
           " · id: `" + c.id + "`\n\n";
    for (const StoredClaim& s : c.claims) {
      out += "- " + MarkdownSource(s) + "  \n  " + MarkdownQuote(s) +
             " — hedge: " + EscapeMarkdown(HedgeLine(s.claim.mention)) + "\n";
    }
    out += "\n";
  }
  out += "## Agreements\n\n";
  if (f.agreements.empty()) out += "No agreements found.\n";
  for (const Agreement& a : f.agreements) {
    out += "### " + EscapeMarkdown(Heading(a.key, a.as_of)) + "\n\n";
    out += EscapeMarkdown(a.reason) + " (id: `" + a.id + "`)\n\n";
    for (const StoredClaim& s : a.claims)
      out += "- " + MarkdownSource(s) + ": " + MarkdownQuote(s) + "\n";
    out += "\n";
  }
  return out;
}

}  // namespace

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "markdown") return ReportFormat::kMarkdown;
  if (name == "json") return ReportFormat::kJson;
  return std::nullopt;
}

json ClaimJson(const Claim& claim, std::string_view sentence_text) {
  const Mention& m = claim.mention;
  return {
      {"kind", Name(m.kind)},
      {"text", m.text},
      {"start", m.span.start},
      {"end", m.span.end},
      {"sentence", std::string(sentence_text)},
      {"value", ValueJson(m)},
      {"hedge", Name(m.hedge)},
      {"hedge_text", m.hedge_text},
      {"entity", Nullable(claim.entity)},
      {"attribute", Nullable(claim.attribute)},
      {"qualifier", claim.qualifier},
      {"as_of", AsOfJson(claim.as_of)},
      {"rule", m.rule},
      {"interval", {{"low", Number(claim.interval.low)}, {"high", Number(claim.interval.high)}}}};
}

json FindingsJson(const Findings& findings) {
  json conflicts = json::array();
  for (const Conflict& c : findings.conflicts) {
    json j = KeyJson(c.key, c.as_of, c.id, c.reason);
    j["severity"] = Number(c.severity);
    j["severity_unit"] = Name(c.severity_unit);
    j["status"] = Name(c.status);
    j["claims"] = json::array();
    for (const StoredClaim& s : c.claims) j["claims"].push_back(StoredClaimJson(s));
    conflicts.push_back(std::move(j));
  }
  json agreements = json::array();
  for (const Agreement& a : findings.agreements) {
    json j = KeyJson(a.key, a.as_of, a.id, a.reason);
    j["sources"] = a.claims.size();
    j["claims"] = json::array();
    for (const StoredClaim& s : a.claims) j["claims"].push_back(StoredClaimJson(s));
    agreements.push_back(std::move(j));
  }
  return {{"conflicts", std::move(conflicts)}, {"agreements", std::move(agreements)}};
}

Findings OnlyStatus(Findings findings, ReviewStatus status) {
  std::erase_if(findings.conflicts, [&](const Conflict& c) { return c.status != status; });
  return findings;
}

std::string RenderReport(const Findings& findings, ReportFormat format) {
  switch (format) {
    case ReportFormat::kText:
      return RenderText(findings);
    case ReportFormat::kMarkdown:
      return RenderMarkdown(findings);
    case ReportFormat::kJson:
      return FindingsJson(findings).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return EndWithOneNewline(RenderText(findings));
}

}  // namespace newsrecon
