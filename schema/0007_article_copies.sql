-- newsrecon schema, migration 0007: one article once.
--
-- A document whose main text is exactly the text of an article already stored
-- under another identity (the same story saved twice, a wire story that two
-- outlets republish word for word, one page under two URLs that dropping
-- tracking parameters cannot merge) is not stored a second time: its claims
-- would be counted as a second source agreeing with the first, and a relative
-- date resolved against the copy's own publication date could even make the
-- story contradict itself. The copy is recorded in article_copies instead,
-- pointing at the article kept (the first one stored).

CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE article_copies (
  -- The copy's identity, as articles.source_key: its url if it has one, else its path.
  source_key TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  path TEXT,
  url TEXT,
  outlet TEXT,
  label TEXT NOT NULL,
  title TEXT,
  published TEXT CHECK (published IS NULL OR (published GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(published) IS NOT NULL)),
  -- The run that found the copy first ('running' at the time; NULL outside a recorded run).
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL
);
CREATE INDEX article_copies_article_id ON article_copies (article_id);
CREATE INDEX article_copies_run_id ON article_copies (run_id);

ALTER TABLE runs ADD COLUMN articles_copied INTEGER NOT NULL DEFAULT 0;

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('article_copies', NULL, 'table', 'Documents whose main text is exactly that of a stored article under another identity (saved twice, republished word for word by another outlet, or one page under two URLs): not stored again, so their claims are not counted as a second source. One row per copy, pointing at the article kept (the first stored).', NULL, NULL, NULL),
  ('article_copies', 'source_key', 'column', 'The copy''s identity: its url if it has one, else its path (as articles.source_key).', NULL, NULL, NULL),
  ('article_copies', 'article_id', 'column', 'The stored article with the same text (articles.id).', NULL, NULL, NULL),
  ('article_copies', 'path', 'column', 'Local file the copy was read from.', NULL, NULL, 'fetched from the web, no file'),
  ('article_copies', 'url', 'column', 'The copy''s URL as given by its source (manifest, --url, feed).', NULL, NULL, 'no URL known'),
  ('article_copies', 'outlet', 'column', 'The copy''s publication name.', NULL, NULL, 'unknown'),
  ('article_copies', 'label', 'column', 'How newsrecon names the copy''s source: the outlet, else the URL''s host, else the file name (as articles.label).', NULL, NULL, NULL),
  ('article_copies', 'title', 'column', 'The copy''s headline.', NULL, NULL, 'unknown'),
  ('article_copies', 'published', 'column', 'The copy''s publication date as its outlet gives it (its local day).', 'ISO 8601 date YYYY-MM-DD', 'none: a calendar day as printed', 'unknown'),
  ('article_copies', 'run_id', 'column', 'The run that found the copy first (runs.id).', NULL, NULL, 'written outside a recorded run, or that run was deleted'),
  ('runs', 'articles_copied', 'column', 'Documents read whose main text is a stored article''s under another identity, recorded in article_copies instead of stored again.', NULL, NULL, NULL);
