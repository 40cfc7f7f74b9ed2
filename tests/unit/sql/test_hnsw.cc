// HNSW indexes through SQL: pgvector's DDL and errors, ORDER BY distance
// LIMIT n answered by the index (EXPLAIN, the same rows as an exact sort),
// and the rows an index scan must skip or still find under MVCC.
#include <QtTest>

#include <random>

#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

namespace {

using Rows = std::vector<std::string>;

// pgvector's test table: a NULL, a zero vector, and a row added after the
// index was built.
void MakeSmallTable(SqlFixture& f, const std::string& opclass) {
  QVERIFY(f.Exec("CREATE TABLE t (id serial PRIMARY KEY, val vector(3))").ok());
  QVERIFY(f.Exec("INSERT INTO t (val) VALUES ('[0,0,0]'), ('[1,2,3]'), ('[1,1,1]'), (NULL)").ok());
  Status s = f.Exec("CREATE INDEX t_val_idx ON t USING hnsw (val " + opclass + ")");
  QVERIFY2(s.ok(), s.ToString().c_str());
  QVERIFY(f.Exec("INSERT INTO t (val) VALUES ('[1,2,4]')").ok());
}

std::string RandomVector(std::mt19937& random, int dims) {
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  std::string text = "[";
  for (int i = 0; i < dims; ++i) text += (i ? "," : "") + std::to_string(uniform(random));
  return text + "]";
}

Rows Plan(SqlFixture& f, const std::string& sql) { return f.Rows("EXPLAIN " + sql); }

}  // namespace

class HnswTest : public QObject {
  Q_OBJECT
 private slots:
  void orderedByEachDistance_data() {
    QTest::addColumn<QString>("opclass");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("expected");
    // pgvector's expected orders, plus the rows its scans leave out (zero
    // vectors under cosine, NULLs), which ORDER BY puts last.
    QTest::newRow("l2") << "vector_l2_ops" << "<->" << "[1,2,3] [1,2,4] [1,1,1] [0,0,0] NULL";
    QTest::newRow("ip") << "vector_ip_ops" << "<#>" << "[1,2,4] [1,2,3] [1,1,1] [0,0,0] NULL";
    QTest::newRow("cosine") << "vector_cosine_ops" << "<=>" << "[1,1,1] [1,2,3] [1,2,4] [0,0,0] NULL";
    QTest::newRow("l1") << "vector_l1_ops" << "<+>" << "[1,2,3] [1,2,4] [1,1,1] [0,0,0] NULL";
  }
  void orderedByEachDistance() {
    QFETCH(QString, opclass);
    QFETCH(QString, op);
    QFETCH(QString, expected);
    SqlFixture f;
    MakeSmallTable(f, opclass.toStdString());
    const std::string query = "SELECT val FROM t ORDER BY val " + op.toStdString() + " '[3,3,3]' LIMIT 10";
    QCOMPARE(Plan(f, query), (Rows{"Limit", "  ->  Index Scan using t_val_idx on t",
                                   "        Order By: (val " + op.toStdString() + " '[3,3,3]'::vector)"}));
    Rows rows = f.Rows(query);
    QCOMPARE(QString::fromStdString(std::accumulate(
                 rows.begin(), rows.end(), std::string(),
                 [](const std::string& a, const std::string& b) { return a.empty() ? b : a + " " + b; })),
             expected);
    // A NULL query orders nothing but still returns every row.
    QCOMPARE(f.Value("SELECT count(*) FROM (SELECT * FROM t ORDER BY val " + op.toStdString() +
                     " (SELECT NULL::vector) LIMIT 10) s"),
             std::string("5"));
  }

  void sameRowsAsAnExactSort() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE items (id int PRIMARY KEY, embedding vector(8), category int)").ok());
    std::mt19937 random(7);
    std::string insert = "INSERT INTO items VALUES ";
    for (int i = 0; i < 300; ++i) {
      insert += (i ? ",(" : "(") + std::to_string(i) + ",'" + RandomVector(random, 8) + "'," +
                std::to_string(i % 10) + ")";
    }
    QVERIFY(f.Exec(insert).ok());
    QVERIFY(f.Exec("CREATE INDEX ON items USING hnsw (embedding vector_cosine_ops) "
                   "WITH (m = 16, ef_construction = 64)").ok());
    for (int q = 0; q < 10; ++q) {
      const std::string v = "'" + RandomVector(random, 8) + "'";
      // "+ 0" hides the distance from the index: an exact sort.
      QCOMPARE(f.Rows("SELECT id FROM items ORDER BY embedding <=> " + v + " LIMIT 5"),
               f.Rows("SELECT id FROM items ORDER BY (embedding <=> " + v + ") + 0 LIMIT 5"));
      // A filter above the scan: the scan widens until enough rows pass.
      QCOMPARE(f.Rows("SELECT id FROM items WHERE category = 3 ORDER BY embedding <=> " + v + " LIMIT 20"),
               f.Rows("SELECT id FROM items WHERE category = 3 ORDER BY (embedding <=> " + v +
                      ") + 0 LIMIT 20"));
    }
    QCOMPARE(f.Value("SELECT count(*) FROM (SELECT id FROM items ORDER BY embedding <=> '[1,1,1,1,1,1,1,1]' "
                     "LIMIT 1000) s"),
             std::string("300"));
    // A WHERE filter applies to the index's output; a primary-key range
    // narrows the rows better than the graph, and they are sorted.
    QCOMPARE(Plan(f, "SELECT id FROM items WHERE category = 3 ORDER BY embedding <=> '[1,1,1,1,1,1,1,1]' LIMIT 5"),
             (Rows{"Limit", "  ->  Filter", "        ->  Index Scan using items_embedding_idx on items",
                   "              Order By: (embedding <=> '[1,1,1,1,1,1,1,1]'::vector)"}));
    QCOMPARE(Plan(f, "SELECT id FROM items WHERE id < 50 ORDER BY embedding <=> '[1,1,1,1,1,1,1,1]' LIMIT 5")
                 .back(),
             std::string("        ->  Index Scan using items_pkey on items"));
    // Another operator than the index's, or no LIMIT: an exact sort.
    QCOMPARE(Plan(f, "SELECT id FROM items ORDER BY embedding <-> '[1,1,1,1,1,1,1,1]' LIMIT 5")[1],
             std::string("  ->  Sort"));
    QCOMPARE(Plan(f, "SELECT id FROM items ORDER BY embedding <=> '[1,1,1,1,1,1,1,1]'")[0],
             std::string("Sort"));
    QCOMPARE(Code(f.Exec("SELECT id FROM items ORDER BY embedding <=> '[1,2]' LIMIT 5")),
             std::string("22000"));
  }

  void efSearchSetting() {
    SqlFixture f;
    QCOMPARE(f.Value("SHOW hnsw.ef_search"), std::string("40"));
    Status s = f.Exec("SET hnsw.ef_search = 0");
    QCOMPARE(Code(s), std::string("22023"));
    QCOMPARE(std::string(s.message()),
             std::string("0 is outside the valid range for parameter \"hnsw.ef_search\" (1 .. 1000)"));
    QCOMPARE(Code(f.Exec("SET hnsw.ef_search = 1001")), std::string("22023"));
    QVERIFY(f.Exec("SET hnsw.ef_search = 1").ok());
    QCOMPARE(f.Value("SHOW hnsw.ef_search"), std::string("1"));
    // ef_search 1 still returns every row, nearest first.
    MakeSmallTable(f, "vector_l2_ops");
    QCOMPARE(f.Rows("SELECT val FROM t ORDER BY val <-> '[3,3,3]' LIMIT 3"),
             (Rows{"[1,2,3]", "[1,2,4]", "[1,1,1]"}));
  }

  void createIndexErrors() {
    SqlFixture f;
    QVERIFY(f.Exec("CREATE TABLE t (val vector(3), other vector(3), n int, free vector)").ok());
    auto error = [&](const std::string& sql) {
      Status s = f.Exec(sql);
      return Code(s) + " " + std::string(s.message());
    };
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (val vector_l2_ops) WITH (m = 1)"),
             std::string("22023 value 1 out of bounds for option \"m\""));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (val vector_l2_ops) WITH (ef_construction = 1001)"),
             std::string("22023 value 1001 out of bounds for option \"ef_construction\""));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (val vector_l2_ops) WITH (m = 16, ef_construction = 31)"),
             std::string("22023 ef_construction must be greater than or equal to 2 * m"));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (val vector_l2_ops) WITH (lists = 3)"),
             std::string("22023 unrecognized parameter \"lists\""));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (free vector_l2_ops)"),
             std::string("XX000 column does not have dimensions"));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (val)"),
             std::string("42704 data type vector has no default operator class for access method \"hnsw\""));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (n)"),
             std::string("42704 data type integer has no default operator class for access method \"hnsw\""));
    QCOMPARE(error("CREATE INDEX ON t USING hnsw (val vector_l2_ops, other vector_l2_ops)"),
             std::string("0A000 access method \"hnsw\" does not support multicolumn indexes"));
    QCOMPARE(error("CREATE UNIQUE INDEX ON t USING hnsw (val)"),
             std::string("0A000 access method \"hnsw\" does not support unique indexes"));
    QVERIFY(f.Exec("CREATE TABLE wide (val vector(2001))").ok());
    QCOMPARE(error("CREATE INDEX ON wide USING hnsw (val vector_l2_ops)"),
             std::string("XX000 column cannot have more than 2000 dimensions for hnsw index"));
    QVERIFY(f.Exec("CREATE INDEX ok ON t USING hnsw (val vector_ip_ops) WITH (m = 16, ef_construction = 32)").ok());
    QCOMPARE(f.Value("SELECT pg_get_indexdef('ok'::regclass)"),
             std::string("CREATE INDEX ok ON public.t USING hnsw (val vector_ip_ops) WITH (m='16', "
                         "ef_construction='32')"));
    QCOMPARE(f.Rows("SELECT opcname FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod "
                    "WHERE amname = 'hnsw' ORDER BY opcname"),
             (Rows{"vector_cosine_ops", "vector_ip_ops", "vector_l1_ops", "vector_l2_ops"}));
  }

  void transactionsDeletesAndUpdates() {
    SqlFixture f;
    MakeSmallTable(f, "vector_l2_ops");
    const std::string nearest = "SELECT val FROM t ORDER BY val <-> '[3,3,3]' LIMIT 2";
    auto other = f.NewSession();
    RecordingChannel ch;
    auto other_rows = [&](const std::string& sql) {
      ch.Clear();
      Status s = other->ExecuteSimpleQuery(sql, ch);
      Rows out;
      for (const auto& row : ch.rows) out.push_back(row.at(0));
      return s.ok() ? out : Rows{s.ToString()};
    };
    // Rows of the open transaction are found by it, not by others.
    QVERIFY(f.Exec("BEGIN; INSERT INTO t (val) VALUES ('[3,3,3]')").ok());
    QCOMPARE(f.Rows(nearest), (Rows{"[3,3,3]", "[1,2,3]"}));
    QCOMPARE(other_rows(nearest), (Rows{"[1,2,3]", "[1,2,4]"}));
    QVERIFY(f.Exec("ROLLBACK").ok());
    QCOMPARE(f.Rows(nearest), (Rows{"[1,2,3]", "[1,2,4]"}));
    // Deleted rows are skipped; an updated row comes once, at its new place,
    // while an older snapshot still sees its old vector.
    QVERIFY(f.Exec("DELETE FROM t WHERE val = '[1,2,3]'").ok());
    QCOMPARE(f.Rows(nearest), (Rows{"[1,2,4]", "[1,1,1]"}));
    QVERIFY(other->ExecuteSimpleQuery("BEGIN ISOLATION LEVEL REPEATABLE READ", ch).ok());
    QCOMPARE(other_rows(nearest), (Rows{"[1,2,4]", "[1,1,1]"}));
    QVERIFY(f.Exec("UPDATE t SET val = '[3,3,2]' WHERE val = '[0,0,0]'").ok());
    QCOMPARE(f.Rows(nearest), (Rows{"[3,3,2]", "[1,2,4]"}));
    QCOMPARE(f.Value("SELECT count(*) FROM (SELECT val FROM t ORDER BY val <-> '[3,3,3]' LIMIT 9) s"),
             std::string("4"));
    QCOMPARE(other_rows(nearest), (Rows{"[1,2,4]", "[1,1,1]"}));
    QCOMPARE(other_rows("SELECT val FROM t ORDER BY val <-> '[3,3,3]' LIMIT 9"),
             (Rows{"[1,2,4]", "[1,1,1]", "[0,0,0]", "NULL"}));
    QVERIFY(other->ExecuteSimpleQuery("COMMIT", ch).ok());
  }

  void survivesReopenTruncateAndDrop() {
    SqlFixture f;
    MakeSmallTable(f, "vector_l2_ops");
    const std::string nearest = "SELECT val FROM t ORDER BY val <-> '[3,3,3]' LIMIT 2";
    f.Reopen();
    QCOMPARE(f.Rows(nearest), (Rows{"[1,2,3]", "[1,2,4]"}));
    QVERIFY(f.Exec("TRUNCATE t").ok());
    QCOMPARE(f.Rows(nearest), Rows{});
    QVERIFY(f.Exec("INSERT INTO t (val) VALUES ('[2,2,2]'), ('[9,9,9]')").ok());
    QCOMPARE(f.Rows(nearest), (Rows{"[2,2,2]", "[9,9,9]"}));
    // Re-keying the rows (ADD PRIMARY KEY on a table without one) rebuilds it.
    QVERIFY(f.Exec("CREATE TABLE r (id int, val vector(3)); INSERT INTO r VALUES (1, '[1,1,1]'), (2, '[5,5,5]')").ok());
    QVERIFY(f.Exec("CREATE INDEX r_idx ON r USING hnsw (val vector_l2_ops)").ok());
    QVERIFY(f.Exec("ALTER TABLE r ADD PRIMARY KEY (id)").ok());
    QCOMPARE(f.Rows("SELECT id FROM r ORDER BY val <-> '[4,4,4]' LIMIT 5"), (Rows{"2", "1"}));
    QVERIFY(f.Exec("DROP INDEX t_val_idx").ok());
    QCOMPARE(Plan(f, nearest)[1], std::string("  ->  Sort"));
    QCOMPARE(f.Rows(nearest), (Rows{"[2,2,2]", "[9,9,9]"}));
  }
};

QTEST_GUILESS_MAIN(HnswTest)
#include "test_hnsw.moc"
