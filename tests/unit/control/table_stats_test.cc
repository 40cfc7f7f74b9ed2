// db.tables' row estimates and sizes (daemon/control/table_stats.h) on a real
// LevelDB store: exact counts for small tables even while they sit in the
// write buffer, a close estimate for big ones from a bounded walk, index
// entries in the size, neighbouring tables and later writes left out.
#include "daemon/control/table_stats.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>

#include "daemon/catalog/row_keys.h"

using namespace db9;

namespace {

constexpr uint32_t kSmall = 16384;
constexpr uint32_t kBig = 16390;
constexpr uint32_t kBigIndex = 16391;
constexpr uint32_t kAfter = 16400;

std::string RowKey(uint32_t table, uint64_t n) {
  return catalog::TableKeyPrefix(table) + catalog::RowIdKeySuffix(n);
}

// Rows of about 100 bytes that compress as real rows do: some text, some noise.
std::string RowValue(std::mt19937& random, uint64_t n) {
  std::string value = "customer-" + std::to_string(n) + " ordered item ";
  while (value.size() < 100) value += static_cast<char>('a' + random() % 26);
  return value;
}

// Counts how far iterators move, to prove a big table is never walked whole.
class CountingIterator : public kv::Iterator {
 public:
  CountingIterator(std::unique_ptr<kv::Iterator> inner, int64_t* moves)
      : inner_(std::move(inner)), moves_(moves) {}
  void Seek(std::string_view target) override { inner_->Seek(target); }
  void SeekToFirst() override { inner_->SeekToFirst(); }
  void SeekToLast() override { inner_->SeekToLast(); }
  bool Valid() const override { return inner_->Valid(); }
  void Next() override {
    ++*moves_;
    inner_->Next();
  }
  void Prev() override {
    ++*moves_;
    inner_->Prev();
  }
  std::string_view key() const override { return inner_->key(); }
  std::string_view value() const override { return inner_->value(); }
  Status status() const override { return inner_->status(); }

 private:
  std::unique_ptr<kv::Iterator> inner_;
  int64_t* moves_;
};

class CountingStore : public kv::KvStore {
 public:
  explicit CountingStore(kv::KvStore& inner) : inner_(inner) {}
  Result<std::optional<std::string>> Get(const kv::ReadOptions& options,
                                         std::string_view key) override {
    return inner_.Get(options, key);
  }
  std::unique_ptr<kv::Iterator> NewIterator(const kv::ReadOptions& options) override {
    return std::make_unique<CountingIterator>(inner_.NewIterator(options), &moves);
  }
  Status Write(const kv::WriteBatch& batch, bool sync) override { return inner_.Write(batch, sync); }
  std::shared_ptr<const kv::Snapshot> GetSnapshot() override { return inner_.GetSnapshot(); }
  uint64_t ApproximateSize(std::string_view begin, std::string_view end) override {
    return inner_.ApproximateSize(begin, end);
  }
  void CompactRange(std::string_view begin, std::string_view end) override {
    inner_.CompactRange(begin, end);
  }
  int SortedRuns() override { return inner_.SortedRuns(); }
  int64_t moves = 0;

 private:
  kv::KvStore& inner_;
};

}  // namespace

class TableStatsTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<kv::KvStore> Open(const QTemporaryDir& dir) {
    auto store = kv::OpenLevelDbStore(dir.filePath("db").toStdString());
    if (!store.ok()) qFatal("open failed: %s", store.status().ToString().c_str());
    return std::move(store).value();
  }

  void WriteRows(kv::KvStore& store, uint32_t table, uint64_t count) {
    std::mt19937 random(table);
    kv::WriteBatch batch;
    for (uint64_t n = 1; n <= count; ++n) {
      batch.Put(RowKey(table, n), RowValue(random, n));
      if (batch.size() == 1000 || n == count) {
        QVERIFY(store.Write(batch, false).ok());
        batch.Clear();
      }
    }
  }

  control::TableStats Measure(kv::KvStore& store, uint32_t table,
                              std::vector<uint32_t> indexes = {},
                              std::shared_ptr<const kv::Snapshot> snapshot = nullptr) {
    auto stats = control::MeasureTable(store, std::move(snapshot), table, indexes);
    if (!stats.ok()) qFatal("measure failed: %s", stats.status().ToString().c_str());
    return *stats;
  }

 private slots:
  void smallTableInTheWriteBufferIsExact() {
    QTemporaryDir dir;
    auto store = Open(dir);
    WriteRows(*store, kSmall, 437);
    WriteRows(*store, kAfter, 50);  // a neighbour's rows are not counted
    auto stats = Measure(*store, kSmall);
    QCOMPARE(stats.rows, int64_t{437});
    QVERIFY(stats.rows_exact);
    // Not on disk yet, but the rows were read: their bytes count.
    QVERIFY2(stats.bytes >= 437 * 100, std::to_string(stats.bytes).c_str());
  }

  void emptyTable() {
    QTemporaryDir dir;
    auto store = Open(dir);
    WriteRows(*store, kAfter, 10);
    auto stats = Measure(*store, kSmall);
    QCOMPARE(stats.rows, int64_t{0});
    QVERIFY(stats.rows_exact);
    QCOMPARE(stats.bytes, int64_t{0});
  }

  void exactlyAtTheBoundIsStillExact() {
    QTemporaryDir dir;
    auto store = Open(dir);
    WriteRows(*store, kSmall, control::kExactRowBound);
    auto stats = Measure(*store, kSmall);
    QCOMPARE(stats.rows, control::kExactRowBound);
    QVERIFY(stats.rows_exact);
  }

  void bigTableIsEstimatedFromABoundedWalk() {
    QTemporaryDir dir;
    auto store = Open(dir);
    constexpr int64_t kRows = 150000;
    WriteRows(*store, kSmall, 20);
    WriteRows(*store, kBig, kRows);
    WriteRows(*store, kAfter, 20);
    store->CompactRange("", "");  // on disk, as a big table mostly is
    CountingStore counting(*store);
    auto stats = Measure(counting, kBig);
    QVERIFY(!stats.rows_exact);
    QVERIFY2(stats.rows > kRows * 8 / 10 && stats.rows < kRows * 12 / 10,
             std::to_string(stats.rows).c_str());
    QVERIFY2(counting.moves <= control::kExactRowBound + 1, std::to_string(counting.moves).c_str());
    const std::string prefix = catalog::TableKeyPrefix(kBig);
    QVERIFY(static_cast<uint64_t>(stats.bytes) >=
            store->ApproximateSize(prefix, keyenc::PrefixSuccessor(prefix)));
    QVERIFY(stats.bytes > 1000000);
  }

  void indexEntriesCountTowardsTheSize() {
    QTemporaryDir dir;
    auto store = Open(dir);
    WriteRows(*store, kBig, 30000);
    kv::WriteBatch batch;
    for (uint64_t n = 1; n <= 30000; ++n) {
      batch.Put(catalog::IndexKeyPrefix(kBigIndex) + "label-" + std::to_string(n * 7919 % 30011),
                RowKey(kBig, n));
    }
    QVERIFY(store->Write(batch, false).ok());
    store->CompactRange("", "");
    auto without = Measure(*store, kBig);
    auto with = Measure(*store, kBig, {kBigIndex});
    QCOMPARE(with.rows, without.rows);
    QVERIFY2(with.bytes > without.bytes + 100000,
             (std::to_string(with.bytes) + " vs " + std::to_string(without.bytes)).c_str());
  }

  void countsInTheSnapshotGiven() {
    QTemporaryDir dir;
    auto store = Open(dir);
    WriteRows(*store, kSmall, 100);
    auto snapshot = store->GetSnapshot();
    kv::WriteBatch batch;
    batch.Put(RowKey(kSmall, 1000), "later");
    batch.Delete(RowKey(kSmall, 1));
    batch.Delete(RowKey(kSmall, 2));
    QVERIFY(store->Write(batch, false).ok());
    QCOMPARE(Measure(*store, kSmall, {}, snapshot).rows, int64_t{100});
    QCOMPARE(Measure(*store, kSmall).rows, int64_t{99});
  }
};

QTEST_GUILESS_MAIN(TableStatsTest)
#include "table_stats_test.moc"
