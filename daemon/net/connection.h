// Connection: one client, from the startup packet to Terminate. A state
// machine over protocol frames:
//
//   kStartup --StartupMessage--> kAuthenticating --SCRAM ok--> kReady
//      |  SSLRequest/GSSENCRequest: 'N', stay           |
//      '- CancelRequest: cancel that session, close      '- Query, Parse/Bind/
//                                                          Describe/Execute/...
//
// Frames are handled on WorkerPool threads; while the connection waits for
// the client it holds no thread, only its socket and small buffers. At most
// one worker task runs per connection at a time, so the session is driven by
// one thread at a time as Session requires.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "daemon/auth/scram.h"
#include "daemon/net/cancel_registry.h"
#include "daemon/net/message_stream.h"
#include "daemon/net/wire_channel.h"
#include "daemon/sql/session/session.h"

namespace db9::tenants {
class TenantManager;
class TenantHandle;
}  // namespace db9::tenants

namespace db9::net {

class WorkerPool;

// Makes the session of a connection that authenticated; the production one
// is sql::NewSession, tests pass their own.
using SessionFactory =
    std::function<std::unique_ptr<sql::Session>(sql::Database&, sql::SessionOptions)>;

// What every connection of one server shares. All pointers outlive the
// connections.
struct ConnectionServices {
  tenants::TenantManager* tenants = nullptr;
  SessionFactory make_session;
  CancelRegistry* cancels = nullptr;
  WorkerPool* workers = nullptr;
  const types::TypeRegistry* types = nullptr;
  int max_connections = 0;
  std::atomic<int>* sessions = nullptr;  // connections past startup, for max_connections
  std::function<void(uint64_t connection_id)> on_closed;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(uint64_t id, boost::asio::ip::tcp::socket socket, const ConnectionServices& services);
  ~Connection();

  // Begins waiting for the client's first bytes.
  void Start();
  // Thread-safe: ends the connection (server stop, forced database drop);
  // a running statement is cancelled and the client is told `reason` (FATAL).
  void Terminate(Status reason = AdminShutdown());
  static Status AdminShutdown();
  // Thread-safe: true while the client has not finished logging in.
  bool authenticating() const { return !logged_in_.load(); }
  std::chrono::steady_clock::time_point accepted_at() const { return accepted_at_; }
  // Thread-safe: cuts the socket both ways, for a client that does not read.
  void ForceClose();

 private:
  enum class Phase { kStartup, kAuthenticating, kReady, kClosing };

  void Process();
  void WaitForInput();
  void Finish();
  // The reason given to Terminate(), or OK.
  Status termination_reason();
  void HandleFrame(OwnedFrame& frame);
  void SendFatal(Status status);

  // connection_startup.cc
  void HandleStartupPacket(const OwnedFrame& frame);
  void HandleSaslMessage(const OwnedFrame& frame);
  Status BeginAuthentication(const std::string& user);
  void CompleteStartup();

  // connection_commands.cc
  void HandleCommand(OwnedFrame& frame);
  void HandleQuery(const OwnedFrame& frame);
  Status HandleParse(const OwnedFrame& frame);
  Status HandleBind(const OwnedFrame& frame);
  Status HandleDescribe(const OwnedFrame& frame);
  Status HandleExecute(const OwnedFrame& frame);
  Status HandleClose(const OwnedFrame& frame);
  void HandleSync();
  void SendError(const Status& status);
  void SendReadyForQuery();

  const uint64_t id_;
  const ConnectionServices& services_;
  MessageStream stream_;
  WireChannel channel_;
  Phase phase_ = Phase::kStartup;

  // Startup and authentication.
  std::string user_;
  sql::SessionOptions session_options_;
  std::unique_ptr<auth::ScramServer> scram_;
  bool sasl_started_ = false;
  bool counted_session_ = false;

  // Once ready.
  std::shared_ptr<tenants::TenantHandle> tenant_;
  std::unique_ptr<sql::Session> session_;
  CancelKey cancel_key_;
  bool ignore_till_sync_ = false;  // after an extended-protocol error

  const std::chrono::steady_clock::time_point accepted_at_ = std::chrono::steady_clock::now();
  std::atomic<bool> logged_in_{false};

  std::mutex terminate_mu_;  // guards termination_ and session_ against Terminate()
  Status termination_;       // not OK once terminated
};

}  // namespace db9::net
