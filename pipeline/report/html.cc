#include "pipeline/report/html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "pipeline/core/names.h"
#include "pipeline/core/plural.h"
#include "pipeline/reconcile/describe.h"
#include "pipeline/report/common.h"

namespace newsrecon {
namespace {

using report_internal::AlsoPublishedBy;
using report_internal::CutQuote;
using report_internal::Heading;
using report_internal::HedgeLine;
using report_internal::Quote;
using report_internal::SeverityWords;

// The timeline chart's drawing box, in SVG user units (it scales to the
// page width): margins leave room for the axis labels.
constexpr double kChartWidth = 720;
constexpr double kChartHeight = 280;
constexpr double kChartLeft = 104;
constexpr double kChartRight = 24;
constexpr double kChartTop = 20;
constexpr double kChartBottom = 36;
// Headroom above the highest value, as a fraction of it.
constexpr double kChartHeadroom = 0.12;
// Value ticks on the y axis.
constexpr int kValueTicks = 4;
// A label right of a point flips to its left past this fraction of the width.
constexpr double kLabelFlip = 0.62;

std::string Esc(std::string_view s) { return HtmlEscape(s); }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string LinkOrText(const ArticleMeta& a, const std::string& text) {
  if (!a.url.empty() && (a.url.rfind("http://", 0) == 0 || a.url.rfind("https://", 0) == 0))
    return "<a href=\"" + Esc(a.url) + "\" rel=\"noopener noreferrer\">" + Esc(text) + "</a>";
  return Esc(text);
}

std::string MarkedQuote(const StoredClaim& c) {
  Quote q = CutQuote(c);
  if (!q.found) return Esc(q.before);
  return Esc(q.before) + "<mark>" + Esc(q.figure) + "</mark>" + Esc(q.after);
}

std::string StatusBadge(ReviewStatus s) {
  const std::string name(Name(s));
  return "<span class=\"badge st-" + name + "\">" + name + "</span>";
}

// "|a|b|": exact-match lists for data attributes.
std::string Bars(const std::set<std::string>& items) {
  std::string out = "|";
  for (const std::string& s : items) out += s + "|";
  return out;
}

std::string Published(const StoredClaim& c) { return DescribePublished(c.article.published); }

std::string SideHtml(const StoredClaim& c) {
  std::string out = "<div class=\"side\">\n<div class=\"src\"><strong>" +
                    LinkOrText(c.article, c.article.Label()) + "</strong> · <time>" +
                    Esc(Published(c)) + "</time>";
  if (!c.article.title.empty()) out += "<div class=\"title\">" + Esc(c.article.title) + "</div>";
  if (c.article.url.empty() && !c.article.path.empty())
    out += "<div class=\"path\">" + Esc(c.article.path) + "</div>";
  if (const std::string also = AlsoPublishedBy(c); !also.empty())
    out += "<div class=\"also\">" + Esc(also) + "</div>";
  out += "</div>\n<blockquote>" + MarkedQuote(c) + "</blockquote>\n";
  out += "<p class=\"meta\">value: <b>" + Esc(FormatHedgedValue(c.claim.mention)) +
         "</b> · hedge: " + Esc(HedgeLine(c.claim.mention)) + " · claim " + std::to_string(c.id) +
         "</p>\n</div>\n";
  return out;
}

std::string HistoryHtml(const Conflict& c, const std::vector<ReviewEvent>& history) {
  std::string out = "<details class=\"history\"" + std::string(history.empty() ? "" : " open") +
                    "><summary>Review: " + StatusBadge(c.status) + " ";
  out += history.empty() ? "not reviewed yet" : Plural(history.size(), "review", "reviews");
  out += "</summary>\n";
  if (!history.empty()) {
    out += "<ol>\n";
    for (const ReviewEvent& r : history) {
      out += "<li><time>" + Esc(r.reviewed_at) + "</time> " + StatusBadge(r.verdict) + " " +
             Esc(r.reviewer.empty() ? "(no reviewer)" : r.reviewer);
      if (!r.note.empty()) out += ": " + Esc(r.note);
      out += "</li>\n";
    }
    out += "</ol>\n";
  }
  out += "<p class=\"cmd\"><code>newsrecon review " + Esc(c.id) +
         " --verdict confirmed|dismissed|needs-work --note \"…\"</code></p>\n</details>\n";
  return out;
}

std::string AgreementClaimsHtml(const Agreement& a) {
  std::string out = "<ul class=\"agree-claims\">\n";
  for (const StoredClaim& s : a.claims) {
    const std::string also = AlsoPublishedBy(s);
    out += "<li><strong>" + LinkOrText(s.article, s.article.Label()) + "</strong> · " +
           Esc(Published(s)) + (also.empty() ? "" : " (" + Esc(also) + ")") + ": “" +
           MarkedQuote(s) + "”</li>\n";
  }
  return out + "</ul>\n";
}

std::set<std::string> Outlets(const std::vector<StoredClaim>& claims) {
  std::set<std::string> out;
  for (const StoredClaim& c : claims) out.insert(c.article.Label());
  return out;
}

std::set<std::string> Dates(const std::vector<StoredClaim>& claims) {
  std::set<std::string> out;
  for (const StoredClaim& c : claims)
    if (c.article.published) out.insert(c.article.published->ToIso());
  return out;
}

std::string DataAttributes(const std::string& entity, const std::vector<StoredClaim>& claims) {
  std::string dates;
  for (const std::string& d : Dates(claims)) dates += (dates.empty() ? "" : " ") + d;
  return " data-entity=\"" + Esc(entity) + "\" data-outlets=\"" + Esc(Bars(Outlets(claims))) +
         "\" data-dates=\"" + Esc(dates) + "\"";
}

// ---- timelines -----------------------------------------------------------

struct TimelineKey {
  ClaimKey key;
  MentionKind kind;
  std::string unit;  // currency, "%" or "points"
  auto operator<=>(const TimelineKey&) const = default;
};

std::string Unit(const Mention& m) {
  if (const auto* money = std::get_if<MoneyValue>(&m.value)) return money->currency;
  return std::get<PercentValue>(m.value).points ? "points" : "%";
}

std::string AxisValue(double v, const TimelineKey& k) {
  if (k.kind == MentionKind::kMoney) return FormatMoney(v, k.unit);
  return FormatNumber(v) + (k.unit == "%" ? "%" : " pts");
}

// A timeline groups the money or percent claims of one key and unit; it is
// drawn when they refer to more than one time.
std::map<TimelineKey, std::vector<const StoredClaim*>> Timelines(
    const std::vector<StoredClaim>& claims) {
  std::map<TimelineKey, std::vector<const StoredClaim*>> groups;
  for (const StoredClaim& c : claims) {
    if (c.claim.entity.empty() || c.claim.attribute.empty()) continue;
    if (c.claim.mention.kind == MentionKind::kDate) continue;
    TimelineKey k{{c.claim.entity, c.claim.attribute, c.claim.qualifier},
                  c.claim.mention.kind,
                  Unit(c.claim.mention)};
    groups[k].push_back(&c);
  }
  std::map<TimelineKey, std::vector<const StoredClaim*>> out;
  for (auto& [k, v] : groups) {
    std::set<CivilDate> times;
    for (const StoredClaim* c : v) times.insert(c->claim.as_of.first);
    if (times.size() < 2) continue;
    std::sort(v.begin(), v.end(), [](const StoredClaim* a, const StoredClaim* b) {
      return std::tie(a->claim.as_of.first, a->claim.interval.low, a->id) <
             std::tie(b->claim.as_of.first, b->claim.interval.low, b->id);
    });
    out[k] = v;
  }
  return out;
}

std::string TimelineSvg(const TimelineKey& k, const std::vector<const StoredClaim*>& claims,
                        const std::set<int64_t>& in_conflict) {
  long t0 = claims.front()->claim.as_of.first.DaysSinceEpoch();
  long t1 = t0;
  double vmax = 0;
  double vmin = 0;
  for (const StoredClaim* c : claims) {
    t0 = std::min(t0, c->claim.as_of.first.DaysSinceEpoch());
    t1 = std::max(t1, c->claim.as_of.last.DaysSinceEpoch());
    vmax = std::max(vmax, c->claim.interval.high);
    vmin = std::min(vmin, c->claim.interval.low);
  }
  // Whole years on the x axis.
  const CivilDate first = CivilDate::FromDaysSinceEpoch(t0);
  const CivilDate last = CivilDate::FromDaysSinceEpoch(t1);
  const long x0 = CivilDate{first.year, 1, 1}.DaysSinceEpoch();
  const long x1 = CivilDate{last.year + 1, 1, 1}.DaysSinceEpoch();
  // Ticks at a round step (1, 2 or 5 times a power of ten), the top at a tick.
  const double raw_step = (vmax - vmin) * (1 + kChartHeadroom) / kValueTicks;
  const double magnitude = std::pow(10, std::floor(std::log10(raw_step > 0 ? raw_step : 1)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw_step) break;
  }
  const double bottom = std::floor(vmin / step) * step;
  const double top = bottom + step * kValueTicks;
  const double w = kChartWidth - kChartLeft - kChartRight;
  const double h = kChartHeight - kChartTop - kChartBottom;
  auto X = [&](long day) { return kChartLeft + w * (day - x0) / double(x1 - x0); };
  auto Y = [&](double v) {
    return kChartTop + h * (1 - (v - bottom) / (top == bottom ? 1 : top - bottom));
  };
  std::string out = "<svg class=\"chart\" viewBox=\"0 0 " + Num(kChartWidth) + " " +
                    Num(kChartHeight) + "\" role=\"img\" aria-label=\"" + Esc(DescribeKey(k.key)) +
                    " over time\">\n";
  // Axes and grid.
  for (int i = 0; i <= kValueTicks; ++i) {
    const double v = bottom + (top - bottom) * i / kValueTicks;
    out += "<line class=\"grid\" x1=\"" + Num(kChartLeft) + "\" x2=\"" +
           Num(kChartWidth - kChartRight) + "\" y1=\"" + Num(Y(v)) + "\" y2=\"" + Num(Y(v)) +
           "\"/><text class=\"tick\" x=\"" + Num(kChartLeft - 6) + "\" y=\"" + Num(Y(v) + 4) +
           "\" text-anchor=\"end\">" + Esc(AxisValue(v, k)) + "</text>\n";
  }
  for (int y = first.year; y <= last.year + 1; ++y) {
    const double x = X(CivilDate{y, 1, 1}.DaysSinceEpoch());
    out += "<line class=\"grid\" x1=\"" + Num(x) + "\" x2=\"" + Num(x) + "\" y1=\"" +
           Num(kChartTop) + "\" y2=\"" + Num(kChartTop + h) + "\"/>";
    if (y <= last.year)
      out += "<text class=\"tick\" x=\"" + Num(x + 4) + "\" y=\"" +
             Num(kChartHeight - kChartBottom + 18) + "\">" + std::to_string(y) + "</text>";
    out += "\n";
  }
  // One mark a claim: the as-of window as a horizontal bar, the hedged
  // interval as a vertical bar, a dot at the printed value.
  for (const StoredClaim* c : claims) {
    const double xa = X(c->claim.as_of.first.DaysSinceEpoch());
    const double xb = X(c->claim.as_of.last.DaysSinceEpoch() + 1);
    const double xm = (xa + xb) / 2;
    double value = c->claim.interval.low;
    if (const auto* m = std::get_if<MoneyValue>(&c->claim.mention.value)) value = m->amount;
    if (const auto* p = std::get_if<PercentValue>(&c->claim.mention.value)) value = p->percent;
    const std::string cls = in_conflict.count(c->id) ? "pt conflict" : "pt";
    out += "<g class=\"" + cls + "\"><title>" + Esc(c->article.Label()) + ": " +
           Esc(FormatHedgedValue(c->claim.mention)) + ", as of " +
           Esc(DescribeWindow(c->claim.as_of.first, c->claim.as_of.last)) + "</title>";
    out += "<line class=\"win\" x1=\"" + Num(xa) + "\" x2=\"" + Num(std::max(xb, xa + 2)) +
           "\" y1=\"" + Num(Y(value)) + "\" y2=\"" + Num(Y(value)) + "\"/>";
    out += "<line class=\"band\" x1=\"" + Num(xm) + "\" x2=\"" + Num(xm) + "\" y1=\"" +
           Num(Y(c->claim.interval.low)) + "\" y2=\"" + Num(Y(c->claim.interval.high)) + "\"/>";
    out += "<circle cx=\"" + Num(xm) + "\" cy=\"" + Num(Y(value)) + "\" r=\"5\"/>";
    const bool flip = xm > kChartLeft + w * kLabelFlip;
    out += "<text class=\"lbl\" x=\"" + Num(flip ? xm - 9 : xm + 9) + "\" y=\"" +
           Num(Y(value) + 4) + "\"" + (flip ? " text-anchor=\"end\"" : "") + ">" +
           Esc(FormatHedgedValue(c->claim.mention) + " · " + c->article.Label()) + "</text></g>\n";
  }
  return out + "</svg>\n";
}

std::string TimelineHtml(const TimelineKey& k, const std::vector<const StoredClaim*>& claims,
                         const std::set<int64_t>& in_conflict) {
  std::vector<StoredClaim> copies;
  for (const StoredClaim* c : claims) copies.push_back(*c);
  std::string out = "<figure class=\"timeline card\" data-kind=\"timeline\"" +
                    DataAttributes(k.key.entity, copies) + ">\n<figcaption><h3>" +
                    Esc(DescribeKey(k.key)) + "</h3><span class=\"sub\">" +
                    std::to_string(claims.size()) +
                    " figures by the time they refer to (as-of), earliest first</span>"
                    "</figcaption>\n";
  out += TimelineSvg(k, claims, in_conflict);
  out +=
      "<div class=\"scroll\"><table>\n<thead><tr><th>as of</th><th>value</th><th>source</th>"
      "<th>published</th><th>quote</th></tr></thead>\n<tbody>\n";
  for (const StoredClaim* c : claims) {
    std::string as_of = DescribeWindow(c->claim.as_of.first, c->claim.as_of.last);
    const std::string basis = DescribeAsOf(c->claim.as_of);
    if (!basis.empty() && c->claim.as_of.basis != AsOfBasis::kExplicit) as_of += " (" + basis + ")";
    out += std::string("<tr") + (in_conflict.count(c->id) ? " class=\"conflict\"" : "") +
           "><td class=\"nowrap\">" + Esc(as_of) + "</td><td class=\"nowrap\"><b>" +
           Esc(FormatHedgedValue(c->claim.mention)) + "</b></td><td>" +
           LinkOrText(c->article, c->article.Label()) + "</td><td class=\"nowrap\">" +
           Esc(Published(*c)) + "</td><td>" + MarkedQuote(*c) + "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n</figure>\n";
}

// ---- page ----------------------------------------------------------------

constexpr char kStyle[] = R"css(
:root{--ink:#1d2430;--muted:#5b6474;--line:#dde1e8;--bg:#f5f6f8;--card:#fff;--accent:#1f5fbf;
--red:#b42318;--redbg:#fdecea;--green:#1e7d3a;--greenbg:#e7f5ec;--amber:#8a5a00;--amberbg:#fff4d6;
--grey:#4a5160;--greybg:#eceef2;--mark:#ffe27a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#17233a;color:#fff;padding:20px 16px 14px}
header.top h1{margin:0 0 4px;font-size:1.5rem;letter-spacing:.01em}
header.top p{margin:0;color:#c9d3e6}
.wrap{max-width:1040px;margin:0 auto;padding:0 16px}
form.filters{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);
box-shadow:0 1px 4px rgba(0,0,0,.05)}
form.filters .wrap{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:flex-end;padding:10px 16px}
form.filters label{display:flex;flex-direction:column;font-size:.75rem;color:var(--muted);
text-transform:uppercase;letter-spacing:.04em}
form.filters select,form.filters input{font:inherit;font-size:.95rem;padding:5px 6px;border:1px solid #c4cad4;
border-radius:6px;background:#fff;color:var(--ink);min-width:8em;max-width:15em}
form.filters button{font:inherit;font-size:.9rem;padding:6px 12px;border:1px solid #c4cad4;border-radius:6px;
background:var(--greybg);cursor:pointer}
#shown{font-size:.9rem;color:var(--muted);margin-left:auto;align-self:center}
h2{font-size:1.2rem;margin:28px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0 0 16px;
box-shadow:0 1px 2px rgba(16,24,40,.04)}
article.conflict{border-left:5px solid var(--red)}
article.conflict.st-confirmed{border-left-color:var(--red)}
article.conflict.st-dismissed{border-left-color:#9aa3b2;opacity:.85}
article.conflict.st-needs-work{border-left-color:#d99a00}
article.conflict.st-open{border-left-color:var(--accent)}
.badges{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-bottom:4px;font-size:.8rem}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.78rem;font-weight:600;
text-transform:uppercase;letter-spacing:.03em;background:var(--greybg);color:var(--grey)}
.badge.st-open{background:#e6efff;color:var(--accent)}
.badge.st-confirmed{background:var(--redbg);color:var(--red)}
.badge.st-dismissed{background:var(--greybg);color:var(--grey)}
.badge.st-needs-work{background:var(--amberbg);color:var(--amber)}
.badge.sev{background:#fff;border:1px solid var(--line);color:var(--ink)}
.cid{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
article h3,figure h3{margin:4px 0 6px;font-size:1.1rem;line-height:1.35}
.reason{margin:0 0 12px;color:#333b48}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.side{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#fbfcfd;min-width:0}
.src{font-size:.92rem}
.src .title{color:var(--muted);font-size:.85rem}
.src .path{color:var(--muted);font-size:.75rem;word-break:break-all}
.src .also{color:var(--muted);font-size:.8rem}
blockquote{margin:8px 0;padding:0 0 0 10px;border-left:3px solid var(--line);font-family:Georgia,"Times New Roman",serif;
font-size:1.02rem}
mark{background:var(--mark);padding:0 2px;border-radius:3px;font-weight:600;color:#000}
.meta{margin:0;font-size:.82rem;color:var(--muted)}
details{margin-top:10px;font-size:.9rem}
summary{cursor:pointer;color:var(--ink)}
details ol,details ul{margin:6px 0;padding-left:22px}
.cmd code{font-size:.78rem;background:var(--greybg);padding:2px 6px;border-radius:4px;word-break:break-all}
a{color:var(--accent)}
figure{margin:0 0 16px}
.sub{color:var(--muted);font-size:.85rem}
svg.chart{width:100%;height:auto;display:block;margin:8px 0}
svg .grid{stroke:#e6e9ef;stroke-width:1}
svg .tick{font-size:12px;fill:var(--muted)}
svg .pt circle{fill:var(--accent)}
svg .pt .band{stroke:var(--accent);stroke-width:4;stroke-linecap:round;opacity:.35}
svg .pt .win{stroke:var(--accent);stroke-width:2;opacity:.6}
svg .pt.conflict circle{fill:var(--red)}
svg .pt.conflict .band,svg .pt.conflict .win{stroke:var(--red)}
svg .lbl{font-size:12.5px;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:4px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
tr.conflict td:first-child{box-shadow:inset 3px 0 0 var(--red)}
.nowrap{white-space:nowrap}
.agree-claims li{margin-bottom:6px}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.8rem;padding:24px 16px 40px;text-align:center}
[hidden]{display:none!important}
@media (max-width:720px){
body{font-size:15px}
.sides{grid-template-columns:1fr}
header.top h1{font-size:1.25rem}
.card{padding:12px 12px;border-radius:8px}
form.filters{position:static}
form.filters label{flex:1 1 40%}
form.filters select,form.filters input{min-width:0;width:100%;max-width:none}
#shown{margin-left:0;flex-basis:100%}
.hide-sm{display:none}
}
)css";

constexpr char kScript[] = R"js(
(function(){
  var form=document.getElementById('filters');
  var fields=['status','outlet','entity','from','to'];
  function params(){
    var p=new URLSearchParams(location.search);
    new URLSearchParams(location.hash.replace(/^#/,'')).forEach(function(v,k){p.set(k,v);});
    return p;
  }
  function apply(){
    var f={};fields.forEach(function(k){f[k]=form.elements[k].value;});
    var shown=0,total=0;
    document.querySelectorAll('[data-entity]').forEach(function(el){
      var ok=true;
      if(el.dataset.status!==undefined){total++;if(f.status&&f.status!=='all'&&el.dataset.status!==f.status)ok=false;}
      if(f.outlet&&el.dataset.outlets.indexOf('|'+f.outlet+'|')<0)ok=false;
      if(f.entity&&el.dataset.entity!==f.entity)ok=false;
      if(f.from||f.to){
        var any=el.dataset.dates.split(' ').some(function(d){
          return d&&(!f.from||d>=f.from)&&(!f.to||d<=f.to);});
        if(!any)ok=false;
      }
      el.hidden=!ok;
      if(ok&&el.dataset.status!==undefined)shown++;
    });
    document.getElementById('shown').textContent='Showing '+shown+' of '+total+' conflicts';
    document.querySelectorAll('section[data-section]').forEach(function(s){
      var items=s.querySelectorAll('[data-entity]'),vis=0;
      items.forEach(function(i){if(!i.hidden)vis++;});
      var note=s.querySelector('.none-shown');if(note)note.hidden=(vis>0||items.length===0);
    });
  }
  function save(){
    var p=new URLSearchParams();
    fields.forEach(function(k){var v=form.elements[k].value;if(v&&!(k==='status'&&v==='all'))p.set(k,v);});
    history.replaceState(null,'',location.pathname+location.search+(p.toString()?'#'+p.toString():''));
  }
  var p=params();
  fields.forEach(function(k){
    if(!p.has(k))return;
    var el=form.elements[k],v=p.get(k);
    if(el.tagName==='SELECT'&&!Array.prototype.some.call(el.options,function(o){return o.value===v;}))return;
    el.value=v;
  });
  form.addEventListener('change',function(){apply();save();});
  form.addEventListener('reset',function(){setTimeout(function(){apply();save();},0);});
  form.addEventListener('submit',function(e){e.preventDefault();});
  apply();
})();
)js";

std::string Options(const std::set<std::string>& values, const std::string& all_label) {
  std::string out = "<option value=\"\">" + Esc(all_label) + "</option>";
  for (const std::string& v : values)
    out += "<option value=\"" + Esc(v) + "\">" + Esc(v) + "</option>";
  return out;
}

}  // namespace

std::vector<ReviewEvent> HistoryOf(const std::vector<ReviewEvent>& reviews,
                                   const std::string& conflict_id) {
  std::vector<ReviewEvent> out;
  for (const ReviewEvent& r : reviews)
    if (r.conflict_id == conflict_id) out.push_back(r);
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderHtmlReport(const DeskView& view) {
  const Findings& f = view.findings;
  std::set<std::string> outlets, entities, dates;
  std::map<ReviewStatus, int> by_status;
  std::set<int64_t> in_conflict;
  for (const Conflict& c : f.conflicts) {
    ++by_status[c.status];
    for (const StoredClaim& s : c.claims) in_conflict.insert(s.id);
  }
  auto collect = [&](const std::vector<StoredClaim>& claims, const std::string& entity) {
    for (const std::string& o : Outlets(claims)) outlets.insert(o);
    for (const std::string& d : Dates(claims)) dates.insert(d);
    entities.insert(entity);
  };
  for (const Conflict& c : f.conflicts) collect(c.claims, c.key.entity);
  for (const Agreement& a : f.agreements) collect(a.claims, a.key.entity);
  const auto timelines = Timelines(view.claims);
  for (const auto& [k, v] : timelines) {
    std::vector<StoredClaim> copies;
    for (const StoredClaim* c : v) copies.push_back(*c);
    collect(copies, k.key.entity);
  }

  std::string counts = Plural(f.conflicts.size(), "conflict", "conflicts");
  std::string status_counts;
  for (ReviewStatus s : {ReviewStatus::kOpen, ReviewStatus::kConfirmed, ReviewStatus::kDismissed,
                         ReviewStatus::kNeedsWork}) {
    if (by_status[s] == 0) continue;
    status_counts += (status_counts.empty() ? "" : ", ") + std::to_string(by_status[s]) + " " +
                     std::string(Name(s));
  }
  if (!status_counts.empty()) counts += " (" + status_counts + ")";
  counts += ", " + Plural(f.agreements.size(), "agreement", "agreements") + ", " +
            Plural(timelines.size(), "timeline", "timelines");

  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"newsrecon\">\n<title>newsrecon report: " +
      Esc(counts) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<header class=\"top\"><div class=\"wrap\"><h1>newsrecon report</h1><p id=\"counts\">" +
         Esc(counts) + "</p></div></header>\n";
  out +=
      "<form class=\"filters\" id=\"filters\"><div class=\"wrap\">"
      "<label>Status<select name=\"status\"><option value=\"all\">all</option>";
  for (ReviewStatus s : {ReviewStatus::kOpen, ReviewStatus::kConfirmed, ReviewStatus::kDismissed,
                         ReviewStatus::kNeedsWork})
    out += "<option value=\"" + std::string(Name(s)) + "\">" + std::string(Name(s)) + "</option>";
  out += "</select></label><label>Outlet<select name=\"outlet\">" + Options(outlets, "all") +
         "</select></label><label>Entity<select name=\"entity\">" + Options(entities, "all") +
         "</select></label>";
  const std::string min_date = dates.empty() ? "" : *dates.begin();
  const std::string max_date = dates.empty() ? "" : *dates.rbegin();
  out += "<label>Published from<input type=\"date\" name=\"from\" min=\"" + Esc(min_date) +
         "\" max=\"" + Esc(max_date) +
         "\"></label><label>to<input type=\"date\" name=\"to\" min=\"" + Esc(min_date) +
         "\" max=\"" + Esc(max_date) +
         "\"></label><button type=\"reset\">Reset</button><span id=\"shown\">Showing " +
         std::to_string(f.conflicts.size()) + " of " + std::to_string(f.conflicts.size()) +
         " conflicts</span></div></form>\n<main class=\"wrap\">\n";

  // Conflicts.
  out += "<section id=\"conflicts\" data-section=\"conflicts\">\n<h2>Conflicts</h2>\n";
  if (f.conflicts.empty()) out += "<p class=\"empty\">No conflicts found.</p>\n";
  out += "<p class=\"empty none-shown\" hidden>No conflict matches the filters.</p>\n";
  for (const Conflict& c : f.conflicts) {
    const std::string status(Name(c.status));
    out += "<article class=\"conflict card st-" + status + "\" id=\"" + Esc(c.id) +
           "\" data-status=\"" + status + "\"" + DataAttributes(c.key.entity, c.claims) + ">\n";
    out += "<div class=\"badges\">" + StatusBadge(c.status) + "<span class=\"badge sev\">" +
           Esc(SeverityWords(c)) + " apart</span><span class=\"cid\">" + Esc(c.id) +
           "</span></div>\n";
    out += "<h3>" + Esc(Heading(c.key, c.as_of)) + "</h3>\n<p class=\"reason\">" + Esc(c.reason) +
           "</p>\n<div class=\"sides\">\n";
    for (const StoredClaim& s : c.claims) out += SideHtml(s);
    out += "</div>\n" + HistoryHtml(c, HistoryOf(view.reviews, c.id));
    std::vector<const Agreement*> related;
    for (const Agreement& a : f.agreements)
      if (a.key.entity == c.key.entity && a.key.attribute == c.key.attribute) related.push_back(&a);
    out += "<details class=\"related\"><summary>" +
           (related.empty()
                ? std::string("No agreement on ") + Esc(DescribeKey(c.key)) + " (any qualifier)"
                : Plural(related.size(), "agreement", "agreements") + " on " +
                      Esc(c.key.entity + " · " + c.key.attribute)) +
           "</summary>\n";
    for (const Agreement* a : related)
      out += "<p>" + Esc(a->reason) + "</p>\n" + AgreementClaimsHtml(*a);
    out += "</details>\n";
    for (const auto& [k, v] : timelines) {
      if (k.key == c.key)
        out += "<p class=\"meta\"><a href=\"#tl-" + Esc(c.id) + "\">See the timeline of " +
               Esc(DescribeKey(k.key)) + "</a></p>\n";
    }
    out += "</article>\n";
  }
  out += "</section>\n";

  // Timelines.
  out += "<section id=\"timelines\" data-section=\"timelines\">\n<h2>Timelines</h2>\n";
  if (timelines.empty())
    out += "<p class=\"empty\">No figure is reported for more than one time.</p>\n";
  out += "<p class=\"empty none-shown\" hidden>No timeline matches the filters.</p>\n";
  for (const auto& [k, v] : timelines) {
    for (const Conflict& c : f.conflicts)
      if (c.key == k.key) out += "<span id=\"tl-" + Esc(c.id) + "\"></span>";
    out += TimelineHtml(k, v, in_conflict);
  }
  out += "</section>\n";

  // Agreements.
  out += "<section id=\"agreements\" data-section=\"agreements\">\n<h2>Agreements</h2>\n";
  if (f.agreements.empty()) out += "<p class=\"empty\">No agreements found.</p>\n";
  out += "<p class=\"empty none-shown\" hidden>No agreement matches the filters.</p>\n";
  for (const Agreement& a : f.agreements) {
    out += "<article class=\"agreement card\" id=\"" + Esc(a.id) + "\"" +
           DataAttributes(a.key.entity, a.claims) + ">\n<h3>" + Esc(Heading(a.key, a.as_of)) +
           "</h3>\n<p class=\"reason\">" + Esc(a.reason) + "</p>\n" + AgreementClaimsHtml(a) +
           "</article>\n";
  }
  out +=
      "</section>\n</main>\n<footer>Made by newsrecon from the claims in its database. "
      "Quotes are cut from the articles as printed; the highlighted figure is the one compared."
      "</footer>\n<script>" +
      std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace newsrecon
