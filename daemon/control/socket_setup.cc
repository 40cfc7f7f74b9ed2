#include "daemon/control/socket_setup.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "shared/base/sqlstate.h"

namespace db9::control {

namespace {

Status Io(const std::string& what, int error) {
  return Status::Error(sqlstate::kIoError, what + ": " + std::strerror(error));
}

Status PrepareDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::Error(sqlstate::kIoError, "cannot create " + dir + ": " + ec.message());
    if (::chmod(dir.c_str(), 0700) != 0) return Io("cannot chmod " + dir, errno);
    return Status::OK();
  }
  // An existing directory (e.g. /tmp/db9-<uid>) must be ours and not a
  // symlink someone else planted.
  struct stat st{};
  if (::lstat(dir.c_str(), &st) != 0) return Io("cannot inspect " + dir, errno);
  if (!S_ISDIR(st.st_mode)) {
    return Status::Error(sqlstate::kIoError, dir + " is not a directory");
  }
  if (st.st_uid != ::geteuid()) {
    return Status::Error(sqlstate::kInsufficientPrivilege,
                         dir + " belongs to another user; refusing to put the control socket there")
        .WithHint("set XDG_RUNTIME_DIR, or pass --control-socket with a path in a directory of "
                  "yours");
  }
  if ((st.st_mode & 0077) != 0 && ::chmod(dir.c_str(), 0700) != 0) {
    return Io("cannot make " + dir + " private", errno);
  }
  return Status::OK();
}

}  // namespace

Result<int> ListenOnControlSocket(const std::string& path) {
  sockaddr_un address{};
  if (path.empty() || path.size() >= sizeof(address.sun_path)) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "control socket path must be 1 to " +
                             std::to_string(sizeof(address.sun_path) - 1) + " bytes: " + path);
  }
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (!dir.empty()) DB9_RETURN_IF_ERROR(PrepareDirectory(dir));
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.data(), path.size());

  // A socket file left by a daemon that died is removed; one that answers
  // belongs to a running daemon.
  struct stat st{};
  if (::lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) {
      return Status::Error(sqlstate::kIoError, path + " exists and is not a socket");
    }
    int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool alive = probe >= 0 &&
                 ::connect(probe, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    if (probe >= 0) ::close(probe);
    if (alive) {
      return Status::Error(sqlstate::kObjectInUse,
                           "another db9 daemon is already serving the control socket " + path)
          .WithHint("stop it with `db9 daemon stop`, or use another --control-socket");
    }
    ::unlink(path.c_str());
  }

  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Io("cannot create a socket", errno);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    int error = errno;
    ::close(fd);
    return Io("cannot bind the control socket " + path, error);
  }
  // The directory is already private; the mode is a second fence.
  if (::chmod(path.c_str(), 0600) != 0 || ::listen(fd, 64) != 0) {
    int error = errno;
    ::close(fd);
    ::unlink(path.c_str());
    return Io("cannot listen on the control socket " + path, error);
  }
  return fd;
}

bool PeerIsOwner(int fd) {
  ucred credentials{};
  socklen_t length = sizeof(credentials);
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) return false;
  return credentials.uid == ::geteuid();
}

}  // namespace db9::control
