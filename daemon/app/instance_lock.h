// InstanceLock: at most one db9d per data directory (and so per user with
// the default paths). Holds an flock on <data-dir>/db9d.pid, which also
// records the pid for the next daemon to name in its refusal. The kernel
// drops the lock when the process dies, so a crash never leaves it stale.
#pragma once

#include <memory>
#include <string>

#include "shared/base/result.h"

namespace db9::app {

class InstanceLock {
 public:
  // Creates `data_dir` (0700) if needed. 55006 "db9d is already running
  // (pid N) with data directory D" if another process holds the lock.
  static Result<std::unique_ptr<InstanceLock>> Acquire(const std::string& data_dir);
  ~InstanceLock();

 private:
  InstanceLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace db9::app
