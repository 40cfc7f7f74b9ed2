// LockTable: exclusive per-key write locks held until a transaction ends.
//
// Keys hash to one of kShards shards, each with its own mutex, so locking
// different keys rarely contends. A transaction that finds a key locked
// waits on the key's condition variable, polling its cancel flag; once it has
// waited deadlock_timeout it checks the wait-for graph (each waiter waits for
// exactly one owner, so a cycle is found by following one chain) and, if it
// closes a cycle, it is the victim: the first waiter to see a cycle breaks it,
// so exactly one transaction of a deadlock fails with 40P01.
//
// Lock order: a shard mutex may be held while taking the graph mutex, never
// the other way round.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/base/status.h"

namespace db9::mvcc {

using TxnId = uint64_t;  // 0 means "nobody"

// What a lock request does when another transaction holds the key.
enum class LockWait {
  kBlock,   // wait for it (the default for writes)
  kNoWait,  // fail at once with 55P03 (SELECT ... FOR UPDATE NOWAIT / SKIP LOCKED)
};

class LockTable {
 public:
  explicit LockTable(std::chrono::milliseconds deadlock_timeout)
      : deadlock_timeout_(deadlock_timeout) {}

  // Takes `key` for `txn`, waiting while another transaction holds it. OK if
  // `txn` already holds it. 40P01 on deadlock, 57014 when *cancel becomes
  // true while waiting (cancel may be null). With LockWait::kNoWait, 55P03
  // instead of waiting.
  Status Acquire(TxnId txn, std::string_view key, const std::atomic<bool>* cancel,
                 LockWait wait = LockWait::kBlock);

  // Releases `key` if `txn` holds it and wakes its waiters.
  void Release(TxnId txn, std::string_view key);

 private:
  struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Lock {
    TxnId owner = 0;
    std::vector<TxnId> waiters;
    std::condition_variable cv;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Lock, TransparentHash, std::equal_to<>> locks;
  };
  static constexpr size_t kShards = 64;

  Shard& ShardFor(std::string_view key);
  Status Wait(TxnId txn, Lock& lock, std::unique_lock<std::mutex>& guard,
              const std::atomic<bool>* cancel);

  // Wait-for graph: waiter -> the owner it waits for. REQUIRES: graph_mu_.
  void SetEdge(TxnId waiter, TxnId owner);
  void ClearEdge(TxnId waiter);
  // True if following waits-for edges from `txn` leads back to it; fills
  // `cycle` with the transactions on the way. Removes txn's edge when true.
  bool BreakCycleThrough(TxnId txn, std::vector<TxnId>* cycle);

  const std::chrono::milliseconds deadlock_timeout_;
  std::array<Shard, kShards> shards_;
  std::mutex graph_mu_;
  std::unordered_map<TxnId, TxnId> waits_for_;
};

}  // namespace db9::mvcc
