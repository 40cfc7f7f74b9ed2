// SessionImpl: the Session contract (session.h) over DatabaseImpl. This
// header is internal to daemon/sql/session: the statement executors in this
// folder (transaction control, settings, DDL, COPY) are member functions
// spread over several .cc files, each with one job.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/session/database_impl.h"
#include "daemon/sql/session/session.h"
#include "daemon/sql/session/settings.h"
#include "daemon/sql/session/statement_io.h"

namespace db9::sql {

// BEGIN / SET TRANSACTION options: ISOLATION LEVEL, READ ONLY / READ WRITE.
struct TransactionOptions {
  std::optional<mvcc::IsolationLevel> isolation;
  std::optional<bool> read_only;
};
Result<TransactionOptions> ParseTransactionOptions(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& options);
// Binds a SELECT / INSERT / UPDATE / DELETE into a plan.
Result<BoundQuery> BindPlannable(Binder& binder, const pg_query::Node& node);
bool IsPlannable(const pg_query::Node& node);

// transaction_isolation's text and back.
const char* IsolationSetting(mvcc::IsolationLevel level);
mvcc::IsolationLevel IsolationFromSetting(const std::string& value);

// A statement after Parse: its parse tree, parameter types, and a cached plan
// that is reused while the catalog it was bound against is current.
struct PreparedStatement {
  std::string text;
  std::shared_ptr<const ParsedQuery> parsed;
  const ParsedStatement* statement = nullptr;  // null: empty query
  std::vector<Oid> param_types;
  bool plannable = false;                 // SELECT/INSERT/UPDATE/DELETE
  std::optional<std::vector<OutputColumn>> columns;  // nullopt: no rows
  // Plan cache.
  std::shared_ptr<BoundQuery> plan;
  std::shared_ptr<const catalog::CatalogState> plan_catalog;
  bool plan_in_use = false;
};

// Not copyable or movable: a running portal is referred to by address.
struct Portal {
  Portal() = default;
  Portal(const Portal&) = delete;
  Portal& operator=(const Portal&) = delete;
  ~Portal() {
    if (owns_plan_use && prepared) prepared->plan_in_use = false;
  }

  std::shared_ptr<PreparedStatement> prepared;
  std::vector<Value> params;
  std::vector<Format> result_formats;
  // Execution state, created by the first Execute. `io` outlives `ctx`,
  // whose FunctionContext points at it.
  std::unique_ptr<StatementIo> io;
  std::unique_ptr<ExecContext> ctx;
  std::shared_ptr<BoundQuery> plan;
  bool owns_plan_use = false;
  bool started = false;
  bool done = false;
};

class SessionImpl final : public Session, private functions::SessionSettingsAccess {
 public:
  SessionImpl(DatabaseImpl& db, SessionOptions options);
  ~SessionImpl() override;

  std::vector<std::pair<std::string, std::string>> ReportedParameters() const override;
  Status ExecuteSimpleQuery(std::string_view sql, ClientChannel& channel) override;
  Status Parse(const std::string& name, std::string_view sql,
               const std::vector<types::Oid>& parameter_types) override;
  Status Bind(const BindRequest& request) override;
  Result<StatementDescription> DescribeStatement(const std::string& name) override;
  Result<std::optional<std::vector<ColumnDescription>>> DescribePortal(const std::string& name) override;
  Result<ExecuteOutcome> Execute(const std::string& portal, int64_t max_rows,
                                 ClientChannel& channel) override;
  void CloseStatement(const std::string& name) override;
  void ClosePortal(const std::string& name) override;
  Status Sync() override;
  TransactionStatus transaction_status() const override;
  void Cancel() override;

 private:
  struct SavepointEntry {
    std::string name;
    uint64_t id = 0;
    std::shared_ptr<const catalog::CatalogState> catalog;
    bool catalog_changed = false;
    // The transaction's settings snapshots when the savepoint was taken
    // (nullopt: no SET ran before it, the transaction's start applies).
    std::optional<Settings> settings, settings_on_commit;
  };
  struct Txn {
    std::unique_ptr<mvcc::Transaction> txn;
    std::shared_ptr<const catalog::CatalogState> catalog;  // this transaction's view
    bool catalog_changed = false;
    bool block = false;   // inside BEGIN ... COMMIT
    bool failed = false;
    std::vector<SavepointEntry> savepoints;
    int64_t start_micros = 0;  // since 2000-01-01 UTC
    int64_t transaction_id = 0;  // txid_current(); 0 until first asked
    bool read_only = false;
    // Taken by the transaction's first SET: what the settings return to on
    // ROLLBACK, and what they become on COMMIT (session-level SETs kept,
    // SET LOCAL dropped), as in PostgreSQL.
    std::optional<Settings> settings_on_rollback, settings_on_commit;
  };

  // ---- transactions (session_txn.cc)
  Status EnsureTransaction();
  // `channel` gets ParameterStatus for settings the transaction's end
  // changes back (nullptr: sent before the next statement's results).
  Status CommitTransaction(ClientChannel* channel = nullptr);
  void RollbackTransaction(ClientChannel* channel = nullptr);
  // SET TRANSACTION / BEGIN options on the open transaction.
  Status ApplyTransactionOptions(const TransactionOptions& options);
  // Marks the transaction failed (in a block) or rolls it back (implicit).
  void AbortAfterError();
  void DropPortals();
  Status ExecuteTransactionStmt(const pg_query::TransactionStmt& stmt, ClientChannel& channel);
  // Refreshes the catalog view at a statement boundary.
  void StartStatement();
  // 25006 when the transaction is READ ONLY; `what` names the statement.
  Status CheckWritable(std::string_view what) const;

  // ---- transaction-scoped settings (session_txn_settings.cc)
  // Before a SET inside a transaction: snapshot the settings once.
  void SnapshotSettingsForTransaction();
  // Applies a session-level change made inside a transaction to the
  // settings the transaction will leave on COMMIT as well.
  void ApplyToCommitSettings(const std::function<void(Settings&)>& change);
  // At transaction end: the snapshot for `committed`, then the
  // per-transaction parameters back to their defaults. Changed reported
  // values go to `channel`, or wait for the next statement's channel.
  void EndTransactionSettings(bool committed, ClientChannel* channel);
  void RestoreSettings(Settings target, ClientChannel* channel);
  void SendPendingParameterStatus(ClientChannel& channel);

  // ---- statements (session_exec.cc)
  Result<std::shared_ptr<PreparedStatement>> Prepare(std::string_view sql,
                                                     std::shared_ptr<const ParsedQuery> parsed,
                                                     const ParsedStatement* statement,
                                                     std::vector<Oid> param_types);
  Result<std::shared_ptr<BoundQuery>> PlanFor(PreparedStatement& prepared, bool* shared);
  // `io` (nullptr: the session's settings, which cannot name reg* values)
  // must outlive the context.
  std::unique_ptr<ExecContext> NewExecContext(const std::vector<Value>* params,
                                              const types::IoContext* io = nullptr);
  // The I/O context of a statement about to run in the open transaction.
  std::unique_ptr<StatementIo> NewStatementIo() const;
  // Plans and opens a plannable portal inside the (implicit) transaction.
  Status StartPortal(Portal& portal);
  Result<ExecuteOutcome> RunPortal(Portal& portal, int64_t max_rows, ClientChannel& channel,
                                   bool send_description);
  Status RunUtility(const ParsedStatement& statement, ClientChannel& channel, bool send_description);
  std::vector<ColumnDescription> Describe(const std::vector<OutputColumn>& columns,
                                          const std::vector<Format>& formats) const;
  BindContext MakeBindContext(std::vector<Oid>* param_types);
  bool IsTransactionExit(const pg_query::Node& node) const;

  // ---- settings (session_settings.cc)
  Status ExecuteSet(const pg_query::VariableSetStmt& stmt, ClientChannel& channel);
  Status ExecuteShow(const pg_query::VariableShowStmt& stmt, ClientChannel& channel,
                     bool send_description);
  Status ExecuteDiscard(const pg_query::DiscardStmt& stmt, ClientChannel& channel);
  // SET / SET LOCAL / RESET (nullopt value) of one parameter, scoped to the
  // transaction as PostgreSQL does; a changed reported value goes to
  // `channel` (nullptr: before the next statement's results).
  Result<std::string> ChangeSetting(std::string_view name, const std::optional<std::string>& value,
                                    bool is_local, ClientChannel* channel);
  // functions::SessionSettingsAccess, for current_setting() and set_config().
  Result<std::optional<std::string>> GetSetting(std::string_view name,
                                                bool missing_ok) const override;
  Result<std::string> SetSetting(std::string_view name, const std::optional<std::string>& value,
                                 bool is_local) override;
  void SyncSessionInfo();
  // txid_current(): the open transaction's id, taken on first use.
  Result<int64_t> TransactionId();

  // ---- DDL (ddl_*.cc) and COPY (copy_*.cc)
  Status ExecuteDdl(const pg_query::Node& node, ClientChannel& channel);
  Status ExecuteCopy(const pg_query::CopyStmt& stmt, ClientChannel& channel);
  // EXPLAIN: the plan's shape, one row per line (session_explain.cc).
  Status ExecuteExplain(const pg_query::ExplainStmt& stmt, ClientChannel& channel,
                        bool send_description);
  // DECLARE / FETCH / MOVE / CLOSE of SQL cursors (session_cursors.cc).
  Status DeclareCursor(const pg_query::DeclareCursorStmt& stmt, ClientChannel& channel);
  Status FetchCursor(const pg_query::FetchStmt& stmt, ClientChannel& channel);
  Status CloseCursor(const pg_query::ClosePortalStmt& stmt, ClientChannel& channel);
  // PREPARE / EXECUTE (session_prepare.cc).
  Status PrepareStatement(const ParsedStatement& statement, const pg_query::PrepareStmt& stmt,
                          ClientChannel& channel);
  Status ExecutePrepared(const pg_query::ExecuteStmt& stmt, ClientChannel& channel,
                         bool send_description);
  // EXECUTE's statement, and its argument values in the parameter types
  // (for EXECUTE and EXPLAIN EXECUTE). REQUIRES: a transaction.
  Result<std::shared_ptr<PreparedStatement>> FindPreparedForExecute(
      const pg_query::ExecuteStmt& stmt);
  Result<std::vector<Value>> ExecuteArguments(const pg_query::ExecuteStmt& stmt,
                                              const PreparedStatement& prepared);

  friend class DdlExecutor;

  DatabaseImpl& db_;
  SessionOptions options_;
  Settings settings_;
  catalog::SessionInfo info_;
  SessionVariables variables_;
  std::atomic<bool> cancel_{false};
  std::optional<Txn> txn_;
  std::map<std::string, std::shared_ptr<PreparedStatement>> statements_;
  std::map<std::string, std::unique_ptr<Portal>> portals_;
  Portal* running_portal_ = nullptr;  // the portal Execute is running, if any
  // Isolation requested by BEGIN ISOLATION LEVEL / SET TRANSACTION before
  // the transaction's first statement.
  std::optional<mvcc::IsolationLevel> pending_isolation_;
  std::optional<bool> pending_read_only_;
  // Reported parameters changed where no channel was at hand (a transaction
  // ended by Sync), sent before the next statement's results.
  std::vector<std::pair<std::string, std::string>> pending_parameter_status_;
};

// Microseconds since 2000-01-01 00:00 UTC (PostgreSQL's timestamp epoch).
int64_t NowPostgresMicros();

}  // namespace db9::sql
