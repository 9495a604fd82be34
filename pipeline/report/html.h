// The HTML report (newsrecon report --format html): one self-contained page
// for a fact-checker, readable on a laptop and a phone.
//
// Takes: a DeskView (findings, every claim, the review history). Gives: one
// HTML5 document with inline CSS, a little inline JavaScript and inline SVG;
// it loads nothing from the network (no fonts, scripts or images). Never
// fails. Every string from the data is HTML-escaped.
//
// The page: counts and filters (status, outlet, entity, publication dates),
// then conflicts most severe first. Each conflict is an <article
// class="conflict" id="<conflict id>"> with data-status, data-outlets
// ("|label|label|"), data-entity and data-dates (publication dates) for the
// filters; it shows the key, the reason, severity, both sides (outlet and
// date, linked to the URL when known; the sentence with the figure in
// <mark>, cut at the mention's byte span), the review status and history,
// and the agreements on the same entity and attribute. Then one timeline per
// entity, attribute and qualifier whose money or percentage claims refer to
// more than one time (an inline SVG and a table ordered by as-of date), and
// the agreements.
//
// Filters read the URL at load: ?status=open&outlet=X&entity=Y&from=D&to=D,
// or the same after '#'; changing a filter rewrites the '#' part, so a
// filtered view can be bookmarked. Filtered-out findings get the `hidden`
// attribute.
//
// Thread-safety: a pure function.
#ifndef NEWSRECON_PIPELINE_REPORT_HTML_H_
#define NEWSRECON_PIPELINE_REPORT_HTML_H_

#include <string>
#include <string_view>

#include "pipeline/report/desk_view.h"

namespace newsrecon {

// & < > " ' as character references; everything else as is (UTF-8 passes).
std::string HtmlEscape(std::string_view text);

// The whole page, ending with a newline.
std::string RenderHtmlReport(const DeskView& view);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_REPORT_HTML_H_
