#include "pipeline/report/explain.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "pipeline/core/hedge.h"
#include "pipeline/core/names.h"
#include "pipeline/reconcile/describe.h"
#include "pipeline/report/common.h"

namespace newsrecon {
namespace {

using nlohmann::json;
using report_internal::CutQuote;
using report_internal::Quote;

// Percent as printed in explanations ("10%").
std::string Pct(double fraction) { return FormatNumber(fraction * 100) + "%"; }

std::string PublishedMethodWords(PublishedMethod m) {
  switch (m) {
    case PublishedMethod::kUnknown:
      return "no witness: the publication date is unknown";
    case PublishedMethod::kManifest:
      return "the folder's manifest.json";
    case PublishedMethod::kCommandLine:
      return "the --published option";
    case PublishedMethod::kJsonLd:
      return "the page's JSON-LD datePublished";
    case PublishedMethod::kMetaTag:
      return "a <meta> tag such as article:published_time";
    case PublishedMethod::kTimeElement:
      return "a <time datetime> element";
    case PublishedMethod::kUrl:
      return "a date in the URL path";
    case PublishedMethod::kFeed:
      return "the feed (RSS pubDate, Atom published, sitemap)";
    case PublishedMethod::kHttpHeader:
      return "the HTTP Last-Modified header";
    case PublishedMethod::kText:
      return "a dateline in the text";
  }
  return "";
}

// A value in the claim's unit, for interval bounds.
std::string InUnit(const Mention& m, double v) {
  if (const auto* money = std::get_if<MoneyValue>(&m.value)) return FormatMoney(v, money->currency);
  if (const auto* p = std::get_if<PercentValue>(&m.value))
    return FormatNumber(v) + (p->points ? " percentage points" : "%");
  return CivilDate::FromDaysSinceEpoch(static_cast<long>(std::lround(v))).ToIso();
}

std::string IntervalHow(const Mention& m) {
  if (const auto* d = std::get_if<DateValue>(&m.value)) {
    std::string how = "a date compares as the days it names, " + d->first.ToIso() + " to " +
                      d->last.ToIso() + " (" + std::string(Name(d->granularity)) + ")";
    if (m.hedge == Hedge::kAbout)
      how += ", widened by " + std::to_string(kAboutDateUnits) + " " +
             std::string(Name(d->granularity)) +
             " each side because the text hedges it (kAboutDateUnits)";
    else if (m.hedge != Hedge::kExact)
      how += "; the hedge does not widen a date";
    return how;
  }
  double resolution = 0;
  bool range = false;
  if (const auto* money = std::get_if<MoneyValue>(&m.value)) {
    resolution = money->resolution;
    range = money->amount_high.has_value();
  } else {
    const auto& p = std::get<PercentValue>(m.value);
    resolution = p.resolution;
    range = p.percent_high.has_value();
  }
  std::string how;
  switch (m.hedge) {
    case Hedge::kExact:
      how = "exact: compared as printed, i.e. rounded to its last printed digit (place value " +
            InUnit(m, resolution) + "), so half of that either side (kRoundingHalfUnit = " +
            FormatNumber(kRoundingHalfUnit) + ")";
      break;
    case Hedge::kAbout:
      how = "about: within " + Pct(kAboutBand) + " either side (kAboutBand)";
      break;
    case Hedge::kMoreThan:
      how = "more than: from the figure up to " + Pct(kOpenEndedBand) +
            " above it (kOpenEndedBand: an open-ended hedge is bounded to a realistic band)";
      break;
    case Hedge::kUpTo:
      how = "up to: from " + Pct(kOpenEndedBand) + " below the figure up to it (kOpenEndedBand)";
      break;
  }
  if (range) how += "; a range widens each end so, and spans both";
  return how;
}

std::string AsOfWhy(const Claim& c, const ArticleMeta& article) {
  const std::string window = DescribeWindow(c.as_of.first, c.as_of.last);
  switch (c.as_of.basis) {
    case AsOfBasis::kExplicit:
      return "the sentence names the time the figure refers to: " + window;
    case AsOfBasis::kEvent:
      return "the sentence ties the figure to an event (" + c.as_of.event +
             "); figures tied to the same event are compared whatever date each gives it; window " +
             window;
    case AsOfBasis::kLatest:
      return "the sentence presents the figure as current (\"latest\", \"now\"): it refers to the "
             "time up to the publication date (" +
             DescribePublished(article.published) + "), window " + window;
    case AsOfBasis::kPublication:
      return "nothing in the sentence says when: by default the publication date, " + window;
    case AsOfBasis::kTimeless:
      return "a date claim: the date is the value itself, so it has no separate as-of time";
    case AsOfBasis::kFiscal:
      return "the sentence names a fiscal period (" + window +
             " as the calendar reads it); fiscal years start in different months for different "
             "companies and countries, so the figure is compared only with figures for the fiscal "
             "period of the same name";
  }
  return window;
}

json Nullable(const std::string& s) { return s.empty() ? json() : json(s); }

std::string Marked(const StoredClaim& c) {
  Quote q = CutQuote(c);
  if (!q.found) return q.before;
  return q.before + "»" + q.figure + "«" + q.after;
}

}  // namespace

json ExplainClaim(const StoredClaim& c, const Findings& findings) {
  const Mention& m = c.claim.mention;
  const ArticleMeta& a = c.article;
  json j = {{"type", "claim"}, {"id", c.id}};
  j["article"] = {{"label", a.Label()},
                  {"outlet", Nullable(a.outlet)},
                  {"url", Nullable(a.url)},
                  {"path", Nullable(a.path)},
                  {"title", Nullable(a.title)},
                  {"published", a.published ? json(a.published->ToIso()) : json()},
                  {"published_method", Name(a.published_method)},
                  {"published_how", PublishedMethodWords(a.published_method)}};
  j["sentence"] = c.sentence;
  j["marked"] = Marked(c);
  std::string words = "rule " + (m.rule.empty() ? std::string("(unknown)") : m.rule) +
                      " matched \"" + m.text + "\" at bytes " + std::to_string(m.span.start) + "-" +
                      std::to_string(m.span.end) + " of the article";
  if (!m.hedge_text.empty())
    words += "; the words \"" + m.hedge_text + "\" set the hedge " + std::string(Name(m.hedge));
  else
    words += "; no hedge words: " + std::string(Name(m.hedge));
  j["match"] = {{"rule", m.rule},    {"text", m.text},         {"start", m.span.start},
                {"end", m.span.end}, {"hedge", Name(m.hedge)}, {"hedge_text", m.hedge_text},
                {"words", words}};
  j["value"] = {
      {"kind", Name(m.kind)}, {"printed", FormatValue(m)}, {"hedged", FormatHedgedValue(m)}};
  j["interval"] = {{"low", InUnit(m, c.claim.interval.low)},
                   {"high", InUnit(m, c.claim.interval.high)},
                   {"how", IntervalHow(m)}};
  if (const auto* d = std::get_if<DateValue>(&m.value)) {
    std::string how;
    if (d->resolution == DateResolution::kRelative) {
      how = "relative: \"" + m.text + "\" was resolved against " +
            (d->anchor ? d->anchor->ToIso() : std::string("(no anchor)"));
      if (d->anchor && a.published && *d->anchor != *a.published) {
        how +=
            ", the first day of the date before it in its sentence (\"a year earlier\" "
            "counts back from that date)";
      } else {
        how += ", the article's publication date, which came from " +
               PublishedMethodWords(a.published_method);
      }
    } else {
      how = "absolute: the text names the year";
    }
    j["date"] = {{"resolution", Name(d->resolution)},
                 {"anchor", d->anchor ? json(d->anchor->ToIso()) : json()},
                 {"how", how}};
  }
  j["key"] = {{"entity", Nullable(c.claim.entity)},
              {"attribute", Nullable(c.claim.attribute)},
              {"qualifier", c.claim.qualifier},
              {"reads", c.claim.entity.empty() || c.claim.attribute.empty()
                            ? std::string("not attributed: never compared")
                            : DescribeKey({c.claim.entity, c.claim.attribute, c.claim.qualifier})}};
  j["as_of"] = {{"start", c.claim.as_of.first.ToIso()},
                {"end", c.claim.as_of.last.ToIso()},
                {"basis", Name(c.claim.as_of.basis)},
                {"event", Nullable(c.claim.as_of.event)},
                {"why", AsOfWhy(c.claim, a)}};
  json in = json::array();
  for (const Conflict& k : findings.conflicts)
    for (const StoredClaim& s : k.claims)
      if (s.id == c.id) in.push_back({{"type", "conflict"}, {"id", k.id}, {"reason", k.reason}});
  for (const Agreement& g : findings.agreements)
    for (const StoredClaim& s : g.claims)
      if (s.id == c.id) in.push_back({{"type", "agreement"}, {"id", g.id}, {"reason", g.reason}});
  j["findings"] = in;
  return j;
}

json ExplainConflict(const Conflict& k, const std::vector<ReviewEvent>& history,
                     const Findings& findings) {
  json j = {{"type", "conflict"}, {"id", k.id}};
  j["key"] = {{"entity", k.key.entity},
              {"attribute", k.key.attribute},
              {"qualifier", k.key.qualifier},
              {"reads", DescribeKey(k.key)}};
  j["as_of"] = {{"start", k.as_of.first.ToIso()},
                {"end", k.as_of.last.ToIso()},
                {"basis", Name(k.as_of.basis)},
                {"event", Nullable(k.as_of.event)}};
  std::string shared = "both claims are about " + DescribeKey(k.key);
  if (k.key.qualifier.empty()) shared += " (no qualifier)";
  if (k.claims.size() == 2) {
    const AsOf& x = k.claims[0].claim.as_of;
    const AsOf& y = k.claims[1].claim.as_of;
    if (x.basis == AsOfBasis::kTimeless && y.basis == AsOfBasis::kTimeless)
      shared += "; both are dates of the event itself, so they must name the same time";
    else if (x.basis == AsOfBasis::kEvent && y.basis == AsOfBasis::kEvent && x.event == y.event)
      shared += "; both are tied to the same event (" + x.event + ")";
    else
      shared += "; their as-of windows (" + DescribeWindow(x.first, x.last) + " and " +
                DescribeWindow(y.first, y.last) + ") overlap on " +
                DescribeWindow(k.as_of.first, k.as_of.last);
    const Claim& p = k.claims[0].claim;
    const Claim& q = k.claims[1].claim;
    shared += "; their value intervals [" + InUnit(p.mention, p.interval.low) + ", " +
              InUnit(p.mention, p.interval.high) + "] and [" + InUnit(q.mention, q.interval.low) +
              ", " + InUnit(q.mention, q.interval.high) + "] do not overlap";
  }
  j["shared_key"] = shared;
  j["reason"] = k.reason;
  j["severity"] = k.severity;
  j["severity_unit"] = Name(k.severity_unit);
  j["severity_how"] =
      k.severity_unit == SeverityUnit::kMonths
          ? "whole calendar months between the nearest ends of the two dates' intervals: " +
                report_internal::SeverityWords(k)
          : "the higher claim's interval low over the lower claim's interval high: " +
                report_internal::SeverityWords(k);
  j["status"] = Name(k.status);
  json h = json::array();
  for (const ReviewEvent& r : history)
    h.push_back({{"reviewed_at", r.reviewed_at},
                 {"reviewer", Nullable(r.reviewer)},
                 {"verdict", Name(r.verdict)},
                 {"note", Nullable(r.note)}});
  j["history"] = h;
  json claims = json::array();
  for (const StoredClaim& s : k.claims) claims.push_back(ExplainClaim(s, findings));
  j["claims"] = claims;
  return j;
}

namespace {

std::string Str(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "(none)";
  return j.dump();
}

std::string ClaimText(const json& j, const std::string& pad) {
  std::string out;
  const json& a = j["article"];
  out += pad + "claim " + Str(j["id"]) + " in " + Str(a["label"]);
  if (!a["url"].is_null()) out += " <" + Str(a["url"]) + ">";
  out += "\n";
  if (!a["path"].is_null() && a["url"].is_null()) out += pad + "  file: " + Str(a["path"]) + "\n";
  out += pad + "  published: " + Str(a["published"]) + ", from " + Str(a["published_how"]) + "\n";
  out += pad + "  sentence: \"" + Str(j["marked"]) + "\"\n";
  out += pad + "  match: " + Str(j["match"]["words"]) + "\n";
  out += pad + "  value: " + Str(j["value"]["hedged"]) + " (" + Str(j["value"]["kind"]) + ")\n";
  out += pad + "  compared as: " + Str(j["interval"]["low"]) + " to " + Str(j["interval"]["high"]) +
         "; " + Str(j["interval"]["how"]) + "\n";
  if (j.contains("date")) out += pad + "  date: " + Str(j["date"]["how"]) + "\n";
  out += pad + "  key: " + Str(j["key"]["reads"]) + "\n";
  out += pad + "  as of: " + Str(j["as_of"]["start"]) + " to " + Str(j["as_of"]["end"]) + " (" +
         Str(j["as_of"]["basis"]) + "): " + Str(j["as_of"]["why"]) + "\n";
  for (const json& f : j["findings"])
    out += pad + "  in " + Str(f["type"]) + " " + Str(f["id"]) + ": " + Str(f["reason"]) + "\n";
  return out;
}

}  // namespace

std::string ExplainText(const json& j) {
  if (j.value("type", "") == "claim") return ClaimText(j, "");
  std::string out = "conflict " + Str(j["id"]) + ": " + Str(j["key"]["reads"]) + "\n";
  out += "  reason: " + Str(j["reason"]) + "\n";
  out += "  why compared: " + Str(j["shared_key"]) + "\n";
  out += "  severity: " + Str(j["severity_how"]) + "\n";
  out += "  status: " + Str(j["status"]) + "\n";
  if (j["history"].empty()) out += "  history: no reviews yet\n";
  for (const json& r : j["history"]) {
    out +=
        "  review " + Str(r["reviewed_at"]) + " " + Str(r["verdict"]) + " by " + Str(r["reviewer"]);
    if (!r["note"].is_null()) out += ": " + Str(r["note"]);
    out += "\n";
  }
  int side = 0;
  for (const json& c : j["claims"]) {
    out += "  side " + std::to_string(side++) + ":\n";
    out += ClaimText(c, "    ");
  }
  return out;
}

}  // namespace newsrecon
