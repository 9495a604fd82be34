#include "pipeline/parse/main_text.h"

#include <doctest/doctest.h>
#include <gumbo.h>

#include <string>
#include <vector>

namespace newsrecon {
namespace {

std::string Extract(const std::string& html, const MainTextOptions& options = {}) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string text = ExtractMainText(out->document, options);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return text;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr const char* kStory1 =
    "The council voted on Tuesday to close the old bridge, citing cracks in two of its piers.";
constexpr const char* kStory2 =
    "Engineers said repairs would cost more than a new crossing, and work starts in May.";
constexpr const char* kStory3 =
    "Residents, many of whom cross daily, asked for a ferry in the meantime, and got one.";

std::string Paragraphs() {
  return std::string("<p>") + kStory1 + "</p><p>" + kStory2 + "</p><p>" + kStory3 + "</p>";
}

struct Case {
  const char* name;
  std::string html;
  std::vector<std::string> present;
  std::vector<std::string> absent;
};

// Each case's text has every `present` snippet and none of the `absent` ones.
void CheckCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string text = Extract(c.html);
    CAPTURE(text);
    for (const std::string& p : c.present) CHECK(Has(text, p));
    for (const std::string& a : c.absent) CHECK_FALSE(Has(text, a));
  }
}

TEST_CASE("main text keeps the story and drops the furniture") {
  const std::vector<Case> cases = {
      {"nav, header and footer",
       "<html><body><header><a href='/'>Home</a> <a href='/x'>World news section</a></header>"
       "<nav><ul><li><a href='/a'>Politics and elections</a></li></ul></nav>"
       "<div id='story'>" +
           Paragraphs() +
           "</div>"
           "<footer><p>Copyright 2026 Example Media Group, all rights reserved here.</p></footer>"
           "</body></html>",
       {kStory1, kStory2, kStory3},
       {"Home", "Politics and elections", "Copyright 2026"}},
      {"related, comments, share bar, cookie banner, newsletter",
       "<body><div class='cookie-consent'><p>We use cookies to give you the best experience, "
       "please accept them.</p></div><div class='article'>" +
           Paragraphs() +
           "<div class='share-buttons'><a href='#'>Share on Facebook</a></div>"
           "<div class='related-stories'><ul><li><a href='/r1'>Another bridge closes in the north "
           "of the county</a></li><li><a href='/r2'>Ferry timetable announced</a></li></ul></div>"
           "<div class='newsletter-signup'><p>Sign up for our newsletter and get the news each "
           "morning.</p></div></div>"
           "<section id='comments'><p>Great article, I have crossed that bridge for thirty years, "
           "and it always felt shaky.</p></section></body>",
       {kStory1, kStory3},
       {"We use cookies", "Share on Facebook", "Another bridge closes", "Sign up for our",
        "Great article"}},
      {"headings, lists and quotes kept as blocks",
       "<body><article><h1>Bridge to close</h1>" + Paragraphs() +
           "<h2>What happens next</h2><ul><li>A ferry from June</li><li>A new bridge by "
           "2029</li></ul><blockquote>It is the safe choice, said the mayor.</blockquote>"
           "</article></body>",
       {"Bridge to close\n", "\nWhat happens next\n", "\nA ferry from June\nA new bridge by 2029\n",
        "\nIt is the safe choice, said the mayor."},
       {}},
      {"several <article> teasers beside the story",
       "<body><main><div class='story-body'>" + Paragraphs() +
           "</div></main>"
           "<div class='rail'><article><h3><a href='/t1'>Teaser one about something "
           "else</a></h3><p>Short teaser text.</p></article><article><h3><a href='/t2'>Teaser "
           "two about another thing</a></h3><p>Another short teaser.</p></article></div></body>",
       {kStory1, kStory2, kStory3},
       {"Teaser one", "Teaser two", "Another short teaser"}},
      {"table layout",
       "<body><table><tr><td class='menu'><a href='/1'>Start page</a><br><a "
       "href='/2'>Archive of all the old issues</a></td><td>" +
           Paragraphs() + "</td></tr></table></body>",
       {kStory1, kStory2, kStory3},
       {"Archive of all the old issues"}},
      {"text separated by <br> only",
       std::string("<body><div id='x'>") + kStory1 + "<br><br>" + kStory2 + "<br><br>" + kStory3 +
           "</div><div class='sidebar'><a href='/a'>Links page of the site</a></div></body>",
       {std::string(kStory1) + "\n" + kStory2 + "\n" + kStory3},
       {"Links page"}},
      {"one big div of text nodes",
       std::string("<html><body><div>") + kStory1 + " " + kStory2 + " " + kStory3 +
           "</div></body></html>",
       {std::string(kStory1) + " " + kStory2},
       {}},
      {"itemprop=articleBody wins over a longer comment-like block",
       "<body><div itemprop='articleBody'>" + Paragraphs() +
           "</div><div class='discussion'>"
           "<p>One reader wrote a very long reply, with many commas, clauses, asides, and more, "
           "to be sure.</p><p>Another reader, equally long-winded, replied, at length, with "
           "commas, too.</p><p>A third, and a fourth, and a fifth reader, all chimed in, "
           "loudly.</p></div></body>",
       {kStory1, kStory2, kStory3},
       {"One reader wrote", "Another reader"}},
      {"hidden elements and scripts",
       "<body><div class='content'>" + Paragraphs() +
           "<div style='display: none'><p>Hidden paragraph that a reader never sees on the "
           "page.</p></div><script>var x = 'script text that is long enough';</script></div>"
           "</body>",
       {kStory1},
       {"Hidden paragraph", "script text"}},
      {"a figure caption is dropped by default",
       "<body><article>" + Paragraphs() +
           "<figure><img src='a.jpg'><figcaption>Photo: the bridge at dawn (Credit: "
           "Someone)</figcaption></figure></article></body>",
       {kStory2},
       {"the bridge at dawn"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string text = Extract(c.html);
    CAPTURE(text);
    for (const std::string& p : c.present) CHECK(Has(text, p));
    for (const std::string& a : c.absent) CHECK_FALSE(Has(text, a));
    CHECK_FALSE(text.empty());
    if (!text.empty()) {
      CHECK(text.front() != '\n');
      CHECK(text.back() != '\n');
      CHECK_FALSE(Has(text, "\n\n"));
    }
  }
}

// A story long enough that its last 40% is easy to place things in.
std::string LongStory() {
  return std::string("<p>") + kStory1 + "</p><p>" + kStory2 + "</p><p>" + kStory3 + "</p><p>" +
         kStory1 + " " + kStory2 + "</p><p>" + kStory3 + " " + kStory1 + "</p>";
}

TEST_CASE("lines that name furniture are dropped, story lines that look alike stay") {
  const std::vector<Case> cases = {
      {"a related heading late in the text ends it",
       "<body><article>" + LongStory() +
           "<h3>Related articles</h3><p>Ferry operators report record numbers of "
           "passengers.</p><p>A second ferry line opens next week on the river.</p></article>"
           "</body>",
       {kStory3},
       {"Related articles", "Ferry operators report", "A second ferry line"}},
      {"German, French and Spanish headings too",
       "<body><article>" + LongStory() +
           "<h2>Das könnte Sie auch interessieren:</h2><p>Eine Fähre fährt jetzt auch "
           "nachts über den Fluss.</p></article></body>",
       {kStory3},
       {"Das könnte Sie", "Eine Fähre fährt"}},
      {"the word related or comment inside a story sentence stays",
       "<body><article><p>Police said the two closures are related, and the mayor declined to "
       "comment on the report.</p>" +
           LongStory() +
           "<p>Comments from residents, the council said, will be read before the vote in "
           "May.</p></article></body>",
       {"are related, and the mayor declined to comment", "Comments from residents"},
       {}},
      {"a section heading early in the text is dropped, not an end",
       "<body><article><h2>Comments</h2>" + LongStory() + "</article></body>",
       {kStory1, kStory3},
       {"Comments"}},
      {"teaser lines with a read-also label",
       "<body><article>" + LongStory().substr(0, 200) +
           "<p>Lesen Sie auch: Warum die alte Brücke so lange hielt</p>"
           "<p>VEA TAMBIÉN: El puente cerrado por grietas</p>"
           "<p>À lire aussi » Le pont ferme ses portes</p>" +
           LongStory() + "</article></body>",
       {kStory2},
       {"Lesen Sie auch", "VEA TAMBI", "lire aussi"}},
      {"a paragraph opening with the same words but no label stays",
       "<body><article><p>Read more about the plan in the council minutes, which run to forty "
       "pages and were published on Friday.</p>" +
           LongStory() + "</article></body>",
       {"Read more about the plan"},
       {}},
      {"date and byline lines",
       "<body><article><h1>Bridge to close</h1><p>Dienstag, 4. Juni 2019</p><p>23.10.2018</p>"
       "<p>Publiziert: 03.04.2020, 12:35</p><p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel "
       "| 0 Comments</p><p>3:59 PM</p>" +
           LongStory() +
           "<p>Ausstattung: 1</p><p>In 2019, the bridge carried 4,000 cars a day.</p>"
           "</article></body>",
       {"Bridge to close", "Ausstattung: 1", "In 2019, the bridge carried 4,000 cars a day."},
       {"Juni 2019", "23.10.2018", "Publiziert", "Sina Giebel", "3:59 PM"}},
      {"photo credits and ad labels",
       "<body><article><p>Foto: dpa</p><p>AFP / MARCO BERTORELLO</p><p>- Anzeige -</p>" +
           LongStory() +
           "<p>Advertisement</p><p>Reuters reported on Monday that the ferry would run every "
           "half hour.</p></article></body>",
       {"Reuters reported on Monday"},
       {"Foto: dpa", "BERTORELLO", "Anzeige", "Advertisement"}},
      {"a call to action is dropped only late in the text",
       "<body><article><p>Users can download the timetable from Monday, the council "
       "said.</p>" +
           LongStory() +
           "<p>Subscribe to our newsletter for more local news.</p><p>Follow us on Twitter and "
           "Facebook.</p></article></body>",
       {"Users can download the timetable"},
       {"Subscribe to our", "Follow us"}},
      {"a label left at the very end",
       "<body><article>" + LongStory() + "<p>Weitere Infos:</p></article></body>",
       {kStory1},
       {"Weitere Infos"}},
  };
  CheckCases(cases);
}

TEST_CASE("captions, controls, navigation and filing notes are dropped, look-alikes stay") {
  const std::vector<Case> cases = {
      {"a caption ending in a copyright credit",
       "<body><article>" + LongStory() +
           "<p>Der Bürgermeister am Montag vor der Brücke. | © Stadtarchiv/Max Muster</p>"
           "<p>Marco, Ski-Star aus Bern. © Agence X / Jean Dupont</p>" +
           LongStory() + "</article></body>",
       {kStory2},
       {"Stadtarchiv", "Jean Dupont"}},
      {"a copyright sign followed by a sentence stays",
       "<body><article>" + LongStory() +
           "<p>The logo, marked ©, was registered in 1990. The council owns it.</p>" +
           "</article></body>",
       {"The logo, marked ©, was registered in 1990. The council owns it."},
       {}},
      {"bracketed credits, credits via a source, illustration labels",
       "<body><article>" + LongStory() +
           "<p>(Credit: Jane Roe / Newsdesk)</p><p>Beitragsbild via Pixelsite</p>"
           "<p>Image illustrative : un pont en pierre</p><p>Symbolbild: eine Brücke</p>" +
           LongStory() + "</article></body>",
       {kStory1},
       {"Jane Roe", "Pixelsite", "un pont en pierre", "eine Brücke"}},
      {"controls: print, permalink, show image, table of contents",
       "<body><article><p>Inhaltsverzeichnis</p>" + LongStory() +
           "<p>drukuj</p><p>Permalink https://ex.am/p/1x</p><p>Bild anzeigen Bild "
           "schließen</p><p>Table of contents</p>" +
           LongStory() + "</article></body>",
       {kStory3},
       {"Inhaltsverzeichnis", "drukuj", "Permalink", "Bild anzeigen", "Table of contents"}},
      {"a line with a control word among others stays",
       "<body><article>" + LongStory() + "<p>Show the image to the clerk at the ferry gate.</p>" +
           LongStory() + "</article></body>",
       {"Show the image to the clerk at the ferry gate."},
       {}},
      {"a zoom button's label and its caption",
       "<body><article>" + LongStory() +
           "<p>Vergrößern Die neue Fähre am Anleger.</p><p>Enlarge The old bridge in "
           "1950.</p>" +
           LongStory() + "</article></body>",
       {kStory1},
       {"Die neue Fähre am Anleger", "The old bridge in 1950"}},
      {"back and next links",
       "<body><article>" + LongStory() +
           "<p>zurück zur Übersicht</p><p>Back to top</p><p>… weiter zu »Teil 2«</p>"
           "<p>Nachfolgebeitrag: Die Fähre im Winter</p>" +
           LongStory() + "</article></body>",
       {kStory2},
       {"Übersicht", "Back to top", "Teil 2", "Nachfolgebeitrag"}},
      {"a sentence starting like a back link stays",
       "<body><article><p>Back to the council: members voted eleven to four for the ferry, "
       "and the mayor abstained.</p>" +
           LongStory() + "</article></body>",
       {"Back to the council: members voted"},
       {}},
      {"related-topic headings in other languages end the text late",
       "<body><article>" + LongStory() +
           "<h3>Temas relacionados</h3><p>Puente cerrado en la ciudad vecina por "
           "grietas.</p></article></body>",
       {kStory3},
       {"Temas relacionados", "Puente cerrado"}},
      {"a lone domain or address, a click-here pointer",
       "<body><article><p>NEWSDESK.COM</p><p>www.example.org/</p>" + LongStory() +
           "<p>Hier geht es zur Übersicht der Fähren</p><p>Click here for the timetable</p>" +
           LongStory() + "</article></body>",
       {kStory1},
       {"NEWSDESK", "example.org", "Hier geht es", "Click here"}},
      {"a sentence naming a site or saying click stays",
       "<body><article><p>The ferry company, reached at ferry.example.com, confirmed the "
       "times.</p><p>Node.js</p>" +
           LongStory() + "</article></body>",
       {"reached at ferry.example.com", "Node.js"},
       {}},
      {"a date's label above it, a date with a dash and a p.m. time",
       "<body><article><h1>Bridge update</h1><p>Release Date:</p><p>Thursday, 28 April 2022 – "
       "3:55pm</p>" +
           LongStory() + "<p>Note:</p><p>The ferry is free on Sundays.</p></article></body>",
       {"Bridge update", "Note:", "The ferry is free on Sundays."},
       {"Release Date", "28 April 2022", "3:55pm"}},
      {"a pointer to the publisher's site late in the text",
       "<body><article>" + LongStory() +
           "<p>Weitere Infos unter www.faehre.example.</p></article></body>",
       {kStory3},
       {"Weitere Infos unter"}},
      {"a blog's filing note and licence late in the text",
       "<body><article>" + LongStory() +
           "<p>This entry was posted in News. Bookmark the permalink.</p><p>Unless otherwise "
           "stated, the content of this page is licensed under CC BY-SA.</p>"
           "<p>Kommentare insgesamt: 3</p></article></body>",
       {kStory3},
       {"This entry was posted", "Unless otherwise", "Kommentare insgesamt"}},
  };
  CheckCases(cases);
}

// A JSON-LD block whose articleBody is `body`.
std::string JsonLd(const std::string& body) {
  return "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{"
         "\"@type\":\"NewsArticle\",\"headline\":\"Bridge\",\"articleBody\":\"" +
         body + "\"}]}</script>";
}

// An article body of about 700 characters, paragraphs split by "\n" (JSON).
std::string JsonBody() {
  std::string b;
  for (int i = 0; i < 3; ++i) {
    b += std::string(kStory1) + " " + kStory2 + " " + kStory3 + "\\n";
  }
  return b + "The ferry, a small one, will run until the new bridge opens in 2029.";
}

TEST_CASE("JSON-LD articleBody stands in for a story drawn by scripts") {
  SUBCASE("a stub page gives the body, its teaser first") {
    std::string text = Extract("<html><head>" + JsonLd(JsonBody()) +
                               "</head><body><div id='app'><p>Bridge to close: the teaser "
                               "line.</p></div></body></html>");
    CHECK(Has(text, "Bridge to close: the teaser line.\n"));
    CHECK(Has(text, std::string(kStory1) + " " + kStory2));
    CHECK(Has(text, "until the new bridge opens in 2029."));
  }
  SUBCASE("character references and markup in the body are read") {
    std::string text = Extract(
        "<html><head>" +
        JsonLd("<p>" + std::string(kStory1) + " Fish &amp; chips.</p><p>" + JsonBody() + "</p>") +
        "</head><body><div>Loading...</div></body></html>");
    CHECK(Has(text, "Fish & chips."));
    CHECK_FALSE(Has(text, "<p>"));
  }
  SUBCASE("the page's own story wins over a short summary") {
    std::string text = Extract("<html><head>" + JsonLd("A bridge closes.") +
                               "</head><body><article>" + LongStory() + "</article></body></html>");
    CHECK(Has(text, kStory1));
    CHECK_FALSE(Has(text, "A bridge closes."));
  }
  SUBCASE("the page's story wins when it holds the body") {
    std::string html = "<html><head>" + JsonLd(JsonBody()) + "</head><body><article>";
    for (int i = 0; i < 3; ++i)
      html += "<p>" + std::string(kStory1) + " " + kStory2 + " " + kStory3 + "</p>";
    html +=
        "<p>The ferry, a small one, will run until the new bridge opens in 2029.</p>"
        "<p>Photo gallery below the story.</p></article></body></html>";
    std::string text = Extract(html);
    CHECK(Has(text, "Photo gallery below the story."));
  }
  SUBCASE("broken JSON is ignored") {
    std::string text = Extract(
        "<html><head><script type='application/ld+json'>{\"articleBody\": \"unterminated"
        "</script></head><body><article>" +
        LongStory() + "</article></body></html>");
    CHECK(Has(text, kStory2));
    CHECK_FALSE(Has(text, "unterminated"));
  }
}

TEST_CASE("the page's description shows where a short page keeps its story") {
  const std::string description =
      "Flooding closed the coastal road for a third day; engineers expect it to reopen on Friday.";
  const std::string head = "<html><head><meta property='og:description' content='" + description +
                           "'><title>Road closed</title></head>";
  SUBCASE("a video page: the description block, not the player's buttons") {
    // The description sits in an <aside> beside the player, furniture to
    // the scoring.
    std::string text = Extract(head +
                               "<body><div class='player'><span>Saved to my list!</span> "
                               "<span>Rating removed</span> <span>Copy embed code</span></div>"
                               "<aside><span>by A. Writer</span><p>" +
                               description + "</p></aside></body></html>");
    CHECK(text == description);
  }
  SUBCASE("a page its scripts draw: the description stands in for nothing") {
    std::string text = Extract(head + "<body><div id='root'></div></body></html>");
    CHECK(text == description);
  }
  SUBCASE("a short text that holds the description is kept as it is") {
    std::string text = Extract(head + "<body><article><p>" + description +
                               "</p><p>More at six.</p></article></body></html>");
    CHECK(Has(text, "More at six."));
  }
  SUBCASE("a description the page does not print changes nothing") {
    std::string text =
        Extract(head + "<body><p>Just one line of news, not the description.</p></body></html>");
    CHECK(text == "Just one line of news, not the description.");
  }
  SUBCASE("a short description is no evidence") {
    std::string text = Extract(
        "<html><head><meta name='description' content='Road news'></head><body><p>Road "
        "news</p><div>Saved to my list!</div></body></html>");
    CHECK(Has(text, "Saved to my list!"));
  }
}

TEST_CASE("captions can be kept") {
  MainTextOptions options;
  options.keep_captions = true;
  std::string text = Extract("<body><article>" + Paragraphs() +
                                 "<figure><figcaption>The bridge at dawn</figcaption></figure>"
                                 "</article></body>",
                             options);
  CHECK(Has(text, "\nThe bridge at dawn"));
}

TEST_CASE("a page whose every container says boilerplate still gives its text") {
  // The wrapper's class has a furniture word; the story must not vanish.
  std::string text = Extract("<body><div class='l-outer l-outer--nav'><div>" + Paragraphs() +
                             "</div></div></body>");
  CHECK(Has(text, kStory1));
  CHECK(Has(text, kStory3));
}

TEST_CASE("a list of short <br> lines does not outvote the story") {
  // A signatory list in a table cell: many commas, but each line is a name.
  std::string names;
  for (int i = 0; i < 40; ++i) {
    names += "<strong>Name" + std::to_string(i) + " Person</strong>, <span>Some College</span><br>";
  }
  const std::vector<Case> cases = {
      {"signatories in a table cell after the letter",
       "<body><div class='post'><div class='wysiwyg'>" + LongStory() + "<table><tr><td><span>" +
           names + "</span></td></tr></table></div></div></body>",
       {kStory1, kStory3},
       {}},
      {"an address block with commas beside the story",
       "<body><div class='letter'>" + LongStory() + "</div><div><span>" + names +
           "</span></div></body>",
       {kStory1, kStory2},
       {}},
  };
  CheckCases(cases);
  // Lines that are long sentences split by <br> are still a paragraph.
  std::string text = Extract(std::string("<body><div class='nav-wrap'><a href='/'>Home</a></div>"
                                         "<div><span>") +
                             kStory1 + "<br>" + kStory2 + "<br>" + kStory3 + "<br>" + kStory1 +
                             "</span></div></body>");
  CHECK(Has(text, kStory2));
}

TEST_CASE("a wrapper named for its place on the page may hold the story") {
  const std::vector<Case> cases = {
      {"story inside an above-footer wrapper, a disclosure outside",
       "<body><section class='disclosure'><p>This post contains references to products from "
       "our advertisers, and we may receive compensation, when you click on links to those "
       "products, so terms apply to the offers, which are listed on this page, and our "
       "policy, as always, explains the rest of it. Opinions expressed here are the author's "
       "alone, not those of any bank, card issuer, airline or hotel chain, and were not "
       "reviewed by them.</p></section><div class='above-footer'>"
       "<div class='article-body'>" +
           LongStory() + LongStory() + "</div></div></body>",
       {kStory1, kStory2, kStory3},
       {}},
      {"story inside a sidebar-layout wrapper (German words)",
       "<body><div class='l-sidebar-layout'><div>" + LongStory() +
           "<p>Die Brücke wird im Mai abgerissen, sagte die Stadt am Dienstag.</p></div></div>"
           "<div class='teaser'><p>Kurz notiert.</p></div></body>",
       {kStory1, "Die Brücke wird im Mai abgerissen"},
       {}},
      {"a real footer with little text stays out",
       "<body><article>" + LongStory() +
           "</article><div class='site-footer'><p>About us, imprint, privacy, all rights "
           "reserved by the publisher.</p></div></body>",
       {kStory1},
       {"About us, imprint"}},
      {"comments are not rescued like a layout wrapper",
       "<body><div class='story'><p>" + std::string(kStory1) +
           "</p></div><div class='comments-footer'><p>Reader one, at length, disagrees, "
           "strongly, about the bridge, the ferry, and the council, as always, and more.</p>"
           "<p>Reader two, also at length, agrees, mostly, with the council, and the mayor, "
           "and the engineers.</p><p>Reader three writes again, and again, and again, with "
           "commas, clauses, and asides, to be sure.</p></div></body>",
       {kStory1},
       {"Reader one", "Reader two"}},
  };
  CheckCases(cases);
}

TEST_CASE("a story word does not excuse a name that says furniture") {
  const std::vector<Case> cases = {
      {"a related-posts block of long teasers beside the story",
       "<body><div class='entry'>" + LongStory() +
           "</div><div class='related_post'><p>Ferry operators, who run boats, buses, and "
           "trains, report record numbers, again, of passengers, tourists, and commuters, this "
           "summer, said the union, on Monday.</p><p>A second line, the council said, opens, "
           "weather permitting, on the river, in June, or July, with three boats, and a new "
           "pier.</p><p>Tolls, fares, and fees, all of them, rise, in autumn, for cars, bikes, "
           "and vans, on every crossing, old and new.</p></div></body>",
       {kStory1, kStory3},
       {"Ferry operators", "A second line", "Tolls, fares"}},
      {"related-posts list inside the entry",
       "<body><div class='entry'>" + LongStory() +
           "<ul class='related_post'><li><small>Ferry operators report record numbers of "
           "passengers this summer</small></li><li><small>A second line opens on the "
           "river</small></li></ul></div></body>",
       {kStory1, kStory3},
       {"Ferry operators report", "A second line opens"}},
      {"comment-content block after the story",
       "<body><article><div class='post-text'>" + LongStory() +
           "</div><div class='comment-content'><p>Nice write-up, thanks for sharing this "
           "with us all.</p></div></article></body>",
       {kStory1},
       {"Nice write-up"}},
      {"article-body with a separate share class keeps the story",
       "<body><div class='article-body share-enabled'>" + LongStory() + "</div></body>",
       {kStory1, kStory2},
       {}},
      {"content-sidebar-wrap still holds the story",
       "<body><div class='content-sidebar-wrap'><main>" + LongStory() + "</main></div></body>",
       {kStory1, kStory3},
       {}},
  };
  CheckCases(cases);
}

// A plain box of text long enough to pass for a story when the real one is
// thrown out.
std::string Competitor() {
  return "<div class='about'><p>The society was founded in 1950, and its members, who meet "
         "monthly, walk the river, count the birds, and write, every spring, a report for the "
         "town.</p><p>Membership is open to all, costs little, and includes, each year, two "
         "outings, a dinner, and the report, printed, bound, and posted to your door.</p><p>New "
         "members, young and old, are welcome, and the first walk, in April, starts at the "
         "old mill, at nine, rain or shine.</p></div>";
}

TEST_CASE("page-builder names, heading anchors and CMS state words do not hide the story") {
  const std::vector<Case> cases = {
      {"a builder's widget container holds the story",
       "<body>" + Competitor() + "<div class='pb-section'><div class='pb-widget-container'>" +
           LongStory() + "</div></div></body>",
       {kStory1, kStory3},
       {}},
      {"a sidebar widget (the name opens with widget) is still dropped",
       "<body><div class='entry'>" + LongStory() +
           "<div class='widget widget_recent'><p>Recent posts from the council office: "
           "the ferry, the tolls.</p></div></div></body>",
       {kStory1},
       {"Recent posts from the council"}},
      {"a heading whose anchor id holds a furniture word stays",
       "<body><article>" + LongStory() + "<h3 id='nav-new-ferry-times'>New ferry times</h3>" +
           LongStory() + "</article></body>",
       {"New ferry times", kStory2},
       {}},
      {"a heading whose class names a menu is dropped",
       "<body><article>" + LongStory() + "<h3 class='nav-title'>All sections</h3>" + LongStory() +
           "</article></body>",
       {kStory2},
       {"All sections"}},
      {"a story promoted to the front page (node--promoted) is kept",
       "<body>" + Competitor() + "<div class='node node--promoted'>" + LongStory() +
           "</div></body>",
       {kStory1, kStory3},
       {}},
      {"a block of promoted links is dropped",
       "<body><div class='entry'>" + LongStory() +
           "<div class='promoted-links'><p>Holiday offers on the coast, this week only, "
           "book now.</p></div></div></body>",
       {kStory1},
       {"Holiday offers"}},
      {"like buttons, share plugins, donation boxes and image legends are dropped",
       "<body><div class='entry'>" + LongStory() +
           "<div class='jetpack-likes-box'><p>Like this: Loading the buttons now.</p></div>"
           "<div class='shariff'><p>Share on every network you use.</p></div>"
           "<div class='article-donation-box'><p>Keep local news free for all readers.</p>"
           "</div><div class='legend'><p>The old bridge seen from the east bank.</p></div>"
           "</div></body>",
       {kStory1, kStory3},
       {"Like this", "Share on every", "Keep local news", "seen from the east bank"}},
      {"a BEM variant word does not make a section furniture",
       "<body>" + Competitor() +
           "<article class='report'><section class='report__section report__section--ads'>" +
           LongStory() + "</section></article></body>",
       {kStory1, kStory3},
       {}},
      {"a block named as furniture before its variant is dropped",
       "<body><div class='entry'>" + LongStory() +
           "<div class='related-list--wide'><p>Three more stories about the old bridge and "
           "its ferry.</p></div></div></body>",
       {kStory1},
       {"Three more stories"}},
      {"a reference list does not outscore the story",
       "<body><div class='col'><div class='body'>" + LongStory() +
           "</div></div><div class='col'><div class='article-references'><p>Smith, J., Jones, "
           "K., Lee, M., Bridges, piers, and cracks, Eng. J., 12, 3, 2001.</p><p>Brown, A., "
           "Green, B., White, C., Ferries, tolls, and towns, Trans. Rev., 4, 1, 1999.</p><p>"
           "Black, D., Grey, E., Wood, F., River crossings, old and new, Civ. Q., 8, 2, "
           "2010.</p><p>Stone, G., Hill, H., Dale, I., Steel, stone, and rust, Build. Sci., 5, "
           "7, 2015.</p></div></div></body>",
       {kStory1, kStory3},
       {}},
      {"a word that only contains legend stays",
       "<body><div class='legendary-entry'>" + LongStory() + "</div></body>",
       {kStory1},
       {}},
  };
  CheckCases(cases);
}

TEST_CASE("a banner left open by broken markup and wrappers around the story") {
  const std::vector<Case> cases = {
      {"an unclosed banner holding the page's main",
       "<body>" + Competitor() +
           "<header role='banner'><div><a href='/'>Home</a></div><div class='page'>"
           "<main><div class='text'>" +
           LongStory() + "</div></main></div></header></body>",
       {kStory1, kStory3},
       {}},
      {"a banner without main stays out",
       "<body><div role='banner'><p>The city paper, every day since 1901, printed on the "
       "hill, and delivered, by bike, to every door.</p></div><main>" +
           LongStory() + "</main></body>",
       {kStory1},
       {"every day since 1901"}},
      {"a lead paragraph beside the wrapper of the story",
       "<body><div class='col'><p>The bridge that carried the town's traffic for ninety "
       "years closes for good next month, the council decided.</p><div class='wrap'>"
       "<div class='inner'>" +
           LongStory() +
           "</div></div><p>This column reflects the opinion of its author, not that of the "
           "paper, which takes no side on bridges.</p></div></body>",
       {"carried the town's traffic for ninety years", kStory1},
       {"This column reflects"}},
      {"a lead in the page's header above the story",
       "<body><header class='page-head'><div><h1>Bridge to close</h1><div class='standfirst'>"
       "<p>Ninety years of traffic end as the council shuts the bridge.</p></div></div>"
       "</header><main><div class='wrap'><div class='story-body'>" +
           LongStory() + "</div></div></main></body>",
       {"Ninety years of traffic end", kStory1},
       {}},
      {"an intro box that is no header beside the page's top blocks stays out",
       "<body><div class='box'><div class='intro'><p>Visit the town museum this summer, "
       "open daily from nine.</p></div></div><main><div class='wrap'>"
       "<div class='story-body'>" +
           LongStory() + "</div></div></main></body>",
       {kStory1},
       {"Visit the town museum"}},
      {"a recipe's ingredient list set apart from the method",
       "<body><div class='grid'><div class='col-side'><div class='recipe-ingredients'>"
       "<h3>Zutaten</h3><ul><li>250 g Mehl</li><li>2 Eier</li><li>1 Prise Salz</li></ul>"
       "</div></div><div class='col-main'><div class='method'>" +
           LongStory() + "</div></div></div></body>",
       {"250 g Mehl", "1 Prise Salz", kStory1},
       {}},
      {"an ingredients box made of shop links stays out",
       "<body><div class='grid'><div class='col-side'><div class='ingredients-shop'>"
       "<ul><li><a href='/a'>Buy flour online today</a></li><li><a href='/b'>Buy eggs "
       "online today</a></li></ul></div></div><div class='col-main'><div class='method'>" +
           LongStory() + "</div></div></div></body>",
       {kStory1},
       {"Buy flour online"}},
      {"a lead named as a preface above the body",
       "<body><article><div class='article-preface'><div><div><div><p>Ninety years of "
       "traffic end as the council shuts the bridge.</p></div></div></div></div>"
       "<div class='t-body'>" +
           LongStory() + "</div></article></body>",
       {"Ninety years of traffic end", kStory1},
       {}},
  };
  CheckCases(cases);
}

TEST_CASE("pitches, spaced ad labels and pointers are dropped, look-alikes stay") {
  const std::vector<Case> cases = {
      {"a newsletter pitch in the middle of the text",
       "<body><article>" + LongStory() +
           "<p>Never miss a story: sign up for our newsletter today!</p>" + LongStory() +
           "</article></body>",
       {kStory1},
       {"Never miss a story"}},
      {"a paywall notice",
       "<body><article>" + LongStory() +
           "<p>To read the full story, please subscribe to the Courier.</p>" + LongStory() +
           "</article></body>",
       {kStory1},
       {"please subscribe"}},
      {"an advertiser disclosure",
       "<body><article><p>This review contains links to shops. We may earn a commission "
       "when you buy through them, at no cost to you.</p>" +
           LongStory() + "</article></body>",
       {kStory1},
       {"We may earn a commission"}},
      {"a story about commissions stays",
       "<body><article><p>The council may earn a fee from the ferry, and the commission "
       "that runs it will report in May.</p>" +
           LongStory() + "</article></body>",
       {"The council may earn a fee"},
       {}},
      {"a story sentence about a newsletter stays",
       "<body><article><p>The newsletter, which the council mails to 4,000 homes, will list "
       "the ferry times.</p>" +
           LongStory() + "</article></body>",
       {"The newsletter, which the council mails"},
       {}},
      {"an ad label with spaces before its dash",
       "<body><article>" + LongStory() +
           "<p>ANZEIGE - Heute mal bestellen? Wie wäre es mit Pizza:</p>" + LongStory() +
           "</article></body>",
       {kStory2},
       {"ANZEIGE"}},
      {"a word opening with an ad label stays",
       "<body><article><p>Anzeigen der Anwohner - so die Polizei - nahmen im Mai zu.</p>" +
           LongStory() + "</article></body>",
       {"Anzeigen der Anwohner"},
       {}},
      {"an app pitch and a channel pointer at the end",
       "<body><article>" + LongStory() +
           "<p>Get the latest news straight to your phone with our app.</p>"
           "<p>¡Mira lo que tiene nuestro canal de YouTube!</p></article></body>",
       {kStory3},
       {"Get the latest news", "canal de YouTube"}},
      {"the same words early in the text stay",
       "<body><article><p>Get the latest figures from the ferry office, the mayor told "
       "drivers.</p>" +
           LongStory() + "</article></body>",
       {"Get the latest figures"},
       {}},
      {"a Spanish teaser label",
       "<body><article>" + LongStory() + "<p>Mire: El puente cerrado por grietas</p>" +
           LongStory() + "</article></body>",
       {kStory1},
       {"Mire:"}},
      {"the same word in a sentence stays",
       "<body><article><p>Mire usted, dijo el alcalde, el puente está cerrado.</p>" + LongStory() +
           "</article></body>",
       {"Mire usted, dijo el alcalde"},
       {}},
  };
  CheckCases(cases);
}

TEST_CASE("pages without text give nothing, never a crash") {
  const std::vector<std::string> empty_pages = {
      "",
      "<html><head><title>Only a title</title></head><body></body></html>",
      "<body><script>var a = 1;</script><style>p{}</style></body>",
      "<body><img src='x.png'><svg><text>drawn</text></svg></body>",
  };
  for (const std::string& html : empty_pages) {
    CAPTURE(html);
    CHECK(Extract(html).empty());
  }
  CHECK(ExtractMainText(nullptr).empty());
}

TEST_CASE("deep nesting is cut off, not followed") {
  std::string html = "<body>";
  for (int i = 0; i < 2000; ++i) html += "<div>";
  html += "deep text";
  std::string text = Extract(html);
  CHECK_FALSE(Has(text, "deep text"));
}

TEST_CASE("a short page is kept whole rather than lost") {
  std::string text = Extract("<body><p>Just one line of news.</p></body>");
  CHECK(text == "Just one line of news.");
}

}  // namespace
}  // namespace newsrecon
