// The control server: a listening thread that accepts owner-only clients and
// one serving thread per client (ControlConnection). Few clients ever connect
// (the CLI, the app), so a thread each keeps the code plain.
#include "daemon/control/control_server.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <list>
#include <mutex>
#include <thread>

#include "daemon/control/control_connection.h"
#include "daemon/control/operations.h"
#include "daemon/control/socket_setup.h"
#include "shared/base/sqlstate.h"
#include "shared/control/json_codec.h"

namespace db9::control {

namespace {

constexpr size_t kMaxClients = 64;

class ControlServerImpl : public ControlServer {
 public:
  ControlServerImpl(int listen_fd, std::string socket_path, tenants::TenantManager& tenants,
                    DaemonInfo info)
      : listen_fd_(listen_fd),
        owns_socket_file_(!info.socket_activated),
        wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
        socket_path_(socket_path),
        tenants_(tenants),
        context_{tenants, std::move(info), std::move(socket_path), {}} {
    AddDaemonOperations(operations_, context_);
    AddDatabaseOperations(operations_, context_);
    AddSqlOperations(operations_, context_);
    AddDumpOperations(operations_, context_);
    listener_ = std::thread([this] { Listen(); });
  }

  ~ControlServerImpl() override { Stop(); }

  void Stop() override {
    std::lock_guard stop(stop_mu_);
    if (stopped_) return;
    stopped_ = true;
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof(one));
    listener_.join();
    // The listener is gone: the client list is ours alone now.
    for (auto& client : clients_) {
      client.connection->PushEvent(Event{"daemon.stopping", {}, {}});
      client.connection->Stop();
    }
    for (auto& client : clients_) client.thread.join();
    clients_.clear();
    ::close(listen_fd_);
    ::close(wake_fd_);
    if (owns_socket_file_) ::unlink(socket_path_.c_str());
  }

 private:
  struct Client {
    std::unique_ptr<ControlConnection> connection;
    std::thread thread;
  };

  void Listen() {
    while (true) {
      pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      if (::poll(fds, 2, 1000) < 0 && errno != EINTR) return;
      if (fds[1].revents & POLLIN) return;
      ReapFinished();
      if (!(fds[0].revents & POLLIN)) continue;
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      if (!PeerIsOwner(fd)) {
        // Someone else's process (the socket's modes keep them out unless
        // loosened): told why, served nothing.
        Refuse(fd, Status::Error(sqlstate::kInsufficientPrivilege,
                                 "permission denied: this db9 daemon serves only the user who "
                                 "runs it")
                       .WithHint("each user runs their own db9d (`db9 daemon start`)"));
        continue;
      }
      if (clients_.size() >= kMaxClients) {
        Refuse(fd, Status::Error(sqlstate::kTooManyConnections,
                                 "too many control clients (the limit is " +
                                     std::to_string(kMaxClients) + ")"));
        continue;
      }
      auto connection = std::make_unique<ControlConnection>(fd, operations_, tenants_);
      ControlConnection* raw = connection.get();
      clients_.push_back(Client{std::move(connection), std::thread([raw] { raw->Run(); })});
    }
  }

  void ReapFinished() {
    for (auto it = clients_.begin(); it != clients_.end();) {
      if (it->connection->finished()) {
        it->thread.join();
        it = clients_.erase(it);
      } else {
        ++it;
      }
    }
  }

  // One error line about the connection itself ("id": null), then hang up.
  // Closing a socket with unread input makes the kernel reset the
  // connection, and the client's read then fails before it sees the line:
  // so finish sending, and take what the client sends (its first request)
  // for a moment before closing.
  static void Refuse(int fd, const Status& why) {
    nlohmann::json refusal = {{"id", nullptr}, {"ok", false}, {"error", ErrorToJson(why)}};
    std::string line = refusal.dump() + "\n";
    [[maybe_unused]] ssize_t n = ::send(fd, line.data(), line.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    constexpr int kDrainMs = 200;
    char discard[4096];
    pollfd readable = {fd, POLLIN, 0};
    while (::poll(&readable, 1, kDrainMs) > 0 && ::recv(fd, discard, sizeof discard, MSG_DONTWAIT) > 0) {
    }
    ::close(fd);
  }

  int listen_fd_;
  const bool owns_socket_file_;  // false: systemd made it and keeps listening
  int wake_fd_;
  std::string socket_path_;
  tenants::TenantManager& tenants_;
  OperationContext context_;
  OperationTable operations_;
  std::thread listener_;
  std::list<Client> clients_;  // touched by the listener, then by Stop()
  std::mutex stop_mu_;
  bool stopped_ = false;
};

}  // namespace

Result<std::unique_ptr<ControlServer>> StartControlServer(const std::string& socket_path,
                                                          tenants::TenantManager& tenants,
                                                          DaemonInfo info) {
  DB9_ASSIGN_OR_RETURN(int fd, ListenOnControlSocket(socket_path));
  info.socket_activated = false;
  return std::unique_ptr<ControlServer>(
      new ControlServerImpl(fd, socket_path, tenants, std::move(info)));
}

Result<std::unique_ptr<ControlServer>> StartControlServerOnSocket(int listen_fd,
                                                                  const std::string& socket_path,
                                                                  tenants::TenantManager& tenants,
                                                                  DaemonInfo info) {
  info.socket_activated = true;
  return std::unique_ptr<ControlServer>(
      new ControlServerImpl(listen_fd, socket_path, tenants, std::move(info)));
}

}  // namespace db9::control
