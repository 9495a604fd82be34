// Bylines and site names as pages fill them (pipeline/parse/bylines.h): the
// examples come from many languages and page builders, and the negative
// ones say what must not pass for a name.
#include "pipeline/parse/bylines.h"

#include <doctest/doctest.h>

#include <string>

namespace newsrecon {
namespace {

TEST_CASE("CleanByline keeps the names and drops what surrounds them") {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case cases[] = {
      // As they should stay.
      {"Maria Garcia", "Maria Garcia"},
      {"Ann Lee, Bo Ek", "Ann Lee, Bo Ek"},
      {"Ursula von der Leyen", "Ursula von der Leyen"},
      {"Jean de La Fontaine and Ana dos Santos", "Jean de La Fontaine and Ana dos Santos"},
      {"oradmin", "oradmin"},  // a blog's user name
      {"dpa", "dpa"},
      {"Da Silva", "Da Silva"},  // a capitalised "Da" is a name, not Italian "da"
      {"Von Miller", "Miller"},  // ... but "Von" leads German bylines: the rare name loses it
      // Lead words, in several languages and cases.
      {"By Sam Otieno", "Sam Otieno"},
      {"by Josiah Motley", "Josiah Motley"},
      {"BY  KAREN  HAO", "KAREN HAO"},
      {"von Heiko", "Heiko"},
      {"Par Jeanne Corriveau", "Jeanne Corriveau"},
      {"Por Ana P\xC3\xA9rez", "Ana P\xC3\xA9rez"},
      {"di Mario Rossi", "Mario Rossi"},
      {"door Pieter de Vries", "Pieter de Vries"},
      {"Written by Li Wei", "Li Wei"},
      {"Posted by: admin", "admin"},
      {"View all posts by Daniel Lemire", "Daniel Lemire"},
      {"Ein Beitrag von Petra Schulz", "Petra Schulz"},
      {"Publi\xC3\xA9 par Claire Martin", "Claire Martin"},
      {"Autor: Jona G\xC3\xB6"
       "belbecker",
       "Jona G\xC3\xB6"
       "belbecker"},
      {"Author: Priya Natarajan", "Priya Natarajan"},
      // Trailing separators, dates and times.
      {"By The Planetary Press -", "The Planetary Press"},
      {"Ann Lee | 03.04.2020, 10:30 Uhr", "Ann Lee"},
      {"Tom Wu - March 5, 2019", "Tom Wu"},
      {"Sandra Arm, 12. Januar 2022", "Sandra Arm"},
      {"Kim Ode \xE2\x80\xA2 5 min read", "Kim Ode"},
      {"Markus M. Haefliger, London, Beat Bumbacher",
       "Markus M. Haefliger, London, Beat Bumbacher"},
      // A name twice in a row (avatar text, then the link).
      {"Jossi Loibl Jossi Loibl", "Jossi Loibl"},
      {"Heiko Heiko", "Heiko"},
      {"R. R.", "R. R."},  // initials, not a name twice
      // Invisible characters and no-break spaces.
      {"Jah\xC2\xAD"
       "ren Lee",
       "Jahren Lee"},
      {"Ann\xC2\xA0Lee", "Ann Lee"},
      // Not names: "" so that the next witness is asked.
      {"", ""},
      {"By", ""},
      {"https://www.facebook.com/someone", ""},
      {"www.example.org", ""},
      {"Jossi Loibl Jossi Loibl (Jahr\xC2\xAD"
       "gang 1962) schreibt seit mehr als 25 Jahren "
       "\xC3\xBC"
       "ber die Themen Wein und Gastronomie.",
       ""},
      {"Jo Park writes about wine and food for several magazines.", ""},
      {"Sie m\xC3\xBCssen sich einloggen, um zu kommentieren", ""},
  };
  for (const Case& c : cases) {
    INFO("raw: " << c.raw);
    CHECK(CleanByline(c.raw) == c.want);
  }
  CHECK(CleanByline(std::string(200, 'A')) == "");
}

TEST_CASE("a line of the page is a byline only after a lead word, with names") {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case cases[] = {
      {"By Evan Symon, August 14, 2020 2:30 pm", "Evan Symon"},
      {"von Andreas K\xC3\xBCrten", "Andreas K\xC3\xBCrten"},
      {"Gespeichert von rasos am 24. Juli 2017 - 18:55", "rasos"},
      {"Submitted by jdoe on Tue, 03/03/2020 - 10:12", "jdoe"},
      {"Par Jean Dupont le 3 mars 2020", "Jean Dupont"},
      {"Evan Symon", ""},  // no lead word: any line could be a name
      {"By then, the company had left", ""},
      {"By car", ""},
      {"Von Berlin aus f\xC3\xA4hrt der Zug", ""},
      {"Par ailleurs", ""},
      {"Von 2020 bis 2022", ""},
      {"By 2030", ""},
      {"By March 2021", ""},
      {"von Marianne1", "Marianne1"},
  };
  for (const Case& c : cases) {
    INFO("raw: " << c.raw);
    CHECK(CleanByline(c.raw, BylineSource::kLine) == c.want);
  }
  CHECK(StartsWithBylineLead("By"));
  CHECK(StartsWithBylineLead("von Heiko"));
  CHECK(StartsWithBylineLead("Author: Li Wei"));
  CHECK_FALSE(StartsWithBylineLead("Byron Smith"));
  CHECK_FALSE(StartsWithBylineLead("Vonnegut"));
  CHECK_FALSE(StartsWithBylineLead("The story"));
}

TEST_CASE("CleanOutlet refuses template placeholders") {
  CHECK(CleanOutlet("  Le   Devoir ") == "Le Devoir");
  CHECK(CleanOutlet("Neue Z\xC3\xBCrcher Zeitung") == "Neue Z\xC3\xBCrcher Zeitung");
  CHECK(CleanOutlet("{$plugin.tx_news.opengraph.site_name}") == "");
  CHECK(CleanOutlet("{{ site.title }}") == "");
  CHECK(CleanOutlet("${siteName}") == "");
  CHECK(CleanOutlet("%%sitename%%") == "");
  CHECK(CleanOutlet("[[SITE_NAME]]") == "");
  CHECK(CleanOutlet("<?php bloginfo('name'); ?>") == "");
  CHECK(CleanOutlet(std::string(170, 'x')) == "");
  CHECK(CleanOutlet("https://pawszilla.com") == "");
  CHECK(CleanOutlet("www.elcolombiano.com") == "");
  CHECK(CleanOutlet("www.leichtathletik.de | Das Leichtathletik-Portal") ==
        "www.leichtathletik.de | Das Leichtathletik-Portal");
  CHECK(CleanOutlet("tennisnet.com") == "tennisnet.com");
}

TEST_CASE("NamesHost compares a name with the URL's host") {
  CHECK(NamesHost("Weinkenner.de", "https://www.weinkenner.de/st-magdalener/"));
  CHECK(NamesHost("EnBW", "https://www.enbw.com/unternehmen/presse/x"));
  CHECK(NamesHost("Le Devoir", "https://www.ledevoir.com/politique/1"));
  CHECK(NamesHost("tennisnet.com", "https://www.tennisnet.com/news/a"));
  CHECK(NamesHost("BBC", "https://www.bbc.co.uk/news/x"));
  CHECK_FALSE(NamesHost("Tech", "https://www.enbw.com/tech/x"));
  CHECK_FALSE(NamesHost("com", "https://www.enbw.com/"));   // the last label is no name
  CHECK_FALSE(NamesHost("de", "https://de.example.org/"));  // too short to tell
  CHECK_FALSE(NamesHost("Weinkenner.de", ""));
  CHECK_FALSE(NamesHost("Weinkenner.de", "weinkenner.de/a"));  // not a URL
  CHECK_FALSE(NamesHost("Part 2", "https://www.example.org/part-2"));
}

TEST_CASE("SameField compares letters and digits, any case") {
  CHECK(SameField("B\xC3\xBCrgerbeteiligung  f\xC3\xBCr Windpark",
                  "b\xC3\x9Crgerbeteiligung f\xC3\xBCr windpark"));
  CHECK(SameField("Energy Rising \xE2\x80\x93 33 Tage", "energy rising - 33 tage"));
  CHECK_FALSE(SameField("EnBW", "EnBW Energie"));
  CHECK_FALSE(SameField("", ""));
  CHECK_FALSE(SameField("--", "|"));
  CHECK(FieldKey("\xC3\x9C"
                 "ber uns!") ==
        "\xC3\xBC"
        "beruns");
}

}  // namespace
}  // namespace newsrecon
