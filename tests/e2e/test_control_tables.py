"""db.tables with row counts and sizes on disk, through the control socket and
`db9 db tables` (table, JSON and CSV output): exact for small tables, even
fresh ones still in LevelDB's write buffer; estimated (and marked so) for big
ones; null for views."""
import csv
import io
import json
import socket
import time

import pytest


def request(daemon, op, args):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(str(daemon.socket))
        s.sendall((json.dumps({"id": 1, "op": op, "args": args}) + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            assert chunk, "the daemon closed the connection"
            data += chunk
    return json.loads(data)


def by_name(tables):
    return {t["name"]: t for t in tables}


@pytest.fixture
def filled(daemon, database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE small (id int PRIMARY KEY, label text)")
        conn.execute("CREATE INDEX small_label ON small (label)")
        conn.execute("INSERT INTO small SELECT g, 'label ' || g FROM generate_series(1, 7) g")
        conn.execute("CREATE TABLE empty (id int)")
        conn.execute("CREATE TABLE big (id int PRIMARY KEY, pad text)")
        conn.execute("INSERT INTO big SELECT g, md5(g::text) || md5((-g)::text) "
                     "FROM generate_series(1, 60000) g")
        conn.execute("CREATE VIEW small_view AS SELECT id FROM small")
    return database


def flushed_tables(daemon, name):
    """db.tables once the big table's bulk load has left LevelDB's write
    buffer (approximate sizes see only what is in files); LevelDB flushes it
    in the background right after the next write."""
    deadline = time.monotonic() + 20
    while True:
        answer = request(daemon, "db.tables", {"name": name})
        assert answer["ok"], answer
        tables = by_name(answer["result"]["tables"])
        if tables["big"]["bytes"] > 2_000_000 or time.monotonic() > deadline:
            return tables
        time.sleep(0.2)


def test_tables_have_rows_and_bytes(daemon, filled):
    tables = flushed_tables(daemon, filled.name)
    small = tables["small"]
    # Just written, so still in the write buffer: counted, not guessed.
    assert small["kind"] == "table" and small["rows"] == 7 and small["rows_exact"] is True
    assert small["bytes"] > 0
    assert tables["empty"]["rows"] == 0 and tables["empty"]["rows_exact"] is True
    view = tables["small_view"]
    assert view["kind"] == "view" and view["rows"] is None and view["bytes"] is None
    big = tables["big"]
    assert big["rows_exact"] is False
    assert big["bytes"] > 2_000_000, big
    assert 0.5 * 60000 < big["rows"] < 1.5 * 60000, big


def test_counts_follow_deletes(daemon, filled):
    with filled.connect(autocommit=True) as conn:
        conn.execute("DELETE FROM small WHERE id <= 3")
        conn.execute("BEGIN")
        conn.execute("INSERT INTO small VALUES (100, 'uncommitted')")
        tables = by_name(request(daemon, "db.tables", {"name": filled.name})["result"]["tables"])
        conn.execute("ROLLBACK")
    assert tables["small"]["rows"] == 4  # committed rows only


def test_cli_shows_rows_and_size(daemon, filled):
    people = daemon.cli("db", "tables", filled.name).stdout
    header, _rule, *lines = people.splitlines()
    assert header.split() == ["SCHEMA", "NAME", "KIND", "ROWS", "SIZE"]
    rows = {line.split()[1]: line.split() for line in lines}
    assert rows["small"][3] == "7"
    assert rows["big"][3].startswith("~")  # an estimate says so
    assert rows["small_view"][2:] == ["view"]  # no rows, no size

    as_json = by_name(json.loads(daemon.cli("db", "tables", filled.name, "--output", "json").stdout))
    assert as_json["small"]["rows"] == 7 and as_json["small_view"]["bytes"] is None

    as_csv = list(csv.DictReader(io.StringIO(
        daemon.cli("db", "tables", filled.name, "--output", "csv").stdout)))
    assert list(as_csv[0].keys()) == ["schema", "name", "kind", "rows", "rows_exact", "bytes"]
    rows = {r["name"]: r for r in as_csv}
    assert rows["small"]["rows"] == "7" and rows["small"]["rows_exact"] == "true"
    assert rows["big"]["rows_exact"] == "false" and int(rows["big"]["bytes"]) > 500_000
    assert rows["small_view"]["rows"] == "" and rows["small_view"]["bytes"] == ""
