// ControlConnection: one client of the control socket, served on its own
// thread. Reads newline-framed requests, answers them in order through the
// OperationTable, and interleaves pushed events once the client subscribed.
// Output is queued, so a slow reader never blocks the event thread; a
// subscriber that lets kMaxQueuedEvents pile up is disconnected.
#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "daemon/control/operation_table.h"
#include "shared/control/line_buffer.h"

namespace db9::tenants {
class TenantManager;
}

namespace db9::control {

class ControlConnection {
 public:
  static constexpr size_t kMaxQueuedEvents = 10000;

  // Takes ownership of `fd`.
  ControlConnection(int fd, const OperationTable& operations, tenants::TenantManager& tenants);
  ~ControlConnection();
  ControlConnection(const ControlConnection&) = delete;
  ControlConnection& operator=(const ControlConnection&) = delete;

  // Serves until the client goes, or Stop(). Call once, on the serving thread.
  void Run();
  // Thread-safe. Makes Run() send what is queued (briefly) and return.
  void Stop();
  // Thread-safe. Queues an event line if the client subscribed.
  void PushEvent(const nlohmann::json& event);
  bool finished() const { return finished_; }

 private:
  void HandleLine(const LineBuffer::Line& line);
  nlohmann::json Dispatch(const std::string& op, const nlohmann::json& args, bool* ok);
  void Queue(const nlohmann::json& message, bool is_event);
  // Writes what the socket takes now; false if the client is gone.
  bool Flush();
  void Wake();
  void Unsubscribe();

  int fd_;
  int wake_fd_;  // eventfd: new output, or Stop()
  const OperationTable& operations_;
  tenants::TenantManager& tenants_;
  LineBuffer input_{kMaxRequestBytes};
  std::optional<int> subscription_;  // only touched by the serving thread

  std::mutex mu_;  // guards the fields below
  std::deque<std::pair<std::string, bool>> output_;  // line, is_event
  size_t output_offset_ = 0;  // bytes of output_.front() already sent
  size_t queued_events_ = 0;
  bool subscribed_ = false;
  bool overflowed_ = false;
  bool stopping_ = false;
  HangupGuard* running_ = nullptr;  // the request being served, for Stop()

  std::atomic<bool> finished_{false};
};

}  // namespace db9::control
