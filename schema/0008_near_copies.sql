-- newsrecon schema, migration 0008: near copies are one source.
--
-- An agency story that two outlets each edit in their own way, a press
-- release a magazine republishes with a paragraph of its own, a story's print
-- and web versions: their texts differ, so each is stored as an article with
-- its claims, but they are one story told once. An article is linked to the
-- story of the stored article whose text it nearly copies (at least half of
-- the smaller text's six-word runs recur in the other, and neither is more
-- than twice the other's length; pipeline/core/near_copy.h), and reconcile
-- counts the articles of one story as one source when it counts agreeing
-- sources. Conflicts between them are still recorded: two versions of one
-- story that give different figures are news to a fact-checker.

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES articles (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN story_share REAL
  CHECK (story_share IS NULL OR (story_share >= 0 AND story_share <= 1));
CREATE INDEX articles_story_id ON articles (story_id);

-- The smallest hashes of each article's six-word runs: how an article finds
-- the stored articles it may copy without reading every text.
CREATE TABLE article_sketches (
  hash INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (hash, article_id)
) WITHOUT ROWID;
CREATE INDEX article_sketches_article_id ON article_sketches (article_id);

-- What reconcile reads of an article now includes its story.
DROP TRIGGER articles_queue_au;
CREATE TRIGGER articles_queue_au
AFTER UPDATE OF url, path, outlet, label, published, story_id ON articles
BEGIN
  INSERT OR IGNORE INTO reconcile_queue
    SELECT DISTINCT entity, attribute, qualifier FROM claims
    WHERE article_id = new.id AND entity <> '' AND attribute <> '';
END;

-- article_stories: one row per article, with the id of its story (the first
-- stored article it nearly copies, else its own) and the share of text they
-- have in common. Group by story_id to see which outlets carried one story.
-- Left out: the text (see articles).
CREATE VIEW article_stories AS
SELECT id AS article_id, COALESCE(story_id, id) AS story_id, story_share, label, title, url, path
FROM articles;

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('articles', 'story_id', 'column', 'The article whose text this one nearly copies (an agency story edited by another outlet, a republished press release): at least half of the smaller text''s six-word runs recur in the other, and neither is more than twice the other''s length. Always the first stored article of that story. Reconcile counts the articles of one story as one source in agreements.', NULL, NULL, 'the article tells a story of its own (or its text is too short to tell)'),
  ('articles', 'story_share', 'column', 'The share of the smaller text''s six-word runs found in the other text of the story (articles.story_id).', 'fraction 0..1', NULL, 'not a near copy'),
  ('article_sketches', NULL, 'table', 'The 16 smallest hashes of each article''s six-word runs (articles of 40 runs or more): an index to find the stored articles a new one may nearly copy. Internal; rewritten with the article''s text.', NULL, NULL, NULL),
  ('article_sketches', 'hash', 'column', 'A hash of six consecutive words of the text (64 bits, signed).', NULL, NULL, NULL),
  ('article_sketches', 'article_id', 'column', 'The article (articles.id).', NULL, NULL, NULL),
  ('article_stories', NULL, 'view', 'Every article with its story: the id of the first stored article it nearly copies, else its own id. Group by story_id to see which outlets carried one story.', NULL, NULL, NULL),
  ('article_stories', 'article_id', 'column', 'The article (articles.id).', NULL, NULL, NULL),
  ('article_stories', 'story_id', 'column', 'Its story: articles.story_id, else the article''s own id.', NULL, NULL, NULL),
  ('article_stories', 'story_share', 'column', 'As articles.story_share.', 'fraction 0..1', NULL, 'the article''s story is its own'),
  ('article_stories', 'label', 'column', 'How newsrecon names the article''s source (articles.label).', NULL, NULL, NULL),
  ('article_stories', 'title', 'column', 'The headline (articles.title).', NULL, NULL, 'unknown'),
  ('article_stories', 'url', 'column', 'The article''s URL (articles.url).', NULL, NULL, 'read from a file'),
  ('article_stories', 'path', 'column', 'The file it was read from (articles.path).', NULL, NULL, 'fetched from the web');
