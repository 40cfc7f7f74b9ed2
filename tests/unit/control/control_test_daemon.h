// What the control tests share: a control server on a real TenantManager in a
// temporary directory (the daemon minus its PostgreSQL port), and a raw
// socket for protocol-level checks the typed client never makes.
#pragma once

#include <QTemporaryDir>
#include <QtGlobal>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "daemon/control/control_server.h"
#include "daemon/tenants/tenant_manager.h"
#include "shared/control/client.h"

namespace db9::control::testing {

class RawSocket {
 public:
  explicit RawSocket(const std::string& path) {
    fd_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
  ~RawSocket() { Close(); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }
  void Send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }
  // The next line as JSON; null when the daemon closed or 5 s passed.
  nlohmann::json ReadMessage() {
    while (true) {
      size_t newline = buffer_.find('\n');
      if (newline != std::string::npos) {
        std::string line = buffer_.substr(0, newline);
        buffer_.erase(0, newline + 1);
        return nlohmann::json::parse(line, nullptr, false);
      }
      char chunk[4096];
      ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n <= 0) return nullptr;
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }
  // "I send nothing more" while still reading answers (as `socat` does).
  void ShutdownWrite() { ::shutdown(fd_, SHUT_WR); }
  // Hangs up without waiting for answers.
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

// The control server as db9d runs it, in `dir`, reporting port 54321.
struct TestDaemon {
  std::string data_dir;
  std::string socket;
  std::unique_ptr<tenants::TenantManager> tenants;
  std::unique_ptr<ControlServer> server;
  std::atomic<int> shutdown_requests{0};

  // Empty on success, else what failed.
  std::string Start(const QTemporaryDir& dir) {
    data_dir = dir.path().toStdString() + "/data";
    socket = dir.path().toStdString() + "/run/control.sock";
    auto opened = tenants::OpenTenantManager(data_dir);
    if (!opened.ok()) return opened.status().ToString();
    tenants = std::move(opened).value();
    DaemonInfo info;
    info.data_dir = data_dir;
    info.listen_address = "127.0.0.1";
    info.port = 54321;
    info.started_unix_ms = 1;
    info.request_shutdown = [this] { ++shutdown_requests; };
    auto started = StartControlServer(socket, *tenants, info);
    if (!started.ok()) return started.status().ToString();
    server = std::move(started).value();
    return "";
  }

  void Stop() {
    server.reset();
    tenants.reset();
  }

  std::unique_ptr<Client> Connect() const {
    ClientOptions options;
    options.socket_path = socket;
    options.timeout = std::chrono::seconds(20);
    auto client = Client::Connect(options);
    if (!client.ok()) qFatal("connect: %s", client.status().ToString().c_str());
    return std::move(client).value();
  }
};

inline std::string Code(const Status& s) { return std::string(s.sqlstate()); }

}  // namespace db9::control::testing
