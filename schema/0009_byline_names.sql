-- newsrecon schema, migration 0009: bylines are names.
--
-- From this version the byline is the author name(s) without the words
-- around them on the page ("By", "von", "Written by", a date after the name,
-- an author bio, the site's own name in an author field). Rows stored before
-- keep what they had until the article is ingested again with a new text.

UPDATE schema_docs
SET description = 'The author name(s) as printed on the page, without lead words ("By", "von", "Written by"), a date after the name, or an author bio (JSON-LD author, author meta tags, itemprop=author, rel=author, an element named byline or author, else a line that starts "By"/"Von"/"Par"...; at most 160 bytes). Never the outlet''s own name.'
WHERE object = 'articles' AND "column" = 'byline';
