#include "pipeline/report/claimreview.h"

#include <set>

#include "pipeline/reconcile/describe.h"
#include "pipeline/report/common.h"

namespace newsrecon {
namespace {

using nlohmann::json;

json Organization(const std::string& name) { return {{"@type", "Organization"}, {"name", name}}; }

// An article's outlet, or its URL's host; nothing for a file known only by
// its name (a file name is no publisher).
bool HasPublisher(const ArticleMeta& m) {
  return !m.outlet.empty() || !m.url.empty() || !m.canonical_url.empty();
}

json Appearance(const StoredClaim& c) {
  json j = {{"@type", "NewsArticle"}};
  if (!c.article.url.empty()) j["url"] = c.article.url;
  if (!c.article.title.empty()) j["headline"] = c.article.title;
  if (c.article.published) j["datePublished"] = c.article.published->ToIso();
  if (HasPublisher(c.article)) j["publisher"] = Organization(c.article.Label());
  return j;
}

}  // namespace

json ClaimReviews(const Findings& findings, const std::vector<ReviewEvent>& reviews,
                  const std::string& url_base) {
  json out = json::array();
  for (const Conflict& c : findings.conflicts) {
    if (c.status != ReviewStatus::kConfirmed || c.claims.size() != 2) continue;
    std::vector<ReviewEvent> history = HistoryOf(reviews, c.id);
    const ReviewEvent* verdict = nullptr;
    for (const ReviewEvent& r : history)
      if (r.verdict == ReviewStatus::kConfirmed) verdict = &r;  // the latest confirmation
    const StoredClaim& a = c.claims[0];
    const StoredClaim& b = c.claims[1];
    const std::string subject = DescribeSubject(c.key, c.as_of);
    json review = {{"@context", "https://schema.org"}, {"@type", "ClaimReview"}};
    review["claimReviewed"] = a.article.Label() + " reports " + subject + " as " +
                              FormatHedgedValue(a.claim.mention) + "; " + b.article.Label() +
                              " reports " + FormatHedgedValue(b.claim.mention) + ".";
    json item = {{"@type", "Claim"}};
    json authors = json::array();
    std::set<std::string> seen;
    for (const StoredClaim& s : c.claims)
      if (HasPublisher(s.article) && seen.insert(s.article.Label()).second)
        authors.push_back(Organization(s.article.Label()));
    if (!authors.empty()) item["author"] = authors;
    if (a.article.published) item["datePublished"] = a.article.published->ToIso();
    item["appearance"] = json::array({Appearance(a), Appearance(b)});
    item["firstAppearance"] = Appearance(a);
    review["itemReviewed"] = item;
    review["reviewRating"] = {
        {"@type", "Rating"}, {"alternateName", kConfirmedRating}, {"ratingExplanation", c.reason}};
    if (verdict != nullptr && !verdict->reviewer.empty()) {
      review["author"] = {{"@type", "Person"}, {"name", verdict->reviewer}};
    } else {
      review["author"] = Organization("newsrecon");
    }
    if (verdict != nullptr && verdict->reviewed_at.size() >= 10)
      review["datePublished"] = verdict->reviewed_at.substr(0, 10);
    if (verdict != nullptr && !verdict->note.empty()) review["reviewBody"] = verdict->note;
    if (!url_base.empty()) review["url"] = url_base + "#" + c.id;
    review["identifier"] = c.id;
    out.push_back(std::move(review));
  }
  return out;
}

}  // namespace newsrecon
