"""Wire tests run against db9d (the `database` fixture of tests/conftest.py).
Set DB9_WIRE_ORACLE to a postgresql:// URL to run the same tests against a
real PostgreSQL 15 instead: that is how their expectations were checked.

  DB9_WIRE_ORACLE=postgresql://alice:pw@127.0.0.1:55432/postgres pytest tests/wire
"""
import os
import urllib.parse

import pytest


class OracleDatabase:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.url = url
        self.user = urllib.parse.unquote(parts.username)
        self.password = urllib.parse.unquote(parts.password)
        self.host = parts.hostname
        self.port = parts.port
        self.name = parts.path.lstrip("/") or "postgres"

    def connect(self, **kwargs):
        import psycopg
        return psycopg.connect(self.url, **kwargs)


@pytest.fixture
def wire_db(request):
    """A database to talk to: .port .user .password .url .connect()."""
    oracle = os.environ.get("DB9_WIRE_ORACLE")
    if oracle:
        return OracleDatabase(oracle)
    return request.getfixturevalue("database")


@pytest.fixture
def is_oracle():
    return bool(os.environ.get("DB9_WIRE_ORACLE"))


@pytest.fixture
def server_alive(request):
    """A callable telling whether the server process still runs (always true
    for the oracle, which the tests do not own)."""
    if os.environ.get("DB9_WIRE_ORACLE"):
        return lambda: True
    daemon = request.getfixturevalue("daemon")
    return daemon.alive
