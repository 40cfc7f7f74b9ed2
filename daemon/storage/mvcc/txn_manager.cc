#include <chrono>

#include "daemon/storage/mvcc/transaction_impl.h"
#include "daemon/storage/mvcc/txn_manager_impl.h"

namespace db9::mvcc {

TxnManagerImpl::TxnManagerImpl(kv::KvStore& store, TxnManagerOptions options)
    : store_(store),
      locks_(std::chrono::milliseconds(options.deadlock_timeout_ms)),
      stamps_(store) {}

std::unique_ptr<Transaction> TxnManagerImpl::Begin(IsolationLevel level) {
  return std::make_unique<TransactionImpl>(*this, next_txn_id_.fetch_add(1), level);
}

Status TxnManagerImpl::WriteNow(const kv::WriteBatch& batch, bool sync) {
  DB9_RETURN_IF_ERROR(store_.Write(batch, sync));
  // Stamped like a commit, so a transaction that read one of these keys
  // before this write sees it as a concurrent change.
  stamps_.RecordCommit(batch);
  return Status::OK();
}

std::shared_ptr<const kv::Snapshot> TxnManagerImpl::CommittedSnapshot() {
  return stamps_.CommittedSnapshot();
}

std::unique_ptr<TxnManager> NewTxnManager(kv::KvStore& store, TxnManagerOptions options) {
  return std::make_unique<TxnManagerImpl>(store, options);
}

}  // namespace db9::mvcc
