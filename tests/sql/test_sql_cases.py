"""Runs the recorded SQL cases (tests/sql/cases/*.sql) against db9d and
compares with the output recorded from PostgreSQL 15 (cases/*.out, made by
record.py). One test per case file, each in a fresh database made with
`db9 create` on the session's daemon (tests/conftest.py). If a case crashes
db9d, that case fails with the log tail and the daemon is restarted, so one
crash does not hide the results of the other files.

Files listed in xfail.txt are expected to fail (features not there yet); they
still run, and show as XPASS once they pass, so the entry can go.
"""
import pathlib
import sys

import pytest

from db9_harness import create_database

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sqlcase  # noqa: E402

CASES = sorted((HERE / "cases").glob("*.sql"))


def load_xfail():
    """xfail.txt: `<topic>  <reason>` per line; `#` starts a comment."""
    reasons = {}
    for raw in (HERE / "xfail.txt").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            topic, _, reason = line.partition(" ")
            reasons[topic] = reason.strip() or "not supported yet"
    return reasons


XFAIL = load_xfail()


def params():
    unknown = set(XFAIL) - {c.stem for c in CASES}
    assert not unknown, f"xfail.txt names missing case files: {sorted(unknown)}"
    for case in CASES:
        marks = []
        if case.stem in XFAIL:
            marks.append(pytest.mark.xfail(reason=XFAIL[case.stem], strict=False))
        yield pytest.param(case, id=case.stem, marks=marks)


@pytest.fixture
def case_database(daemon):
    if not daemon.alive():
        daemon.start()
    return create_database(daemon)


@pytest.mark.parametrize("case", list(params()))
def test_sql_case(case, daemon, case_database):
    expected_path = case.with_suffix(".out")
    assert expected_path.exists(), f"{expected_path.name} missing: run tests/sql/record.py {case.stem}"
    blocks = sqlcase.run_file(case_database.url, case)
    if not daemon.alive():
        last = [stmt for stmt, _ in blocks if stmt.text != sqlcase.CONNECTION_LOST][-1]
        log_tail = "\n".join(daemon.log().splitlines()[-30:])
        pytest.fail(f"{case.name}: db9d died at line {last.line}:\n{last.text}\n"
                    f"--- db9d log ---\n{log_tail}", pytrace=False)
    diffs = sqlcase.compare(expected_path.read_text(), blocks)
    if diffs:
        shown = "\n\n".join(diffs[:15])
        more = f"\n\n... and {len(diffs) - 15} more" if len(diffs) > 15 else ""
        pytest.fail(f"{case.name}: {len(diffs)} of {len(blocks)} statements differ from "
                    f"PostgreSQL 15\n\n{shown}{more}", pytrace=False)
