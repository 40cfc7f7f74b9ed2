"""Session functions that clients compare with what the connection told them:
pg_backend_pid() is the process id of BackendKeyData (psycopg's
conn.info.backend_pid), inet_server_port() the port the client connected to,
txid_current() one id per transaction, increasing."""


def test_backend_pid_matches_backend_key_data(database):
    with database.connect(autocommit=True) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        assert pid == conn.info.backend_pid
        assert pid > 0
        with database.connect(autocommit=True) as other:
            # Each connection is its own backend.
            assert other.execute("SELECT pg_backend_pid()").fetchone()[0] == other.info.backend_pid
            assert other.info.backend_pid != pid


def test_inet_server_port_is_the_listening_port(database):
    with database.connect(autocommit=True) as conn:
        assert conn.execute("SELECT inet_server_port()").fetchone()[0] == database.port


def test_txid_current_is_stable_within_a_transaction(database):
    with database.connect() as conn:
        first = conn.execute("SELECT txid_current()").fetchone()[0]
        assert conn.execute("SELECT txid_current()").fetchone()[0] == first
        conn.commit()
        second = conn.execute("SELECT txid_current()").fetchone()[0]
        assert second > first
        conn.rollback()
    with database.connect(autocommit=True) as conn:
        # Each autocommit statement is its own transaction.
        a = conn.execute("SELECT txid_current()").fetchone()[0]
        b = conn.execute("SELECT txid_current()").fetchone()[0]
        assert second < a < b
