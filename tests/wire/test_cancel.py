"""CancelRequest: the key from BackendKeyData cancels the running statement
of that session (57014); a wrong key does nothing. A statement blocked on a
lock can be cancelled too, and does not hold up other sessions meanwhile."""
import threading
import time

from pgwire import connect, error_fields, send_cancel, types


def test_cancel_running_statement(wire_db):
    with connect(wire_db) as c:
        c.query("SELECT pg_sleep(30)")
        time.sleep(0.3)
        started = time.monotonic()
        send_cancel(wire_db.port, c.process_id, c.secret_key)
        messages = c.read_until_ready()
        assert time.monotonic() - started < 20  # the sleep would run 30 s
        # PostgreSQL sends the RowDescription before the sleep starts.
        assert types(messages) in ("EZ", "TEZ")
        fields = error_fields(messages[-2][1])
        assert fields["C"] == "57014"
        assert fields["M"] == "canceling statement due to user request"
        # The session goes on.
        c.query("SELECT 1")
        assert types(c.read_until_ready()) == "TDCZ"


def test_wrong_key_cancels_nothing(wire_db):
    with connect(wire_db) as c:
        c.query("SELECT pg_sleep(1)")
        time.sleep(0.2)
        send_cancel(wire_db.port, c.process_id, c.secret_key ^ 0x5a5a)
        send_cancel(wire_db.port, c.process_id + 1000, c.secret_key)
        assert types(c.read_until_ready()) == "TDCZ"


def test_psycopg_cancel(wire_db):
    import psycopg
    with wire_db.connect(autocommit=True) as conn:
        timer = threading.Timer(0.3, conn.cancel)
        timer.start()
        try:
            conn.execute("SELECT pg_sleep(30)")
            raise AssertionError("statement was not cancelled")
        except psycopg.errors.QueryCanceled:
            pass
        finally:
            timer.cancel()
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_lock_wait_cancelled_and_others_unaffected(wire_db):
    with connect(wire_db) as owner, connect(wire_db) as waiter, connect(wire_db) as bystander:
        owner.query("DROP TABLE IF EXISTS wire_lock; CREATE TABLE wire_lock (id int PRIMARY KEY, v int);"
                    " INSERT INTO wire_lock VALUES (1, 0)")
        owner.read_until_ready()
        owner.query("BEGIN; UPDATE wire_lock SET v = 1 WHERE id = 1")
        assert owner.read_until_ready()[-1] == ("Z", b"T")
        waiter.query("UPDATE wire_lock SET v = 2 WHERE id = 1")
        time.sleep(0.3)
        # The waiter holds a worker; everyone else carries on.
        bystander.query("SELECT count(*) FROM wire_lock")
        assert types(bystander.read_until_ready()) == "TDCZ"
        send_cancel(wire_db.port, waiter.process_id, waiter.secret_key)
        messages = waiter.read_until_ready()
        assert types(messages) == "EZ"
        assert error_fields(messages[0][1])["C"] == "57014"
        owner.query("ROLLBACK")
        owner.read_until_ready()
        owner.query("DROP TABLE wire_lock")
        owner.read_until_ready()


def test_cancel_stops_a_script_of_short_statements(wire_db):
    # Each INSERT is too short to reach a cancel check; the statement after
    # the one the cancel landed in must stop, and with it the whole message
    # (one implicit transaction: nothing of it stays).
    with connect(wire_db) as c:
        c.query("DROP TABLE IF EXISTS wire_script; CREATE TABLE wire_script (id int)")
        c.read_until_ready()
        c.query("".join(f"INSERT INTO wire_script VALUES ({i});" for i in range(200000)))
        time.sleep(0.5)
        send_cancel(wire_db.port, c.process_id, c.secret_key)
        messages = c.read_until_ready()
        # No clock: a loaded machine may still be parsing the script when the
        # cancel lands. What shows the stop is that the statements after it
        # never ran.
        errors = [m for m in messages if m[0] == "E"]
        assert errors and error_fields(errors[0][1])["C"] == "57014", types(messages)[-5:]
        assert types(messages).count("C") < 200000
        c.query("SELECT count(*) FROM wire_script")
        rows = c.read_until_ready()
        assert types(rows) == "TDCZ" and rows[1][1].endswith(b"\x00\x00\x00\x010"), rows[1]
