"""SELECT ... FOR UPDATE / FOR SHARE take row locks, with PostgreSQL 15's
waiting, NOWAIT, SKIP LOCKED and READ COMMITTED re-check semantics."""
import threading
import time

import psycopg
import pytest


@pytest.fixture
def jobs(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE jobs (id integer PRIMARY KEY, state text NOT NULL, n integer NOT NULL)")
        conn.execute("INSERT INTO jobs VALUES (1, 'new', 0), (2, 'new', 0), (3, 'new', 0)")
    return database


def in_thread(fn):
    """Runs fn in a thread; returns (thread, outcome dict with 'result' or 'error')."""
    outcome = {}

    def run():
        try:
            outcome["result"] = fn()
        except psycopg.Error as exc:
            outcome["error"] = exc
    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def assert_waiting(thread, outcome):
    time.sleep(0.5)
    assert thread.is_alive() and not outcome, "must wait for the lock holder"


@pytest.mark.parametrize("strength", ["FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE"])
def test_locked_row_blocks_a_writer_until_commit(jobs, strength):
    with jobs.connect() as holder:
        assert holder.execute(f"SELECT id FROM jobs WHERE id = 1 {strength}").fetchall() == [(1,)]

        def update():
            with jobs.connect(autocommit=True) as conn:
                return conn.execute("UPDATE jobs SET n = n + 1 WHERE id = 1").rowcount
        thread, outcome = in_thread(update)
        assert_waiting(thread, outcome)
        holder.commit()
        thread.join(10)
        assert outcome == {"result": 1}


def test_unlocked_rows_stay_free(jobs):
    with jobs.connect() as holder, jobs.connect(autocommit=True) as other:
        holder.execute("SELECT id FROM jobs WHERE id = 1 FOR UPDATE")
        assert other.execute("UPDATE jobs SET n = 5 WHERE id = 2").rowcount == 1


def test_nowait_fails_at_once_with_55P03(jobs):
    with jobs.connect() as holder, jobs.connect() as other:
        holder.execute("SELECT * FROM jobs WHERE id = 2 FOR UPDATE")
        start = time.monotonic()
        with pytest.raises(psycopg.errors.LockNotAvailable) as err:
            other.execute("SELECT * FROM jobs WHERE id = 2 FOR UPDATE NOWAIT")
        assert time.monotonic() - start < 5
        assert err.value.diag.message_primary == 'could not obtain lock on row in relation "jobs"'


def test_skip_locked_queue_hands_each_worker_a_different_job(jobs):
    claim = "SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
    with jobs.connect() as w1, jobs.connect() as w2, jobs.connect() as w3, jobs.connect() as w4:
        assert w1.execute(claim).fetchall() == [(1,)]
        assert w2.execute(claim).fetchall() == [(2,)]  # LIMIT counts locked rows only
        assert w3.execute(claim).fetchall() == [(3,)]
        assert w4.execute(claim).fetchall() == []
        w2.execute("UPDATE jobs SET state = 'done' WHERE id = 2")
        w2.commit()
        w1.rollback()
        assert w4.execute(claim).fetchall() == [(1,)]


def lock_while_a_writer_commits(database, change, query):
    """Runs `query` (which locks rows) while another transaction holds them
    after `change`; returns what `query` got once that transaction committed."""
    with database.connect() as writer:
        writer.execute(change)

        def lock():
            with database.connect() as conn:
                return conn.execute(query).fetchall()
        thread, outcome = in_thread(lock)
        assert_waiting(thread, outcome)
        writer.commit()
        thread.join(10)
        return outcome


def test_read_committed_lock_returns_the_newest_version(jobs):
    outcome = lock_while_a_writer_commits(jobs, "UPDATE jobs SET n = 42 WHERE id = 1",
                                          "SELECT id, n FROM jobs WHERE id = 1 FOR UPDATE")
    assert outcome == {"result": [(1, 42)]}


def test_read_committed_recheck_drops_a_row_that_no_longer_matches(jobs):
    outcome = lock_while_a_writer_commits(
        jobs, "UPDATE jobs SET state = 'taken' WHERE id = 1",
        "SELECT id FROM jobs WHERE state = 'new' ORDER BY id FOR UPDATE")
    assert outcome == {"result": [(2,), (3,)]}


def test_read_committed_skips_a_row_deleted_while_waiting(jobs):
    outcome = lock_while_a_writer_commits(jobs, "DELETE FROM jobs WHERE id = 3",
                                          "SELECT id FROM jobs ORDER BY id FOR UPDATE")
    assert outcome == {"result": [(1,), (2,)]}


def test_repeatable_read_lock_of_a_changed_row_is_40001(jobs):
    with jobs.connect(autocommit=True) as reader, jobs.connect(autocommit=True) as writer:
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        reader.execute("SELECT count(*) FROM jobs")  # snapshot
        writer.execute("UPDATE jobs SET n = 7 WHERE id = 1")
        with pytest.raises(psycopg.errors.SerializationFailure):
            reader.execute("SELECT * FROM jobs WHERE id = 1 FOR UPDATE")


def test_of_locks_only_the_named_table(jobs):
    with jobs.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE owners (id integer PRIMARY KEY, job integer NOT NULL)")
        conn.execute("INSERT INTO owners VALUES (10, 1)")
    with jobs.connect() as holder, jobs.connect(autocommit=True) as other:
        rows = holder.execute(
            "SELECT o.id, j.id FROM owners o, jobs j WHERE o.job = j.id FOR UPDATE OF o").fetchall()
        assert rows == [(10, 1)]
        assert other.execute("UPDATE jobs SET n = 1 WHERE id = 1").rowcount == 1  # not locked
        with pytest.raises(psycopg.errors.LockNotAvailable):
            other.execute("SELECT * FROM owners FOR UPDATE NOWAIT")


def test_explain_shows_lockrows_below_limit(jobs):
    with jobs.connect(autocommit=True) as conn:
        plan = [r[0] for r in conn.execute(
            "EXPLAIN (COSTS OFF) SELECT * FROM jobs ORDER BY id LIMIT 1 FOR UPDATE")]
    assert plan[0] == "Limit"
    assert plan[1].strip() == "->  LockRows"
