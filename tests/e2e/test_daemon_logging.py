"""db9d's logs: a file under the data directory that rotates (kept to a few
bounded files), and plain stderr lines that the journal stamps itself when
systemd runs the daemon."""
import re
import tempfile

from db9_harness import Daemon

STAMPED = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} ")
ROTATE_AT = 10 * 1024 * 1024  # daemon/app/logging.cc


def quiet_daemon(workdir, **env):
    """A daemon whose stderr is a plain file, whatever ran the tests."""
    d = Daemon(workdir)
    d.env.pop("JOURNAL_STREAM", None)
    d.env.update(env)
    return d


def run_daemon(workdir, **env):
    d = quiet_daemon(workdir, **env)
    d.start()
    return d


def test_log_file_under_the_data_directory_is_private_and_stamped():
    with tempfile.TemporaryDirectory() as work:
        d = run_daemon(work)
        try:
            d.cli("create", "--name", "logged")
        finally:
            d.stop()
        logs = d.data_dir / "logs"
        assert logs.stat().st_mode & 0o777 == 0o700
        lines = (logs / "db9d.log").read_text().splitlines()
        assert lines and all(STAMPED.match(line) for line in lines), lines[:3]
        assert STAMPED.match(d.log().splitlines()[0])


def test_log_file_rotates_at_its_size_limit():
    with tempfile.TemporaryDirectory() as work:
        d = quiet_daemon(work)
        logs = d.data_dir / "logs"
        logs.mkdir(parents=True)
        (logs / "db9d.log").write_bytes(b"x" * (ROTATE_AT - 10) + b"\n")
        d.start()
        try:
            d.cli("create", "--name", "rotated")
        finally:
            d.stop()
        rotated = logs / "db9d.1.log"
        assert rotated.exists() and rotated.stat().st_size >= ROTATE_AT - 10
        current = (logs / "db9d.log").stat().st_size
        assert 0 < current < 1024 * 1024


def test_under_systemd_stderr_leaves_the_time_to_the_journal():
    with tempfile.TemporaryDirectory() as work:
        d = run_daemon(work, JOURNAL_STREAM="8:12345")
        d.stop()
        lines = d.log().splitlines()
        assert lines and not any(STAMPED.match(line) for line in lines), lines[:3]
        assert all(re.match(r"^(trace|debug|info|warning|error|critical): ", line) for line in lines), lines
