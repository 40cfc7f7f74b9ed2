"""The built-in pgvector type through psycopg 3 and pgvector-python's
register_vector, in text and binary formats: extension DDL, typmods, I/O
errors, distance operators (expected values computed here from pgvector's
definitions: float32 sums, float8 results), B-tree use, aggregates."""
import math
import struct

import psycopg
import pytest
from pgvector import Vector
from pgvector.psycopg import register_vector


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def fsum(terms):
    total = 0.0
    for t in terms:
        total = f32(total + f32(t))
    return total


def l2(a, b):
    return math.sqrt(fsum(f32(f32(x - y) * f32(x - y)) for x, y in zip(a, b)))


def neg_inner(a, b):
    return -fsum(f32(x * y) for x, y in zip(a, b))


def cosine(a, b):
    dot = fsum(f32(x * y) for x, y in zip(a, b))
    na = fsum(f32(x * x) for x in a)
    nb = fsum(f32(y * y) for y in b)
    return 1 - max(-1.0, min(1.0, dot / math.sqrt(na * nb)))


def l1(a, b):
    return fsum(abs(f32(x - y)) for x, y in zip(a, b))


ROWS = [[0.5, -1.25, 3.0], [1.0, 2.0, 3.0], [-4.0, 0.1, 2.5], [0.3, 0.3, 0.3], [10.0, -2.0, 0.0]]
QUERY = [0.25, 1.5, -0.75]


@pytest.fixture
def conn(database):
    with database.connect(autocommit=True) as c:
        c.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(c)
        yield c


def test_create_extension_and_catalog(database):
    with database.connect(autocommit=True) as c:
        notices = []
        c.add_notice_handler(lambda d: notices.append(d.message_primary))
        c.execute("CREATE EXTENSION vector")
        c.execute("CREATE EXTENSION IF NOT EXISTS vector")
        assert notices == ['extension "vector" already exists, skipping']
        assert c.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'"
                         ).fetchall() == [("0.8.0",)]
        assert c.execute("SELECT typname, typarray FROM pg_type WHERE oid = 'vector'::regtype"
                         ).fetchall() == [("vector", 12101)]
        c.execute("CREATE TABLE docs (id int PRIMARY KEY, embedding vector(3), history vector[])")
        # As an extension type in public, not pg_catalog.
        assert c.execute("SELECT column_name, data_type, udt_schema, udt_name"
                         " FROM information_schema.columns WHERE table_name = 'docs'"
                         " ORDER BY ordinal_position").fetchall() == [
            ("id", "integer", "pg_catalog", "int4"),
            ("embedding", "USER-DEFINED", "public", "vector"),
            ("history", "ARRAY", "public", "_vector")]
        with pytest.raises(psycopg.errors.DependentObjectsStillExist) as e:
            c.execute("DROP EXTENSION vector")
        assert e.value.diag.message_detail == ("column embedding of table docs depends on type vector\n"
                                               "column history of table docs depends on type vector[]")
        c.execute("DROP TABLE docs")
        # Nothing uses it: the drop succeeds, and the built-in type stays.
        c.execute("DROP EXTENSION IF EXISTS vector")
        assert c.execute("SELECT '[1,2]'::vector").fetchone()[0] == "[1,2]"
        with pytest.raises(psycopg.errors.FeatureNotSupported):
            c.execute("CREATE EXTENSION no_such_extension")


@pytest.mark.parametrize("fmt", ["t", "b"])
@pytest.mark.parametrize("binary_results", [False, True])
def test_round_trip(conn, fmt, binary_results):
    conn.execute("CREATE TABLE items (id int PRIMARY KEY, embedding vector(3), free vector)")
    for i, row in enumerate(ROWS):
        conn.execute(f"INSERT INTO items VALUES (%{fmt}, %{fmt}, %{fmt})",
                     (i, Vector(row), Vector(row + [7.0])))
    # A Python list of floats is a float8[]: pgvector's assignment cast.
    conn.execute(f"INSERT INTO items VALUES (99, %{fmt}, NULL)", ([1.5, 2.5, 3.5],))
    cur = conn.cursor(binary=binary_results)
    got = cur.execute("SELECT embedding, free FROM items ORDER BY id").fetchall()
    assert [e.to_list() for e, _ in got] == [[f32(x) for x in r] for r in ROWS] + [[1.5, 2.5, 3.5]]
    assert got[0][1].to_list() == [0.5, -1.25, 3.0, 7.0]
    assert got[-1][1] is None
    found = cur.execute(f"SELECT id FROM items WHERE embedding = %{fmt}", (Vector(ROWS[2]),)).fetchall()
    assert found == [(2,)]
    text = conn.execute("SELECT embedding::text FROM items WHERE id = 2").fetchone()[0]
    assert text == "[-4,0.1,2.5]"


def test_distances_match_pgvector_definitions(conn):
    conn.execute("CREATE TABLE items (id int PRIMARY KEY, embedding vector(3))")
    for i, row in enumerate(ROWS):
        conn.execute("INSERT INTO items VALUES (%s, %s)", (i, Vector(row)))
    rows = [[f32(x) for x in r] for r in ROWS]
    q = [f32(x) for x in QUERY]
    for op, fn, func in [("<->", l2, "l2_distance"), ("<#>", neg_inner, None),
                         ("<=>", cosine, "cosine_distance"), ("<+>", l1, "l1_distance")]:
        got = conn.execute(f"SELECT id, embedding {op} %s FROM items ORDER BY embedding {op} %s, id"
                           " LIMIT 3", (Vector(QUERY), Vector(QUERY))).fetchall()
        expected = sorted(((i, fn(r, q)) for i, r in enumerate(rows)), key=lambda p: (p[1], p[0]))
        assert [i for i, _ in got] == [i for i, _ in expected[:3]], op
        for (_, d), (_, want) in zip(got, expected):
            assert d == pytest.approx(want, rel=1e-12, abs=1e-12), op
        if func:
            value = conn.execute(f"SELECT {func}(embedding, %s) FROM items WHERE id = 1",
                                 (Vector(QUERY),)).fetchone()[0]
            assert value == pytest.approx(fn(rows[1], q), rel=1e-12)
    inner = conn.execute("SELECT inner_product(%s, %s)", (Vector(ROWS[0]), Vector(QUERY))).fetchone()[0]
    assert inner == pytest.approx(-neg_inner(rows[0], q), rel=1e-12)


def test_typmod_and_input_errors(conn):
    conn.execute("CREATE TABLE items (embedding vector(3))")
    cases = [
        ("INSERT INTO items VALUES ('[1,2]')", psycopg.errors.DataException,
         "expected 3 dimensions, not 2"),
        ("SELECT '[1,x]'::vector", psycopg.errors.InvalidTextRepresentation,
         'invalid input syntax for type vector: "[1,x]"'),
        ("SELECT '[]'::vector", psycopg.errors.DataException,
         "vector must have at least 1 dimension"),
        ("SELECT '[NaN]'::vector", psycopg.errors.DataException, "NaN not allowed in vector"),
        ("SELECT '[1,2]'::vector <-> '[1,2,3]'", psycopg.errors.DataException,
         "different vector dimensions 2 and 3"),
        ("CREATE TABLE bad (v vector(16001))", psycopg.errors.InvalidParameterValue,
         "dimensions for type vector cannot exceed 16000"),
        ("SELECT ARRAY[1,NULL]::int[]::vector", psycopg.errors.NullValueNotAllowed,
         "array must not contain nulls"),
    ]
    for sql, error, message in cases:
        with pytest.raises(error) as e:
            conn.execute(sql)
        assert e.value.diag.message_primary == message, sql
    with pytest.raises(psycopg.errors.DataException):
        conn.execute("INSERT INTO items VALUES (%b)", (Vector([1.0, 2.0]),))
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_btree_order_distinct_group_and_aggregates(conn):
    conn.execute("CREATE TABLE items (id serial PRIMARY KEY, embedding vector)")
    conn.execute("CREATE INDEX items_embedding ON items (embedding)")
    conn.execute("INSERT INTO items (embedding) VALUES ('[1,2]'), ('[1,2,0]'), ('[0,5]'), ('[1,2]'),"
                 " (NULL), ('[-1]')")
    # pgvector's order: element by element, then the shorter vector first.
    ordered = conn.execute("SELECT embedding::text AS t FROM items WHERE embedding IS NOT NULL"
                           " ORDER BY embedding").fetchall()
    assert [r[0] for r in ordered] == ["[-1]", "[0,5]", "[1,2]", "[1,2]", "[1,2,0]"]
    distinct = conn.execute("SELECT DISTINCT embedding FROM items ORDER BY embedding DESC").fetchall()
    assert [r[0] and r[0].to_list() for r in distinct] == [None, [1, 2, 0], [1, 2], [0, 5], [-1]]
    groups = conn.execute("SELECT embedding::text, count(*) FROM items GROUP BY embedding"
                          " HAVING count(*) > 1").fetchall()
    assert groups == [("[1,2]", 2)]
    assert conn.execute("SELECT count(*) FROM items WHERE embedding = '[1,2]'").fetchone()[0] == 2
    plan = [r[0] for r in conn.execute("EXPLAIN SELECT id FROM items WHERE embedding = '[1,2]'")]
    assert plan[0].startswith("Index Scan using items_embedding on items"), plan
    assert conn.execute("SELECT o.opcname, o.opcdefault FROM pg_index i JOIN pg_opclass o"
                        " ON o.oid = i.indclass[0] WHERE i.indexrelid = 'items_embedding'::regclass"
                        ).fetchall() == [("vector_ops", True)]
    assert conn.execute("SELECT count(*) FROM items WHERE embedding > '[1,2]'").fetchone()[0] == 1
    conn.execute("DELETE FROM items WHERE vector_dims(embedding) <> 2")
    avg, total = conn.execute("SELECT avg(embedding), sum(embedding) FROM items").fetchone()
    assert avg.to_list() == [f32(2 / 3), 3.0]
    assert total.to_list() == [2.0, 9.0]
    assert conn.execute("SELECT avg(embedding) FROM items WHERE false").fetchone()[0] is None


def test_bit_type_for_binary_quantize(conn):
    conn.execute("CREATE TABLE flags (id int PRIMARY KEY, b bit(4))")
    conn.execute("INSERT INTO flags VALUES (1, B'1010'), (2, X'F'), (3, binary_quantize('[1,-1,0,2]'))")
    assert conn.execute("SELECT b::text FROM flags ORDER BY b").fetchall() == [
        ("1001",), ("1010",), ("1111",)]
    with pytest.raises(psycopg.errors.StringDataLengthMismatch):
        conn.execute("INSERT INTO flags VALUES (4, B'10')")


def test_arithmetic_and_casts(conn):
    row = conn.execute("SELECT '[1,2]'::vector + '[3,4]', '[1,2]'::vector - '[3,4]',"
                       " '[1,2]'::vector * '[3,4]', '[1,2]'::vector || '[3]',"
                       " '[1,2]'::vector::real[], ARRAY[1,2,3]::vector,"
                       " ARRAY[1.5,2.5]::numeric[]::vector(2), l2_normalize('[3,4]'),"
                       " subvector('[1,2,3,4]', 2, 2), vector_norm('[3,4]')").fetchone()
    assert [v.to_list() if isinstance(v, Vector) else v for v in row] == [
        [4.0, 6.0], [-2.0, -2.0], [3.0, 8.0], [1.0, 2.0, 3.0], [1.0, 2.0], [1.0, 2.0, 3.0],
        [1.5, 2.5], [f32(0.6), f32(0.8)], [2.0, 3.0], 5.0]
    assert conn.execute("SELECT NULL::vector <-> '[1]', '[1]'::vector + NULL").fetchone() == (None, None)
