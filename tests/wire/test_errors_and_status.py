"""Simple Query on the wire: ErrorResponse fields, ReadyForQuery transaction
status bytes, notices, empty queries, multi-statement strings."""
from pgwire import connect, data_rows, error_fields, types


def run(conn, sql):
    conn.query(sql)
    return conn.read_until_ready()


def first_error(messages):
    return next(error_fields(p) for kind, p in messages if kind == "E")


def without_description_before_error(messages):
    """PostgreSQL often fails before describing the result (SELECT 1/0 fails
    while planning); a RowDescription just before the ErrorResponse is legal
    protocol too, so the tests accept both."""
    out = []
    for i, m in enumerate(messages):
        if m[0] == "T" and i + 1 < len(messages) and messages[i + 1][0] == "E":
            continue
        out.append(m)
    return out


def test_syntax_error_fields(wire_db):
    with connect(wire_db) as c:
        messages = run(c, "SELEC 1")
        assert types(messages) == "EZ"
        fields = error_fields(messages[0][1])
        assert fields["S"] == "ERROR" and fields["V"] == "ERROR"
        assert fields["C"] == "42601"
        assert fields["M"] == 'syntax error at or near "SELEC"'
        assert fields["P"] == "1"
        assert messages[-1] == ("Z", b"I")


def test_undefined_table_has_position(wire_db):
    with connect(wire_db) as c:
        fields = error_fields(run(c, "SELECT * FROM nope_wire_tbl")[0][1])
        assert fields["C"] == "42P01"
        assert fields["M"] == 'relation "nope_wire_tbl" does not exist'
        assert fields["P"] == "15"


def test_positions_count_characters_not_bytes(wire_db):
    # As PostgreSQL 15: 'é' is two bytes but one character; the error points
    # at "nope", the 18th character (and in a second statement, past the first).
    with connect(wire_db) as c:
        fields = error_fields(run(c, "SELECT 'é' AS a, nope")[0][1])
        assert (fields["C"], fields["P"]) == ("42703", "18")
        messages = without_description_before_error(run(c, "SELECT 'ü'; SELECT 'é', nope"))
        assert first_error(messages)["P"] == "25"
        # Syntax errors come from the parser, already in characters.
        fields = error_fields(run(c, "SELECT 'é' é!")[0][1])
        assert fields["C"] == "42601"


def test_division_by_zero(wire_db):
    with connect(wire_db) as c:
        fields = first_error(run(c, "SELECT 1/0"))
        assert (fields["C"], fields["M"]) == ("22012", "division by zero")


def test_statements_after_an_error_do_not_run(wire_db):
    with connect(wire_db) as c:
        messages = without_description_before_error(run(c, "SELECT 1; SELECT 1/0; SELECT 2"))
        assert types(messages) == "TDCEZ"
        assert data_rows(messages) == [["1"]]


def test_transaction_status_bytes(wire_db):
    with connect(wire_db) as c:
        assert run(c, "BEGIN")[-1] == ("Z", b"T")
        assert run(c, "SELECT 1")[-1] == ("Z", b"T")
        assert run(c, "SELECT 1/0")[-1] == ("Z", b"E")
        messages = run(c, "SELECT 1")
        assert first_error(messages)["C"] == "25P02"
        assert messages[-1] == ("Z", b"E")
        messages = run(c, "COMMIT")
        assert messages[0] == ("C", b"ROLLBACK\0")
        assert messages[-1] == ("Z", b"I")
        # An error outside a block leaves the session idle.
        assert run(c, "SELECT 1/0")[-1] == ("Z", b"I")


def test_empty_queries(wire_db):
    with connect(wire_db) as c:
        assert types(run(c, "")) == "IZ"
        assert types(run(c, ";")) == "IZ"          # pool_pre_ping
        assert types(run(c, "  ")) == "IZ"


def test_notice_response(wire_db):
    with connect(wire_db) as c:
        messages = run(c, "DROP TABLE IF EXISTS wire_never_there")
        assert types(messages) == "NCZ"
        fields = error_fields(messages[0][1])
        assert fields["S"] == "NOTICE" and fields["C"] == "00000"
        assert fields["M"] == 'table "wire_never_there" does not exist, skipping'
        assert messages[1] == ("C", b"DROP TABLE\0")


def test_parameter_status_on_set(wire_db):
    with connect(wire_db) as c:
        messages = run(c, "SET application_name = 'changed'")
        assert ("S", b"application_name\0changed\0") in messages
        # PostgreSQL reports after CommandComplete; either order is legal.
        assert types(messages) in ("CSZ", "SCZ")
        messages = run(c, "SET TimeZone = 'Europe/Berlin'")
        assert ("S", b"TimeZone\0Europe/Berlin\0") in messages


def test_timestamptz_follows_session_timezone(wire_db):
    with connect(wire_db) as c:
        run(c, "SET TimeZone = 'Europe/Berlin'")
        rows = data_rows(run(c, "SELECT '2024-01-01 12:00:00+00'::timestamptz"))
        assert rows == [["2024-01-01 13:00:00+01"]]


def test_row_description_and_data(wire_db):
    with connect(wire_db) as c:
        messages = run(c, "SELECT 1 AS a, 'x'::text AS b, NULL::int AS c")
        assert types(messages) == "TDCZ"
        assert data_rows(messages) == [["1", "x", None]]
        assert messages[2] == ("C", b"SELECT 1\0")
