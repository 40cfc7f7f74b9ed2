"""The fixtures (daemon, fresh_daemon, database) live in tests/conftest.py,
shared by the e2e, wire and sql suites."""
