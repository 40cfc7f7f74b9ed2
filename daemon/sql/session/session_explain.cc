// EXPLAIN [ ( option, ... ) ] statement: the plan the engine would run, as
// PostgreSQL names its nodes. Plans carry no cost estimates, so the output
// is what PostgreSQL prints with COSTS OFF.
#include <algorithm>

#include "daemon/sql/exec/explain.h"
#include "daemon/sql/session/session_impl.h"

namespace db9::sql {
namespace {

bool OptionIsOn(const pg_query::DefElem& option) {
  if (!option.has_arg()) return true;  // EXPLAIN (VERBOSE) means on
  const pg_query::Node& arg = option.arg();
  if (arg.has_a_const() && arg.a_const().has_boolval()) return arg.a_const().boolval().boolval();
  if (arg.has_string()) {
    const std::string& v = arg.string().sval();
    return !(v == "false" || v == "off" || v == "0");
  }
  if (arg.has_a_const() && arg.a_const().has_sval()) {
    const std::string& v = arg.a_const().sval().sval();
    return !(v == "false" || v == "off" || v == "0");
  }
  return true;
}

Status CheckOptions(const pg_query::ExplainStmt& stmt) {
  for (const pg_query::Node& n : stmt.options()) {
    if (!n.has_def_elem()) continue;
    const pg_query::DefElem& option = n.def_elem();
    const std::string& name = option.defname();
    if (name == "analyze" && OptionIsOn(option)) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "EXPLAIN ANALYZE is not supported")
          .WithHint("Use EXPLAIN without ANALYZE to see the plan.");
    }
    if (name == "format") {
      std::string format = option.arg().has_string() ? option.arg().string().sval() : "text";
      if (format != "text") {
        return Status::Error(sqlstate::kFeatureNotSupported,
                             "EXPLAIN format \"" + format + "\" is not supported")
            .WithHint("Use FORMAT TEXT.");
      }
      continue;
    }
    // Options that only change what PostgreSQL adds to each line (costs,
    // verbose output lists, buffers, settings) leave our plan text as it is.
    static const char* const kKnown[] = {"analyze", "verbose", "costs", "settings", "buffers",
                                         "wal", "timing", "summary"};
    if (std::find(std::begin(kKnown), std::end(kKnown), name) == std::end(kKnown)) {
      return Status::Error(sqlstate::kSyntaxError,
                           "unrecognized EXPLAIN option \"" + name + "\"");
    }
  }
  return Status::OK();
}

}  // namespace

Status SessionImpl::ExecuteExplain(const pg_query::ExplainStmt& stmt, ClientChannel& channel,
                                   bool send_description) {
  DB9_RETURN_IF_ERROR(CheckOptions(stmt));
  const pg_query::Node& query = stmt.query();
  std::vector<std::string> lines;
  if (query.has_execute_stmt()) {
    // The prepared statement's plan; the arguments are checked as EXECUTE
    // would, though plans do not depend on their values.
    DB9_ASSIGN_OR_RETURN(std::shared_ptr<PreparedStatement> prepared,
                         FindPreparedForExecute(query.execute_stmt()));
    DB9_RETURN_IF_ERROR(ExecuteArguments(query.execute_stmt(), *prepared).status());
    bool shared = false;
    DB9_ASSIGN_OR_RETURN(std::shared_ptr<BoundQuery> plan, PlanFor(*prepared, &shared));
    lines = ExplainPlan(*plan->root);
  } else if (IsPlannable(query)) {
    std::vector<Oid> param_types;
    BindContext ctx = MakeBindContext(&param_types);
    Binder binder(ctx);
    DB9_ASSIGN_OR_RETURN(BoundQuery bound, BindPlannable(binder, query));
    lines = ExplainPlan(*bound.root);
  } else {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "EXPLAIN of " + NodeTypeName(query) + " is not supported");
  }
  ColumnDescription column;
  column.name = "QUERY PLAN";
  channel.BeginRows({column}, send_description);
  std::vector<Value> row(1);
  for (std::string& line : lines) {
    row[0] = Value::Text(std::move(line));
    DB9_RETURN_IF_ERROR(channel.SendDataRow(row));
  }
  channel.SendCommandComplete("EXPLAIN");
  return Status::OK();
}

}  // namespace db9::sql
