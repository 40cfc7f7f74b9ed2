"""pgvector's HNSW guide through real drivers: SQLAlchemy with
pgvector.sqlalchemy.Vector and a `USING hnsw (embedding vector_cosine_ops)`
index, psycopg with pgvector.psycopg.register_vector. The index must answer
(EXPLAIN) and return the rows an exact sort returns on a small table."""
import math
import random

import pytest
from pgvector import Vector as VectorValue
from pgvector.psycopg import register_vector
from pgvector.sqlalchemy import Vector
from sqlalchemy import Index, Integer, Text, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    id = mapped_column(Integer, primary_key=True)
    content = mapped_column(Text)
    embedding = mapped_column(Vector(3))


Index("documents_embedding_idx", Document.embedding, postgresql_using="hnsw",
      postgresql_with={"m": 16, "ef_construction": 64},
      postgresql_ops={"embedding": "vector_cosine_ops"})


def cosine_distance(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    return 1 - dot / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def test_guide_example_uses_the_index(database):
    engine = create_engine(database.sqlalchemy_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS vector"))
    Base.metadata.create_all(engine)
    source = random.Random(3)
    vectors = [[source.uniform(-1, 1) for _ in range(3)] for _ in range(200)]
    with Session(engine) as session:
        session.add_all(Document(id=i, content=f"doc {i}", embedding=v) for i, v in enumerate(vectors))
        session.commit()
        for _ in range(10):
            q = [source.uniform(-1, 1) for _ in range(3)]
            got = session.scalars(
                select(Document).order_by(Document.embedding.cosine_distance(q)).limit(5)).all()
            want = sorted(range(len(vectors)), key=lambda i: cosine_distance(vectors[i], q))[:5]
            assert [d.id for d in got] == want
        plan = session.execute(text(
            "EXPLAIN SELECT id FROM documents ORDER BY embedding <=> '[1,0,0]' LIMIT 5")).scalars().all()
        assert plan == ["Limit", "  ->  Index Scan using documents_embedding_idx on documents",
                        "        Order By: (embedding <=> '[1,0,0]'::vector)"]
    engine.dispose()


def test_psycopg_parameters_and_ef_search(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(conn)
        conn.execute("CREATE TABLE items (id int PRIMARY KEY, embedding vector(3))")
        conn.execute("CREATE INDEX ON items USING hnsw (embedding vector_l2_ops)")
        with conn.cursor().copy("COPY items (id, embedding) FROM STDIN") as copy:
            for i in range(500):
                copy.write_row((i, f"[{i},{i % 7},{i % 11}]"))
        conn.execute("SET hnsw.ef_search = 10")
        assert conn.execute("SHOW hnsw.ef_search").fetchone() == ("10",)
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM items ORDER BY embedding <-> %s LIMIT 3", (VectorValue([100, 2, 1]),)).fetchall()]
        assert ids[0] == 100
        row = conn.execute("SELECT embedding FROM items ORDER BY embedding <-> %s LIMIT 1",
                           (VectorValue([7, 0, 7]),)).fetchone()
        assert row[0].to_list() == [7.0, 0.0, 7.0]
        # More rows than ef_search asked for, none lost.
        assert conn.execute(
            "SELECT count(*) FROM (SELECT id FROM items ORDER BY embedding <-> %s LIMIT 450) s",
            (VectorValue([0, 0, 0]),)).fetchone() == (450,)
        with pytest.raises(Exception, match="outside the valid range"):
            conn.execute("SET hnsw.ef_search = 0")


def test_concurrent_writers_and_readers_then_restart(fresh_daemon):
    """Sessions insert (some roll back) while others search; afterwards, and
    after a restart rebuilds the graph from the stored entries, the index
    returns exactly the committed rows."""
    import threading

    from db9_harness import create_database
    database = create_database(fresh_daemon)
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE items (id int PRIMARY KEY, embedding vector(4))")
        conn.execute("CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (m = 8)")
    errors = []
    everything = "SELECT id FROM items ORDER BY embedding <-> '[0,0,0,0]' LIMIT 100000"

    def writer(base):
        try:
            source = random.Random(base)
            with database.connect() as conn:
                for batch in range(10):
                    for i in range(20):
                        v = [round(source.uniform(-1, 1), 3) for _ in range(4)]
                        conn.execute("INSERT INTO items VALUES (%s, %s)", (base + batch * 20 + i, str(v)))
                    if batch % 3 == 2:
                        conn.rollback()
                    else:
                        conn.commit()
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    def reader():
        try:
            with database.connect(autocommit=True) as conn:
                for _ in range(30):
                    ids = [r[0] for r in conn.execute(everything).fetchall()]
                    assert len(ids) == len(set(ids))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(base,)) for base in (0, 1000, 2000)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    # 3 writers x 10 batches of 20, every third batch rolled back.
    committed = 3 * 7 * 20

    def check():
        with database.connect(autocommit=True) as conn:
            assert conn.execute("SELECT count(*) FROM items").fetchone() == (committed,)
            ids = [r[0] for r in conn.execute(everything).fetchall()]
            assert sorted(ids) == sorted(r[0] for r in conn.execute("SELECT id FROM items"))
            assert "Index Scan" in conn.execute("EXPLAIN " + everything).fetchall()[1][0]
            near = [r[0] for r in conn.execute(
                "SELECT id FROM items ORDER BY embedding <-> '[0.5,0.5,0.5,0.5]' LIMIT 10").fetchall()]
            exact = [r[0] for r in conn.execute(
                "SELECT id FROM items ORDER BY (embedding <-> '[0.5,0.5,0.5,0.5]') + 0 LIMIT 10").fetchall()]
            assert near == exact

    check()
    fresh_daemon.stop()
    fresh_daemon.start()
    check()
