"""A control client that hangs up while its SQL runs: db9d cancels the
statement (57014 inside), rolls its transaction back and releases its locks,
so PostgreSQL clients are not left waiting behind a request nobody reads. A
dump or restore whose client hangs up stops too: no file, nothing committed."""
import json
import socket
import time

import psycopg


def send_and_hang_up(daemon, op, args, wait_until_running):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(str(daemon.socket))
    s.sendall((json.dumps({"id": 1, "op": op, "args": args}) + "\n").encode())
    wait_until_running()
    s.close()


def open_connections(daemon, name):
    status = json.loads(daemon.cli("db", "status", name, "--output", "json").stdout)
    return status["database"]["open_connections"]


def wait_for_connections(daemon, name, count, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if open_connections(daemon, name) == count:
            return True
        time.sleep(0.05)
    return False


def test_hanging_up_releases_the_row_lock(daemon, database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE acct (id int PRIMARY KEY, balance int)")
        conn.execute("INSERT INTO acct VALUES (1, 100)")
    send_and_hang_up(
        daemon, "db.sql",
        {"name": database.name,
         "sql": "BEGIN; UPDATE acct SET balance = 0 WHERE id = 1; SELECT pg_sleep(120)"},
        lambda: wait_for_connections(daemon, database.name, 1, 10))
    assert wait_for_connections(daemon, database.name, 0, 5), "the statement kept running"
    with database.connect(autocommit=True) as conn:
        # A lock left behind fails this with 57014 instead of hanging the test.
        conn.execute("SET statement_timeout = '3s'")
        conn.execute("UPDATE acct SET balance = balance + 1 WHERE id = 1")
        assert conn.execute("SELECT balance FROM acct").fetchone() == (101,)


def test_hanging_up_stops_a_long_execute(daemon, database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE log (n int)")
    send_and_hang_up(
        daemon, "db.execute",
        {"name": database.name,
         "statements": [{"sql": "INSERT INTO log VALUES ($1)", "params": ["1"]},
                        {"sql": "SELECT count(*) FROM generate_series(1, $1::int)",
                         "params": ["2000000000"]}]},
        lambda: wait_for_connections(daemon, database.name, 1, 10))
    assert wait_for_connections(daemon, database.name, 0, 5), "the statement kept running"
    with psycopg.connect(database.url) as conn:
        assert conn.execute("SELECT count(*) FROM log").fetchone() == (0,)


def served_promptly(daemon):
    """Another client is answered at once (a dump or restore runs on its own
    connection's thread and must not hold up the daemon)."""
    started = time.monotonic()
    listed = json.loads(daemon.cli("list", "--output", "json").stdout)
    assert time.monotonic() - started < 3
    return listed


def wait_gone(daemon, name, timeout=120):
    """Seconds until the request's SQL session ended (its connection closed)."""
    started = time.monotonic()
    assert wait_for_connections(daemon, name, 0, timeout), "the request never ended"
    return time.monotonic() - started


def big_restore_script(path, statements=3000, rows=100):
    with open(path, "w") as f:
        f.write("BEGIN;\nCREATE TABLE big (id int PRIMARY KEY, pad text);\n")
        n = 0
        for _ in range(statements):
            values = []
            for _ in range(rows):
                n += 1
                values.append(f"({n}, 'row {n} with some padding text')")
            f.write("INSERT INTO big (id, pad) VALUES " + ", ".join(values) + ";\n")
        f.write("COMMIT;\n")


def test_hanging_up_stops_a_restore_and_commits_nothing(daemon, database, tmp_path):
    script = tmp_path / "big.sql"
    big_restore_script(script)
    send_and_hang_up(
        daemon, "db.restore", {"name": database.name, "path": str(script)},
        lambda: wait_for_connections(daemon, database.name, 1, 30) and time.sleep(0.5))
    assert wait_gone(daemon, database.name) < 5, "the restore kept running"
    served_promptly(daemon)
    with psycopg.connect(database.url) as conn:
        assert conn.execute("SELECT to_regclass('public.big')").fetchone() == (None,)
    # The same script, short, restores: nothing above failed for another reason.
    big_restore_script(script, statements=20)
    daemon.cli("db", "restore", database.name, str(script))
    with psycopg.connect(database.url) as conn:
        assert conn.execute("SELECT count(*) FROM big").fetchone() == (2000,)


def test_restore_without_transaction_control_is_all_or_nothing(daemon, database, tmp_path):
    script = tmp_path / "partial.sql"
    script.write_text("CREATE TABLE t (id int PRIMARY KEY);\n"
                      "INSERT INTO t VALUES (1), (2);\n"
                      "INSERT INTO t VALUES (2);\n"
                      "INSERT INTO t VALUES (3);\n")
    failed = daemon.cli("db", "restore", database.name, str(script), check=False)
    assert failed.returncode == 1 and "duplicate key" in failed.stderr, failed.stderr
    with psycopg.connect(database.url) as conn:
        assert conn.execute("SELECT to_regclass('public.t')").fetchone() == (None,)
    script.write_text("CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1), (2);\n")
    done = json.loads(daemon.cli("db", "restore", database.name, str(script),
                                 "--output", "json").stdout)
    assert done["statements"] == 2
    with psycopg.connect(database.url) as conn:
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (2,)


def test_restore_error_points_into_the_file(daemon, database, tmp_path):
    script = tmp_path / "bad.sql"
    script.write_text("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nSELECT nope FROM t;\n")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(str(daemon.socket))
    s.sendall((json.dumps({"id": 1, "op": "db.restore",
                           "args": {"name": database.name, "path": str(script)}}) + "\n").encode())
    answer = json.loads(s.makefile().readline())
    s.close()
    error = answer["error"]
    assert error["code"] == "42703"
    assert error["position"] == script.read_text().index("nope") + 1
    assert error["detail"].endswith("in statement 3 of 3")


def test_hanging_up_stops_a_dump(daemon, database, tmp_path):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE big (id int PRIMARY KEY, pad text)")
        conn.execute("INSERT INTO big SELECT g, 'row ' || g || repeat(' padding', 8) "
                     "FROM generate_series(1, 300000) g")
    target = tmp_path / "big-dump.sql"
    send_and_hang_up(
        daemon, "db.dump", {"name": database.name, "path": str(target)},
        lambda: wait_for_connections(daemon, database.name, 1, 30))
    assert wait_gone(daemon, database.name) < 5, "the dump kept running"
    served_promptly(daemon)
    assert not target.exists(), "a dump whose client hung up still wrote its file"
