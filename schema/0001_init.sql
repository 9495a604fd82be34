-- newsrecon schema, migration 0001: the first schema.
--
-- A shipped migration is never edited: later changes go in 0002_*.sql and on.
-- The runner (pipeline/store/store.cc) applies each file in one transaction
-- and then sets PRAGMA user_version to the file's number, so this file holds
-- no BEGIN/COMMIT and no user_version. schema/README.md is the data
-- dictionary: units, time zones and what NULL means for every column.
--
-- Conventions (those Datasette and sqlite-utils pick up):
--  * lookup tables have a `name` TEXT PRIMARY KEY and a `description`; the
--    columns holding those names reference them by FOREIGN KEY;
--  * dates are ISO 8601 calendar dates ('2026-04-27') as printed, no time zone;
--    timestamps are ISO 8601 UTC ('2026-04-27T09:30:00Z');
--  * offsets are UTF-8 byte offsets into articles.text, half-open [start, end);
--  * full-text search is articles_fts, FTS5 with external content, kept in sync
--    by triggers.

------------------------------------------------------------------------------
-- Lookup tables. Names are spelled as in pipeline/core/names.cc.
------------------------------------------------------------------------------

CREATE TABLE mention_kinds (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO mention_kinds (name, description) VALUES
  ('date', 'a calendar date or period: "October 2023", "last October", "2032"'),
  ('money', 'an amount of money in a currency: "US$850 billion", "€5m"'),
  ('percent', 'a percentage or percentage points: "27%", "nearly one-third"');

CREATE TABLE hedges (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO hedges (name, description) VALUES
  ('exact', 'no hedge: the figure as printed, compared rounded to its last printed digit'),
  ('about', 'about, approximately, roughly, around, ~: within 10% either side'),
  ('more_than', 'more than, over, surpassed, exceeds, at least, upwards of: up to 25% above'),
  ('up_to', 'up to, as much as, nearly, almost, under: up to 25% below');

CREATE TABLE granularities (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO granularities (name, description) VALUES
  ('day', 'a single day: "27 April 2026"'),
  ('month', 'a calendar month: "October 2023"'),
  ('quarter', 'a calendar quarter: "Q3 2025"'),
  ('year', 'a calendar year: "2032"');

CREATE TABLE date_resolutions (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO date_resolutions (name, description) VALUES
  ('absolute', 'the text names the year: "October 2023"'),
  ('relative', 'resolved against the publication date (claims.anchor): "last October"');

CREATE TABLE as_of_bases (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO as_of_bases (name, description) VALUES
  ('explicit', 'a date in the same sentence: "in January 2023"'),
  ('event', 'an event the text ties the figure to: "after the recapitalisation"'),
  ('latest', '"latest", "now", "current": the publication date'),
  ('publication', 'nothing said: the publication date, by default'),
  ('timeless', 'a date claim: the date is the value itself');

CREATE TABLE published_methods (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO published_methods (name, description) VALUES
  ('unknown', 'no witness: the publication date is unknown'),
  ('manifest', 'the folder''s manifest.json'),
  ('command_line', 'the --published option'),
  ('json_ld', 'JSON-LD datePublished'),
  ('meta_tag', '<meta property="article:published_time"> and kin'),
  ('time_element', '<time datetime>'),
  ('url', 'a date in the URL path: /2026/04/27/'),
  ('feed', 'RSS pubDate, Atom published, sitemap news:publication_date'),
  ('http_header', 'the HTTP Last-Modified header'),
  ('text', 'a dateline in the text');

CREATE TABLE severity_units (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO severity_units (name, description) VALUES
  ('ratio', 'money and percentages: the larger bound over the smaller (850/345 = 2.46)'),
  ('months', 'dates: whole calendar months between the nearest ends of the intervals');

CREATE TABLE review_statuses (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO review_statuses (name, description) VALUES
  ('open', 'not reviewed yet, or reopened'),
  ('confirmed', 'a reviewer confirmed the discrepancy'),
  ('dismissed', 'a reviewer found no real discrepancy'),
  ('needs-work', 'a reviewer found the extraction or attribution wrong');

------------------------------------------------------------------------------
-- Articles and their full-text index.
------------------------------------------------------------------------------

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  -- The article's identity: url if it has one, else path.
  source_key TEXT NOT NULL UNIQUE,
  path TEXT,
  url TEXT,
  canonical_url TEXT,
  outlet TEXT,
  -- How newsrecon names the source (ArticleMeta::Label): the outlet, else the
  -- URL's host without "www.", else the file name. Reconcile counts sources by it.
  label TEXT NOT NULL,
  title TEXT,
  language TEXT,
  published TEXT CHECK (published IS NULL OR (published GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(published) IS NOT NULL)),
  published_method TEXT NOT NULL DEFAULT 'unknown' REFERENCES published_methods (name),
  -- 16 lowercase hex digits of FNV-1a 64 over the UTF-8 bytes of text.
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_label ON articles (label);
CREATE INDEX articles_published_method ON articles (published_method);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title,
  text,
  content = 'articles',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

------------------------------------------------------------------------------
-- Claims: one row per figure found, with what it is about.
------------------------------------------------------------------------------

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,  -- 0-based position among the article's claims
  kind TEXT NOT NULL REFERENCES mention_kinds (name),
  text TEXT NOT NULL,  -- the figure as printed, without hedge words
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  sentence_start_byte INTEGER NOT NULL,
  sentence_end_byte INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  -- kind = 'date'
  value_start TEXT,
  value_end TEXT,
  granularity TEXT REFERENCES granularities (name),
  date_resolution TEXT REFERENCES date_resolutions (name),
  anchor TEXT,
  part TEXT,
  -- kind = 'money'
  amount REAL,
  amount_high REAL,
  currency TEXT,
  -- kind = 'percent'
  percent REAL,
  percent_high REAL,
  points INTEGER CHECK (points IN (0, 1)),
  -- money and percent
  value_resolution REAL,
  hedge TEXT NOT NULL REFERENCES hedges (name),
  hedge_text TEXT,
  rule TEXT,
  entity TEXT,
  attribute TEXT,
  qualifier TEXT NOT NULL DEFAULT '',
  as_of_start TEXT NOT NULL,
  as_of_end TEXT NOT NULL,
  as_of_basis TEXT NOT NULL REFERENCES as_of_bases (name),
  as_of_event TEXT,
  interval_low REAL NOT NULL,
  interval_high REAL NOT NULL,
  UNIQUE (article_id, ordinal),  -- also the index behind article_id
  CHECK (start_byte <= end_byte AND sentence_start_byte <= sentence_end_byte),
  CHECK (kind <> 'date' OR (value_start IS NOT NULL AND value_end IS NOT NULL
                            AND granularity IS NOT NULL AND date_resolution IS NOT NULL)),
  CHECK (kind <> 'money' OR amount IS NOT NULL),
  CHECK (kind <> 'percent' OR (percent IS NOT NULL AND points IS NOT NULL))
);
CREATE INDEX claims_key ON claims (entity, attribute, qualifier);
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_granularity ON claims (granularity);
CREATE INDEX claims_date_resolution ON claims (date_resolution);
CREATE INDEX claims_hedge ON claims (hedge);
CREATE INDEX claims_as_of_basis ON claims (as_of_basis);

------------------------------------------------------------------------------
-- Findings: written by reconcile, replaced on every run.
------------------------------------------------------------------------------

CREATE TABLE conflicts (
  id TEXT PRIMARY KEY NOT NULL,  -- "c" + 12 hex digits, stable for the same pair of claims
  rank INTEGER NOT NULL,         -- 0 = most severe
  entity TEXT,
  attribute TEXT,
  qualifier TEXT NOT NULL DEFAULT '',
  as_of_start TEXT NOT NULL,
  as_of_end TEXT NOT NULL,
  as_of_basis TEXT NOT NULL REFERENCES as_of_bases (name),
  as_of_event TEXT,
  reason TEXT NOT NULL,
  severity REAL NOT NULL,
  severity_unit TEXT NOT NULL REFERENCES severity_units (name)
);
CREATE INDEX conflicts_key ON conflicts (entity, attribute, qualifier);
CREATE INDEX conflicts_as_of_basis ON conflicts (as_of_basis);
CREATE INDEX conflicts_severity_unit ON conflicts (severity_unit);

CREATE TABLE conflict_claims (
  conflict_id TEXT NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  side INTEGER NOT NULL CHECK (side IN (0, 1)),  -- 0 = earlier publication
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  PRIMARY KEY (conflict_id, side)
) WITHOUT ROWID;
CREATE INDEX conflict_claims_claim ON conflict_claims (claim_id);

CREATE TABLE agreements (
  id TEXT PRIMARY KEY NOT NULL,  -- "a" + 12 hex digits, stable for the same claims
  rank INTEGER NOT NULL,         -- 0 = most sources
  entity TEXT,
  attribute TEXT,
  qualifier TEXT NOT NULL DEFAULT '',
  as_of_start TEXT NOT NULL,
  as_of_end TEXT NOT NULL,
  as_of_basis TEXT NOT NULL REFERENCES as_of_bases (name),
  as_of_event TEXT,
  reason TEXT NOT NULL
);
CREATE INDEX agreements_key ON agreements (entity, attribute, qualifier);
CREATE INDEX agreements_as_of_basis ON agreements (as_of_basis);

CREATE TABLE agreement_claims (
  agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,  -- 0-based, in reconcile's order
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  PRIMARY KEY (agreement_id, position),
  UNIQUE (agreement_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX agreement_claims_claim ON agreement_claims (claim_id);

-- A finding that loses one of its claims (the article was re-ingested with
-- changed text, or deleted) is no longer what reconcile found: drop it whole
-- rather than leave a conflict with one side. Reconcile writes it again.
CREATE TRIGGER claims_bd BEFORE DELETE ON claims BEGIN
  DELETE FROM conflicts
    WHERE id IN (SELECT conflict_id FROM conflict_claims WHERE claim_id = old.id);
  DELETE FROM agreements
    WHERE id IN (SELECT agreement_id FROM agreement_claims WHERE claim_id = old.id);
END;

------------------------------------------------------------------------------
-- Reviews: reviewers' verdicts on conflicts, append-only.
------------------------------------------------------------------------------

-- conflict_id is deliberately NOT a foreign key: conflicts are replaced on
-- every reconcile run, and a verdict must outlive the row it judged. Because
-- conflict ids are stable for the same pair of claims, the verdict attaches
-- again when reconcile finds the same conflict.
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  conflict_id TEXT NOT NULL,
  verdict TEXT NOT NULL REFERENCES review_statuses (name),
  note TEXT,
  reviewer TEXT,
  reviewed_at TEXT NOT NULL CHECK (reviewed_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
);
CREATE INDEX reviews_conflict ON reviews (conflict_id, reviewed_at, id);
CREATE INDEX reviews_verdict ON reviews (verdict);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only: add a new review instead');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only: add a new review instead');
END;

------------------------------------------------------------------------------
-- Views.
------------------------------------------------------------------------------

-- claim_sources: one row per claim, with its quote, sentence, value and the
-- article it came from (outlet, url or path, publication date).
-- `source` is the article's label (the outlet, else the URL's host, else the
-- file name), the name reports use. `value` is a display
-- string: a date or ISO 8601 interval ('2023-10-01/2023-10-31'), money as
-- 'USD 850000000000', a percentage as '27%' or '2 points'; ranges as 'a-b'.
-- Left out: the article text, the rule's internals; the raw value columns
-- (amount, percent, value_start ...) are here for filtering, with units as
-- in claims.
CREATE VIEW claim_sources AS
SELECT
  c.id AS claim_id,
  c.article_id,
  a.label AS source,
  a.outlet,
  a.url,
  a.path,
  a.title,
  a.published,
  a.published_method,
  c.kind,
  c.text AS quote,
  c.hedge,
  c.hedge_text,
  CASE c.kind
    WHEN 'date' THEN
      CASE WHEN c.value_start = c.value_end THEN c.value_start
           ELSE c.value_start || '/' || c.value_end END
    WHEN 'money' THEN
      COALESCE(c.currency || ' ', '') || printf('%.15g', c.amount)
      || CASE WHEN c.amount_high IS NULL THEN '' ELSE '-' || printf('%.15g', c.amount_high) END
    WHEN 'percent' THEN
      printf('%.15g', c.percent)
      || CASE WHEN c.percent_high IS NULL THEN '' ELSE '-' || printf('%.15g', c.percent_high) END
      || CASE WHEN c.points THEN ' points' ELSE '%' END
  END AS value,
  c.value_start,
  c.value_end,
  c.granularity,
  c.amount,
  c.amount_high,
  c.currency,
  c.percent,
  c.percent_high,
  c.points,
  c.entity,
  c.attribute,
  c.qualifier,
  c.as_of_start,
  c.as_of_end,
  c.as_of_basis,
  c.as_of_event,
  c.interval_low,
  c.interval_high,
  c.sentence,
  c.start_byte,
  c.end_byte,
  c.rule
FROM claims AS c
JOIN articles AS a ON a.id = c.article_id;

-- latest_reviews: one row per conflict id that has at least one review: the
-- latest review (greatest reviewed_at, ties to the one added last). Conflict
-- ids with no review are left out (their status is 'open'); earlier reviews
-- are left out (see the reviews table for the history).
CREATE VIEW latest_reviews AS
SELECT r.conflict_id, r.verdict, r.note, r.reviewer, r.reviewed_at, r.id AS review_id
FROM reviews AS r
WHERE r.id = (SELECT r2.id FROM reviews AS r2
              WHERE r2.conflict_id = r.conflict_id
              ORDER BY r2.reviewed_at DESC, r2.id DESC
              LIMIT 1);

-- conflict_sides: one row per side of a conflict (two rows per conflict),
-- most severe conflict first, side 0 (earlier publication) first. Each row
-- has the conflict (key, as-of window, reason, severity), its current review
-- status (the latest review's verdict, else 'open'), this side's claim and
-- source, and the other side's quote, value and source, so one row reads as
-- "this outlet said X, that one said Y". Left out: review history (see
-- reviews), claims' byte offsets (see claim_sources).
CREATE VIEW conflict_sides AS
SELECT
  k.id AS conflict_id,
  k.rank,
  COALESCE(lr.verdict, 'open') AS status,
  k.entity,
  k.attribute,
  k.qualifier,
  k.as_of_start,
  k.as_of_end,
  k.reason,
  k.severity,
  k.severity_unit,
  cc.side,
  s.claim_id,
  s.source,
  s.outlet,
  s.url,
  s.path,
  s.published,
  s.quote,
  s.hedge,
  s.value,
  s.sentence,
  o.claim_id AS other_claim_id,
  o.source AS other_source,
  o.published AS other_published,
  o.quote AS other_quote,
  o.hedge AS other_hedge,
  o.value AS other_value,
  o.sentence AS other_sentence
FROM conflicts AS k
JOIN conflict_claims AS cc ON cc.conflict_id = k.id
JOIN claim_sources AS s ON s.claim_id = cc.claim_id
LEFT JOIN conflict_claims AS oc ON oc.conflict_id = k.id AND oc.side = 1 - cc.side
LEFT JOIN claim_sources AS o ON o.claim_id = oc.claim_id
LEFT JOIN latest_reviews AS lr ON lr.conflict_id = k.id
ORDER BY k.rank, cc.side;

-- agreement_sources: one row per claim of an agreement, most-sourced
-- agreement first, claims in reconcile's order. Each row has the agreement
-- (key, as-of window, reason, how many claims agree) and the claim with its
-- source. Left out: claims of the same source that reconcile folded into one.
CREATE VIEW agreement_sources AS
SELECT
  g.id AS agreement_id,
  g.rank,
  g.entity,
  g.attribute,
  g.qualifier,
  g.as_of_start,
  g.as_of_end,
  g.reason,
  (SELECT COUNT(*) FROM agreement_claims AS n WHERE n.agreement_id = g.id) AS claims,
  ac.position,
  s.claim_id,
  s.source,
  s.outlet,
  s.url,
  s.path,
  s.published,
  s.quote,
  s.hedge,
  s.value,
  s.sentence
FROM agreements AS g
JOIN agreement_claims AS ac ON ac.agreement_id = g.id
JOIN claim_sources AS s ON s.claim_id = ac.claim_id
ORDER BY g.rank, ac.position;

-- timeline: one row per claim that has both an entity and an attribute,
-- ordered by entity, attribute, qualifier, then the time the figure refers to
-- (as_of_start), then value (interval_low), then publication date: read down
-- one entity and attribute to see how a figure moved. Left out: claims with
-- no entity or no attribute.
CREATE VIEW timeline AS
SELECT
  entity,
  attribute,
  qualifier,
  as_of_start,
  as_of_end,
  as_of_basis,
  as_of_event,
  kind,
  hedge,
  value,
  quote,
  source,
  published,
  claim_id,
  interval_low,
  interval_high,
  sentence
FROM claim_sources
WHERE entity IS NOT NULL AND attribute IS NOT NULL
ORDER BY entity, attribute, qualifier, as_of_start, interval_low, published, claim_id;

-- outlet_counts: one row per source (articles.label: the outlet, else the
-- URL's host, else the file name), with its outlet (NULL when unknown) and how
-- many articles, claims, conflicts and agreements it takes part in. A
-- conflict between two articles of one source counts once. Ordered by
-- claims, most first. Left out: nothing; every article falls in one row.
CREATE VIEW outlet_counts AS
WITH sources AS (SELECT label, MAX(outlet) AS outlet FROM articles GROUP BY label)
SELECT
  o.label AS source,
  o.outlet,
  (SELECT COUNT(*) FROM articles AS a WHERE a.label = o.label) AS articles,
  (SELECT COUNT(*) FROM claims AS c JOIN articles AS a ON a.id = c.article_id
   WHERE a.label = o.label) AS claims,
  (SELECT COUNT(DISTINCT cc.conflict_id) FROM conflict_claims AS cc
   JOIN claims AS c ON c.id = cc.claim_id JOIN articles AS a ON a.id = c.article_id
   WHERE a.label = o.label) AS conflicts,
  (SELECT COUNT(DISTINCT ac.agreement_id) FROM agreement_claims AS ac
   JOIN claims AS c ON c.id = ac.claim_id JOIN articles AS a ON a.id = c.article_id
   WHERE a.label = o.label) AS agreements
FROM sources AS o
ORDER BY claims DESC, source;
