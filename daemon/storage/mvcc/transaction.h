// Multi-version transactions over a KvStore.
//
// Design (see docs/storage-format.md): uncommitted writes live in memory in
// the transaction's write set; reads go through a store snapshot with the
// transaction's own writes laid over it; COMMIT writes the whole write set as
// one atomic, synced batch. Write-write conflicts are found in memory with a
// lock per written key and the commit stamp of the last committed write to
// each key.
//
// Isolation, as PostgreSQL defines it:
//  - READ COMMITTED: a fresh snapshot per statement (StartStatement()).
//    LockForWrite() waits for a concurrent writer of the key to finish and
//    then hands back the newest committed value, so the caller re-checks its
//    predicate against it and updates that version (no lost update, no error).
//  - REPEATABLE READ (and SERIALIZABLE, which runs as it): one snapshot for the
//    whole transaction, taken at its first statement. LockForWrite() on a key
//    that another transaction committed after that snapshot fails with 40001.
//
// A Transaction is used by one thread at a time. TxnManager is thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/storage/kv/kv_store.h"
#include "daemon/storage/mvcc/lock_table.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::mvcc {

enum class IsolationLevel { kReadCommitted, kRepeatableRead, kSerializable };

struct LockResult {
  // True when another transaction committed a write to the key after this
  // transaction's current snapshot (READ COMMITTED only; REPEATABLE READ gets
  // 40001 instead).
  bool changed_since_snapshot = false;
  // The key's newest committed value with this transaction's own writes laid
  // over it; nullopt if absent or deleted.
  std::optional<std::string> latest;
};

class TxnManager;

class Transaction {
 public:
  virtual ~Transaction() = default;

  virtual IsolationLevel isolation() const = 0;
  // Allowed until the first statement has taken a snapshot (SET TRANSACTION).
  virtual Status SetIsolation(IsolationLevel level) = 0;

  // Marks a statement boundary: READ COMMITTED takes a new snapshot;
  // REPEATABLE READ takes its snapshot on the first call only.
  virtual void StartStatement() = 0;

  // Reads through the snapshot, own writes first.
  virtual Result<std::optional<std::string>> Get(std::string_view key) = 0;
  // Ordered iterator over snapshot + own writes (deleted keys hidden). Own
  // writes made while it is open may appear ahead of the cursor (or, if the
  // transaction had written nothing when it was made, never), so a
  // statement that scans and writes one range collects its targets first.
  // REQUIRES: destroyed before the transaction.
  virtual std::unique_ptr<kv::Iterator> NewIterator() = 0;

  // Takes the key's write lock for the rest of the transaction, waiting while
  // another transaction holds it. Fails with 40001 (REPEATABLE READ, see top),
  // 40P01 on deadlock, 57014 when the cancel flag is raised while waiting.
  // With LockWait::kNoWait it does not wait: 55P03 when another transaction
  // holds the key (SELECT ... FOR UPDATE NOWAIT and SKIP LOCKED).
  virtual Result<LockResult> LockForWrite(std::string_view key, LockWait wait = LockWait::kBlock) = 0;

  // For a uniqueness check before an INSERT (primary key, unique index
  // entry): takes the key's write lock exactly like LockForWrite, waiting for
  // a concurrent writer, but never fails with 40001. PostgreSQL reports a
  // concurrently committed duplicate as 23505 at every isolation level, and
  // inserting a key that a concurrent transaction deleted is no conflict. If
  // `latest` is set the caller raises 23505 (or takes the ON CONFLICT path);
  // otherwise Put(key) then succeeds, even under REPEATABLE READ.
  // 40P01 and 57014 as for LockForWrite.
  virtual Result<LockResult> LockForInsert(std::string_view key) = 0;

  // Buffer a write. Takes the key's lock first if not yet held (same errors
  // as LockForWrite).
  virtual Status Put(std::string_view key, std::string_view value) = 0;
  virtual Status Delete(std::string_view key) = 0;

  // Savepoints nest; ids are increasing. Rolling back to one undoes the
  // writes made since it (the savepoint itself stays); releasing it merges its
  // writes into the enclosing level.
  virtual uint64_t Savepoint() = 0;
  virtual Status RollbackToSavepoint(uint64_t id) = 0;
  virtual Status ReleaseSavepoint(uint64_t id) = 0;

  // Atomic, durable commit of the write set; returns once it is synced.
  // Releases all locks. A read-only transaction commits without I/O.
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;

  virtual bool has_writes() const = 0;
  // Polled while waiting for locks; owned by the session.
  virtual void SetCancelFlag(const std::atomic<bool>* cancel) = 0;
};

struct TxnManagerOptions {
  // How long a lock wait goes before the deadlock check runs (PostgreSQL's
  // deadlock_timeout).
  int deadlock_timeout_ms = 1000;
};

class TxnManager {
 public:
  virtual ~TxnManager() = default;

  virtual std::unique_ptr<Transaction> Begin(IsolationLevel level) = 0;

  // Writes outside any transaction (sequence values, which PostgreSQL never
  // rolls back). sync as in KvStore::Write.
  virtual Status WriteNow(const kv::WriteBatch& batch, bool sync) = 0;

  // A read-only view of the latest committed state (dump, branch, browse).
  virtual std::shared_ptr<const kv::Snapshot> CommittedSnapshot() = 0;
  virtual kv::KvStore& store() = 0;
};

// REQUIRES: `store` outlives the manager; every transaction (and iterator
// from one) ends before the manager is destroyed.
std::unique_ptr<TxnManager> NewTxnManager(kv::KvStore& store, TxnManagerOptions options = {});

}  // namespace db9::mvcc
