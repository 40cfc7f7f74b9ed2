// SequenceStore: the current values of sequences (and of the hidden row-id
// counters of tables without a primary key). Not transactional, as in
// PostgreSQL: a value handed out is never handed out again, even if the
// transaction that took it rolls back.
//
// Values are reserved ahead in blocks (as PostgreSQL WAL-logs 32 values
// ahead) and the end of the block is written with TxnManager::WriteNow, so
// most nextval() calls touch no disk; after a restart a sequence continues
// after its last reserved block (a gap, as PostgreSQL leaves after a crash).
// The write need not sync: any commit that used a value syncs the log after
// it. How many reserved values remain is PostgreSQL's log_cnt.
//
// Thread-safe.
#pragma once

#include <map>
#include <mutex>

#include "daemon/catalog/catalog_objects.h"
#include "daemon/storage/mvcc/transaction.h"
#include "shared/base/result.h"

namespace db9::catalog {

// One row of `SELECT * FROM sequence`, as PostgreSQL shows it.
struct SequenceRow {
  int64_t last_value = 0;  // the last value handed out or set (start if none)
  int64_t log_cnt = 0;     // values reserved ahead and not yet handed out
  bool is_called = false;  // false: the next nextval returns last_value itself
};

// The pseudo-sequence that numbers transactions for txid_current(): kept
// like any sequence, so ids keep increasing across restarts. Its oid is below
// every user object's, so it shares the store with no real sequence.
Sequence TransactionIdSequence();

class SequenceStore {
 public:
  explicit SequenceStore(mvcc::TxnManager& txns) : txns_(txns) {}

  // nextval(): 2200H 'nextval: reached maximum value of sequence "s" (N)'
  // past the bound of a non-cycling sequence.
  Result<int64_t> NextValue(const Sequence& sequence);
  // setval(seq, value, is_called): 22003 when outside the sequence's bounds.
  Status SetValue(const Sequence& sequence, int64_t value, bool is_called);
  // The last value handed out (or set), and whether nextval has been called
  // since (is_called); for the sequence relation's SELECT.
  Result<std::pair<int64_t, bool>> Peek(const Sequence& sequence);
  // The whole row of the sequence relation (last_value, log_cnt, is_called).
  Result<SequenceRow> Current(const Sequence& sequence);
  // Forgets the stored state (DROP SEQUENCE, TRUNCATE ... RESTART IDENTITY).
  Status Reset(Oid sequence_oid);

 private:
  struct State {
    int64_t last = 0;       // the last value handed out, or start - increment
    bool called = false;
    int64_t reserved = 0;   // values up to this one are covered by the stored record
  };
  // REQUIRES: mu_ held.
  Result<State*> Load(const Sequence& sequence);
  Status Persist(Oid oid, int64_t value, bool called);

  mvcc::TxnManager& txns_;
  std::mutex mu_;
  std::map<Oid, State> states_;  // GUARDED_BY(mu_)
};

}  // namespace db9::catalog
