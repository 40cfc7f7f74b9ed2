// Session: one client's conversation with one database — its settings,
// transaction state, prepared statements and portals. The wire layer turns
// protocol messages into these calls; results flow back through a
// ClientChannel. A session is driven by one thread at a time, except Cancel().
//
// Transaction status follows PostgreSQL: idle, in a block, or failed (every
// statement but ROLLBACK / ROLLBACK TO / COMMIT gets 25P02 until then).
// Outside a block, the statements of one simple Query, or everything between
// two Syncs of the extended protocol, run in one implicit transaction.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/sql/session/client_channel.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::sql {

class Database;

enum class TransactionStatus : char { kIdle = 'I', kInBlock = 'T', kFailed = 'E' };

struct SessionOptions {
  std::string user;                  // "<name>.admin"
  std::string database = "postgres";
  // Startup-packet parameters (application_name, client_encoding, DateStyle,
  // options="-c name=value ..."), applied as SET would.
  std::vector<std::pair<std::string, std::string>> startup_parameters;
  // The process id the client got in BackendKeyData (pg_backend_pid()); 0
  // for sessions not made by the wire server, which then show the daemon's.
  int32_t backend_pid = 0;
  // The TCP port the client connected to (inet_server_port()); 0: none.
  int32_t server_port = 0;
};

struct StatementDescription {
  std::vector<types::Oid> parameter_types;
  // nullopt: the statement returns no rows (NoData).
  std::optional<std::vector<ColumnDescription>> columns;
};

struct BindRequest {
  std::string portal;
  std::string statement;
  std::vector<Format> parameter_formats;  // empty: all text; one: applies to all
  std::vector<std::optional<std::string>> parameters;  // nullopt: NULL
  std::vector<Format> result_formats;     // empty: all text; one: applies to all
};

enum class ExecuteOutcome { kComplete, kSuspended };

class Session {
 public:
  virtual ~Session() = default;

  // The parameters reported in ParameterStatus at startup, in order.
  virtual std::vector<std::pair<std::string, std::string>> ReportedParameters() const = 0;

  // Simple Query: runs each statement of `sql` in turn; stops at the first
  // error and returns it (results of earlier statements are already sent).
  // An empty string sends EmptyQueryResponse.
  virtual Status ExecuteSimpleQuery(std::string_view sql, ClientChannel& channel) = 0;

  // Extended protocol. The unnamed statement/portal ("") is replaced freely;
  // named ones must be closed first (42P05 / 42P03).
  virtual Status Parse(const std::string& name, std::string_view sql,
                       const std::vector<types::Oid>& parameter_types) = 0;
  virtual Status Bind(const BindRequest& request) = 0;
  virtual Result<StatementDescription> DescribeStatement(const std::string& name) = 0;
  // nullopt: the portal returns no rows (NoData).
  virtual Result<std::optional<std::vector<ColumnDescription>>> DescribePortal(
      const std::string& name) = 0;
  // max_rows 0: no limit. kSuspended: more rows remain (PortalSuspended);
  // kComplete: CommandComplete (or EmptyQueryResponse) was sent.
  virtual Result<ExecuteOutcome> Execute(const std::string& portal, int64_t max_rows,
                                         ClientChannel& channel) = 0;
  virtual void CloseStatement(const std::string& name) = 0;
  virtual void ClosePortal(const std::string& name) = 0;
  // End of an extended-protocol batch: commits an implicit transaction, drops
  // the unnamed portal. After an error it is where the failed batch ends.
  virtual Status Sync() = 0;

  virtual TransactionStatus transaction_status() const = 0;

  // Thread-safe. The running statement (or lock wait) stops with 57014.
  virtual void Cancel() = 0;
};

// REQUIRES: `database` outlives the session.
std::unique_ptr<Session> NewSession(Database& database, SessionOptions options);

}  // namespace db9::sql
