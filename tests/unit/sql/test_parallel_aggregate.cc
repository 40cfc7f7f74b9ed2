// Plain aggregates over a long range scan split the scan and aggregate its
// later part on a helper thread (parallel_aggregate.h): the results equal
// the serial ones, and the split happens only where it is safe.
#include <QtTest>

#include <thread>

#include "daemon/sql/exec/parallel_aggregate.h"
#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

using Rows = std::vector<std::string>;

namespace {

constexpr const char* kAggregates =
    "SELECT count(*), count(val), sum(val), min(val), max(id), avg(val), sum(amount), "
    "min(note), max(note) FROM t";

// Rows enough for the scan to split (it tries after 16384 rows), with NULLs
// and a dropped column so that rows also take the general decoder.
void Load(SqlFixture& f) {
  Status s = f.Exec(
      "CREATE TABLE t (id int PRIMARY KEY, gone int, val int, amount numeric(10,2), note text,"
      " f float8);"
      "INSERT INTO t SELECT i, i, CASE WHEN i % 97 = 0 THEN NULL ELSE i * 7 % 1000 END,"
      " (i % 100) / 4.0, 'n' || (i % 5000), i / 3.0 FROM generate_series(1, 100000) i;"
      "ALTER TABLE t DROP COLUMN gone");
  QVERIFY2(s.ok(), s.ToString().c_str());
}

Rows WithWorkers(SqlFixture& f, int workers, const std::string& sql) {
  Status s = f.Exec("SET max_parallel_workers_per_gather = " + std::to_string(workers));
  if (!s.ok()) qFatal("%s", s.ToString().c_str());
  return f.Rows(sql);
}

bool MachineHasASpareCore() { return std::thread::hardware_concurrency() >= 2; }

}  // namespace

class ParallelAggregateTest : public QObject {
  Q_OBJECT

 private slots:
  void partsGiveTheSerialResult() {
    SqlFixture f;
    Load(f);
    for (const std::string where : {"", " WHERE id BETWEEN 1000 AND 90999", " WHERE id > 50"}) {
      const std::string sql = kAggregates + where;
      const Rows serial = WithWorkers(f, 0, sql);
      const uint64_t started_before = ParallelParts::helpers_started();
      const Rows parallel = WithWorkers(f, 2, sql);
      QCOMPARE(parallel, serial);
      if (MachineHasASpareCore()) QVERIFY2(ParallelParts::helpers_started() > started_before, sql.c_str());
    }
    QCOMPARE(WithWorkers(f, 2, "SELECT count(*), count(val) FROM t WHERE id BETWEEN 1000 AND 90999"),
             (Rows{"90000|89072"}));
    QCOMPARE(WithWorkers(f, 2, "SELECT sum(id) FROM t"), (Rows{"5000050000"}));
  }

  void serialWhereASplitWouldNotBeSafe() {
    SqlFixture f;
    Load(f);
    // Float sums round by the order of their additions.
    uint64_t started_before = ParallelParts::helpers_started();
    QCOMPARE(WithWorkers(f, 2, "SELECT sum(f) FROM t").size(), size_t{1});
    QCOMPARE(ParallelParts::helpers_started(), started_before);
    // The transaction's own writes are not shared with a helper.
    QVERIFY(f.Exec("BEGIN; INSERT INTO t (id, val) VALUES (100001, 5)").ok());
    started_before = ParallelParts::helpers_started();
    QCOMPARE(WithWorkers(f, 2, "SELECT count(*), max(id) FROM t"), (Rows{"100001|100001"}));
    QCOMPARE(ParallelParts::helpers_started(), started_before);
    QVERIFY(f.Exec("ROLLBACK").ok());
    // max_parallel_workers_per_gather = 0 turns it off.
    started_before = ParallelParts::helpers_started();
    QCOMPARE(WithWorkers(f, 0, "SELECT count(*) FROM t"), (Rows{"100000"}));
    QCOMPARE(ParallelParts::helpers_started(), started_before);
  }

  void settingIsValidated() {
    SqlFixture f;
    QCOMPARE(f.Value("SHOW max_parallel_workers_per_gather"), std::string("2"));
    QCOMPARE(Code(f.Exec("SET max_parallel_workers_per_gather = -1")), std::string("22023"));
    QCOMPARE(Code(f.Exec("SET max_parallel_workers_per_gather = 'many'")), std::string("22023"));
    QVERIFY(f.Exec("SET max_parallel_workers_per_gather = 4").ok());
    QCOMPARE(f.Value("SHOW max_parallel_workers_per_gather"), std::string("4"));
  }
};

QTEST_GUILESS_MAIN(ParallelAggregateTest)
#include "test_parallel_aggregate.moc"
