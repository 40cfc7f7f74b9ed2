#include "daemon/storage/mvcc/transaction_impl.h"

#include "daemon/storage/mvcc/merged_iterator.h"
#include "daemon/storage/mvcc/txn_manager_impl.h"
#include "shared/base/sqlstate.h"

namespace db9::mvcc {
namespace {

// What NewIterator gives after the transaction ended: empty, with the reason.
class EndedIterator : public kv::Iterator {
 public:
  void Seek(std::string_view) override {}
  void SeekToFirst() override {}
  void SeekToLast() override {}
  bool Valid() const override { return false; }
  void Next() override {}
  void Prev() override {}
  std::string_view key() const override { return {}; }
  std::string_view value() const override { return {}; }
  Status status() const override {
    return Status::Error(sqlstate::kInvalidTransactionState, "transaction has already ended");
  }
};

}  // namespace

TransactionImpl::TransactionImpl(TxnManagerImpl& manager, TxnId id, IsolationLevel level)
    : manager_(manager), id_(id), level_(level) {}

TransactionImpl::~TransactionImpl() {
  if (!finished_) Rollback();
}

Status TransactionImpl::SetIsolation(IsolationLevel level) {
  if (has_snapshot_) {
    return Status::Error(sqlstate::kActiveSqlTransaction,
                         "SET TRANSACTION ISOLATION LEVEL must be called before any query");
  }
  level_ = level;
  return Status::OK();
}

void TransactionImpl::StartStatement() {
  if (finished_) return;
  if (!has_snapshot_ || !repeatable()) TakeSnapshot();
}

void TransactionImpl::EnsureSnapshot() {
  if (!has_snapshot_) TakeSnapshot();
}

void TransactionImpl::TakeSnapshot() {
  DropSnapshot();
  snapshot_ = manager_.stamps().Acquire();
  has_snapshot_ = true;
}

void TransactionImpl::DropSnapshot() {
  if (!has_snapshot_) return;
  manager_.stamps().Release(snapshot_.counter);
  snapshot_ = {};
  has_snapshot_ = false;
}

Status TransactionImpl::CheckActive() const {
  return finished_ ? EndedIterator().status() : Status::OK();
}

Result<std::optional<std::string>> TransactionImpl::Get(std::string_view key) {
  DB9_RETURN_IF_ERROR(CheckActive());
  if (const WriteSet::Entry* own = writes_.Find(key)) {
    if (own->kind == WriteSet::Kind::kDelete) return std::optional<std::string>();
    return std::optional<std::string>(own->value);
  }
  EnsureSnapshot();
  kv::ReadOptions options;
  options.snapshot = snapshot_.store_snapshot;
  return manager_.store().Get(options, key);
}

std::unique_ptr<kv::Iterator> TransactionImpl::NewIterator() {
  if (finished_) return std::make_unique<EndedIterator>();
  EnsureSnapshot();
  kv::ReadOptions options;
  options.snapshot = snapshot_.store_snapshot;
  // With nothing written yet there is nothing to lay over the snapshot; a
  // read-only scan then pays no merging per row. Writes made while it runs
  // stay out of its view, as they should (see MergedIterator on Halloween).
  if (writes_.size() == 0) return manager_.store().NewIterator(options);
  return std::make_unique<MergedIterator>(manager_.store().NewIterator(options), writes_);
}

Result<TransactionImpl::HeldKey> TransactionImpl::LockKey(std::string_view key, LockWait wait) {
  DB9_RETURN_IF_ERROR(CheckActive());
  EnsureSnapshot();
  auto it = held_.find(std::string(key));
  if (it == held_.end()) {
    DB9_RETURN_IF_ERROR(manager_.locks().Acquire(id_, key, cancel_, wait));
    // With the lock held nobody else can commit to the key, so its stamp is
    // final until we finish: the conflict is decided once, here.
    bool changed = manager_.stamps().StampOf(key) > snapshot_.counter;
    it = held_.emplace(std::string(key), changed && repeatable()).first;
    return HeldKey{changed, &it->second};
  }
  // Under READ COMMITTED the snapshot moves per statement; compare again.
  return HeldKey{manager_.stamps().StampOf(key) > snapshot_.counter, &it->second};
}

Result<bool> TransactionImpl::LockForChange(std::string_view key, LockWait wait) {
  DB9_ASSIGN_OR_RETURN(HeldKey held, LockKey(key, wait));
  if (*held.conflict) return SerializationFailure(key);
  return held.changed;
}

Status TransactionImpl::SerializationFailure(std::string_view key) {
  // PostgreSQL names what the concurrent transaction did to the row.
  auto latest = manager_.store().Get(kv::ReadOptions{}, key);
  const bool deleted = latest.ok() && !latest->has_value();
  return Status::Error(sqlstate::kSerializationFailure,
                       deleted ? "could not serialize access due to concurrent delete"
                               : "could not serialize access due to concurrent update");
}

Result<std::optional<std::string>> TransactionImpl::Latest(std::string_view key) {
  if (const WriteSet::Entry* own = writes_.Find(key)) {
    if (own->kind == WriteSet::Kind::kDelete) return std::optional<std::string>();
    return std::optional<std::string>(own->value);
  }
  // The last writer's commit returned before it released the lock we hold.
  return manager_.store().Get(kv::ReadOptions{}, key);
}

Result<LockResult> TransactionImpl::LockForWrite(std::string_view key, LockWait wait) {
  DB9_ASSIGN_OR_RETURN(bool changed, LockForChange(key, wait));
  DB9_ASSIGN_OR_RETURN(std::optional<std::string> latest, Latest(key));
  return LockResult{changed, std::move(latest)};
}

Result<LockResult> TransactionImpl::LockForInsert(std::string_view key) {
  DB9_ASSIGN_OR_RETURN(HeldKey held, LockKey(key));
  DB9_ASSIGN_OR_RETURN(std::optional<std::string> latest, Latest(key));
  // Inserting where nothing is now is no conflict, whatever happened after
  // the snapshot.
  if (!latest) *held.conflict = false;
  return LockResult{held.changed, std::move(latest)};
}

Status TransactionImpl::Put(std::string_view key, std::string_view value) {
  DB9_ASSIGN_OR_RETURN(bool changed, LockForChange(key));
  (void)changed;  // READ COMMITTED writers decided with LockForWrite's answer
  writes_.Put(key, value);
  return Status::OK();
}

Status TransactionImpl::Delete(std::string_view key) {
  DB9_ASSIGN_OR_RETURN(bool changed, LockForChange(key));
  (void)changed;
  writes_.Delete(key);
  return Status::OK();
}

Status TransactionImpl::Commit() {
  DB9_RETURN_IF_ERROR(CheckActive());
  if (writes_.size() == 0) {
    Finish();
    return Status::OK();
  }
  kv::WriteBatch batch;
  for (const auto& [key, entry] : writes_.entries()) {
    if (entry.kind == WriteSet::Kind::kPut) {
      batch.Put(key, entry.value);
    } else if (entry.kind == WriteSet::Kind::kDelete) {
      batch.Delete(key);
    }
  }
  // Called from this thread, with no shared mutex held, so concurrent commits
  // meet in the store's writer queue and share one fsync.
  Status written = manager_.store().Write(batch, /*sync=*/true);
  // Stamps before unlocking: the next holder of a lock must see our stamp.
  if (written.ok()) manager_.stamps().RecordCommit(batch);
  Finish();
  return written;
}

void TransactionImpl::Rollback() {
  if (finished_) return;
  Finish();
}

void TransactionImpl::Finish() {
  for (const auto& [key, conflict] : held_) manager_.locks().Release(id_, key);
  held_.clear();
  DropSnapshot();
  // The write set stays until the transaction object goes: an iterator the
  // caller left open still points into it.
  finished_ = true;
}

}  // namespace db9::mvcc
