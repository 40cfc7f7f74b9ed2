#include "daemon/control/sql_runner.h"

#include <atomic>
#include <mutex>

#include "daemon/control/sql_script.h"
#include "daemon/sql/parser/parser.h"
#include "daemon/sql/session/database.h"
#include "daemon/sql/session/session.h"
#include "daemon/tenants/names.h"
#include "daemon/tenants/tenant_manager.h"
#include "shared/base/sqlstate.h"

namespace db9::control {

// Lets a forced delete (TenantManager's on_terminate, any thread) cancel the
// statement running now, without outliving the session.
struct SqlRunner::Cancel {
  std::mutex mu;
  sql::Session* session = nullptr;
  // Sticky, unlike the session's cancel (which a statement clears when it
  // starts): the client is gone, so nothing more should run for it.
  std::atomic<bool> hung_up{false};
  void operator()() {
    std::lock_guard lock(mu);
    if (session != nullptr) session->Cancel();
  }
};

namespace {
Status HungUpError() {
  return Status::Error(sqlstate::kQueryCanceled,
                       "canceling statement: the control client closed its connection");
}
}  // namespace

Result<std::unique_ptr<SqlRunner>> SqlRunner::Open(tenants::TenantManager& tenants,
                                                   const types::TypeRegistry& types,
                                                   const std::string& database) {
  auto cancel = std::make_shared<Cancel>();
  std::string user = tenants::LoginUser(database);
  auto connected = tenants.Connect(user, [cancel] { (*cancel)(); });
  if (!connected.ok()) {
    // Connect speaks to logins (28000); here the caller named a database.
    if (connected.status().sqlstate() != sqlstate::kInvalidAuthorizationSpecification) {
      return connected.status();
    }
    return Status::Error(sqlstate::kInvalidCatalogName,
                         "database \"" + database + "\" does not exist")
        .WithHint("`db9 list` shows the databases there are");
  }
  auto handle = std::move(connected).value();
  sql::SessionOptions options;
  options.user = user;
  options.startup_parameters = {{"application_name", "db9-control"}};
  auto session = sql::NewSession(handle->database(), std::move(options));
  {
    std::lock_guard lock(cancel->mu);
    cancel->session = session.get();
  }
  return std::unique_ptr<SqlRunner>(
      new SqlRunner(types, std::move(cancel), std::move(handle), std::move(session)));
}

SqlRunner::SqlRunner(const types::TypeRegistry& types, std::shared_ptr<Cancel> cancel,
                     std::shared_ptr<tenants::TenantHandle> handle,
                     std::unique_ptr<sql::Session> session)
    : types_(types),
      cancel_(std::move(cancel)),
      handle_(std::move(handle)),
      session_(std::move(session)) {}

SqlRunner::~SqlRunner() {
  {
    std::lock_guard lock(cancel_->mu);
    cancel_->session = nullptr;
  }
  session_.reset();  // an open transaction rolls back
  handle_.reset();
}

Result<SqlResult> SqlRunner::Run(const std::string& sql, int64_t max_rows) {
  if (cancel_->hung_up) return HungUpError();
  ResultCollector collector(types_, max_rows);
  DB9_RETURN_IF_ERROR(session_->ExecuteSimpleQuery(sql, collector));
  return SqlResult{std::move(collector.results()), std::move(collector.notices())};
}

Result<QueryResult> SqlRunner::Query(const std::string& sql, int64_t max_rows) {
  DB9_ASSIGN_OR_RETURN(SqlResult result, Run(sql, max_rows));
  if (result.results.size() != 1) {
    return Status::Internal("expected one result from: " + sql);
  }
  return std::move(result.results[0]);
}

void SqlRunner::CancelRunning() { (*cancel_)(); }

sql::Database& SqlRunner::database() { return handle_->database(); }

void SqlRunner::StopOnHangup(HangupGuard& hangup) {
  // Holds the Cancel, not the runner: safe whichever of the two ends first.
  hangup_ = hangup.OnHangup([cancel = cancel_] {
    cancel->hung_up = true;
    (*cancel)();
  });
}

namespace {

// The row count a command tag ends with ("UPDATE 3", "INSERT 0 1"); -1 when
// it has none (CREATE TABLE).
int64_t TagRowCount(const std::string& tag) {
  const size_t space = tag.rfind(' ');
  if (space == std::string::npos || space + 1 >= tag.size()) return -1;
  int64_t count = 0;
  for (size_t i = space + 1; i < tag.size(); ++i) {
    if (tag[i] < '0' || tag[i] > '9') return -1;
    count = count * 10 + (tag[i] - '0');
  }
  return count;
}

Status RunOne(sql::Session& session, const ParameterizedStatement& statement,
              ResultCollector& collector) {
  DB9_RETURN_IF_ERROR(session.Parse("", statement.sql, {}));
  sql::BindRequest bind;
  bind.parameters = statement.params;
  DB9_RETURN_IF_ERROR(session.Bind(bind));
  const size_t before = collector.results().size();
  DB9_ASSIGN_OR_RETURN(sql::ExecuteOutcome outcome, session.Execute("", 0, collector));
  (void)outcome;  // max_rows 0 runs to completion
  if (!statement.expected_rows) return Status::OK();
  const std::string tag =
      collector.results().size() > before ? collector.results().back().command_tag : "";
  const int64_t count = TagRowCount(tag);
  if (count != *statement.expected_rows) {
    // P0002 no_data_found: the row the statement was meant for is not there.
    return Status::Error("P0002",
                         "the statement affected " + std::to_string(count < 0 ? 0 : count) +
                             " rows, expected " + std::to_string(*statement.expected_rows))
        .WithHint("the row was changed or deleted since it was read; reload and try again");
  }
  return Status::OK();
}

// "in statement 2 of 3: UPDATE ...", after the detail the error already had.
Status InStatement(Status status, size_t index, const std::vector<ParameterizedStatement>& all) {
  std::string where = "in statement " + std::to_string(index + 1) + " of " +
                      std::to_string(all.size()) + ": " + all[index].sql;
  if (!status.detail().empty()) where = std::string(status.detail()) + "\n" + where;
  return std::move(status).WithDetail(std::move(where));
}

// A COMMIT among the statements would commit the ones before it even if a
// later one failed, breaking all-or-nothing; so transaction control is
// refused before anything runs. Text that does not parse is left to the
// session, whose syntax error carries the position.
Status RefuseTransactionControl(const std::vector<ParameterizedStatement>& statements) {
  for (size_t i = 0; i < statements.size(); ++i) {
    auto parsed = sql::Parse(statements[i].sql);
    if (!parsed.ok()) continue;
    for (const auto& statement : (*parsed)->statements) {
      if (statement.node != nullptr && statement.node->has_transaction_stmt()) {
        return InStatement(Status::Error(sqlstate::kInvalidTransactionState,
                                         "db.execute runs its statements in one transaction of "
                                         "its own; leave out BEGIN, COMMIT, ROLLBACK and "
                                         "savepoints"),
                           i, statements);
      }
    }
  }
  return Status::OK();
}

}  // namespace

Result<SqlResult> SqlRunner::RunInTransaction(const std::vector<ParameterizedStatement>& statements,
                                              int64_t max_rows) {
  DB9_RETURN_IF_ERROR(RefuseTransactionControl(statements));
  if (cancel_->hung_up) return HungUpError();
  // An explicit block rather than the extended protocol's implicit one: a
  // statement can succeed for the engine and still fail the call (P0002),
  // and only an explicit ROLLBACK undoes what it and the others did.
  ResultCollector bracket(types_, 1);  // BEGIN / COMMIT / ROLLBACK are not results
  DB9_RETURN_IF_ERROR(session_->ExecuteSimpleQuery("BEGIN", bracket));
  ResultCollector collector(types_, max_rows);
  for (size_t i = 0; i < statements.size(); ++i) {
    Status status = RunOne(*session_, statements[i], collector);
    if (!status.ok()) {
      (void)session_->Sync();  // ends the failed extended-protocol batch
      (void)session_->ExecuteSimpleQuery("ROLLBACK", bracket);
      return InStatement(std::move(status), i, statements);
    }
  }
  DB9_RETURN_IF_ERROR(session_->Sync());
  DB9_RETURN_IF_ERROR(session_->ExecuteSimpleQuery("COMMIT", bracket));
  return SqlResult{std::move(collector.results()), std::move(collector.notices())};
}

namespace {

// Moves `status`'s position (in characters of a text that starts at byte
// `offset` of `script`) to count from the start of the script.
Status AtScriptOffset(Status status, const std::string& script, size_t offset) {
  if (status.position() <= 0 || offset == 0) return status;
  int characters = 0;
  for (size_t i = 0; i < offset && i < script.size(); ++i) {
    if ((static_cast<unsigned char>(script[i]) & 0xC0) != 0x80) ++characters;
  }
  return std::move(status.WithPosition(status.position() + characters));
}

// "in statement 2 of 9", after the detail the error already had.
Status InScriptStatement(Status status, size_t index, size_t count) {
  std::string where = "in statement " + std::to_string(index + 1) + " of " + std::to_string(count);
  if (!status.detail().empty()) where = std::string(status.detail()) + "\n" + where;
  return std::move(status).WithDetail(std::move(where));
}

struct ScriptStatement {
  std::string_view text;
  size_t offset;                              // in the script
  std::optional<std::string_view> copy_data;  // COPY ... FROM stdin's rows
};

}  // namespace

Result<int64_t> SqlRunner::RunScript(const std::string& script) {
  if (cancel_->hung_up) return HungUpError();
  std::vector<std::shared_ptr<const sql::ParsedQuery>> parses;
  std::vector<ScriptStatement> statements;
  bool own_transaction = true;
  for (const ScriptPart& part : SplitScript(script)) {
    auto parsed = sql::Parse(part.sql);
    if (!parsed.ok()) return AtScriptOffset(parsed.status(), script, part.offset);
    for (const auto& statement : (*parsed)->statements) {
      if (statement.node != nullptr && statement.node->has_transaction_stmt()) own_transaction = false;
      // `location` may include the whitespace before the trimmed text.
      size_t start = part.sql.find(statement.text, static_cast<size_t>(statement.location));
      if (start == std::string_view::npos) start = static_cast<size_t>(statement.location);
      statements.push_back({statement.text, part.offset + start, std::nullopt});
    }
    if (part.copy_data && !(*parsed)->statements.empty()) statements.back().copy_data = part.copy_data;
    parses.push_back(std::move(parsed).value());  // owns the statements' text
  }
  ResultCollector bracket(types_, 1);
  if (own_transaction) DB9_RETURN_IF_ERROR(session_->ExecuteSimpleQuery("BEGIN", bracket));
  for (size_t i = 0; i < statements.size(); ++i) {
    Status status = HungUpError();
    if (!cancel_->hung_up) {
      ResultCollector collector(types_, 1);  // a script's results are not kept
      if (statements[i].copy_data) collector.CopyInFrom(*statements[i].copy_data);
      status = session_->ExecuteSimpleQuery(statements[i].text, collector);
    }
    if (!status.ok()) {
      if (own_transaction) (void)session_->ExecuteSimpleQuery("ROLLBACK", bracket);
      return InScriptStatement(AtScriptOffset(std::move(status), script, statements[i].offset), i,
                               statements.size());
    }
  }
  if (own_transaction) DB9_RETURN_IF_ERROR(session_->ExecuteSimpleQuery("COMMIT", bracket));
  return static_cast<int64_t>(statements.size());
}

Status SqlRunner::CopyOut(const std::string& sql, std::string* data) {
  if (cancel_->hung_up) return HungUpError();
  ResultCollector collector(types_, 1);
  collector.CopyOutTo(data);
  return session_->ExecuteSimpleQuery(sql, collector);
}

}  // namespace db9::control
