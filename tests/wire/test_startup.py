"""Startup and authentication on the wire: what clients see before their
first query."""
import struct

import pytest

from pgwire import (AuthError, Conn, GSSENC_REQUEST, PROTOCOL_3, SSL_REQUEST, error_fields,
                    int32, types)

REPORTED = ["server_version", "server_encoding", "client_encoding", "DateStyle", "IntervalStyle",
            "TimeZone", "integer_datetimes", "standard_conforming_strings", "application_name",
            "is_superuser", "session_authorization"]


def test_login_reports_parameters_key_and_idle(wire_db):
    with Conn(wire_db.port) as c:
        messages = c.login(wire_db.user, wire_db.password)
        assert types(messages)[0] == "R"                       # AuthenticationOk
        assert struct.unpack("!i", messages[0][1])[0] == 0
        assert types(messages).endswith("KZ")
        assert messages[-1][1] == b"I"
        for name in REPORTED:
            assert name in c.parameters, name
        assert c.parameters["server_version"].startswith("15")
        assert c.parameters["IntervalStyle"] == "postgres"
        assert c.parameters["DateStyle"] == "ISO, MDY"
        assert c.parameters["integer_datetimes"] == "on"
        assert c.parameters["standard_conforming_strings"] == "on"
        assert c.process_id and c.secret_key is not None


def test_startup_parameters_apply(wire_db):
    with Conn(wire_db.port) as c:
        c.login(wire_db.user, wire_db.password, extra={"application_name": "wiretest"})
        assert c.parameters["application_name"] == "wiretest"


@pytest.mark.parametrize("code", [SSL_REQUEST, GSSENC_REQUEST])
def test_ssl_and_gssenc_requests_answered_n(wire_db, code, is_oracle):
    if is_oracle and code == GSSENC_REQUEST:
        pytest.skip("Debian's PostgreSQL is built with GSSAPI and answers 'G'")
    with Conn(wire_db.port) as c:
        c.send_raw(int32(8) + int32(code))
        assert c.read_byte() == b"N"
        messages = c.login(wire_db.user, wire_db.password)
        assert messages[-1] == ("Z", b"I")


def test_wrong_password_is_fatal_28p01(wire_db):
    with Conn(wire_db.port) as c:
        with pytest.raises(AuthError) as err:
            c.login(wire_db.user, "not the password")
        assert err.value.fields["S"] == "FATAL"
        assert err.value.fields["C"] == "28P01"
        assert err.value.fields["M"] == f'password authentication failed for user "{wire_db.user}"'
        assert c.closed()


def test_unknown_database_is_fatal(wire_db, is_oracle):
    if is_oracle:
        pytest.skip("PostgreSQL hides unknown users behind a mock SCRAM exchange")
    with Conn(wire_db.port) as c:
        with pytest.raises(AuthError) as err:
            c.login("no-such-db-4711.admin", "pw")
        assert err.value.fields["S"] == "FATAL"
        assert err.value.fields["C"] in ("28000", "3D000")
        # The tenant manager words it; it must name what was not found.
        assert "no-such-db-4711" in err.value.fields["M"]
        assert "does not exist" in err.value.fields["M"] or "no db9 database" in err.value.fields["M"]
        assert c.closed()


def test_missing_user_is_fatal_28000(wire_db):
    with Conn(wire_db.port) as c:
        c.send_startup({"database": "postgres"})
        kind, payload = c.read()
        assert kind == "E"
        fields = error_fields(payload)
        assert (fields["S"], fields["C"]) == ("FATAL", "28000")
        assert fields["M"] == "no PostgreSQL user name specified in startup packet"


def test_protocol_2_rejected_in_its_own_format(wire_db):
    with Conn(wire_db.port) as c:
        c.send_startup({"user": wire_db.user}, version=2 << 16)
        c._fill(72)
        assert c.buf == b"EFATAL:  unsupported frontend protocol 2.0: server supports 3.0 to 3.0\n\0"
        c.buf = b""
        assert c.closed()


def test_protocol_4_rejected(wire_db):
    with Conn(wire_db.port) as c:
        c.send_startup({"user": wire_db.user}, version=4 << 16)
        kind, payload = c.read()
        fields = error_fields(payload)
        assert kind == "E" and fields["S"] == "FATAL" and fields["C"] == "0A000"
        assert fields["M"] == "unsupported frontend protocol 4.0: server supports 3.0 to 3.0"
        assert c.closed()


def test_newer_minor_version_negotiated(wire_db):
    with Conn(wire_db.port) as c:
        c.send_startup({"user": wire_db.user, "database": "postgres", "_pq_.something": "1"},
                       version=PROTOCOL_3 | 5)
        kind, payload = c.read()
        assert kind == "v"
        assert payload == int32(PROTOCOL_3) + int32(1) + b"_pq_.something\0"
        kind, payload = c.read()
        assert kind == "R" and struct.unpack("!i", payload[:4])[0] == 10


def test_terminate_closes(wire_db):
    with Conn(wire_db.port) as c:
        c.login(wire_db.user, wire_db.password)
        c.send("X")
        assert c.closed()
