"""Concurrent transactions through real psycopg connections, with
PostgreSQL 15's semantics for each isolation level."""
import threading
import time

import psycopg
import pytest
from psycopg import errors


@pytest.fixture
def counter(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL)")
        conn.execute("INSERT INTO counter VALUES (1, 0)")
    return database


def value(database):
    with database.connect(autocommit=True) as conn:
        return conn.execute("SELECT n FROM counter WHERE id = 1").fetchone()[0]


def run_blocked_update(database, isolation, outcome):
    """Second writer: updates the row the first writer holds; records what happened."""
    try:
        with database.connect(autocommit=True) as conn:
            conn.execute(f"BEGIN ISOLATION LEVEL {isolation}")
            conn.execute("SELECT n FROM counter WHERE id = 1")  # takes the snapshot
            outcome["started"].set()
            conn.execute("UPDATE counter SET n = n + 10 WHERE id = 1")
            conn.execute("COMMIT")
            outcome["result"] = "committed"
    except psycopg.Error as exc:
        outcome["result"] = exc.sqlstate


def first_writer_then_second(database, isolation):
    outcome = {"started": threading.Event()}
    with database.connect(autocommit=True) as first:
        first.execute(f"BEGIN ISOLATION LEVEL {isolation}")
        first.execute("UPDATE counter SET n = n + 1 WHERE id = 1")
        second = threading.Thread(target=run_blocked_update, args=(database, isolation, outcome))
        second.start()
        assert outcome["started"].wait(10)
        time.sleep(0.5)
        assert "result" not in outcome, "second writer must wait for the first"
        first.execute("COMMIT")
    second.join(20)
    assert not second.is_alive()
    return outcome["result"]


def test_read_committed_update_waits_and_applies_to_newest_version(counter):
    assert first_writer_then_second(counter, "READ COMMITTED") == "committed"
    assert value(counter) == 11  # no lost update


def test_repeatable_read_later_writer_gets_serialization_failure(counter):
    assert first_writer_then_second(counter, "REPEATABLE READ") == "40001"
    assert value(counter) == 1


def test_serializable_runs_as_repeatable_read(counter):
    with counter.connect(autocommit=True) as conn:
        conn.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        assert conn.execute("SHOW transaction_isolation").fetchone()[0] == "serializable"
        conn.execute("COMMIT")
    assert first_writer_then_second(counter, "SERIALIZABLE") == "40001"


def test_repeatable_read_sees_one_snapshot_read_committed_sees_new_commits(counter):
    with counter.connect(autocommit=True) as rr, counter.connect(autocommit=True) as rc, \
            counter.connect(autocommit=True) as w:
        rr.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        rc.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        assert rr.execute("SELECT n FROM counter").fetchone()[0] == 0
        assert rc.execute("SELECT n FROM counter").fetchone()[0] == 0
        w.execute("UPDATE counter SET n = 5")
        assert rr.execute("SELECT n FROM counter").fetchone()[0] == 0
        assert rc.execute("SELECT n FROM counter").fetchone()[0] == 5
        rr.execute("COMMIT")
        rc.execute("COMMIT")


@pytest.mark.parametrize("isolation", ["READ COMMITTED", "REPEATABLE READ"])
@pytest.mark.parametrize("key", ["unique index", "primary key"])
def test_concurrent_inserts_of_one_unique_key_exactly_one_wins(database, isolation, key):
    """PostgreSQL reports the losers as 23505 at every isolation level."""
    with database.connect(autocommit=True) as conn:
        if key == "primary key":
            conn.execute("CREATE TABLE emails (email text PRIMARY KEY)")
        else:
            conn.execute("CREATE TABLE emails (id serial PRIMARY KEY, email text UNIQUE)")
    results = []
    barrier = threading.Barrier(8)

    def insert():
        try:
            with database.connect(autocommit=True) as conn:
                conn.execute(f"BEGIN ISOLATION LEVEL {isolation}")
                conn.execute("SELECT count(*) FROM emails")  # takes the snapshot
                barrier.wait(10)
                conn.execute("INSERT INTO emails (email) VALUES ('same@example.com')")
                time.sleep(0.2)  # hold the key while the others try
                conn.execute("COMMIT")
                results.append("ok")
        except psycopg.Error as exc:
            results.append(exc.sqlstate)

    threads = [threading.Thread(target=insert) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == ["23505"] * 7 + ["ok"]
    with database.connect(autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM emails").fetchone()[0] == 1


def test_many_concurrent_increments_lose_nothing(counter):
    def work():
        with counter.connect(autocommit=True) as conn:
            for _ in range(25):
                conn.execute("UPDATE counter SET n = n + 1 WHERE id = 1")

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert value(counter) == 200


def test_failed_statement_aborts_block_until_rollback(counter):
    with counter.connect(autocommit=True) as conn:
        conn.execute("BEGIN")
        with pytest.raises(errors.UndefinedTable):
            conn.execute("SELECT * FROM missing_table")
        with pytest.raises(errors.InFailedSqlTransaction):
            conn.execute("SELECT 1")
        conn.execute("ROLLBACK")
        assert conn.execute("SELECT 1").fetchone()[0] == 1
