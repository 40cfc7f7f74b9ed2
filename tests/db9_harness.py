"""The real product under test: a db9d on a temporary data directory and a
free port, managed through the real `db9` CLI. Used by tests/conftest.py's
fixtures, and by scripts such as tests/bench/.

Binaries come from $DB9_BUILD_DIR (default: build/release in the repo).
"""
import json
import os
import pathlib
import signal
import socket
import subprocess
import time
import urllib.parse
import uuid


REPO = pathlib.Path(__file__).resolve().parents[1]
BUILD_DIR = pathlib.Path(os.environ.get("DB9_BUILD_DIR", REPO / "build" / "release"))


def find_binary(name):
    for candidate in BUILD_DIR.rglob(name):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(f"{name} not found under {BUILD_DIR}: build the project first")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class Daemon:
    def __init__(self, workdir):
        self.workdir = pathlib.Path(workdir)
        self.data_dir = self.workdir / "data"
        self.runtime_dir = self.workdir / "run"
        self.runtime_dir.mkdir(mode=0o700)
        self.socket = self.runtime_dir / "control.sock"
        self.port = free_port()
        self.log_path = self.workdir / "db9d.log"
        self.db9d = find_binary("db9d")
        self.db9 = find_binary("db9")
        self.env = dict(os.environ,
                        XDG_RUNTIME_DIR=str(self.runtime_dir),
                        XDG_DATA_HOME=str(self.workdir / "xdg-data"),
                        XDG_CONFIG_HOME=str(self.workdir / "xdg-config"),
                        DB9_CONTROL_SOCKET=str(self.socket))
        self.process = None

    def start(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(self.db9d), "--port", str(self.port), "--data-dir", str(self.data_dir),
             "--control-socket", str(self.socket)],
            stdout=log, stderr=subprocess.STDOUT, env=self.env)
        try:
            wait_for(lambda: self.socket.exists() and port_open(self.port), 30, "db9d to listen")
        except TimeoutError:
            self.stop()
            raise RuntimeError(f"db9d did not start; log:\n{self.log()}")

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def cli(self, *args, check=True, input=None, timeout=60):
        """Runs `db9 ARGS` against this daemon; returns the CompletedProcess."""
        result = subprocess.run([str(self.db9), "--control-socket", str(self.socket), *args],
                                capture_output=True, text=True, env=self.env, input=input,
                                timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"db9 {' '.join(args)} failed ({result.returncode}):\n"
                                 f"{result.stdout}\n{result.stderr}")
        return result


class Database:
    def __init__(self, url):
        self.url = url
        parts = urllib.parse.urlsplit(url)
        self.user = urllib.parse.unquote(parts.username)
        self.password = urllib.parse.unquote(parts.password)
        self.name = self.user.rsplit(".admin", 1)[0]
        self.host = parts.hostname
        self.port = parts.port

    @property
    def sqlalchemy_url(self):
        return "postgresql+psycopg://" + self.url[len("postgresql://"):]

    def connect(self, **kwargs):
        import psycopg
        return psycopg.connect(self.url, **kwargs)

    def psql(self, *args, input=None, check=True):
        env = dict(os.environ, PGPASSWORD=self.password)
        result = subprocess.run(
            ["psql", "-X", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
             "-d", "postgres", "-v", "ON_ERROR_STOP=1", *args],
            capture_output=True, text=True, env=env, input=input, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"psql failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result


def find_url(value):
    """The first postgresql:// URL anywhere in the CLI's JSON output."""
    if isinstance(value, str):
        return value if value.startswith("postgresql://") else None
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for item in items:
        url = find_url(item)
        if url:
            return url
    return None


def create_database(daemon, name=None):
    name = name or "t-" + uuid.uuid4().hex[:10]
    out = daemon.cli("create", "--name", name, "--show-secrets", "--output", "json").stdout
    url = find_url(json.loads(out))
    assert url, f"db9 create printed no connection string: {out}"
    return Database(url)


