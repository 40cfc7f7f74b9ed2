// MVCC semantics seen from one thread: own writes, snapshots under READ
// COMMITTED and REPEATABLE READ, the merged iterator, savepoints, durability.
#include <QtTest>

#include "mvcc_fixture.h"

using namespace db9;
using mvcc::IsolationLevel;
using testing::MvccFixture;

namespace {

std::vector<std::pair<std::string, std::string>> Scan(mvcc::Transaction& txn,
                                                      std::string_view from = "") {
  std::vector<std::pair<std::string, std::string>> rows;
  auto it = txn.NewIterator();
  it->Seek(from);
  for (; it->Valid(); it->Next()) rows.emplace_back(it->key(), it->value());
  if (!it->status().ok()) qFatal("scan failed: %s", it->status().ToString().c_str());
  return rows;
}

using Rows = std::vector<std::pair<std::string, std::string>>;

// "k<n>", built by appending: GCC 12 warns falsely (-Wrestrict) about
// "literal" + std::to_string(...).
std::string NumberedKey(int n) {
  std::string key = "k";
  key += std::to_string(n);
  return key;
}

}  // namespace

class MvccTest : public QObject {
  Q_OBJECT

 private slots:
  void ownWritesVisibleOnlyToSelf() {
    MvccFixture f;
    f.Commit("a", "committed");
    auto txn = f.Begin();
    QVERIFY(txn->Put("b", "mine").ok());
    QVERIFY(txn->Delete("a").ok());
    QVERIFY(txn->has_writes());
    QCOMPARE(*MvccFixture::Value(*txn, "b"), std::string("mine"));
    QVERIFY(!MvccFixture::Value(*txn, "a"));
    // Others see the committed state only.
    QCOMPARE(*f.Read("a"), std::string("committed"));
    QVERIFY(!f.Read("b"));
    QVERIFY(txn->Commit().ok());
    QVERIFY(!f.Read("a"));
    QCOMPARE(*f.Read("b"), std::string("mine"));
  }

  void rollbackDiscards() {
    MvccFixture f;
    auto txn = f.Begin();
    QVERIFY(txn->Put("k", "v").ok());
    txn->Rollback();
    QVERIFY(!f.Read("k"));
    // An ended transaction refuses further work.
    QCOMPARE(txn->Put("k", "v").sqlstate(), std::string_view("25000"));
    QVERIFY(!txn->NewIterator()->status().ok());
  }

  void mergedIteratorOverlaysOwnWrites() {
    MvccFixture f;
    for (const char* k : {"b", "d", "f", "h"}) f.Commit(k, std::string("old-") + k);
    auto txn = f.Begin();
    QVERIFY(txn->Put("a", "new-a").ok());  // before every base key
    QVERIFY(txn->Put("d", "new-d").ok());  // overwrites a base key
    QVERIFY(txn->Delete("f").ok());        // hides a base key
    QVERIFY(txn->Delete("zz").ok());       // deletes a key that never existed
    QVERIFY(txn->Put("i", "new-i").ok());  // after every base key
    Rows expect = {{"a", "new-a"}, {"b", "old-b"}, {"d", "new-d"}, {"h", "old-h"}, {"i", "new-i"}};
    QCOMPARE(Scan(*txn), expect);
    QCOMPARE(Scan(*txn, "c"), Rows(expect.begin() + 2, expect.end()));
    QCOMPARE(Scan(*txn, "e"), Rows(expect.begin() + 3, expect.end()));
    // Updating rows under an open cursor is safe (UPDATE ... SET v = v || '!').
    auto it = txn->NewIterator();
    int n = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next(), ++n) {
      QVERIFY(txn->Put(std::string(it->key()), std::string(it->value()) + "!").ok());
    }
    QCOMPARE(n, 5);
    QCOMPARE(*MvccFixture::Value(*txn, "b"), std::string("old-b!"));
  }

  void mergedIteratorRunsBackwardAndTurnsAround() {
    MvccFixture f;
    for (const char* k : {"b", "d", "f", "h"}) f.Commit(k, std::string("old-") + k);
    auto txn = f.Begin();
    QVERIFY(txn->Put("a", "new-a").ok());
    QVERIFY(txn->Put("d", "new-d").ok());
    QVERIFY(txn->Delete("f").ok());
    QVERIFY(txn->Delete("zz").ok());
    QVERIFY(txn->Put("i", "new-i").ok());
    QVERIFY(txn->Delete("h").ok());  // the last base key, hidden
    Rows forward = {{"a", "new-a"}, {"b", "old-b"}, {"d", "new-d"}, {"i", "new-i"}};
    Rows backward;
    auto it = txn->NewIterator();
    for (it->SeekToLast(); it->Valid(); it->Prev()) backward.emplace_back(it->key(), it->value());
    QCOMPARE(backward, Rows(forward.rbegin(), forward.rend()));
    // Turning around in the middle, on an own key and on a base key.
    it->Seek("c");
    QCOMPARE(it->key(), std::string_view("d"));
    it->Prev();
    QCOMPARE(it->key(), std::string_view("b"));
    it->Prev();
    QCOMPARE(it->key(), std::string_view("a"));
    it->Next();
    QCOMPARE(it->key(), std::string_view("b"));
    it->Next();
    QCOMPARE(it->value(), std::string_view("new-d"));
    it->Next();
    QCOMPARE(it->key(), std::string_view("i"));
    it->Prev();
    QCOMPARE(it->key(), std::string_view("d"));
    it->Prev();
    it->Prev();
    it->Prev();
    QVERIFY(!it->Valid());
    // Only base keys, and only own keys.
    auto clean = f.Begin();
    it = clean->NewIterator();
    it->SeekToLast();
    QCOMPARE(it->key(), std::string_view("h"));
    MvccFixture empty;
    auto own_only = empty.Begin();
    QVERIFY(own_only->Put("x", "1").ok());
    QVERIFY(own_only->Put("y", "2").ok());
    it = own_only->NewIterator();
    it->SeekToLast();
    QCOMPARE(it->key(), std::string_view("y"));
    it->Prev();
    QCOMPARE(it->key(), std::string_view("x"));
    it->Prev();
    QVERIFY(!it->Valid());
    it.reset();  // before the stores it reads
  }

  void readCommittedSeesNewCommitsPerStatement() {
    MvccFixture f;
    f.Commit("k", "1");
    auto txn = f.Begin(IsolationLevel::kReadCommitted);
    QCOMPARE(*MvccFixture::Value(*txn, "k"), std::string("1"));
    f.Commit("k", "2");
    QCOMPARE(*MvccFixture::Value(*txn, "k"), std::string("1"));  // same statement
    txn->StartStatement();
    QCOMPARE(*MvccFixture::Value(*txn, "k"), std::string("2"));
  }

  void repeatableReadKeepsOneSnapshot() {
    MvccFixture f;
    f.Commit("k", "1");
    auto txn = f.Begin(IsolationLevel::kRepeatableRead);
    QCOMPARE(*MvccFixture::Value(*txn, "k"), std::string("1"));
    f.Commit("k", "2");
    f.Commit("new", "x");
    txn->StartStatement();
    QCOMPARE(*MvccFixture::Value(*txn, "k"), std::string("1"));
    QVERIFY(!MvccFixture::Value(*txn, "new"));
    QCOMPARE(Scan(*txn).size(), size_t{1});
    // Writing a key committed after the snapshot is a serialization failure.
    auto lock = txn->LockForWrite("k");
    QVERIFY(!lock.ok());
    QCOMPARE(lock.status().sqlstate(), std::string_view("40001"));
    QCOMPARE(lock.status().message(),
             std::string_view("could not serialize access due to concurrent update"));
    // Untouched keys are fine.
    QVERIFY(txn->Put("other", "v").ok());
  }

  // REPEATABLE READ names a concurrent delete, and inserting where a
  // concurrent transaction deleted is allowed (LockForInsert), as PostgreSQL.
  void repeatableReadConcurrentDelete() {
    MvccFixture f;
    f.Commit("gone", "1");
    f.Commit("gone2", "1");
    auto txn = f.Begin(IsolationLevel::kRepeatableRead);
    QCOMPARE(*MvccFixture::Value(*txn, "gone"), std::string("1"));
    auto del = f.Begin();
    QVERIFY(del->Delete("gone").ok() && del->Delete("gone2").ok());
    QVERIFY(del->Commit().ok());
    auto update = txn->LockForWrite("gone");
    QCOMPARE(update.status().message(),
             std::string_view("could not serialize access due to concurrent delete"));
    // The conflict sticks: asking again (after a savepoint rollback, say)
    // still fails.
    QCOMPARE(txn->Put("gone", "x").sqlstate(), std::string_view("40001"));
    auto insert = txn->LockForInsert("gone2");
    QVERIFY(insert.ok());
    QVERIFY(insert->changed_since_snapshot);
    QVERIFY(!insert->latest);
    QVERIFY(txn->Put("gone2", "reinserted").ok());
    QVERIFY(txn->Commit().ok());
    QCOMPARE(*f.Read("gone2"), std::string("reinserted"));
  }

  // A duplicate committed after a REPEATABLE READ snapshot is reported by
  // LockForInsert (the caller raises 23505), and writing it stays a 40001.
  void repeatableReadInsertSeesCommittedDuplicate() {
    MvccFixture f;
    auto txn = f.Begin(IsolationLevel::kRepeatableRead);
    f.Commit("pk", "theirs");
    QVERIFY(!MvccFixture::Value(*txn, "pk"));
    auto insert = txn->LockForInsert("pk");
    QVERIFY(insert.ok());
    QCOMPARE(*insert->latest, std::string("theirs"));
    QCOMPARE(txn->Put("pk", "mine").sqlstate(), std::string_view("40001"));
  }

  // Stamp pruning keeps what a live snapshot still needs: after thousands
  // of commits, an old REPEATABLE READ transaction still sees the conflict on
  // the first key, and a new one does not.
  void stampPruningKeepsLiveConflicts() {
    MvccFixture f;
    auto old_txn = f.Begin(IsolationLevel::kRepeatableRead);
    QVERIFY(!MvccFixture::Value(*old_txn, "k0"));
    for (int batch = 0; batch < 50; ++batch) {
      auto txn = f.Begin();
      for (int i = 0; i < 100; ++i) QVERIFY(txn->Put(NumberedKey(batch * 100 + i), "v").ok());
      QVERIFY(txn->Commit().ok());
    }
    QCOMPARE(old_txn->LockForWrite("k0").status().sqlstate(), std::string_view("40001"));
    QCOMPARE(old_txn->LockForWrite("k4999").status().sqlstate(), std::string_view("40001"));
    old_txn->Rollback();
    auto fresh = f.Begin(IsolationLevel::kRepeatableRead);
    auto lock = fresh->LockForWrite("k0");
    QVERIFY(lock.ok());
    QVERIFY(!lock->changed_since_snapshot);
  }

  void readCommittedLockReportsChange() {
    MvccFixture f;
    f.Commit("k", "1");
    auto txn = f.Begin(IsolationLevel::kReadCommitted);
    auto first = txn->LockForWrite("unchanged");
    QVERIFY(first.ok());
    QVERIFY(!first->changed_since_snapshot);
    QVERIFY(!first->latest);
    f.Commit("k", "2");
    auto lock = txn->LockForWrite("k");
    QVERIFY(lock.ok());
    QVERIFY(lock->changed_since_snapshot);
    QCOMPARE(*lock->latest, std::string("2"));
    // Own writes are laid over the latest value.
    QVERIFY(txn->Put("k", "3").ok());
    auto again = txn->LockForWrite("k");
    QVERIFY(again.ok());
    QCOMPARE(*again->latest, std::string("3"));
  }

  void setIsolationOnlyBeforeFirstStatement() {
    MvccFixture f;
    auto fresh = f.manager().Begin(IsolationLevel::kReadCommitted);
    QVERIFY(fresh->SetIsolation(IsolationLevel::kSerializable).ok());
    QVERIFY(fresh->isolation() == IsolationLevel::kSerializable);
    fresh->StartStatement();
    QCOMPARE(fresh->SetIsolation(IsolationLevel::kReadCommitted).sqlstate(),
             std::string_view("25001"));
  }

  void savepointsNest() {
    MvccFixture f;
    f.Commit("base", "0");
    auto txn = f.Begin();
    QVERIFY(txn->Put("a", "1").ok());
    uint64_t sp1 = txn->Savepoint();
    QVERIFY(txn->Put("a", "2").ok());
    QVERIFY(txn->Put("b", "1").ok());
    uint64_t sp2 = txn->Savepoint();
    QVERIFY(sp2 > sp1);
    QVERIFY(txn->Delete("base").ok());
    QVERIFY(txn->Put("c", "1").ok());
    // Rolling back to sp2 undoes only what followed it; sp2 stays usable.
    QVERIFY(txn->RollbackToSavepoint(sp2).ok());
    QCOMPARE(*MvccFixture::Value(*txn, "base"), std::string("0"));
    QVERIFY(!MvccFixture::Value(*txn, "c"));
    QCOMPARE(*MvccFixture::Value(*txn, "b"), std::string("1"));
    QVERIFY(txn->Put("c", "again").ok());
    QVERIFY(txn->RollbackToSavepoint(sp2).ok());
    QVERIFY(!MvccFixture::Value(*txn, "c"));
    // Releasing sp2 merges into sp1: rolling back to sp1 undoes both levels.
    QVERIFY(txn->Put("d", "1").ok());
    QVERIFY(txn->ReleaseSavepoint(sp2).ok());
    QCOMPARE(txn->RollbackToSavepoint(sp2).sqlstate(), std::string_view("3B001"));
    QVERIFY(txn->RollbackToSavepoint(sp1).ok());
    QCOMPARE(*MvccFixture::Value(*txn, "a"), std::string("1"));
    QVERIFY(!MvccFixture::Value(*txn, "b"));
    QVERIFY(!MvccFixture::Value(*txn, "d"));
    // Rolling back to sp1 dropped any savepoint opened after it.
    uint64_t sp3 = txn->Savepoint();
    QVERIFY(txn->Put("e", "1").ok());
    QVERIFY(txn->ReleaseSavepoint(sp1).ok());
    QCOMPARE(txn->ReleaseSavepoint(sp3).sqlstate(), std::string_view("3B001"));
    QVERIFY(txn->Commit().ok());
    QCOMPARE(*f.Read("a"), std::string("1"));
    QCOMPARE(*f.Read("e"), std::string("1"));
    QVERIFY(!f.Read("b"));
    QCOMPARE(*f.Read("base"), std::string("0"));
  }

  void savepointRollbackUnderOpenIterator() {
    MvccFixture f;
    f.Commit("b", "base");
    auto txn = f.Begin();
    uint64_t sp = txn->Savepoint();
    QVERIFY(txn->Put("a", "x").ok());
    QVERIFY(txn->Put("c", "x").ok());
    auto it = txn->NewIterator();
    it->SeekToFirst();
    QCOMPARE(std::string(it->key()), std::string("a"));
    QVERIFY(txn->RollbackToSavepoint(sp).ok());
    it->Next();
    QVERIFY(it->Valid());
    QCOMPARE(std::string(it->key()), std::string("b"));
    it->Next();
    QVERIFY(!it->Valid());  // "c" was rolled back
    QVERIFY(!txn->has_writes());
  }

  void readOnlyCommitAndEmptyRollback() {
    MvccFixture f;
    f.Commit("k", "v");
    auto txn = f.Begin();
    QCOMPARE(*MvccFixture::Value(*txn, "k"), std::string("v"));
    QVERIFY(!txn->has_writes());
    QVERIFY(txn->Commit().ok());
  }

  void commitSurvivesReopen() {
    MvccFixture f;
    auto txn = f.Begin();
    for (int i = 0; i < 100; ++i)
      QVERIFY(txn->Put("row" + std::to_string(i), std::to_string(i)).ok());
    QVERIFY(txn->Commit().ok());
    auto rolled_back = f.Begin();
    QVERIFY(rolled_back->Put("ghost", "x").ok());
    rolled_back->Rollback();
    f.Reopen();
    for (int i = 0; i < 100; ++i) QCOMPARE(*f.Read("row" + std::to_string(i)), std::to_string(i));
    QVERIFY(!f.Read("ghost"));
  }

  void writeNowIsImmediateAndStamped() {
    MvccFixture f;
    auto txn = f.Begin(IsolationLevel::kRepeatableRead);
    QVERIFY(!MvccFixture::Value(*txn, "seq"));
    kv::WriteBatch b;
    b.Put("seq", "42");
    QVERIFY(f.manager().WriteNow(b, true).ok());
    QCOMPARE(*f.Read("seq"), std::string("42"));
    QCOMPARE(txn->LockForWrite("seq").status().sqlstate(), std::string_view("40001"));
    auto snap = f.manager().CommittedSnapshot();
    kv::ReadOptions ro;
    ro.snapshot = snap;
    QCOMPARE(**f.manager().store().Get(ro, "seq"), std::string("42"));
  }
};

QTEST_GUILESS_MAIN(MvccTest)
#include "mvcc_test.moc"
