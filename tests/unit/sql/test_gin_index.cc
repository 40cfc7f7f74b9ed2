// GIN indexes on jsonb and arrays: every query answered through the index
// returns what the same query returns on an unindexed copy of the table —
// over generated documents, after updates and deletes, inside an open
// transaction and after reopening the store — and EXPLAIN shows the index.
#include <QtTest>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

namespace {

// Documents of varied shape: nested objects and arrays, NULL columns, JSON
// nulls, top-level scalars and arrays, numbers written with trailing
// zeros, strings long enough to be stored hashed.
const char* kLoad =
    "INSERT INTO plain SELECT g, CASE "
    "  WHEN g % 13 = 0 THEN NULL "
    "  WHEN g % 11 = 0 THEN to_jsonb('s' || (g % 5)) "
    "  WHEN g % 9 = 0 THEN jsonb_build_array(g % 4, 'k' || (g % 4), jsonb_build_object('x', g % 2)) "
    "  ELSE jsonb_build_object('a', g % 7, 'b', 'v' || (g % 5), "
    "    'c', jsonb_build_object('d', g % 3 = 0, 'e', jsonb_build_array(g % 6, 'w' || (g % 4), NULL)), "
    "    'n', CASE WHEN g % 8 = 0 THEN NULL ELSE (g % 4)::numeric * 1.50 END, "
    "    'k' || (g % 10), repeat('z', 120 + g % 20), "
    "    'long', repeat('y', 100 + g % 60)) END, "
    "  CASE WHEN g % 17 = 0 THEN NULL WHEN g % 19 = 0 THEN '{}'::text[] "
    "    ELSE ARRAY['t' || (g % 3), 't' || (g % 7), CASE WHEN g % 23 = 0 THEN NULL ELSE 'u' END] END "
    "FROM generate_series(1, 3000) g";

const std::vector<std::string> kConditions = {
    "doc @> '{\"a\": 3}'",
    "doc @> '{\"a\": 3, \"b\": \"v1\"}'",
    "doc @> '{\"c\": {\"d\": true, \"e\": [\"w2\"]}}'",
    "doc @> '{\"c\": {\"e\": [null]}}'",
    "doc @> '{\"n\": 3.0}'",
    "doc @> '{\"n\": null}'",
    "doc @> '{\"n\": 1.5}'",
    "doc @> '[1, \"k2\"]'",
    "doc @> '[{\"x\": 1}]'",
    "doc @> '\"s3\"'",
    "doc @> '\"k1\"'",
    "doc @> '{}'",
    "doc @> '[]'",
    "doc @> '{\"a\": 99}'",
    "'{\"c\": {\"d\": false}}' <@ doc",
    "doc @> jsonb_build_object('long', repeat('y', 150))",
    "doc ? 'n'",
    "doc ? 'k3'",
    "doc ? 's2'",
    "doc ? 'zzz'",
    "doc ? 'k0'",
    "doc ?| ARRAY['k1', 'k2', 'nope']",
    "doc ?| '{}'::text[]",
    "doc ?& ARRAY['a', 'n', 'k4']",
    "doc ?& '{}'::text[]",
    "doc @> '{\"a\": 2}' AND doc ? 'k2'",
    "doc @> '{\"a\": 2}' AND id % 2 = 0",
    "tags @> ARRAY['t1', 't4']",
    "tags <@ ARRAY['t0', 't1', 't2', 'u']",
    "tags && ARRAY['t5', 'nope']",
    "tags = ARRAY['t2', 't2', 'u']",
    "tags @> '{}'",
    "ARRAY['t2', 'u'] <@ tags",
    "ARRAY['t2', 'u'] @> tags",
    "ARRAY['t6'] && tags",
    "tags <@ '{}'",
};

// Same rows?
void CompareWithPlain(SqlFixture& f, const std::string& indexed, int* matched) {
  for (const std::string& condition : kConditions) {
    const std::string tail = " WHERE " + condition + " ORDER BY id";
    std::vector<std::string> want = f.Rows("SELECT id FROM plain" + tail);
    std::vector<std::string> got = f.Rows("SELECT id FROM " + indexed + tail);
    QVERIFY2(want == got, (indexed + ": " + condition + ": " + std::to_string(want.size()) + " rows without the index, " +
                           std::to_string(got.size()) + " with it").c_str());
    *matched += static_cast<int>(want.size());
  }
}

bool UsesIndex(SqlFixture& f, const std::string& sql, const std::string& index) {
  for (const std::string& line : f.Rows("EXPLAIN " + sql)) {
    if (line.find("Bitmap Index Scan on " + index) != std::string::npos) return true;
  }
  return false;
}

// The same statement on every copy of the table.
void OnAll(SqlFixture& f, const std::string& statement_with_t) {
  for (const char* table : {"plain", "ops", "paths"}) {
    std::string sql = statement_with_t;
    sql.replace(sql.find("$T"), 2, table);
    Status s = f.Exec(sql);
    QVERIFY2(s.ok(), (sql + ": " + s.ToString()).c_str());
  }
}

void CompareAll(SqlFixture& f) {
  int matched = 0;
  CompareWithPlain(f, "ops", &matched);
  CompareWithPlain(f, "paths", &matched);
  QVERIFY(matched > 10000);  // the comparisons are not of empty results
}

}  // namespace

class GinIndexTest : public QObject {
  Q_OBJECT
 private slots:
  void resultsEqualWithoutIndex() {
    SqlFixture f;
    for (const char* table : {"plain", "ops", "paths"}) {
      QVERIFY(f.Exec(std::string("CREATE TABLE ") + table + " (id int PRIMARY KEY, doc jsonb, tags text[])").ok());
    }
    QVERIFY(f.Exec(kLoad).ok());
    // One index built over existing rows, the other filled row by row.
    QVERIFY(f.Exec("INSERT INTO ops SELECT * FROM plain").ok());
    QVERIFY(f.Exec("CREATE INDEX ops_doc ON ops USING gin (doc)").ok());
    QVERIFY(f.Exec("CREATE INDEX ops_tags ON ops USING gin (tags)").ok());
    QVERIFY(f.Exec("CREATE INDEX paths_doc ON paths USING gin (doc jsonb_path_ops, tags)").ok());
    QVERIFY(f.Exec("INSERT INTO paths SELECT * FROM plain").ok());

    QVERIFY(UsesIndex(f, "SELECT id FROM ops WHERE doc @> '{\"a\": 3}'", "ops_doc"));
    QVERIFY(UsesIndex(f, "SELECT id FROM ops WHERE doc ?| ARRAY['k1']", "ops_doc"));
    QVERIFY(UsesIndex(f, "SELECT id FROM ops WHERE tags && ARRAY['t1']", "ops_tags"));
    QVERIFY(UsesIndex(f, "SELECT id FROM paths WHERE doc @> '{\"a\": 3}'", "paths_doc"));
    QVERIFY(UsesIndex(f, "SELECT id FROM paths WHERE tags <@ ARRAY['t1']", "paths_doc"));
    QVERIFY(!UsesIndex(f, "SELECT id FROM paths WHERE doc ? 'a'", "paths_doc"));  // not jsonb_path_ops
    CompareAll(f);

    OnAll(f, "UPDATE $T SET doc = doc || '{\"a\": 3, \"fresh\": [1, 2]}' WHERE id % 5 = 1 AND jsonb_typeof(doc) = 'object'");
    OnAll(f, "UPDATE $T SET doc = '{\"a\": 3}', tags = ARRAY['t1', 't4'] WHERE id % 31 = 0");
    OnAll(f, "UPDATE $T SET doc = NULL, tags = NULL WHERE id % 37 = 0");
    OnAll(f, "DELETE FROM $T WHERE id % 6 = 2");
    OnAll(f, "DELETE FROM $T WHERE doc @> '{\"b\": \"v4\"}'");
    CompareAll(f);

    // Rows written by the open transaction are found; its deletions are not.
    QVERIFY(f.Exec("BEGIN").ok());
    OnAll(f, "INSERT INTO $T SELECT g, jsonb_build_object('a', 3, 'k2', g, 'n', null), ARRAY['t1', 't4'] FROM generate_series(5001, 5200) g");
    OnAll(f, "DELETE FROM $T WHERE doc ? 'k3'");
    OnAll(f, "UPDATE $T SET doc = doc - 'a' WHERE id % 4 = 3 AND jsonb_typeof(doc) = 'object'");
    CompareAll(f);
    QVERIFY(f.Exec("ROLLBACK").ok());
    CompareAll(f);

    f.Reopen();
    CompareAll(f);
    // A dropped index leaves the table answering from a scan.
    QVERIFY(f.Exec("DROP INDEX ops_doc").ok());
    QVERIFY(!UsesIndex(f, "SELECT id FROM ops WHERE doc @> '{\"a\": 3}'", "ops_doc"));
    int matched = 0;
    CompareWithPlain(f, "ops", &matched);
  }

  void explainShowsBitmapScans() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (id int PRIMARY KEY, doc jsonb, note text)").ok());
    QVERIFY(f.Exec("CREATE INDEX t_doc ON t USING gin (doc)").ok());
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE doc @> '{\"a\": 1}'"),
             (std::vector<std::string>{"Bitmap Heap Scan on t", "  Recheck Cond: (doc @> '{\"a\": 1}'::jsonb)",
                                       "  ->  Bitmap Index Scan on t_doc",
                                       "        Index Cond: (doc @> '{\"a\": 1}'::jsonb)"}));
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE doc ?| ARRAY['a', 'b''c'] AND doc ? 'x' AND note = 'n'"),
             (std::vector<std::string>{
                 "Filter", "  ->  Bitmap Heap Scan on t",
                 "        Recheck Cond: ((doc ?| '{a,b''c}'::text[]) AND (doc ? 'x'::text))",
                 "        ->  Bitmap Index Scan on t_doc",
                 "              Index Cond: ((doc ?| '{a,b''c}'::text[]) AND (doc ? 'x'::text))"}));
    // Commuted: the index condition puts the column first, as PostgreSQL's.
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE '{\"a\": 1}' <@ doc"),
             (std::vector<std::string>{"Bitmap Heap Scan on t", "  Recheck Cond: ('{\"a\": 1}'::jsonb <@ doc)",
                                       "  ->  Bitmap Index Scan on t_doc",
                                       "        Index Cond: (doc @> '{\"a\": 1}'::jsonb)"}));
    // Terms that constrain nothing read the table, not every index entry.
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE doc @> '{}'"),
             (std::vector<std::string>{"Filter", "  ->  Seq Scan on t"}));
    // A primary-key equality reads one row: it wins over the GIN index.
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE id = 3 AND doc @> '{\"a\": 1}'"),
             (std::vector<std::string>{"Filter", "  ->  Index Scan using t_pkey on t"}));
    // A range on the primary key does not: it returns to the filter.
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE id > 3 AND doc ? 'a'")[0], std::string("Filter"));
    QCOMPARE(f.Rows("EXPLAIN SELECT id FROM t WHERE id > 3 AND doc ? 'a'")[1],
             std::string("  ->  Bitmap Heap Scan on t"));
    QVERIFY(f.Exec("INSERT INTO t VALUES (1, '{\"a\": 1}', 'n'), (2, '{\"a\": 2}', 'n'), (3, '{\"a\": 1}', 'm')").ok());
    QCOMPARE(f.Rows("SELECT id FROM t WHERE id > 1 AND doc ? 'a' AND doc @> '{\"a\": 1}'"), std::vector<std::string>{"3"});
    // A correlated value: the scan re-reads its terms for each outer row.
    QCOMPARE(f.Rows("SELECT q.id, (SELECT count(*) FROM t WHERE doc @> q.want) FROM (VALUES (1, "
                    "'{\"a\": 1}'::jsonb), (2, '{\"a\": 2}'), (3, '{\"a\": 3}')) q(id, want) ORDER BY 1"),
             (std::vector<std::string>{"1|2", "2|1", "3|0"}));
    // UPDATE and DELETE find their rows through the index too.
    QVERIFY(f.Exec("UPDATE t SET note = 'u' WHERE doc @> '{\"a\": 1}'").ok());
    QCOMPARE(f.channel.tags, std::vector<std::string>{"UPDATE 2"});
    QVERIFY(f.Exec("DELETE FROM t WHERE doc @> '{\"a\": 2}'").ok());
    QCOMPARE(f.Rows("SELECT id, note FROM t ORDER BY id"), (std::vector<std::string>{"1|u", "3|u"}));
  }

  void errors() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (id int PRIMARY KEY, doc jsonb, tags int[])").ok());
    QCOMPARE(Code(f.Exec("CREATE UNIQUE INDEX x ON t USING gin (doc)")), std::string("0A000"));
    QCOMPARE(std::string(f.Exec("CREATE UNIQUE INDEX x ON t USING gin (doc)").message()),
             std::string("access method \"gin\" does not support unique indexes"));
    QCOMPARE(Code(f.Exec("CREATE INDEX x ON t USING gin (doc jsonb_nope)")), std::string("42704"));
    QCOMPARE(Code(f.Exec("CREATE INDEX x ON t USING gin (id)")), std::string("42704"));
    QCOMPARE(Code(f.Exec("CREATE INDEX x ON t USING gin (tags jsonb_path_ops)")), std::string("42804"));
    QCOMPARE(Code(f.Exec("CREATE INDEX x ON t USING gin (doc) WITH (fastupdate = 'perhaps')")), std::string("22023"));
    QCOMPARE(Code(f.Exec("CREATE INDEX x ON t USING gin (doc) WITH (gin_pending_list_limit = 63)")), std::string("22023"));
    QCOMPARE(Code(f.Exec("CREATE INDEX x ON t USING gin (doc) WITH (fillfactor = 50)")), std::string("22023"));
    QVERIFY(f.Exec("CREATE INDEX x ON t USING gin (doc) WITH (fastupdate = off, gin_pending_list_limit = 64)").ok());
    QCOMPARE(f.Value("SELECT reloptions::text FROM pg_class WHERE relname = 'x'"),
             std::string("{fastupdate=off,gin_pending_list_limit=64}"));
    // json has no comparison: its arrays cannot be indexed (PostgreSQL
    // refuses even an empty table's; here the first row does).
    QVERIFY(f.Exec("CREATE TABLE js (id int PRIMARY KEY, j json[]); INSERT INTO js VALUES (1, ARRAY['{}'::json])").ok());
    QCOMPARE(Code(f.Exec("CREATE INDEX ON js USING gin (j)")), std::string("42883"));
    // Damaged query values fail as values, not crashes.
    QCOMPARE(Code(f.Exec("SELECT id FROM t WHERE doc @> '{bad'")), std::string("22P02"));
    QVERIFY(f.Exec("INSERT INTO t VALUES (1, '{\"a\": 1}', ARRAY[1, NULL, 2])").ok());
    QCOMPARE(f.Rows("SELECT id FROM t WHERE doc @> $$\"a\"$$ OR doc ? NULL"), std::vector<std::string>{});
    QCOMPARE(f.Rows("SELECT id FROM t WHERE doc ? NULL"), std::vector<std::string>{});
    QVERIFY(f.Exec("CREATE INDEX t_tags ON t USING gin (tags)").ok());
    QCOMPARE(f.Rows("SELECT id FROM t WHERE tags @> ARRAY[2, 1]"), std::vector<std::string>{"1"});
    QCOMPARE(f.Rows("SELECT id FROM t WHERE tags @> ARRAY[NULL::int]"), std::vector<std::string>{});
  }
};

QTEST_GUILESS_MAIN(GinIndexTest)
#include "test_gin_index.moc"
