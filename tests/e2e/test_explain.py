"""EXPLAIN shows the plan the engine runs, so tests can check access-path
choices deterministically (no timing): a primary-key lookup is an index scan
with nothing re-checked above it, a predicate no index serves is a filter over
a sequential scan."""
import psycopg
import pytest


@pytest.fixture
def conn(database):
    with database.connect(autocommit=True) as c:
        c.execute("CREATE TABLE items (id int PRIMARY KEY, code text UNIQUE, qty int, note text)")
        c.execute("CREATE INDEX items_qty ON items (qty)")
        c.execute("CREATE TABLE tags (item_id int, tag text)")
        c.execute("INSERT INTO items VALUES (1, 'a', 1, 'x'), (2, 'b', 2, 'y'), (3, 'c', 3, 'z')")
        yield c


def plan(conn, sql, params=None):
    return [r[0] for r in conn.execute("EXPLAIN " + sql, params).fetchall()]


def test_primary_key_equality_is_an_index_scan_without_filter(conn):
    assert plan(conn, "SELECT note FROM items WHERE id = 2") == [
        "Index Scan using items_pkey on items"]
    # The same with a bound parameter, as drivers send it.
    assert plan(conn, "SELECT note FROM items WHERE id = %s", (2,)) == [
        "Index Scan using items_pkey on items"]


def test_primary_key_range_is_an_index_scan(conn):
    assert plan(conn, "SELECT note FROM items WHERE id BETWEEN 1 AND 2") == [
        "Index Scan using items_pkey on items"]
    assert plan(conn, "SELECT note FROM items WHERE id > 1 AND id <= 3") == [
        "Index Scan using items_pkey on items"]


def test_unique_and_secondary_indexes_are_used(conn):
    assert plan(conn, "SELECT id FROM items WHERE code = 'b'") == [
        "Index Scan using items_code_key on items"]
    assert plan(conn, "SELECT id FROM items WHERE qty >= 2") == [
        "Index Scan using items_qty on items"]


def test_predicates_no_index_serves_stay_filters(conn):
    assert plan(conn, "SELECT id FROM items WHERE note = 'x'") == [
        "Filter", "  ->  Seq Scan on items"]
    assert plan(conn, "SELECT id FROM items WHERE id = 2 AND note = 'y'") == [
        "Filter", "  ->  Index Scan using items_pkey on items"]


def test_joins_aggregates_sorts_and_dml(conn):
    assert plan(conn, "SELECT i.id, count(*) FROM items i JOIN tags t ON t.item_id = i.id "
                      "GROUP BY i.id ORDER BY i.id LIMIT 5") == [
        "Limit",
        "  ->  Sort",
        "        ->  HashAggregate",
        "              ->  Hash Join",
        "                    ->  Seq Scan on items",
        "                    ->  Seq Scan on tags",
    ]
    assert plan(conn, "DELETE FROM items WHERE id = 3") == [
        "Delete on items", "  ->  Index Scan using items_pkey on items"]
    # EXPLAIN does not run the statement.
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 3


def test_explain_analyze_and_other_formats_are_refused_clearly(conn):
    with pytest.raises(psycopg.errors.FeatureNotSupported):
        conn.execute("EXPLAIN ANALYZE SELECT 1")
    with pytest.raises(psycopg.errors.FeatureNotSupported):
        conn.execute("EXPLAIN (FORMAT JSON) SELECT 1")
    assert plan(conn, "SELECT 1") == ["Result"]
    assert [r[0] for r in conn.execute("EXPLAIN (COSTS OFF) SELECT id FROM items WHERE id = 1")] == [
        "Index Scan using items_pkey on items"]


def test_order_by_the_scan_order_needs_no_sort(conn):
    # Rows come out of the table in primary-key order, and out of an index
    # in its order; LIMIT then stops the scan after the rows it returns.
    assert plan(conn, "SELECT note FROM items ORDER BY id LIMIT 2") == [
        "Limit", "  ->  Seq Scan on items"]
    assert plan(conn, "SELECT note FROM items WHERE id > 1 ORDER BY id LIMIT 2") == [
        "Limit", "  ->  Index Scan using items_pkey on items"]
    assert plan(conn, "SELECT id FROM items ORDER BY qty, id LIMIT 2") == [
        "Limit", "  ->  Index Scan using items_qty on items"]
    assert plan(conn, "SELECT id FROM items WHERE qty > 1 ORDER BY qty LIMIT 2") == [
        "Limit", "  ->  Index Scan using items_qty on items"]
    assert conn.execute("SELECT id FROM items ORDER BY qty, id LIMIT 2").fetchall() == [(1,), (2,)]


def test_descending_order_reads_the_scan_backward(conn):
    # DESC (NULLs first) is the reverse of a B-tree's order: "latest N"
    # queries read N rows from the end of the key range.
    assert plan(conn, "SELECT note FROM items ORDER BY id DESC LIMIT 2") == [
        "Limit", "  ->  Index Scan Backward using items_pkey on items"]
    assert plan(conn, "SELECT note FROM items WHERE id < 3 ORDER BY id DESC LIMIT 2") == [
        "Limit", "  ->  Index Scan Backward using items_pkey on items"]
    assert plan(conn, "SELECT id FROM items ORDER BY qty DESC, id DESC LIMIT 2") == [
        "Limit", "  ->  Index Scan Backward using items_qty on items"]
    assert conn.execute("SELECT id FROM items ORDER BY id DESC LIMIT 2").fetchall() == [(3,), (2,)]
    assert conn.execute("SELECT id FROM items WHERE id < 3 ORDER BY id DESC LIMIT 5").fetchall() == [
        (2,), (1,)]


def test_a_filter_the_index_cannot_serve_keeps_a_scan_and_sort(conn):
    # Reading a secondary index whole for its order costs a lookup per entry
    # and the filter may reject nearly all of them; a scan with a bounded
    # sort has a known cost.
    assert plan(conn, "SELECT id FROM items WHERE note = 'y' ORDER BY qty LIMIT 1") == [
        "Limit", "  ->  Sort", "        ->  Filter", "              ->  Seq Scan on items"]
    assert conn.execute("SELECT id FROM items WHERE note <> 'x' ORDER BY qty LIMIT 1").fetchall() == [(2,)]


def test_keyset_page_condition_starts_the_index_scan(conn):
    # The next page after (qty, id) = (1, 1): every branch of the OR bounds
    # qty from below by 1, so the scan starts at qty >= 1 in index order and
    # LIMIT stops it; the OR itself stays a filter.
    after = "(qty > 1 OR (qty = 1 AND id > 1))"
    assert plan(conn, f"SELECT id FROM items WHERE {after} ORDER BY qty, id LIMIT 2") == [
        "Limit", "  ->  Filter", "        ->  Index Scan using items_qty on items"]
    assert conn.execute(f"SELECT id FROM items WHERE {after} ORDER BY qty, id LIMIT 2").fetchall() == [
        (2,), (3,)]
    before = "(qty < 3 OR (qty = 3 AND id < 3))"
    assert plan(conn, f"SELECT id FROM items WHERE {before} ORDER BY qty DESC, id DESC LIMIT 2") == [
        "Limit", "  ->  Filter", "        ->  Index Scan Backward using items_qty on items"]
    assert conn.execute(
        f"SELECT id FROM items WHERE {before} ORDER BY qty DESC, id DESC LIMIT 5").fetchall() == [(2,), (1,)]
    # Branches bounding different columns imply nothing.
    assert "Sort" in "\n".join(plan(conn, "SELECT id FROM items WHERE qty > 1 OR id < 2 ORDER BY qty LIMIT 2"))


def test_orders_the_scan_does_not_give_are_sorted(conn):
    for sql in ("SELECT id FROM items ORDER BY id DESC NULLS LAST LIMIT 2",
                "SELECT id FROM items ORDER BY qty DESC, id LIMIT 2",
                "SELECT id FROM items ORDER BY note LIMIT 2",
                "SELECT id FROM items ORDER BY id NULLS FIRST LIMIT 2",
                "SELECT id FROM items ORDER BY qty::text LIMIT 2",
                "SELECT id FROM items WHERE qty > 1 ORDER BY id LIMIT 2"):
        assert "  ->  Sort" in plan(conn, sql), sql
    assert conn.execute("SELECT id FROM items ORDER BY id DESC NULLS LAST LIMIT 2").fetchall() == [
        (3,), (2,)]


def test_explain_execute_shows_the_prepared_statements_plan(conn):
    conn.execute("PREPARE by_id(int) AS SELECT note FROM items WHERE id = $1")
    conn.execute("PREPARE by_note(text) AS SELECT id FROM items WHERE note = $1")
    assert plan(conn, "EXECUTE by_id(2)") == ["Index Scan using items_pkey on items"]
    # The plan of the statement's text with its parameter unbound, as drivers send it.
    by_note = plan(conn, "EXECUTE by_note('y')")
    assert by_note == plan(conn, "SELECT id FROM items WHERE note = %s", ("y",))
    assert any("Seq Scan on items" in line for line in by_note)


def test_explain_execute_checks_the_statement_and_its_arguments(conn):
    # The SQLSTATEs and messages PostgreSQL 15 gives.
    conn.execute("PREPARE by_id(int) AS SELECT note FROM items WHERE id = $1")
    with pytest.raises(psycopg.errors.InvalidSqlStatementName) as missing:
        conn.execute("EXPLAIN EXECUTE nosuch(1)")
    assert missing.value.diag.message_primary == 'prepared statement "nosuch" does not exist'
    with pytest.raises(psycopg.errors.SyntaxError) as count:
        conn.execute("EXPLAIN EXECUTE by_id(1, 2)")
    assert count.value.diag.message_primary == (
        'wrong number of parameters for prepared statement "by_id"')
    with pytest.raises(psycopg.errors.InvalidTextRepresentation):
        conn.execute("EXPLAIN EXECUTE by_id('x')")
