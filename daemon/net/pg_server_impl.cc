#include "daemon/net/pg_server_impl.h"

#include <sys/resource.h>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "daemon/net/cancel_registry.h"
#include "daemon/net/worker_pool.h"
#include "shared/base/sqlstate.h"

namespace db9::net {

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// With pick_next_free_port, how many ports after the requested one we try.
constexpr int kPortsToTry = 20;
// On Stop, connections get this long to say goodbye before sockets are cut.
constexpr auto kTerminateGrace = std::chrono::seconds(3);

class PgServerImpl : public PgServer {
 public:
  PgServerImpl(tenants::TenantManager& tenants, const PgServerOptions& options,
               const types::TypeRegistry& types, SessionFactory make_session)
      : options_(options),
        work_guard_(asio::make_work_guard(io_)),
        accept_strand_(asio::make_strand(io_)),
        acceptor_(accept_strand_) {
    services_.tenants = &tenants;
    services_.make_session = std::move(make_session);
    services_.cancels = &cancels_;
    services_.workers = &workers_;
    services_.types = &types;
    services_.max_connections = options.max_connections;
    services_.sessions = &sessions_;
    services_.on_closed = [this](uint64_t id) { OnClosed(id); };
  }

  ~PgServerImpl() override { Stop(); }

  Status Listen();
  void Run();

  uint16_t port() const override { return port_; }
  int connection_count() const override {
    std::lock_guard lock(mu_);
    return static_cast<int>(connections_.size());
  }
  void Stop() override;

 private:
  void Accept();
  void ScheduleLoginSweep();
  void SweepSlowLogins();
  void OnAccepted(const boost::system::error_code& ec, tcp::socket socket);
  void OnClosed(uint64_t id);

  const PgServerOptions options_;
  // Declared first so it is destroyed last: sockets and the acceptor need it.
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_guard_;
  asio::strand<asio::io_context::executor_type> accept_strand_;
  tcp::acceptor acceptor_;
  std::unique_ptr<asio::steady_timer> retry_timer_;
  asio::steady_timer sweep_timer_{accept_strand_};
  std::vector<std::thread> io_threads_;
  WorkerPool workers_;
  CancelRegistry cancels_;
  std::atomic<int> sessions_{0};
  ConnectionServices services_;
  uint16_t port_ = 0;

  mutable std::mutex mu_;
  std::condition_variable closed_cv_;
  std::map<uint64_t, std::shared_ptr<Connection>> connections_;
  uint64_t next_id_ = 1;
  bool stopping_ = false;
};

Status PgServerImpl::Listen() {
  boost::system::error_code ec;
  asio::ip::address address = asio::ip::make_address(options_.listen_address, ec);
  if (ec) {
    tcp::resolver resolver(io_);
    auto results = resolver.resolve(options_.listen_address, "", ec);
    if (ec || results.empty()) {
      return Status::Error(sqlstate::kConnectionException,
                           "cannot listen on \"" + options_.listen_address +
                               "\": not an IP address or a known host name");
    }
    address = results.begin()->endpoint().address();
  }
  int attempts = options_.pick_next_free_port && options_.port != 0 ? kPortsToTry : 1;
  for (int i = 0; i < attempts; ++i) {
    uint16_t port = static_cast<uint16_t>(options_.port + i);
    tcp::endpoint endpoint(address, port);
    acceptor_.close(ec);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (ec == asio::error::address_in_use && i + 1 < attempts) continue;
    if (ec == asio::error::address_in_use) {
      std::string ports = attempts > 1 ? "ports " + std::to_string(options_.port) + "-" +
                                             std::to_string(port) + " are"
                                       : "port " + std::to_string(port) + " is";
      return Status::Error(sqlstate::kObjectInUse,
                           ports + " already in use on " + options_.listen_address +
                               " (another PostgreSQL or db9d?)")
          .WithHint("Stop the other program or choose another port with --port.");
    }
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Status::Error(sqlstate::kConnectionException,
                           "cannot listen on " + options_.listen_address + " port " +
                               std::to_string(port) + ": " + ec.message());
    }
    port_ = acceptor_.local_endpoint(ec).port();
    return Status::OK();
  }
  return Status::Internal("no port tried");
}

// Each connection is a descriptor; the usual soft limit of 1024 would cap
// us below max_connections once the stores' files are counted. Raise the
// soft limit as far as the hard limit allows (what any daemon may do).
void RaiseDescriptorLimit(int max_connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  rlim_t wanted = static_cast<rlim_t>(max_connections) * 2 + 1024;
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
  setrlimit(RLIMIT_NOFILE, &limit);
}

void PgServerImpl::Run() {
  RaiseDescriptorLimit(options_.max_connections);
  Accept();
  ScheduleLoginSweep();
  int threads = options_.io_threads > 0 ? options_.io_threads : 1;
  for (int i = 0; i < threads; ++i) io_threads_.emplace_back([this] { io_.run(); });
}

void PgServerImpl::Accept() {
  acceptor_.async_accept(io_, asio::bind_executor(accept_strand_,
                                                  [this](const boost::system::error_code& ec,
                                                         tcp::socket socket) {
                                                    OnAccepted(ec, std::move(socket));
                                                  }));
}

void PgServerImpl::OnAccepted(const boost::system::error_code& ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    // Out of descriptors or similar: back off briefly instead of spinning;
    // connections that end meanwhile free what we need.
    retry_timer_ = std::make_unique<asio::steady_timer>(accept_strand_,
                                                        std::chrono::milliseconds(100));
    retry_timer_->async_wait([this](const boost::system::error_code& wait_ec) {
      if (!wait_ec && acceptor_.is_open()) Accept();
    });
    return;
  }
  std::shared_ptr<Connection> connection;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;  // the socket closes as it goes out of scope
    uint64_t id = next_id_++;
    connection = std::make_shared<Connection>(id, std::move(socket), services_);
    connections_.emplace(id, connection);
  }
  connection->Start();
  Accept();
}

// One timer for all connections (not one each): idle connections stay small.
void PgServerImpl::ScheduleLoginSweep() {
  auto period =
      std::chrono::milliseconds(std::clamp(options_.authentication_timeout_ms / 4, 10, 1000));
  sweep_timer_.expires_after(period);
  sweep_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || !acceptor_.is_open()) return;
    SweepSlowLogins();
    ScheduleLoginSweep();
  });
}

void PgServerImpl::SweepSlowLogins() {
  auto deadline = std::chrono::steady_clock::now() -
                  std::chrono::milliseconds(options_.authentication_timeout_ms);
  std::lock_guard lock(mu_);
  for (auto& [id, connection] : connections_) {
    if (connection->authenticating() && connection->accepted_at() < deadline) {
      connection->Terminate(Status::Fatal(sqlstate::kQueryCanceled,
                                          "canceling authentication due to timeout"));
    }
  }
}

void PgServerImpl::OnClosed(uint64_t id) {
  std::lock_guard lock(mu_);
  connections_.erase(id);
  closed_cv_.notify_all();
}

void PgServerImpl::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      return;
    }
    stopping_ = true;
  }
  // The acceptor belongs to its strand; close it there.
  std::promise<void> closed;
  asio::post(accept_strand_, [this, &closed] {
    boost::system::error_code ec;
    acceptor_.close(ec);
    if (retry_timer_) retry_timer_->cancel();
    sweep_timer_.cancel();
    closed.set_value();
  });
  if (!io_threads_.empty()) closed.get_future().wait();

  std::unique_lock lock(mu_);
  for (auto& [id, connection] : connections_) connection->Terminate();
  if (!closed_cv_.wait_for(lock, kTerminateGrace, [this] { return connections_.empty(); })) {
    for (auto& [id, connection] : connections_) connection->ForceClose();
  }
  // Every connection ends once its worker sees the closed socket; a statement
  // still running was cancelled above.
  closed_cv_.wait(lock, [this] { return connections_.empty(); });
  lock.unlock();

  work_guard_.reset();
  io_.stop();
  for (std::thread& t : io_threads_) t.join();
  io_threads_.clear();
  workers_.Shutdown();
}

}  // namespace

Result<std::unique_ptr<PgServer>> StartPgServerWithFactory(tenants::TenantManager& tenants,
                                                           const PgServerOptions& options,
                                                           const types::TypeRegistry& types,
                                                           SessionFactory make_session) {
  auto server = std::make_unique<PgServerImpl>(tenants, options, types, std::move(make_session));
  DB9_RETURN_IF_ERROR(server->Listen());
  server->Run();
  return std::unique_ptr<PgServer>(std::move(server));
}

}  // namespace db9::net
