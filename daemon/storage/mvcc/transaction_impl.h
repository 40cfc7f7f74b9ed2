// TransactionImpl: one transaction of a TxnManagerImpl (see transaction.h for
// the contract and docs/storage-format.md for the design).
//
// Reads take no shared mutex: the write set is private, and the store
// snapshot is LevelDB's own. Only snapshot acquisition, lock acquisition and
// commit stamping touch shared state.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>

#include "daemon/storage/mvcc/commit_stamps.h"
#include "daemon/storage/mvcc/lock_table.h"
#include "daemon/storage/mvcc/transaction.h"
#include "daemon/storage/mvcc/write_set.h"

namespace db9::mvcc {

class TxnManagerImpl;

class TransactionImpl : public Transaction {
 public:
  TransactionImpl(TxnManagerImpl& manager, TxnId id, IsolationLevel level);
  ~TransactionImpl() override;

  IsolationLevel isolation() const override { return level_; }
  Status SetIsolation(IsolationLevel level) override;
  void StartStatement() override;

  Result<std::optional<std::string>> Get(std::string_view key) override;
  std::unique_ptr<kv::Iterator> NewIterator() override;
  Result<LockResult> LockForWrite(std::string_view key, LockWait wait) override;
  Result<LockResult> LockForInsert(std::string_view key) override;
  Status Put(std::string_view key, std::string_view value) override;
  Status Delete(std::string_view key) override;

  uint64_t Savepoint() override { return writes_.Savepoint(); }
  Status RollbackToSavepoint(uint64_t id) override { return writes_.RollbackTo(id); }
  Status ReleaseSavepoint(uint64_t id) override { return writes_.Release(id); }

  Status Commit() override;
  void Rollback() override;

  bool has_writes() const override { return !finished_ && writes_.size() > 0; }
  void SetCancelFlag(const std::atomic<bool>* cancel) override { cancel_ = cancel; }

 private:
  bool repeatable() const { return level_ != IsolationLevel::kReadCommitted; }
  // Takes a snapshot if the transaction has none yet.
  void EnsureSnapshot();
  void TakeSnapshot();
  void DropSnapshot();
  // Takes `key`'s lock if not held. The returned flag says whether a commit
  // after the current snapshot wrote the key; it lives as long as the lock.
  struct HeldKey {
    bool changed;
    // REPEATABLE READ: the key was changed after the transaction's snapshot
    // and no LockForInsert found it absent since, so writing it is a 40001.
    bool* conflict;
  };
  Result<HeldKey> LockKey(std::string_view key, LockWait wait = LockWait::kBlock);
  // LockKey, then 40001 on a REPEATABLE READ conflict.
  Result<bool> LockForChange(std::string_view key, LockWait wait = LockWait::kBlock);
  Status SerializationFailure(std::string_view key);
  // The newest committed value of `key` with own writes laid over it.
  Result<std::optional<std::string>> Latest(std::string_view key);
  Status CheckActive() const;
  // Releases locks and the snapshot; the transaction is over.
  void Finish();

  TxnManagerImpl& manager_;
  const TxnId id_;
  IsolationLevel level_;
  bool finished_ = false;
  bool has_snapshot_ = false;
  CommitStamps::Snapshot snapshot_;
  WriteSet writes_;
  // Keys whose lock we hold -> REPEATABLE READ conflict flag (see HeldKey).
  std::unordered_map<std::string, bool> held_;
  const std::atomic<bool>* cancel_ = nullptr;
};

}  // namespace db9::mvcc
