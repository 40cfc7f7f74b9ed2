"""GIN indexes through the wire, as drivers use them: bound parameters pick
the index like constants do (EXPLAIN shows $n in the conditions), and the
results equal those of the same table without the index."""
import json

import pytest
from psycopg.types.json import Jsonb


@pytest.fixture
def conn(database):
    with database.connect(autocommit=True) as c:
        for table in ("plain", "indexed"):
            c.execute(f"CREATE TABLE {table} (id int PRIMARY KEY, doc jsonb, tags text[])")
            if table == "indexed":  # COPY maintains the entries
                c.execute("CREATE INDEX indexed_doc ON indexed USING gin (doc)")
                c.execute("CREATE INDEX indexed_tags ON indexed USING gin (tags)")
            with c.cursor().copy(f"COPY {table} (id, doc, tags) FROM STDIN") as copy:
                for i in range(1, 2001):
                    doc = {"a": i % 7, "tags": [f"t{i % 5}"], "k" + str(i % 9): None}
                    copy.write_row((i, json.dumps(doc) if i % 10 else None,
                                    [f"t{i % 3}", f"t{i % 4}"]))
        yield c


def plan(conn, sql, params):
    return [r[0] for r in conn.execute("EXPLAIN " + sql, params).fetchall()]


def test_parameters_use_the_index(conn):
    assert plan(conn, "SELECT id FROM indexed WHERE doc @> %s", (Jsonb({"a": 3}),)) == [
        "Bitmap Heap Scan on indexed",
        "  Recheck Cond: (doc @> $1)",
        "  ->  Bitmap Index Scan on indexed_doc",
        "        Index Cond: (doc @> $1)"]
    assert plan(conn, "SELECT id FROM indexed WHERE doc ? %s", ("k3",))[0] == "Bitmap Heap Scan on indexed"
    assert plan(conn, "SELECT id FROM indexed WHERE tags && %s", (["t1"],))[0] == (
        "Bitmap Heap Scan on indexed")


@pytest.mark.parametrize("condition, params", [
    ("doc @> %s", (Jsonb({"a": 3}),)),
    ("doc @> %s", (Jsonb({"tags": ["t2"], "a": 1}),)),
    ("doc @> %s", (Jsonb({}),)),
    ("doc ? %s", ("k4",)),
    ("doc ?| %s", (["k1", "k2"],)),
    ("doc ?& %s", (["k1", "a"],)),
    ("tags @> %s", (["t1", "t2"],)),
    ("tags <@ %s", (["t0", "t1"],)),
    ("tags && %s", (["t3"],)),
])
def test_results_equal_without_the_index(conn, condition, params):
    sql = "SELECT id FROM {} WHERE " + condition + " ORDER BY id"
    want = conn.execute(sql.format("plain"), params).fetchall()
    got = conn.execute(sql.format("indexed"), params).fetchall()
    assert got == want
    assert any(line.endswith("Bitmap Heap Scan on indexed") for line in plan(conn, sql.format("indexed"), params))
