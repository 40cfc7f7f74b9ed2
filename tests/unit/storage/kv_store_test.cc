// LevelDB store: put/get/iterate, batch atomicity, snapshot isolation, a
// store held by another process, destroy.
#include "daemon/storage/kv/kv_store.h"

#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <random>

using namespace db9;

class KvStoreTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<kv::KvStore> Open(const QTemporaryDir& dir) {
    auto store = kv::OpenLevelDbStore(dir.filePath("db").toStdString());
    if (!store.ok()) qFatal("open failed: %s", store.status().ToString().c_str());
    return std::move(store).value();
  }

  std::optional<std::string> Get(kv::KvStore& store, std::string_view key,
                                 std::shared_ptr<const kv::Snapshot> snap = nullptr) {
    kv::ReadOptions ro;
    ro.snapshot = std::move(snap);
    auto r = store.Get(ro, key);
    if (!r.ok()) qFatal("get failed: %s", r.status().ToString().c_str());
    return *r;
  }

 private slots:
  void putGetDelete() {
    QTemporaryDir dir;
    auto store = Open(dir);
    kv::WriteBatch b;
    b.Put("a", "1");
    b.Put("b", std::string("\0\xff", 2));
    QVERIFY(store->Write(b, true).ok());
    QCOMPARE(*Get(*store, "a"), std::string("1"));
    QCOMPARE(*Get(*store, "b"), std::string("\0\xff", 2));
    QVERIFY(!Get(*store, "c"));
    kv::WriteBatch d;
    d.Delete("a");
    d.Put("c", "3");
    QVERIFY(store->Write(d, false).ok());
    QVERIFY(!Get(*store, "a"));
    QCOMPARE(*Get(*store, "c"), std::string("3"));
    QVERIFY(store->Write(kv::WriteBatch(), true).ok());
  }

  void iterateInOrder() {
    QTemporaryDir dir;
    auto store = Open(dir);
    kv::WriteBatch b;
    for (int i = 99; i >= 0; --i)
      b.Put(QString::asprintf("k%03d", i).toStdString(), std::to_string(i));
    QVERIFY(store->Write(b, true).ok());
    auto it = store->NewIterator({});
    it->Seek("k050");
    int expect = 50;
    for (; it->Valid(); it->Next(), ++expect) {
      QCOMPARE(std::string(it->key()), QString::asprintf("k%03d", expect).toStdString());
      QCOMPARE(std::string(it->value()), std::to_string(expect));
    }
    QCOMPARE(expect, 100);
    QVERIFY(it->status().ok());
    it->SeekToFirst();
    QVERIFY(it->Valid());
    QCOMPARE(std::string(it->key()), std::string("k000"));
  }

  void snapshotIsolation() {
    QTemporaryDir dir;
    auto store = Open(dir);
    kv::WriteBatch b;
    b.Put("x", "old");
    QVERIFY(store->Write(b, true).ok());
    auto snap = store->GetSnapshot();
    kv::ReadOptions ro;
    ro.snapshot = snap;
    auto it = store->NewIterator(ro);
    kv::WriteBatch c;
    c.Put("x", "new");
    c.Put("y", "added");
    QVERIFY(store->Write(c, true).ok());
    QCOMPARE(*Get(*store, "x", snap), std::string("old"));
    QVERIFY(!Get(*store, "y", snap));
    QCOMPARE(*Get(*store, "x"), std::string("new"));
    // The iterator keeps the snapshot alive after the caller drops it.
    snap.reset();
    ro.snapshot.reset();
    it->SeekToFirst();
    QVERIFY(it->Valid());
    QCOMPARE(std::string(it->value()), std::string("old"));
    it->Next();
    QVERIFY(!it->Valid());
  }

  void sizeAndCompact() {
    QTemporaryDir dir;
    auto store = Open(dir);
    kv::WriteBatch b;
    // Random bytes: LevelDB compresses blocks, so repeated bytes would not count.
    std::mt19937 rng(1);
    std::string value(1000, '\0');
    for (int i = 0; i < 5000; ++i) {
      for (char& c : value) c = static_cast<char>(rng());
      b.Put(QString::asprintf("k%05d", i).toStdString(), value);
    }
    QVERIFY(store->Write(b, false).ok());
    store->CompactRange("", "");
    QVERIFY(store->ApproximateSize("k", "l") > 1000000);
    QCOMPARE(store->ApproximateSize("x", "y"), uint64_t{0});
  }

  void reopenAndDestroy() {
    QTemporaryDir dir;
    std::string path = dir.filePath("db").toStdString();
    {
      auto store = Open(dir);
      kv::WriteBatch b;
      b.Put("kept", "yes");
      QVERIFY(store->Write(b, true).ok());
    }
    {
      auto store = Open(dir);
      QCOMPARE(*Get(*store, "kept"), std::string("yes"));
    }
    QVERIFY(kv::DestroyLevelDbStore(path).ok());
    kv::OpenOptions no_create;
    no_create.create_if_missing = false;
    auto missing = kv::OpenLevelDbStore(path, no_create);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.status().sqlstate(), std::string_view("58030"));
    QVERIFY(std::string(missing.status().message()).find(path) != std::string::npos);
  }

  // Write-ahead logs are zero-filled when created, so commits overwrite zeros
  // instead of growing the file; reopening replays them, zeros and all.
  void logsAreZeroFilledAndReplayed() {
    QTemporaryDir dir;
    auto log_sizes = [&] {
      std::vector<qint64> sizes;
      for (const QFileInfo& f : QDir(dir.filePath("db")).entryInfoList({"*.log"}, QDir::Files)) {
        sizes.push_back(f.size());
      }
      return sizes;
    };
    const qint64 zeroed = (1 << 20) + (1 << 20) / 4;  // the default write buffer, plus a quarter
    const std::string big(100 << 10, 'b');            // spans log blocks (32 kB each)
    {
      auto store = Open(dir);
      QCOMPARE(log_sizes(), std::vector<qint64>{zeroed});
      for (int i = 0; i < 200; ++i) {
        kv::WriteBatch b;
        b.Put("k" + std::to_string(i), i == 100 ? big : std::to_string(i));
        QVERIFY(store->Write(b, true).ok());
      }
      QCOMPARE(log_sizes(), std::vector<qint64>{zeroed});  // written over the zeros
    }
    auto store = Open(dir);
    for (int i = 0; i < 200; ++i) {
      QCOMPARE(*Get(*store, "k" + std::to_string(i)), i == 100 ? big : std::to_string(i));
    }
  }

  // A burst of writes leaves a memtable and files on several levels that
  // every later read merges; once the store is quiet they are compacted into
  // one level.
  void idleStoreCompactsWhatItTookIn() {
    QTemporaryDir dir;
    kv::OpenOptions options;
    options.write_buffer_bytes = 64 << 10;  // a file per 64 kB written
    options.compact_when_idle_for = std::chrono::milliseconds(300);
    auto opened = kv::OpenLevelDbStore(dir.filePath("db").toStdString(), options);
    QVERIFY(opened.ok());
    std::unique_ptr<kv::KvStore> store = std::move(opened).value();
    auto table_files = [&] {
      return QDir(dir.filePath("db")).entryList({"*.ldb"}, QDir::Files, QDir::Name);
    };
    // Two tables written in random order, as inserts with random keys are.
    std::vector<std::string> keys;
    for (char table : {'a', 'b'}) {
      for (int i = 0; i < 2000; ++i) {
        keys.push_back(table + QString::asprintf("%06d", i).toStdString());
      }
    }
    std::shuffle(keys.begin(), keys.end(), std::mt19937(7));
    const std::string value(100, 'v');
    for (const std::string& key : keys) {
      kv::WriteBatch b;
      b.Put(key, value);
      QVERIFY(store->Write(b, false).ok());
    }
    const int after_burst = store->SortedRuns();
    QVERIFY2(after_burst >= 3, std::to_string(after_burst).c_str());

    const QStringList files_after_burst = table_files();
    QVERIFY(!files_after_burst.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(store->SortedRuns(), 1, 10000);
    QVERIFY(table_files() != files_after_burst);
    std::unique_ptr<kv::Iterator> it = store->NewIterator({});
    int rows = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++rows;
    QCOMPARE(rows, 2 * 2000);
  }

  // Damaged files are reported as XX001 naming the directory.
  void corruptionIsXX001() {
    QTemporaryDir dir;
    std::string path = dir.filePath("db").toStdString();
    {
      auto store = Open(dir);
      kv::WriteBatch b;
      b.Put("k", "v");
      QVERIFY(store->Write(b, true).ok());
    }
    QDir db(dir.filePath("db"));
    const QStringList manifests = db.entryList({"MANIFEST-*"});
    QVERIFY(!manifests.isEmpty());
    for (const QString& name : manifests) {
      QFile file(db.filePath(name));
      QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
      file.write(QByteArray(64, '\x5a'));
    }
    auto reopened = kv::OpenLevelDbStore(path);
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.status().sqlstate(), std::string_view("XX001"));
    QVERIFY(std::string(reopened.status().message()).find(path) != std::string::npos);
  }

  // A second process opening a held store gets 55006 naming the directory.
  void lockedByAnotherProcess() {
    QTemporaryDir dir;
    std::string path = dir.filePath("db").toStdString();
    auto store = Open(dir);
    int fds[2];
    QCOMPARE(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
      auto other = kv::OpenLevelDbStore(path);
      std::string answer = other.ok() ? std::string("opened")
                                      : std::string(other.status().sqlstate()) + " " +
                                            std::string(other.status().message());
      (void)!write(fds[1], answer.data(), answer.size());
      _exit(0);
    }
    close(fds[1]);
    char buf[512];
    ssize_t n = read(fds[0], buf, sizeof buf);
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    QVERIFY(n > 0);
    std::string answer(buf, n);
    QVERIFY2(answer.rfind("55006", 0) == 0, answer.c_str());
    QVERIFY2(answer.find(path) != std::string::npos, answer.c_str());
  }
};

QTEST_GUILESS_MAIN(KvStoreTest)
#include "kv_store_test.moc"
