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
