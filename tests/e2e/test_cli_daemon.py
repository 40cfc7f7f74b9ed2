"""db9d's life cycle as a user meets it: `db9 daemon start|stop|status`, a
second daemon refused, clean shutdown on SIGTERM, a taken port, and clear
errors when no daemon runs."""
import json
import os
import signal
import socket
import subprocess
import time

from db9_harness import Daemon, free_port, wait_for


def test_status_of_running_daemon(daemon):
    info = json.loads(daemon.cli("daemon", "status", "--output", "json").stdout)
    assert info["port"] == daemon.port
    assert info["data_dir"] == str(daemon.data_dir)
    assert info["pid"] == daemon.process.pid
    assert "running" in daemon.cli("daemon", "status").stdout


def test_no_daemon_says_what_to_do(tmp_path, daemon):
    result = subprocess.run([str(daemon.db9), "--control-socket", str(tmp_path / "none.sock"), "list"],
                            capture_output=True, text=True)
    assert result.returncode == 3
    assert "db9 daemon start" in result.stderr
    status = subprocess.run([str(daemon.db9), "--control-socket", str(tmp_path / "none.sock"),
                             "daemon", "status"], capture_output=True, text=True)
    assert status.returncode == 3 and "not running" in status.stdout


def test_second_daemon_is_refused(fresh_daemon):
    second = subprocess.run(
        [str(fresh_daemon.db9d), "--port", str(free_port()), "--data-dir", str(fresh_daemon.data_dir),
         "--control-socket", str(fresh_daemon.socket)],
        capture_output=True, text=True, env=fresh_daemon.env, timeout=30)
    assert second.returncode != 0
    assert "already running" in second.stderr
    assert str(fresh_daemon.process.pid) in second.stderr
    assert fresh_daemon.alive()


def test_sigterm_stops_cleanly(fresh_daemon):
    fresh_daemon.cli("create", "--name", "before-stop")
    fresh_daemon.process.send_signal(signal.SIGTERM)
    assert fresh_daemon.process.wait(timeout=30) == 0
    assert not fresh_daemon.socket.exists()
    assert "stopped" in fresh_daemon.log()
    # Everything is still there after a restart.
    fresh_daemon.start()
    names = [r["name"] for r in json.loads(fresh_daemon.cli("list", "--output", "json").stdout)]
    assert "before-stop" in names


def test_daemon_stop_command(fresh_daemon):
    out = fresh_daemon.cli("daemon", "stop").stdout
    assert "stopped" in out
    assert fresh_daemon.process.wait(timeout=30) == 0
    assert "not running" in fresh_daemon.cli("daemon", "stop").stdout


def test_daemon_start_launches_in_background(tmp_path, daemon):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    sock = runtime / "control.sock"
    port = free_port()
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "xdg"), DB9D_PATH=str(daemon.db9d))
    cli = [str(daemon.db9), "--control-socket", str(sock)]
    try:
        started = subprocess.run(cli + ["daemon", "start", "--port", str(port), "--data-dir",
                                        str(tmp_path / "data")],
                                 capture_output=True, text=True, env=env, timeout=60)
        assert started.returncode == 0, started.stderr
        assert "started" in started.stdout and str(port) in started.stdout
        again = subprocess.run(cli + ["daemon", "start"], capture_output=True, text=True, env=env)
        assert again.returncode == 0 and "already running" in again.stdout
    finally:
        stopped = subprocess.run(cli + ["daemon", "stop"], capture_output=True, text=True, env=env,
                                 timeout=60)
    assert stopped.returncode == 0, stopped.stderr


def test_taken_port_is_reported(tmp_path, daemon):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run(
        [str(daemon.db9d), "--port", str(daemon.port), "--data-dir", str(tmp_path / "data"),
         "--control-socket", str(tmp_path / "c.sock")],
        capture_output=True, text=True, env=env, timeout=30)
    assert result.returncode != 0
    assert str(daemon.port) in result.stderr
    assert "in use" in result.stderr


def test_pick_next_free_port_reports_the_real_port(tmp_path, daemon):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    sock = tmp_path / "c.sock"
    proc = subprocess.Popen(
        [str(daemon.db9d), "--port", str(daemon.port), "--pick-next-free-port", "--data-dir",
         str(tmp_path / "data"), "--control-socket", str(sock)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_for(sock.exists, 30, "db9d to listen")
        cli = [str(daemon.db9), "--control-socket", str(sock)]
        info = json.loads(subprocess.run(cli + ["daemon", "status", "--output", "json"],
                                         capture_output=True, text=True, check=True).stdout)
        assert info["port"] != daemon.port
        out = json.loads(subprocess.run(cli + ["create", "--output", "json", "--show-secrets"],
                                        capture_output=True, text=True, check=True).stdout)
        assert out["connection"]["port"] == info["port"]
        assert f":{info['port']}/postgres" in out["connection"]["url"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_config_file(tmp_path, daemon):
    cfg = tmp_path / "cfg" / "db9"
    cfg.mkdir(parents=True)
    port = free_port()
    (cfg / "db9d.conf").write_text(f"# test\nport = {port}\nlog_level = debug\n")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    sock = tmp_path / "c.sock"
    proc = subprocess.Popen([str(daemon.db9d), "--data-dir", str(tmp_path / "data"),
                             "--control-socket", str(sock)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_for(sock.exists, 30, "db9d to listen")
        info = json.loads(subprocess.run([str(daemon.db9), "--control-socket", str(sock), "daemon",
                                          "status", "--output", "json"],
                                         capture_output=True, text=True, check=True).stdout)
        assert info["port"] == port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    (cfg / "db9d.conf").write_text("prot = 5\n")
    bad = subprocess.run([str(daemon.db9d), "--data-dir", str(tmp_path / "data"),
                          "--control-socket", str(sock)],
                         capture_output=True, text=True, env=env, timeout=30)
    assert bad.returncode == 1
    assert "db9d.conf:1" in bad.stderr and "prot" in bad.stderr


def test_tells_systemd_when_ready(tmp_path, daemon):
    notify_path = tmp_path / "notify.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(notify_path))
    listener.settimeout(30)
    env = dict(os.environ, NOTIFY_SOCKET=str(notify_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    port = free_port()
    proc = subprocess.Popen([str(daemon.db9d), "--port", str(port), "--data-dir", str(tmp_path / "data"),
                             "--control-socket", str(tmp_path / "c.sock")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        message = listener.recv(4096).decode()
        assert "READY=1" in message and str(port) in message
        proc.terminate()
        assert "STOPPING=1" in listener.recv(4096).decode()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        listener.close()
