#include "shared/control/client.h"

#include "shared/base/sqlstate.h"
#include "shared/control/connection.h"
#include "shared/control/json_codec.h"

namespace db9::control {

using nlohmann::json;

Result<std::unique_ptr<Client>> Client::Connect(ClientOptions options) {
  std::string path = options.socket_path.empty() ? DefaultControlSocketPath() : options.socket_path;
  DB9_ASSIGN_OR_RETURN(auto connection, Connection::Open(path));
  std::unique_ptr<Client> client(new Client(std::move(connection), std::move(options), path));
  DB9_ASSIGN_OR_RETURN(json hello, client->Call("hello", {{"client", client->options_.client_name}}));
  DB9_ASSIGN_OR_RETURN(client->hello_, Decode<HelloInfo>(hello, "hello result"));
  if (client->hello_.protocol != kProtocolVersion) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "the db9 daemon speaks control protocol " +
                             std::to_string(client->hello_.protocol) + ", this program speaks " +
                             std::to_string(kProtocolVersion))
        .WithHint("install matching versions of db9 and db9d (daemon version " +
                  client->hello_.version + ")");
  }
  return client;
}

Client::Client(std::unique_ptr<Connection> connection, ClientOptions options,
               std::string socket_path)
    : connection_(std::move(connection)),
      options_(std::move(options)),
      socket_path_(std::move(socket_path)) {}

Client::~Client() = default;

Result<json> Client::Call(const std::string& op, const json& args) {
  return Call(op, args, options_.timeout);
}

Result<json> Client::Call(const std::string& op, const json& args,
                          std::chrono::milliseconds timeout) {
  std::lock_guard lock(mu_);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int64_t id = next_id_++;
  json request = {{"id", id}, {"op", op}, {"args", args}};
  Status written = connection_->WriteLine(request.dump());
  if (written.ok()) return ReadAnswer(id, deadline);
  // A daemon that refuses this connection (another user's, too many clients)
  // says why and hangs up, maybe before the request went out; its reason
  // tells more than "connection lost".
  auto refusal = ReadAnswer(id, std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
  std::string_view code = refusal.status().sqlstate();
  bool said_why = !refusal.ok() && code != sqlstate::kConnectionFailure &&
                  code != sqlstate::kQueryCanceled;
  return said_why ? refusal.status() : written;
}

// REQUIRES: mu_ held.
Result<json> Client::ReadAnswer(int64_t id, std::chrono::steady_clock::time_point deadline) {
  while (true) {
    DB9_ASSIGN_OR_RETURN(std::string line, connection_->ReadLine(deadline));
    json response = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!response.is_object()) {
      return Status::Error(sqlstate::kProtocolViolation, "the daemon sent a line that is not JSON");
    }
    // Events may be interleaved on a subscribed connection; this client does
    // not subscribe, but skipping them keeps Call correct either way.
    if (response.contains("event")) continue;
    auto rid = response.find("id");
    bool ok = response.value("ok", false);
    // An error without an id is about the connection itself (a refusal):
    // this client sends only well-formed requests.
    bool about_connection = rid != response.end() && rid->is_null() && !ok;
    if (!about_connection && (rid == response.end() || *rid != json(id))) {
      // A late answer to an earlier call that timed out; not ours.
      if (rid != response.end() && rid->is_number_integer() && rid->get<int64_t>() < id) continue;
      return Status::Error(sqlstate::kProtocolViolation,
                           "the daemon answered a request that was not asked");
    }
    if (ok) {
      auto result = response.find("result");
      return result != response.end() ? *result : json::object();
    }
    return ErrorFromJson(response.value("error", json::object()));
  }
}

namespace {
template <typename T>
Result<T> Field(const Result<json>& result, const char* key, const char* what) {
  if (!result.ok()) return result.status();
  auto it = result->find(key);
  if (it == result->end()) {
    return Status::Error(sqlstate::kProtocolViolation, std::string(what) + " lacks \"" + key + "\"");
  }
  return Decode<T>(*it, what);
}
template <typename T>
Result<T> Whole(const Result<json>& result, const char* what) {
  if (!result.ok()) return result.status();
  return Decode<T>(*result, what);
}
Status Done(const Result<json>& result) { return result.status(); }
}  // namespace

Result<DaemonInfoResult> Client::DaemonInfo() {
  return Whole<DaemonInfoResult>(Call("daemon.info"), "daemon.info result");
}

Status Client::StopDaemon() { return Done(Call("daemon.stop")); }

Result<std::vector<DatabaseInfo>> Client::ListDatabases() {
  return Field<std::vector<DatabaseInfo>>(Call("db.list"), "databases", "db.list result");
}

Result<DatabaseStatus> Client::CreateDatabase(const std::string& name, const std::string& password) {
  json args = json::object();
  if (!name.empty()) args["name"] = name;
  if (!password.empty()) args["password"] = password;
  return Whole<DatabaseStatus>(Call("db.create", args), "db.create result");
}

Result<DatabaseStatus> Client::GetDatabaseStatus(const std::string& name) {
  return Whole<DatabaseStatus>(Call("db.status", {{"name", name}}), "db.status result");
}

Result<ConnectInfo> Client::GetConnectInfo(const std::string& name) {
  return Whole<ConnectInfo>(Call("db.connect-info", {{"name", name}}), "db.connect-info result");
}

Status Client::DeleteDatabase(const std::string& name, bool force) {
  return Done(Call("db.delete", {{"name", name}, {"force", force}}));
}

Result<DatabaseInfo> Client::RenameDatabase(const std::string& name, const std::string& new_name) {
  return Field<DatabaseInfo>(Call("db.rename", {{"name", name}, {"new_name", new_name}}), "database",
                             "db.rename result");
}

Result<ConnectInfo> Client::ResetPassword(const std::string& name, const std::string& password) {
  json args = {{"name", name}};
  if (!password.empty()) args["password"] = password;
  return Field<ConnectInfo>(Call("db.reset-password", args), "connection",
                            "db.reset-password result");
}

Result<DatabaseStatus> Client::BranchDatabase(const std::string& source,
                                              const std::string& new_name) {
  return Whole<DatabaseStatus>(Call("db.branch", {{"source", source}, {"name", new_name}}),
                               "db.branch result");
}

Result<std::vector<TableInfo>> Client::ListTables(const std::string& database) {
  return Field<std::vector<TableInfo>>(Call("db.tables", {{"name", database}}), "tables",
                                       "db.tables result");
}

Result<TableDescription> Client::DescribeTable(const std::string& database,
                                               const std::string& schema,
                                               const std::string& table) {
  return Whole<TableDescription>(
      Call("db.describe", {{"name", database}, {"schema", schema}, {"table", table}}),
      "db.describe result");
}

Result<RowsPage> Client::Rows(const RowsRequest& request) {
  return Whole<RowsPage>(Call("db.rows", json(request)), "db.rows result");
}

Result<SqlResult> Client::Sql(const SqlRequest& request) {
  return Whole<SqlResult>(Call("db.sql", json(request)), "db.sql result");
}

Result<SqlResult> Client::Sql(const SqlRequest& request, const std::string& cancel_key) {
  json args = request;
  args["cancel_key"] = cancel_key;
  return Whole<SqlResult>(Call("db.sql", args), "db.sql result");
}

Result<bool> Client::CancelSql(const std::string& cancel_key) {
  return Field<bool>(Call("db.cancel", {{"cancel_key", cancel_key}}), "cancelled",
                     "db.cancel result");
}

Result<SqlResult> Client::Execute(const ExecuteRequest& request) {
  return Whole<SqlResult>(Call("db.execute", json(request)), "db.execute result");
}

Status Client::DumpToFile(const std::string& database, const std::string& absolute_path) {
  return Done(Call("db.dump", {{"name", database}, {"path", absolute_path}}, kLongOperationTimeout));
}

Result<std::string> Client::DumpToText(const std::string& database) {
  return Field<std::string>(Call("db.dump", {{"name", database}}, kLongOperationTimeout), "sql",
                            "db.dump result");
}

Status Client::RestoreFromFile(const std::string& database, const std::string& absolute_path) {
  return Done(
      Call("db.restore", {{"name", database}, {"path", absolute_path}}, kLongOperationTimeout));
}

}  // namespace db9::control
