"""The fixtures (daemon, fresh_daemon, database) live in tests/conftest.py and
the classes behind them in tests/db9_harness.py (import from there:
`from db9_harness import create_database`), shared by e2e, wire and sql."""
