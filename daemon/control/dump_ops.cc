// db.dump and db.restore: a database to a SQL script and back.
#include <filesystem>

#include "daemon/control/args.h"
#include "daemon/control/dump_writer.h"
#include "daemon/control/operations.h"
#include "daemon/control/sql_runner.h"
#include "daemon/functions/registries.h"
#include "daemon/tenants/secrets.h"
#include "shared/base/sqlstate.h"
#include "shared/control/line_buffer.h"

namespace db9::control {

namespace {

using nlohmann::json;

// Dumps in a response stay well under the response line limit.
constexpr size_t kMaxInlineDump = kMaxResponseBytes / 2;

Status CheckAbsolute(const std::string& path) {
  if (std::filesystem::path(path).is_absolute()) return Status::OK();
  return Status::Error(sqlstate::kInvalidParameterValue,
                       "argument \"path\" must be an absolute path (the daemon's working "
                       "directory is not yours): " + path);
}

}  // namespace

void AddDumpOperations(OperationTable& table, OperationContext& context) {
  // A dump or restore of a big database runs long: a client that hangs up
  // stops it (the restore rolls back, the dump writes no file).
  auto runner_for = [&context](const std::string& name,
                               HangupGuard& hangup) -> Result<std::unique_ptr<SqlRunner>> {
    const auto& types = context.info.types != nullptr ? *context.info.types
                                                      : functions::BuiltinRegistries().types;
    DB9_ASSIGN_OR_RETURN(auto runner, SqlRunner::Open(context.tenants, types, name));
    runner->StopOnHangup(hangup);
    return runner;
  };

  table.Add("db.dump", [runner_for](const json& args, HangupGuard& hangup) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(std::string path, StringArg(args, "path", ""));
    DB9_ASSIGN_OR_RETURN(auto runner, runner_for(name, hangup));
    DB9_ASSIGN_OR_RETURN(std::string dump, WriteDump(*runner, name));
    if (path.empty()) {
      if (dump.size() > kMaxInlineDump) {
        return Status::Error(sqlstate::kProgramLimitExceeded,
                             "the dump is too large to return inline (" +
                                 std::to_string(dump.size()) + " bytes)")
            .WithHint("pass \"path\" to have the daemon write it to a file (`db9 db dump -o`)");
      }
      return json{{"sql", std::move(dump)}};
    }
    DB9_RETURN_IF_ERROR(CheckAbsolute(path));
    DB9_RETURN_IF_ERROR(tenants::WriteFileAtomically(path, dump, 0600));
    return json{{"path", path}, {"bytes", dump.size()}};
  });

  table.Add("db.restore", [runner_for](const json& args, HangupGuard& hangup) -> Result<json> {
    DB9_ASSIGN_OR_RETURN(std::string name, StringArg(args, "name"));
    DB9_ASSIGN_OR_RETURN(std::string path, StringArg(args, "path"));
    DB9_RETURN_IF_ERROR(CheckAbsolute(path));
    DB9_ASSIGN_OR_RETURN(std::string script, tenants::ReadWholeFile(path));
    DB9_ASSIGN_OR_RETURN(auto runner, runner_for(name, hangup));
    DB9_ASSIGN_OR_RETURN(int64_t statements, runner->RunScript(script));
    return json{{"statements", statements}};
  });
}

}  // namespace db9::control
