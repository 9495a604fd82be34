#include "pipeline/reconcile/reconcile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "pipeline/core/hash.h"
#include "pipeline/core/plural.h"
#include "pipeline/reconcile/describe.h"

namespace newsrecon {
namespace {

// Separators inside the hashed text, so that ("ab", "c") and ("a", "bc") differ.
constexpr char kFieldSeparator = '\x1f';
constexpr char kRecordSeparator = '\x1e';
// Below this ratio a reason prints one decimal ("2.3 times"), above it none ("14 times").
constexpr double kRatioDecimalsBelow = 10;

using Group = std::vector<const StoredClaim*>;

ClaimKey KeyOf(const Claim& c) { return {c.entity, c.attribute, c.qualifier}; }

// Rule 1: what may be compared with what inside one key.
std::string ComparisonClass(const Claim& c) {
  if (const auto* m = std::get_if<MoneyValue>(&c.mention.value)) return "money:" + m->currency;
  if (const auto* p = std::get_if<PercentValue>(&c.mention.value))
    return p->points ? "percent:points" : "percent";
  return "date";
}

// Rule 2.
bool SameSource(const StoredClaim& a, const StoredClaim& b) {
  return a.article_id == b.article_id || a.article.Label() == b.article.Label();
}

// Rule 6: agreeing sources are independent ones; the articles of one story
// (near copies, StoredClaim::story_id) are one source.
int64_t Story(const StoredClaim& c) { return c.story_id != 0 ? c.story_id : c.article_id; }
bool OneVoice(const StoredClaim& a, const StoredClaim& b) {
  return SameSource(a, b) || Story(a) == Story(b);
}

// Rule 4.
bool AsOfOverlaps(const AsOf& a, const AsOf& b) {
  if (a.basis == AsOfBasis::kTimeless && b.basis == AsOfBasis::kTimeless) return true;
  // A fiscal period's months depend on whose it is: "fiscal 2026" is compared
  // with "fiscal 2026", never with calendar months.
  if ((a.basis == AsOfBasis::kFiscal) != (b.basis == AsOfBasis::kFiscal)) return false;
  // Two figures tied to the same event refer to the same time, whatever date
  // each outlet gives the event (a disagreement on that date is a conflict of
  // its own, on the event's date claims).
  if (a.basis == AsOfBasis::kEvent && b.basis == AsOfBasis::kEvent && !a.event.empty() &&
      a.event == b.event)
    return true;
  return a.first <= b.last && b.first <= a.last;
}

bool Compatible(const StoredClaim& a, const StoredClaim& b) {
  return AsOfOverlaps(a.claim.as_of, b.claim.as_of) && a.claim.interval.Overlaps(b.claim.interval);
}

// A file without a URL is known by its name, not its folder, so that the
// same corpus gives the same ids wherever it is checked out.
std::string_view FileName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string Identity(const StoredClaim& c) {
  const std::string where(!c.article.url.empty() ? std::string_view(c.article.url)
                                                 : FileName(c.article.path));
  return where + kFieldSeparator + std::to_string(c.claim.mention.span.start) + ":" +
         std::to_string(c.claim.mention.span.end) + kFieldSeparator + c.claim.mention.text;
}

// Conflict order (rule 5): earlier publication first, undated last, then
// label, offset; identity and row id make the order total.
bool Before(const StoredClaim* a, const StoredClaim* b) {
  const auto& pa = a->article.published;
  const auto& pb = b->article.published;
  if (pa.has_value() != pb.has_value()) return pa.has_value();
  if (pa && *pa != *pb) return *pa < *pb;
  const std::string la = a->article.Label();
  const std::string lb = b->article.Label();
  if (la != lb) return la < lb;
  if (a->claim.mention.span.start != b->claim.mention.span.start)
    return a->claim.mention.span.start < b->claim.mention.span.start;
  const std::string ia = Identity(*a);
  const std::string ib = Identity(*b);
  if (ia != ib) return ia < ib;
  return a->id < b->id;
}

// Rule 7.
std::string MakeId(char prefix, const ClaimKey& key, const Group& claims) {
  std::vector<std::string> identities;
  for (const StoredClaim* c : claims) identities.push_back(Identity(*c));
  std::sort(identities.begin(), identities.end());
  std::string text = key.entity + kFieldSeparator + key.attribute + kFieldSeparator +
                     key.qualifier + kRecordSeparator;
  for (const std::string& id : identities) text += id + kRecordSeparator;
  return std::string(1, prefix) + Fnv1aHex(text).substr(0, kIdHexDigits);
}

// Which basis says most about the time, for a window shared by several claims.
int BasisRank(AsOfBasis b) {
  switch (b) {
    case AsOfBasis::kExplicit:
    case AsOfBasis::kFiscal:
      return 4;
    case AsOfBasis::kEvent:
      return 3;
    case AsOfBasis::kLatest:
      return 2;
    case AsOfBasis::kPublication:
      return 1;
    case AsOfBasis::kTimeless:
      return 0;
  }
  return 0;
}

// Where the as-of windows of `claims` overlap; for timeless claims, the span
// of all of them. The basis is the most specific one among the claims.
AsOf SharedAsOf(const Group& claims) {
  AsOf out = claims.front()->claim.as_of;
  bool all_timeless = out.basis == AsOfBasis::kTimeless;
  CivilDate hull_first = out.first;
  CivilDate hull_last = out.last;
  for (size_t i = 1; i < claims.size(); ++i) {
    const AsOf& a = claims[i]->claim.as_of;
    all_timeless = all_timeless && a.basis == AsOfBasis::kTimeless;
    out.first = std::max(out.first, a.first);
    out.last = std::min(out.last, a.last);
    hull_first = std::min(hull_first, a.first);
    hull_last = std::max(hull_last, a.last);
    if (BasisRank(a.basis) > BasisRank(out.basis)) {
      out.basis = a.basis;
      out.event = a.event;
    }
  }
  if (all_timeless) {
    out.first = hull_first;
    out.last = hull_last;
  }
  if (out.last < out.first) out.last = out.first;
  return out;
}

std::string SourceWords(const StoredClaim& c) {
  return c.article.Label() + " (" + DescribePublished(c.article.published) + ")";
}

// The value as a reason prints it: hedged, and for relative dates the words
// the outlet used.
std::string ReasonValue(const Claim& c) {
  std::string out = FormatHedgedValue(c.mention);
  const auto* d = std::get_if<DateValue>(&c.mention.value);
  if (d && d->resolution == DateResolution::kRelative && !c.mention.text.empty())
    out += " (\"" + c.mention.text + "\")";
  return out;
}

struct Severity {
  double value = 0;
  SeverityUnit unit = SeverityUnit::kRatio;
  std::string words;  // "2.3 times apart"
};

// Rule 5. REQUIRES: lower.high < higher.low.
Severity Measure(const Claim& lower, const Claim& higher) {
  Severity s;
  const double lo = lower.interval.high;
  const double hi = higher.interval.low;
  if (lower.mention.kind == MentionKind::kDate) {
    s.unit = SeverityUnit::kMonths;
    const CivilDate a = CivilDate::FromDaysSinceEpoch(std::lround(lo));
    const CivilDate b = CivilDate::FromDaysSinceEpoch(std::lround(hi));
    const auto* da = std::get_if<DateValue>(&lower.mention.value);
    const auto* db = std::get_if<DateValue>(&higher.mention.value);
    if (da && db && da->granularity == Granularity::kYear &&
        db->granularity == Granularity::kYear) {
      // "1993" against "1995": two years, not the 13 months between the
      // end of one and the start of the other.
      const int years = std::max(1, db->first.year - da->first.year);
      s.value = 12 * years;
      s.words = Plural(years, "year apart", "years apart");
      return s;
    }
    const int months = std::max(0, MonthsBetween(a, b));
    s.value = months;
    if (months == 0) {
      const long days = std::lround(hi) - std::lround(lo);
      s.words = Plural(days, "day apart", "days apart");
    } else {
      s.words = Plural(months, "month apart", "months apart");
    }
    return s;
  }
  s.unit = SeverityUnit::kRatio;
  double ratio = kMaxSeverityRatio;
  if (lo > 0) {
    ratio = hi / lo;
  } else if (hi < 0) {
    ratio = lo / hi;  // both negative: |lo| / |hi|
  }
  if (!std::isfinite(ratio) || ratio > kMaxSeverityRatio) ratio = kMaxSeverityRatio;
  s.value = ratio;
  if (lo <= 0 && hi >= 0) {
    s.words = "far apart (one is zero or they differ in sign)";
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, ratio < kRatioDecimalsBelow ? "%.1f" : "%.0f", ratio);
    s.words = std::string(buf) + " times apart";
  }
  return s;
}

Conflict MakeConflict(const ClaimKey& key, const StoredClaim* x, const StoredClaim* y) {
  Conflict c;
  Group pair = {x, y};
  std::sort(pair.begin(), pair.end(), Before);
  c.key = key;
  c.as_of = SharedAsOf(pair);
  c.id = MakeId('c', key, pair);
  const Claim& first = pair[0]->claim;
  const Claim& second = pair[1]->claim;
  const bool first_lower = first.interval.high < second.interval.low;
  Severity s = first_lower ? Measure(first, second) : Measure(second, first);
  c.severity = s.value;
  c.severity_unit = s.unit;
  c.status = ReviewStatus::kOpen;
  const bool date = first.mention.kind == MentionKind::kDate;
  const std::string subject = DescribeSubject(key, c.as_of);
  if (date) {
    c.reason = SourceWords(*pair[0]) + " dates " + subject + " to " + ReasonValue(first) + "; " +
               SourceWords(*pair[1]) + " to " + ReasonValue(second) + ": " + s.words + ".";
  } else {
    c.reason = SourceWords(*pair[0]) + " puts " + subject + " at " + ReasonValue(first) + "; " +
               SourceWords(*pair[1]) + " at " + ReasonValue(second) + ": " + s.words + ".";
  }
  c.claims = {*pair[0], *pair[1]};
  return c;
}

Agreement MakeAgreement(const ClaimKey& key, const Group& members) {
  Agreement a;
  a.key = key;
  a.as_of = SharedAsOf(members);
  a.id = MakeId('a', key, members);
  std::vector<std::string> values;
  for (const StoredClaim* c : members) {
    std::string v = ReasonValue(c->claim);
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  }
  std::string joined;
  for (size_t i = 0; i < values.size(); ++i) joined += (i ? ", " : "") + values[i];
  a.reason = std::to_string(members.size()) + " sources agree on " + DescribeSubject(key, a.as_of) +
             ": " + joined + ".";
  for (const StoredClaim* c : members) a.claims.push_back(*c);
  return a;
}

// Rule 3: one representative a run of compatible claims of one article.
Group Representatives(const Group& group) {
  std::map<int64_t, Group> by_article;
  for (const StoredClaim* c : group) by_article[c->article_id].push_back(c);
  Group reps;
  for (auto& [article, claims] : by_article) {
    std::sort(claims.begin(), claims.end(), [](const StoredClaim* a, const StoredClaim* b) {
      const Mention& ma = a->claim.mention;
      const Mention& mb = b->claim.mention;
      return std::tie(ma.span.start, ma.span.end, ma.text, a->id) <
             std::tie(mb.span.start, mb.span.end, mb.text, b->id);
    });
    Group kept;
    for (const StoredClaim* c : claims) {
      bool covered = false;
      for (const StoredClaim* k : kept) covered = covered || Compatible(*c, *k);
      if (!covered) kept.push_back(c);
    }
    reps.insert(reps.end(), kept.begin(), kept.end());
  }
  std::sort(reps.begin(), reps.end(), Before);
  return reps;
}

void FindConflicts(const ClaimKey& key, const Group& reps, std::vector<Conflict>* out) {
  // (article, article, interval, interval) already reported, lower article id first.
  std::set<std::tuple<int64_t, int64_t, double, double, double, double>> seen;
  for (size_t i = 0; i < reps.size(); ++i) {
    for (size_t j = i + 1; j < reps.size(); ++j) {
      const StoredClaim* x = reps[i];
      const StoredClaim* y = reps[j];
      if (SameSource(*x, *y) || !AsOfOverlaps(x->claim.as_of, y->claim.as_of)) continue;
      if (x->claim.interval.Overlaps(y->claim.interval)) continue;
      if (x->article_id > y->article_id) std::swap(x, y);
      auto mark =
          std::make_tuple(x->article_id, y->article_id, x->claim.interval.low,
                          x->claim.interval.high, y->claim.interval.low, y->claim.interval.high);
      if (!seen.insert(mark).second) continue;
      out->push_back(MakeConflict(key, x, y));
    }
  }
}

void FindAgreements(const ClaimKey& key, const Group& reps, std::vector<Agreement>* out) {
  Group sorted = reps;
  std::stable_sort(sorted.begin(), sorted.end(), [](const StoredClaim* a, const StoredClaim* b) {
    return a->claim.interval.low < b->claim.interval.low;
  });
  std::vector<Group> clusters;
  for (const StoredClaim* c : sorted) {
    bool placed = false;
    for (Group& cluster : clusters) {
      bool fits = true;
      for (const StoredClaim* m : cluster) fits = fits && Compatible(*c, *m);
      if (fits) {
        cluster.push_back(c);
        placed = true;
        break;
      }
    }
    if (!placed) clusters.push_back({c});
  }
  for (Group& cluster : clusters) {
    std::sort(cluster.begin(), cluster.end(), Before);
    Group one_per_source;
    for (const StoredClaim* c : cluster) {
      bool seen = false;
      for (const StoredClaim* k : one_per_source) seen = seen || OneVoice(*c, *k);
      if (!seen) one_per_source.push_back(c);
    }
    if (static_cast<int>(one_per_source.size()) >= kMinAgreeingSources)
      out->push_back(MakeAgreement(key, one_per_source));
  }
}

}  // namespace

Findings Reconcile(const std::vector<StoredClaim>& claims) {
  // Copies of one file read from two folders are one article: of claims
  // with the same identity, the one with the smallest row id stands.
  // (One mention may make claims of several keys: each group counts apart.)
  using GroupKey = std::pair<ClaimKey, std::string>;
  std::map<std::pair<GroupKey, std::string>, const StoredClaim*> unique;
  for (const StoredClaim& c : claims) {
    if (c.claim.entity.empty() || c.claim.attribute.empty()) continue;
    GroupKey group{KeyOf(c.claim), ComparisonClass(c.claim)};
    auto [it, added] = unique.emplace(std::make_pair(std::move(group), Identity(c)), &c);
    if (!added && c.id < it->second->id) it->second = &c;
  }
  std::map<GroupKey, Group> groups;
  for (const auto& [where, c] : unique) groups[where.first].push_back(c);
  Findings findings;
  for (const auto& [group_key, group] : groups) {
    const Group reps = Representatives(group);
    FindConflicts(group_key.first, reps, &findings.conflicts);
    FindAgreements(group_key.first, reps, &findings.agreements);
  }
  std::sort(findings.conflicts.begin(), findings.conflicts.end(),
            [](const Conflict& a, const Conflict& b) {
              return ConflictBefore(a.severity, a.severity_unit, a.id, b.severity, b.severity_unit,
                                    b.id);
            });
  std::sort(findings.agreements.begin(), findings.agreements.end(),
            [](const Agreement& a, const Agreement& b) {
              return AgreementBefore(a.claims.size(), a.id, b.claims.size(), b.id);
            });
  return findings;
}

}  // namespace newsrecon
