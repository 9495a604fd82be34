-- newsrecon schema, migration 0003: runs, what each brought, source health.
--
-- Every `newsrecon ingest` is one row of `runs`, written when it starts
-- (status 'running', finished_at NULL) and completed when it ends. A run
-- killed before its end (kill -9, power cut) keeps status 'running' until the
-- next run, which holds the run lock (the file "<db>.lock") and so knows no
-- other run is alive: it marks such rows 'interrupted'. Timestamps are ISO
-- 8601 UTC ('2026-04-27T09:30:00Z'); counts are whole numbers, 0 when nothing
-- happened, never NULL. A run's counts are written when it ends, so they read
-- 0 while it runs and stay 0 for an interrupted run (its articles and
-- article_changes rows are there all the same).

------------------------------------------------------------------------------
-- Lookup tables.
------------------------------------------------------------------------------

CREATE TABLE run_statuses (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO run_statuses (name, description) VALUES
  ('running', 'started and not finished: still running, or killed (until the next run marks it)'),
  ('ok', 'finished; every source and document was read'),
  ('partial', 'finished; some sources or documents failed (named in the log and run_sources)'),
  ('failed', 'ended early: the store, the configuration or the rules failed'),
  ('interrupted', 'killed before its end; the next run found it still running and marked it');

CREATE TABLE article_change_kinds (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO article_change_kinds (name, description) VALUES
  ('new', 'the article was stored for the first time'),
  ('changed', 'a stored article''s text or metadata changed');

------------------------------------------------------------------------------
-- Runs.
------------------------------------------------------------------------------

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  -- 32 lowercase hex digits, random: the run_id of the JSON log lines.
  run_uuid TEXT NOT NULL UNIQUE,
  started_at TEXT NOT NULL CHECK (started_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  -- NULL while running, or when the run was killed (status 'running' or 'interrupted').
  finished_at TEXT CHECK (finished_at IS NULL OR finished_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  status TEXT NOT NULL DEFAULT 'running' REFERENCES run_statuses (name),
  -- The process's exit code (README: exit codes); NULL until the run ends.
  exit_code INTEGER,
  pid INTEGER,      -- the process id of the run, for "who holds the lock"
  version TEXT NOT NULL,  -- newsrecon's version ('0.1.0')
  command TEXT NOT NULL,  -- what was asked: 'ingest --db x.db corpus/' (flags and paths)
  sources INTEGER NOT NULL DEFAULT 0,  -- paths, feeds or sites given
  sources_failed INTEGER NOT NULL DEFAULT 0,  -- of those, the ones that could not be read at all
  documents INTEGER NOT NULL DEFAULT 0,  -- documents found (files read or pages fetched)
  fetched INTEGER NOT NULL DEFAULT 0,  -- network fetches: sources, sitemaps, pages, failures and 304s (0 for files)
  not_modified INTEGER NOT NULL DEFAULT 0,  -- fetches answered 304 Not Modified
  articles_new INTEGER NOT NULL DEFAULT 0,  -- articles stored for the first time
  articles_changed INTEGER NOT NULL DEFAULT 0,  -- stored articles whose text, metadata or claims changed
  articles_unchanged INTEGER NOT NULL DEFAULT 0,  -- documents already stored as read
  claims INTEGER NOT NULL DEFAULT 0,  -- claims of the documents read in this run
  conflicts INTEGER NOT NULL DEFAULT 0,  -- conflicts in the store after this run's reconcile
  conflicts_new INTEGER NOT NULL DEFAULT 0,  -- of those, not in the store before it
  agreements INTEGER NOT NULL DEFAULT 0,  -- agreements in the store after this run's reconcile
  failures INTEGER NOT NULL DEFAULT 0,  -- sources and documents that failed
  -- The first failure's message (a source, a document, or what ended the run); NULL if none.
  message TEXT
);
CREATE INDEX runs_status ON runs (status);
CREATE INDEX runs_started_at ON runs (started_at);

-- run_sources: one row per source (a path, later a feed or site URL) of a
-- run, written when the run has finished with that source; a run killed in
-- the middle of a source has no row for it.
CREATE TABLE run_sources (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  source TEXT NOT NULL,  -- as given on the command line or in the sources file
  -- 'ok' every document read; 'partial' some failed; 'failed' none could be read.
  status TEXT NOT NULL REFERENCES run_statuses (name)
    CHECK (status IN ('ok', 'partial', 'failed')),
  documents INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,  -- documents that failed, or 1 for a source that failed whole
  articles_new INTEGER NOT NULL DEFAULT 0,
  articles_changed INTEGER NOT NULL DEFAULT 0,
  message TEXT,  -- the source's first failure; NULL if none
  PRIMARY KEY (run_id, source)
) WITHOUT ROWID;
CREATE INDEX run_sources_source ON run_sources (source, run_id);
CREATE INDEX run_sources_status ON run_sources (status);

-- article_changes: one row each time an article is stored for the first time
-- or its row changes, written by triggers in the same transaction as the
-- article, so it survives any crash exactly as the article does. run_id is
-- the run that was 'running' at the time (NULL when the article was written
-- outside a recorded run, e.g. by a program using the library directly).
CREATE TABLE article_changes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  change TEXT NOT NULL REFERENCES article_change_kinds (name)
);
CREATE INDEX article_changes_article ON article_changes (article_id);
CREATE INDEX article_changes_run ON article_changes (run_id, change);
CREATE INDEX article_changes_change ON article_changes (change);

CREATE TRIGGER articles_changes_ai AFTER INSERT ON articles BEGIN
  INSERT INTO article_changes (article_id, run_id, change)
    VALUES (new.id, (SELECT MAX(id) FROM runs WHERE status = 'running'), 'new');
END;
-- Only the columns the store writes from the article itself count: the web
-- metadata written beside it (byline, charset) is not a change of the article.
CREATE TRIGGER articles_changes_au
AFTER UPDATE OF path, url, canonical_url, outlet, label, title, language, published, published_method, content_hash, text ON articles
WHEN old.path IS NOT new.path
  OR old.url IS NOT new.url
  OR old.canonical_url IS NOT new.canonical_url
  OR old.outlet IS NOT new.outlet
  OR old.label IS NOT new.label
  OR old.title IS NOT new.title
  OR old.language IS NOT new.language
  OR old.published IS NOT new.published
  OR old.published_method IS NOT new.published_method
  OR old.content_hash IS NOT new.content_hash
  OR old.text IS NOT new.text
BEGIN
  INSERT INTO article_changes (article_id, run_id, change)
    VALUES (new.id, (SELECT MAX(id) FROM runs WHERE status = 'running'), 'changed');
END;

------------------------------------------------------------------------------
-- Views.
------------------------------------------------------------------------------

-- source_health: one row per source ever given to a run (run_sources.source),
-- most troubled first (failures in a row, then staleness). last_run_at is
-- the start of the latest run that read it; last_success_at the start of the
-- latest run where it was read with no failure (NULL: never); failures_in_a_row
-- the runs since then (or since the first) where it failed or partly failed;
-- last_new_article_at the start of the latest run that brought a new article
-- from it (NULL: never); days_without_new_article the whole days from then
-- (or from the first run, if it never brought one) to now; stale is 1 when
-- that is 14 days or more: the source has probably stopped publishing or its
-- articles are no longer found. Left out: runs killed before finishing the
-- source.
-- For a web source (its URL), last_http_status and last_failure_class come
-- from url_state: the HTTP status of the last fetch of the source's own URL
-- (NULL: no answer, or a local source) and whether its last failure was
-- temporary, soft or hard (NULL: the last fetch succeeded, or a local source).
CREATE VIEW source_health AS
WITH per_source AS (
  SELECT
    rs.source,
    MIN(r.started_at) AS first_run_at,
    MAX(r.started_at) AS last_run_at,
    MAX(CASE WHEN rs.status = 'ok' THEN r.started_at END) AS last_success_at,
    MAX(CASE WHEN rs.articles_new > 0 THEN r.started_at END) AS last_new_article_at,
    SUM(rs.articles_new) AS articles_new,
    COUNT(*) AS runs
  FROM run_sources AS rs
  JOIN runs AS r ON r.id = rs.run_id
  GROUP BY rs.source
),
health AS (
  SELECT
    p.*,
    (SELECT COUNT(*) FROM run_sources AS f JOIN runs AS fr ON fr.id = f.run_id
     WHERE f.source = p.source AND f.status <> 'ok'
       AND (p.last_success_at IS NULL OR fr.started_at > p.last_success_at)) AS failures_in_a_row,
    (SELECT f.message FROM run_sources AS f JOIN runs AS fr ON fr.id = f.run_id
     WHERE f.source = p.source AND f.message IS NOT NULL
     ORDER BY fr.started_at DESC, fr.id DESC LIMIT 1) AS last_failure,
    CAST(julianday('now') - julianday(COALESCE(p.last_new_article_at, p.first_run_at))
         AS INTEGER) AS days_without_new_article
  FROM per_source AS p
)
SELECT
  h.source,
  h.runs,
  h.last_run_at,
  h.last_success_at,
  h.failures_in_a_row,
  h.last_failure,
  h.articles_new,
  h.last_new_article_at,
  h.days_without_new_article,
  h.days_without_new_article >= 14 AS stale,
  u.last_status AS last_http_status,
  u.last_failure_class
FROM health AS h
LEFT JOIN url_state AS u ON u.url = h.source
ORDER BY h.failures_in_a_row DESC, h.days_without_new_article DESC, h.source;

-- run_summary: one row per run, newest first, with its duration in seconds
-- (NULL while running or when killed). Left out: per-source detail (see
-- run_sources).
CREATE VIEW run_summary AS
SELECT
  id AS run_id,
  run_uuid,
  started_at,
  finished_at,
  CAST(round((julianday(finished_at) - julianday(started_at)) * 86400) AS INTEGER) AS seconds,
  status,
  exit_code,
  documents,
  articles_new,
  articles_changed,
  articles_unchanged,
  claims,
  conflicts,
  conflicts_new,
  failures,
  message
FROM runs
ORDER BY id DESC;
