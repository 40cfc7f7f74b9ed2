-- Operator classes and WITH options of CREATE INDEX: stored, shown by
-- pg_get_indexdef / pg_class.reloptions / pg_index.indclass, and checked.
CREATE TABLE docs (id int PRIMARY KEY, title text, tag varchar(20), body jsonb);
CREATE INDEX docs_title ON docs (title text_ops) WITH (fillfactor = 70);
CREATE INDEX docs_tag ON docs USING btree (tag) WITH (deduplicate_items = off, fillfactor = 90);
CREATE INDEX docs_tag2 ON docs (tag pg_catalog.text_ops);
SELECT pg_get_indexdef('docs_title'::regclass);
SELECT pg_get_indexdef('docs_tag'::regclass);
SELECT pg_get_indexdef('docs_tag2'::regclass);
SELECT c.relname, c.reloptions FROM pg_class c WHERE c.relname LIKE 'docs_%' ORDER BY 1;
SELECT i.indexrelid::regclass, o.opcname, o.opcdefault
  FROM pg_index i JOIN pg_opclass o ON o.oid = i.indclass[0]
  WHERE i.indrelid = 'docs'::regclass ORDER BY 1;
-- Errors, as PostgreSQL words them.
CREATE INDEX bad1 ON docs (title no_such_ops);
CREATE INDEX bad2 ON docs (id text_ops);
CREATE INDEX bad3 ON docs (title) WITH (fillfactor = 5);
CREATE INDEX bad4 ON docs (title) WITH (fillfactor = 'lots');
CREATE INDEX bad5 ON docs (title) WITH (deduplicate_items = maybe);
CREATE INDEX bad6 ON docs (title) WITH (colour = 'red');
SELECT count(*) FROM pg_class WHERE relname LIKE 'bad%';
