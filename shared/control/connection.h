// Connection: the client end of one control-socket connection — connect,
// write a line, read the next line before a deadline. Knows framing, not
// operations (client.cc builds requests on top).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"
#include "shared/control/line_buffer.h"

namespace db9::control {

class Connection {
 public:
  // 08000 with a message that says how to start the daemon when nothing
  // listens at `socket_path`.
  static Result<std::unique_ptr<Connection>> Open(const std::string& socket_path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Writes `line` and a newline. 08006 if the daemon went away.
  Status WriteLine(const std::string& line);
  // The next line, waiting until `deadline` (57014 when it passes, 08006 when
  // the daemon closes the connection).
  Result<std::string> ReadLine(std::chrono::steady_clock::time_point deadline);
  // Unblocks a ReadLine in another thread (it returns 08006). Thread-safe.
  void Shutdown();

 private:
  explicit Connection(int fd) : fd_(fd) {}
  int fd_;
  LineBuffer buffer_{kMaxResponseBytes};
};

}  // namespace db9::control
