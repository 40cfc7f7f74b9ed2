"""SQL-level PREPARE / EXECUTE / DEALLOCATE through psycopg (extended
protocol: EXECUTE is Parse'd, Described and run as a portal), sharing the
statement namespace with protocol-level prepared statements. Expected
values and errors are PostgreSQL 15's."""
import psycopg
import pytest


@pytest.fixture
def conn(database):
    with database.connect(autocommit=True) as c:
        c.execute("CREATE TABLE items (id int PRIMARY KEY, name text)")
        yield c


def test_prepare_execute_deallocate(conn):
    conn.execute("PREPARE ins(int, text) AS INSERT INTO items VALUES ($1, $2)")
    conn.execute("EXECUTE ins(1, 'one')")
    # Assignment conversion of the values, as PostgreSQL does for EXECUTE.
    conn.execute("EXECUTE ins('2', 'two')")
    conn.execute("PREPARE get AS SELECT name FROM items WHERE id = $1")
    cur = conn.execute("EXECUTE get(2)")
    assert [d.name for d in cur.description] == ["name"]
    assert cur.fetchall() == [("two",)]
    conn.execute("DEALLOCATE get")
    with pytest.raises(psycopg.errors.InvalidSqlStatementName,
                       match='prepared statement "get" does not exist'):
        conn.execute("EXECUTE get(1)")


def test_prepare_errors(conn):
    conn.execute("PREPARE q(int) AS SELECT $1 + 1")
    with pytest.raises(psycopg.errors.DuplicatePreparedStatement):
        conn.execute("PREPARE q(int) AS SELECT $1")
    with pytest.raises(psycopg.errors.SyntaxError,
                       match='wrong number of parameters for prepared statement "q"'):
        conn.execute("EXECUTE q(1, 2)")
    with pytest.raises(psycopg.errors.InvalidTextRepresentation):
        conn.execute("EXECUTE q('x')")
    assert conn.execute("EXECUTE q(41)").fetchone() == (42,)


def test_execute_inside_a_transaction_block(conn):
    conn.execute("PREPARE ins(int) AS INSERT INTO items VALUES ($1, 'x')")
    with conn.transaction():
        conn.execute("EXECUTE ins(7)")
        assert conn.execute("SELECT count(*) FROM items").fetchone() == (1,)
    with pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute("EXECUTE ins(7)")
