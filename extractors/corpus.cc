#include "extractors/corpus.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/core/names.h"

namespace newsrecon {
namespace {

using nlohmann::json;

// Amounts and percentages are compared to a part in a million (one-third).
constexpr double kRelativeTolerance = 1e-3;

bool Close(double a, double b) {
  return std::fabs(a - b) <=
         kRelativeTolerance * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

std::string Describe(const Mention& m) {
  std::string s = std::string(Name(m.kind)) + " \"" + m.text + "\" = ";
  if (const auto* d = std::get_if<DateValue>(&m.value)) {
    s += d->first.ToIso() + ".." + d->last.ToIso() + " (" + std::string(Name(d->granularity)) + ")";
  } else if (const auto* mo = std::get_if<MoneyValue>(&m.value)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g %s", mo->amount, mo->currency.c_str());
    s += buf;
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g%%", std::get<PercentValue>(m.value).percent);
    s += buf;
  }
  s += " [" + std::string(Name(m.hedge)) + ", " + m.rule + "]";
  return s;
}

// Every field of `e` present must agree with `m`; returns what disagrees.
std::vector<std::string> CompareValue(const json& e, const Mention& m) {
  std::vector<std::string> bad;
  auto want_str = [&](const char* field, const std::string& got) {
    if (e.contains(field) && e[field].get<std::string>() != got)
      bad.push_back(std::string(field) + ": expected " + e[field].get<std::string>() + ", got " +
                    got);
  };
  auto want_num = [&](const char* field, double got) {
    if (e.contains(field) && !Close(e[field].get<double>(), got))
      bad.push_back(std::string(field) + ": expected " + e[field].dump() + ", got " +
                    std::to_string(got));
  };
  want_str("hedge", std::string(Name(m.hedge)));
  if (const auto* d = std::get_if<DateValue>(&m.value)) {
    want_str("start", d->first.ToIso());
    want_str("end", d->last.ToIso());
    want_str("granularity", std::string(Name(d->granularity)));
  } else if (const auto* mo = std::get_if<MoneyValue>(&m.value)) {
    want_num("amount", mo->amount);
    if (e.contains("amount_high")) want_num("amount_high", mo->amount_high.value_or(NAN));
    want_str("currency", mo->currency);
  } else {
    const auto& p = std::get<PercentValue>(m.value);
    want_num("percent", std::fabs(p.percent));
    if (e.contains("points") && e["points"].get<bool>() != p.points)
      bad.push_back("points differs");
  }
  return bad;
}

}  // namespace

int CorpusReport::failures() const {
  int n = 0;
  for (const auto& c : cases) n += (!c.passed && !c.known_failure) ? 1 : 0;
  return n;
}

std::string CorpusReport::Summary() const {
  std::string out;
  for (const auto& [kind, c] : by_kind) {
    double p = c.found ? double(c.matched) / c.found : 1.0;
    double r = c.expected ? double(c.matched) / c.expected : 1.0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    double v = c.matched ? double(c.value_correct) / c.matched : 1.0;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "%-8s expected %4d found %4d matched %4d  precision %.3f recall %.3f F1 %.3f "
                  "value accuracy %.3f\n",
                  kind.c_str(), c.expected, c.found, c.matched, p, r, f1, v);
    out += buf;
  }
  return out;
}

StatusOr<CorpusReport> RunCorpus(std::string_view name, std::string_view text,
                                 const MentionFinder& finder) {
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("cases"))
    return Status::InvalidArgument(std::string(name) + ": not a corpus file (JSON with \"cases\")");
  std::set<std::string> kinds;
  if (doc.contains("kinds"))
    for (const auto& k : doc["kinds"]) kinds.insert(k.get<std::string>());
  std::optional<CivilDate> default_ref;
  if (doc.contains("reference")) default_ref = ParseIsoDate(doc["reference"].get<std::string>());

  CorpusReport report;
  std::map<std::string, CorpusReport::Counts> counts;
  for (const json& c : doc["cases"]) {
    CaseResult result;
    result.id = c.value("id", "?");
    if (c.contains("known_failure")) {
      result.known_failure = true;
      result.known_failure_reason = c["known_failure"].get<std::string>();
    }
    std::optional<CivilDate> ref = default_ref;
    if (c.contains("reference")) ref = ParseIsoDate(c["reference"].get<std::string>());
    std::string input = c.value("text", "");
    std::vector<Mention> found = finder(input, ref);
    if (!kinds.empty())
      std::erase_if(found,
                    [&](const Mention& m) { return !kinds.count(std::string(Name(m.kind))); });
    std::vector<bool> used(found.size(), false);
    for (const json& e : c.value("expect", json::array())) {
      std::string kind = e.value("kind", "");
      std::string want = e.value("text", "");
      counts[kind].expected++;
      counts["all"].expected++;
      bool matched = false;
      for (size_t i = 0; i < found.size(); ++i) {
        if (used[i] || std::string(Name(found[i].kind)) != kind || found[i].text != want) continue;
        used[i] = matched = true;
        counts[kind].matched++;
        counts["all"].matched++;
        auto bad = CompareValue(e, found[i]);
        if (bad.empty()) {
          counts[kind].value_correct++;
          counts["all"].value_correct++;
        }
        for (auto& b : bad) result.problems.push_back("\"" + want + "\" " + b);
        break;
      }
      if (!matched) result.problems.push_back("missing " + kind + " \"" + want + "\"");
    }
    for (size_t i = 0; i < found.size(); ++i) {
      counts[std::string(Name(found[i].kind))].found++;
      counts["all"].found++;
      if (!used[i]) result.problems.push_back("unexpected " + Describe(found[i]));
    }
    result.passed = result.problems.empty();
    report.cases.push_back(std::move(result));
  }
  for (const char* k : {"date", "money", "percent", "all"})
    if (counts.count(k)) report.by_kind.emplace_back(k, counts[k]);
  return report;
}

}  // namespace newsrecon
