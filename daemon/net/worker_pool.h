// WorkerPool: threads that run statements (and every other blocking step of
// a connection) off the I/O threads. It grows on demand: a task that finds no
// idle thread gets a new one, so a statement blocked on a row lock never
// delays another session and tasks cannot starve each other. Threads idle
// for longer than `idle_timeout` exit, so the pool shrinks back after a burst.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace db9::net {

class WorkerPool {
 public:
  explicit WorkerPool(std::chrono::milliseconds idle_timeout = std::chrono::seconds(30));
  ~WorkerPool();  // Shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `task` on a pool thread. Ignored after Shutdown().
  void Submit(std::function<void()> task);
  // Runs queued tasks to completion, then waits until every thread has exited.
  void Shutdown();

  size_t thread_count() const;
  size_t idle_count() const;

 private:
  void WorkerLoop();

  const std::chrono::milliseconds idle_timeout_;
  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable exit_cv_;
  std::deque<std::function<void()>> tasks_;
  size_t threads_ = 0;
  size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace db9::net
