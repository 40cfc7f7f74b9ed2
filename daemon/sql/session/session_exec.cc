// Statement execution: the simple and extended query protocols over
// prepared statements and portals, with plans cached per statement.
#include <unistd.h>

#include "daemon/sql/exec/dml_ops.h"
#include "daemon/sql/session/session_impl.h"

namespace db9::sql {

bool IsPlannable(const pg_query::Node& node) {
  return node.has_select_stmt() || node.has_insert_stmt() || node.has_update_stmt() ||
         node.has_delete_stmt();
}

namespace {

Format FormatFor(const std::vector<Format>& formats, size_t i) {
  if (formats.empty()) return Format::kText;
  if (formats.size() == 1) return formats[0];
  return i < formats.size() ? formats[i] : Format::kText;
}

Status AbortedError() {
  return Status::Error(sqlstate::kInFailedSqlTransaction,
                       "current transaction is aborted, commands ignored until end of transaction block");
}

std::string CommandTag(const pg_query::Node& node, const Operator& root, int64_t rows) {
  int64_t affected = rows;
  if (auto* dml = dynamic_cast<const DmlOperator*>(&root)) affected = dml->rows_affected();
  if (node.has_insert_stmt()) return "INSERT 0 " + std::to_string(affected);
  if (node.has_update_stmt()) return "UPDATE " + std::to_string(affected);
  if (node.has_delete_stmt()) return "DELETE " + std::to_string(affected);
  return "SELECT " + std::to_string(rows);
}

// Parse-tree locations are byte offsets into the query string; PostgreSQL
// reports character positions (the parser's own errors already are).
Status PositionInCharacters(Status status, std::string_view sql) {
  int position = status.position();
  if (position <= 0 || static_cast<size_t>(position) > sql.size() + 1) return status;
  int characters = 1;
  for (size_t i = 0; i + 1 < static_cast<size_t>(position); ++i) {
    if ((static_cast<unsigned char>(sql[i]) & 0xC0) != 0x80) ++characters;
  }
  return std::move(status).WithPosition(characters);
}

// The command a read-only transaction refuses, as PostgreSQL names it in
// 25006 errors; nullptr for statements that only read.
const char* WritingCommand(const pg_query::Node& node) {
  if (node.has_insert_stmt()) return "INSERT";
  if (node.has_update_stmt()) return "UPDATE";
  if (node.has_delete_stmt()) return "DELETE";
  if (node.has_select_stmt() && node.select_stmt().locking_clause_size() > 0) {
    return "SELECT FOR UPDATE";
  }
  return nullptr;
}

}  // namespace

Result<BoundQuery> BindPlannable(Binder& binder, const pg_query::Node& node) {
  if (node.has_select_stmt()) return binder.BindSelect(node.select_stmt(), nullptr);
  if (node.has_insert_stmt()) return binder.BindInsert(node.insert_stmt());
  if (node.has_update_stmt()) return binder.BindUpdate(node.update_stmt());
  return binder.BindDelete(node.delete_stmt());
}

SessionImpl::SessionImpl(DatabaseImpl& db, SessionOptions options)
    : db_(db), options_(std::move(options)) {
  bool ignored;
  (void)settings_.Set("session_authorization", options_.user, &ignored);
  for (const auto& [name, value] : options_.startup_parameters) {
    if (name == "options") continue;  // "-c name=value" lists are split by the wire layer
    // Unknown startup parameters are ignored as PostgreSQL ignores some
    // (it reports FATAL for truly unknown ones; drivers send only known).
    (void)settings_.Set(name, value, &ignored);
  }
  info_.transaction_id = [this] { return TransactionId(); };
  info_.settings = [this] { return settings_.Describe(); };
  SyncSessionInfo();
}

SessionImpl::~SessionImpl() {
  portals_.clear();
  if (txn_) txn_->txn->Rollback();
}

void SessionImpl::SyncSessionInfo() {
  info_.user = options_.user;
  info_.database = options_.database;
  info_.search_path = settings_.search_path();
  info_.application_name = settings_.Show("application_name").value();
  info_.backend_pid =
      options_.backend_pid != 0 ? options_.backend_pid : static_cast<int32_t>(getpid());
  info_.server_port = options_.server_port;
}

std::vector<std::pair<std::string, std::string>> SessionImpl::ReportedParameters() const {
  return settings_.Reported();
}

TransactionStatus SessionImpl::transaction_status() const {
  if (!txn_ || !txn_->block) return TransactionStatus::kIdle;
  return txn_->failed ? TransactionStatus::kFailed : TransactionStatus::kInBlock;
}

void SessionImpl::Cancel() { cancel_.store(true); }

BindContext SessionImpl::MakeBindContext(std::vector<Oid>* param_types) {
  BindContext ctx;
  ctx.catalog = txn_ ? txn_->catalog.get() : nullptr;
  ctx.registries = &db_.registries();
  ctx.session = &info_;
  ctx.io = &settings_.io();
  ctx.param_types = param_types;
  return ctx;
}

Result<std::shared_ptr<PreparedStatement>> SessionImpl::Prepare(
    std::string_view sql, std::shared_ptr<const ParsedQuery> parsed,
    const ParsedStatement* statement, std::vector<Oid> param_types) {
  auto p = std::make_shared<PreparedStatement>();
  p->text = std::string(sql);
  p->parsed = std::move(parsed);
  p->statement = statement;
  p->param_types = std::move(param_types);
  if (statement == nullptr) return p;
  const pg_query::Node& node = *statement->node;
  p->plannable = IsPlannable(node);
  if (p->plannable) {
    bool shared = false;
    DB9_ASSIGN_OR_RETURN(std::shared_ptr<BoundQuery> plan, PlanFor(*p, &shared));
    if (node.has_select_stmt() || !plan->columns.empty()) p->columns = plan->columns;
    for (Oid& t : p->param_types) {
      if (t == 0 || t == types::oid::kUnknown) t = types::oid::kText;
    }
  } else if (node.has_execute_stmt()) {
    // EXECUTE returns the rows of the statement it runs; Describe must say so.
    auto named = statements_.find(node.execute_stmt().name());
    if (named != statements_.end()) p->columns = named->second->columns;
  } else if (node.has_explain_stmt()) {
    p->columns = std::vector<OutputColumn>{{"QUERY PLAN", types::oid::kText, -1, 0, 0}};
  } else if (node.has_variable_show_stmt()) {
    const std::string& name = node.variable_show_stmt().name();
    if (name == "all") {
      p->columns = std::vector<OutputColumn>{{"name", types::oid::kText, -1, 0, 0},
                                             {"setting", types::oid::kText, -1, 0, 0},
                                             {"description", types::oid::kText, -1, 0, 0}};
    } else {
      // Named with PostgreSQL's spelling ("DateStyle"), as ExecuteShow does.
      std::string shown = settings_.CanonicalName(name).value_or(name);
      p->columns = std::vector<OutputColumn>{{shown, types::oid::kText, -1, 0, 0}};
    }
  }
  return p;
}

Result<std::shared_ptr<BoundQuery>> SessionImpl::PlanFor(PreparedStatement& p, bool* shared) {
  std::shared_ptr<const catalog::CatalogState> catalog =
      txn_ ? txn_->catalog : db_.catalog().Committed();
  if (p.plan && p.plan_catalog == catalog && !p.plan_in_use) {
    *shared = true;
    return p.plan;
  }
  std::vector<Oid> types = p.param_types;
  BindContext ctx = MakeBindContext(&types);
  ctx.catalog = catalog.get();
  Binder binder(ctx);
  Result<BoundQuery> bound = BindPlannable(binder, *p.statement->node);
  if (!bound.ok()) return bound.status();
  auto plan = std::make_shared<BoundQuery>(std::move(bound).value());
  // The first binding fixes the parameter types the client sees.
  if (!p.plan) p.param_types = types;
  *shared = !p.plan_in_use;
  if (*shared) {
    p.plan = plan;
    p.plan_catalog = std::move(catalog);
  }
  return plan;
}

std::unique_ptr<StatementIo> SessionImpl::NewStatementIo() const {
  // Outside a transaction (Bind after a Sync ended one) the committed
  // catalog is what the next statement will see.
  std::shared_ptr<const catalog::CatalogState> catalog =
      txn_ ? txn_->catalog : db_.catalog().Committed();
  return std::make_unique<StatementIo>(settings_.io(), std::move(catalog), info_.search_path);
}

std::unique_ptr<ExecContext> SessionImpl::NewExecContext(const std::vector<Value>* params,
                                                         const types::IoContext* io) {
  auto ctx = std::make_unique<ExecContext>();
  ctx->txn = txn_->txn.get();
  ctx->catalog = txn_->catalog.get();
  ctx->catalog_store = &db_.catalog();
  ctx->sequences = &db_.sequences();
  ctx->registries = &db_.registries();
  ctx->fn.registries = &db_.registries();
  ctx->fn.io = io != nullptr ? io : &settings_.io();
  ctx->fn.transaction_start = txn_->start_micros;
  ctx->fn.statement_start = NowPostgresMicros();
  ctx->fn.interrupt = ctx.get();
  ctx->fn.settings = this;
  ctx->session = &info_;
  ctx->variables = &variables_;
  ctx->params = params;
  ctx->cancel = &cancel_;
  ctx->parallel_workers = settings_.parallel_workers();
  ctx->hnsw_ef_search = settings_.hnsw_ef_search();
  if (int64_t ms = settings_.statement_timeout_ms(); ms > 0) {
    ctx->deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  }
  return ctx;
}

std::vector<ColumnDescription> SessionImpl::Describe(const std::vector<OutputColumn>& columns,
                                                     const std::vector<Format>& formats) const {
  std::vector<ColumnDescription> out;
  for (size_t i = 0; i < columns.size(); ++i) {
    const OutputColumn& c = columns[i];
    ColumnDescription d;
    d.name = c.name;
    d.table_oid = c.table_oid;
    d.column_number = c.attnum;
    d.type_oid = c.type;
    const types::TypeInfo* info = db_.registries().types.Find(c.type);
    d.type_size = info ? info->typlen : -1;
    d.type_modifier = c.typmod;
    d.format = FormatFor(formats, i);
    out.push_back(std::move(d));
  }
  return out;
}

Status SessionImpl::StartPortal(Portal& portal) {
  PreparedStatement& p = *portal.prepared;
  DB9_RETURN_IF_ERROR(EnsureTransaction());
  if (const char* command = WritingCommand(*p.statement->node)) {
    DB9_RETURN_IF_ERROR(CheckWritable(command));
  }
  StartStatement();
  bool shared = false;
  DB9_ASSIGN_OR_RETURN(portal.plan, PlanFor(p, &shared));
  if (shared) {
    p.plan_in_use = true;
    portal.owns_plan_use = true;
  }
  portal.io = NewStatementIo();
  portal.ctx = NewExecContext(&portal.params, &portal.io->io());
  portal.started = true;
  return portal.plan->root->Open(*portal.ctx);
}

Result<ExecuteOutcome> SessionImpl::RunPortal(Portal& portal, int64_t max_rows,
                                              ClientChannel& channel, bool send_description) {
  PreparedStatement& p = *portal.prepared;
  if (p.statement == nullptr) {
    channel.SendEmptyQueryResponse();
    return ExecuteOutcome::kComplete;
  }
  const pg_query::Node& node = *p.statement->node;
  if (portal.done) {
    // Re-executing a finished portal yields no more rows.
    channel.SendCommandComplete(p.plannable && node.has_select_stmt() ? "SELECT 0" : "");
    return ExecuteOutcome::kComplete;
  }
  if (!portal.started) {
    if (txn_ && txn_->failed && !IsTransactionExit(node)) return AbortedError();
    // A cancel that came while an earlier statement of the same message ran
    // stops this one too, as in PostgreSQL: short statements that never
    // reach a cancel check would otherwise let a long script run on.
    if (cancel_.load()) {
      return Status::Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
    }
    if (!p.plannable) {
      portal.started = portal.done = true;
      DB9_RETURN_IF_ERROR(RunUtility(*p.statement, channel, send_description));
      return ExecuteOutcome::kComplete;
    }
    DB9_RETURN_IF_ERROR(StartPortal(portal));
    if (p.columns) channel.BeginRows(Describe(*p.columns, portal.result_formats), send_description);
  } else {
    portal.io->Refresh(settings_.io());
  }
  Row row;
  int64_t sent = 0;
  while (max_rows <= 0 || sent < max_rows) {
    DB9_ASSIGN_OR_RETURN(bool more, portal.plan->root->Next(*portal.ctx, &row));
    if (!more) {
      portal.done = true;
      // As PostgreSQL: a SELECT's tag counts the rows of this Execute only.
      channel.SendCommandComplete(CommandTag(node, *portal.plan->root, sent));
      SendPendingParameterStatus(channel);  // from set_config()
      if (portal.owns_plan_use) {
        p.plan_in_use = false;
        portal.owns_plan_use = false;
      }
      return ExecuteOutcome::kComplete;
    }
    if (p.columns) {
      DB9_RETURN_IF_ERROR(
          portal.io->NameRegValues(db_.registries().types, *p.columns, portal.result_formats, row));
    }
    DB9_RETURN_IF_ERROR(channel.SendDataRow(row));
    ++sent;
  }
  return ExecuteOutcome::kSuspended;
}

Status SessionImpl::ExecuteSimpleQuery(std::string_view sql, ClientChannel& channel) {
  cancel_.store(false);  // a cancel sent while the session was idle cancels nothing
  SendPendingParameterStatus(channel);
  Result<std::shared_ptr<const ParsedQuery>> parsed = sql::Parse(sql);
  if (!parsed.ok()) {
    AbortAfterError();
    return parsed.status();
  }
  if ((*parsed)->statements.empty()) {
    channel.SendEmptyQueryResponse();
    return Status::OK();
  }
  for (const ParsedStatement& statement : (*parsed)->statements) {
    Status status;
    if (txn_ && txn_->failed && !IsTransactionExit(*statement.node)) {
      status = AbortedError();
    } else {
      if (IsPlannable(*statement.node)) {
        // Binding needs the transaction's catalog view.
        status = EnsureTransaction();
        if (status.ok()) StartStatement();
      }
      Result<std::shared_ptr<PreparedStatement>> p =
          status.ok() ? Prepare(statement.text, *parsed, &statement, {})
                      : Result<std::shared_ptr<PreparedStatement>>(status);
      if (p.ok()) {
        Portal portal;
        portal.prepared = *p;
        Result<ExecuteOutcome> outcome = RunPortal(portal, 0, channel, true);
        status = outcome.status();
      } else {
        status = p.status();
      }
      status = PositionInCharacters(std::move(status), sql);
    }
    if (!status.ok()) {
      AbortAfterError();
      return status;
    }
  }
  if (txn_ && !txn_->block) {
    Status status = CommitTransaction();
    if (!status.ok()) return status;
  }
  return Status::OK();
}

Status SessionImpl::Parse(const std::string& name, std::string_view sql,
                          const std::vector<types::Oid>& parameter_types) {
  if (!name.empty() && statements_.count(name)) {
    return Status::Error(sqlstate::kDuplicatePreparedStatement,
                         "prepared statement \"" + name + "\" already exists");
  }
  Result<std::shared_ptr<const ParsedQuery>> parsed = db_.ParseCached(sql);
  if (!parsed.ok()) {
    AbortAfterError();
    return parsed.status();
  }
  if ((*parsed)->statements.size() > 1) {
    AbortAfterError();
    return Status::Error(sqlstate::kSyntaxError,
                         "cannot insert multiple commands into a prepared statement");
  }
  const ParsedStatement* statement =
      (*parsed)->statements.empty() ? nullptr : &(*parsed)->statements[0];
  if (statement && txn_ && txn_->failed && !IsTransactionExit(*statement->node)) {
    return AbortedError();
  }
  Status status;
  if (statement && IsPlannable(*statement->node)) {
    status = EnsureTransaction();
    if (status.ok()) StartStatement();
  }
  Result<std::shared_ptr<PreparedStatement>> p =
      status.ok() ? Prepare(sql, *parsed, statement, parameter_types)
                  : Result<std::shared_ptr<PreparedStatement>>(status);
  if (!p.ok()) {
    AbortAfterError();
    return PositionInCharacters(p.status(), sql);
  }
  statements_[name] = std::move(p).value();
  return Status::OK();
}

Status SessionImpl::Bind(const BindRequest& request) {
  auto it = statements_.find(request.statement);
  if (it == statements_.end()) {
    AbortAfterError();
    return Status::Error(sqlstate::kInvalidSqlStatementName,
                         "prepared statement \"" + request.statement + "\" does not exist");
  }
  std::shared_ptr<PreparedStatement> p = it->second;
  if (p->statement && txn_ && txn_->failed && !IsTransactionExit(*p->statement->node)) {
    return AbortedError();
  }
  if (!request.portal.empty() && portals_.count(request.portal)) {
    AbortAfterError();
    return Status::Error(sqlstate::kDuplicateCursor, "portal \"" + request.portal + "\" already exists");
  }
  if (request.parameters.size() != p->param_types.size()) {
    AbortAfterError();
    return Status::Error(sqlstate::kProtocolViolation,
                         "bind message supplies " + std::to_string(request.parameters.size()) +
                             " parameters, but prepared statement \"" + request.statement +
                             "\" requires " + std::to_string(p->param_types.size()));
  }
  auto portal = std::make_unique<Portal>();
  portal->prepared = p;
  portal->result_formats = request.result_formats;
  const types::TypeRegistry& types = db_.registries().types;
  // reg* parameters arrive as names ('users' for CAST($1 AS regclass)).
  std::unique_ptr<StatementIo> io = NewStatementIo();
  for (size_t i = 0; i < request.parameters.size(); ++i) {
    Oid type = p->param_types[i];
    if (type == 0 || type == types::oid::kUnknown) type = types::oid::kText;
    const std::optional<std::string>& raw = request.parameters[i];
    if (!raw) {
      portal->params.push_back(Value::Null(type));
      continue;
    }
    Result<Value> v = FormatFor(request.parameter_formats, i) == Format::kBinary
                          ? types::ParseBinary(types, type, *raw, -1, io->io())
                          : types::ParseText(types, type, *raw, -1, io->io());
    if (!v.ok()) {
      AbortAfterError();
      return v.status();
    }
    portal->params.push_back(std::move(v).value());
  }
  portals_[request.portal] = std::move(portal);
  return Status::OK();
}

Result<StatementDescription> SessionImpl::DescribeStatement(const std::string& name) {
  auto it = statements_.find(name);
  if (it == statements_.end()) {
    AbortAfterError();
    return Status::Error(sqlstate::kInvalidSqlStatementName,
                         "prepared statement \"" + name + "\" does not exist");
  }
  StatementDescription d;
  d.parameter_types = it->second->param_types;
  if (it->second->columns) d.columns = Describe(*it->second->columns, {});
  return d;
}

Result<std::optional<std::vector<ColumnDescription>>> SessionImpl::DescribePortal(
    const std::string& name) {
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    AbortAfterError();
    return Status::Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
  }
  const Portal& portal = *it->second;
  if (!portal.prepared->columns) return std::optional<std::vector<ColumnDescription>>();
  return std::optional<std::vector<ColumnDescription>>(
      Describe(*portal.prepared->columns, portal.result_formats));
}

Result<ExecuteOutcome> SessionImpl::Execute(const std::string& name, int64_t max_rows,
                                            ClientChannel& channel) {
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    AbortAfterError();
    return Status::Error(sqlstate::kInvalidCursorName, "portal \"" + name + "\" does not exist");
  }
  Portal* portal = it->second.get();
  cancel_.store(false);  // a cancel sent while the session was idle cancels nothing
  SendPendingParameterStatus(channel);
  running_portal_ = portal;
  Result<ExecuteOutcome> outcome = RunPortal(*portal, max_rows, channel, false);
  running_portal_ = nullptr;
  if (!outcome.ok()) AbortAfterError();
  return outcome;
}

void SessionImpl::CloseStatement(const std::string& name) { statements_.erase(name); }

void SessionImpl::ClosePortal(const std::string& name) { portals_.erase(name); }

Status SessionImpl::Sync() {
  portals_.erase("");
  if (txn_ && !txn_->block) {
    if (txn_->failed) {
      RollbackTransaction();
      return Status::OK();
    }
    return CommitTransaction();
  }
  return Status::OK();
}

std::unique_ptr<Session> NewSession(Database& database, SessionOptions options) {
  return std::make_unique<SessionImpl>(static_cast<DatabaseImpl&>(database), std::move(options));
}

}  // namespace db9::sql
