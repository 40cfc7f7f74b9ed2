// TxnManagerImpl: the shared state every transaction of one store uses: the
// lock table, the commit stamps, transaction ids. Internal to db9_mvcc.
#pragma once

#include <atomic>
#include <memory>

#include "daemon/storage/mvcc/commit_stamps.h"
#include "daemon/storage/mvcc/lock_table.h"
#include "daemon/storage/mvcc/transaction.h"

namespace db9::mvcc {

class TxnManagerImpl : public TxnManager {
 public:
  TxnManagerImpl(kv::KvStore& store, TxnManagerOptions options);

  std::unique_ptr<Transaction> Begin(IsolationLevel level) override;
  Status WriteNow(const kv::WriteBatch& batch, bool sync) override;
  std::shared_ptr<const kv::Snapshot> CommittedSnapshot() override;
  kv::KvStore& store() override { return store_; }

  LockTable& locks() { return locks_; }
  CommitStamps& stamps() { return stamps_; }

 private:
  kv::KvStore& store_;
  LockTable locks_;
  CommitStamps stamps_;
  std::atomic<TxnId> next_txn_id_{1};
};

}  // namespace db9::mvcc
