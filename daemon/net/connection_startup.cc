// Connection startup: the startup packet (and the SSL/GSSENC/cancel requests
// that share its framing), SCRAM-SHA-256 authentication, and opening the
// session. Messages and SQLSTATEs follow PostgreSQL 15.
#include <string_view>

#include "daemon/net/connection.h"
#include "daemon/net/pgproto/backend_messages.h"
#include "daemon/net/pgproto/frontend_messages.h"
#include "daemon/net/pgproto/protocol.h"
#include "daemon/tenants/tenant_manager.h"
#include "shared/base/sqlstate.h"

namespace db9::net {

namespace {
constexpr std::string_view kScramMechanism = "SCRAM-SHA-256";
// A login user is "<database name>.admin"; every tenant is also reachable as
// database "postgres", the name clients default to.
constexpr std::string_view kDefaultDatabase = "postgres";
}  // namespace

void Connection::HandleStartupPacket(const OwnedFrame& frame) {
  auto decoded = pgproto::DecodeStartupPacket(frame.payload);
  if (!decoded.ok()) {
    SendFatal(decoded.status());
    return;
  }
  pgproto::StartupPacket& packet = *decoded;
  switch (packet.kind) {
    case pgproto::StartupPacket::Kind::kSslRequest:
    case pgproto::StartupPacket::Kind::kGssEncRequest:
      // Not offered: the client continues in plain text (or gives up).
      stream_.out().PutRaw("N");
      return;
    case pgproto::StartupPacket::Kind::kCancel:
      // No answer either way, as PostgreSQL: a wrong key reveals nothing.
      services_.cancels->Cancel(CancelKey{packet.cancel_process_id, packet.cancel_secret_key});
      phase_ = Phase::kClosing;
      return;
    case pgproto::StartupPacket::Kind::kStartup:
      break;
  }
  int major = pgproto::ProtocolMajor(packet.version);
  int minor = pgproto::ProtocolMinor(packet.version);
  if (major != 3) {
    std::string message = "unsupported frontend protocol " + std::to_string(major) + "." +
                          std::to_string(minor) + ": server supports 3.0 to 3.0";
    if (major < 3) {
      // Such a client cannot parse a v3 ErrorResponse.
      pgproto::WriteVersion2Fatal(stream_.out(), message);
      phase_ = Phase::kClosing;
    } else {
      SendFatal(Status::Error(sqlstate::kFeatureNotSupported, std::move(message)));
    }
    return;
  }

  std::string database;
  std::vector<std::string_view> unrecognized_options;
  for (const auto& [name, value] : packet.parameters) {
    if (name == "user") {
      user_ = std::string(value);
    } else if (name == "database") {
      database = std::string(value);
    } else if (name == "replication") {
      SendFatal(Status::Error(sqlstate::kFeatureNotSupported,
                              "replication connections are not supported"));
      return;
    } else if (name.substr(0, 5) == "_pq_.") {
      unrecognized_options.push_back(name);
    } else {
      session_options_.startup_parameters.emplace_back(std::string(name), std::string(value));
    }
  }
  // A newer minor version or protocol extensions: say what we speak (3.0).
  if (minor > 0 || !unrecognized_options.empty()) {
    pgproto::WriteNegotiateProtocolVersion(stream_.out(), pgproto::kProtocolVersion3,
                                           unrecognized_options);
  }
  if (user_.empty()) {
    SendFatal(Status::Error(sqlstate::kInvalidAuthorizationSpecification,
                            "no PostgreSQL user name specified in startup packet"));
    return;
  }
  session_options_.user = user_;
  session_options_.database = database.empty() ? user_ : database;

  if (services_.sessions->fetch_add(1) >= services_.max_connections) {
    services_.sessions->fetch_sub(1);
    SendFatal(Status::Error(sqlstate::kTooManyConnections, "sorry, too many clients already"));
    return;
  }
  counted_session_ = true;

  Status started = BeginAuthentication(user_);
  if (!started.ok()) SendFatal(std::move(started));
}

Status Connection::BeginAuthentication(const std::string& user) {
  DB9_ASSIGN_OR_RETURN(std::string verifier, services_.tenants->ScramVerifierForUser(user));
  DB9_ASSIGN_OR_RETURN(scram_, auth::ScramServer::Create(verifier));
  // AuthenticationSASL: the mechanisms we offer, each NUL-terminated, then
  // an empty name. No -PLUS variant: there is no TLS to bind to.
  std::string mechanisms(kScramMechanism);
  mechanisms.append(1, '\0').append(1, '\0');
  pgproto::WriteAuthentication(stream_.out(), pgproto::auth_code::kSasl, mechanisms);
  phase_ = Phase::kAuthenticating;
  return Status::OK();
}

void Connection::HandleSaslMessage(const OwnedFrame& frame) {
  if (frame.type != pgproto::frontend::kPassword) {
    SendFatal(Status::Error(sqlstate::kProtocolViolation,
                            "expected SASL response, got message type " +
                                std::to_string(static_cast<unsigned char>(frame.type))));
    return;
  }
  if (!sasl_started_) {
    auto initial = pgproto::DecodeSaslInitialResponse(frame.payload);
    if (!initial.ok()) {
      SendFatal(initial.status());
      return;
    }
    if (initial->mechanism != kScramMechanism) {
      SendFatal(Status::Error(sqlstate::kProtocolViolation,
                              "client selected an invalid SASL authentication mechanism"));
      return;
    }
    if (!initial->data) {
      SendFatal(Status::Error(sqlstate::kProtocolViolation, "malformed SCRAM message")
                    .WithDetail("The message is empty."));
      return;
    }
    auto server_first = scram_->HandleClientFirst(*initial->data);
    if (!server_first.ok()) {
      SendFatal(server_first.status());
      return;
    }
    sasl_started_ = true;
    pgproto::WriteAuthentication(stream_.out(), pgproto::auth_code::kSaslContinue, *server_first);
    return;
  }
  auto server_final = scram_->HandleClientFinal(frame.payload);
  if (!server_final.ok()) {
    if (server_final.status().sqlstate() == sqlstate::kInvalidPassword) {
      SendFatal(Status::Error(sqlstate::kInvalidPassword,
                              "password authentication failed for user \"" + user_ + "\""));
    } else {
      SendFatal(server_final.status());
    }
    return;
  }
  scram_.reset();
  pgproto::WriteAuthentication(stream_.out(), pgproto::auth_code::kSaslFinal, *server_final);
  pgproto::WriteAuthentication(stream_.out(), pgproto::auth_code::kOk);
  CompleteStartup();
}

void Connection::CompleteStartup() {
  std::weak_ptr<Connection> weak = weak_from_this();
  auto tenant = services_.tenants->Connect(user_, [weak] {
    if (auto self = weak.lock()) self->Terminate();
  });
  if (!tenant.ok()) {
    SendFatal(tenant.status());
    return;
  }
  tenant_ = std::move(*tenant);
  const std::string& database = session_options_.database;
  if (database != kDefaultDatabase && database != tenant_->name() && database != user_) {
    SendFatal(Status::Error(sqlstate::kInvalidCatalogName,
                            "database \"" + database + "\" does not exist")
                  .WithHint("Connect to database \"postgres\" (or \"" + tenant_->name() + "\")."));
    return;
  }
  // The key comes first: its process id is the session's pg_backend_pid().
  cancel_key_ = services_.cancels->Register(nullptr);
  session_options_.backend_pid = cancel_key_.process_id;
  session_options_.server_port = stream_.local_port();
  std::unique_ptr<sql::Session> session =
      services_.make_session(tenant_->database(), session_options_);
  {
    std::lock_guard lock(terminate_mu_);
    session_ = std::move(session);
  }
  services_.cancels->Attach(cancel_key_, session_.get());

  std::vector<std::pair<std::string, std::string>> parameters = session_->ReportedParameters();
  channel_.ApplyParameters(parameters);
  for (const auto& [name, value] : parameters) {
    pgproto::WriteParameterStatus(stream_.out(), name, value);
  }
  pgproto::WriteBackendKeyData(stream_.out(), cancel_key_.process_id, cancel_key_.secret_key);
  phase_ = Phase::kReady;
  logged_in_ = true;
  SendReadyForQuery();
}

}  // namespace db9::net
