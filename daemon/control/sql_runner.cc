#include "daemon/control/sql_runner.h"

#include <mutex>

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
  void operator()() {
    std::lock_guard lock(mu);
    if (session != nullptr) session->Cancel();
  }
};

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

}  // namespace

Result<SqlResult> SqlRunner::RunInTransaction(const std::vector<ParameterizedStatement>& statements,
                                              int64_t max_rows) {
  ResultCollector collector(types_, max_rows);
  for (size_t i = 0; i < statements.size(); ++i) {
    Status status = RunOne(*session_, statements[i], collector);
    if (!status.ok()) {
      // Sync ends the failed batch: the implicit transaction rolls back.
      (void)session_->Sync();
      std::string where = "in statement " + std::to_string(i + 1) + " of " +
                          std::to_string(statements.size()) + ": " + statements[i].sql;
      if (!status.detail().empty()) where = std::string(status.detail()) + "\n" + where;
      return std::move(status).WithDetail(std::move(where));
    }
  }
  DB9_RETURN_IF_ERROR(session_->Sync());  // commits
  if (session_->transaction_status() != sql::TransactionStatus::kIdle) {
    // A BEGIN among the statements would leave them uncommitted behind a
    // success answer; the runner's end would roll them back silently.
    (void)session_->ExecuteSimpleQuery("ROLLBACK", collector);
    return Status::Error(sqlstate::kInvalidTransactionState,
                         "db.execute runs its statements in one transaction of its own; "
                         "leave out BEGIN, COMMIT and ROLLBACK");
  }
  return SqlResult{std::move(collector.results()), std::move(collector.notices())};
}

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string QuoteLiteral(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace db9::control
