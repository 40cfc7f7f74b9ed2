"""A dump of a database with vectors and HNSW indexes: it names the pgvector
extension, keeps each index's operator class and options, restores into
db9d with identical answers, and loads into a real PostgreSQL 15 wherever
that has pgvector installed.

Debian 12 packages no pgvector for PostgreSQL 15, so on a machine without it
the PostgreSQL leg is skipped (and says so); the db9 leg always runs.
"""
import psycopg
import pytest

from test_dump_restore import (answers, assert_same_answers, failures, load_into_postgres,
                               pg_connect, postgres, restore_into_db9)  # noqa: F401 (fixture)

SCHEMA = r"""
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE documents (
  id serial PRIMARY KEY,
  title text NOT NULL,
  embedding vector(3) NOT NULL,
  extra vector
);
INSERT INTO documents (title, embedding, extra)
  SELECT 'doc ' || i, ARRAY[i, 1 + i % 5, 10 - i % 7]::real[]::vector,
         CASE WHEN i % 4 = 0 THEN NULL ELSE ARRAY[i * 0.5, -1.25]::real[]::vector END
  FROM generate_series(1, 60) AS i;
CREATE INDEX documents_cosine ON documents USING hnsw (embedding vector_cosine_ops)
  WITH (m = 8, ef_construction = 32);
CREATE INDEX documents_l2 ON documents USING hnsw (embedding vector_l2_ops);
CREATE INDEX documents_ip ON documents USING hnsw (embedding vector_ip_ops);
"""

QUERIES = [
    "SELECT id, title, embedding, extra FROM documents ORDER BY id",
    "SELECT id FROM documents ORDER BY embedding <=> '[3,1,2]' LIMIT 5",
    "SELECT id FROM documents ORDER BY embedding <-> '[20.3,3.1,5.2]' LIMIT 5",
    "SELECT id FROM documents ORDER BY embedding <#> '[1,0.37,0.29]' LIMIT 5",
    "SELECT vector_dims(extra), count(*) FROM documents GROUP BY 1 ORDER BY 1",
    "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull "
    "FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'documents'::regclass AND a.attnum > 0 "
    "ORDER BY a.attnum",
    "SELECT i.relname, pg_catalog.pg_get_indexdef(i.oid), c.reloptions FROM pg_catalog.pg_index x "
    "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_class c ON c.oid = i.oid "
    "WHERE x.indrelid = 'documents'::regclass ORDER BY 1",
    "SELECT o.opcname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_opclass o "
    "ON o.oid = x.indclass[0] WHERE x.indrelid = 'documents'::regclass ORDER BY 1",
]


@pytest.fixture
def dumped(daemon, database, tmp_path):
    database.psql("-q", input=SCHEMA)
    dump_file = tmp_path / "vectors.sql"
    daemon.cli("db", "dump", database.name, "-o", str(dump_file))
    return dump_file


def test_vector_dump_names_the_extension_and_keeps_index_options(dumped):
    script = dumped.read_text()
    assert "CREATE EXTENSION IF NOT EXISTS vector;" in script
    assert script.index("CREATE EXTENSION") < script.index("CREATE TABLE")
    assert ('CREATE INDEX documents_cosine ON public.documents USING hnsw '
            "(embedding vector_cosine_ops) WITH (m='8', ef_construction='32');") in script
    assert "CREATE INDEX documents_l2 ON public.documents USING hnsw (embedding vector_l2_ops);" in script
    assert "USING hnsw (embedding vector_ip_ops);" in script
    # Indexes come after the rows, so they are built once over all of them.
    assert script.index("COPY ") < script.index("USING hnsw")


def test_vector_dump_restores_into_db9(daemon, database, dumped):
    restored, target = restore_into_db9(daemon, dumped, "vectors-")
    with database.connect(autocommit=True) as source, restored.connect(autocommit=True) as copy:
        expected = answers(source, QUERIES)
        assert not failures(expected)
        assert_same_answers(expected, QUERIES, db9_restore=copy)
        # The restored indexes answer the nearest-neighbour queries.
        plan = copy.execute("EXPLAIN SELECT id FROM documents ORDER BY embedding <=> '[3,1,2]' "
                            "LIMIT 5").fetchall()
        assert "documents_cosine" in "\n".join(r[0] for r in plan)
    again = daemon.cli("db", "dump", target).stdout
    assert again.split("\n", 1)[1] == daemon.cli("db", "dump", database.name).stdout.split("\n", 1)[1]


def pgvector_available(postgres):
    with pg_connect(postgres, "postgres") as pg:
        found = pg.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")
        return found.fetchone()[0] == 1


def test_vector_dump_loads_into_postgres_with_pgvector(database, postgres, dumped):
    if not pgvector_available(postgres):
        pytest.skip("this PostgreSQL 15 has no pgvector (Debian 12 does not package it)")
    pg_db = load_into_postgres(postgres, dumped, "vectors_")
    with database.connect(autocommit=True) as source, pg_connect(postgres, pg_db) as pg:
        expected = answers(source, QUERIES)
        assert not failures(expected)
        assert_same_answers(expected, QUERIES, PostgreSQL=pg)
