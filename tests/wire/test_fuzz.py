"""Bounded random input: malformed, truncated and oversized protocol messages,
in the startup phase and after login. The server must answer with an error,
close the connection (broken framing: db9 says FATAL 08P01 first, PostgreSQL
closes silently), or keep waiting for the rest of a message — and never crash
or hang other sessions. Seeded, so a failure can be replayed:
DB9_FUZZ_SEED, DB9_FUZZ_ROUNDS."""
import os
import random
import socket
import struct

import pytest

from pgwire import Closed, Conn, connect, cstr, error_fields, int16, int32, types

SEED = int(os.environ.get("DB9_FUZZ_SEED", "20261207"))
ROUNDS = int(os.environ.get("DB9_FUZZ_ROUNDS", "200"))
TYPES = b"BCdcDEfFHPpQSX" + b"\x00\x01Zz\xff"


def valid_messages():
    return [
        b"Q" + int32(13) + cstr("SELECT 1"),
        b"P" + int32(17) + cstr("") + cstr("SELECT 1") + int16(0),
        b"B" + int32(12) + cstr("") + cstr("") + int16(0) + int16(0) + int16(0),
        b"D" + int32(6) + b"P" + cstr(""),
        b"E" + int32(9) + cstr("") + int32(0),
        b"S" + int32(4),
    ]


def mutate(rng):
    kind = rng.randrange(7)
    if kind == 0:   # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    if kind == 1:   # known type, random payload, consistent length
        payload = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 100)))
        return bytes([rng.choice(TYPES)]) + int32(len(payload) + 4) + payload
    if kind == 2:   # length disagreeing with the payload
        payload = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 50)))
        return bytes([rng.choice(TYPES)]) + int32(rng.randrange(-10, 120)) + payload
    if kind == 3:   # oversized length, no payload
        return bytes([rng.choice(TYPES)]) + int32(rng.choice([0x7fffffff, 0x40000000, -1, 1 << 29]))
    if kind == 4:   # a valid message cut short
        m = rng.choice(valid_messages())
        return m[:rng.randrange(1, len(m))]
    if kind == 5:   # a valid message with one byte flipped
        m = bytearray(rng.choice(valid_messages()))
        m[rng.randrange(len(m))] ^= 1 << rng.randrange(8)
        return bytes(m)
    # valid messages, then garbage
    return b"".join(rng.choice(valid_messages()) for _ in range(3)) + \
        bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))


def drain(conn):
    """Reads replies until the server closes or goes quiet. Every error must
    be well formed."""
    conn.sock.settimeout(0.2)
    try:
        while True:
            kind, payload = conn.read()
            if kind == "E":
                fields = error_fields(payload)
                assert fields.get("S") in ("ERROR", "FATAL"), fields
                assert len(fields.get("C", "")) == 5, fields
    except (Closed, socket.timeout, ConnectionResetError):
        pass


def assert_healthy(wire_db, server_alive):
    assert server_alive(), "the server died"
    with connect(wire_db) as c:
        c.query("SELECT 1")
        assert types(c.read_until_ready()) == "TDCZ"


def assert_closed_with_08p01(conn):
    """db9 explains with FATAL 08P01 before closing; PostgreSQL just closes."""
    try:
        kind, payload = conn.read()
    except Closed:
        return
    fields = error_fields(payload)
    assert kind == "E" and fields["S"] == "FATAL" and fields["C"] == "08P01", fields
    assert conn.closed()


@pytest.mark.parametrize("message", [
    b"Q" + int32(3),                 # length below 4
    b"Q" + int32(0x7fffffff),        # oversized: refused from the header alone
])
def test_broken_framing_closes(wire_db, server_alive, message):
    with connect(wire_db) as c:
        c.send_raw(message)
        assert_closed_with_08p01(c)
    assert_healthy(wire_db, server_alive)


def test_unknown_message_type_is_fatal(wire_db, server_alive):
    with connect(wire_db) as c:
        c.send_raw(b"\x01" + int32(4))
        kind, payload = c.read()
        fields = error_fields(payload)
        assert (kind, fields["S"], fields["C"]) == ("E", "FATAL", "08P01")
        assert fields["M"] == "invalid frontend message type 1"
        assert c.closed()


@pytest.mark.parametrize("message", [
    b"D" + int32(7) + b"Xab",                                 # no such Describe kind
    b"B" + int32(6) + b"xy",                                  # Bind without terminators
    b"E" + int32(5) + b"\0",                                  # Execute without row count
])
def test_malformed_fields_are_errors(wire_db, message):
    with connect(wire_db) as c:
        c.send_raw(message)
        c.sync()
        messages = c.read_until_ready()
        assert types(messages) == "EZ"
        fields = error_fields(messages[0][1])
        assert (fields["S"], fields["C"]) == ("ERROR", "08P01")
        c.query("SELECT 1")
        assert types(c.read_until_ready()) == "TDCZ"


def test_oversized_startup_packet(wire_db, server_alive):
    with Conn(wire_db.port) as c:
        c.send_raw(int32(1 << 20) + int32(3 << 16))
        assert_closed_with_08p01(c)
    assert_healthy(wire_db, server_alive)


def test_random_input_after_login(wire_db, server_alive):
    rng = random.Random(SEED)
    for round_number in range(ROUNDS):
        with connect(wire_db) as c:
            for _ in range(rng.randrange(1, 4)):
                try:
                    c.send_raw(mutate(rng))
                except (BrokenPipeError, ConnectionResetError):
                    break
            drain(c)
        if round_number % 50 == 49:
            assert_healthy(wire_db, server_alive)
    assert_healthy(wire_db, server_alive)


def test_random_startup_packets(wire_db, server_alive):
    rng = random.Random(SEED + 1)
    for _ in range(ROUNDS // 2):
        with Conn(wire_db.port) as c:
            length = rng.choice([rng.randrange(0, 64), rng.randrange(8, 10001), 1 << 16])
            body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 80)))
            if rng.random() < 0.5:
                body = int32(3 << 16) + body
            try:
                c.send_raw(int32(length) + body)
            except (BrokenPipeError, ConnectionResetError):
                continue
            drain(c)
    assert_healthy(wire_db, server_alive)
