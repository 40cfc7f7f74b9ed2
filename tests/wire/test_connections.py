"""Many simultaneous connections: 1,000 logged-in sessions at once, each
answering a query, with the daemon's memory per idle connection measured;
past max_connections the answer is 53300. Also a round-trip latency figure.
Run with -s to see the figures."""
import concurrent.futures
import resource
import statistics
import time

import pytest

from pgwire import AuthError, Conn, connect, types

COUNT = 1000


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(needed, hard), hard))


@pytest.fixture
def daemon_pid(request, is_oracle):
    if is_oracle:
        pytest.skip("needs a server of our own with max_connections >= 1000")
    return request.getfixturevalue("daemon").process.pid


def test_thousand_simultaneous_connections(wire_db, daemon_pid):
    raise_fd_limit(COUNT * 2 + 100)
    # Warm up (first session of the database, caches) before measuring.
    with connect(wire_db) as c:
        c.query("SELECT 1")
        c.read_until_ready()
    before = rss_kb(daemon_pid)

    def open_one(_):
        return connect(wire_db)

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        conns = list(pool.map(open_one, range(COUNT)))
    login_seconds = time.monotonic() - started
    try:
        time.sleep(0.5)
        idle = rss_kb(daemon_pid)
        for c in conns:
            c.query("SELECT 1")
        for c in conns:
            assert types(c.read_until_ready()) == "TDCZ"
        # One more than max_connections (1,000 by default) is refused politely.
        extra = Conn(wire_db.port)
        try:
            extra.login(wire_db.user, wire_db.password)
        except AuthError as err:
            assert err.fields["C"] == "53300"
            assert err.fields["M"] == "sorry, too many clients already"
        finally:
            extra.close()
        per_connection = (idle - before) / COUNT
        print(f"\n{COUNT} connections logged in in {login_seconds:.1f}s; daemon RSS "
              f"{before} kB -> {idle} kB idle: {per_connection:.1f} kB per idle connection")
        assert per_connection < 512, f"{per_connection:.0f} kB per idle connection"
    finally:
        for c in conns:
            c.close()
    # All slots free again.
    deadline = time.monotonic() + 10
    while True:
        try:
            with connect(wire_db) as c:
                c.query("SELECT 1")
                assert types(c.read_until_ready()) == "TDCZ"
            break
        except AuthError:
            assert time.monotonic() < deadline
            time.sleep(0.1)


def test_round_trip_latency(wire_db):
    with connect(wire_db) as c:
        samples = []
        for _ in range(2000):
            t = time.perf_counter()
            c.query("SELECT 1")
            c.read_until_ready()
            samples.append(time.perf_counter() - t)
        samples.sort()
        median = statistics.median(samples) * 1e6
        p99 = samples[int(len(samples) * 0.99)] * 1e6
        print(f"\nSELECT 1 round trip: median {median:.0f} us, p99 {p99:.0f} us")
        assert median < 5000
