// Bylines and outlet names: the author and site-name fields pages fill,
// cleaned and checked before they become an article's metadata.
//
// Pages put more than names in these fields: lead words ("By", "Von",
// "View all posts by"), a date after a separator, the author's name twice (an
// avatar's text beside the link), a whole author bio; an unexpanded template
// placeholder ("{$plugin.tx_news.opengraph.site_name}") or the headline
// itself where the site's name belongs (parse.cc compares outlet candidates
// with the headline). A field that is not a name gives "" so the next
// witness of the name is asked.
//
// Takes: a field's text (UTF-8, any whitespace). Gives: the cleaned name, or
// "" when the field does not hold one. Cannot fail.
//
// Thread-safety: no state; call from any thread.
#ifndef NEWSRECON_PIPELINE_PARSE_BYLINES_H_
#define NEWSRECON_PIPELINE_PARSE_BYLINES_H_

#include <string>
#include <string_view>

namespace newsrecon {

// Where a byline's text comes from.
enum class BylineSource {
  kField,  // a field meant for the author: a meta tag, JSON-LD, an element named "byline"
  kLine,   // any short line of the page ("By Ann Lee, March 3"): only with a lead word
};

// The author name(s) of a byline as the page printed them, without lead
// words ("By", "von", "Written by", "Gespeichert von", "Author:"), a
// trailing date or time after a separator ("| 3 March", " am 24. Juli"),
// trailing separators, or a name repeated at once; "" for what reads as
// prose (three or more lowercase words that are not name particles such as
// "van", "de", "and"), a URL, or more than 160 bytes. A kLine must start with
// a lead word and hold capitalised names only, or one user name after a lead
// of two words or more ("Gespeichert von rasos"): "By then" and "Von Berlin
// aus fährt" are not bylines.
std::string CleanByline(std::string_view raw, BylineSource source = BylineSource::kField);

// Whether `text` starts with a byline's lead word or label ("By", "von",
// "Author:"): a cheap test before a line is read whole.
bool StartsWithBylineLead(std::string_view text);

// A site name: whitespace collapsed; "" for a template placeholder ("{{",
// "{$", "${", "%%", "[[", "<%", "<?"), an address ("https://x.com",
// "www.x.com": the name is wanted, reports show the host anyway) or more
// than 160 bytes.
std::string CleanOutlet(std::string_view raw);

// A field's letters and digits, lowercased: what two spellings of a name
// or a headline share ("Energy Rising – 33 Tage" and "energy rising - 33
// tage" give "energyrising33tage").
std::string FieldKey(std::string_view s);

// Whether two fields say the same: their FieldKeys are equal and not empty.
bool SameField(std::string_view a, std::string_view b);

// Whether `name` spells the host of `url` or one of its labels other than
// the last ("Weinkenner.de" and weinkenner.de, "EnBW" and www.enbw.com),
// comparing their FieldKeys, of at least 3 letters and digits.
bool NamesHost(std::string_view name, std::string_view url);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_PARSE_BYLINES_H_
