"""Points of the control-plane issue that no other test showed: `--help` on
every CLI command, sessions that outlive a password reset and a rename, and a
branch and a dump each taken at one consistent moment while writers keep
committing."""
import contextlib
import json
import threading
import time
import uuid

import psycopg
import pytest

from db9_harness import Database, create_database, find_url

COMMANDS = [
    ["create"], ["list"], ["delete"], ["branch"], ["branch", "create"], ["db"],
    ["db", "status"], ["db", "connect"], ["db", "reset-password"], ["db", "rename"],
    ["db", "tables"], ["db", "sql"], ["db", "dump"], ["db", "restore"],
    ["daemon"], ["daemon", "start"], ["daemon", "stop"], ["daemon", "status"], ["completion"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(daemon, command):
    out = daemon.cli(*command, "--help")
    assert out.returncode == 0
    assert "Usage" in out.stdout or "usage" in out.stdout, out.stdout
    assert command[-1] in out.stdout


def test_open_sessions_outlive_a_password_reset_and_a_rename(daemon, database):
    with psycopg.connect(database.url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (n int)")
        daemon.cli("db", "reset-password", database.name)
        conn.execute("INSERT INTO t VALUES (1)")
        renamed = "kept-" + uuid.uuid4().hex[:8]
        daemon.cli("db", "rename", database.name, renamed)
        conn.execute("INSERT INTO t VALUES (2)")
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (2,)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(database.url).close()  # new logins need the new name and password


ACCOUNTS, TOTAL = 20, 20 * 1000


@contextlib.contextmanager
def payments_running(database):
    """Writers that each commit, in one transaction, a debit in `acct` and
    its record in `moves`: sum(balance) + sum(amount) stays TOTAL in every
    consistent state, and a copy that read the two tables at different
    moments breaks it. Yields a function that waits for 20 more payments."""
    with psycopg.connect(database.url, autocommit=True) as conn:
        conn.execute("CREATE TABLE acct (id int PRIMARY KEY, balance int NOT NULL)")
        conn.execute(f"INSERT INTO acct SELECT g, 1000 FROM generate_series(1, {ACCOUNTS}) g")
        conn.execute("CREATE TABLE moves (id serial PRIMARY KEY, amount int NOT NULL)")
    stop = threading.Event()
    errors = []

    def pay(seed):
        try:
            with psycopg.connect(database.url) as conn:
                i = 0
                while not stop.is_set():
                    i += 1
                    with conn.transaction():
                        conn.execute("UPDATE acct SET balance = balance - 5 WHERE id = %s",
                                     ((seed * 7 + i) % ACCOUNTS + 1,))
                        conn.execute("INSERT INTO moves (amount) VALUES (5)")
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    def twenty_more():
        with psycopg.connect(database.url, autocommit=True) as conn:
            seen = conn.execute("SELECT count(*) FROM moves").fetchone()[0]
            while conn.execute("SELECT count(*) FROM moves").fetchone()[0] < seen + 20:
                time.sleep(0.01)

    writers = [threading.Thread(target=pay, args=(s,)) for s in range(3)]
    for w in writers:
        w.start()
    try:
        yield twenty_more
    finally:
        stop.set()
        for w in writers:
            w.join()
    assert not errors, errors


def assert_consistent(copy):
    with copy.connect() as conn:
        balance = conn.execute("SELECT sum(balance) FROM acct").fetchone()[0]
        paid, moves = conn.execute("SELECT coalesce(sum(amount), 0), count(*) FROM moves").fetchone()
    assert moves >= 20, "the copy was taken before the writers got going"
    assert balance + paid == TOTAL, (balance, paid)


def test_branch_is_one_moment_while_writers_commit(daemon, database):
    branches = []
    with payments_running(database) as twenty_more:
        for _ in range(3):
            twenty_more()
            name = "snap-" + uuid.uuid4().hex[:8]
            out = json.loads(daemon.cli("branch", "create", name, "--from", database.name,
                                        "--show-secrets", "--output", "json").stdout)
            branches.append(Database(find_url(out)))
    for copy in branches:
        assert_consistent(copy)


def test_dump_is_one_moment_while_writers_commit(daemon, database, tmp_path):
    dumps = []
    with payments_running(database) as twenty_more:
        for i in range(3):
            twenty_more()
            dumps.append(tmp_path / f"dump-{i}.sql")
            daemon.cli("db", "dump", database.name, "-o", str(dumps[-1]))
    for dump in dumps:
        target = create_database(daemon)
        daemon.cli("db", "restore", target.name, str(dump))
        assert_consistent(target)
