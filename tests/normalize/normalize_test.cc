#include "pipeline/normalize/normalize.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsrecon {
namespace {

std::string_view Cut(std::string_view text, ByteSpan span) {
  return text.substr(span.start, span.size());
}

std::vector<std::string_view> Sentences(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::vector<std::string_view> out;
  for (ByteSpan s : spans) out.push_back(Cut(text, s));
  return out;
}

bool IsCharBoundary(std::string_view s, size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

TEST_CASE("each fold and NFKC") {
  struct Case {
    std::string_view id;
    std::string_view original;
    std::string_view normalized;
  };
  const Case cases[] = {
      {"no-break space", "27\u00a0%", "27 %"},
      {"narrow no-break space", "27\u202f%", "27 %"},
      {"thin space", "$\u20095bn", "$ 5bn"},
      {"ideographic space", "\u3000x", " x"},
      {"non-breaking hyphen", "US\u2011based", "US-based"},
      {"hyphen", "revenue\u2010share", "revenue-share"},
      {"figure dash", "555\u20121234", "555-1234"},
      {"en dash", "2020\u20132024", "2020-2024"},
      {"em dash", "a\u2014b", "a-b"},
      {"minus", "\u22125%", "-5%"},
      {"apostrophe", "OpenAI\u2019s", "OpenAI's"},
      {"single quotes", "\u2018a\u2019 \u201ab\u201b", "'a' 'b'"},
      {"double quotes", "\u201cserve all\u201d \u201ex\u201f", "\"serve all\" \"x\""},
      {"prime and double prime", "6\u2032 \u2033quoted\u2033", "6' \"quoted\""},
      {"acute accent as apostrophe", "Microsoft\u00b4s", "Microsoft's"},
      {"fullwidth digits and percent", "\uff12\uff17\uff05", "27%"},
      {"fullwidth letters", "\uff21\uff4d\uff41\uff5a\uff4f\uff4e", "Amazon"},
      {"ellipsis", "wait\u2026", "wait..."},
      {"vulgar fraction", "\u00bd", "1/2"},
      {"ligature", "\ufb01nance", "finance"},
      {"circled digit", "\u2460", "1"},
      {"soft hyphen removed", "bil\u00adlion", "billion"},
      {"zero width space removed", "x\u200by", "xy"},
      {"joiners removed", "a\u200c\u200db", "ab"},
      {"byte order mark removed", "\ufeffHello", "Hello"},
      {"combining accent composed", "cafe\u0301", "caf\u00e9"},
      {"tab", "a\tb", "a b"},
      {"CR LF and lone CR", "a\r\nb\rc", "a\nb\nc"},
      {"paragraph separator", "a\u2029b", "a\nb"},
      {"euro sign stays", "\u20ac5m", "\u20ac5m"},
      {"CJK stays", "\u5fae\u8f6f", "\u5fae\u8f6f"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    StatusOr<NormalizedText> n = Normalize(c.original);
    CHECK(n.ok());
    if (!n.ok()) continue;
    CHECK(n->text == c.normalized);
    // The end maps to the original end.
    CHECK(n->map.ToOriginal(n->text.size()) == c.original.size());
    // Normalizing again changes nothing.
    StatusOr<NormalizedText> again = Normalize(n->text);
    CHECK(again.ok());
    if (again.ok()) CHECK(again->text == n->text);
  }
}

TEST_CASE("normalized spans map back to the original characters as printed") {
  struct Case {
    std::string_view id;
    std::string_view original;
    std::string_view mention;   // found in the normalized text (first occurrence)
    std::string_view expected;  // the original substring it came from
  };
  const Case cases[] = {
      {"narrow no-break space", "roughly 27\u202f% of OpenAI", "27 %", "27\u202f%"},
      {"no-break space", "about 27\u00a0% of it", "27 %", "27\u00a0%"},
      {"only the space", "27\u00a0%", " ", "\u00a0"},
      {"after a replacement", "27\u00a0% of it", "of it", "of it"},
      {"non-breaking hyphen", "a US\u2011based firm", "US-based", "US\u2011based"},
      {"apostrophe", "OpenAI\u2019s stake", "OpenAI's", "OpenAI\u2019s"},
      {"apostrophe alone", "OpenAI\u2019s stake", "'", "\u2019"},
      {"quoted", "said \u201cprimary cloud partner\u201d for", "\"primary cloud partner\"",
       "\u201cprimary cloud partner\u201d"},
      {"inside quotes", "said \u201cprimary cloud partner\u201d for", "primary", "primary"},
      {"en dash range", "from 2020\u20132024.", "2020-2024", "2020\u20132024"},
      {"after en dash", "from 2020\u20132024.", "2024", "2024"},
      {"the dash", "from 2020\u20132024.", "-", "\u2013"},
      {"fullwidth", "\uff12\uff17\uff05 share", "27%", "\uff12\uff17\uff05"},
      {"one fullwidth digit", "\uff12\uff17\uff05 share", "7", "\uff17"},
      {"soft hyphen inside", "the bil\u00adlion deal", "billion", "bil\u00adlion"},
      {"before soft hyphen", "the bil\u00adlion deal", "bil", "bil"},
      {"after soft hyphen", "the bil\u00adlion deal", "lion", "lion"},
      {"after byte order mark", "\ufeff$5 billion", "$5", "$5"},
      {"CR LF", "a\r\nb", "\n", "\r\n"},
      {"after CR LF", "a\r\nb", "b", "b"},
      {"composed accent", "cafe\u0301 owner", "caf\u00e9", "cafe\u0301"},
      {"the composed letter", "cafe\u0301 owner", "\u00e9", "e\u0301"},
      {"after composed accent", "cafe\u0301 owner", "owner", "owner"},
      {"one dot of an ellipsis", "x\u2026 y", ".", "\u2026"},
      {"fraction", "\u00bd of shares", "1/2", "\u00bd"},
      {"fraction and word", "\u00bd of shares", "1/2 of", "\u00bd of"},
      {"emoji untouched", "\U0001F600 up 3\u2009%", "3 %", "3\u2009%"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    StatusOr<NormalizedText> n = Normalize(c.original);
    CHECK(n.ok());
    if (!n.ok()) continue;
    const size_t at = n->text.find(c.mention);
    CHECK(at != std::string::npos);
    if (at == std::string::npos) continue;
    const ByteSpan original = n->map.ToOriginal(ByteSpan{at, at + c.mention.size()});
    CHECK(Cut(c.original, original) == c.expected);
  }
}

TEST_CASE("single offsets map to the character that produced them") {
  // "27\u202f%": '2' '7' at 0 and 1, U+202F at 2..5, '%' at 5; normalized "27 %".
  StatusOr<NormalizedText> n = Normalize("27\u202f%");
  REQUIRE(n.ok());
  const size_t to_original[] = {0, 1, 2, 5, 6};  // for normalized offsets 0..4
  for (size_t i = 0; i <= 4; ++i) {
    CAPTURE(i);
    CHECK(n->map.ToOriginal(i) == to_original[i]);
  }
  CHECK(n->map.ToOriginalEnd(3) == 5);
  CHECK(n->map.ToOriginal(99) == 6);  // clamped to the end

  // A removed character at the end: the end maps to the original end, while
  // a span ending there stops before the removed character.
  StatusOr<NormalizedText> z = Normalize("ab\u200b");
  REQUIRE(z.ok());
  CHECK(z->text == "ab");
  CHECK(z->map.ToOriginal(2) == 5);
  CHECK(z->map.ToOriginalEnd(2) == 2);
  CHECK(z->map.ToOriginal(ByteSpan{0, 2}) == ByteSpan{0, 2});
  CHECK(z->map.ToOriginal(ByteSpan{1, 1}) == ByteSpan{1, 1});
}

TEST_CASE("every span maps to whole original characters, in order") {
  const std::string_view cases[] = {
      "Microsoft\u2019s roughly 27\u202f% stake \u2014 worth \u20ac5\u00a0bn \u2026",
      "\ufeff\u201c\uff12\uff17\uff05\u201d\r\nbil\u00adlion\tcafe\u0301 \u00bd\u200b",
      "\u5fae\u8f6f\u3000\u0041\u030a\u0301 x\u0301\u0302",
  };
  for (std::string_view original : cases) {
    CAPTURE(original);
    StatusOr<NormalizedText> n = Normalize(original);
    CHECK(n.ok());
    if (!n.ok()) continue;
    const std::string& t = n->text;
    size_t previous = 0;
    bool monotone = true, whole = true, ordered = true;
    for (size_t a = 0; a <= t.size(); ++a) {
      if (!IsCharBoundary(t, a)) continue;
      const size_t o = n->map.ToOriginal(a);
      monotone = monotone && o >= previous && o <= original.size();
      previous = o;
      for (size_t b = a; b <= t.size(); ++b) {
        if (!IsCharBoundary(t, b)) continue;
        const ByteSpan s = n->map.ToOriginal(ByteSpan{a, b});
        ordered = ordered && s.start <= s.end && s.end <= original.size();
        whole = whole && IsCharBoundary(original, s.start) && IsCharBoundary(original, s.end);
      }
    }
    CHECK(monotone);
    CHECK(ordered);
    CHECK(whole);
  }
}

TEST_CASE("ASCII text is returned as is with an identity map") {
  const std::string_view cases[] = {
      "",
      "Microsoft invested $1 billion in OpenAI back in 2019.\nToday, though, it changed.",
      "x",
  };
  for (std::string_view original : cases) {
    CAPTURE(original);
    StatusOr<NormalizedText> n = Normalize(original);
    CHECK(n.ok());
    if (!n.ok()) continue;
    CHECK(n->text == original);
    CHECK(n->map.IsIdentity());
    CHECK(n->map.ToOriginal(original.size() / 2) == original.size() / 2);
  }
  // Mostly ASCII: one map entry per changed character, none for the rest.
  StatusOr<NormalizedText> n = Normalize("A \u201cquote\u201d, and \u2019s.");
  REQUIRE(n.ok());
  CHECK(n->text == "A \"quote\", and 's.");
  CHECK(n->map.edits().size() == 3);
  // CR and tab keep their length: no entry; CR LF shrinks: one entry.
  StatusOr<NormalizedText> c = Normalize("a\tb\rc\r\nd");
  REQUIRE(c.ok());
  CHECK(c->text == "a b\nc\nd");
  CHECK(c->map.edits() == std::vector<OffsetMap::Edit>{{5, 6, 5, 7}});
}

TEST_CASE("invalid UTF-8 fails with the byte offset") {
  struct Case {
    std::string_view id;
    std::string_view text;
    std::string_view message;
  };
  const Case cases[] = {
      {"lone continuation 0x80", "ab\x80", "invalid UTF-8 at byte 2"},
      {"overlong C0 AF", "x\xC0\xAF", "invalid UTF-8 at byte 1"},
      {"surrogate ED A0 80", "\xED\xA0\x80 ok", "invalid UTF-8 at byte 0"},
      {"truncated E2 82", "price \xE2\x82", "invalid UTF-8 at byte 6"},
      {"F5", "OpenAI \xF5", "invalid UTF-8 at byte 7"},
      {"after a valid curly quote",
       "\xE2\x80\x9C"
       "a\xFF",
       "invalid UTF-8 at byte 4"},
      {"inside a combining sequence", "e\xCC\x81\xCC", "invalid UTF-8 at byte 3"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    StatusOr<NormalizedText> n = Normalize(c.text);
    CHECK_FALSE(n.ok());
    CHECK(n.status().code() == Status::Code::kInvalidArgument);
    CHECK(n.status().message() == c.message);
  }
}

TEST_CASE("sentences") {
  struct Case {
    std::string_view id;
    std::string_view text;
    std::vector<std::string_view> sentences;
  };
  const Case cases[] = {
      // "Mr." and "Jan." are on ICU's English abbreviation list, so neither
      // ends a sentence although a capital or a digit follows.
      {"abbreviations",
       "Mr. Smith paid $5 million. It closed on Jan. 5, 2024. Shares rose 3%.",
       {"Mr. Smith paid $5 million.", "It closed on Jan. 5, 2024.", "Shares rose 3%."}},
      // ICU's filter misses "U.S." before a capital (it shares "U." with
      // "U.S.A."); our supplement list (kNoBreakAfter) catches it.
      {"U.S. before a capital",
       "The U.S. Treasury said so. Markets fell.",
       {"The U.S. Treasury said so.", "Markets fell."}},
      {"U.K. and Dr. (supplement list)",
       "Mr. Smith paid. Dr. Who met U.K. Prime Minister Starmer.",
       {"Mr. Smith paid.", "Dr. Who met U.K. Prime Minister Starmer."}},
      // The price of any abbreviation list: a sentence that really ends in
      // "U.S." runs on into the next when that starts with a capital.
      {"trade-off: a sentence ending in U.S.",
       "He moved to the U.S. He left.",
       {"He moved to the U.S. He left."}},
      // A clock time's "a.m." or "p.m." before a time zone ends no sentence;
      // before any other capital it may.
      {"a.m. before a time zone",
       "It opens at 10 a.m. PDT (5 p.m. UTC) on Aug. 28 and ends Dec. 4. Tickets cost $10.",
       {"It opens at 10 a.m. PDT (5 p.m. UTC) on Aug. 28 and ends Dec. 4.", "Tickets cost $10."}},
      {"p.m. before ET, then a sentence ending in p.m.",
       "Polls close at 8 p.m. ET in Ohio. The count starts at 9 p.m. Officials expect delays.",
       {"Polls close at 8 p.m. ET in Ohio.", "The count starts at 9 p.m.",
        "Officials expect delays."}},
      {"a capital word that is no time zone",
       "The vote ended at 6 p.m. PETER Smith won.",
       {"The vote ended at 6 p.m.", "PETER Smith won."}},
      {"a word ending in an abbreviation is not one",
       "It is the West. Then",
       {"It is the West.", "Then"}},
      // "Dec." is on ICU's list; followed by lower case no rule breaks anyway.
      {"lower case after a period",
       "The deal closed in Dec. and shares rose.",
       {"The deal closed in Dec. and shares rose."}},
      {"U.S. and an ellipsis",
       "U.S. officials said... Then they left.",
       {"U.S. officials said...", "Then they left."}},
      {"decimal point",
       "Shares rose 3.5% on Monday. Then fell.",
       {"Shares rose 3.5% on Monday.", "Then fell."}},
      {"closing quote stays",
       "He said \"it is done.\" Then he left.",
       {"He said \"it is done.\"", "Then he left."}},
      {"question and exclamation", "Is it? Yes! Done.", {"Is it?", "Yes!", "Done."}},
      {"newlines always split",
       "A headline without a period\nSecond line.\n\n  Third  \n",
       {"A headline without a period", "Second line.", "Third"}},
      {"newline inside a would-be sentence",
       "Credit: Reuters\nMr. Smith said so",
       {"Credit: Reuters", "Mr. Smith said so"}},
      {"non-ASCII text",
       "Microsoft\u2019s stake \u2014 27 %. Caf\u00e9 next.",
       {"Microsoft\u2019s stake \u2014 27 %.", "Caf\u00e9 next."}},
      {"empty", "", {}},
      {"only white space", "  \n\n \t ", {}},
  };
  StatusOr<SentenceSplitter> splitter = SentenceSplitter::Create();
  REQUIRE(splitter.ok());
  for (const Case& c : cases) {
    CAPTURE(c.id);
    CHECK(Sentences(c.text, SplitSentences(c.text)) == c.sentences);
    // A reused splitter gives the same answer.
    CHECK(Sentences(c.text, splitter->Split(c.text)) == c.sentences);
  }
}

TEST_CASE("Normalize gives sentences of the normalized text that map back") {
  const std::string_view original =
      "Microsoft\u2019s stake is roughly 27\u202f%.\r\nOpenAI\u2019s valuation rose to "
      "\u201cUS$850\u00a0billion\u201d.";
  StatusOr<NormalizedText> n = Normalize(original);
  REQUIRE(n.ok());
  CHECK(n->text ==
        "Microsoft's stake is roughly 27 %.\nOpenAI's valuation rose to \"US$850 billion\".");
  REQUIRE(n->sentences.size() == 2);
  CHECK(Cut(n->text, n->sentences[1]) == "OpenAI's valuation rose to \"US$850 billion\".");
  CHECK(Cut(original, n->map.ToOriginal(n->sentences[0])) ==
        "Microsoft\u2019s stake is roughly 27\u202f%.");
  CHECK(Cut(original, n->map.ToOriginal(n->sentences[1])) ==
        "OpenAI\u2019s valuation rose to \u201cUS$850\u00a0billion\u201d.");

  // A Normalizer object gives the same result and can be reused.
  StatusOr<Normalizer> normalizer = Normalizer::Create();
  REQUIRE(normalizer.ok());
  for (int round = 0; round < 2; ++round) {
    CAPTURE(round);
    StatusOr<NormalizedText> m = normalizer->Normalize(original);
    CHECK(m.ok());
    if (!m.ok()) continue;
    CHECK(m->text == n->text);
    CHECK(m->sentences == n->sentences);
    CHECK(m->map.edits() == n->map.edits());
  }
}

}  // namespace
}  // namespace newsrecon
