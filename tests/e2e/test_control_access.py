"""Only the user who runs db9d may use its control socket: the socket's modes
keep other users out, and should those be loosened, the daemon itself refuses
them (SO_PEERCRED). Being two users at once needs root, which CI has."""
import json
import os
import shutil
import stat
import subprocess
import tempfile

import pytest

from db9_harness import Daemon

NOBODY = 65534

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="needs root to run a client as another user (CI runs as root)")

# A client as `nobody`: connect, send hello, print every line until EOF.
RAW_CLIENT = r"""
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(10)
try:
    s.connect(sys.argv[1])
except OSError as e:
    print("CONNECT-ERROR", e.errno)
    sys.exit(0)
try:
    s.sendall(b'{"id": 1, "op": "db.list"}\n')
except BrokenPipeError:
    pass  # the daemon may hang up first; what it said is still there to read
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode())
"""


@pytest.fixture
def root_daemon():
    workdir = tempfile.mkdtemp(prefix="db9-e2e-access-")
    # Others may pass through, as through /run/user; the daemon's own
    # directory (run/) and socket keep their modes.
    os.chmod(workdir, 0o711)
    d = Daemon(workdir)
    d.start()
    yield d
    d.stop()
    shutil.rmtree(workdir, ignore_errors=True)


def as_nobody(*command):
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"}
    return subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                           *command], capture_output=True, text=True, env=env, timeout=60)


def test_socket_and_its_directory_belong_to_the_user_alone(root_daemon):
    sock = os.stat(root_daemon.socket)
    assert stat.S_ISSOCK(sock.st_mode) and stat.S_IMODE(sock.st_mode) == 0o600
    directory = os.stat(root_daemon.socket.parent)
    assert stat.S_IMODE(directory.st_mode) == 0o700
    assert sock.st_uid == directory.st_uid == os.geteuid()


def test_another_user_cannot_reach_the_socket(root_daemon):
    cli = as_nobody(str(root_daemon.db9), "--control-socket", str(root_daemon.socket), "list")
    assert cli.returncode == 1, cli
    assert f"permission denied for the db9 control socket {root_daemon.socket}" in cli.stderr
    assert "belongs to another user" in cli.stderr
    # `daemon start` does not try to start a second daemon over it.
    start = as_nobody(str(root_daemon.db9), "--control-socket", str(root_daemon.socket),
                      "daemon", "start")
    assert start.returncode == 1 and "belongs to another user" in start.stderr, start
    raw = as_nobody("python3", "-c", RAW_CLIENT, str(root_daemon.socket))
    assert raw.stdout.strip() == "CONNECT-ERROR 13", raw  # EACCES
    assert root_daemon.cli("list").returncode == 0


def test_the_daemon_refuses_another_user_even_through_loosened_modes(root_daemon):
    os.chmod(root_daemon.socket.parent, 0o755)
    os.chmod(root_daemon.socket, 0o666)
    try:
        raw = as_nobody("python3", "-c", RAW_CLIENT, str(root_daemon.socket))
        lines = raw.stdout.splitlines()
        assert len(lines) == 1, raw  # one refusal, then the daemon hangs up
        refusal = json.loads(lines[0])
        assert refusal["id"] is None and refusal["ok"] is False
        assert refusal["error"]["code"] == "42501"
        assert refusal["error"]["message"] == \
            "permission denied: this db9 daemon serves only the user who runs it"

        cli = as_nobody(str(root_daemon.db9), "--control-socket", str(root_daemon.socket), "list")
        assert cli.returncode == 1, cli
        assert "this db9 daemon serves only the user who runs it" in cli.stderr
    finally:
        os.chmod(root_daemon.socket.parent, 0o700)
        os.chmod(root_daemon.socket, 0o600)
    # The owner is served as before.
    assert root_daemon.cli("list").returncode == 0
    assert root_daemon.alive()
