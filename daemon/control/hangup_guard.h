// HangupGuard: stops a running request when its control client hangs up, or
// when the server stops (so SIGTERM is not held up by a long db.sql).
//
// A connection serves one request at a time on its own thread and reads
// nothing while it runs, so without help a `db.sql` whose client went away
// would run to the end, holding its locks and counting as a connection of the
// database. One guard lives per request; the first OnHangup() starts a thread
// that waits for the client's socket to report POLLHUP (the peer closed it;
// a peer that only shut down its sending side is still waiting for answers,
// so that is not a hangup) and then calls the registered stop functions.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

namespace db9::control {

class HangupGuard {
 public:
  // `client_fd` stays owned by the caller and must outlive the guard.
  explicit HangupGuard(int client_fd);
  ~HangupGuard();  // stops the watching thread
  HangupGuard(const HangupGuard&) = delete;
  HangupGuard& operator=(const HangupGuard&) = delete;

  // Ends a registration: its stop function is not called afterwards.
  class Registration {
   public:
    Registration() = default;
    Registration(Registration&& other) noexcept;
    Registration& operator=(Registration&& other) noexcept;
    ~Registration();

   private:
    friend class HangupGuard;
    using Entry = std::list<std::function<void()>>::iterator;
    Registration(HangupGuard* guard, Entry entry) : guard_(guard), entry_(entry) {}
    void Release();
    HangupGuard* guard_ = nullptr;
    Entry entry_;
  };

  // Calls `stop` on the watching thread once the client has hung up, and again
  // every kRepeat until the registration ends: a SQL session's cancel stops
  // only the statement running at that moment, and a request may start
  // another one after it. `stop` must be thread-safe and quick.
  Registration OnHangup(std::function<void()> stop);
  // Thread-safe. Stops the request as if its client had hung up: the daemon
  // is stopping.
  void StopNow();

  static constexpr std::chrono::milliseconds kRepeat{20};

 private:
  void Watch();
  void StopAll();
  void Wake();

  const int client_fd_;
  int wake_fd_ = -1;  // eventfd: StopNow(), or the guard is going away
  std::atomic<bool> closing_{false};
  std::thread watcher_;
  std::mutex mu_;  // guards the fields below; held while calling stops_
  std::list<std::function<void()>> stops_;
  bool stop_now_ = false;
};

}  // namespace db9::control
