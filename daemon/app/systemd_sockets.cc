#include "daemon/app/systemd_sockets.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <cstring>

#if DB9_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include "shared/base/sqlstate.h"

namespace db9::app {

namespace {

// "a TCP socket on 127.0.0.1:5433", "a Unix socket at /run/user/1000/x".
std::string DescribeSocket(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return "socket fd " + std::to_string(fd);
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& in = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &in.sin_addr, text, sizeof(text));
    return std::string("a TCP socket on ") + text + ":" + std::to_string(ntohs(in.sin_port));
  }
  if (address.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof(text));
    return std::string("a TCP socket on [") + text + "]:" + std::to_string(ntohs(in6.sin6_port));
  }
  if (address.ss_family == AF_UNIX) {
    const auto& un = reinterpret_cast<const sockaddr_un&>(address);
    return std::string("a Unix socket at ") +
           std::string(un.sun_path, strnlen(un.sun_path, sizeof(un.sun_path)));
  }
  return "socket fd " + std::to_string(fd) + " of family " + std::to_string(address.ss_family);
}

}  // namespace

Result<std::optional<int>> TakeControlSocketFromSystemd(const std::string& control_socket_path) {
#if DB9_HAVE_SYSTEMD
  int count = sd_listen_fds(/*unset_environment=*/1);
  if (count < 0) {
    return Status::Error(sqlstate::kIoError,
                         std::string("cannot take the sockets systemd passed: ") +
                             std::strerror(-count));
  }
  std::optional<int> control;
  for (int fd = SD_LISTEN_FDS_START; fd < SD_LISTEN_FDS_START + count; ++fd) {
    if (sd_is_socket_unix(fd, SOCK_STREAM, /*listening=*/1, control_socket_path.c_str(), 0) > 0) {
      control = fd;
      continue;
    }
    if (sd_is_socket_inet(fd, AF_UNSPEC, SOCK_STREAM, -1, 0) > 0) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "systemd passed db9d " + DescribeSocket(fd) +
                               "; db9d opens its PostgreSQL port itself and takes only its control "
                               "socket from systemd")
          .WithHint("remove that ListenStream= line from db9d.socket and set the port in "
                    "~/.config/db9/db9d.conf instead");
    }
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "systemd passed db9d " + DescribeSocket(fd) +
                             ", but its control socket is " + control_socket_path)
        .WithHint("make ListenStream= in db9d.socket and the control socket (control_socket in "
                  "db9d.conf, --control-socket, DB9_CONTROL_SOCKET) name the same path");
  }
  // systemd made it with the unit's SocketMode=; this fence holds for other
  // launchers (systemd-socket-activate) too.
  if (control) ::chmod(control_socket_path.c_str(), 0600);
  return control;
#else
  (void)control_socket_path;
  return std::optional<int>();
#endif
}

}  // namespace db9::app
