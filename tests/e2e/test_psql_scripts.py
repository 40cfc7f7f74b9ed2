"""psql 15 scripts run with -v ON_ERROR_STOP=1 -f (tests/e2e/psql/): data
entry with \\copy, \\gset and savepoints, then the describe commands (\\d,
\\dt, \\di, \\ds, \\dn, \\d <table>, \\l, \\dx, \\d <sequence>, \\dp, \\du,
\\df), whose catalog queries are the ones in docs/compat/client-queries.md."""
import os
import pathlib
import re
import subprocess

import pytest

SCRIPTS = pathlib.Path(__file__).resolve().parent / "psql"


def run_psql(database, name):
    """Runs a script from the psql/ folder there, so \\copy finds its file."""
    env = dict(os.environ, PGPASSWORD=database.password)
    result = subprocess.run(
        ["psql", "-X", "-h", "127.0.0.1", "-p", str(database.port), "-U", database.user,
         "-d", "postgres", "-v", "ON_ERROR_STOP=1", "--pset=pager=off", "-f", name],
        capture_output=True, text=True, env=env, cwd=SCRIPTS, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"psql -f {name} failed ({result.returncode}):\n{result.stdout}\n"
                    f"{result.stderr}", pytrace=False)
    return result.stdout


def squash(text):
    """Table output with runs of spaces collapsed, for layout-independent checks."""
    return re.sub(r"[ \t]+", " ", text)


def test_schema_script(database):
    out = squash(run_psql(database, "schema.sql"))
    assert "COPY 2" in out
    assert " Ann | 3" in out and " Ben | 2" in out
    assert "total posts: 5" in out
    assert " MINE" in out and " FROM CSV" in out


def test_describe_commands(database):
    run_psql(database, "schema.sql")
    out = squash(run_psql(database, "describe.sql"))
    user = database.user
    # \d and \dt
    assert f" public | posts | table | {user}" in out
    assert f" public | users | table | {user}" in out
    assert f" public | users_id_seq | sequence | {user}" in out
    # \di
    assert f" public | idx_posts_title | index | {user} | posts" in out
    assert f" public | users_email_key | index | {user} | users" in out
    # \dn
    assert f" public | " in out
    # \d users
    assert 'Table "public.users"' in out
    assert " id | integer | | not null | nextval('users_id_seq'::regclass)" in out
    assert " email | character varying(255) | | not null |" in out
    assert " created_at | timestamp with time zone | | not null | now()" in out
    assert '"users_pkey" PRIMARY KEY, btree (id)' in out
    assert '"users_email_key" UNIQUE CONSTRAINT, btree (email)' in out
    assert ('TABLE "posts" CONSTRAINT "posts_author_id_fkey" FOREIGN KEY (author_id) '
            'REFERENCES users(id) ON DELETE CASCADE') in out
    # \d posts
    assert '"idx_posts_title" btree (title)' in out
    assert ('"posts_author_id_fkey" FOREIGN KEY (author_id) REFERENCES users(id) '
            'ON DELETE CASCADE') in out
    # \d idx_posts_title
    assert 'Index "public.idx_posts_title"' in out
    # \l lists this database
    assert re.search(r"\n postgres \| " + re.escape(user) + r" \| UTF8 \|", out), out
    # \d of a serial's sequence (pg_depend), \dp (relacl/attacl), \du
    # (pg_auth_members), \df (pg_function_is_visible, pg_get_function_*)
    assert 'Sequence "public.users_id_seq"' in out
    assert "Owned by: public.users.id" in out
    assert " public | users | table | | | " in out
    assert re.search(r"\n " + re.escape(user) + r" \| Superuser, Create role, Create DB", out), out
    assert "List of functions" in out
