-- newsrecon schema, migration 0002: the web.
--
-- What fetching from the web adds: a log of every fetch attempt (fetches),
-- what the next conditional GET of a URL needs (url_state), the articles each
-- feed or sitemap listed (feed_entries), every publication-date witness of an
-- article with the one chosen (date_witnesses), and four columns of articles
-- (byline, charset, charset_method, dates_disagree).
--
-- Conventions as in 0001_init.sql: lookup tables have a `name` TEXT PRIMARY
-- KEY and a `description`, referenced by FOREIGN KEY; timestamps are ISO 8601
-- UTC text 'YYYY-MM-DDTHH:MM:SSZ'; dates are ISO 8601 calendar dates as
-- printed; booleans are INTEGER 0/1; NULL means unknown or does not apply,
-- never ''. URLs are stored as fetched or as the feed gave them (absolute).
-- The store writes these tables through pipeline/store/web.h.

------------------------------------------------------------------------------
-- Lookup tables.
------------------------------------------------------------------------------

-- How a fetch attempt ended (fetches.outcome).
CREATE TABLE fetch_outcomes (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO fetch_outcomes (name, description) VALUES
  ('ok', 'a 2xx answer with a body, kept'),
  ('not_modified', '304 Not Modified: the validators matched, the stored copy is current'),
  ('http_error', 'any other HTTP status (see http_status): 404, 410, 429, 5xx ...'),
  ('timeout', 'the connection, the whole transfer or a low-speed stretch took longer than allowed'),
  ('too_large', 'the decoded body passed the size limit; the transfer was cut'),
  ('too_many_redirects', 'more redirects than allowed, or a redirect loop'),
  ('robots_disallowed', 'robots.txt disallows the URL (or answered 5xx: everything disallowed for the run)'),
  ('bad_url', 'an unparseable URL, or a scheme other than http and https'),
  ('network_error', 'DNS, connection or TLS failure');

-- Why a fetch failed (fetches.failure_class, url_state.last_failure_class).
CREATE TABLE failure_classes (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO failure_classes (name, description) VALUES
  ('none', 'no failure (ok, not_modified)'),
  ('temporary', 'timeouts, 408, 429, 5xx and network errors: retried with back-off, tried again next run'),
  ('soft', '404 and other 4xx, too large, too many redirects: tried again next run, counted'),
  ('hard', '410 Gone, a bad URL, robots.txt disallows: the URL is not worth asking again soon');

------------------------------------------------------------------------------
-- fetches: one row per fetch of a URL, however it ended (append-only log).
------------------------------------------------------------------------------

CREATE TABLE fetches (
  id INTEGER PRIMARY KEY,
  -- The ingest run this fetch belongs to; NULL outside a run. A later
  -- migration adds the runs table; this is deliberately no FOREIGN KEY.
  run_id INTEGER,
  -- The [[source]] URL (feed, sitemap or page) that led to this fetch.
  source_url TEXT NOT NULL,
  -- The URL asked for, and where the redirects ended (NULL: no answer).
  url TEXT NOT NULL,
  final_url TEXT,
  -- The last HTTP status received; NULL when no answer came (DNS, timeout ...).
  http_status INTEGER CHECK (http_status IS NULL OR (http_status BETWEEN 100 AND 599)),
  outcome TEXT NOT NULL REFERENCES fetch_outcomes (name),
  -- NULL for ok and not_modified (failure class none).
  failure_class TEXT REFERENCES failure_classes (name),
  -- The response's validators as sent (ETag with its quotes; Last-Modified as
  -- an HTTP date); NULL when absent.
  etag TEXT,
  last_modified TEXT,
  content_type TEXT,  -- the Content-Type header as sent, e.g. 'text/html; charset=utf-8'
  bytes INTEGER CHECK (bytes IS NULL OR bytes >= 0),  -- body bytes received (decompressed)
  attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),  -- tries, retries included
  seconds REAL CHECK (seconds IS NULL OR seconds >= 0),  -- wall time over all attempts
  started_at TEXT NOT NULL CHECK (started_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  error TEXT,  -- a person's reading of what went wrong; NULL on success
  -- 16 lowercase hex digits of FNV-1a 64 over the body bytes; NULL without a body.
  content_hash TEXT
);
CREATE INDEX fetches_url ON fetches (url);
CREATE INDEX fetches_started_at ON fetches (started_at);
CREATE INDEX fetches_outcome ON fetches (outcome);
CREATE INDEX fetches_failure_class ON fetches (failure_class);

------------------------------------------------------------------------------
-- url_state: one row per URL fetched, what the next fetch of it needs.
------------------------------------------------------------------------------

CREATE TABLE url_state (
  url TEXT PRIMARY KEY NOT NULL,
  -- Validators of the last 2xx answer, sent back as If-None-Match and
  -- If-Modified-Since; NULL when the server gave none.
  etag TEXT,
  last_modified TEXT,
  -- FNV-1a 64 (16 hex digits) of the last body kept: an unchanged body is
  -- not parsed again even when the server ignores validators.
  content_hash TEXT,
  last_status INTEGER,  -- the last HTTP status received; a try without answer keeps it; NULL: never any
  last_fetched_at TEXT NOT NULL CHECK (last_fetched_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  -- Failed fetches since the last success (0 after a success or a 304).
  failures_in_a_row INTEGER NOT NULL DEFAULT 0 CHECK (failures_in_a_row >= 0),
  last_failure_class TEXT REFERENCES failure_classes (name)  -- NULL: the last fetch succeeded
) WITHOUT ROWID;
CREATE INDEX url_state_last_failure_class ON url_state (last_failure_class);

------------------------------------------------------------------------------
-- feed_entries: the articles each feed or sitemap listed.
------------------------------------------------------------------------------

-- One row per (source, article URL), kept from the first time the source
-- listed it; the article itself is in articles once fetched (articles.url).
CREATE TABLE feed_entries (
  source_url TEXT NOT NULL,  -- the [[source]] url (entries of its child sitemaps too)
  url TEXT NOT NULL,         -- the article, absolute, tracking parameters dropped
  title TEXT,                -- as the feed gave it (plain text)
  outlet TEXT,               -- the feed's channel title or news:publication name
  first_seen_at TEXT NOT NULL CHECK (first_seen_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  PRIMARY KEY (source_url, url)
) WITHOUT ROWID;
CREATE INDEX feed_entries_url ON feed_entries (url);

------------------------------------------------------------------------------
-- date_witnesses: every place that said when an article was published.
------------------------------------------------------------------------------

-- One row per witness (JSON-LD, meta tag, <time>, URL path, feed, HTTP
-- header, text), in the order found; articles.published is the chosen one's
-- date. Replaced whole whenever the article is stored again.
CREATE TABLE date_witnesses (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,  -- 0-based position among the article's witnesses
  method TEXT NOT NULL REFERENCES published_methods (name),
  -- Which field said it: 'json-ld datePublished', 'rss pubDate', 'url path' ...
  where_found TEXT NOT NULL,
  raw TEXT NOT NULL,  -- the value as printed (trimmed, at most 200 bytes)
  -- Its calendar day in the zone it states; NULL when it could not be read.
  date TEXT CHECK (date IS NULL OR (date GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS NOT NULL)),
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),  -- 1: a modification date
  chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),  -- 1: gave articles.published
  PRIMARY KEY (article_id, ordinal)  -- also the index behind article_id
) WITHOUT ROWID;
CREATE INDEX date_witnesses_method ON date_witnesses (method);
-- At most one chosen witness per article.
CREATE UNIQUE INDEX date_witnesses_chosen ON date_witnesses (article_id) WHERE chosen = 1;

------------------------------------------------------------------------------
-- articles: what the web adds.
------------------------------------------------------------------------------

-- The author(s) as printed; NULL when the page names none.
ALTER TABLE articles ADD COLUMN byline TEXT;
-- The charset the document's bytes were decoded from ('UTF-8',
-- 'windows-1252'); NULL for articles stored before this migration and not
-- stored again since.
ALTER TABLE articles ADD COLUMN charset TEXT;
-- What decided the charset: 'bom', 'http', 'meta', 'utf8-valid', 'detector'
-- or 'default'; NULL when charset is NULL.
ALTER TABLE articles ADD COLUMN charset_method TEXT;
-- 1 when two publication (not modification) witnesses name days more than one
-- day apart: the chosen date deserves a second look.
ALTER TABLE articles ADD COLUMN dates_disagree INTEGER NOT NULL DEFAULT 0
  CHECK (dates_disagree IN (0, 1));
