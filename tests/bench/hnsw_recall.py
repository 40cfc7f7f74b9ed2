#!/usr/bin/env python3
"""Recall and speed of an HNSW index on db9d against an exact scan of the
same table (PostgreSQL here has no pgvector, so the reference is db9d's own
exact ORDER BY): loads N random vectors, builds
`USING hnsw (embedding vector_l2_ops)`, then for Q random queries compares
`ORDER BY embedding <-> q LIMIT 10` (the index) with the same order hidden
from the index (`(embedding <-> q) + 0`: a full scan and a sort).

  .venv/bin/python tests/bench/hnsw_recall.py [--rows 20000] [--dims 128] [--queries 100]
                                              [--clusters 100] [--ef-search 40 100 200]
Needs: a built db9d (DB9_BUILD_DIR, default build/release).
"""
import argparse
import pathlib
import random
import shutil
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from db9_harness import Daemon, create_database  # noqa: E402

K = 10


class VectorSource:
    """Uniform Gaussian vectors (the hardest case for a graph index), or
    points scattered around `clusters` Gaussian centres, as embeddings of
    related texts are."""

    def __init__(self, dims, clusters, seed=42):
        self.random = random.Random(seed)
        self.dims = dims
        self.centres = [[self.random.gauss(0, 1) for _ in range(dims)] for _ in range(clusters)]

    def text(self):
        if not self.centres:
            values = [self.random.gauss(0, 1) for _ in range(self.dims)]
        else:
            centre = self.random.choice(self.centres)
            values = [c + self.random.gauss(0, 0.3) for c in centre]
        return "[" + ",".join(f"{v:.5f}" for v in values) + "]"


def load(conn, rows, source):
    conn.execute(f"CREATE TABLE items (id int PRIMARY KEY, embedding vector({source.dims}))")
    with conn.cursor().copy("COPY items (id, embedding) FROM STDIN") as copy:
        for i in range(rows):
            copy.write_row((i, source.text()))


def timed_ids(conn, sql, queries):
    start = time.perf_counter()
    answers = [[r[0] for r in conn.execute(sql, (q,)).fetchall()] for q in queries]
    return answers, len(queries) / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=64)
    parser.add_argument("--ef-search", type=int, nargs="+", default=[40, 100, 200])
    parser.add_argument("--clusters", type=int, default=0,
                        help="scatter the vectors around this many centres (0: uniform Gaussian)")
    args = parser.parse_args()
    import psycopg
    source = VectorSource(args.dims, args.clusters)
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="db9-hnsw-bench-"))
    daemon = Daemon(workdir)
    try:
        daemon.start()
        db = create_database(daemon, "bench")
        with psycopg.connect(db.url, autocommit=True) as conn:
            start = time.perf_counter()
            load(conn, args.rows, source)
            shape = f"around {args.clusters} centres" if args.clusters else "uniform Gaussian"
            print(f"loaded {args.rows} vectors of {args.dims} dims ({shape}) "
                  f"in {time.perf_counter() - start:.1f} s")
            start = time.perf_counter()
            conn.execute(f"CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_l2_ops) "
                         f"WITH (m = {args.m}, ef_construction = {args.ef_construction})")
            print(f"built the index (m {args.m}, ef_construction {args.ef_construction}) "
                  f"in {time.perf_counter() - start:.1f} s")
            queries = [source.text() for _ in range(args.queries)]
            indexed = f"SELECT id FROM items ORDER BY embedding <-> %s::vector LIMIT {K}"
            exact = f"SELECT id FROM items ORDER BY (embedding <-> %s::vector) + 0 LIMIT {K}"
            plan = [r[0] for r in conn.execute("EXPLAIN " + indexed, (queries[0],)).fetchall()]
            if "Index Scan using items_hnsw" not in " ".join(plan):
                sys.exit(f"the index is not used: {plan}")
            truth, exact_qps = timed_ids(conn, exact, queries)
            print(f"exact scan:        {exact_qps:8.1f} queries/s")
            for ef in args.ef_search:
                conn.execute(f"SET hnsw.ef_search = {ef}")
                timed_ids(conn, indexed, queries[:5])  # the first scan loads the graph
                found, qps = timed_ids(conn, indexed, queries)
                recall = sum(len(set(f) & set(t)) for f, t in zip(found, truth)) / (K * len(queries))
                print(f"hnsw ef_search {ef:4}: {qps:8.1f} queries/s, recall@{K} {recall:.3f}")
    finally:
        daemon.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
