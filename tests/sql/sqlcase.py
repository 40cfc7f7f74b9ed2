"""The recorded SQL test format, shared by record.py (runs the cases against a
real PostgreSQL 15 and writes the expected output) and test_sql_cases.py
(runs them against db9d and compares).

A case file, tests/sql/cases/<topic>.sql, is plain SQL: statements end with a
`;` (quotes, dollar quotes and comments are respected). `--` comments are
ignored, except directive comments that apply to the next statement:

    -- @simple            send it with the simple Query protocol (default: the
                          extended protocol, Parse/Bind/Execute/Sync, as drivers do)
    -- @rowsort           compare rows ignoring their order
    -- @params ["a", 1]   bind these parameters (JSON list; sent as text with
                          type OID 0, the way psycopg and SQLAlchemy send them)

The expected output, tests/sql/cases/<topic>.out, holds one block per
statement: the statement's text, then what the server answered --
`name:type` column headers, one line per row (NULL as NULL), and the command
tag; or `ERROR <SQLSTATE>` followed by the message as a `--` comment. Only
SQLSTATE, headers, rows and tags are compared; messages are informative.

Values are the server's text output, taken raw through libpq (psycopg.pq), so
no driver conversion hides a difference.
"""
import json
import re

import psycopg
from psycopg import pq

# PostgreSQL's built-in type OIDs -> typname, for readable headers. An OID not
# listed prints as its number (so a wrong OID always shows as a difference).
TYPE_NAMES = {
    16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 22: "int2vector",
    23: "int4", 24: "regproc", 25: "text", 26: "oid", 28: "xid", 30: "oidvector",
    114: "json", 142: "xml", 194: "pg_node_tree", 700: "float4", 701: "float8", 705: "unknown",
    1000: "_bool", 1001: "_bytea", 1002: "_char", 1003: "_name", 1005: "_int2", 1007: "_int4",
    1009: "_text", 1014: "_bpchar", 1015: "_varchar", 1016: "_int8", 1021: "_float4",
    1022: "_float8", 1028: "_oid", 1033: "aclitem", 1034: "_aclitem", 1042: "bpchar",
    1043: "varchar", 1082: "date", 1083: "time", 1114: "timestamp", 1115: "_timestamp",
    1182: "_date", 1184: "timestamptz", 1185: "_timestamptz", 1186: "interval",
    1231: "_numeric", 1266: "timetz", 1700: "numeric", 2205: "regclass", 2206: "regtype",
    2249: "record", 2277: "anyarray", 2278: "void", 2950: "uuid", 2951: "_uuid",
    3220: "pg_lsn", 3614: "tsvector", 3615: "tsquery", 3734: "regconfig", 3802: "jsonb",
    3807: "_jsonb", 4072: "jsonpath", 4089: "regnamespace", 199: "_json", 3769: "regdictionary",
    5069: "xid8", 1790: "refcursor", 1560: "bit", 1562: "varbit", 869: "inet", 650: "cidr",
    829: "macaddr", 600: "point", 1187: "_interval",
}

# The pseudo-statement run_file adds when the server closes the connection.
CONNECTION_LOST = "-- connection lost"

DIRECTIVE = re.compile(r"^\s*--\s*@(\w+)\s*(.*)$")


class Statement:
    def __init__(self, text, line, simple=False, rowsort=False, params=None):
        self.text = text
        self.line = line
        self.simple = simple
        self.rowsort = rowsort
        self.params = params


def split_statements(source):
    """Splits a case file into Statements (with their directives)."""
    statements = []
    pending = {}
    buf = []
    start_line = None
    i, n, line = 0, len(source), 1
    state = None  # None, "'", '"', "--", "/*", or a dollar-quote tag
    while i < n:
        c = source[i]
        if state is None:
            if source.startswith("--", i):
                end = source.find("\n", i)
                end = n if end < 0 else end
                comment = source[i:end]
                m = DIRECTIVE.match(comment)
                if m and not "".join(buf).strip():
                    name, arg = m.group(1), m.group(2).strip()
                    if name == "params":
                        pending["params"] = json.loads(arg)
                    elif name in ("simple", "rowsort"):
                        pending[name] = True
                    else:
                        raise ValueError(f"line {line}: unknown directive @{name}")
                elif "".join(buf).strip():
                    buf.append(comment)
                i = end
                continue
            if source.startswith("/*", i):
                state = "/*"
            elif c in ("'", '"'):
                state = c
            elif c == "$":
                m = re.match(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$", source[i:])
                if m and not (buf and re.match(r"[A-Za-z0-9_]", buf[-1][-1:] or " ")):
                    state = m.group(0)
                    buf.append(state)
                    i += len(state)
                    continue
            elif c == ";":
                text = "".join(buf).strip()
                if text:
                    statements.append(Statement(text + ";", start_line, **pending))
                pending, buf, start_line = {}, [], None
                i += 1
                continue
            if not c.isspace() and start_line is None:
                start_line = line
            buf.append(c)
        else:
            buf.append(c)
            if state == "/*" and source.startswith("*/", i):
                buf.append("/")
                i += 1
                state = None
            elif state in ("'", '"') and c == state:
                if source[i + 1:i + 2] == state:  # doubled quote
                    buf.append(state)
                    i += 1
                else:
                    state = None
            elif len(state) > 1 and state.startswith("$") and source.startswith(state, i):
                buf.append(state[1:])
                i += len(state) - 1
                state = None
        if c == "\n":
            line += 1
        i += 1
    if "".join(buf).strip():
        raise ValueError(f"statement at line {start_line} does not end with ';'")
    return statements


def _escape(value):
    if value is None:
        return "NULL"
    text = value.decode("utf-8", errors="backslashreplace")
    if text == "":
        return "''"  # keeps a one-column row from looking like a block end
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _param(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return b"true" if value else b"false"
    return str(value).encode()


def run_statement(pgconn, stmt):
    """Runs one statement on a raw libpq connection; returns its output lines."""
    sql = stmt.text.encode()
    if stmt.simple:
        res = pgconn.exec_(sql)
    else:
        params = [_param(p) for p in (stmt.params or [])]
        res = pgconn.exec_params(sql, params, result_format=0)
    # A simple Query with several statements leaves only the last result;
    # test files send one statement per block, so that is the one.
    status = res.status
    if status == pq.ExecStatus.FATAL_ERROR:
        sqlstate = (res.error_field(pq.DiagnosticField.SQLSTATE) or b"?????").decode()
        message = (res.error_field(pq.DiagnosticField.MESSAGE_PRIMARY) or b"").decode(
            errors="replace")
        return [f"ERROR {sqlstate}", "-- " + message.replace("\n", "\\n")]
    if status == pq.ExecStatus.EMPTY_QUERY:
        return ["EMPTY QUERY"]
    if status in (pq.ExecStatus.COPY_IN, pq.ExecStatus.COPY_OUT, pq.ExecStatus.COPY_BOTH):
        raise RuntimeError("COPY is not supported in SQL case files (test it in tests/e2e)")
    lines = []
    if status == pq.ExecStatus.TUPLES_OK:
        header = []
        for col in range(res.nfields):
            name = (res.fname(col) or b"").decode()
            type_oid = res.ftype(col)
            header.append(f"{name}:{TYPE_NAMES.get(type_oid, str(type_oid))}")
        lines.append(" | ".join(header))
        rows = [" | ".join(_escape(res.get_value(r, c)) for c in range(res.nfields))
                for r in range(res.ntuples)]
        if stmt.rowsort:
            rows.sort()
        lines.extend(rows)
    tag = (res.command_status or b"").decode()
    lines.append(tag)
    return lines


def connect_raw(conninfo):
    """An autocommit psycopg connection; statements go through its .pgconn."""
    return psycopg.connect(conninfo, autocommit=True)


def run_file(conninfo, path):
    """Runs every statement of a case file on one connection; returns the
    output as a list of (statement, lines) blocks."""
    statements = split_statements(path.read_text())
    blocks = []
    with connect_raw(conninfo) as conn:
        for stmt in statements:
            lines = run_statement(conn.pgconn, stmt)
            blocks.append((stmt, lines))
            if conn.pgconn.status != pq.ConnStatus.OK:
                blocks.append((Statement(CONNECTION_LOST, stmt.line), ["CONNECTION LOST"]))
                break
    return blocks


def format_blocks(blocks):
    out = []
    for stmt, lines in blocks:
        out.append(stmt.text)
        out.extend(lines)
        out.append("")
    return "\n".join(out)


def compare(expected_text, blocks):
    """Returns a list of human-readable differences (empty when equal).

    The .out file is walked with the statements actually run: each block is
    the statement's text verbatim, then output lines up to a blank line.
    Lines starting with `-- ` there are messages, shown but not compared."""
    lines = expected_text.split("\n")
    pos = 0
    diffs = []
    for idx, (stmt, got_all) in enumerate(blocks):
        if stmt.text == CONNECTION_LOST:
            diffs.append(f"line {stmt.line}: the server closed the connection; the rest of "
                         f"the file did not run")
            break
        text_lines = stmt.text.split("\n")
        if lines[pos:pos + len(text_lines)] != text_lines:
            if pos >= len(lines) - 1:
                diffs.append(f"line {stmt.line}: statement not in the recording:\n{stmt.text}")
            else:
                diffs.append(f"line {stmt.line}: statement {idx + 1} differs from the "
                             f"recording; re-run record.py for this file")
            break
        pos += len(text_lines)
        exp_all = []
        while pos < len(lines) and lines[pos] != "":
            exp_all.append(lines[pos])
            pos += 1
        pos += 1
        exp = [l for l in exp_all if not l.startswith("-- ")]
        got = [l for l in got_all if not l.startswith("-- ")]
        if got != exp:
            diffs.append(f"line {stmt.line}: {stmt.text}\n  expected:\n    "
                         + "\n    ".join(exp_all) + "\n  got:\n    " + "\n    ".join(got_all))
    else:
        if any(l.strip() for l in lines[pos:]):
            diffs.append(f"the recording has statements after the last one run")
    return diffs
