// Attribution: turns mentions into claims by saying what each figure is about
// (guide §2): the entity, the attribute with its qualifier, and the as-of time.
//
// Takes: normalized text, its sentences, the mentions found in it (in text
// order) and the article's publication date when known. Gives: claims in text
// order, spans still in the normalized text; a figure nobody can attribute is
// still a claim, with an empty entity or attribute, so the store keeps every
// mention. A date that opens a sentence, with at most one word before it ("In
// October 2023, A signed ... after a recapitalisation"), gives one claim per
// dated event of the sentence.
// Fails: only at Load, when an embedded lexicon is malformed (a programmer
// error, reported with file and line).
//
// The vocabulary is data: extractors/attribution/entities.lexicon (names and
// aliases, anaphors) and attributes.lexicon (attributes, qualifiers, cues),
// with examples in attribution.corpus.json. The heuristics, in order:
//   attribute  the nearest trigger of an attribute measuring the figure's
//              kind, in the same sentence (weak triggers only when no other,
//              and only right next to the figure); for dates, the nearest
//              trigger shortly before the date with no other date between,
//              else one just after it; none for a deadline ("by 2030").
//   entity     the nearest entity named before the trigger, else after it;
//              in a sentence the lexicons name nobody in but places, an
//              organisation read from capitals (proper_names.h; English
//              text only); a place only for a place's figures (inflation)
//              or when no organisation is named; the object of a verb like
//              "fined"; nobody when the trigger's subject is a capitalised
//              name nobody knows ("Mr Shapps announced");
//              anaphors resolve to the sentence's first entity, else the
//              first of the three sentences before; an
//              unnamed one ("the central bank") resolves them to nobody;
//              "A & B" for pair attributes, the two nearest named in the
//              sentence; with one named, the other may be one of the
//              article's two most-named entities when the three sentences
//              before name it; with none named, nobody.
//   qualifier  the nearest cue of the attribute's qualifiers (initial, total,
//              pre-market, open, end of a term, ...); "since 2019" makes a flow
//              a total since then.
//   as-of      an event trigger in the sentence (kEvent, dated by the nearest
//              date); "since YEAR" (kExplicit, that year to publication); a
//              "latest"/"now" cue next to the figure (kLatest); the nearest
//              date of the sentence (kExplicit); else the publication
//              (kPublication); a fiscal date gives kFiscal, compared only
//              with other fiscal windows. Dates of once-events, and start or
//              end dates, are kTimeless; other dates are their own as-of.
//
// Thread-safety: immutable after Load; share one instance.
#ifndef NEWSRECON_EXTRACTORS_ATTRIBUTION_ATTRIBUTION_H_
#define NEWSRECON_EXTRACTORS_ATTRIBUTION_ATTRIBUTION_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/claim.h"
#include "pipeline/core/status.h"

namespace newsrecon {

// A figure "as of the publication" or "latest" is taken to hold over the
// quarter before publication: two outlets' "latest valuation" published weeks
// apart speak of the same time, one from a year before does not.
inline constexpr int kCurrentWindowDays = 90;

// How far from a figure a qualifier, latest or sign cue may stand, in bytes
// ("the company's first-ever investment of about $1 billion": 38 bytes).
inline constexpr size_t kCueWindowBytes = 48;

// How many sentences back an anaphor ("the company", "its") may find its
// entity when its own sentence names none before it: "Nvidia beat forecasts.
// Revenue rose. Margins widened. The company said ..." reaches Nvidia; an
// entity five sentences back is more likely someone else's.
inline constexpr size_t kAnaphorReachSentences = 3;

// The qualifier of an undated figure another one is compared with ("$91.5
// billion, up from $70 billion"): not the current figure, of unknown time, so
// compared only with other such figures. Dated, such a figure keeps its date,
// its window ending before the current window.
inline constexpr std::string_view kComparedQualifier = "compared";

class Lexicons;

class Attributor {
 public:
  // Parses the embedded lexicons.
  static StatusOr<Attributor> Load();
  // Parses lexicons given as text (for tests); names are used in messages.
  static StatusOr<Attributor> Parse(std::string_view entities, std::string_view attributes);

  Attributor(Attributor&&) noexcept;
  Attributor& operator=(Attributor&&) noexcept;
  ~Attributor();

  // REQUIRES: `sentences` are in order and within `text`; `mentions` are in
  // text order, within `text`. Claim::interval is left for the caller
  // (ComputeInterval once the spans are final); a negative price move's value
  // is negated here.
  // `language` (BCP 47, or "" when unknown) says whether names the lexicons
  // do not know may be read from capitals (English or unknown only).
  std::vector<Claim> Attribute(std::string_view text, const std::vector<ByteSpan>& sentences,
                               const std::vector<Mention>& mentions,
                               std::optional<CivilDate> published,
                               std::string_view language = {}) const;

 private:
  explicit Attributor(std::unique_ptr<Lexicons> lexicons);
  std::unique_ptr<Lexicons> lex_;
};

}  // namespace newsrecon

#endif  // NEWSRECON_EXTRACTORS_ATTRIBUTION_ATTRIBUTION_H_
