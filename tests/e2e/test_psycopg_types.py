"""psycopg 3 round trips of every supported column type, with parameters
sent in text and in binary format and results read in text and in binary."""
import datetime as dt
import decimal
import uuid

import pytest
from psycopg.types.json import Json, Jsonb
from psycopg.types.numeric import Float4, Int2, Int4, Int8

UTC = dt.timezone.utc

# (column type, Python value sent, value expected back)
CASES = [
    ("smallint", Int2(-32768), -32768),
    ("integer", Int4(2147483647), 2147483647),
    ("bigint", Int8(-9223372036854775808), -9223372036854775808),
    ("integer", 42, 42),                     # a plain int: psycopg picks int2 for it
    ("bigint", 7, 7),
    ("boolean", True, True),
    ("boolean", False, False),
    ("real", Float4(1.5), 1.5),
    ("double precision", 2.0 / 3.0, 2.0 / 3.0),
    ("double precision", float("inf"), float("inf")),
    ("numeric", decimal.Decimal("12345678901234567890.123456789"),
     decimal.Decimal("12345678901234567890.123456789")),
    ("numeric(10,2)", decimal.Decimal("-1.5"), decimal.Decimal("-1.50")),
    ("numeric", decimal.Decimal("NaN"), "nan"),
    ("text", "héllo\nworld ✓", "héllo\nworld ✓"),
    ("text", "", ""),
    ("varchar(10)", "abc", "abc"),
    ("char(5)", "ab", "ab   "),
    ("bytea", b"\x00\x01\xff'\\", b"\x00\x01\xff'\\"),
    ("date", dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
    ("timestamp", dt.datetime(2024, 5, 6, 7, 8, 9, 123456), dt.datetime(2024, 5, 6, 7, 8, 9, 123456)),
    ("timestamptz", dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
     dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)),
    ("interval", dt.timedelta(days=3, hours=4, microseconds=5), dt.timedelta(days=3, hours=4, microseconds=5)),
    ("uuid", uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
     uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
    ("json", Json({"a": [1, 2, None], "b": "x"}), {"a": [1, 2, None], "b": "x"}),
    ("jsonb", Jsonb({"b": 1, "a": {"c": True}}), {"a": {"c": True}, "b": 1}),
    ("integer[]", [1, None, 3], [1, None, 3]),
    ("text[]", ["a", "b c", ""], ["a", "b c", ""]),
]


def ids():
    return [f"{i}-{c[0]}" for i, c in enumerate(CASES)]


def same(got, expected):
    if expected == "nan":
        return isinstance(got, decimal.Decimal) and got.is_nan()
    return got == expected and type(got) is type(expected)


@pytest.mark.parametrize("param_format", ["t", "b"])
@pytest.mark.parametrize("result_binary", [False, True])
@pytest.mark.parametrize("case", CASES, ids=ids())
def test_round_trip(database, case, param_format, result_binary):
    sql_type, value, expected = case
    with database.connect(autocommit=True) as conn:
        conn.execute(f"CREATE TABLE rt (id int PRIMARY KEY, v {sql_type})")
        conn.execute(f"INSERT INTO rt VALUES (1, %{param_format})", (value,))
        cur = conn.cursor(binary=result_binary)
        got = cur.execute("SELECT v FROM rt WHERE id = 1").fetchone()[0]
        assert same(got, expected), f"{sql_type}: sent {value!r}, got {got!r}"
        # The value also works as a parameter in a WHERE clause. json has no
        # equality operator; a Python list is sent as int2[] / text[], which
        # PostgreSQL does not compare with int[] without a cast.
        if sql_type == "json":
            return
        cast = f"::{sql_type}" if sql_type.endswith("[]") else ""
        found = cur.execute(f"SELECT count(*) FROM rt WHERE v IS NOT DISTINCT FROM "
                            f"%{param_format}{cast}", (value,)).fetchone()[0]
        assert found == 1


@pytest.mark.parametrize("param_format", ["t", "b"])
def test_null_of_every_type(database, param_format):
    with database.connect(autocommit=True) as conn:
        types = sorted({c[0] for c in CASES})
        cols = ", ".join(f"c{i} {t}" for i, t in enumerate(types))
        conn.execute(f"CREATE TABLE nulls ({cols})")
        placeholders = ", ".join(f"%{param_format}" for _ in types)
        conn.execute(f"INSERT INTO nulls VALUES ({placeholders})", [None] * len(types))
        for binary in (False, True):
            row = conn.cursor(binary=binary).execute("SELECT * FROM nulls").fetchone()
            assert row == tuple([None] * len(types))


def test_timestamptz_follows_session_timezone(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("SET TimeZone = 'Europe/Paris'")
        got = conn.execute("SELECT %s::timestamptz",
                           (dt.datetime(2024, 7, 1, 12, 0, tzinfo=UTC),)).fetchone()[0]
        assert got == dt.datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
        assert got.utcoffset() == dt.timedelta(hours=2)
        text = conn.execute("SELECT '2024-07-01 12:00:00+00'::timestamptz::text").fetchone()[0]
        assert text == "2024-07-01 14:00:00+02"


def test_executemany_and_returning(database):
    with database.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE em (id serial PRIMARY KEY, name text, score numeric(6,2))")
        cur = conn.cursor()
        cur.executemany("INSERT INTO em (name, score) VALUES (%s, %s) RETURNING id",
                        [("a", decimal.Decimal("1.25")), ("b", None), ("c", 3)],
                        returning=True)
        ids = []
        while True:
            ids.append(cur.fetchone()[0])
            if not cur.nextset():
                break
        assert ids == [1, 2, 3]
        assert conn.execute("SELECT name, score FROM em ORDER BY id").fetchall() == [
            ("a", decimal.Decimal("1.25")), ("b", None), ("c", decimal.Decimal("3.00"))]
