#include "shared/control/connection.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "shared/base/sqlstate.h"

namespace db9::control {

namespace {

// connect() on a socket in another user's private directory (or a socket of
// mode 0600 that is not ours) fails with EACCES: a daemon may well be running,
// it is just not this user's.
Status NotYours(const std::string& socket_path) {
  return Status::Error(sqlstate::kInsufficientPrivilege,
                       "permission denied for the db9 control socket " + socket_path +
                           ": it belongs to another user")
      .WithHint("each user runs their own db9d; run db9 as the user who started it, or unset "
                "DB9_CONTROL_SOCKET / --control-socket to use your own");
}

Status NotRunning(const std::string& socket_path, int error) {
  std::string why = error == ENOENT || error == ECONNREFUSED
                        ? "no daemon listens at " + socket_path
                        : "cannot connect to " + socket_path + ": " + std::strerror(error);
  return Status::Error(sqlstate::kConnectionException,
                       "the db9 daemon is not running (" + why + ")")
      .WithHint("start it with `db9 daemon start`");
}

Status Lost() {
  return Status::Error(sqlstate::kConnectionFailure,
                       "the connection to the db9 daemon was lost (did it stop?)")
      .WithHint("check `db9 daemon status`");
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& socket_path) {
  sockaddr_un address{};
  if (socket_path.empty() || socket_path.size() >= sizeof(address.sun_path)) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "control socket path is empty or longer than " +
                             std::to_string(sizeof(address.sun_path) - 1) + " bytes: " + socket_path);
  }
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, socket_path.data(), socket_path.size());
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::Error(sqlstate::kConnectionException, std::strerror(errno));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    int error = errno;
    ::close(fd);
    if (error == EACCES || error == EPERM) return NotYours(socket_path);
    return NotRunning(socket_path, error);
  }
  return std::unique_ptr<Connection>(new Connection(fd));
}

Connection::~Connection() { ::close(fd_); }

void Connection::Shutdown() { ::shutdown(fd_, SHUT_RDWR); }

Status Connection::WriteLine(const std::string& line) {
  std::string data = line + '\n';
  size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::send(fd_, data.data() + written, data.size() - written, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Lost();
    }
    written += static_cast<size_t>(n);
  }
  return Status::OK();
}

Result<std::string> Connection::ReadLine(std::chrono::steady_clock::time_point deadline) {
  char chunk[64 * 1024];
  while (true) {
    if (auto line = buffer_.Next()) {
      if (line->too_long) {
        return Status::Error(sqlstate::kProtocolViolation,
                             "the daemon sent a response larger than the 64 MiB limit");
      }
      return std::move(line->text);
    }
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      return Status::Error(sqlstate::kQueryCanceled, "the db9 daemon did not answer in time")
          .WithHint("it may be busy; try again, or check `db9 daemon status`");
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    pollfd pfd{fd_, POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(std::min<int64_t>(wait + 1, 60000)));
    if (ready < 0 && errno != EINTR) return Lost();
    if (ready <= 0) continue;
    ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Lost();
    buffer_.Append(std::string_view(chunk, static_cast<size_t>(n)));
  }
}

}  // namespace db9::control
