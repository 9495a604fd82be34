-- newsrecon schema, migration 0004: the fact-checker's desk and the
-- researcher's file.
--
-- Adds:
--  * schema_docs: the data dictionary as data, one row per table, view and
--    column, so that sqlite3, sqlite-utils and Datasette users (and
--    `newsrecon datasette-metadata`) read the same words as schema/README.md;
--  * review_history: every review with what it judged, for the desk.
--
-- Later migrations that add tables, views or columns add their schema_docs
-- rows too (the test tests/store/desk_test.cc lists any object without one).
-- Like every migration: no BEGIN/COMMIT, no user_version (the runner sets it).

------------------------------------------------------------------------------
-- schema_docs
------------------------------------------------------------------------------

CREATE TABLE schema_docs (
  id INTEGER PRIMARY KEY,
  object TEXT NOT NULL,        -- a table or view name, as in sqlite_master
  "column" TEXT,               -- a column of it; NULL: the row describes the object itself
  kind TEXT NOT NULL CHECK (kind IN ('table', 'view', 'column')),
  description TEXT NOT NULL,
  unit TEXT,                   -- NULL: no unit (names, text, ids)
  time_zone TEXT,              -- NULL: not a date or time
  null_means TEXT,             -- NULL: the column is NOT NULL (or the row is an object)
  CHECK ((kind = 'column') = ("column" IS NOT NULL))
);
CREATE UNIQUE INDEX schema_docs_key ON schema_docs (object, COALESCE("column", ''));

-- review_history: one row per review ever added, oldest first, with the key
-- and reason of the conflict it judged when that conflict is still stored
-- (NULL when reconcile no longer finds it: its articles changed), and
-- whether it is the conflict's current verdict. Left out: the conflict's
-- claims (see conflict_sides).
CREATE VIEW review_history AS
SELECT
  r.id AS review_id,
  r.conflict_id,
  r.reviewed_at,
  r.reviewer,
  r.verdict,
  r.note,
  (lr.review_id IS NOT NULL) AS current,
  k.entity,
  k.attribute,
  k.qualifier,
  k.reason
FROM reviews AS r
LEFT JOIN latest_reviews AS lr ON lr.review_id = r.id
LEFT JOIN conflicts AS k ON k.id = r.conflict_id
ORDER BY r.conflict_id, r.reviewed_at, r.id;

------------------------------------------------------------------------------
-- Objects.
------------------------------------------------------------------------------

INSERT INTO schema_docs (object, "column", kind, description) VALUES
  ('mention_kinds', NULL, 'table', 'Lookup: the kinds of figure newsrecon finds (date, money, percent).'),
  ('hedges', NULL, 'table', 'Lookup: how an outlet bounds a figure (exact, about, more_than, up_to), with the band each one allows.'),
  ('granularities', NULL, 'table', 'Lookup: the size of the period a date names (day, month, quarter, year).'),
  ('date_resolutions', NULL, 'table', 'Lookup: whether a date names its year (absolute) or was worked out from the publication date (relative).'),
  ('as_of_bases', NULL, 'table', 'Lookup: where the time a figure refers to came from (explicit, event, latest, publication, timeless).'),
  ('published_methods', NULL, 'table', 'Lookup: which witness gave an article its publication date.'),
  ('severity_units', NULL, 'table', 'Lookup: how a conflict''s severity is measured (ratio, months).'),
  ('review_statuses', NULL, 'table', 'Lookup: a reviewer''s verdicts on a conflict (open, confirmed, dismissed, needs-work).'),
  ('articles', NULL, 'table', 'One row per article: its text, outlet, URL or file, and publication date with the witness that gave it.'),
  ('articles_fts', NULL, 'table', 'FTS5 full-text index over articles.title and articles.text (external content, kept in sync by triggers). Join on articles_fts.rowid = articles.id; query with MATCH.'),
  ('claims', NULL, 'table', 'One row per figure found in an article (date, money, percent), with its quote, sentence, value, hedge and what it is about (entity, attribute, as-of time).'),
  ('conflicts', NULL, 'table', 'Pairs of claims from different sources that cannot both be right: same key, overlapping as-of windows, value intervals that do not overlap. Rewritten by every ingest; ids are stable.'),
  ('conflict_claims', NULL, 'table', 'The two claims of each conflict: side 0 (earlier publication) and side 1.'),
  ('agreements', NULL, 'table', 'Claims from two or more sources that agree on a key. Rewritten by every ingest; ids are stable.'),
  ('agreement_claims', NULL, 'table', 'The claims of each agreement, one per source.'),
  ('reviews', NULL, 'table', 'Reviewers'' verdicts on conflicts, append-only: a new verdict is a new row; the latest one is the conflict''s status.'),
  ('schema_docs', NULL, 'table', 'This data dictionary: one row per table, view and column, with unit, time zone and what NULL means.'),
  ('claim_sources', NULL, 'view', 'One row per claim with its quote, sentence, display value and the article it came from. Left out: article text.'),
  ('latest_reviews', NULL, 'view', 'One row per reviewed conflict id: its latest review. Left out: never-reviewed conflicts (status open) and earlier reviews.'),
  ('conflict_sides', NULL, 'view', 'One row per side of a conflict (two per conflict), with the other side''s quote and source on the same row and the current review status. Left out: review history.'),
  ('agreement_sources', NULL, 'view', 'One row per claim of an agreement, with the agreement''s key and reason and how many claims agree.'),
  ('timeline', NULL, 'view', 'One row per attributed claim, ordered by entity, attribute, qualifier, then the time the figure refers to: read down one entity and attribute to see how a figure moved. Left out: claims without entity or attribute.'),
  ('outlet_counts', NULL, 'view', 'One row per source with how many articles, claims, conflicts and agreements it takes part in, most claims first.'),
  ('review_history', NULL, 'view', 'One row per review ever added, oldest first per conflict, with the judged conflict''s key and reason while it is still stored.');

------------------------------------------------------------------------------
-- Columns of the lookup tables (all alike).
------------------------------------------------------------------------------

INSERT INTO schema_docs (object, "column", kind, description)
SELECT t.object, 'name', 'column',
       'The name stored in the columns that reference this table (primary key).'
FROM schema_docs AS t
WHERE t.kind = 'table' AND t.object IN ('mention_kinds', 'hedges', 'granularities',
  'date_resolutions', 'as_of_bases', 'published_methods', 'severity_units', 'review_statuses');
INSERT INTO schema_docs (object, "column", kind, description)
SELECT t.object, 'description', 'column', 'What the name means, in words.'
FROM schema_docs AS t
WHERE t.kind = 'table' AND t.object IN ('mention_kinds', 'hedges', 'granularities',
  'date_resolutions', 'as_of_bases', 'published_methods', 'severity_units', 'review_statuses');

------------------------------------------------------------------------------
-- Columns of the tables.
------------------------------------------------------------------------------

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('articles', 'id', 'column', 'Row id; kept when the article is re-ingested with changes.', NULL, NULL, NULL),
  ('articles', 'source_key', 'column', 'The article''s identity: its URL if it has one, else its file path. Ingesting an article with the same key updates its row.', NULL, NULL, NULL),
  ('articles', 'path', 'column', 'Local file the article was read from.', NULL, NULL, 'fetched from the web, no file'),
  ('articles', 'url', 'column', 'URL as given by the source (manifest, --url, feed).', NULL, NULL, 'no URL known'),
  ('articles', 'canonical_url', 'column', 'rel=canonical or og:url of the page.', NULL, NULL, 'none given'),
  ('articles', 'outlet', 'column', 'Publication name, e.g. Ars Technica.', NULL, NULL, 'unknown'),
  ('articles', 'label', 'column', 'The name newsrecon shows for the source: the outlet, else the URL''s host without www., else the file name. Two claims are different sources only when their labels differ.', NULL, NULL, NULL),
  ('articles', 'title', 'column', 'Headline.', NULL, NULL, 'unknown'),
  ('articles', 'language', 'column', 'BCP 47 language tag (en).', NULL, NULL, 'unknown'),
  ('articles', 'published', 'column', 'Publication date as the outlet gives it (its local day).', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day as printed', 'unknown; relative dates in the text stay unresolved'),
  ('articles', 'published_method', 'column', 'Which witness gave published (see published_methods).', NULL, NULL, NULL),
  ('articles', 'content_hash', 'column', '16 lowercase hex digits of the 64-bit FNV-1a hash of text''s UTF-8 bytes; equal hashes find the same text under two URLs.', NULL, NULL, NULL),
  ('articles', 'text', 'column', 'The main text as printed (UTF-8, blocks separated by a newline); every byte offset points into it.', NULL, NULL, NULL),
  ('articles_fts', 'title', 'column', 'Indexed copy of articles.title.', NULL, NULL, 'the article has no title'),
  ('articles_fts', 'text', 'column', 'Indexed copy of articles.text.', NULL, NULL, NULL),

  ('claims', 'id', 'column', 'Row id. Re-ingesting a changed article replaces all its claims with new ids.', NULL, NULL, NULL),
  ('claims', 'article_id', 'column', 'The article (articles.id); deleting it deletes its claims.', NULL, NULL, NULL),
  ('claims', 'ordinal', 'column', '0-based position among the article''s claims, in text order.', NULL, NULL, NULL),
  ('claims', 'kind', 'column', 'date, money or percent (see mention_kinds).', NULL, NULL, NULL),
  ('claims', 'text', 'column', 'The figure exactly as printed, without hedge words ($29 billion).', NULL, NULL, NULL),
  ('claims', 'start_byte', 'column', 'Where the figure starts in articles.text.', 'UTF-8 bytes, half-open [start, end)', NULL, NULL),
  ('claims', 'end_byte', 'column', 'Where the figure ends in articles.text.', 'UTF-8 bytes, half-open [start, end)', NULL, NULL),
  ('claims', 'sentence_start_byte', 'column', 'Where the sentence holding the figure starts in articles.text.', 'UTF-8 bytes, half-open [start, end)', NULL, NULL),
  ('claims', 'sentence_end_byte', 'column', 'Where that sentence ends in articles.text.', 'UTF-8 bytes, half-open [start, end)', NULL, NULL),
  ('claims', 'sentence', 'column', 'The sentence holding the figure, as printed.', NULL, NULL, NULL),
  ('claims', 'value_start', 'column', 'Dates only: the first day of the period named (October 2023 is 2023-10-01).', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', 'not a date'),
  ('claims', 'value_end', 'column', 'Dates only: the last day of the period named (October 2023 is 2023-10-31).', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', 'not a date'),
  ('claims', 'granularity', 'column', 'Dates only: day, month, quarter or year (see granularities).', NULL, NULL, 'not a date'),
  ('claims', 'date_resolution', 'column', 'Dates only: absolute or relative (see date_resolutions).', NULL, NULL, 'not a date'),
  ('claims', 'anchor', 'column', 'Relative dates only: the publication date they were resolved against.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', 'an absolute date, or not a date'),
  ('claims', 'part', 'column', 'Dates only: early, mid, late or end when the text narrows the period.', NULL, NULL, 'no narrowing, or not a date'),
  ('claims', 'amount', 'column', 'Money only: the amount (the lower end of a range).', 'units of currency (850000000000 for $850 billion)', NULL, 'not money'),
  ('claims', 'amount_high', 'column', 'Money only: the upper end of a range ($10-15 billion).', 'units of currency', NULL, 'not a range, or not money'),
  ('claims', 'currency', 'column', 'Money only: ISO 4217 code (USD, EUR).', NULL, NULL, 'not money'),
  ('claims', 'percent', 'column', 'Percentages only: the percentage, negative for falls (the lower end of a range).', 'percent (27 for 27%)', NULL, 'not a percentage'),
  ('claims', 'percent_high', 'column', 'Percentages only: the upper end of a range (20-25%).', 'percent', NULL, 'not a range, or not a percentage'),
  ('claims', 'points', 'column', 'Percentages only: 1 for percentage points (a difference of percentages), else 0.', 'boolean 0/1', NULL, 'not a percentage'),
  ('claims', 'value_resolution', 'column', 'Money and percent: the place value of the last digit printed (1e9 for $13 billion, 1 for 27%); exact figures are compared rounded to it.', 'the value''s unit', NULL, 'a date'),
  ('claims', 'hedge', 'column', 'How the outlet bounds the figure (see hedges).', NULL, NULL, NULL),
  ('claims', 'hedge_text', 'column', 'The words that set the hedge (nearly).', NULL, NULL, 'no hedge words'),
  ('claims', 'rule', 'column', 'The extraction rule that matched (money.symbol_amount); for tracing, not analysis.', NULL, NULL, 'unknown'),
  ('claims', 'entity', 'column', 'Who or what the figure is about (OpenAI).', NULL, NULL, 'not attributed'),
  ('claims', 'attribute', 'column', 'What is measured (valuation, investment, stake, ...).', NULL, NULL, 'not attributed'),
  ('claims', 'qualifier', 'column', 'A meaning-changing qualifier (initial, total); the empty string for none, so that = and GROUP BY work.', NULL, NULL, NULL),
  ('claims', 'as_of_start', 'column', 'The first day the figure refers to (not the publication date: in January 2023 is 2023-01-01).', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', NULL),
  ('claims', 'as_of_end', 'column', 'The last day the figure refers to.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', NULL),
  ('claims', 'as_of_basis', 'column', 'Where the as-of window came from (see as_of_bases); timeless for date claims.', NULL, NULL, NULL),
  ('claims', 'as_of_event', 'column', 'The event''s name when as_of_basis is event (recapitalisation).', NULL, NULL, 'the basis is not an event'),
  ('claims', 'interval_low', 'column', 'Lower end of the closed interval the value allows once hedge and rounding are applied; used to compare claims.', 'money: currency units; percent: percent; dates: days since 1970-01-01', NULL, NULL),
  ('claims', 'interval_high', 'column', 'Upper end of that interval.', 'money: currency units; percent: percent; dates: days since 1970-01-01', NULL, NULL),

  ('conflicts', 'id', 'column', 'c + 12 hex digits, a hash of the key and the two claims'' identities (article URL or path, span, text): the same conflict has the same id in every run and database.', NULL, NULL, NULL),
  ('conflicts', 'rank', 'column', '0 = most severe; the order reports use.', NULL, NULL, NULL),
  ('conflicts', 'entity', 'column', 'The entity both claims are about.', NULL, NULL, 'never for stored conflicts'),
  ('conflicts', 'attribute', 'column', 'The attribute both claims measure.', NULL, NULL, 'never for stored conflicts'),
  ('conflicts', 'qualifier', 'column', 'The qualifier both claims share; the empty string for none.', NULL, NULL, NULL),
  ('conflicts', 'as_of_start', 'column', 'First day where the two claims'' as-of windows overlap.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', NULL),
  ('conflicts', 'as_of_end', 'column', 'Last day where the two claims'' as-of windows overlap.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', NULL),
  ('conflicts', 'as_of_basis', 'column', 'As in claims (see as_of_bases).', NULL, NULL, NULL),
  ('conflicts', 'as_of_event', 'column', 'As in claims: the event''s name when the basis is event.', NULL, NULL, 'the basis is not an event'),
  ('conflicts', 'reason', 'column', 'One sentence a fact-checker can read.', NULL, NULL, NULL),
  ('conflicts', 'severity', 'column', 'How far apart the two values are.', 'see severity_unit: a ratio >= 1, or whole months', NULL, NULL),
  ('conflicts', 'severity_unit', 'column', 'ratio or months (see severity_units).', NULL, NULL, NULL),
  ('conflict_claims', 'conflict_id', 'column', 'The conflict (conflicts.id).', NULL, NULL, NULL),
  ('conflict_claims', 'side', 'column', '0 = the earlier publication, 1 = the later one.', NULL, NULL, NULL),
  ('conflict_claims', 'claim_id', 'column', 'The claim on this side (claims.id).', NULL, NULL, NULL),

  ('agreements', 'id', 'column', 'a + 12 hex digits, a hash of the key and the claims'' identities: stable across runs.', NULL, NULL, NULL),
  ('agreements', 'rank', 'column', '0 = most sources; the order reports use.', NULL, NULL, NULL),
  ('agreements', 'entity', 'column', 'The entity the claims are about.', NULL, NULL, 'never for stored agreements'),
  ('agreements', 'attribute', 'column', 'The attribute the claims measure.', NULL, NULL, 'never for stored agreements'),
  ('agreements', 'qualifier', 'column', 'The qualifier the claims share; the empty string for none.', NULL, NULL, NULL),
  ('agreements', 'as_of_start', 'column', 'First day of the as-of window the claims share.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', NULL),
  ('agreements', 'as_of_end', 'column', 'Last day of that window.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', NULL),
  ('agreements', 'as_of_basis', 'column', 'As in claims (see as_of_bases).', NULL, NULL, NULL),
  ('agreements', 'as_of_event', 'column', 'As in claims: the event''s name when the basis is event.', NULL, NULL, 'the basis is not an event'),
  ('agreements', 'reason', 'column', 'One sentence: how many sources agree on what.', NULL, NULL, NULL),
  ('agreement_claims', 'agreement_id', 'column', 'The agreement (agreements.id).', NULL, NULL, NULL),
  ('agreement_claims', 'position', 'column', '0-based position in reconcile''s order.', NULL, NULL, NULL),
  ('agreement_claims', 'claim_id', 'column', 'The claim (claims.id), one per source.', NULL, NULL, NULL),

  ('reviews', 'id', 'column', 'Order of entry.', NULL, NULL, NULL),
  ('reviews', 'conflict_id', 'column', 'The conflict judged. Not a foreign key on purpose: conflicts are rewritten on every run and a verdict must outlive the row it judged; since ids are stable it attaches again.', NULL, NULL, NULL),
  ('reviews', 'verdict', 'column', 'confirmed, dismissed, needs-work, or open to reopen (see review_statuses).', NULL, NULL, NULL),
  ('reviews', 'note', 'column', 'The reviewer''s note.', NULL, NULL, 'no note'),
  ('reviews', 'reviewer', 'column', 'Who reviewed.', NULL, NULL, 'not given'),
  ('reviews', 'reviewed_at', 'column', 'When the review was added.', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', NULL),

  ('schema_docs', 'id', 'column', 'Row id.', NULL, NULL, NULL),
  ('schema_docs', 'object', 'column', 'A table or view name, as in sqlite_master.', NULL, NULL, NULL),
  ('schema_docs', 'column', 'column', 'A column of that object.', NULL, NULL, 'the row describes the object itself'),
  ('schema_docs', 'kind', 'column', 'table, view or column.', NULL, NULL, NULL),
  ('schema_docs', 'description', 'column', 'What it holds, in words.', NULL, NULL, NULL),
  ('schema_docs', 'unit', 'column', 'The unit or format of the values.', NULL, NULL, 'no unit (names, text, ids)'),
  ('schema_docs', 'time_zone', 'column', 'The time zone of dates and times in the column.', NULL, NULL, 'not a date or time'),
  ('schema_docs', 'null_means', 'column', 'What a NULL in the column means.', NULL, NULL, 'the column is NOT NULL, or the row describes an object');

------------------------------------------------------------------------------
-- Columns of the views: the ones that are new here, then those copied from
-- the table or view they come from (same name, same meaning).
------------------------------------------------------------------------------

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('claim_sources', 'claim_id', 'column', 'The claim (claims.id).', NULL, NULL, NULL),
  ('claim_sources', 'source', 'column', 'The article''s label: the outlet, else the URL''s host, else the file name; the name reports use.', NULL, NULL, NULL),
  ('claim_sources', 'quote', 'column', 'The figure exactly as printed (claims.text).', NULL, NULL, NULL),
  ('claim_sources', 'value', 'column', 'The value for display: a date or ISO 8601 interval (2023-10-01/2023-10-31), money as USD 850000000000, a percentage as 27% or 2 points; ranges as a-b.', NULL, NULL, NULL),
  ('latest_reviews', 'review_id', 'column', 'The review (reviews.id).', NULL, NULL, NULL),
  ('conflict_sides', 'conflict_id', 'column', 'The conflict (conflicts.id).', NULL, NULL, NULL),
  ('conflict_sides', 'status', 'column', 'The current review status: the latest review''s verdict, else open.', NULL, NULL, NULL),
  ('conflict_sides', 'side', 'column', '0 = the earlier publication, 1 = the later one.', NULL, NULL, NULL),
  ('conflict_sides', 'other_claim_id', 'column', 'The other side''s claim (claims.id).', NULL, NULL, 'never'),
  ('conflict_sides', 'other_source', 'column', 'The other side''s source label.', NULL, NULL, 'never'),
  ('conflict_sides', 'other_published', 'column', 'The other side''s publication date.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day', 'unknown'),
  ('conflict_sides', 'other_quote', 'column', 'The other side''s figure as printed.', NULL, NULL, 'never'),
  ('conflict_sides', 'other_hedge', 'column', 'The other side''s hedge.', NULL, NULL, 'never'),
  ('conflict_sides', 'other_value', 'column', 'The other side''s display value (as claim_sources.value).', NULL, NULL, 'never'),
  ('conflict_sides', 'other_sentence', 'column', 'The other side''s sentence as printed.', NULL, NULL, 'never'),
  ('agreement_sources', 'agreement_id', 'column', 'The agreement (agreements.id).', NULL, NULL, NULL),
  ('agreement_sources', 'claims', 'column', 'How many claims (one a source) the agreement holds.', 'count', NULL, NULL),
  ('agreement_sources', 'position', 'column', '0-based position of this claim in the agreement.', NULL, NULL, NULL),
  ('outlet_counts', 'articles', 'column', 'How many articles the source has.', 'count', NULL, NULL),
  ('outlet_counts', 'claims', 'column', 'How many claims its articles hold.', 'count', NULL, NULL),
  ('outlet_counts', 'conflicts', 'column', 'How many conflicts it takes part in (a conflict between two of its own articles counts once).', 'count', NULL, NULL),
  ('outlet_counts', 'agreements', 'column', 'How many agreements it takes part in.', 'count', NULL, NULL),
  ('review_history', 'review_id', 'column', 'The review (reviews.id).', NULL, NULL, NULL),
  ('review_history', 'current', 'column', '1 when this review is the conflict''s current verdict (its latest), else 0.', 'boolean 0/1', NULL, NULL),
  ('review_history', 'entity', 'column', 'The judged conflict''s entity.', NULL, NULL, 'the conflict is no longer stored'),
  ('review_history', 'attribute', 'column', 'The judged conflict''s attribute.', NULL, NULL, 'the conflict is no longer stored'),
  ('review_history', 'qualifier', 'column', 'The judged conflict''s qualifier.', NULL, NULL, 'the conflict is no longer stored'),
  ('review_history', 'reason', 'column', 'The judged conflict''s reason.', NULL, NULL, 'the conflict is no longer stored');

-- Copies, one statement per (view, source) in order of preference, so that a
-- view copies from a view filled just before: a column documented above
-- keeps its row; otherwise the first source with that column name gives its
-- words.
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'claim_sources', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('claim_sources') AS p
JOIN schema_docs AS d ON d.object = 'claims' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'claim_sources' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'claim_sources', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('claim_sources') AS p
JOIN schema_docs AS d ON d.object = 'articles' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'claim_sources' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'latest_reviews', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('latest_reviews') AS p
JOIN schema_docs AS d ON d.object = 'reviews' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'latest_reviews' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'conflict_sides', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('conflict_sides') AS p
JOIN schema_docs AS d ON d.object = 'conflicts' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'conflict_sides' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'conflict_sides', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('conflict_sides') AS p
JOIN schema_docs AS d ON d.object = 'claim_sources' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'conflict_sides' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'agreement_sources', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('agreement_sources') AS p
JOIN schema_docs AS d ON d.object = 'agreements' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'agreement_sources' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'agreement_sources', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('agreement_sources') AS p
JOIN schema_docs AS d ON d.object = 'claim_sources' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'agreement_sources' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'timeline', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('timeline') AS p
JOIN schema_docs AS d ON d.object = 'claim_sources' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'timeline' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'outlet_counts', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('outlet_counts') AS p
JOIN schema_docs AS d ON d.object = 'claim_sources' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'outlet_counts' AND e."column" = p.name);
INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'review_history', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('review_history') AS p
JOIN schema_docs AS d ON d.object = 'reviews' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'review_history' AND e."column" = p.name);

------------------------------------------------------------------------------
-- Objects and columns of 0002 (the web) and 0003 (runs), documented here
-- because neither had shipped when schema_docs was added.
------------------------------------------------------------------------------

INSERT INTO schema_docs (object, "column", kind, description) VALUES
  ('fetch_outcomes', NULL, 'table', 'Lookup: how a fetch attempt ended (ok, not_modified, http_error, timeout, too_large, too_many_redirects, robots_disallowed, bad_url, network_error).'),
  ('failure_classes', NULL, 'table', 'Lookup: what kind of failure a fetch was (none, temporary, soft, hard): whether and how soon the URL is worth asking again.'),
  ('run_statuses', NULL, 'table', 'Lookup: how a run, or one source of a run, stands or ended (running, ok, partial, failed, interrupted).'),
  ('article_change_kinds', NULL, 'table', 'Lookup: what happened to an article in article_changes (new, changed).'),
  ('fetches', NULL, 'table', 'The fetch log, append-only: one row per fetch of a URL (feed, sitemap or page), however it ended, with its HTTP status, outcome, validators, size and time.'),
  ('url_state', NULL, 'table', 'One row per URL ever fetched: what its next conditional GET sends (ETag, Last-Modified), the hash of the last body kept, and the failures since its last success.'),
  ('feed_entries', NULL, 'table', 'One row per (source, article URL): the articles each feed or sitemap listed, kept from the first time it listed them. The article itself is in articles (articles.url) once fetched.'),
  ('date_witnesses', NULL, 'table', 'One row per place that said when an article was published (JSON-LD, meta tag, <time>, URL path, feed, HTTP header), in the order found; the one that gave articles.published is marked chosen. Replaced whole when the article is stored again with different witnesses.'),
  ('runs', NULL, 'table', 'One row per newsrecon ingest: written when it starts (status running) and completed when it ends, with its exit code and counts. Counts are written at the end: 0 while running and for runs killed before their end, which the next run marks interrupted.'),
  ('run_sources', NULL, 'table', 'One row per source (a path, feed or site URL) of a run, written when the run has finished with that source: its status, documents, failures and new or changed articles. A run killed in the middle of a source has no row for it.'),
  ('article_changes', NULL, 'table', 'One row each time an article is stored for the first time (new) or its row changes (changed), written by triggers in the article''s own transaction, with the run that was running. No time of its own: join runs for it.'),
  ('run_summary', NULL, 'view', 'One row per run, newest first, with its duration in seconds and its main counts. Left out: per-source detail (see run_sources); sources, fetch counts, pid, version and command (see runs).'),
  ('source_health', NULL, 'view', 'One row per source ever given to a run (run_sources.source), most troubled first: failed runs since its last success, its latest failure, and how long since it last brought a new article (stale after 14 days). Left out: runs killed before finishing the source; the fetches of the articles a source listed (see fetches and url_state).');

INSERT INTO schema_docs (object, "column", kind, description)
SELECT t.object, 'name', 'column',
       'The name stored in the columns that reference this table (primary key).'
FROM schema_docs AS t
WHERE t.kind = 'table' AND t.object IN ('fetch_outcomes', 'failure_classes', 'run_statuses',
  'article_change_kinds');
INSERT INTO schema_docs (object, "column", kind, description)
SELECT t.object, 'description', 'column', 'What the name means, in words.'
FROM schema_docs AS t
WHERE t.kind = 'table' AND t.object IN ('fetch_outcomes', 'failure_classes', 'run_statuses',
  'article_change_kinds');

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('articles', 'byline', 'column', 'The author(s) as printed on the page (JSON-LD author, meta author, rel=author or a byline element; at most 200 bytes).', NULL, NULL, 'none named (always for plain text)'),
  ('articles', 'charset', 'column', 'The charset the article''s bytes were decoded from, as ICU names it (UTF-8, windows-1252, Shift_JIS); UTF-8 for plain-text files without a declaration.', NULL, NULL, 'not recorded: stored before migration 0002 and unchanged since, or by a program using the library without its web metadata'),
  ('articles', 'charset_method', 'column', 'What decided charset: bom (a byte-order mark), http (the Content-Type header), meta (the page''s <meta charset>), utf8-valid (the bytes are valid UTF-8 and nothing, or a contradicted single-byte charset, was declared), detector (ICU''s charset detector), default (nothing to go on: UTF-8 for plain text, windows-1252 for HTML).', NULL, NULL, 'as charset: not recorded'),
  ('articles', 'dates_disagree', 'column', '1 when two publication (not modification) witnesses name days more than one day apart: the chosen date deserves a second look (see date_witnesses); else 0.', 'boolean 0/1', NULL, NULL),

  ('fetches', 'id', 'column', 'Row id, in order of recording.', NULL, NULL, NULL),
  ('fetches', 'run_id', 'column', 'The ingest run the fetch belongs to (runs.id). Deliberately no foreign key: migration 0002 came before the runs table.', NULL, NULL, 'fetched outside a recorded run'),
  ('fetches', 'source_url', 'column', 'The [[source]] URL (feed, sitemap or page) that led to this fetch; child sitemaps and the articles they list are fetched under their source''s URL.', NULL, NULL, NULL),
  ('fetches', 'url', 'column', 'The URL asked for, absolute (articles as the feed gave them, tracking parameters dropped).', NULL, NULL, NULL),
  ('fetches', 'final_url', 'column', 'Where the redirects ended (the URL itself when there were none).', NULL, NULL, 'no transfer was made (a bad URL, robots.txt disallows it)'),
  ('fetches', 'http_status', 'column', 'The status of the last HTTP response received, after redirects and retries.', 'HTTP status code, 100-599', NULL, 'no answer came (DNS, connection or TLS error, timeout, bad URL, robots.txt)'),
  ('fetches', 'outcome', 'column', 'How the fetch ended (see fetch_outcomes).', NULL, NULL, NULL),
  ('fetches', 'failure_class', 'column', 'What kind of failure: temporary, soft or hard (see failure_classes).', NULL, NULL, 'no failure: outcome ok or not_modified'),
  ('fetches', 'etag', 'column', 'The ETag response header as sent, quotes included; on a 304 without one, the ETag the request sent.', NULL, NULL, 'the response had none, or no answer came'),
  ('fetches', 'last_modified', 'column', 'The Last-Modified response header as sent (Wed, 21 Oct 2015 07:28:00 GMT); on a 304 without one, the value the request sent.', 'HTTP date (RFC 9110 IMF-fixdate), as sent', 'GMT (UTC), as the header says', 'the response had none, or no answer came'),
  ('fetches', 'content_type', 'column', 'The Content-Type header as sent (text/html; charset=utf-8).', NULL, NULL, 'the response had none, or no answer came'),
  ('fetches', 'bytes', 'column', 'Body bytes received in the last attempt, after Content-Encoding is undone (counted for failures too, at most the size limit; only ok keeps the body).', 'bytes (decoded)', NULL, 'not recorded'),
  ('fetches', 'attempts', 'column', 'Transfers made for the URL, retries included (robots.txt not counted); 1 when none was made (a bad URL, robots.txt).', 'count', NULL, NULL),
  ('fetches', 'seconds', 'column', 'Wall time from the first attempt''s start to the end, back-off waits between retries included.', 'seconds', NULL, 'not recorded'),
  ('fetches', 'started_at', 'column', 'When the first attempt started (when the row was written, if no transfer was made).', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', NULL),
  ('fetches', 'error', 'column', 'What went wrong, in words, naming the URL.', NULL, NULL, 'no failure: outcome ok or not_modified'),
  ('fetches', 'content_hash', 'column', '16 lowercase hex digits of the 64-bit FNV-1a hash of the body bytes (Content-Encoding undone, before charset decoding).', NULL, NULL, 'no body kept: any outcome but ok'),

  ('url_state', 'url', 'column', 'The URL, as asked for (fetches.url).', NULL, NULL, NULL),
  ('url_state', 'etag', 'column', 'The ETag of the last 2xx answer (or of a 304 that sent one), sent back as If-None-Match.', NULL, NULL, 'the server gave none, or no 2xx answer yet'),
  ('url_state', 'last_modified', 'column', 'The Last-Modified of the last 2xx answer (or of a 304 that sent one), sent back as If-Modified-Since.', 'HTTP date (RFC 9110 IMF-fixdate), as sent', 'GMT (UTC), as the header says', 'the server gave none, or no 2xx answer yet'),
  ('url_state', 'content_hash', 'column', 'FNV-1a 64 (16 lowercase hex digits) of the last body kept: an unchanged body is not parsed again even when the server ignores validators.', NULL, NULL, 'no 2xx answer yet'),
  ('url_state', 'last_status', 'column', 'The last HTTP status received for the URL; a later try that got no answer leaves it as it was.', 'HTTP status code, 100-599', NULL, 'no fetch of it has had an answer yet'),
  ('url_state', 'last_fetched_at', 'column', 'When its last recorded fetch started, whatever the outcome. A 2xx answer is recorded once what it held is stored, so a run killed in between fetches it again.', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', NULL),
  ('url_state', 'failures_in_a_row', 'column', 'Failed fetches since the last success; 0 after a 2xx or a 304.', 'count', NULL, NULL),
  ('url_state', 'last_failure_class', 'column', 'The last fetch''s failure class (see failure_classes); an article whose last fetch was a hard failure is not asked again while its feed is unchanged.', NULL, NULL, 'the last fetch succeeded (ok or not_modified)'),

  ('feed_entries', 'source_url', 'column', 'The [[source]] URL of the feed or sitemap that listed the article; entries of the child sitemaps of a sitemap index are recorded under it too.', NULL, NULL, NULL),
  ('feed_entries', 'url', 'column', 'The article''s URL, absolute, tracking parameters dropped; articles.url once it is fetched.', NULL, NULL, NULL),
  ('feed_entries', 'title', 'column', 'The entry''s title as the feed gave it (plain text); filled in later if a first listing lacked it.', NULL, NULL, 'the feed gave none'),
  ('feed_entries', 'outlet', 'column', 'The feed''s channel title or the sitemap''s news:publication name.', NULL, NULL, 'the feed gave none'),
  ('feed_entries', 'first_seen_at', 'column', 'When this source first listed the article (when that listing was read).', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', NULL),

  ('date_witnesses', 'article_id', 'column', 'The article (articles.id); deleting it deletes its witnesses.', NULL, NULL, NULL),
  ('date_witnesses', 'ordinal', 'column', '0-based position among the article''s witnesses, in the order found.', NULL, NULL, NULL),
  ('date_witnesses', 'method', 'column', 'What kind of witness: json_ld, meta_tag, time_element, url, feed, http_header, text ... (see published_methods).', NULL, NULL, NULL),
  ('date_witnesses', 'where_found', 'column', 'Which field said it: json-ld datePublished, meta article:published_time, time[datetime], url path, rss pubDate, http Last-Modified ...', NULL, NULL, NULL),
  ('date_witnesses', 'raw', 'column', 'The value as printed there, trimmed, at most 200 bytes.', NULL, NULL, NULL),
  ('date_witnesses', 'date', 'column', 'Its calendar day, in the time zone the value itself states.', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day, in the zone the witness states', 'the value could not be read as a date'),
  ('date_witnesses', 'modified', 'column', '1 when the witness gives a modification date (dateModified, lastmod, updated, Last-Modified), 0 for a publication date.', 'boolean 0/1', NULL, NULL),
  ('date_witnesses', 'chosen', 'column', '1 for the witness that gave articles.published (at most one per article), else 0.', 'boolean 0/1', NULL, NULL),

  ('runs', 'id', 'column', 'Row id, in order of start; run_sources.run_id, article_changes.run_id and fetches.run_id point to it.', NULL, NULL, NULL),
  ('runs', 'run_uuid', 'column', '32 lowercase hex digits, random: the run_id of the run''s JSON log lines.', NULL, NULL, NULL),
  ('runs', 'started_at', 'column', 'When the run started.', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', NULL),
  ('runs', 'finished_at', 'column', 'When the run ended.', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', 'still running, or killed before its end (status running or interrupted)'),
  ('runs', 'status', 'column', 'running, ok, partial, failed or interrupted (see run_statuses).', NULL, NULL, NULL),
  ('runs', 'exit_code', 'column', 'The process''s exit code (sysexits; see the README''s exit codes).', NULL, NULL, 'the run has not ended: still running, or interrupted'),
  ('runs', 'pid', 'column', 'The process id of the run, to tell who holds the run lock.', NULL, NULL, 'not recorded'),
  ('runs', 'version', 'column', 'newsrecon''s version (0.1.0); library when a program called the library''s Ingest.', NULL, NULL, NULL),
  ('runs', 'command', 'column', 'What was asked: ingest --db FILE with --strict, --published, --sources and the paths given; ingest for the library.', NULL, NULL, NULL),
  ('runs', 'sources', 'column', 'Sources given: paths, feeds or sites.', 'count', NULL, NULL),
  ('runs', 'sources_failed', 'column', 'Of those, the ones that could not be read at all (a missing path, a feed that could not be fetched or parsed).', 'count', NULL, NULL),
  ('runs', 'documents', 'column', 'Documents found: files read or pages fetched, failed ones included.', 'count', NULL, NULL),
  ('runs', 'fetched', 'column', 'Fetches over the network (feeds, sitemaps and pages, whatever the outcome: one per fetches row of the run); 0 for files.', 'count', NULL, NULL),
  ('runs', 'not_modified', 'column', 'Of those, the fetches answered 304 Not Modified.', 'count', NULL, NULL),
  ('runs', 'articles_new', 'column', 'Articles stored for the first time.', 'count', NULL, NULL),
  ('runs', 'articles_changed', 'column', 'Articles already stored whose text, metadata or claims changed.', 'count', NULL, NULL),
  ('runs', 'articles_unchanged', 'column', 'Documents already stored exactly as read (nothing written).', 'count', NULL, NULL),
  ('runs', 'claims', 'column', 'Claims of the documents read in this run, unchanged articles included.', 'count', NULL, NULL),
  ('runs', 'conflicts', 'column', 'Conflicts in the store after this run''s reconcile; 0 when the run ended before reconciling.', 'count', NULL, NULL),
  ('runs', 'conflicts_new', 'column', 'Of those, the ones not in the store before this run.', 'count', NULL, NULL),
  ('runs', 'agreements', 'column', 'Agreements in the store after this run''s reconcile; 0 when the run ended before reconciling.', 'count', NULL, NULL),
  ('runs', 'failures', 'column', 'Sources that could not be read plus documents that failed.', 'count', NULL, NULL),
  ('runs', 'message', 'column', 'The first failure''s message (a source or a document), or what ended the run early.', NULL, NULL, 'no failure, or the run has not ended'),

  ('run_sources', 'run_id', 'column', 'The run (runs.id); deleting the run deletes its rows.', NULL, NULL, NULL),
  ('run_sources', 'source', 'column', 'The source as given on the command line or in the sources file: a path, a feed or site URL.', NULL, NULL, NULL),
  ('run_sources', 'status', 'column', 'ok (every document read), partial (some failed) or failed (the source could not be read, or every document failed); see run_statuses.', NULL, NULL, NULL),
  ('run_sources', 'documents', 'column', 'Documents found in the source, failed ones included.', 'count', NULL, NULL),
  ('run_sources', 'failures', 'column', 'Documents that failed, or 1 for a source that failed whole.', 'count', NULL, NULL),
  ('run_sources', 'articles_new', 'column', 'Articles from this source stored for the first time.', 'count', NULL, NULL),
  ('run_sources', 'articles_changed', 'column', 'Articles from this source already stored whose text, metadata or claims changed.', 'count', NULL, NULL),
  ('run_sources', 'message', 'column', 'The source''s first failure, in words.', NULL, NULL, 'no failure'),

  ('article_changes', 'id', 'column', 'Row id, in order of the changes.', NULL, NULL, NULL),
  ('article_changes', 'article_id', 'column', 'The article (articles.id); deleting it deletes its rows.', NULL, NULL, NULL),
  ('article_changes', 'run_id', 'column', 'The run that was running when the article was written (the newest runs row with status running).', NULL, NULL, 'written outside a recorded run (a program using the library directly), or the run was deleted'),
  ('article_changes', 'change', 'column', 'new or changed (see article_change_kinds). Only the article''s own columns count (path, url, canonical_url, outlet, label, title, language, published, published_method, content_hash, text): not byline, charset or claims.', NULL, NULL, NULL);

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('run_summary', 'run_id', 'column', 'The run (runs.id).', NULL, NULL, NULL),
  ('run_summary', 'seconds', 'column', 'How long the run took: finished_at minus started_at, rounded to whole seconds.', 'seconds', NULL, 'still running, or killed before its end'),
  ('source_health', 'source', 'column', 'The source as given to the runs (run_sources.source).', NULL, NULL, NULL),
  ('source_health', 'runs', 'column', 'Runs that finished with the source.', 'count', NULL, NULL),
  ('source_health', 'last_run_at', 'column', 'Start of the latest run that read it.', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', NULL),
  ('source_health', 'last_success_at', 'column', 'Start of the latest run that read it with no failure (run_sources.status ok).', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', 'never read without a failure'),
  ('source_health', 'failures_in_a_row', 'column', 'Runs since last_success_at (or since its first run, if it never succeeded) where it failed or partly failed; 0: its latest run read it cleanly.', 'count', NULL, NULL),
  ('source_health', 'last_failure', 'column', 'The latest failure message recorded for it, kept after it recovers.', NULL, NULL, 'it never failed'),
  ('source_health', 'articles_new', 'column', 'Articles it brought for the first time, over all runs.', 'count', NULL, NULL),
  ('source_health', 'last_new_article_at', 'column', 'Start of the latest run that brought a new article from it.', 'ISO 8601 timestamp YYYY-MM-DDTHH:MM:SSZ', 'UTC', 'it never brought one'),
  ('source_health', 'days_without_new_article', 'column', 'Whole days from last_new_article_at (or from its first run, if it never brought one) to the moment of the query.', 'whole days, counted when queried', NULL, NULL),
  ('source_health', 'stale', 'column', '1 when days_without_new_article is 14 or more: the source has probably stopped publishing or its articles are no longer found; else 0.', 'boolean 0/1', NULL, NULL),
  ('source_health', 'last_http_status', 'column', 'For a web source: the last HTTP status received for the source''s own URL (url_state.last_status; a later try with no answer leaves it as it was).', 'HTTP status code, 100-599', NULL, 'a local source, or no fetch of its URL has had an answer yet'),
  ('source_health', 'last_failure_class', 'column', 'For a web source: the failure class of the last fetch of the source''s own URL, temporary, soft or hard (url_state.last_failure_class; see failure_classes).', NULL, NULL, 'the last fetch of its URL succeeded, or a local source');

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means)
SELECT 'run_summary', p.name, 'column', d.description, d.unit, d.time_zone, d.null_means
FROM pragma_table_info('run_summary') AS p
JOIN schema_docs AS d ON d.object = 'runs' AND d."column" = p.name
WHERE NOT EXISTS (SELECT 1 FROM schema_docs AS e WHERE e.object = 'run_summary' AND e."column" = p.name);
