"""psycopg 3 against the protocol details drivers rely on: startup
parameters, transaction status, empty queries, TypeInfo for missing types,
prepared statements, errors with SQLSTATE and recovery."""
import pytest
from psycopg import errors, pq
from psycopg.types import TypeInfo


def test_reported_parameters(database):
    with database.connect() as conn:
        status = conn.info.parameter_status
        assert status("server_version").startswith("15.")
        assert status("IntervalStyle") == "postgres"
        assert status("DateStyle") == "ISO, MDY"
        assert status("integer_datetimes") == "on"
        assert status("standard_conforming_strings") == "on"
        assert status("client_encoding") == "UTF8"
        assert status("server_encoding") == "UTF8"
        assert status("TimeZone") is not None
        assert conn.info.server_version >= 150000


def test_transaction_status_and_empty_query(database):
    with database.connect() as conn:
        assert conn.info.transaction_status == pq.TransactionStatus.IDLE
        conn.execute("SELECT 1")
        assert conn.info.transaction_status == pq.TransactionStatus.INTRANS
        with pytest.raises(errors.DivisionByZero):
            conn.execute("SELECT 1 / 0")
        assert conn.info.transaction_status == pq.TransactionStatus.INERROR
        with pytest.raises(errors.InFailedSqlTransaction):
            conn.execute("SELECT 1")
        conn.rollback()
        assert conn.info.transaction_status == pq.TransactionStatus.IDLE
        res = conn.pgconn.exec_(b";")
        assert res.status == pq.ExecStatus.EMPTY_QUERY


def test_typeinfo_for_missing_and_present_types(database):
    with database.connect() as conn:
        assert TypeInfo.fetch(conn, "hstore") is None
        info = TypeInfo.fetch(conn, "jsonb")
        assert (info.oid, info.array_oid, info.delimiter) == (3802, 3807, ",")
        info = TypeInfo.fetch(conn, "numeric")
        assert (info.oid, info.array_oid) == (1700, 1231)


def test_errors_carry_sqlstate(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE e (id int PRIMARY KEY, v text NOT NULL)")
        conn.execute("INSERT INTO e VALUES (1, 'a')")
        cases = [
            ("INSERT INTO e VALUES (1, 'b')", errors.UniqueViolation),
            ("INSERT INTO e VALUES (2, NULL)", errors.NotNullViolation),
            ("SELECT * FROM nosuch", errors.UndefinedTable),
            ("SELECT nosuch FROM e", errors.UndefinedColumn),
            ("SELEC 1", errors.SyntaxError),
            ("SELECT 'x'::int", errors.InvalidTextRepresentation),
        ]
        for sql, error in cases:
            with pytest.raises(error) as info:
                conn.execute(sql)
            assert info.value.diag.sqlstate == error.sqlstate
            assert info.value.diag.message_primary


def test_prepared_statements_and_parameter_inference(database):
    with database.connect(autocommit=True, prepare_threshold=0) as conn:
        conn.execute("CREATE TABLE p (id bigint PRIMARY KEY, name text, score real)")
        for i in range(5):
            conn.execute("INSERT INTO p VALUES (%s, %s, %s)", (i, f"n{i}", i / 2))
        for i in range(5):
            row = conn.execute("SELECT name, score FROM p WHERE id = %s", (i,)).fetchone()
            assert row == (f"n{i}", i / 2)
        # psycopg sends small ints as int2; the server widens them.
        assert conn.execute("SELECT %s + 1", (41,)).fetchone()[0] == 42
        assert conn.execute("SELECT count(*) FROM p WHERE id = ANY(%s)", ([1, 2, 99],)).fetchone()[0] == 2


def test_server_side_cursor_fetches_in_batches(database):
    with database.connect() as conn:
        conn.execute("CREATE TABLE big (id int)")
        with conn.cursor().copy("COPY big FROM STDIN") as copy:
            for i in range(1, 1001):
                copy.write_row((i,))
        with conn.cursor(name="c1") as cur:
            cur.itersize = 100
            cur.execute("SELECT id FROM big ORDER BY id")
            assert sum(r[0] for r in cur) == 500500
        conn.commit()


def test_pipeline_mode(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE pl (id int)")
        with conn.pipeline():
            for i in range(10):
                conn.execute("INSERT INTO pl VALUES (%s)", (i,))
        assert conn.execute("SELECT count(*), sum(id) FROM pl").fetchone() == (10, 45)


def test_savepoints_via_nested_transactions(database):
    with database.connect() as conn:
        conn.execute("CREATE TABLE sp (id int PRIMARY KEY)")
        conn.commit()
        with conn.transaction():
            conn.execute("INSERT INTO sp VALUES (1)")
            with pytest.raises(errors.UniqueViolation):
                with conn.transaction():
                    conn.execute("INSERT INTO sp VALUES (1)")
            conn.execute("INSERT INTO sp VALUES (2)")
        assert conn.execute("SELECT id FROM sp ORDER BY id").fetchall() == [(1,), (2,)]


def test_copy_from_and_to(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE cp (id int, name text)")
        with conn.cursor().copy("COPY cp (id, name) FROM STDIN") as copy:
            for row in [(1, "a"), (2, None), (3, "tab\there")]:
                copy.write_row(row)
        assert conn.execute("SELECT id, name FROM cp ORDER BY id").fetchall() == [
            (1, "a"), (2, None), (3, "tab\there")]
        out = []
        with conn.cursor().copy("COPY (SELECT id, name FROM cp ORDER BY id) TO STDOUT") as copy:
            for row in copy.rows():
                out.append(row)
        assert out == [("1", "a"), ("2", None), ("3", "tab\there")]
