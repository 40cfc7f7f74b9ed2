"""The control socket spoken directly, as a script would (docs/control-api.md):
framing, errors for bad input, events, and who may connect."""
import json
import os
import socket
import stat


class Control:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(20)
        self.sock.connect(str(path))
        self.buffer = b""

    def send(self, message):
        data = message if isinstance(message, bytes) else (json.dumps(message) + "\n").encode()
        self.sock.sendall(data)

    def read(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            assert chunk, "daemon closed the connection"
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def call(self, op, **args):
        self.send({"id": op, "op": op, "args": args})
        while True:
            reply = self.read()
            if "event" not in reply:
                return reply

    def close(self):
        self.sock.close()


def test_socket_is_private(daemon):
    assert stat.S_IMODE(os.stat(daemon.socket).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(daemon.socket.parent).st_mode) == 0o700


def test_hello_and_info(daemon):
    c = Control(daemon.socket)
    hello = c.call("hello", client="pytest")
    assert hello["ok"] and hello["result"]["protocol"] == 1 and hello["result"]["server"] == "db9d"
    info = c.call("daemon.info")["result"]
    assert info["port"] == daemon.port and info["uptime_ms"] >= 0
    c.close()


def test_bad_input_gets_errors_and_the_connection_lives_on(daemon):
    c = Control(daemon.socket)
    c.send(b"{not json\n")
    reply = c.read()
    assert reply["ok"] is False and reply["id"] is None and reply["error"]["code"] == "08P01"
    c.send({"id": 2, "op": "db.frobnicate"})
    assert c.read()["error"]["code"] == "08P01"
    c.send({"id": 3, "op": "db.create", "args": {"name": "UPPER"}})
    reply = c.read()
    assert reply["id"] == 3 and reply["error"]["code"] == "22023"
    c.send(b'{"id": 4, "op": "hello", "args": {"x": "' + b"y" * (1 << 20) + b'"}}\n')
    assert c.read()["error"]["code"] == "54000"
    assert c.call("hello")["ok"] is True
    c.close()


def test_events_for_subscribers(daemon):
    events = Control(daemon.socket)
    assert events.call("subscribe")["ok"]
    actor = Control(daemon.socket)
    assert actor.call("db.create", name="evt-a")["ok"]
    assert actor.call("db.rename", name="evt-a", new_name="evt-b")["ok"]
    assert actor.call("db.delete", name="evt-b")["ok"]
    seen = []
    while len(seen) < 3:  # other tests' connections may still be closing
        e = events.read()
        if e["data"].get("name", "").startswith("evt-"):
            seen.append(e)
    assert [e["event"] for e in seen] == ["database.created", "database.renamed", "database.dropped"]
    assert seen[1]["data"] == {"name": "evt-b", "previous_name": "evt-a"}
    events.close()
    actor.close()


def test_connection_events(daemon, database):
    events = Control(daemon.socket)
    events.call("subscribe")
    conn = database.connect()
    conn.close()
    kinds = []
    while len(kinds) < 2:
        e = events.read()
        if e["data"].get("name") == database.name:
            kinds.append(e["event"])
    assert kinds == ["connection.opened", "connection.closed"]
    events.close()


def test_connect_info_uses_the_real_port(daemon, database):
    c = Control(daemon.socket)
    info = c.call("db.connect-info", name=database.name)["result"]
    assert info["port"] == daemon.port
    assert info["url"] == database.url
    assert info["psql_command"] == f"psql '{database.url}'"
    c.close()


def test_daemon_stopping_event(fresh_daemon):
    c = Control(fresh_daemon.socket)
    c.call("subscribe")
    fresh_daemon.process.terminate()
    assert c.read() == {"event": "daemon.stopping", "data": {}}
    fresh_daemon.process.wait(timeout=30)
