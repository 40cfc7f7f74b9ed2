"""reg* types (regclass, regtype, regnamespace, regproc) over the wire:
names in text results and text Bind parameters, OIDs in binary results, and
PostgreSQL's errors for unknown names. Expected values are PostgreSQL 15's."""
import psycopg
import pytest


@pytest.fixture
def conn(database):
    with database.connect(autocommit=True) as c:
        c.execute("CREATE TABLE users (id serial PRIMARY KEY, email text)")
        yield c


def test_text_results_print_names(conn):
    row = conn.execute("SELECT 'users'::regclass, 'int4'::regtype, 'public'::regnamespace, "
                       "'users'::regclass::oid > 0").fetchone()
    assert row == ("users", "integer", "public", True)
    # Unnamed OIDs print as numbers, OID 0 as "-", as in PostgreSQL.
    assert conn.execute("SELECT 0::regclass, 999999::regclass").fetchone() == ("-", "999999")


def test_text_parameters_parse_names(conn):
    oid = conn.execute("SELECT oid FROM pg_class WHERE relname = 'users'").fetchone()[0]
    # SQLAlchemy's reflection: CAST($1 AS REGCLASS) with a text parameter.
    assert conn.execute("SELECT CAST(%s AS REGCLASS)::oid", ["users"]).fetchone()[0] == oid
    assert conn.execute("SELECT CAST(%s AS REGCLASS)::oid", ["public.users"]).fetchone()[0] == oid
    assert conn.execute("SELECT %s::regproc::text", ["now"]).fetchone()[0] == "now"
    # A literal is resolved while binding, as the other reg* literals are.
    assert conn.execute("SELECT 'now'::regproc::text").fetchone()[0] == "now"


def test_binary_results_are_oids(conn):
    oid = conn.execute("SELECT oid FROM pg_class WHERE relname = 'users'").fetchone()[0]
    with conn.cursor(binary=True) as cur:
        cur.execute("SELECT 'users'::regclass")
        # psycopg has no binary loader for regclass: the raw 4-byte OID.
        assert int.from_bytes(cur.fetchone()[0], "big") == oid


def test_unknown_names_fail_as_postgres(conn):
    with pytest.raises(psycopg.errors.UndefinedTable, match='relation "nope" does not exist'):
        conn.execute("SELECT CAST(%s AS REGCLASS)", ["nope"])
    with pytest.raises(psycopg.errors.UndefinedObject, match='type "nope" does not exist'):
        conn.execute("SELECT %s::regtype", ["nope"])
    with pytest.raises(psycopg.errors.UndefinedFunction, match='function "nope" does not exist'):
        conn.execute("SELECT %s::regproc", ["nope"])
    with pytest.raises(psycopg.errors.AmbiguousFunction, match='more than one function named'):
        conn.execute("SELECT %s::regproc", ["generate_series"])


def test_cursor_and_copy_print_names(conn):
    with conn.transaction():
        conn.execute("DECLARE c CURSOR FOR SELECT 'users'::regclass")
        assert conn.execute("FETCH 1 FROM c").fetchone() == ("users",)
    with conn.cursor().copy("COPY (SELECT 'users'::regclass, 'text'::regtype) TO STDOUT") as copy:
        assert b"".join(bytes(b) for b in copy) == b"users\ttext\n"
