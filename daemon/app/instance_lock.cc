#include "daemon/app/instance_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "shared/base/sqlstate.h"

namespace db9::app {

Result<std::unique_ptr<InstanceLock>> InstanceLock::Acquire(const std::string& data_dir) {
  std::error_code ec;
  if (!std::filesystem::exists(data_dir, ec)) {
    std::filesystem::create_directories(data_dir, ec);
    if (ec) {
      return Status::Error(sqlstate::kIoError,
                           "cannot create the data directory " + data_dir + ": " + ec.message());
    }
    ::chmod(data_dir.c_str(), 0700);  // the databases are nobody else's business
  }
  std::string path = data_dir + "/db9d.pid";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Error(sqlstate::kIoError, "cannot open " + path + ": " + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char buffer[32] = {};
    ssize_t n = ::pread(fd, buffer, sizeof(buffer) - 1, 0);
    ::close(fd);
    std::string pid = n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "unknown";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return Status::Error(sqlstate::kObjectInUse, "db9d is already running (pid " + pid +
                                                     ") with data directory " + data_dir)
        .WithHint("use that one (`db9 daemon status`), or stop it with `db9 daemon stop`");
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    ::close(fd);
    return Status::Error(sqlstate::kIoError, "cannot write " + path + ": " + std::strerror(errno));
  }
  return std::unique_ptr<InstanceLock>(new InstanceLock(fd, path));
}

InstanceLock::~InstanceLock() {
  // Truncate rather than unlink: unlinking could race a starting daemon that
  // already opened the path.
  [[maybe_unused]] int rc = ::ftruncate(fd_, 0);
  ::close(fd_);
}

}  // namespace db9::app
