#include "pipeline/core/near_copy.h"

#include <doctest/doctest.h>

#include <string>

namespace newsrecon {
namespace {

// An agency story, and how outlets run it.
const std::string kPort =
    "The port authority of Valparaiso said on Tuesday that container traffic rose 14% in the "
    "first quarter, driven by fruit exports to Asia and a recovery in car imports.\n"
    "The authority expects the new terminal, which cost US$480 million, to open in March 2027, "
    "two years later than planned after a dispute with the builder.\n"
    "Dockworkers, who struck for eleven days in January over night-shift pay, reached an "
    "agreement with the operators last week.\n"
    "Shipping lines have asked the government to dredge the access channel, saying larger "
    "vessels now wait up to two days to enter.\n"
    "The ministry of transport said a study of the channel would be published by June.\n";

TEST_CASE("near copies: an agency story as two outlets ran it") {
  // Its own dateline and closing line, "percent" for "%", other case and
  // punctuation.
  const std::string outlet_a =
      "VALPARAISO (Agencia) - " + kPort +
      "The city's mayor, Camila Nieto, welcomed the figures and said the harbour front would get "
      "a new promenade.\n";
  // A headline of its own, one paragraph left out, a link at the end.
  const std::string outlet_b =
      "Port traffic up, terminal delayed\n"
      "The port authority of Valparaiso said on Tuesday that container traffic rose 14 percent in "
      "the first quarter, driven by fruit exports to Asia and a recovery in car imports.\n"
      "The authority expects the new terminal, which cost US$480 million, to open in March 2027, "
      "two years later than planned after a dispute with the builder.\n"
      "SHIPPING LINES have asked the government to dredge the access channel; saying larger "
      "vessels now wait up to two days to enter.\n"
      "The ministry of transport said a study of the channel would be published by June.\n"
      "Read more: Chile's exports in 2026\n";
  const auto a = Shingles(outlet_a), b = Shingles(outlet_b), agency = Shingles(kPort);
  CHECK(IsNearCopy(a, agency));
  CHECK(IsNearCopy(b, agency));
  CHECK(IsNearCopy(a, b));
  CHECK(IsNearCopy(b, a));  // symmetric
  CHECK(SharedShare(agency, agency) == 1.0);
  CHECK(SharedShare(a, b) > 0.5);
  CHECK(SharedShare(a, b) < 1.0);
}

TEST_CASE("near copies: what is not one") {
  const auto agency = Shingles(kPort);
  SUBCASE("another story of the same event that quotes the same sentence") {
    const std::string other =
        "Exporters in central Chile warned on Wednesday that delays at Valparaiso are costing "
        "them sales in Asia, where buyers want cherries within three weeks of harvest. "
        "According to the shipping lines, larger vessels now wait up to two days to enter. "
        "Growers in the O'Higgins region said they would send more fruit through San Antonio "
        "this season, and asked the port authority to publish its dredging plans before the "
        "harvest begins in November.";
    CHECK_FALSE(IsNearCopy(Shingles(other), agency));
    CHECK(SharedShare(Shingles(other), agency) < 0.2);
  }
  SUBCASE("a roundup that quotes the whole story among others") {
    std::string roundup = "Business briefs\n" + kPort;
    for (const char* brief :
         {"Copper output at the Escondida mine fell 8% in March after a fire at a concentrator "
          "plant, the operator said, adding that repairs would take until the end of May and "
          "that the yearly guidance stays unchanged for now.\n",
          "The central bank kept its benchmark rate at 5.25% on Thursday, as expected by all "
          "twenty economists in a Reuters poll, and said inflation would return to its target "
          "of 3% in the second half of next year.\n",
          "Retail sales rose 2.1% in February from a year earlier, the statistics institute "
          "said, led by clothing and electronics, while supermarket sales were flat for the "
          "third month in a row.\n"}) {
      roundup += brief;
    }
    const auto r = Shingles(roundup);
    CHECK(SharedShare(r, agency) == doctest::Approx(1.0));  // all of the story is in it
    CHECK(r.size() > 2 * agency.size());
    CHECK_FALSE(IsNearCopy(r, agency));
  }
  SUBCASE("a brief too short to tell") {
    const std::string brief =
        "The port authority of Valparaiso said on Tuesday that container traffic rose 14% in "
        "the first quarter.";
    const auto s = Shingles(brief);
    CHECK(s.size() < kMinShingles);
    CHECK_FALSE(IsNearCopy(s, s));
  }
  SUBCASE("no text") {
    CHECK(Shingles("").empty());
    CHECK(Shingles("one two three four five").empty());
    CHECK(Shingles("one two three four five six").size() == 1);
    CHECK(SharedShare({}, agency) == 0);
  }
}

TEST_CASE("near copies: words, and the sketch the store indexes") {
  // Case and ASCII punctuation do not make another word; other scripts'
  // letters are kept as written.
  CHECK(Shingles("Reuters) said, on TUESDAY: the port!") ==
        Shingles("reuters said on tuesday the port"));
  CHECK(Shingles("la autoridad portuaria de Valpara\xC3\xADso dijo") !=
        Shingles("la autoridad portuaria de Valparaiso dijo"));
  const auto s = Shingles(kPort);
  const auto sketch = Sketch(s);
  REQUIRE(sketch.size() == kSketchSize);
  CHECK(std::equal(sketch.begin(), sketch.end(), s.begin()));  // the smallest, ascending
  CHECK(Sketch({3, 5}) == std::vector<uint64_t>{3, 5});
}

}  // namespace
}  // namespace newsrecon
