#!/usr/bin/env python3
"""Times selective jsonb queries over ~100k documents on db9d and a local
PostgreSQL 15, side by side: without an index (a scan of every row), then
with a GIN index (jsonb_ops, then jsonb_path_ops for @>), and prints the
milliseconds per query and the db9/PostgreSQL ratio. Also times each index
build. Ratios, not absolute figures, are the point: the machines are shared.

  .venv/bin/python tests/bench/gin_jsonb.py [--docs 100000] [--repeat 20]
Needs what bench_vs_postgres.py needs (a built db9d/db9, PostgreSQL 15).
"""
import argparse
import json
import pathlib
import sys
import time

import psycopg

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_vs_postgres import servers, settle  # noqa: E402

# Each query selects well under 1% of the documents.
QUERIES = {
    "@> one key": ("""doc @> '{"cat": "c123"}'""", True),
    "@> nested": ("""doc @> '{"user": {"country": "X7", "tier": 1}, "cat": "c7"}'""", True),
    "@> array elems": ("""doc @> '{"tags": ["t5", "t7"]}'""", True),
    "? rare key": ("doc ? 'promo'", False),
    "?| rare keys": ("doc ?| ARRAY['promo', 'flagged']", False),
    "?& keys": ("doc ?& ARRAY['promo', 'flagged']", False),
}


def document(i):
    doc = {"cat": f"c{i % 1000}", "score": i % 1000,
           "tags": [f"t{i % 97}", f"t{i % 89}"],
           "user": {"country": f"X{i % 50}", "tier": i % 3, "name": f"user {i}"}}
    if i % 500 == 0:
        doc["promo"] = True
    if i % 700 == 0:
        doc["flagged"] = i
    return doc


def load(url, docs):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS docs")
        conn.execute("CREATE TABLE docs (id integer PRIMARY KEY, doc jsonb)")
        with conn.cursor().copy("COPY docs (id, doc) FROM STDIN") as copy:
            for i in range(1, docs + 1):
                copy.write_row((i, json.dumps(document(i))))
        conn.execute("ANALYZE docs")


def per_query_ms(url, condition, repeat):
    """Median milliseconds of `SELECT count(*) ... WHERE condition`, and the count."""
    with psycopg.connect(url, autocommit=True) as conn:
        sql = f"SELECT count(*) FROM docs WHERE {condition}"
        count = conn.execute(sql).fetchone()[0]  # warm-up
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            conn.execute(sql).fetchone()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        return times[len(times) // 2], count


def uses_index(url, condition):
    with psycopg.connect(url, autocommit=True) as conn:
        plan = conn.execute(f"EXPLAIN SELECT count(*) FROM docs WHERE {condition}").fetchall()
        return any("Bitmap Index Scan" in line for (line,) in plan)


def timed(url, sql):
    with psycopg.connect(url, autocommit=True) as conn:
        start = time.perf_counter()
        conn.execute(sql)
        return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with servers() as (_, pg, targets):
        for url in targets.values():
            load(url, args.docs)
        print(f"{args.docs} documents; median of {args.repeat} runs, ms per query")
        print(f"{'index':<16}{'query':<16}{'rows':>6}{'db9d ms':>10}{'pg15 ms':>10}{'db9/pg':>8}")

        def measure(label, path_ops_only):
            for name, (condition, for_path_ops) in QUERIES.items():
                if path_ops_only and not for_path_ops:
                    continue
                settle(pg, quiet_seconds=1)
                (ours, n1), (theirs, n2) = (per_query_ms(targets[t], condition, args.repeat)
                                            for t in ("db9d", "postgres15"))
                assert n1 == n2, f"{name}: db9d counts {n1} rows, PostgreSQL {n2}"
                assert uses_index(targets["db9d"], condition) == (label != "none (scan)"), name
                print(f"{label:<16}{name:<16}{n1:>6}{ours:>10.2f}{theirs:>10.2f}{ours / theirs:>8.2f}",
                      flush=True)

        measure("none (scan)", False)
        for opclass in ("jsonb_ops", "jsonb_path_ops"):
            builds = {t: timed(url, f"CREATE INDEX docs_gin ON docs USING gin (doc {opclass})")
                      for t, url in targets.items()}
            print(f"build {opclass}: db9d {builds['db9d']:.2f} s, pg15 {builds['postgres15']:.2f} s, "
                  f"ratio {builds['db9d'] / builds['postgres15']:.2f}", flush=True)
            measure(opclass, opclass == "jsonb_path_ops")
            for url in targets.values():
                timed(url, "DROP INDEX docs_gin")


if __name__ == "__main__":
    main()
