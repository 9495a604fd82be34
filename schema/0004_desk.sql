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
