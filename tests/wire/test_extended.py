"""The extended query protocol on the wire: Parse/Bind/Describe/Execute with
row limits (PortalSuspended), Close, Flush, Sync, and PostgreSQL's
discard-until-Sync after an error."""
import struct

from pgwire import connect, data_rows, error_fields, types

FIVE_ROWS = "SELECT n FROM (VALUES (1), (2), (3), (4), (5)) AS t(n)"


def test_execute_with_row_limit_suspends(wire_db):
    with connect(wire_db) as c:
        c.parse("", FIVE_ROWS)
        c.bind("", "")
        c.describe("P", "")
        c.execute("", 2)
        c.execute("", 2)
        c.execute("", 2)
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "12TDDsDDsDCZ"
        assert data_rows(messages) == [["1"], ["2"], ["3"], ["4"], ["5"]]
        # The last Execute's tag counts the rows that Execute returned.
        assert messages[-2] == ("C", b"SELECT 1\0")


def test_named_portal_survives_until_closed(wire_db):
    with connect(wire_db) as c:
        c.query("BEGIN")
        c.read_until_ready()
        c.parse("five", FIVE_ROWS)
        c.bind("cur", "five")
        c.execute("cur", 3)
        c.sync()
        assert types(c.read_until_ready()) == "12DDDsZ"
        c.execute("cur", 0)
        c.close_target("P", "cur")
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "DDC3Z"
        assert messages[-1] == ("Z", b"T")
        c.query("COMMIT")
        c.read_until_ready()


def test_describe_statement_parameters_and_columns(wire_db):
    with connect(wire_db) as c:
        c.parse("s", "SELECT $1::int4 + 1 AS x")
        c.describe("S", "s")
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "1tTZ"
        assert messages[1][1] == struct.pack("!hi", 1, 23)
        row_description = messages[2][1]
        assert row_description.startswith(struct.pack("!h", 1) + b"x\0")
        # type int4, size 4, typmod -1, format text
        assert row_description[-12:] == struct.pack("!ihih", 23, 4, -1, 0)


def test_describe_statement_without_rows_is_nodata(wire_db):
    with connect(wire_db) as c:
        c.parse("", "SET application_name = 'x'")
        c.describe("S", "")
        c.sync()
        assert types(c.read_until_ready()) == "1tnZ"


def test_untyped_parameter_takes_type_from_context(wire_db):
    with connect(wire_db) as c:
        c.parse("", "SELECT $1::int8 * 2", (0,))
        c.bind("", "", [b"21"])
        c.execute("")
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "12DCZ"
        assert data_rows(messages) == [["42"]]


def test_binary_result_format(wire_db):
    with connect(wire_db) as c:
        c.parse("", "SELECT 7::int4, 'hi'::text")
        c.bind("", "", result_formats=[1])
        c.execute("")
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "12DCZ"
        assert messages[2][1] == struct.pack("!hi", 2, 4) + struct.pack("!i", 7) + \
            struct.pack("!i", 2) + b"hi"


def test_error_discards_until_sync(wire_db):
    with connect(wire_db) as c:
        c.parse("", "SELEC oops")
        c.bind("", "")
        c.execute("")
        c.query("SELECT 1")  # ignored as well until Sync
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "EZ"
        assert error_fields(messages[0][1])["C"] == "42601"
        c.parse("", "SELECT 1")
        c.bind("", "")
        c.execute("")
        c.sync()
        assert types(c.read_until_ready()) == "12DCZ"


def test_duplicate_and_missing_statements(wire_db):
    with connect(wire_db) as c:
        c.parse("dup", "SELECT 1")
        c.parse("dup", "SELECT 2")
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "1EZ"
        assert error_fields(messages[1][1])["C"] == "42P05"
        c.close_target("S", "dup")
        c.describe("S", "dup")
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "3EZ"
        assert error_fields(messages[1][1])["C"] == "26000"
        # Closing what does not exist is not an error.
        c.close_target("S", "never")
        c.close_target("P", "never")
        c.sync()
        assert types(c.read_until_ready()) == "33Z"


def test_unnamed_portal_ends_at_sync(wire_db):
    with connect(wire_db) as c:
        c.parse("", FIVE_ROWS)
        c.bind("", "")
        c.execute("", 1)
        c.sync()
        assert types(c.read_until_ready()) == "12DsZ"
        c.execute("", 1)
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "EZ"
        assert error_fields(messages[0][1])["C"] == "34000"


def test_flush_sends_pending_replies(wire_db):
    with connect(wire_db) as c:
        c.parse("", "SELECT 1")
        c.flush()
        assert c.read()[0] == "1"
        c.sync()
        assert c.read() == ("Z", b"I")


def test_wrong_parameter_count_is_an_error_not_fatal(wire_db):
    with connect(wire_db) as c:
        c.parse("", "SELECT $1::int4")
        c.bind("", "", [])
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "1EZ"
        fields = error_fields(messages[1][1])
        assert (fields["S"], fields["C"]) == ("ERROR", "08P01")
        assert fields["M"] == "bind message supplies 0 parameters, but prepared statement \"\" requires 1"
        c.query("SELECT 1")
        assert types(c.read_until_ready()) == "TDCZ"
