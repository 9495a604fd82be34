// Publication dates and bylines of HTML pages, for the parse stage.
//
// ReadPageDates takes a parsed page (gumbo), the nodes chosen as its main
// text, its JSON-LD scripts as parsed JSON (html_util.h ParseJsonLd), and its
// metadata so far; it appends every date witness it finds to
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
//      sailthru.date, parsely-pub-date, citation_date …, itemprop uploadDate,
//      in that order; then unlisted names that say publish, pubdate or
//      uploaded but not modified/updated: kMetaTag), itemprop=datePublished/
//      dateCreated with content or datetime (kMetaTag), JSON-LD
//      datePublished/dateCreated of other types (kJsonLd).
//   2b. The source's own publication witnesses already in meta (a feed's
//      pubDate, a news sitemap's publication_date: kFeed); the source's
//      modification witnesses (lastmod, HTTP Last-Modified) rank with 6.
//   3. The page URL's path (/2026/04/27/, /2026/4/7/, /2026/apr/27/,
//      /2026-04-27/, /20260427/) or its ?date= query (kUrl).
//   4. <time datetime>: one marked pubdate/published first, then the first in
//      the main text; hAtom <abbr class=published title=…> (kTimeElement). A
//      marked <time> in furniture or below the main text (a comment's) ranks
//      with the unmarked ones outside the text, in 5.
//   5. A dateline in the text (kText): a phrase such as "Published on",
//      "Veröffentlicht am", "Publié le", "Publicado el" opening its line (not
//      deep in a sentence), or an element whose
//      class or id says published/posted/dateline, followed by a date in a
//      common English, German, French, Spanish, Italian, Portuguese, Dutch,
//      Russian, Chinese/Japanese or Korean form; then an unmarked <time>
//      outside the main text; then elements whose class or id says
//      date/meta/byline; then the bare meta names date, dc.date and
//      dcterms.date (content systems fill them with the last edit as often as
//      with the publication); then the first publication key of a page's JSON
//      state in a script ({"publishedDate":"…"}, kMetaTag).
//   6. Modification dates (dateModified, article:modified_time, "Updated …").
//   7. Last resort: a date on a short line of its own within the first 400
//      bytes of the main text (kText, "main text head"); else the first date
//      printed in page furniture, after a "published" phrase or in a date
//      class (comments, teasers, sidebars: a story's own date comes before
//      its comments); else
//      (front pages, lists) the most recent date in the URLs the page links
//      to, or the first date in its text more recent than that.
// Elements whose class says furniture (teaser, sidebar, aside, comments …)
// are not furniture when they hold the main text.
// Consistency between witnesses of tiers 1–5 may overrule the precedence:
//   - corroboration: when another day (more than a day from the chosen one) is
//     named by at least two kinds of witness (JSON-LD, meta, time, text, URL,
//     feed) and by more kinds than the chosen day, its best witness is taken;
//     a kind that names days far apart (a list of stories) counts for none;
//   - the URL: a date in the page URL's path earlier than the chosen one by
//     more than a day is taken (URLs are minted at first publication).
// The date is the calendar day in the zone the witness states, with one
// exception: a chosen timestamp stated in UTC ("…T01:49:00Z", "+00:00") is
// read in the zone another witness of the page states, or, when none does,
// takes the adjacent day the best local witness (URL, printed dateline,
// zoneless <time>) names if its UTC hour allows (before 10:00 for the day
// before, from 14:00 for the day after). The witnesses keep their stated days.
// dates_disagree: two publication witnesses of tiers 1–5 name days more than
// one day apart.
//
// Thread-safety: no shared state.
#ifndef NEWSRECON_PIPELINE_PARSE_DATES_H_
#define NEWSRECON_PIPELINE_PARSE_DATES_H_

#include <gumbo.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/core/article.h"
#include "pipeline/core/civil_date.h"

namespace newsrecon {

void ReadPageDates(const GumboNode* document, const std::vector<const GumboNode*>& main_roots,
                   const std::vector<nlohmann::json>& json_ld, CivilDate today, ArticleMeta* meta);

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
