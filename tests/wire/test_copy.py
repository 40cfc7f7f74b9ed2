"""COPY FROM STDIN / TO STDOUT plumbing: CopyInResponse, CopyData, CopyDone,
CopyFail, CopyOutResponse, and recovery after a failed COPY."""
import struct

from pgwire import connect, cstr, error_fields, types


def setup_table(c, name):
    c.query(f"DROP TABLE IF EXISTS {name}; CREATE TABLE {name} (id int, name text)")
    c.read_until_ready()


def test_copy_in_and_out_raw(wire_db):
    with connect(wire_db) as c:
        setup_table(c, "wire_copy")
        c.query("COPY wire_copy FROM STDIN")
        kind, payload = c.read()
        assert kind == "G"
        assert payload == b"\0" + struct.pack("!hhh", 2, 0, 0)
        c.send("d", b"1\tone\n2\t")
        c.send("d", b"two\n3\t\\N\n")     # rows may span CopyData messages
        c.send("c")
        messages = c.read_until_ready()
        assert messages == [("C", b"COPY 3\0"), ("Z", b"I")]
        c.query("COPY wire_copy TO STDOUT")
        messages = c.read_until_ready()
        assert types(messages) == "HdddcCZ"
        assert messages[0][1] == b"\0" + struct.pack("!hhh", 2, 0, 0)
        assert b"".join(p for k, p in messages if k == "d") == b"1\tone\n2\ttwo\n3\t\\N\n"
        assert messages[-2] == ("C", b"COPY 3\0")


def test_copy_fail_from_client(wire_db):
    with connect(wire_db) as c:
        setup_table(c, "wire_copy_fail")
        c.query("COPY wire_copy_fail FROM STDIN")
        assert c.read()[0] == "G"
        c.send("d", b"1\tone\n")
        c.send("f", cstr("client gave up"))
        messages = c.read_until_ready()
        assert types(messages) == "EZ"
        fields = error_fields(messages[0][1])
        assert fields["C"] == "57014"
        assert fields["M"] == "COPY from stdin failed: client gave up"
        c.query("SELECT count(*) FROM wire_copy_fail")
        assert c.read_until_ready()[1] == ("D", struct.pack("!hi", 1, 1) + b"0")


def test_bad_row_ends_copy_and_leftovers_are_ignored(wire_db):
    with connect(wire_db) as c:
        setup_table(c, "wire_copy_bad")
        c.query("COPY wire_copy_bad FROM STDIN")
        assert c.read()[0] == "G"
        c.send("d", b"x\tnot a number\n")
        c.send("d", b"2\tfine\n")
        c.send("c")
        messages = c.read_until_ready()
        assert types(messages) == "EZ"
        assert error_fields(messages[0][1])["C"] == "22P02"
        c.query("SELECT 1")
        assert types(c.read_until_ready()) == "TDCZ"


def test_copy_with_psycopg(wire_db):
    with wire_db.connect(autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS wire_copy_pg")
        conn.execute("CREATE TABLE wire_copy_pg (id int, name text)")
        with conn.cursor() as cur:
            with cur.copy("COPY wire_copy_pg FROM STDIN") as copy:
                for i in range(5000):
                    copy.write_row((i, f"name {i}"))
            assert conn.execute("SELECT count(*), sum(id) FROM wire_copy_pg").fetchone() == \
                (5000, sum(range(5000)))
            with cur.copy("COPY wire_copy_pg TO STDOUT (FORMAT csv)") as copy:
                data = b"".join(bytes(chunk) for chunk in copy)
            assert data.count(b"\n") == 5000
            assert b"4999,name 4999\n" in data


def test_copy_out_of_columns_whose_names_need_quotes(wire_db):
    with wire_db.connect(autocommit=True) as conn:
        conn.execute('CREATE SCHEMA "odd ""s"""')
        conn.execute('CREATE TABLE "odd ""s"""."we""ird" (id int PRIMARY KEY, "say ""hi""" text, "Mixed" int)')
        conn.execute('INSERT INTO "odd ""s"""."we""ird" VALUES (1, \'hello\', 7)')
        with conn.cursor() as cur:
            out = bytearray()
            with cur.copy('COPY "odd ""s"""."we""ird" ("say ""hi""", "Mixed") TO STDOUT') as copy:
                for chunk in copy:
                    out += chunk
            assert bytes(out) == b"hello\t7\n"
