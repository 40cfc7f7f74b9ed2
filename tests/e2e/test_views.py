"""Views through the clients that use them: SQLAlchemy's Inspector
(get_view_names, get_view_definition, get_columns on a view), psycopg's
column descriptions, writes through a simple view with SQLAlchemy, and the
refusal (0A000, saying why) of writes through views db9 cannot write
through."""
import json

import psycopg
import pytest
from sqlalchemy import create_engine, inspect, text

SCHEMA = """
CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric(8,2), hidden boolean DEFAULT false);
INSERT INTO items (name, price, hidden) VALUES ('pen', 1.50, false), ('ink', 7.25, false), ('key', 99, true);
CREATE VIEW visible_items AS SELECT id, name, price FROM items WHERE NOT hidden;
CREATE VIEW cheap (item, cost) AS SELECT name, price FROM visible_items WHERE price < 5;
"""


@pytest.fixture
def engine(database):
    database.psql("-q", input=SCHEMA)
    eng = create_engine(database.sqlalchemy_url)
    yield eng
    eng.dispose()


def test_inspector_lists_views_apart_from_tables(engine):
    insp = inspect(engine)
    assert insp.get_table_names() == ["items"]
    assert sorted(insp.get_view_names()) == ["cheap", "visible_items"]
    columns = {c["name"]: str(c["type"]) for c in insp.get_columns("cheap")}
    assert columns == {"item": "TEXT", "cost": "NUMERIC(8, 2)"}


@pytest.mark.parametrize("view", ["visible_items", "cheap"])
def test_view_definition_recreates_the_view(engine, view):
    definition = inspect(engine).get_view_definition(view)
    assert definition is not None and "items" in definition
    with engine.begin() as conn:
        conn.execute(text("CREATE VIEW copy_of_view AS " + definition))
        original = conn.execute(text(f"SELECT * FROM {view} ORDER BY 1"))
        copy = conn.execute(text("SELECT * FROM copy_of_view ORDER BY 1"))
        assert list(copy.keys()) == list(original.keys())
        assert copy.all() == original.all()
    def described(name):
        return [(c["name"], str(c["type"])) for c in inspect(engine).get_columns(name)]
    assert described("copy_of_view") == described(view)


def test_view_columns_describe_the_view(database):
    database.psql("-q", input=SCHEMA)
    with database.connect() as conn:
        cur = conn.execute("SELECT * FROM cheap")
        assert [d.name for d in cur.description] == ["item", "cost"]
        assert cur.fetchall() == [("pen", pytest.approx(1.5))]
        view_oid = conn.execute("SELECT 'cheap'::regclass::oid").fetchone()[0]
        # RowDescription names the view and its attnums, as PostgreSQL does.
        assert cur.pgresult.ftable(0) == view_oid and cur.pgresult.ftablecol(1) == 2


def test_orm_style_writes_through_a_simple_view(engine):
    with engine.begin() as conn:
        new_id = conn.execute(text("INSERT INTO visible_items (name, price) VALUES (:n, :p) "
                                   "RETURNING id"), {"n": "cap", "p": 2}).scalar()
        conn.execute(text("UPDATE visible_items SET price = price * 2 WHERE id = :i"), {"i": new_id})
        # The hidden row is not the view's to change.
        hidden = conn.execute(text("UPDATE visible_items SET price = 0 WHERE name = 'key'"))
        assert hidden.rowcount == 0
        assert conn.execute(text("SELECT price FROM items WHERE id = :i"), {"i": new_id}).scalar() == 4
        conn.execute(text("DELETE FROM visible_items WHERE name = 'pen'"))
        assert conn.execute(text("SELECT count(*) FROM items WHERE name = 'pen'")).scalar() == 0


@pytest.mark.parametrize("statement", [
    "INSERT INTO totals VALUES (1)",
    "UPDATE named_upper SET loud = 'x'",
    "DELETE FROM on_view",
])
def test_writes_db9_cannot_do_through_views_are_refused(database, statement):
    database.psql("-q", input=SCHEMA + """
        CREATE VIEW totals AS SELECT count(*) AS n FROM items;
        CREATE VIEW named_upper AS SELECT upper(name) AS loud FROM items;
        CREATE VIEW on_view AS SELECT id FROM visible_items;
    """)
    with database.connect() as conn:
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="view") as raised:
            conn.execute(statement)
        assert raised.value.diag.message_detail


def test_search_path_does_not_change_what_a_view_reads(database):
    database.psql("-q", input=SCHEMA + """
        CREATE SCHEMA other;
        CREATE TABLE other.items (id int, name text, price numeric, hidden boolean);
    """)
    with database.connect() as conn:
        conn.execute("SET search_path = other, public")
        assert conn.execute("SELECT count(*) FROM visible_items").fetchone()[0] == 2


def test_inspector_sees_schemas_and_their_views(engine):
    with engine.begin() as conn:
        conn.execute(text("CREATE SCHEMA shop"))
        conn.execute(text("CREATE TABLE shop.orders (id int PRIMARY KEY, item_id int)"))
        conn.execute(text("CREATE VIEW shop.order_items AS "
                          "SELECT o.id, i.name FROM shop.orders o JOIN items i ON i.id = o.item_id"))
    insp = inspect(engine)
    assert "shop" in insp.get_schema_names()
    assert insp.get_table_names(schema="shop") == ["orders"]
    assert insp.get_view_names(schema="shop") == ["order_items"]
    assert [c["name"] for c in insp.get_columns("order_items", schema="shop")] == ["id", "name"]
    assert "public.items" in insp.get_view_definition("order_items", schema="shop")


def test_control_plane_lists_and_describes_views(daemon, database):
    database.psql("-q", input=SCHEMA)
    listed = json.loads(daemon.cli("db", "tables", database.name, "--output", "json").stdout)
    by_name = {(t["schema"], t["name"]): t for t in listed}
    view, table = by_name["public", "cheap"], by_name["public", "items"]
    assert (view["kind"], view["rows"], view["bytes"]) == ("view", None, None)
    assert table["kind"] == "table" and table["rows_exact"] and table["rows"] >= 0
