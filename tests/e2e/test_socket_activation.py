"""Socket activation as packaging/systemd/db9d.socket sets it up, without a
running systemd: systemd-socket-activate listens on the control socket and
starts db9d on the first connection, passing the socket over (LISTEN_FDS)."""
import json
import os
import shutil
import socket
import stat
import subprocess

import psycopg
import pytest

from db9_harness import create_database, find_binary, free_port, port_open, wait_for

ACTIVATE = shutil.which("systemd-socket-activate")

pytestmark = pytest.mark.skipif(
    ACTIVATE is None, reason="systemd-socket-activate (Debian package systemd) is not installed")


class ActivatedDaemon:
    """Just enough of db9_harness.Daemon for create_database()."""

    def __init__(self, tmp_path, extra_sockets=()):
        self.runtime_dir = tmp_path / "run"
        (self.runtime_dir / "db9").mkdir(parents=True, mode=0o700)
        self.socket = self.runtime_dir / "db9" / "control.sock"  # %t/db9/control.sock
        self.port = free_port()
        self.db9 = find_binary("db9")
        self.env = dict(os.environ, XDG_RUNTIME_DIR=str(self.runtime_dir),
                        XDG_DATA_HOME=str(tmp_path / "data-home"),
                        XDG_CONFIG_HOME=str(tmp_path / "config-home"))
        self.env.pop("DB9_CONTROL_SOCKET", None)  # the default path, as under systemd
        self.log_path = tmp_path / "db9d.log"
        listen = ["-l", str(self.socket)]
        for extra in extra_sockets:
            listen += ["-l", extra]
        # systemd-socket-activate hands db9d only the variables named with -E.
        passed = [f"-E{name}" for name in ("XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME")]
        self.process = subprocess.Popen(
            [ACTIVATE, *listen, *passed, str(find_binary("db9d")), "--port", str(self.port)],
            stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT, env=self.env)
        # It creates the socket file at bind() and listens just after, then
        # says so; a connection in between would be refused.
        sockets = 1 + len(extra_sockets)
        wait_for(lambda: self.log().count("Listening on ") >= sockets, 10,
                 "systemd-socket-activate to listen")

    def cli(self, *args, check=True):
        result = subprocess.run([str(self.db9), *args], capture_output=True, text=True,
                                env=self.env, timeout=60)
        if check and result.returncode != 0:
            raise AssertionError(f"db9 {' '.join(args)} failed ({result.returncode}):\n"
                                 f"{result.stdout}\n{result.stderr}\nlog:\n{self.log()}")
        return result

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture
def activated(tmp_path):
    d = ActivatedDaemon(tmp_path)
    yield d
    d.close()


def test_the_first_connection_starts_the_daemon(activated):
    assert not port_open(activated.port)  # nothing ran yet: only the socket exists
    assert json.loads(activated.cli("list", "--output", "json").stdout) == []
    assert port_open(activated.port)

    info = json.loads(activated.cli("daemon", "status", "--output", "json").stdout)
    assert info["socket_activated"] is True
    assert info["control_socket"] == str(activated.socket)
    assert info["pid"] == activated.process.pid  # db9d replaced the launcher
    assert f"{activated.socket} (held by systemd)" in activated.cli("daemon", "status").stdout
    assert stat.S_IMODE(os.stat(activated.socket).st_mode) == 0o600
    assert "control socket" in activated.log() and "(passed by systemd)" in activated.log()

    database = create_database(activated, "activated")
    with psycopg.connect(database.url) as conn:
        assert conn.execute("SELECT 40 + 2").fetchone() == (42,)


def test_stop_knows_systemd_would_start_it_again(activated):
    activated.cli("list")
    out = activated.cli("daemon", "stop").stdout
    assert "db9d stopped" in out and "systemctl --user stop db9d.socket" in out
    assert activated.process.wait(timeout=30) == 0
    # The socket file is systemd's: db9d leaves it in place.
    assert activated.socket.exists()


@pytest.mark.parametrize("kind", ["tcp", "unix"])
def test_a_socket_db9d_cannot_use_is_refused_clearly(tmp_path, kind):
    if kind == "tcp":
        extra = f"127.0.0.1:{free_port()}"
        expected = [f"systemd passed db9d a TCP socket on {extra}",
                    "remove that ListenStream= line from db9d.socket"]
    else:
        extra = str(tmp_path / "elsewhere.sock")
        expected = [f"systemd passed db9d a Unix socket at {extra}, but its control socket is "
                    f"{tmp_path / 'run' / 'db9' / 'control.sock'}",
                    "name the same path"]
    d = ActivatedDaemon(tmp_path, extra_sockets=[extra])
    try:
        # The connection that wakes it gets no daemon: it exits at once.
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.connect(str(d.socket))
        assert d.process.wait(timeout=30) == 1
        for text in expected:
            assert text in d.log()
    finally:
        d.close()
