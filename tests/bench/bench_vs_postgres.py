#!/usr/bin/env python3
"""Runs one workload against db9d and a local PostgreSQL 15, side by side in
one run, and prints throughput and the db9/PostgreSQL ratio for each case:

  point-select   prepared SELECT by primary key      (pgbench -M prepared)
  insert-commit  single-row INSERT, durable COMMIT   (pgbench -M prepared)
  range-scan     100k-row range scan by primary key  (pgbench -M prepared)

each at 1 and 8 client connections. Both servers run with durable commits
(PostgreSQL: fsync on, synchronous_commit on). Figures are ratios because the
machines are shared and noisy; rerun to see the spread, or take the median of
several rounds (--rounds).

  .venv/bin/python tests/bench/bench_vs_postgres.py [--seconds 10] [--rows 200000] [--rounds 1]
Needs: a built db9d/db9 (DB9_BUILD_DIR, default build/release), PostgreSQL 15
(Debian's postgresql-15) and pgbench; run as root or as a user that can run
initdb.
"""
import argparse
import contextlib
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from db9_harness import Daemon, create_database, free_port, wait_for, port_open  # noqa: E402

PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")
PGBENCH = PG_BIN / "pgbench"

SCHEMA = """
DROP TABLE IF EXISTS bench_rows;
DROP TABLE IF EXISTS bench_log;
CREATE TABLE bench_rows (id integer PRIMARY KEY, val integer NOT NULL, note text NOT NULL);
CREATE TABLE bench_log (id bigserial PRIMARY KEY, k integer NOT NULL, note text NOT NULL);
"""

CASES = {
    "point-select": "\\set id random(1, {rows})\nSELECT val FROM bench_rows WHERE id = :id;\n",
    "insert-commit": "\\set k random(1, 1000000)\n"
                     "INSERT INTO bench_log (k, note) VALUES (:k, 'benchmark row');\n",
    "range-scan": "\\set lo random(1, {rows_less_scan})\n"
                  "SELECT count(*), sum(val) FROM "
                  "(SELECT val FROM bench_rows WHERE id BETWEEN :lo AND :lo + 99999) s;\n",
}


class Postgres:
    """A throwaway PostgreSQL 15 cluster on a free port."""

    def __init__(self, workdir):
        self.dir = pathlib.Path(workdir) / "pg"
        self.port = free_port()
        self.user = "bench"
        self.password = "bench-password"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *cmd):
        subprocess.run([*self.as_postgres, *map(str, cmd)], check=True, capture_output=True)

    def start(self):
        self.dir.mkdir(parents=True)
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
            shutil.chown(self.dir.parent, "postgres", "postgres")
        pwfile = self.dir.parent / "pw"
        pwfile.write_text(self.password)
        if self.as_postgres:
            shutil.chown(pwfile, "postgres", "postgres")
        self.run(PG_BIN / "initdb", "-D", self.dir / "data", "-U", self.user,
                 "--pwfile", pwfile, "--auth=scram-sha-256")
        self.run(PG_BIN / "pg_ctl", "-D", self.dir / "data", "-l", self.dir / "log", "-w",
                 "-o", f"-p {self.port} -k {self.dir} -c max_connections=50", "start")
        wait_for(lambda: port_open(self.port), 30, "PostgreSQL to listen")

    def stop(self):
        subprocess.run([*self.as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"),
                        "-m", "fast", "stop"], capture_output=True)

    @property
    def url(self):
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/postgres"


def load(url, rows):
    import psycopg
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SCHEMA)
        with conn.cursor().copy("COPY bench_rows (id, val, note) FROM STDIN") as copy:
            for i in range(1, rows + 1):
                copy.write_row((i, i * 7 % 1000, f"row {i}"))


def settle(pg, quiet_seconds=2):
    """Waits until neither server still works off an earlier phase: a
    PostgreSQL checkpoint and any autovacuum worker, then a pause that also
    covers db9d's compaction once writes stop (one second idle)."""
    import psycopg
    with psycopg.connect(pg.url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
        for _ in range(60):
            busy = conn.execute("SELECT count(*) FROM pg_stat_activity "
                                "WHERE backend_type = 'autovacuum worker'").fetchone()[0]
            if not busy:
                break
            time.sleep(0.5)
    time.sleep(quiet_seconds)


def pgbench(url, script, clients, seconds, workdir):
    path = pathlib.Path(workdir) / "script.sql"
    path.write_text(script)
    result = subprocess.run(
        [str(PGBENCH), "-n", "-M", "prepared", "-c", str(clients), "-j", str(min(clients, 2)),
         "-T", str(seconds), "-f", str(path), url],
        capture_output=True, text=True)
    match = re.search(r"tps = ([0-9.]+)", result.stdout)
    if result.returncode != 0 or not match:
        return None, (result.stderr or result.stdout).strip().splitlines()[-1:]
    return float(match.group(1)), None


@contextlib.contextmanager
def servers():
    """db9d with a database "bench" and a throwaway PostgreSQL 15, both
    stopped and removed on exit: yields (workdir, Postgres, {"db9d": url,
    "postgres15": url})."""
    workdir = tempfile.mkdtemp(prefix="db9-bench-")
    os.chmod(workdir, 0o755)
    daemon, pg = Daemon(workdir), Postgres(workdir)
    try:
        daemon.start()
        db = create_database(daemon, "bench")
        pg.start()
        yield workdir, pg, {"db9d": db.url.replace("localhost", "127.0.0.1"), "postgres15": pg.url}
    finally:
        daemon.stop()
        pg.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rows", type=int, default=200000)
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure each case this many times, alternating which server "
                             "goes first, and print the medians")
    parser.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES),
                        help="run only these cases")
    args = parser.parse_args()
    with servers() as (workdir, pg, targets):
        for name, url in targets.items():
            load(url, args.rows)
        print(f"{'case':<15}{'clients':>8}{'db9d tps':>12}{'pg15 tps':>12}{'db9/pg':>9}")
        for case in args.cases:
            template = CASES[case]
            script = template.format(rows=args.rows, rows_less_scan=max(1, args.rows - 100000))
            for clients in (1, 8):
                runs = {name: [] for name in targets}
                for round_number in range(args.rounds):
                    # Each server gets the quiet machine the other had: the
                    # one measured first alternates, and before every
                    # measurement both finish what the last one left them
                    # (PostgreSQL's checkpoint and autovacuum, db9d's idle
                    # compaction).
                    order = list(targets.items())
                    if (list(CASES).index(case) + clients + round_number) % 2:
                        order.reverse()
                    for name, url in order:
                        settle(pg)
                        tps, error = pgbench(url, script, clients, args.seconds, workdir)
                        if error:
                            print(f"  {name} {case} c={clients}: failed: {error}")
                        elif tps:
                            runs[name].append(tps)
                ours, theirs = (statistics.median(runs[n]) if runs[n] else None
                                for n in ("db9d", "postgres15"))
                ratio = f"{ours / theirs:.2f}" if ours and theirs else "-"
                fmt = lambda v: f"{v:.0f}" if v else "failed"
                print(f"{case:<15}{clients:>8}{fmt(ours):>12}{fmt(theirs):>12}{ratio:>9}",
                      flush=True)


if __name__ == "__main__":
    main()
