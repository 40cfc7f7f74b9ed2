#include "daemon/storage/mvcc/lock_table.h"

#include <algorithm>

#include "shared/base/sqlstate.h"

namespace db9::mvcc {
namespace {
// How often a waiter looks at its cancel flag.
constexpr auto kPollInterval = std::chrono::milliseconds(10);
}  // namespace

LockTable::Shard& LockTable::ShardFor(std::string_view key) {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

Status LockTable::Acquire(TxnId txn, std::string_view key, const std::atomic<bool>* cancel,
                          LockWait wait) {
  Shard& shard = ShardFor(key);
  std::unique_lock<std::mutex> guard(shard.mu);
  auto it = shard.locks.find(key);
  if (it == shard.locks.end()) {
    shard.locks.try_emplace(std::string(key)).first->second.owner = txn;
    return Status::OK();
  }
  Lock& lock = it->second;
  if (lock.owner == txn) return Status::OK();
  if (lock.owner == 0 && lock.waiters.empty()) {
    lock.owner = txn;
    return Status::OK();
  }
  if (wait == LockWait::kNoWait) {
    return Status::Error(sqlstate::kLockNotAvailable, "could not obtain lock on row");
  }
  return Wait(txn, lock, guard, cancel);
}

// REQUIRES: guard holds the shard's mutex; `lock` belongs to that shard.
Status LockTable::Wait(TxnId txn, Lock& lock, std::unique_lock<std::mutex>& guard,
                       const std::atomic<bool>* cancel) {
  lock.waiters.push_back(txn);
  {
    std::lock_guard<std::mutex> g(graph_mu_);
    SetEdge(txn, lock.owner);
  }
  auto leave = [&] {
    lock.waiters.erase(std::find(lock.waiters.begin(), lock.waiters.end(), txn));
    std::lock_guard<std::mutex> g(graph_mu_);
    ClearEdge(txn);
  };
  const auto deadline = std::chrono::steady_clock::now() + deadlock_timeout_;
  bool checked_deadlock = false;
  while (lock.owner != 0) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
      leave();
      return Status::Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
    }
    if (!checked_deadlock && std::chrono::steady_clock::now() >= deadline) {
      checked_deadlock = true;
      std::vector<TxnId> cycle;
      bool deadlock;
      {
        std::lock_guard<std::mutex> g(graph_mu_);
        deadlock = BreakCycleThrough(txn, &cycle);
      }
      if (deadlock) {
        lock.waiters.erase(std::find(lock.waiters.begin(), lock.waiters.end(), txn));
        std::string detail;
        for (size_t i = 0; i < cycle.size(); ++i) {
          detail += "Transaction " + std::to_string(cycle[i]) +
                    " waits for a row locked by transaction " +
                    std::to_string(cycle[(i + 1) % cycle.size()]) + ".";
          if (i + 1 < cycle.size()) detail += "\n";
        }
        return Status::Error(sqlstate::kDeadlockDetected, "deadlock detected")
            .WithDetail(std::move(detail))
            .WithHint("Retry the transaction; lock rows in a consistent order to avoid this.");
      }
    }
    lock.cv.wait_for(guard, kPollInterval);
  }
  // The lock is free: take it, and point the remaining waiters at us so the
  // wait-for graph stays exact.
  lock.owner = txn;
  lock.waiters.erase(std::find(lock.waiters.begin(), lock.waiters.end(), txn));
  std::lock_guard<std::mutex> g(graph_mu_);
  ClearEdge(txn);
  for (TxnId waiter : lock.waiters) SetEdge(waiter, txn);
  return Status::OK();
}

void LockTable::Release(TxnId txn, std::string_view key) {
  Shard& shard = ShardFor(key);
  std::lock_guard<std::mutex> guard(shard.mu);
  auto it = shard.locks.find(key);
  if (it == shard.locks.end() || it->second.owner != txn) return;
  if (it->second.waiters.empty()) {
    shard.locks.erase(it);
  } else {
    it->second.owner = 0;
    it->second.cv.notify_all();
  }
}

void LockTable::SetEdge(TxnId waiter, TxnId owner) { waits_for_[waiter] = owner; }

void LockTable::ClearEdge(TxnId waiter) { waits_for_.erase(waiter); }

bool LockTable::BreakCycleThrough(TxnId txn, std::vector<TxnId>* cycle) {
  cycle->clear();
  TxnId cur = txn;
  // Each transaction waits for at most one other, so the walk is a chain; it
  // can be no longer than the number of waiters.
  for (size_t steps = 0; steps <= waits_for_.size(); ++steps) {
    cycle->push_back(cur);
    auto it = waits_for_.find(cur);
    if (it == waits_for_.end()) return false;
    cur = it->second;
    if (cur == txn) {
      waits_for_.erase(txn);
      return true;
    }
  }
  return false;
}

}  // namespace db9::mvcc
