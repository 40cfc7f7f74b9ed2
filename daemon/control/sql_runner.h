// SqlRunner: runs SQL in one database on behalf of a control request, through
// a real sql::Session — the same path a PostgreSQL client takes, so results
// and errors are the engine's own. The runner counts as a connection while it
// lives (a forced delete cancels its statement).
#pragma once

#include <memory>
#include <string>

#include "daemon/control/hangup_guard.h"
#include "daemon/control/result_collector.h"
#include "shared/base/result.h"
#include "shared/control/types.h"
#include "shared/base/sql_identifier.h"

namespace db9::sql {
class Database;
class Session;
}
namespace db9::tenants {
class TenantHandle;
class TenantManager;
}

namespace db9::control {

class SqlRunner {
 public:
  // 3D000 if there is no such database.
  static Result<std::unique_ptr<SqlRunner>> Open(tenants::TenantManager& tenants,
                                                 const types::TypeRegistry& types,
                                                 const std::string& database);
  ~SqlRunner();

  // Runs `sql` (one or more statements, as one simple query). The first
  // error ends it and is returned.
  Result<SqlResult> Run(const std::string& sql, int64_t max_rows);
  // One statement that returns rows; all of them (bounded by max_rows).
  Result<QueryResult> Query(const std::string& sql, int64_t max_rows = 1000000);
  // Runs the statements with their parameters through the extended protocol,
  // in one transaction: all commit or none do. The first error (or a command
  // tag off `expected_rows`, P0002) rolls back and is returned, its detail
  // naming the statement. Transaction control among them: 25000, before
  // anything runs.
  Result<SqlResult> RunInTransaction(const std::vector<ParameterizedStatement>& statements,
                                     int64_t max_rows);
  // Runs a SQL script (db.restore) statement by statement, so that a hang-up
  // stops it between statements too. A script with no transaction control of
  // its own runs in one transaction, as one simple query would; one that has
  // BEGIN/COMMIT runs as written (a db9 dump is one BEGIN ... COMMIT). The
  // first error ends it (anything uncommitted rolls back) and is returned
  // with its position in the whole script and "statement N of M" in its
  // detail. Returns the number of statements run.
  // COPY ... FROM stdin blocks in the script are fed to their statement
  // (sql_script.h).
  Result<int64_t> RunScript(const std::string& script);
  // Runs one COPY ... TO STDOUT, appending its data to *data.
  Status CopyOut(const std::string& sql, std::string* data);
  // Thread-safe: stops the statement running now (it fails with 57014).
  void CancelRunning();
  // From now until the runner ends, the client hanging up cancels what runs
  // (57014, its transaction rolls back), and every later statement fails with
  // 57014 before it starts, so the database is free again.
  void StopOnHangup(HangupGuard& hangup);
  // The database the runner is connected to (for what SQL does not tell, such
  // as sizes on disk).
  sql::Database& database();

 private:
  struct Cancel;
  SqlRunner(const types::TypeRegistry& types, std::shared_ptr<Cancel> cancel,
            std::shared_ptr<tenants::TenantHandle> handle, std::unique_ptr<sql::Session> session);

  const types::TypeRegistry& types_;
  std::shared_ptr<Cancel> cancel_;
  std::shared_ptr<tenants::TenantHandle> handle_;
  std::unique_ptr<sql::Session> session_;
  HangupGuard::Registration hangup_;
};

}  // namespace db9::control
