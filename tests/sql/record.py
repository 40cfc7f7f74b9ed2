#!/usr/bin/env python3
"""Records the expected output of the SQL cases from a real PostgreSQL 15.

    .venv/bin/python tests/sql/record.py               # every cases/*.sql
    .venv/bin/python tests/sql/record.py joins errors  # only these topics
    .venv/bin/python tests/sql/record.py --check       # compare, write nothing

Starts a throwaway cluster (initdb in a temp dir, Unix socket only, UTF-8 with
the C.UTF-8 locale so text sorts by code point, TimeZone UTC), runs each case
file in a database of its own, and writes cases/<topic>.out next to it. Run as
root, the cluster runs as the `postgres` user. Review the diff of the .out
files before committing: they are the specification db9 is tested against.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sqlcase  # noqa: E402

PG_BIN = pathlib.Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PORT = 5497


def as_postgres(cmd):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


class Cluster:
    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="db9-record-"))
        self.data = self.dir / "data"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")

    def start(self):
        subprocess.run(as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "--auth=trust",
                                    "--username=postgres", "--encoding=UTF8",
                                    "--locale=C.UTF-8"]),
                       check=True, capture_output=True)
        opts = (f"-p {PORT} -k {self.dir} -c listen_addresses='' -c TimeZone=UTC "
                f"-c lc_messages=C -c fsync=off")
        subprocess.run(as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", opts,
                                    "-l", str(self.dir / "log.txt"), "-w", "start"]),
                       check=True, capture_output=True)

    def conninfo(self, dbname):
        return f"host={self.dir} port={PORT} user=postgres dbname={dbname}"

    def stop(self):
        subprocess.run(as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                                    "stop"]), capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def server_version(cluster):
    with sqlcase.connect_raw(cluster.conninfo("postgres")) as conn:
        return conn.execute("show server_version").fetchone()[0]


def fresh_database(cluster):
    # Every case runs in a fresh database named "postgres", as a db9 database
    # is (clients connect to /postgres), so current_database() agrees.
    with sqlcase.connect_raw(cluster.conninfo("template1")) as admin:
        admin.execute('DROP DATABASE IF EXISTS postgres')
        admin.execute('CREATE DATABASE postgres')


def record(cluster, path):
    fresh_database(cluster)
    blocks = sqlcase.run_file(cluster.conninfo("postgres"), path)
    path.with_suffix(".out").write_text(sqlcase.format_blocks(blocks))
    errors = sum(1 for _, lines in blocks if lines[0].startswith("ERROR"))
    print(f"{path.stem}: {len(blocks)} statements, {errors} expected errors")


def check(cluster, path):
    """Runs a case against PostgreSQL and compares with its .out: shows that a
    recording is deterministic and that the comparison accepts it."""
    fresh_database(cluster)
    blocks = sqlcase.run_file(cluster.conninfo("postgres"), path)
    diffs = sqlcase.compare(path.with_suffix(".out").read_text(), blocks)
    print(f"{path.stem}: {'ok' if not diffs else f'{len(diffs)} differences'}")
    for d in diffs[:5]:
        print("  " + d.replace("\n", "\n  "))
    return not diffs


def main(topics):
    check_only = "--check" in topics
    topics = [t for t in topics if t != "--check"]
    cases = sorted((HERE / "cases").glob("*.sql"))
    if topics:
        cases = [c for c in cases if c.stem in topics]
        missing = set(topics) - {c.stem for c in cases}
        if missing:
            sys.exit(f"no such case files: {', '.join(sorted(missing))}")
    cluster = Cluster()
    try:
        cluster.start()
        version = server_version(cluster)
        if not version.startswith("15."):
            sys.exit(f"recording needs PostgreSQL 15, found {version}")
        if check_only:
            print(f"checking against PostgreSQL {version}")
            if not all([check(cluster, path) for path in cases]):
                sys.exit(1)
            return
        print(f"recording against PostgreSQL {version}")
        for path in cases:
            record(cluster, path)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
