"""A raw PostgreSQL v3 protocol client for wire tests: messages as bytes over
a socket, SCRAM-SHA-256 login, helpers to read replies. For what drivers
cannot easily do (cancel keys, row limits, malformed input, exact bytes)."""
import base64
import hashlib
import hmac
import os
import socket
import struct

SSL_REQUEST = (1234 << 16) | 5679
GSSENC_REQUEST = (1234 << 16) | 5680
CANCEL_REQUEST = (1234 << 16) | 5678
PROTOCOL_3 = 3 << 16


class Closed(Exception):
    """The server closed the connection."""


def cstr(s):
    return s.encode() + b"\0" if isinstance(s, str) else s + b"\0"


def int16(v):
    return struct.pack("!h", v)


def int32(v):
    return struct.pack("!i", v)


def error_fields(payload):
    """ErrorResponse/NoticeResponse payload -> {'C': '42601', 'M': ...}."""
    fields = {}
    for part in payload.split(b"\0"):
        if part:
            fields[chr(part[0])] = part[1:].decode(errors="replace")
    return fields


class Conn:
    def __init__(self, port, host="127.0.0.1", timeout=10):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.process_id = None
        self.secret_key = None
        self.parameters = {}

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- sending ---
    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, type_byte, payload=b""):
        self.sock.sendall(type_byte.encode() + int32(len(payload) + 4) + payload)

    def send_startup(self, params, version=PROTOCOL_3):
        body = int32(version) + b"".join(cstr(k) + cstr(v) for k, v in params.items()) + b"\0"
        self.send_raw(int32(len(body) + 4) + body)

    def query(self, sql):
        self.send("Q", cstr(sql))

    def parse(self, name, sql, param_types=()):
        self.send("P", cstr(name) + cstr(sql) + int16(len(param_types))
                  + b"".join(int32(t) for t in param_types))

    def bind(self, portal, statement, params=(), result_formats=()):
        body = cstr(portal) + cstr(statement) + int16(0) + int16(len(params))
        for p in params:
            body += int32(-1) if p is None else int32(len(p)) + p
        body += int16(len(result_formats)) + b"".join(int16(f) for f in result_formats)
        self.send("B", body)

    def describe(self, kind, name):
        self.send("D", kind.encode() + cstr(name))

    def execute(self, portal, max_rows=0):
        self.send("E", cstr(portal) + int32(max_rows))

    def close_target(self, kind, name):
        self.send("C", kind.encode() + cstr(name))

    def sync(self):
        self.send("S")

    def flush(self):
        self.send("H")

    # --- receiving ---
    def _fill(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise Closed()
            self.buf += chunk

    def read_byte(self):
        self._fill(1)
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def read(self):
        """(type, payload) of the next message."""
        self._fill(5)
        length = struct.unpack("!i", self.buf[1:5])[0]
        self._fill(length + 1)
        msg = (chr(self.buf[0]), self.buf[5:length + 1])
        self.buf = self.buf[length + 1:]
        return msg

    def read_until_ready(self):
        out = []
        while True:
            msg = self.read()
            out.append(msg)
            if msg[0] == "Z":
                return out

    def closed(self):
        """True if the server closed the connection (after any pending data)."""
        try:
            while True:
                self.read()
        except Closed:
            return True
        except socket.timeout:
            return False

    # --- login ---
    def login(self, user, password, database="postgres", extra=None):
        """Startup + SCRAM-SHA-256. Returns the messages after authentication
        (through ReadyForQuery), or raises AuthError with the server's error."""
        params = {"user": user, "database": database}
        params.update(extra or {})
        self.send_startup(params)
        kind, payload = self.read()
        if kind == "E":
            raise AuthError(error_fields(payload))
        assert kind == "R" and struct.unpack("!i", payload[:4])[0] == 10, (kind, payload)
        assert payload[4:] == b"SCRAM-SHA-256\0\0", payload
        client_nonce = base64.b64encode(os.urandom(18)).decode()
        bare = f"n=,r={client_nonce}"
        first = ("n,," + bare).encode()
        self.send("p", cstr("SCRAM-SHA-256") + int32(len(first)) + first)
        kind, payload = self.read()
        if kind == "E":
            raise AuthError(error_fields(payload))
        server_first = payload[4:].decode()
        attrs = dict(item.split("=", 1) for item in server_first.split(","))
        salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]),
                                     int(attrs["i"]))
        client_key = hmac.digest(salted, b"Client Key", "sha256")
        without_proof = f"c=biws,r={attrs['r']}"
        auth_message = f"{bare},{server_first},{without_proof}".encode()
        signature = hmac.digest(hashlib.sha256(client_key).digest(), auth_message, "sha256")
        proof = bytes(a ^ b for a, b in zip(client_key, signature))
        self.send("p", (without_proof + ",p=" + base64.b64encode(proof).decode()).encode())
        kind, payload = self.read()
        if kind == "E":
            raise AuthError(error_fields(payload))
        assert kind == "R" and struct.unpack("!i", payload[:4])[0] == 12, (kind, payload)
        server_key = hmac.digest(salted, b"Server Key", "sha256")
        expected = base64.b64encode(hmac.digest(server_key, auth_message, "sha256")).decode()
        assert payload[4:].decode() == "v=" + expected, "server signature does not verify"
        messages = self.read_until_ready()
        for kind, payload in messages:
            if kind == "S":
                name, value, _ = payload.split(b"\0")
                self.parameters[name.decode()] = value.decode()
            elif kind == "K":
                self.process_id, self.secret_key = struct.unpack("!ii", payload)
            elif kind == "E":
                raise AuthError(error_fields(payload))
        return messages


class AuthError(Exception):
    def __init__(self, fields):
        super().__init__(f"{fields.get('S')} {fields.get('C')}: {fields.get('M')}")
        self.fields = fields


def connect(database, **kwargs):
    """A logged-in Conn to a conftest `database`."""
    conn = Conn(database.port)
    conn.login(database.user, database.password, **kwargs)
    return conn


def send_cancel(port, process_id, secret_key):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(int32(16) + int32(CANCEL_REQUEST) + int32(process_id) + int32(secret_key))
        # The server answers nothing and closes.
        s.settimeout(10)
        assert s.recv(1) == b""


def types(messages):
    return "".join(kind for kind, _ in messages)


def data_rows(messages):
    """Text values of every DataRow in `messages`."""
    rows = []
    for kind, payload in messages:
        if kind != "D":
            continue
        count = struct.unpack("!h", payload[:2])[0]
        pos, row = 2, []
        for _ in range(count):
            length = struct.unpack("!i", payload[pos:pos + 4])[0]
            pos += 4
            if length < 0:
                row.append(None)
            else:
                row.append(payload[pos:pos + length].decode())
                pos += length
        rows.append(row)
    return rows
