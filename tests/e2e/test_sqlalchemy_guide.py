"""The SQLAlchemy guide's scripts (tests/e2e/sqlalchemy_guide/), run as
written against a fresh db9 database: setup (create_all), CRUD + upsert,
transactions, savepoints, and the query examples. Each script runs in its
own Python process, as a user would run it; the database is then checked
with psycopg."""
import os
import pathlib
import subprocess
import sys

import pytest

GUIDE = pathlib.Path(__file__).resolve().parent / "sqlalchemy_guide"



def run_guide(database, script, check=True):
    env = dict(os.environ, DATABASE_URL=database.url, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, str(GUIDE / script)], cwd=GUIDE, env=env,
                            capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        pytest.fail(f"{script} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
                    pytrace=False)
    return result


def rows(database, sql):
    with database.connect() as conn:
        return conn.execute(sql).fetchall()


def test_setup_creates_tables(database):
    out = run_guide(database, "setup.py").stdout
    assert "Tables created" in out
    tables = rows(database, "SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = 'public' ORDER BY 1")
    assert tables == [("posts",), ("users",)]
    # create_all again is a no-op: has_table sees both tables.
    run_guide(database, "setup.py")


def test_crud_and_upsert(database):
    run_guide(database, "setup.py")
    out = run_guide(database, "crud.py").stdout
    assert out.splitlines()[0] == "Alice"
    # The user was updated, upserted ("Alice V2") and deleted with its post.
    assert rows(database, "SELECT count(*) FROM users") == [(0,)]
    assert rows(database, "SELECT count(*) FROM posts") == [(0,)]


def test_crud_steps_leave_expected_state(database):
    """The same statements, stopping before the delete, to see the upsert."""
    run_guide(database, "setup.py")
    with database.connect() as conn:
        conn.execute("INSERT INTO users (email, name, metadata) VALUES (%s, %s, %s)",
                     ("alice@example.com", "Alice", '{"role": "admin"}'))
    env_script = (
        "from sqlalchemy.dialects.postgresql import insert\n"
        "from db import SessionFactory\nfrom models import User\n"
        "with SessionFactory() as session:\n"
        "    stmt = insert(User).values(email='alice@example.com', name='Alice V2')\n"
        "    stmt = stmt.on_conflict_do_update(index_elements=['email'], set_={'name': stmt.excluded.name})\n"
        "    session.execute(stmt)\n    session.commit()\n")
    env = dict(os.environ, DATABASE_URL=database.url)
    result = subprocess.run([sys.executable, "-c", env_script], cwd=GUIDE, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert rows(database, "SELECT email, name, metadata FROM users") == [
        ("alice@example.com", "Alice V2", {"role": "admin"})]


def test_transactions_commit_and_rollback(database):
    run_guide(database, "setup.py")
    run_guide(database, "transactions.py")
    assert rows(database, "SELECT email, name, metadata FROM users ORDER BY id") == [
        ("bob@example.com", "Bob", {})]


def test_savepoint_example_as_written_fails_with_not_null(database):
    run_guide(database, "setup.py")
    result = run_guide(database, "savepoint.py", check=False)
    assert result.returncode != 0
    assert "NotNullViolation" in result.stderr, result.stderr
    assert 'null value in column "metadata"' in result.stderr, result.stderr
    assert rows(database, "SELECT count(*) FROM users") == [(0,)]


def test_savepoint_example_with_metadata(database):
    run_guide(database, "setup.py")
    run_guide(database, "savepoint_with_metadata.py")
    # The insert was rolled back to the savepoint; the transaction committed.
    assert rows(database, "SELECT count(*) FROM users") == [(0,)]


def test_query_examples(database):
    run_guide(database, "setup.py")
    with database.connect() as conn:
        conn.execute("INSERT INTO users (email, name, metadata) VALUES "
                     "('a@x', 'Ann', '{\"role\": \"admin\"}'), ('b@x', 'Ben', '{}')")
        conn.execute("INSERT INTO posts (title, author_id) VALUES ('p1', 1), ('p2', 1), ('p3', 2)")
    out = run_guide(database, "queries.py").stdout.splitlines()
    assert out == [
        "admins ['Ann']",
        "post_counts [('Ann', 2), ('Ben', 1)]",
        "top_authors ['Ann']",
        "row_numbers [1, 2]",
        "recent [('Ann', 'p1'), ('Ann', 'p2'), ('Ben', 'p3')]",
    ]
    assert rows(database, "SELECT metadata FROM users WHERE id = 1") == [
        ({"role": "admin", "level": 5},)]
