// Crash safety: a child process commits numbered rows in a loop and reports
// each number through a pipe once Commit() has returned; the parent kills it
// with SIGKILL at a random moment, reopens the store, and checks that every
// reported row is there, that each commit's two keys arrived together, and
// that the whole store reads without error.
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <random>
#include <set>

#include "daemon/storage/kv/kv_store.h"
#include "daemon/storage/mvcc/transaction.h"

using namespace db9;

namespace {

std::string RowKey(int round, uint32_t n) {
  return "row/" + std::to_string(round) + "/" + std::to_string(n);
}
std::string IndexKey(int round, uint32_t n) {
  return "idx/" + std::to_string(round) + "/" + std::to_string(n);
}

// The child: never returns.
[[noreturn]] void CommitForever(const std::string& path, int round, int report_fd) {
  auto store = kv::OpenLevelDbStore(path);
  if (!store.ok()) _exit(2);
  auto manager = mvcc::NewTxnManager(**store);
  for (uint32_t n = 0;; ++n) {
    auto txn = manager->Begin(mvcc::IsolationLevel::kReadCommitted);
    txn->StartStatement();
    // Two keys per commit, like a row and its index entry.
    if (!txn->Put(RowKey(round, n), std::string(100 + n % 300, 'r')).ok()) _exit(3);
    if (!txn->Put(IndexKey(round, n), std::to_string(n)).ok()) _exit(3);
    if (!txn->Commit().ok()) _exit(4);
    if (write(report_fd, &n, sizeof n) != sizeof n) _exit(5);
  }
}

}  // namespace

class CrashTest : public QObject {
  Q_OBJECT

 private slots:
  void killedCommitterLosesNothingReported() {
    QTemporaryDir dir;
    std::string path = dir.filePath("db").toStdString();
    std::mt19937 rng(std::random_device{}());
    for (int round = 0; round < 4; ++round) {
      int fds[2];
      QCOMPARE(pipe(fds), 0);
      pid_t pid = fork();
      QVERIFY(pid >= 0);
      if (pid == 0) {
        close(fds[0]);
        CommitForever(path, round, fds[1]);
      }
      close(fds[1]);
      usleep(50000 + rng() % 400000);
      kill(pid, SIGKILL);
      int wstatus = 0;
      waitpid(pid, &wstatus, 0);
      QVERIFY2(WIFSIGNALED(wstatus),
               "the committing child exited on its own (open or commit failed)");
      // Everything the child reported before dying is in the pipe.
      std::set<uint32_t> reported;
      uint32_t n;
      while (read(fds[0], &n, sizeof n) == sizeof n) reported.insert(n);
      close(fds[0]);
      QVERIFY(!reported.empty());

      auto store = kv::OpenLevelDbStore(path);
      QVERIFY2(store.ok(), store.status().ToString().c_str());
      for (uint32_t r : reported) {
        auto row = (*store)->Get({}, RowKey(round, r));
        QVERIFY(row.ok());
        QVERIFY2(row->has_value(), ("reported row lost: " + RowKey(round, r)).c_str());
      }
      // Atomic batches: a row and its index entry exist together or not at all.
      size_t rows = 0, index_entries = 0, this_round = 0;
      const std::string round_prefix = RowKey(round, 0).substr(0, RowKey(round, 0).size() - 1);
      auto it = (*store)->NewIterator({});
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        std::string key(it->key());
        if (key.rfind("row/", 0) == 0) {
          ++rows;
          if (key.rfind(round_prefix, 0) == 0) ++this_round;
          auto idx = (*store)->Get({}, "idx/" + key.substr(4));
          QVERIFY(idx.ok() && idx->has_value());
        } else {
          ++index_entries;
        }
      }
      QVERIFY2(it->status().ok(), it->status().ToString().c_str());
      QCOMPARE(rows, index_entries);
      QVERIFY(this_round >= reported.size());
      qInfo("round %d: %zu commits reported, %zu found after SIGKILL", round, reported.size(),
            this_round);
    }
  }
};

QTEST_GUILESS_MAIN(CrashTest)
#include "crash_test.moc"
