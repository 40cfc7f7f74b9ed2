"""Dumps carry their rows as COPY blocks, as pg_dump writes them, and
db.restore feeds those blocks to COPY: text with tabs, newlines, backslashes
and NULLs comes back exactly, an empty table gets no COPY, and a restore that
fails inside a COPY block leaves nothing behind."""
import json
import uuid

import psycopg

AWKWARD = ["tab\there", "line\nbreak", "back\\slash", "\\N", "", None, "\\.", "end\\.", "ünïcode"]


def new_database(daemon):
    name = "dump-" + uuid.uuid4().hex[:8]
    daemon.cli("create", "--name", name)
    return name


def rows(daemon, name, sql):
    out = json.loads(daemon.cli("db", "sql", name, "-c", sql, "--output", "json").stdout)
    return out["results"][0]["rows"]


def test_rows_travel_as_copy_and_come_back_exactly(daemon, database, tmp_path):
    with psycopg.connect(database.url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (id int PRIMARY KEY, body text)")
        conn.execute("CREATE TABLE nothing (id int)")
        with conn.cursor() as cur:
            for i, body in enumerate(AWKWARD):
                cur.execute("INSERT INTO t VALUES (%s, %s)", (i, body))
    dump = tmp_path / "d.sql"
    daemon.cli("db", "dump", database.name, "-o", str(dump))
    script = dump.read_text()
    assert 'COPY "public"."t" ("id", "body") FROM stdin;\n' in script
    assert "INSERT INTO" not in script
    assert '"nothing" ("id") FROM stdin' not in script  # no rows, no COPY block
    target = new_database(daemon)
    daemon.cli("db", "restore", target, str(dump))
    assert rows(daemon, target, "SELECT id, body FROM t ORDER BY id") == \
        [[str(i), body] for i, body in enumerate(AWKWARD)]
    assert rows(daemon, target, "SELECT count(*) FROM nothing") == [["0"]]


def test_a_bad_copy_row_restores_nothing(daemon, tmp_path):
    script = tmp_path / "bad.sql"
    script.write_text("CREATE TABLE t (id int PRIMARY KEY, body text);\n"
                      "COPY t (id, body) FROM stdin;\n1\tone\nnot a number\ttwo\n\\.\n"
                      "CREATE TABLE after (id int);\n")
    target = new_database(daemon)
    failed = daemon.cli("db", "restore", target, str(script), check=False)
    assert failed.returncode == 1 and "integer" in failed.stderr, failed.stderr
    assert rows(daemon, target, "SELECT count(*) FROM pg_catalog.pg_class "
                                "WHERE relname IN ('t', 'after')") == [["0"]]


def test_copy_over_the_control_socket_still_needs_a_client(daemon, database):
    daemon.cli("db", "sql", database.name, "-c", "CREATE TABLE c (id int)")
    out = daemon.cli("db", "sql", database.name, "-c", "COPY c TO STDOUT", check=False)
    assert out.returncode == 1 and "PostgreSQL client" in out.stderr
