// db.sql, db.cancel, db.execute, db.tables, db.describe, db.rows: browsing
// and SQL through a sql::Session on the tenant's database (SqlRunner).
#include "daemon/control/args.h"
#include "daemon/control/catalog_queries.h"
#include "daemon/control/operations.h"
#include "daemon/control/rows_query.h"
#include "daemon/control/sql_runner.h"
#include "daemon/functions/registries.h"
#include "shared/base/sqlstate.h"
#include "shared/control/json_codec.h"

#include <optional>

namespace db9::control {

namespace {

using nlohmann::json;

const types::TypeRegistry& Types(const OperationContext& context) {
  return context.info.types != nullptr ? *context.info.types
                                       : functions::BuiltinRegistries().types;
}

// A runner for the database named in `args`, stopped if the client hangs up.
Result<std::unique_ptr<SqlRunner>> RunnerFor(OperationContext& context, const json& args,
                                             HangupGuard& hangup) {
  DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
  DB9_ASSIGN_OR_RETURN(auto runner, SqlRunner::Open(context.tenants, Types(context), name));
  runner->StopOnHangup(hangup);
  return runner;
}

// With a "cancel_key" in `args`, db.cancel with that key stops `runner`
// until the returned registration ends.
Result<std::optional<CancelRegistry::Registration>> CancellableBy(OperationContext& context,
                                                                  const json& args, SqlRunner* runner) {
  DB9_ASSIGN_OR_RETURN(std::string cancel_key, StringArg(args, "cancel_key", ""));
  std::optional<CancelRegistry::Registration> cancellable;
  if (!cancel_key.empty()) {
    DB9_ASSIGN_OR_RETURN(auto registration, context.cancels.Register(cancel_key, runner));
    cancellable.emplace(std::move(registration));
  }
  return cancellable;
}

}  // namespace

void AddSqlOperations(OperationTable& table, OperationContext& context) {
  table.Add("db.sql", [&context](const json& args, HangupGuard& hangup) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string sql, StringArg(args, "sql"));
    DB9_ASSIGN_OR_RETURN(int64_t max_rows, IntArg(args, "max_rows", 1000, 1, 100000));
    DB9_ASSIGN_OR_RETURN(auto runner, RunnerFor(context, args, hangup));
    DB9_ASSIGN_OR_RETURN(auto cancellable, CancellableBy(context, args, runner.get()));
    DB9_ASSIGN_OR_RETURN(auto result, runner->Run(sql, max_rows));
    return json(result);
  });

  // Answered on another connection than the db.sql it stops (that one is
  // busy until its statement ends).
  table.Add("db.cancel", [&context](const json& args) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string cancel_key, StringArg(args, "cancel_key"));
    return json{{"cancelled", context.cancels.Cancel(cancel_key)}};
  });

  table.Add("db.execute", [&context](const json& args, HangupGuard& hangup) -> Result<json> {
    auto request = Decode<ExecuteRequest>(args, "db.execute arguments");
    if (!request.ok()) {
      return Status::Error(sqlstate::kInvalidParameterValue, std::string(request.status().message()));
    }
    if (request->statements.empty()) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "argument \"statements\" must hold at least one statement");
    }
    if (request->max_rows < 1 || request->max_rows > 100000) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "argument \"max_rows\" must be between 1 and 100000");
    }
    DB9_ASSIGN_OR_RETURN(auto runner, RunnerFor(context, args, hangup));
    DB9_ASSIGN_OR_RETURN(auto cancellable, CancellableBy(context, args, runner.get()));
    DB9_ASSIGN_OR_RETURN(auto result, runner->RunInTransaction(request->statements, request->max_rows));
    return json(result);
  });

  table.Add("db.tables", [&context](const json& args, HangupGuard& hangup) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(auto runner, RunnerFor(context, args, hangup));
    DB9_ASSIGN_OR_RETURN(auto tables, QueryTables(*runner));
    return json{{"tables", tables}};
  });

  table.Add("db.describe", [&context](const json& args, HangupGuard& hangup) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string schema, StringArg(args, "schema", "public"));
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "table"));
    DB9_ASSIGN_OR_RETURN(auto runner, RunnerFor(context, args, hangup));
    DB9_ASSIGN_OR_RETURN(auto description, QueryTableDescription(*runner, schema, name));
    return json(description);
  });

  table.Add("db.rows", [&context](const json& args, HangupGuard& hangup) -> Result<json> {
    auto request = Decode<RowsRequest>(args, "db.rows arguments");
    if (!request.ok()) {
      return Status::Error(sqlstate::kInvalidParameterValue, std::string(request.status().message()));
    }
    if (request->table.empty()) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "argument \"table\" is required (a string)");
    }
    if (request->limit < 1 || request->limit > 10000 || request->offset < 0) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "argument \"limit\" must be between 1 and 10000 and \"offset\" >= 0");
    }
    DB9_ASSIGN_OR_RETURN(auto runner, RunnerFor(context, args, hangup));
    DB9_ASSIGN_OR_RETURN(auto description,
                         QueryTableColumns(*runner, request->schema, request->table));
    DB9_ASSIGN_OR_RETURN(RowsQuery query, BuildRowsQuery(*request, description));
    DB9_ASSIGN_OR_RETURN(auto result, runner->Query(query.sql, request->limit + 1));
    return json(FinishRowsPage(*request, query, std::move(result)));
  });
}

}  // namespace db9::control
