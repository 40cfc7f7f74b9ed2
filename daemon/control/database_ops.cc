// db.list, db.create, db.status, db.connect-info, db.delete, db.rename,
// db.reset-password, db.branch: managing databases through the TenantManager.
#include "daemon/control/args.h"
#include "daemon/control/connect_info.h"
#include "daemon/control/operations.h"
#include "daemon/tenants/tenant_manager.h"
#include "shared/control/json_codec.h"

namespace db9::control {

namespace {

using nlohmann::json;

DatabaseInfo ToDatabaseInfo(const tenants::TenantInfo& t) {
  return DatabaseInfo{t.id, t.name, t.created_unix_ms, t.size_bytes, t.table_count,
                      t.open_connections};
}

Result<ConnectInfo> ConnectInfoFor(OperationContext& context, const std::string& name) {
  DB9_ASSIGN_OR_RETURN(auto credentials, context.tenants.GetCredentials(name));
  return MakeConnectInfo(credentials.user, credentials.password, context.info.port);
}

// {"database": ..., "connection": ...} for `name`.
Result<json> StatusOf(OperationContext& context, const std::string& name) {
  DB9_ASSIGN_OR_RETURN(auto info, context.tenants.Get(name));
  DB9_ASSIGN_OR_RETURN(auto connection, ConnectInfoFor(context, name));
  return json(DatabaseStatus{ToDatabaseInfo(info), std::move(connection)});
}

}  // namespace

void AddDatabaseOperations(OperationTable& table, OperationContext& context) {
  table.Add("db.list", [&context](const json&) -> Result<json> {
    json list = json::array();
    for (const auto& t : context.tenants.List()) list.push_back(ToDatabaseInfo(t));
    return json{{"databases", std::move(list)}};
  });

  table.Add("db.create", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name", ""));
    DB9_ASSIGN_OR_RETURN(std::string password, StringArg(args, "password", ""));
    DB9_ASSIGN_OR_RETURN(auto created, context.tenants.Create(name, password));
    return StatusOf(context, created.name);
  });

  table.Add("db.status", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    return StatusOf(context, name);
  });

  table.Add("db.connect-info", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(auto connection, ConnectInfoFor(context, name));
    return json(connection);
  });

  table.Add("db.delete", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(bool force, BoolArg(args, "force", false));
    DB9_RETURN_IF_ERROR(context.tenants.Drop(name, force));
    return json::object();
  });

  table.Add("db.rename", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(std::string new_name, StringArg(args, "new_name"));
    DB9_RETURN_IF_ERROR(context.tenants.Rename(name, new_name));
    DB9_ASSIGN_OR_RETURN(auto info, context.tenants.Get(new_name));
    return json{{"database", ToDatabaseInfo(info)}};
  });

  table.Add("db.reset-password", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(std::string password, StringArg(args, "password", ""));
    DB9_RETURN_IF_ERROR(context.tenants.ResetPassword(name, password));
    DB9_ASSIGN_OR_RETURN(auto connection, ConnectInfoFor(context, name));
    return json{{"connection", std::move(connection)}};
  });

  table.Add("db.branch", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string source, StringArg(args, "source"));
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(auto created, context.tenants.Branch(source, name));
    return StatusOf(context, created.name);
  });
}

}  // namespace db9::control
