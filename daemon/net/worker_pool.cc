#include "daemon/net/worker_pool.h"

#include <thread>

namespace db9::net {

WorkerPool::WorkerPool(std::chrono::milliseconds idle_timeout) : idle_timeout_(idle_timeout) {}

WorkerPool::~WorkerPool() { Shutdown(); }

void WorkerPool::Submit(std::function<void()> task) {
  std::unique_lock lock(mu_);
  if (shutting_down_) return;
  tasks_.push_back(std::move(task));
  // Queued tasks beyond the idle threads need threads of their own.
  if (idle_ >= tasks_.size()) {
    work_cv_.notify_one();
    return;
  }
  ++threads_;
  lock.unlock();
  // Detached: a thread announces its exit through exit_cv_, which is all
  // Shutdown() needs, and nothing else ever joins it.
  std::thread([this] { WorkerLoop(); }).detach();
}

void WorkerPool::WorkerLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      task = nullptr;  // release captures before taking the lock again
      lock.lock();
      continue;
    }
    if (shutting_down_) break;
    ++idle_;
    bool woken = work_cv_.wait_for(lock, idle_timeout_,
                                   [this] { return !tasks_.empty() || shutting_down_; });
    --idle_;
    if (!woken) break;  // idle too long
  }
  --threads_;
  exit_cv_.notify_all();
}

void WorkerPool::Shutdown() {
  std::unique_lock lock(mu_);
  shutting_down_ = true;
  work_cv_.notify_all();
  exit_cv_.wait(lock, [this] { return threads_ == 0; });
}

size_t WorkerPool::thread_count() const {
  std::lock_guard lock(mu_);
  return threads_;
}

size_t WorkerPool::idle_count() const {
  std::lock_guard lock(mu_);
  return idle_;
}

}  // namespace db9::net
