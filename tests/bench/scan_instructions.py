#!/usr/bin/env python3
"""Counts the instructions db9d spends per row of the benchmark's range scan
(bench_vs_postgres.py's range-scan case), under callgrind.

Wall-clock ratios on shared machines swing by 10-15 % from run to run; an
instruction count does not, so it shows what a change to the scan path is
worth before the side-by-side benchmark can. Prints the total per row and
the functions that cost most by their own instructions (LevelDB's show as
addresses in libleveldb: Debian ships it without symbols).

  .venv/bin/python tests/bench/scan_instructions.py [--rows 200000] [--top 25]
Needs: a built db9d (DB9_BUILD_DIR, default build/release), valgrind.
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from db9_harness import Daemon, create_database  # noqa: E402
from bench_vs_postgres import load  # noqa: E402

QUERY = ("SELECT count(*), sum(val) FROM "
         "(SELECT val FROM bench_rows WHERE id BETWEEN 5000 AND 104999) s")
SCANNED_ROWS = 100000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200000)
    parser.add_argument("--runs", type=int, default=2, help="measured runs of the query")
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    parser.add_argument("--keep-dump", metavar="FILE",
                        help="copy the callgrind dump here (callgrind_annotate --auto=yes FILE "
                             "shows the cost per source line of a build with -g)")
    args = parser.parse_args()
    import psycopg
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="db9-scan-instr-"))
    out = workdir / "callgrind.out"
    wrapper = workdir / "db9d-under-callgrind"
    daemon = Daemon(workdir)
    # Instrumentation stays off while the daemon starts and loads; only the
    # measured queries are counted.
    wrapper.write_text("#!/bin/sh\nexec valgrind --tool=callgrind --instr-atstart=no "
                       f"--callgrind-out-file={out} {daemon.db9d} \"$@\"\n")
    wrapper.chmod(0o755)
    daemon.db9d = wrapper
    try:
        daemon.start()
        db = create_database(daemon, "bench")
        load(db.url, args.rows)
        time.sleep(3)  # idle compaction settles the store, as in the benchmark
        with psycopg.connect(db.url, autocommit=True) as conn:
            conn.execute(QUERY).fetchall()  # warm the block cache
            pid = str(daemon.process.pid)
            subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)
            for _ in range(args.runs):
                count = conn.execute(QUERY).fetchone()[0]
                if count != SCANNED_ROWS:
                    sys.exit(f"the query counted {count} rows, not {SCANNED_ROWS}")
            subprocess.run(["callgrind_control", "-i", "off", pid], check=True, capture_output=True)
            subprocess.run(["callgrind_control", "-d", pid], check=True, capture_output=True)
        dumps = sorted(workdir.glob("callgrind.out.*"), key=os.path.getmtime)
        if args.keep_dump:
            shutil.copy(dumps[-1], args.keep_dump)
        report = subprocess.run(["callgrind_annotate", str(dumps[-1])],
                                check=True, capture_output=True, text=True).stdout
        rows = SCANNED_ROWS * args.runs
        lines = [l for l in report.splitlines() if re.match(r"\s*[0-9,]+ \(", l)]
        total = int(lines[0].split()[0].replace(",", ""))
        print(f"{total / rows:.0f} instructions per row ({args.runs} runs of {SCANNED_ROWS} rows)")
        for line in lines[1:args.top + 1]:
            count, name = re.match(r"\s*([0-9,]+) \([^)]*\)\s+(.*)", line).groups()
            print(f"{int(count.replace(',', '')) / rows:8.0f}  {name[:110]}")
    finally:
        daemon.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
