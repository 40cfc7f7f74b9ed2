"""Fixtures that run the real product (see db9_harness.py), shared by the
e2e, wire and sql suites:

  daemon        (session)  a running db9d: .port, .socket, .data_dir, .cli(*args)
  fresh_daemon  (function) a db9d of its own, for tests that kill or restart it
  database      (function) a fresh database made with `db9 create`: .name, .user,
                           .password, .port, .url (postgresql://...), .connect(), .psql()
"""
import os
import shutil
import signal
import sys
import tempfile

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from db9_harness import Daemon, create_database  # noqa: E402


@pytest.fixture(scope="session")
def daemon():
    workdir = tempfile.mkdtemp(prefix="db9-e2e-")
    d = Daemon(workdir)
    d.start()
    yield d
    d.stop()
    if os.environ.get("DB9_KEEP_TEST_DIRS") is None:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def fresh_daemon():
    """A daemon of its own, for tests that kill or restart it."""
    workdir = tempfile.mkdtemp(prefix="db9-e2e-own-")
    d = Daemon(workdir)
    d.start()
    yield d
    d.stop(signal.SIGKILL)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def database(daemon):
    return create_database(daemon)
