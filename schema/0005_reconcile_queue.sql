-- newsrecon schema, migration 0005: incremental reconcile.
--
-- Findings (conflicts, agreements) are worked out per claim key (entity,
-- attribute, qualifier). A run reconciles only the keys whose claims changed,
-- so its cost follows what it brought, not the size of the database. The keys
-- to do are kept here, written by triggers in the same transaction as the
-- claims themselves: a run killed before it reconciled leaves them for the
-- next run, which does them first.

CREATE TABLE reconcile_queue (
  entity TEXT NOT NULL,     -- claims.entity of a claim added, removed or changed
  attribute TEXT NOT NULL,  -- claims.attribute
  qualifier TEXT NOT NULL,  -- claims.qualifier ('' when none)
  PRIMARY KEY (entity, attribute, qualifier)
) WITHOUT ROWID;

-- Claims without an entity or attribute are never compared: not queued.
CREATE TRIGGER claims_queue_ai AFTER INSERT ON claims
WHEN new.entity <> '' AND new.attribute <> ''
BEGIN
  INSERT OR IGNORE INTO reconcile_queue VALUES (new.entity, new.attribute, new.qualifier);
END;
CREATE TRIGGER claims_queue_ad AFTER DELETE ON claims
WHEN old.entity <> '' AND old.attribute <> ''
BEGIN
  INSERT OR IGNORE INTO reconcile_queue VALUES (old.entity, old.attribute, old.qualifier);
END;
CREATE TRIGGER claims_queue_au AFTER UPDATE ON claims BEGIN
  INSERT OR IGNORE INTO reconcile_queue
    SELECT old.entity, old.attribute, old.qualifier WHERE old.entity <> '' AND old.attribute <> '';
  INSERT OR IGNORE INTO reconcile_queue
    SELECT new.entity, new.attribute, new.qualifier WHERE new.entity <> '' AND new.attribute <> '';
END;
-- What reconcile reads of an article: its identity, outlet and date.
CREATE TRIGGER articles_queue_au
AFTER UPDATE OF url, path, outlet, label, published ON articles
BEGIN
  INSERT OR IGNORE INTO reconcile_queue
    SELECT DISTINCT entity, attribute, qualifier FROM claims
    WHERE article_id = new.id AND entity <> '' AND attribute <> '';
END;

-- A database made before this migration: every key once, so that the first
-- run after the upgrade reconciles everything (as every run did before).
INSERT OR IGNORE INTO reconcile_queue
  SELECT DISTINCT entity, attribute, qualifier FROM claims WHERE entity <> '' AND attribute <> '';

INSERT INTO schema_docs (object, "column", kind, description, unit, time_zone, null_means) VALUES
  ('reconcile_queue', NULL, 'table', 'Claim keys whose conflicts and agreements are out of date: a claim with that key was added, removed or changed (or its article''s URL, outlet or date) since the last reconcile. Written by triggers with the claims; emptied by the reconcile at the end of a run. Empty between runs.', NULL, NULL, NULL),
  ('reconcile_queue', 'entity', 'column', 'The key''s entity (claims.entity).', NULL, NULL, NULL),
  ('reconcile_queue', 'attribute', 'column', 'The key''s attribute (claims.attribute).', NULL, NULL, NULL),
  ('reconcile_queue', 'qualifier', 'column', 'The key''s qualifier (claims.qualifier; '''' when none).', NULL, NULL, NULL);
