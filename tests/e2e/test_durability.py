"""A COMMIT that returned survives SIGKILL of the daemon at any moment."""
import signal
import threading
import time

import psycopg

from db9_harness import create_database


def test_sigkill_during_writes_loses_no_committed_row(fresh_daemon):
    db = create_database(fresh_daemon)
    with db.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE events (writer integer, seq integer, payload text,"
                     " PRIMARY KEY (writer, seq))")
        conn.execute("CREATE INDEX events_payload ON events (payload)")

    committed = {w: [] for w in range(6)}
    stop = threading.Event()

    def writer(w):
        try:
            with db.connect() as conn:
                seq = 0
                while not stop.is_set():
                    seq += 1
                    conn.execute("INSERT INTO events VALUES (%s, %s, %s)",
                                 (w, seq, f"w{w}-{seq}" * 5))
                    if seq % 3 == 0:
                        conn.execute("UPDATE events SET payload = payload || '!' "
                                     "WHERE writer = %s AND seq = %s", (w, seq - 1))
                    conn.commit()
                    committed[w].append(seq)  # only after COMMIT returned
        except psycopg.Error:
            pass  # the daemon died under us: expected

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    time.sleep(3)
    fresh_daemon.stop(signal.SIGKILL)
    stop.set()
    for t in threads:
        t.join(30)
    assert sum(len(v) for v in committed.values()) > 0, "no writes got through before the kill"

    fresh_daemon.start()
    with psycopg.connect(db.url, autocommit=True) as conn:
        rows = conn.execute("SELECT writer, seq, payload FROM events").fetchall()
        found = {(w, s) for w, s, _ in rows}
        for w, seqs in committed.items():
            missing = [s for s in seqs if (w, s) not in found]
            assert not missing, f"writer {w} lost committed rows {missing[:10]}"
        # The index agrees with the table after recovery.
        for w, s, payload in rows[:50]:
            hit = conn.execute("SELECT writer, seq FROM events WHERE payload = %s",
                               (payload,)).fetchall()
            assert (w, s) in hit
        # The store is writable after recovery.
        conn.execute("INSERT INTO events VALUES (99, 1, 'after restart')")


def test_restart_keeps_databases_and_data(fresh_daemon):
    db = create_database(fresh_daemon)
    with db.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE kept (id integer PRIMARY KEY, v text)")
        conn.execute("INSERT INTO kept VALUES (1, 'one'), (2, 'two')")
    fresh_daemon.stop()  # SIGTERM: clean shutdown
    fresh_daemon.start()
    with psycopg.connect(db.url, autocommit=True) as conn:
        assert conn.execute("SELECT id, v FROM kept ORDER BY id").fetchall() == [(1, "one"),
                                                                                  (2, "two")]
