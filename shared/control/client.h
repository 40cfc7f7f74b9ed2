// db9 control client: talks to db9d over its Unix-domain control socket
// (protocol in docs/control-api.md). Used by the `db9` CLI and the Qt app;
// free of Qt. Typical use:
//
//   auto client = db9::control::Client::Connect();   // finds the socket, says hello
//   if (!client.ok()) { show(client.status().message()); return; }
//   auto created = (*client)->CreateDatabase();        // generated name + password
//   if (created.ok()) show(created->connection.url);
//
// Calls are synchronous with a timeout; one Client may be shared between
// threads (calls are serialized). Events come through an EventSubscription,
// which holds its own connection and calls back on its own thread.
//
// Errors are Status values. Errors the daemon returns carry its code (a
// SQLSTATE: 42710 duplicate name, 22023 bad argument, 3D000 no such database,
// 55006 database in use, ...). Errors made on this side:
//   08000  the daemon is not running / the socket cannot be reached
//          (message says how to start it)
//   42501  the socket belongs to another user (also what that user's
//          daemon answers, should its socket be reachable)
//   08006  the connection broke during the call
//   57014  no answer within the timeout
//   08P01  the daemon answered something that is not the protocol
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/base/result.h"
#include "shared/base/status.h"
#include "shared/control/socket_path.h"
#include "shared/control/types.h"

namespace db9::control {

struct ClientOptions {
  // Empty: DefaultControlSocketPath() ($DB9_CONTROL_SOCKET, then
  // $XDG_RUNTIME_DIR/db9/control.sock, then /tmp/db9-<uid>/control.sock).
  std::string socket_path;
  std::chrono::milliseconds timeout{30000};
  std::string client_name = "db9";  // sent in hello, shows in the daemon log
};

class Connection;  // framing over the socket (connection.h)

// How long dump and restore calls wait: as long as they need, in practice.
inline constexpr std::chrono::hours kLongOperationTimeout{24};

class Client {
 public:
  // Connects and exchanges hello (checks the protocol version).
  static Result<std::unique_ptr<Client>> Connect(ClientOptions options = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const std::string& socket_path() const { return socket_path_; }
  const HelloInfo& hello() const { return hello_; }

  // Any operation, raw: sends {"id","op","args"} and returns "result".
  Result<nlohmann::json> Call(const std::string& op,
                              const nlohmann::json& args = nlohmann::json::object());
  Result<nlohmann::json> Call(const std::string& op, const nlohmann::json& args,
                              std::chrono::milliseconds timeout);

  // Typed helpers, one per operation.
  Result<DaemonInfoResult> DaemonInfo();
  // Asks the daemon to shut down; it answers first, then stops.
  Status StopDaemon();

  Result<std::vector<DatabaseInfo>> ListDatabases();
  // Empty name: generated (brave-tiger-42); empty password: generated.
  Result<DatabaseStatus> CreateDatabase(const std::string& name = "",
                                        const std::string& password = "");
  Result<DatabaseStatus> GetDatabaseStatus(const std::string& name);
  Result<ConnectInfo> GetConnectInfo(const std::string& name);
  // force: ends open connections first; otherwise 55006 while any are open.
  Status DeleteDatabase(const std::string& name, bool force = false);
  Result<DatabaseInfo> RenameDatabase(const std::string& name, const std::string& new_name);
  // Empty password: generated. Returns the new connection details.
  Result<ConnectInfo> ResetPassword(const std::string& name, const std::string& password = "");
  // A new database holding a consistent copy of `source` taken now.
  Result<DatabaseStatus> BranchDatabase(const std::string& source, const std::string& new_name);

  // Browsing and SQL (run inside the daemon through a SQL session).
  Result<std::vector<TableInfo>> ListTables(const std::string& database);
  Result<TableDescription> DescribeTable(const std::string& database, const std::string& schema,
                                         const std::string& table);
  Result<RowsPage> Rows(const RowsRequest& request);
  Result<SqlResult> Sql(const SqlRequest& request);
  // The same, cancellable: while it runs, CancelSql(cancel_key) from another
  // Client (this one is busy waiting) stops the statement with 57014.
  Result<SqlResult> Sql(const SqlRequest& request, const std::string& cancel_key);
  // True if a request held the key and was told to stop; false if none did
  // (it finished already).
  Result<bool> CancelSql(const std::string& cancel_key);
  // Runs parameterized statements in one transaction (db.execute): all or
  // nothing. The error of the first failing statement says which it was.
  Result<SqlResult> Execute(const ExecuteRequest& request);
  // Dump as SQL text (CREATE statements, rows as COPY). With a path, the daemon
  // writes the file (absolute path; the daemon runs as you); without, the text
  // comes back (up to the response size limit). Dumps and restores wait up to
  // kLongOperationTimeout, not the client's timeout: a big one takes its time,
  // and closing the connection (destroying the Client) stops it in the daemon.
  Status DumpToFile(const std::string& database, const std::string& absolute_path);
  Result<std::string> DumpToText(const std::string& database);
  // Runs a dump file (absolute path) into the database.
  Status RestoreFromFile(const std::string& database, const std::string& absolute_path);

 private:
  Client(std::unique_ptr<Connection> connection, ClientOptions options, std::string socket_path);
  // The answer to request `id`, skipping events and late answers.
  Result<nlohmann::json> ReadAnswer(int64_t id, std::chrono::steady_clock::time_point deadline);

  std::unique_ptr<Connection> connection_;
  ClientOptions options_;
  std::string socket_path_;
  HelloInfo hello_;
  std::mutex mu_;  // one call at a time on the connection
  int64_t next_id_ = 1;
};

// Receives events on a background thread until destroyed. Holds its own
// connection. `on_event` and `on_closed` run on that thread; `on_closed` is
// called once if the daemon ends the connection (it stopped or crashed), not
// when the subscription is destroyed by its owner. Destroying it from inside a
// callback is not allowed.
class EventSubscription {
 public:
  static Result<std::unique_ptr<EventSubscription>> Start(
      ClientOptions options, std::function<void(const Event&)> on_event,
      std::function<void(const Status&)> on_closed = {});
  virtual ~EventSubscription() = default;
};

}  // namespace db9::control
