"""A control client that hangs up while its SQL runs: db9d cancels the
statement (57014 inside), rolls its transaction back and releases its locks,
so PostgreSQL clients are not left waiting behind a request nobody reads."""
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
        conn.execute("SET statement_timeout = '3s'")  # fail, not hang, if the lock stayed
        started = time.monotonic()
        conn.execute("UPDATE acct SET balance = balance + 1 WHERE id = 1")
        assert time.monotonic() - started < 2
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
