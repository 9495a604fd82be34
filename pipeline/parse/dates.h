// Publication dates and bylines of HTML pages, for the parse stage.
//
// ReadPageDates takes a parsed page (gumbo), the nodes chosen as its main
// text, and its metadata so far; it appends every date witness it finds to
// meta->date_witnesses, fills meta->byline when empty, and, when the source
// gave no date, chooses meta->published and meta->published_method. It also
// sets meta->dates_disagree. It cannot fail: a page without witnesses keeps
// published empty.
//
// Witnesses and the precedence among them (first that names a day between
// 1995-01-01 and `today` + 1 wins; within a tier, the order given):
//   1. JSON-LD datePublished of an Article type (kJsonLd).
//   2. Explicit published metadata: meta tags (article:published_time,
//      og:published_time, pubdate, publishdate, dc.date.issued, dcterms.created,
//      sailthru.date, parsely-pub-date, citation_date, date …, in that order;
//      kMetaTag), itemprop=datePublished/dateCreated with content or datetime
//      (kMetaTag), JSON-LD datePublished/dateCreated of other types (kJsonLd).
//   2b. The source's own publication witnesses already in meta (a feed's
//      pubDate, a news sitemap's publication_date: kFeed); the source's
//      modification witnesses (lastmod, HTTP Last-Modified) rank with 6.
//   3. The page URL's path (/2026/04/27/, /2026/apr/27/, /2026-04-27/,
//      /20260427/) or its ?date= query (kUrl).
//   4. <time datetime>: one marked pubdate/published first, then the first in
//      the main text, then the first outside page furniture; hAtom
//      <abbr class=published title=…> (kTimeElement).
//   5. A dateline in the text (kText): an element whose class or id says
//      date/published/posted/byline/meta, or a phrase such as "Published on",
//      "Veröffentlicht am", "Publié le", "Publicado el", followed by a date in
//      a common English, German, French, Spanish, Italian, Portuguese, Dutch,
//      Russian, Chinese/Japanese or Korean form.
//   6. Modification dates (dateModified, article:modified_time, "Updated …").
//   7. Last resort (front pages, lists): the most recent date in the URLs the
//      page links to, or the first date in its text more recent than that.
// The date is the calendar day in the zone the witness states.
// dates_disagree: two publication witnesses of tiers 1–5 name days more than
// one day apart.
//
// Thread-safety: no shared state.
#ifndef NEWSRECON_PIPELINE_PARSE_DATES_H_
#define NEWSRECON_PIPELINE_PARSE_DATES_H_

#include <gumbo.h>

#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"

namespace newsrecon {

void ReadPageDates(const GumboNode* document, const std::vector<const GumboNode*>& main_roots,
                   CivilDate today, ArticleMeta* meta);

// A date found in running text: bytes [start, end) of the text.
struct TextDate {
  size_t start = 0;
  size_t end = 0;
  CivilDate date;
};

// The dates written in `text` in the forms listed above ("27 April 2026",
// "April 27th, 2026", "27. April 2026", "27 avril 2026", "27 de abril de
// 2026", "27.04.2026", "2026-04-27", "2026年4月27日" …), at most `max`.
// Numeric day/month order is read from the numbers when one exceeds 12, else
// month first when `month_first` (US English), else day first.
std::vector<TextDate> FindTextDates(std::string_view text, bool month_first, size_t max = 16);

// The date of a query parameter date=, d=, pubdate= … in a URL; nullopt if none.
std::optional<CivilDate> DateFromUrlQuery(std::string_view url);

// Today's date by the system clock (UTC).
CivilDate TodayUtc();

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_PARSE_DATES_H_
