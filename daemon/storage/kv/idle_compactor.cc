#include "daemon/storage/kv/idle_compactor.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace db9::kv {
namespace {

// How often registered stores are asked; a store decides for itself whether
// it has been idle long enough.
constexpr std::chrono::milliseconds kPollInterval{250};

class IdleCompactor {
 public:
  void Register(IdleCompactable* store) {
    std::lock_guard lock(mu_);
    stores_.push_back(store);
    if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
    changed_.notify_all();
  }

  void Unregister(IdleCompactable* store) {
    std::unique_lock lock(mu_);
    stores_.erase(std::remove(stores_.begin(), stores_.end(), store), stores_.end());
    changed_.wait(lock, [&] { return running_ != store; });
  }

 private:
  void Run() {
    std::unique_lock lock(mu_);
    for (;;) {
      // No timed wakeups while no store is open.
      if (stores_.empty()) {
        changed_.wait(lock, [&] { return !stores_.empty(); });
        continue;
      }
      changed_.wait_for(lock, kPollInterval);
      // A copy: stores may come and go while one compacts without the lock.
      std::vector<IdleCompactable*> round = stores_;
      for (IdleCompactable* store : round) {
        if (std::find(stores_.begin(), stores_.end(), store) == stores_.end()) continue;
        running_ = store;
        lock.unlock();
        store->CompactIfIdle(std::chrono::steady_clock::now());
        lock.lock();
        running_ = nullptr;
        changed_.notify_all();
      }
    }
  }

  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<IdleCompactable*> stores_;
  IdleCompactable* running_ = nullptr;
  std::thread thread_;
};

IdleCompactor& Compactor() {
  // Never destroyed, like the block cache: a store may still close during
  // static destruction, and its thread then still has a compactor to leave.
  static IdleCompactor* const compactor = new IdleCompactor;
  return *compactor;
}

}  // namespace

void RegisterForIdleCompaction(IdleCompactable* store) { Compactor().Register(store); }

void UnregisterFromIdleCompaction(IdleCompactable* store) { Compactor().Unregister(store); }

}  // namespace db9::kv
