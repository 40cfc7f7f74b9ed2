// SQL-level prepared statements: PREPARE name [(types)] AS query and
// EXECUTE name [(values)]. They share the protocol's statement namespace, as
// in PostgreSQL (a Parse'd "q" can be EXECUTEd; DEALLOCATE drops either).
#include "daemon/sql/session/session_impl.h"

namespace db9::sql {

Status SessionImpl::PrepareStatement(const ParsedStatement& statement,
                                     const pg_query::PrepareStmt& stmt, ClientChannel& channel) {
  if (statements_.count(stmt.name())) {
    return Status::Error(sqlstate::kDuplicatePreparedStatement,
                         "prepared statement \"" + stmt.name() + "\" already exists");
  }
  if (!IsPlannable(stmt.query())) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "feature not supported: PREPARE of " + NodeTypeName(stmt.query()));
  }
  DB9_RETURN_IF_ERROR(EnsureTransaction());
  StartStatement();
  std::vector<Oid> param_types;
  {
    Binder binder(MakeBindContext(nullptr));
    for (const pg_query::Node& t : stmt.argtypes()) {
      DB9_ASSIGN_OR_RETURN(auto type, binder.ResolveTypeName(t.type_name()));
      param_types.push_back(type.first);
    }
  }
  // The query as a statement of its own: it outlives this parse tree.
  auto parsed = std::make_shared<ParsedQuery>();
  *parsed->tree.add_stmts()->mutable_stmt() = stmt.query();
  parsed->statements.push_back({&parsed->tree.stmts(0).stmt(), statement.text, 0});
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<PreparedStatement> prepared,
                       Prepare(statement.text, parsed, &parsed->statements[0], param_types));
  statements_[stmt.name()] = std::move(prepared);
  channel.SendCommandComplete("PREPARE");
  return Status::OK();
}

Result<std::shared_ptr<PreparedStatement>> SessionImpl::FindPreparedForExecute(
    const pg_query::ExecuteStmt& stmt) {
  auto it = statements_.find(stmt.name());
  if (it == statements_.end()) {
    return Status::Error(sqlstate::kInvalidSqlStatementName,
                         "prepared statement \"" + stmt.name() + "\" does not exist");
  }
  if (static_cast<size_t>(stmt.params_size()) != it->second->param_types.size()) {
    return Status::Error(sqlstate::kSyntaxError,
                         "wrong number of parameters for prepared statement \"" + stmt.name() + "\"")
        .WithDetail("Expected " + std::to_string(it->second->param_types.size()) +
                    " parameters but got " + std::to_string(stmt.params_size()) + ".");
  }
  return it->second;
}

Result<std::vector<Value>> SessionImpl::ExecuteArguments(const pg_query::ExecuteStmt& stmt,
                                                         const PreparedStatement& prepared) {
  // The values are expressions over nothing, converted to the parameter
  // types as an assignment would (PostgreSQL's rule for EXECUTE).
  Binder binder(MakeBindContext(nullptr));
  std::unique_ptr<StatementIo> io = NewStatementIo();
  std::unique_ptr<ExecContext> ctx = NewExecContext(nullptr, &io->io());
  std::vector<Value> values;
  for (int i = 0; i < stmt.params_size(); ++i) {
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(stmt.params(i), Scope{}));
    DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), prepared.param_types[i], -1,
                                          functions::CoercionContext::kAssignment, -1));
    DB9_ASSIGN_OR_RETURN(Value v, e->Eval(*ctx, Row{}));
    values.push_back(std::move(v));
  }
  return values;
}

Status SessionImpl::ExecutePrepared(const pg_query::ExecuteStmt& stmt, ClientChannel& channel,
                                    bool send_description) {
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<PreparedStatement> prepared, FindPreparedForExecute(stmt));
  DB9_RETURN_IF_ERROR(EnsureTransaction());
  StartStatement();
  Portal portal;
  portal.prepared = prepared;
  DB9_ASSIGN_OR_RETURN(portal.params, ExecuteArguments(stmt, *prepared));
  return RunPortal(portal, 0, channel, send_description).status();
}

}  // namespace db9::sql
