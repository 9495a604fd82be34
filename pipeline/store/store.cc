#include "pipeline/store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <variant>

#include "pipeline/core/civil_date.h"
#include "pipeline/core/embedded.h"
#include "pipeline/core/hash.h"
#include "pipeline/core/names.h"
#include "pipeline/core/near_copy.h"
#include "pipeline/store/sqlite.h"

namespace newsrecon {
namespace {

using namespace sql;  // NOLINT: the store's own SQLite helpers

// ---------------------------------------------------------------------------
// Articles and claims as rows.
// ---------------------------------------------------------------------------

const std::vector<std::string_view> kArticleColumns = {
    "source_key", "path",     "url",       "canonical_url",    "outlet",       "label",
    "title",      "language", "published", "published_method", "content_hash", "text"};

// Where content_hash and text stand in kArticleColumns (and ArticleRow).
constexpr size_t kHashColumn = 10;
constexpr size_t kTextColumn = 11;

// The article's columns after source_key, as ArticleMeta needs them.
const std::vector<std::string_view> kMetaColumns = {
    "path", "url", "canonical_url", "outlet", "title", "language", "published", "published_method"};

const std::vector<std::string_view> kClaimColumns = {"ordinal",
                                                     "kind",
                                                     "text",
                                                     "start_byte",
                                                     "end_byte",
                                                     "sentence_start_byte",
                                                     "sentence_end_byte",
                                                     "sentence",
                                                     "value_start",
                                                     "value_end",
                                                     "granularity",
                                                     "date_resolution",
                                                     "anchor",
                                                     "part",
                                                     "amount",
                                                     "amount_high",
                                                     "currency",
                                                     "percent",
                                                     "percent_high",
                                                     "points",
                                                     "value_resolution",
                                                     "hedge",
                                                     "hedge_text",
                                                     "rule",
                                                     "entity",
                                                     "attribute",
                                                     "qualifier",
                                                     "as_of_start",
                                                     "as_of_end",
                                                     "as_of_basis",
                                                     "as_of_event",
                                                     "interval_low",
                                                     "interval_high"};

std::string SourceKey(const ArticleMeta& meta) { return meta.url.empty() ? meta.path : meta.url; }

Row ArticleRow(const Article& a) {
  return {Text(SourceKey(a.meta)),      TextOrNull(a.meta.path),
          TextOrNull(a.meta.url),       TextOrNull(a.meta.canonical_url),
          TextOrNull(a.meta.outlet),    Text(a.meta.Label()),
          TextOrNull(a.meta.title),     TextOrNull(a.meta.language),
          DateOrNull(a.meta.published), Text(Name(a.meta.published_method)),
          Text(ContentHash(a.text)),    Text(a.text)};
}

bool ValidDate(const CivilDate& d) { return IsValidDate(d.year, d.month, d.day); }

// Whether a stored article holds the text of `row` (an ArticleRow): the
// article a new identity with this text is a copy of. If so, its id and
// identity go in `original`.
StatusOr<bool> FindCopied(const Db& db, const Row& row, Store::PutResult* original,
                          std::string_view what) {
  StatusOr<std::vector<Row>> found = AllRows(
      db,
      "SELECT id, source_key FROM articles WHERE content_hash = ? AND text = ? ORDER BY id LIMIT 1",
      {row[kHashColumn], row[kTextColumn]}, 2, what);
  if (!found.ok()) return found.status();
  if (found->empty()) return false;
  Cursor c(found->front(), db.path + ": articles row");
  original->article_id = c.Integer();
  original->copy_of = c.Text();
  if (!c.ok()) return db.Corrupt(c.error());
  return true;
}

// Records `article` as a copy of the stored article `article_id`, writing
// nothing when the row says so already.
Status PutCopy(const Db& db, const Article& article, int64_t article_id, std::string_view what) {
  const ArticleMeta& m = article.meta;
  const Row row = {Text(SourceKey(m)),  Int(article_id),        TextOrNull(m.path),
                   TextOrNull(m.url),   TextOrNull(m.outlet),   Text(m.Label()),
                   TextOrNull(m.title), DateOrNull(m.published)};
  StatusOr<std::vector<Row>> stored =
      AllRows(db,
              "SELECT source_key, article_id, path, url, outlet, label, title, published "
              "FROM article_copies WHERE source_key = ?",
              {row[0]}, 8, what);
  if (!stored.ok()) return stored.status();
  if (!stored->empty() && SameRow(stored->front(), row)) return Status::Ok();
  StatusOr<Stmt> put = Stmt::Prepare(
      db,
      "INSERT OR REPLACE INTO article_copies (source_key, article_id, path, url, outlet, label, "
      "title, published, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "(SELECT MAX(id) FROM runs WHERE status = 'running'))");
  if (!put.ok()) return put.status();
  put->BindRow(row);
  return put->Run(what);
}

// How many stored articles sharing sketch hashes with a new text are read
// and compared with it, those sharing most first.
constexpr size_t kMaxStoryCandidates = 8;
constexpr int kMaxArticlesPerSketchHash = 64;

// The stored articles other than `id` that share most of `sketch`, at most
// kMaxStoryCandidates, each as (its story, its text), in the order stored.
// A hash is looked up in at most kMaxArticlesPerSketchHash articles, the
// first stored, so that text every article shares (a site's boilerplate)
// costs no more than a story.
StatusOr<std::vector<Row>> StoryCandidates(const Db& db, int64_t id,
                                           const std::vector<uint64_t>& sketch,
                                           std::string_view what) {
  std::map<int64_t, int> shared;
  StatusOr<Stmt> lookup = Stmt::Prepare(
      db,
      "SELECT article_id FROM article_sketches WHERE hash = ? AND article_id <> ? ORDER BY "
      "article_id LIMIT " +
          std::to_string(kMaxArticlesPerSketchHash));
  if (!lookup.ok()) return lookup.status();
  for (uint64_t h : sketch) {
    lookup->BindRow({Int(static_cast<int64_t>(h)), Int(id)});
    for (;;) {
      StatusOr<bool> more = lookup->Next(what);
      if (!more.ok()) return more.status();
      if (!*more) break;
      const Row row = lookup->Columns(0, 1);
      if (auto* other = std::get_if<int64_t>(&row[0])) ++shared[*other];
    }
    lookup->Reset();
  }
  std::vector<std::pair<int, int64_t>> ranked;  // (-shared hashes, id)
  for (const auto& [other, n] : shared) ranked.emplace_back(-n, other);
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > kMaxStoryCandidates) ranked.resize(kMaxStoryCandidates);
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<Row> candidates;  // (story, text), in the order stored
  for (const auto& [n, other] : ranked) {
    StatusOr<std::vector<Row>> row =
        AllRows(db, "SELECT COALESCE(story_id, id), text FROM articles WHERE id = ?", {Int(other)},
                2, what);
    if (!row.ok()) return row.status();
    if (!row->empty()) candidates.push_back(std::move(row->front()));
  }
  return candidates;
}

// Near copies (core/near_copy.h): indexes the sketch of article `id`, whose
// text is `text`, and links the article to the story of the stored article
// it nearly copies (the largest share, then the first stored), or unlinks
// it. Articles that were linked to it follow it into that story.
Status LinkStory(const Db& db, int64_t id, std::string_view text, std::string_view what,
                 std::string* story_key = nullptr) {
  if (Status s = Write(db, "DELETE FROM article_sketches WHERE article_id = ?", {Int(id)}, what);
      !s.ok())
    return s;
  const std::vector<uint64_t> shingles = Shingles(text);
  std::optional<int64_t> story;
  double share = 0;
  if (shingles.size() >= kMinShingles) {
    const std::vector<uint64_t> sketch = Sketch(shingles);
    StatusOr<std::vector<Row>> candidates = StoryCandidates(db, id, sketch, what);
    if (!candidates.ok()) return candidates.status();
    for (const Row& r : *candidates) {
      Cursor c(r, db.path + ": articles row");
      const int64_t other_story = c.Integer();
      const std::string other_text = c.Text();
      if (!c.ok()) return db.Corrupt(c.error());
      const std::optional<double> x = NearCopyShare(shingles, Shingles(other_text));
      if (x && *x > share) {  // rows come by id: the first stored wins a tie
        share = *x;
        story = other_story == id ? std::nullopt : std::optional<int64_t>(other_story);
      }
    }
    StatusOr<Stmt> put =
        Stmt::Prepare(db, "INSERT INTO article_sketches (hash, article_id) VALUES (?, ?)");
    if (!put.ok()) return put.status();
    for (uint64_t h : sketch) {
      put->BindRow({Int(static_cast<int64_t>(h)), Int(id)});
      if (Status s = put->Run(what); !s.ok()) return s;
      put->Reset();
    }
  }
  const SqlValue story_value = story ? Int(*story) : SqlValue{};
  const SqlValue share_value = story ? SqlValue{share} : SqlValue{};
  if (Status s = Write(db,
                       "UPDATE articles SET story_id = ?, story_share = ? WHERE id = ? AND "
                       "(story_id IS NOT ? OR story_share IS NOT ?)",
                       {story_value, share_value, Int(id), story_value, share_value}, what);
      !s.ok())
    return s;
  if (!story) return Status::Ok();
  if (story_key) {
    StatusOr<std::vector<Row>> key =
        AllRows(db, "SELECT source_key FROM articles WHERE id = ?", {Int(*story)}, 1, what);
    if (!key.ok()) return key.status();
    if (!key->empty()) {
      if (auto* k = std::get_if<std::string>(&key->front()[0])) *story_key = *k;
    }
  }
  return Write(db, "UPDATE articles SET story_id = ? WHERE story_id = ?", {Int(*story), Int(id)},
               what);
}

// Every date a claim holds must be a real day, or it could not be read back.
bool ClaimDatesValid(const Claim& claim) {
  if (!ValidDate(claim.as_of.first) || !ValidDate(claim.as_of.last)) return false;
  if (auto* d = std::get_if<DateValue>(&claim.mention.value)) {
    if (!ValidDate(d->first) || !ValidDate(d->last)) return false;
    if (d->anchor && !ValidDate(*d->anchor)) return false;
  }
  return true;
}

bool SpanWithin(const ByteSpan& span, size_t size) {
  return span.start <= span.end && span.end <= size;
}

StatusOr<Row> ClaimRow(const Claim& claim, const std::string& text, int64_t ordinal) {
  const Mention& m = claim.mention;
  const std::string where = "claim " + std::to_string(ordinal) + " ('" + m.text + "')";
  if (!SpanWithin(m.span, text.size()) || !SpanWithin(claim.sentence, text.size())) {
    return Status::InvalidArgument(where + ": span outside the article's " +
                                   std::to_string(text.size()) + " bytes of text");
  }
  if (!ClaimDatesValid(claim))
    return Status::InvalidArgument(where + ": a date that is no real day");
  // MentionKind and MentionValue list date, money, percent in the same order.
  if (m.value.index() != static_cast<size_t>(m.kind)) {
    return Status::InvalidArgument(where + ": a " + std::string(Name(m.kind)) +
                                   " mention with another kind of value");
  }
  const SqlValue null;
  Row row = {Int(ordinal),
             Text(Name(m.kind)),
             Text(m.text),
             Int(static_cast<int64_t>(m.span.start)),
             Int(static_cast<int64_t>(m.span.end)),
             Int(static_cast<int64_t>(claim.sentence.start)),
             Int(static_cast<int64_t>(claim.sentence.end)),
             Text(std::string_view(text).substr(claim.sentence.start, claim.sentence.size()))};
  // value_start .. part (6), amount .. currency (3), percent .. points (3), value_resolution.
  Row date(6, null), money(3, null), percent(3, null);
  SqlValue resolution = null;
  if (auto* d = std::get_if<DateValue>(&m.value)) {
    date = {Text(d->first.ToIso()),    Text(d->last.ToIso()), Text(Name(d->granularity)),
            Text(Name(d->resolution)), DateOrNull(d->anchor), TextOrNull(d->part)};
  } else if (auto* mv = std::get_if<MoneyValue>(&m.value)) {
    money = {mv->amount, RealOrNull(mv->amount_high), TextOrNull(mv->currency)};
    resolution = mv->resolution;
  } else if (auto* p = std::get_if<PercentValue>(&m.value)) {
    percent = {p->percent, RealOrNull(p->percent_high), Int(p->points ? 1 : 0)};
    resolution = p->resolution;
  }
  row.insert(row.end(), date.begin(), date.end());
  row.insert(row.end(), money.begin(), money.end());
  row.insert(row.end(), percent.begin(), percent.end());
  row.push_back(resolution);
  Row rest = {Text(Name(m.hedge)),
              TextOrNull(m.hedge_text),
              TextOrNull(m.rule),
              TextOrNull(claim.entity),
              TextOrNull(claim.attribute),
              Text(claim.qualifier),
              Text(claim.as_of.first.ToIso()),
              Text(claim.as_of.last.ToIso()),
              Text(Name(claim.as_of.basis)),
              TextOrNull(claim.as_of.event),
              claim.interval.low,
              claim.interval.high};
  row.insert(row.end(), rest.begin(), rest.end());
  return row;
}

// The inverse of ClaimRow; the sentence text goes to *sentence.
Claim ClaimFromRow(Cursor& c, std::string* sentence) {
  Claim claim;
  Mention& m = claim.mention;
  c.Skip();  // ordinal
  m.kind = c.Enum(ParseMentionKind, MentionKind::kDate);
  m.text = c.Text();
  m.span.start = static_cast<size_t>(c.Integer());
  m.span.end = static_cast<size_t>(c.Integer());
  claim.sentence.start = static_cast<size_t>(c.Integer());
  claim.sentence.end = static_cast<size_t>(c.Integer());
  *sentence = c.Text();
  if (m.kind == MentionKind::kDate) {
    DateValue d;
    d.first = c.Date();
    d.last = c.Date();
    d.granularity = c.Enum(ParseGranularity, Granularity::kDay);
    d.resolution = c.Enum(ParseDateResolution, DateResolution::kAbsolute);
    d.anchor = c.OptDate();
    d.part = c.Text();
    for (int i = 0; i < 7; ++i) c.Skip();  // money, percent, value_resolution
    m.value = d;
  } else if (m.kind == MentionKind::kMoney) {
    for (int i = 0; i < 6; ++i) c.Skip();  // date
    MoneyValue v;
    v.amount = c.Real();
    v.amount_high = c.OptReal();
    v.currency = c.Text();
    for (int i = 0; i < 3; ++i) c.Skip();  // percent
    v.resolution = c.OptReal().value_or(0);
    m.value = v;
  } else {
    for (int i = 0; i < 9; ++i) c.Skip();  // date, money
    PercentValue v;
    v.percent = c.Real();
    v.percent_high = c.OptReal();
    v.points = c.Integer() != 0;
    v.resolution = c.OptReal().value_or(0);
    m.value = v;
  }
  m.hedge = c.Enum(ParseHedge, Hedge::kExact);
  m.hedge_text = c.Text();
  m.rule = c.Text();
  claim.entity = c.Text();
  claim.attribute = c.Text();
  claim.qualifier = c.Text();
  claim.as_of.first = c.Date();
  claim.as_of.last = c.Date();
  claim.as_of.basis = c.Enum(ParseAsOfBasis, AsOfBasis::kPublication);
  claim.as_of.event = c.Text();
  claim.interval.low = c.Real();
  claim.interval.high = c.Real();
  return claim;
}

ArticleMeta MetaFromRow(Cursor& c) {
  ArticleMeta meta;
  meta.path = c.Text();
  meta.url = c.Text();
  meta.canonical_url = c.Text();
  meta.outlet = c.Text();
  meta.title = c.Text();
  meta.language = c.Text();
  meta.published = c.OptDate();
  meta.published_method = c.Enum(ParsePublishedMethod, PublishedMethod::kUnknown);
  return meta;
}

// SELECT list for a StoredClaim: c.id, c.article_id, claim columns, meta
// columns; with `c` claims and `a` articles.
std::string StoredClaimSelect() {
  return "c.id, c.article_id, " + Join(kClaimColumns, "c.") + ", " + Join(kMetaColumns, "a.") +
         ", COALESCE(a.story_id, a.id)";
}
constexpr int kStoredClaimWidth = 2 + 33 + 8 + 1;

StatusOr<StoredClaim> ReadStoredClaim(const Db& db, const Stmt& stmt, int first) {
  Row row = stmt.Columns(first, kStoredClaimWidth);
  StoredClaim sc;
  sc.id = std::get_if<int64_t>(&row[0]) ? std::get<int64_t>(row[0]) : 0;
  sc.article_id = std::get_if<int64_t>(&row[1]) ? std::get<int64_t>(row[1]) : 0;
  Row rest(row.begin() + 2, row.end());
  Cursor c(rest, "claims row " + std::to_string(sc.id));
  sc.claim = ClaimFromRow(c, &sc.sentence);
  sc.article = MetaFromRow(c);
  sc.story_id = c.Integer();
  if (!c.ok()) return db.Corrupt(c.error());
  return sc;
}

// ---------------------------------------------------------------------------
// Findings as rows.
// ---------------------------------------------------------------------------

struct FindingTable {
  std::string_view table;                 // "conflicts"
  std::string_view links;                 // "conflict_claims"
  std::string_view link_id;               // "conflict_id"
  std::string_view link_pos;              // "side"
  std::vector<std::string_view> columns;  // after id
};

const FindingTable kConflictTable = {
    "conflicts",
    "conflict_claims",
    "conflict_id",
    "side",
    {"rank", "entity", "attribute", "qualifier", "as_of_start", "as_of_end", "as_of_basis",
     "as_of_event", "reason", "severity", "severity_unit"}};
const FindingTable kAgreementTable = {"agreements",
                                      "agreement_claims",
                                      "agreement_id",
                                      "position",
                                      {"rank", "entity", "attribute", "qualifier", "as_of_start",
                                       "as_of_end", "as_of_basis", "as_of_event", "reason"}};

struct FindingRow {
  std::string id;
  Row row;
  std::vector<int64_t> claim_ids;
};

Row KeyAndAsOf(int64_t rank, const ClaimKey& key, const AsOf& as_of) {
  return {Int(rank),
          TextOrNull(key.entity),
          TextOrNull(key.attribute),
          Text(key.qualifier),
          Text(as_of.first.ToIso()),
          Text(as_of.last.ToIso()),
          Text(Name(as_of.basis)),
          TextOrNull(as_of.event)};
}

void KeyAndAsOfFromRow(Cursor& c, ClaimKey* key, AsOf* as_of) {
  c.Skip();  // rank
  key->entity = c.Text();
  key->attribute = c.Text();
  key->qualifier = c.Text();
  as_of->first = c.Date();
  as_of->last = c.Date();
  as_of->basis = c.Enum(ParseAsOfBasis, AsOfBasis::kPublication);
  as_of->event = c.Text();
}

// The rows of `t` (all of them, or those whose key is in `scope`) with their
// claim ids.
StatusOr<std::map<std::string, FindingRow>> ReadFindingRows(const Db& db, const FindingTable& t,
                                                            const std::vector<ClaimKey>* scope) {
  const std::string table(t.table), links(t.links), link_id(t.link_id), link_pos(t.link_pos);
  std::map<std::string, FindingRow> old;
  std::string where;
  if (scope != nullptr) where = " WHERE entity = ? AND attribute = ? AND qualifier = ?";
  StatusOr<Stmt> q = Stmt::Prepare(db, "SELECT id, " + Join(t.columns) + " FROM " + table + where);
  if (!q.ok()) return q.status();
  auto read = [&]() -> Status {
    for (;;) {
      StatusOr<bool> more = q->Next("reading " + table);
      if (!more.ok()) return more.status();
      if (!*more) break;
      FindingRow r;
      Row id = q->Columns(0, 1);
      if (auto* s = std::get_if<std::string>(&id[0])) r.id = *s;
      r.row = q->Columns(1, static_cast<int>(t.columns.size()));
      old[r.id] = std::move(r);
    }
    q->Reset();
    return Status::Ok();
  };
  if (scope == nullptr) {
    if (Status s = read(); !s.ok()) return s;
  } else {
    for (const ClaimKey& k : *scope) {
      q->BindRow({Text(k.entity), Text(k.attribute), Text(k.qualifier)});
      if (Status s = read(); !s.ok()) return s;
    }
  }
  StatusOr<Stmt> l =
      Stmt::Prepare(db, "SELECT " + link_id + ", claim_id FROM " + links +
                            (scope == nullptr ? std::string() : " WHERE " + link_id + " = ?") +
                            " ORDER BY " + link_id + ", " + link_pos);
  if (!l.ok()) return l.status();
  auto read_links = [&]() -> Status {
    for (;;) {
      StatusOr<bool> more = l->Next("reading " + links);
      if (!more.ok()) return more.status();
      if (!*more) break;
      Row r = l->Columns(0, 2);
      auto* id = std::get_if<std::string>(&r[0]);
      auto* claim = std::get_if<int64_t>(&r[1]);
      if (id == nullptr || claim == nullptr) return db.Corrupt(links + " holds a malformed row");
      auto it = old.find(*id);
      if (it != old.end()) it->second.claim_ids.push_back(*claim);
    }
    l->Reset();
    return Status::Ok();
  };
  if (scope == nullptr) {
    if (Status s = read_links(); !s.ok()) return s;
  } else {
    for (const auto& [id, unused] : old) {
      l->Bind(1, Text(id));
      if (Status s = read_links(); !s.ok()) return s;
    }
  }
  return old;
}

// Writes `rows` as the whole content of `t` (or, with a `scope`, as the
// rows of those keys, each keeping its stored rank: the caller renumbers),
// leaving rows that are already as given untouched. REQUIRES: inside a write
// transaction.
Status ReplaceFindingRows(const Db& db, const FindingTable& t, std::vector<FindingRow> rows,
                          const std::vector<ClaimKey>* scope) {
  const std::string table(t.table), links(t.links), link_id(t.link_id), link_pos(t.link_pos);
  StatusOr<std::map<std::string, FindingRow>> read = ReadFindingRows(db, t, scope);
  if (!read.ok()) return read.status();
  std::map<std::string, FindingRow>& old = *read;
  if (scope != nullptr) {
    for (FindingRow& r : rows) {
      auto it = old.find(r.id);
      if (it != old.end()) r.row[0] = it->second.row[0];  // rank
    }
  }
  StatusOr<Stmt> insert =
      Stmt::Prepare(db, "INSERT INTO " + table + " (id, " + Join(t.columns) + ") VALUES (" +
                            Placeholders(t.columns.size() + 1) + ")");
  StatusOr<Stmt> update =
      Stmt::Prepare(db, "UPDATE " + table + " SET " + Assignments(t.columns) + " WHERE id = ?");
  StatusOr<Stmt> remove = Stmt::Prepare(db, "DELETE FROM " + table + " WHERE id = ?");
  StatusOr<Stmt> unlink = Stmt::Prepare(db, "DELETE FROM " + links + " WHERE " + link_id + " = ?");
  StatusOr<Stmt> link = Stmt::Prepare(db, "INSERT INTO " + links + " (" + link_id + ", " +
                                              link_pos + ", claim_id) VALUES (?, ?, ?)");
  for (auto* s : {&insert, &update, &remove, &unlink, &link})
    if (!s->ok()) return s->status();

  for (const FindingRow& r : rows) {
    auto it = old.find(r.id);
    bool write_links = true;
    if (it == old.end()) {
      insert->Bind(1, Text(r.id));
      insert->BindRow(r.row, 2);
      Status s = insert->Run("adding " + table + " " + r.id);
      insert->Reset();
      if (!s.ok()) return s;
    } else {
      if (!SameRow(it->second.row, r.row)) {
        update->BindRow(r.row);
        update->Bind(static_cast<int>(r.row.size()) + 1, Text(r.id));
        Status s = update->Run("updating " + table + " " + r.id);
        update->Reset();
        if (!s.ok()) return s;
      }
      if (it->second.claim_ids == r.claim_ids) {
        write_links = false;
      } else {
        unlink->Bind(1, Text(r.id));
        Status s = unlink->Run("updating " + links);
        unlink->Reset();
        if (!s.ok()) return s;
      }
      old.erase(it);
    }
    if (!write_links) continue;
    for (size_t i = 0; i < r.claim_ids.size(); ++i) {
      link->BindRow({Text(r.id), Int(static_cast<int64_t>(i)), Int(r.claim_ids[i])});
      Status s = link->Run("linking " + table + " " + r.id + " to claim " +
                           std::to_string(r.claim_ids[i]));
      link->Reset();
      if (!s.ok()) return s;
    }
  }
  for (const auto& [id, unused] : old) {
    remove->Bind(1, Text(id));
    Status s = remove->Run("removing " + table + " " + id);
    remove->Reset();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Sets every finding's rank to its place in `ids` (where it differs).
Status WriteRanks(const Db& db, std::string_view table, const std::vector<std::string>& ids,
                  const std::map<std::string, int64_t>& ranks) {
  StatusOr<Stmt> update =
      Stmt::Prepare(db, "UPDATE " + std::string(table) + " SET rank = ? WHERE id = ?");
  if (!update.ok()) return update.status();
  for (size_t i = 0; i < ids.size(); ++i) {
    auto it = ranks.find(ids[i]);
    if (it != ranks.end() && it->second == static_cast<int64_t>(i)) continue;
    update->BindRow({Int(static_cast<int64_t>(i)), Text(ids[i])});
    Status s = update->Run("ranking " + std::string(table));
    update->Reset();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Renumbers the rank of every conflict and agreement in the order of
// core/finding.h. REQUIRES: inside a write transaction.
Status Rerank(const Db& db) {
  struct Item {
    std::string id;
    double severity = 0;
    SeverityUnit unit = SeverityUnit::kRatio;
    size_t claims = 0;
  };
  std::vector<Item> items;
  std::map<std::string, int64_t> ranks;
  auto read = [&](const std::string& sql, bool conflicts) -> Status {
    items.clear();
    ranks.clear();
    StatusOr<Stmt> q = Stmt::Prepare(db, sql);
    if (!q.ok()) return q.status();
    for (;;) {
      StatusOr<bool> more = q->Next("reading ranks");
      if (!more.ok()) return more.status();
      if (!*more) break;
      Row r = q->Columns(0, 4);
      Cursor c(r, "finding rank row");
      Item it;
      it.id = c.Text();
      ranks[it.id] = c.Integer();
      if (conflicts) {
        it.severity = c.Real();
        it.unit = c.Enum(ParseSeverityUnit, SeverityUnit::kRatio);
      } else {
        it.claims = static_cast<size_t>(c.Integer());
      }
      if (!c.ok()) return db.Corrupt(c.error());
      items.push_back(std::move(it));
    }
    return Status::Ok();
  };
  auto ids = [&] {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const Item& i : items) out.push_back(i.id);
    return out;
  };
  if (Status s = read("SELECT id, rank, severity, severity_unit FROM conflicts", true); !s.ok())
    return s;
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return ConflictBefore(a.severity, a.unit, a.id, b.severity, b.unit, b.id);
  });
  if (Status s = WriteRanks(db, "conflicts", ids(), ranks); !s.ok()) return s;
  if (Status s = read("SELECT g.id, g.rank, (SELECT COUNT(*) FROM agreement_claims AS l WHERE "
                      "l.agreement_id = g.id), NULL FROM agreements AS g",
                      false);
      !s.ok())
    return s;
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return AgreementBefore(a.claims, a.id, b.claims, b.id);
  });
  return WriteRanks(db, "agreements", ids(), ranks);
}

// ---------------------------------------------------------------------------
// Migrations.
// ---------------------------------------------------------------------------

struct Migration {
  int number = 0;
  std::string_view name;
  std::string_view sql;
};

// The embedded schema/NNNN_*.sql files, numbered 1, 2, ... without gaps.
StatusOr<std::vector<Migration>> EmbeddedMigrations(const Db& db) {
  std::vector<Migration> out;
  for (std::string_view path : EmbeddedFiles("schema/")) {
    std::string_view name = path.substr(7);
    if (name.size() < 9 || name[4] != '_' || name.substr(name.size() - 4) != ".sql") continue;
    int number = 0;
    for (int i = 0; i < 4; ++i) {
      if (name[i] < '0' || name[i] > '9')
        return db.Corrupt("bad migration name " + std::string(path));
      number = number * 10 + (name[i] - '0');
    }
    std::optional<std::string_view> sql = EmbeddedFile(path);
    if (!sql) return db.Corrupt("migration " + std::string(path) + " is not embedded");
    out.push_back({number, path, *sql});
  }
  if (out.empty()) return db.Corrupt("this program has no schema migrations embedded");
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].number != static_cast<int>(i) + 1)
      return db.Corrupt("embedded migrations are not numbered 1, 2, ... at " +
                        std::string(out[i].name));
  }
  return out;
}

StatusOr<int> UserVersion(const Db& db) {
  StatusOr<Stmt> q = Stmt::Prepare(db, "PRAGMA user_version");
  if (!q.ok()) return q.status();
  StatusOr<bool> row = q->Next("reading the schema version");
  if (!row.ok()) return row.status();
  Row r = q->Columns(0, 1);
  auto* v = std::get_if<int64_t>(&r[0]);
  if (!*row || v == nullptr) return db.Corrupt("no PRAGMA user_version");
  return static_cast<int>(*v);
}

// What a migration's SQL cannot do itself, done in its transaction after it.
// 0008: the sketches and stories of the articles stored before it, in the
// order they were stored (each looks only at those before it).
Status AfterMigration(const Db& db, int number) {
  if (number != 8) return Status::Ok();
  StatusOr<std::vector<Row>> ids = AllRows(db, "SELECT id FROM articles ORDER BY id", {}, 1,
                                           "listing articles for their stories");
  if (!ids.ok()) return ids.status();
  for (const Row& r : *ids) {
    const int64_t id = std::get<int64_t>(r[0]);
    StatusOr<std::vector<Row>> text =
        AllRows(db, "SELECT text FROM articles WHERE id = ?", {Int(id)}, 1, "reading an article");
    if (!text.ok()) return text.status();
    const auto* t = text->empty() ? nullptr : std::get_if<std::string>(&text->front()[0]);
    if (Status s = LinkStory(db, id, t ? *t : std::string_view(), "linking stored stories");
        !s.ok())
      return s;
  }
  return Status::Ok();
}

StatusOr<int> Migrate(const Db& db) {
  StatusOr<std::vector<Migration>> migrations = EmbeddedMigrations(db);
  if (!migrations.ok()) return migrations.status();
  const int newest = migrations->back().number;
  StatusOr<int> version = UserVersion(db);
  if (!version.ok()) return version.status();
  if (*version > newest) {
    return db.Corrupt("the database's schema version is " + std::to_string(*version) +
                      ", newer than the newest this program knows (" + std::to_string(newest) +
                      "): open it with a newer newsrecon");
  }
  for (const Migration& m : *migrations) {
    if (m.number <= *version) continue;
    Transaction tx(db);
    if (Status s = tx.Begin(); !s.ok()) return s;
    // Another process may have migrated while we waited for the lock.
    StatusOr<int> now = UserVersion(db);
    if (!now.ok()) return now.status();
    if (*now >= m.number) continue;  // rolls back the empty transaction
    if (Status s = Exec(db, std::string(m.sql), "applying " + std::string(m.name)); !s.ok())
      return s;
    if (Status s = AfterMigration(db, m.number); !s.ok()) return s;
    if (Status s = Exec(db, "PRAGMA user_version = " + std::to_string(m.number),
                        "recording schema version");
        !s.ok())
      return s;
    if (Status s = tx.Commit(); !s.ok()) return s;
    version = m.number;
  }
  return UserVersion(db);
}

}  // namespace

std::string ContentHash(std::string_view text) { return Fnv1aHex(text); }

void Store::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

StatusOr<Store> Store::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, Closer> handle(raw);
  Db db{raw, path};
  if (rc != SQLITE_OK) {
    Status s = db.Error(rc, "cannot open or create the database");
    return s.code() == Status::Code::kCorruption ? s : Status::IoError(s.message());
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  if (sqlite3_db_readonly(raw, "main") == 1)
    return Status::IoError(path + ": the database is read-only");
  // Reading the journal mode reads the header: a file that is not a database fails here.
  StatusOr<Stmt> wal = Stmt::Prepare(db, "PRAGMA journal_mode = WAL");
  if (!wal.ok()) return wal.status();
  if (Status s = wal->Run("switching to WAL mode"); !s.ok()) return s;
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    if (Status s = Exec(db, pragma, pragma); !s.ok()) return s;
  }
  StatusOr<int> version = Migrate(db);
  if (!version.ok()) return version.status();
  return Store(std::move(handle), path, *version);
}

StatusOr<Store::PutResult> Store::PutArticle(const Article& article,
                                             const std::vector<Claim>& claims) {
  const Db db{db_.get(), path_};
  const std::string key = SourceKey(article.meta);
  if (key.empty()) {
    return Status::InvalidArgument(path_ + ": an article needs a url or a path (title '" +
                                   article.meta.title + "')");
  }
  if (article.meta.published && !ValidDate(*article.meta.published)) {
    return Status::InvalidArgument(path_ + ": " + key + ": publication date " +
                                   article.meta.published->ToIso() + " is no real day");
  }
  const Row article_row = ArticleRow(article);
  std::vector<Row> claim_rows;
  claim_rows.reserve(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    StatusOr<Row> row = ClaimRow(claims[i], article.text, static_cast<int64_t>(i));
    if (!row.ok())
      return Status::InvalidArgument(path_ + ": " + key + ": " + row.status().message());
    claim_rows.push_back(std::move(*row));
  }

  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  const std::string what = "storing " + key;
  PutResult result;
  bool article_same = false;
  bool text_same = false;
  {
    StatusOr<Stmt> find = Stmt::Prepare(
        db, "SELECT id, " + Join(kArticleColumns) + " FROM articles WHERE source_key = ?");
    if (!find.ok()) return find.status();
    find->Bind(1, Text(key));
    StatusOr<bool> found = find->Next(what);
    if (!found.ok()) return found.status();
    if (*found) {
      Row id = find->Columns(0, 1);
      if (auto* i = std::get_if<int64_t>(&id[0])) result.article_id = *i;
      const Row stored = find->Columns(1, static_cast<int>(kArticleColumns.size()));
      article_same = SameRow(stored, article_row);
      text_same = SameValue(stored[kTextColumn], article_row[kTextColumn]);
    }
  }
  if (result.article_id != 0) {
    bool claims_same = article_same;
    if (claims_same) {
      StatusOr<Stmt> q =
          Stmt::Prepare(db, "SELECT " + Join(kClaimColumns) +
                                " FROM claims WHERE article_id = ? ORDER BY ordinal");
      if (!q.ok()) return q.status();
      q->Bind(1, Int(result.article_id));
      size_t n = 0;
      for (;;) {
        StatusOr<bool> more = q->Next(what);
        if (!more.ok()) return more.status();
        if (!*more) break;
        if (n >= claim_rows.size() ||
            !SameRow(q->Columns(0, static_cast<int>(kClaimColumns.size())), claim_rows[n])) {
          claims_same = false;
          break;
        }
        ++n;
      }
      if (n != claim_rows.size()) claims_same = false;
    }
    if (claims_same) return result;  // nothing written; the transaction rolls back
    if (!article_same) {
      StatusOr<Stmt> update = Stmt::Prepare(
          db, "UPDATE articles SET " + Assignments(kArticleColumns) + " WHERE id = ?");
      if (!update.ok()) return update.status();
      update->BindRow(article_row);
      update->Bind(static_cast<int>(article_row.size()) + 1, Int(result.article_id));
      if (Status s = update->Run(what); !s.ok()) return s;
      if (!text_same) {
        if (Status s = LinkStory(db, result.article_id, article.text, what, &result.story_of);
            !s.ok())
          return s;
      }
    }
    StatusOr<Stmt> drop = Stmt::Prepare(db, "DELETE FROM claims WHERE article_id = ?");
    if (!drop.ok()) return drop.status();
    drop->Bind(1, Int(result.article_id));
    if (Status s = drop->Run(what); !s.ok()) return s;
  } else {
    StatusOr<bool> copy = FindCopied(db, article_row, &result, what);
    if (!copy.ok()) return copy.status();
    if (*copy) {
      if (Status s = PutCopy(db, article, result.article_id, what); !s.ok()) return s;
      if (Status s = tx.Commit(); !s.ok()) return s;
      return result;
    }
    if (Status s = Write(db, "DELETE FROM article_copies WHERE source_key = ?", {Text(key)}, what);
        !s.ok())
      return s;
    StatusOr<Stmt> insert =
        Stmt::Prepare(db, "INSERT INTO articles (" + Join(kArticleColumns) + ") VALUES (" +
                              Placeholders(kArticleColumns.size()) + ")");
    if (!insert.ok()) return insert.status();
    insert->BindRow(article_row);
    if (Status s = insert->Run(what); !s.ok()) return s;
    result.article_id = sqlite3_last_insert_rowid(db_.get());
    if (Status s = LinkStory(db, result.article_id, article.text, what, &result.story_of); !s.ok())
      return s;
  }
  StatusOr<Stmt> insert =
      Stmt::Prepare(db, "INSERT INTO claims (article_id, " + Join(kClaimColumns) + ") VALUES (" +
                            Placeholders(kClaimColumns.size() + 1) + ")");
  if (!insert.ok()) return insert.status();
  for (const Row& row : claim_rows) {
    insert->Bind(1, Int(result.article_id));
    insert->BindRow(row, 2);
    if (Status s = insert->Run(what); !s.ok()) return s;
    insert->Reset();
  }
  if (Status s = tx.Commit(); !s.ok()) return s;
  result.changed = true;
  return result;
}

StatusOr<std::vector<StoredClaim>> Store::LoadClaims() const {
  const Db db{db_.get(), path_};
  StatusOr<Stmt> q = Stmt::Prepare(db, "SELECT " + StoredClaimSelect() +
                                           " FROM claims AS c JOIN articles AS a"
                                           " ON a.id = c.article_id ORDER BY c.article_id, "
                                           "c.ordinal");
  if (!q.ok()) return q.status();
  std::vector<StoredClaim> out;
  for (;;) {
    StatusOr<bool> more = q->Next("loading claims");
    if (!more.ok()) return more.status();
    if (!*more) break;
    StatusOr<StoredClaim> sc = ReadStoredClaim(db, *q, 0);
    if (!sc.ok()) return sc.status();
    out.push_back(std::move(*sc));
  }
  return out;
}

namespace {

// Findings as rows, checked against the store's contract.
struct FindingRows {
  std::vector<FindingRow> conflicts, agreements;
};

}  // namespace

static StatusOr<FindingRows> ToFindingRows(const std::string& path_, const Findings& findings) {
  std::vector<FindingRow> conflicts, agreements;
  std::set<std::string> seen;
  for (size_t i = 0; i < findings.conflicts.size(); ++i) {
    const Conflict& c = findings.conflicts[i];
    if (c.id.empty() || !seen.insert(c.id).second)
      return Status::InvalidArgument(path_ + ": conflict id '" + c.id + "' is empty or repeated");
    if (!ValidDate(c.as_of.first) || !ValidDate(c.as_of.last))
      return Status::InvalidArgument(path_ + ": conflict " + c.id + ": as-of date is no real day");
    if (c.claims.size() != 2)
      return Status::InvalidArgument(path_ + ": conflict " + c.id + " has " +
                                     std::to_string(c.claims.size()) + " claims, not 2");
    FindingRow r{c.id, KeyAndAsOf(static_cast<int64_t>(i), c.key, c.as_of), {}};
    r.row.insert(r.row.end(), {Text(c.reason), c.severity, Text(Name(c.severity_unit))});
    for (const StoredClaim& sc : c.claims) r.claim_ids.push_back(sc.id);
    conflicts.push_back(std::move(r));
  }
  seen.clear();
  for (size_t i = 0; i < findings.agreements.size(); ++i) {
    const Agreement& a = findings.agreements[i];
    if (a.id.empty() || !seen.insert(a.id).second)
      return Status::InvalidArgument(path_ + ": agreement id '" + a.id + "' is empty or repeated");
    if (!ValidDate(a.as_of.first) || !ValidDate(a.as_of.last))
      return Status::InvalidArgument(path_ + ": agreement " + a.id + ": as-of date is no real day");
    if (a.claims.size() < 2)
      return Status::InvalidArgument(path_ + ": agreement " + a.id + " has fewer than 2 claims");
    FindingRow r{a.id, KeyAndAsOf(static_cast<int64_t>(i), a.key, a.as_of), {}};
    r.row.push_back(Text(a.reason));
    for (const StoredClaim& sc : a.claims) r.claim_ids.push_back(sc.id);
    agreements.push_back(std::move(r));
  }
  return FindingRows{std::move(conflicts), std::move(agreements)};
}

Status Store::ReplaceFindings(const Findings& findings) {
  const Db db{db_.get(), path_};
  StatusOr<FindingRows> rows = ToFindingRows(path_, findings);
  if (!rows.ok()) return rows.status();
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = ReplaceFindingRows(db, kConflictTable, std::move(rows->conflicts), nullptr);
      !s.ok())
    return s;
  if (Status s = ReplaceFindingRows(db, kAgreementTable, std::move(rows->agreements), nullptr);
      !s.ok())
    return s;
  // Every key is up to date now.
  if (Status s = Exec(db, "DELETE FROM reconcile_queue", "emptying the reconcile queue"); !s.ok())
    return s;
  return tx.Commit();
}

StatusOr<std::vector<ClaimKey>> Store::PendingKeys() const {
  const Db db{db_.get(), path_};
  StatusOr<Stmt> q = Stmt::Prepare(
      db, "SELECT entity, attribute, qualifier FROM reconcile_queue ORDER BY 1, 2, 3");
  if (!q.ok()) return q.status();
  std::vector<ClaimKey> out;
  for (;;) {
    StatusOr<bool> more = q->Next("reading the reconcile queue");
    if (!more.ok()) return more.status();
    if (!*more) break;
    Row r = q->Columns(0, 3);
    Cursor c(r, "reconcile_queue row");
    ClaimKey k;
    k.entity = c.Text();
    k.attribute = c.Text();
    k.qualifier = c.Text();
    if (!c.ok()) return db.Corrupt(c.error());
    out.push_back(std::move(k));
  }
  return out;
}

StatusOr<std::vector<StoredClaim>> Store::LoadClaimsOfKeys(
    const std::vector<ClaimKey>& keys) const {
  const Db db{db_.get(), path_};
  StatusOr<Stmt> q = Stmt::Prepare(db, "SELECT " + StoredClaimSelect() +
                                           " FROM claims AS c JOIN articles AS a"
                                           " ON a.id = c.article_id WHERE c.entity = ? AND "
                                           "c.attribute = ? AND c.qualifier = ?");
  if (!q.ok()) return q.status();
  std::vector<std::pair<std::pair<int64_t, int64_t>, StoredClaim>> found;
  for (const ClaimKey& k : keys) {
    q->BindRow({Text(k.entity), Text(k.attribute), Text(k.qualifier)});
    for (;;) {
      StatusOr<bool> more = q->Next("loading the claims of a key");
      if (!more.ok()) return more.status();
      if (!*more) break;
      StatusOr<StoredClaim> sc = ReadStoredClaim(db, *q, 0);
      if (!sc.ok()) return sc.status();
      // Claims are numbered in their order in the article: (article, id) is LoadClaims' order.
      const std::pair<int64_t, int64_t> order{sc->article_id, sc->id};
      found.emplace_back(order, std::move(*sc));
    }
    q->Reset();
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<StoredClaim> out;
  out.reserve(found.size());
  for (auto& [order, sc] : found) out.push_back(std::move(sc));
  return out;
}

Status Store::ReplaceFindingsOfKeys(const std::vector<ClaimKey>& keys, const Findings& findings) {
  const Db db{db_.get(), path_};
  const std::set<ClaimKey> scope(keys.begin(), keys.end());
  for (const Conflict& c : findings.conflicts)
    if (scope.count(c.key) == 0)
      return Status::InvalidArgument(path_ + ": conflict " + c.id + " is outside the keys given");
  for (const Agreement& a : findings.agreements)
    if (scope.count(a.key) == 0)
      return Status::InvalidArgument(path_ + ": agreement " + a.id + " is outside the keys given");
  StatusOr<FindingRows> rows = ToFindingRows(path_, findings);
  if (!rows.ok()) return rows.status();
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = ReplaceFindingRows(db, kConflictTable, std::move(rows->conflicts), &keys); !s.ok())
    return s;
  if (Status s = ReplaceFindingRows(db, kAgreementTable, std::move(rows->agreements), &keys);
      !s.ok())
    return s;
  StatusOr<Stmt> done = Stmt::Prepare(
      db, "DELETE FROM reconcile_queue WHERE entity = ? AND attribute = ? AND qualifier = ?");
  if (!done.ok()) return done.status();
  for (const ClaimKey& k : keys) {
    done->BindRow({Text(k.entity), Text(k.attribute), Text(k.qualifier)});
    Status s = done->Run("emptying the reconcile queue");
    done->Reset();
    if (!s.ok()) return s;
  }
  return tx.Commit();
}

Status Store::RankFindings() {
  const Db db{db_.get(), path_};
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = Rerank(db); !s.ok()) return s;
  return tx.Commit();
}

StatusOr<Findings> Store::LoadFindings() const {
  const Db db{db_.get(), path_};
  Findings out;
  // The labels of each article's copies, looked up once an article: its
  // exact copies as found, then the other articles of its story as stored.
  StatusOr<Stmt> copies_q = Stmt::Prepare(
      db,
      "SELECT label FROM (SELECT 0 AS k, rowid AS r, label FROM article_copies WHERE article_id = "
      "?1 UNION ALL SELECT 1, a.id, a.label FROM articles AS a, (SELECT COALESCE(story_id, id) AS "
      "s FROM articles WHERE id = ?1) AS t WHERE (a.story_id = t.s OR a.id = t.s) AND a.id <> ?1) "
      "ORDER BY k, r");
  if (!copies_q.ok()) return copies_q.status();
  std::map<int64_t, std::vector<std::string>> copies;
  auto copies_of = [&](int64_t article_id) -> StatusOr<std::vector<std::string>> {
    auto [it, inserted] = copies.try_emplace(article_id);
    if (!inserted) return it->second;
    copies_q->Bind(1, Int(article_id));
    for (;;) {
      StatusOr<bool> more = copies_q->Next("loading the copies of an article");
      if (!more.ok()) return more.status();
      if (!*more) break;
      const Row row = copies_q->Columns(0, 1);
      if (auto* label = std::get_if<std::string>(&row[0])) it->second.push_back(*label);
    }
    copies_q->Reset();
    return it->second;
  };
  // Claims of one finding, in order.
  auto load_claims = [&](Stmt& q, const std::string& id,
                         std::vector<StoredClaim>* claims) -> Status {
    q.Bind(1, Text(id));
    for (;;) {
      StatusOr<bool> more = q.Next("loading the claims of " + id);
      if (!more.ok()) return more.status();
      if (!*more) break;
      StatusOr<StoredClaim> sc = ReadStoredClaim(db, q, 0);
      if (!sc.ok()) return sc.status();
      StatusOr<std::vector<std::string>> also = copies_of(sc->article_id);
      if (!also.ok()) return also.status();
      sc->copies = std::move(*also);
      claims->push_back(std::move(*sc));
    }
    q.Reset();
    return Status::Ok();
  };
  auto claims_query = [&](const FindingTable& t) {
    return Stmt::Prepare(db, "SELECT " + StoredClaimSelect() + " FROM " + std::string(t.links) +
                                 " AS l JOIN claims AS c ON c.id = l.claim_id JOIN articles AS a"
                                 " ON a.id = c.article_id WHERE l." +
                                 std::string(t.link_id) + " = ? ORDER BY l." +
                                 std::string(t.link_pos));
  };
  {
    StatusOr<Stmt> claims = claims_query(kConflictTable);
    if (!claims.ok()) return claims.status();
    StatusOr<Stmt> q =
        Stmt::Prepare(db, "SELECT k.id, " + Join(kConflictTable.columns, "k.") +
                              ", lr.verdict FROM conflicts AS k LEFT JOIN latest_reviews AS lr"
                              " ON lr.conflict_id = k.id ORDER BY k.rank, k.id");
    if (!q.ok()) return q.status();
    const int width = 2 + static_cast<int>(kConflictTable.columns.size());
    for (;;) {
      StatusOr<bool> more = q->Next("loading conflicts");
      if (!more.ok()) return more.status();
      if (!*more) break;
      Row row = q->Columns(0, width);
      Cursor c(row, "conflicts row");
      Conflict k;
      k.id = c.Text();
      KeyAndAsOfFromRow(c, &k.key, &k.as_of);
      k.reason = c.Text();
      k.severity = c.Real();
      k.severity_unit = c.Enum(ParseSeverityUnit, SeverityUnit::kRatio);
      k.status = std::holds_alternative<std::monostate>(row.back())
                     ? ReviewStatus::kOpen
                     : c.Enum(ParseReviewStatus, ReviewStatus::kOpen);
      if (!c.ok()) return db.Corrupt(c.error() + " (conflict " + k.id + ")");
      if (Status s = load_claims(*claims, k.id, &k.claims); !s.ok()) return s;
      out.conflicts.push_back(std::move(k));
    }
  }
  {
    StatusOr<Stmt> claims = claims_query(kAgreementTable);
    if (!claims.ok()) return claims.status();
    StatusOr<Stmt> q = Stmt::Prepare(
        db, "SELECT id, " + Join(kAgreementTable.columns) + " FROM agreements ORDER BY rank, id");
    if (!q.ok()) return q.status();
    const int width = 1 + static_cast<int>(kAgreementTable.columns.size());
    for (;;) {
      StatusOr<bool> more = q->Next("loading agreements");
      if (!more.ok()) return more.status();
      if (!*more) break;
      Row row = q->Columns(0, width);
      Cursor c(row, "agreements row");
      Agreement a;
      a.id = c.Text();
      KeyAndAsOfFromRow(c, &a.key, &a.as_of);
      a.reason = c.Text();
      if (!c.ok()) return db.Corrupt(c.error() + " (agreement " + a.id + ")");
      if (Status s = load_claims(*claims, a.id, &a.claims); !s.ok()) return s;
      out.agreements.push_back(std::move(a));
    }
  }
  return out;
}

Status Store::AddReview(std::string_view conflict_id, ReviewStatus verdict, std::string_view note,
                        std::string_view reviewer, std::string_view reviewed_at_utc) {
  const Db db{db_.get(), path_};
  if (!IsUtcTimestamp(reviewed_at_utc)) {
    return Status::InvalidArgument(path_ + ": review time '" + std::string(reviewed_at_utc) +
                                   "' is not a UTC timestamp YYYY-MM-DDTHH:MM:SSZ");
  }
  Transaction tx(db);
  if (Status s = tx.Begin(); !s.ok()) return s;
  {
    StatusOr<Stmt> q = Stmt::Prepare(db, "SELECT 1 FROM conflicts WHERE id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, Text(conflict_id));
    StatusOr<bool> found = q->Next("looking up the conflict");
    if (!found.ok()) return found.status();
    if (!*found)
      return Status::NotFound(path_ + ": no conflict " + std::string(conflict_id) + " is stored");
  }
  StatusOr<Stmt> insert =
      Stmt::Prepare(db,
                    "INSERT INTO reviews (conflict_id, verdict, note, reviewer, reviewed_at)"
                    " VALUES (?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  insert->BindRow({Text(conflict_id), Text(Name(verdict)), TextOrNull(note), TextOrNull(reviewer),
                   Text(reviewed_at_utc)});
  if (Status s = insert->Run("adding a review"); !s.ok()) return s;
  return tx.Commit();
}

}  // namespace newsrecon
