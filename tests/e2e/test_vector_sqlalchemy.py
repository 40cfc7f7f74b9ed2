"""pgvector.sqlalchemy.Vector on db9 as its README uses it: a mapped column,
create_all, inserts, nearest-neighbour queries ordered by cosine_distance /
l2_distance / max_inner_product / l1_distance, the avg/sum helpers, and
reflection of a vector column."""
import math

import pytest
import sqlalchemy as sa
from pgvector.sqlalchemy import Vector, avg, sum as vector_sum
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

DOCS = {
    "apple": [1.0, 0.0, 0.0],
    "pear": [0.9, 0.1, 0.0],
    "car": [0.0, 1.0, 0.2],
    "truck": [0.0, 0.8, 0.6],
    "sky": [-0.5, 0.0, 1.0],
}


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    embedding = mapped_column(Vector(3))


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    return 1 - dot / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def l2(a, b):
    return math.dist(a, b)


@pytest.fixture
def engine(database):
    eng = sa.create_engine(database.sqlalchemy_url)
    with eng.begin() as c:
        c.execute(sa.text("CREATE EXTENSION IF NOT EXISTS vector"))
    Base.metadata.create_all(eng)
    with Session(eng) as s:
        s.add_all(Document(title=t, embedding=e) for t, e in DOCS.items())
        s.commit()
    yield eng
    eng.dispose()


def nearest(engine, order):
    with Session(engine) as s:
        return [d.title for d in s.scalars(sa.select(Document).order_by(order).limit(3))]


def test_nearest_neighbours(engine):
    q = [0.97, 0.02, 0.05]
    by = lambda fn: [t for t, _ in sorted(DOCS.items(), key=lambda p: fn(p[1], q))][:3]
    assert nearest(engine, Document.embedding.cosine_distance(q)) == by(cosine)
    assert nearest(engine, Document.embedding.l2_distance(q)) == by(l2)
    assert nearest(engine, Document.embedding.max_inner_product(q)) == by(
        lambda a, b: -sum(x * y for x, y in zip(a, b)))
    assert nearest(engine, Document.embedding.l1_distance(q)) == by(
        lambda a, b: sum(abs(x - y) for x, y in zip(a, b)))
    with Session(engine) as s:
        d = s.scalars(sa.select(Document.embedding.l2_distance(q)).where(Document.title == "car")).one()
        assert d == pytest.approx(l2(DOCS["car"], q), rel=1e-6)
        apple = s.scalars(sa.select(Document).where(Document.title == "apple")).one()
        assert list(apple.embedding) == [1.0, 0.0, 0.0]
        # Within a distance, as the README's filter example.
        close = s.scalars(sa.select(Document.title)
                          .where(Document.embedding.l2_distance(q) < 0.2).order_by(Document.title))
        assert list(close) == ["apple", "pear"]


def test_aggregates_and_typmod_error(engine):
    with Session(engine) as s:
        mean = s.scalars(sa.select(avg(Document.embedding))).one()
        total = s.scalars(sa.select(vector_sum(Document.embedding))).one()
        columns = list(zip(*DOCS.values()))
        assert [round(float(x), 5) for x in mean] == [round(sum(c) / len(c), 5) for c in columns]
        assert [round(float(x), 5) for x in total] == [round(sum(c), 5) for c in columns]
        s.add(Document(title="bad", embedding=[1.0, 2.0]))
        with pytest.raises(sa.exc.DataError, match="expected 3 dimensions, not 2"):
            s.commit()


def test_reflection_sees_vector_column(engine):
    columns = {c["name"]: c for c in sa.inspect(engine).get_columns("documents")}
    assert isinstance(columns["embedding"]["type"], Vector)
    assert columns["embedding"]["type"].dim == 3
