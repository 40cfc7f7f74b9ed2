"""SQLAlchemy's catalog use beyond the guide: inspect() reflection,
has_table / drop_all, insertmanyvalues bulk inserts, and the connect-time
queries. Expected values are what PostgreSQL 15 gives for the guide's
models."""
import pathlib
import sys

import pytest
from sqlalchemy import (Column, Identity, Index, Integer, MetaData, Numeric, String, Table, Text,
                        create_engine, inspect, insert, select, text)
from sqlalchemy.dialects.postgresql import TIMESTAMP

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "sqlalchemy_guide"))
from models import Base, Post, User  # noqa: E402



@pytest.fixture
def engine(database):
    eng = create_engine(database.sqlalchemy_url, pool_pre_ping=True)
    yield eng
    eng.dispose()


def test_first_connect_and_server_version(engine):
    with engine.connect() as conn:
        assert conn.dialect.server_version_info[0] == 15
        assert conn.execute(text("select current_schema()")).scalar() == "public"
        assert conn.execute(text("show standard_conforming_strings")).scalar() == "on"


def test_has_table_create_all_drop_all(engine):
    insp = inspect(engine)
    assert not insp.has_table("users")
    Base.metadata.create_all(engine)
    insp = inspect(engine)
    assert insp.has_table("users") and insp.has_table("posts")
    assert sorted(insp.get_table_names()) == ["posts", "users"]
    Base.metadata.drop_all(engine)
    assert inspect(engine).get_table_names() == []


def test_reflect_columns(engine):
    Base.metadata.create_all(engine)
    cols = inspect(engine).get_columns("users")
    simple = [(c["name"], str(c["type"]), c["nullable"], c["default"], c["autoincrement"])
              for c in cols]
    assert simple == [
        ("id", "INTEGER", False, "nextval('users_id_seq'::regclass)", True),
        ("email", "VARCHAR(255)", False, None, False),
        ("name", "VARCHAR(100)", False, None, False),
        ("metadata", "JSONB", False, None, False),
        ("created_at", "TIMESTAMP", False, "now()", False),
    ]
    assert isinstance(cols[4]["type"], TIMESTAMP) and cols[4]["type"].timezone


def test_reflect_keys_and_indexes(engine):
    Base.metadata.create_all(engine)
    insp = inspect(engine)
    pk = insp.get_pk_constraint("users")
    assert (pk["name"], pk["constrained_columns"]) == ("users_pkey", ["id"])
    fks = insp.get_foreign_keys("posts")
    assert [(f["name"], f["constrained_columns"], f["referred_table"], f["referred_columns"],
             f["options"]) for f in fks] == [
        ("posts_author_id_fkey", ["author_id"], "users", ["id"], {"ondelete": "CASCADE"})]
    assert [(i["name"], i["unique"], i["column_names"]) for i in insp.get_indexes("users")] == [
        ("users_email_key", True, ["email"])]
    assert [(u["name"], u["column_names"]) for u in insp.get_unique_constraints("users")] == [
        ("users_email_key", ["email"])]


def test_reflect_into_metadata(engine):
    Base.metadata.create_all(engine)
    md = MetaData()
    md.reflect(engine)
    assert sorted(md.tables) == ["posts", "users"]
    posts = md.tables["posts"]
    assert [c.name for c in posts.columns] == ["id", "title", "content", "author_id", "created_at"]
    assert list(posts.c.author_id.foreign_keys)[0].target_fullname == "users.id"


def test_bulk_insert_returns_keys_in_order(engine):
    md = MetaData()
    items = Table("items", md, Column("id", Integer, primary_key=True), Column("name", String(50)))
    md.create_all(engine)
    names = [f"n{i}" for i in range(25)]
    with engine.begin() as conn:
        result = conn.execute(insert(items).returning(items.c.id, items.c.name,
                                                      sort_by_parameter_order=True),
                              [{"name": n} for n in names])
        returned = result.all()
    assert [r.name for r in returned] == names
    assert [r.id for r in returned] == list(range(1, 26))


def test_identity_numeric_and_explicit_index(engine):
    md = MetaData()
    Table("ledger", md, Column("id", Integer, Identity(), primary_key=True),
          Column("amount", Numeric(10, 2), nullable=False), Column("memo", Text),
          Index("ix_ledger_amount", "amount"))
    md.create_all(engine)
    insp = inspect(engine)
    cols = {c["name"]: c for c in insp.get_columns("ledger")}
    assert str(cols["amount"]["type"]) == "NUMERIC(10, 2)"
    assert cols["id"]["identity"]["start"] == 1
    assert [i["name"] for i in insp.get_indexes("ledger")] == ["ix_ledger_amount"]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO ledger (amount) VALUES (1.5), (2.25)"))
        assert conn.execute(select(text("sum(amount)")).select_from(text("ledger"))).scalar() == \
            pytest.approx(3.75)


def test_orm_relationship_cascade(engine):
    from sqlalchemy.orm import Session
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        u = User(email="c@x", name="C", metadata_={"k": [1, 2]})
        u.posts = [Post(title="t1"), Post(title="t2")]
        session.add(u)
        session.commit()
        uid = u.id
    with Session(engine) as session:
        u = session.get(User, uid)
        assert sorted(p.title for p in u.posts) == ["t1", "t2"]
        assert u.metadata_ == {"k": [1, 2]}
        assert u.created_at.tzinfo is not None
        session.delete(u)
        session.commit()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM posts")).scalar() == 0
