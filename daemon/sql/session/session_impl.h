// SessionImpl: the Session contract (session.h) over DatabaseImpl. This
// header is internal to daemon/sql/session: the statement executors in this
// folder (transaction control, settings, DDL, COPY) are member functions
// spread over several .cc files, each with one job.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/session/database_impl.h"
#include "daemon/sql/session/session.h"
#include "daemon/sql/session/settings.h"

namespace db9::sql {

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
  // Execution state, created by the first Execute.
  std::unique_ptr<ExecContext> ctx;
  std::shared_ptr<BoundQuery> plan;
  bool owns_plan_use = false;
  bool started = false;
  bool done = false;
};

class SessionImpl final : public Session {
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
  };
  struct Txn {
    std::unique_ptr<mvcc::Transaction> txn;
    std::shared_ptr<const catalog::CatalogState> catalog;  // this transaction's view
    bool catalog_changed = false;
    bool block = false;   // inside BEGIN ... COMMIT
    bool failed = false;
    std::vector<SavepointEntry> savepoints;
    int64_t start_micros = 0;  // since 2000-01-01 UTC
  };

  // ---- transactions (session_txn.cc)
  Status EnsureTransaction();
  Status CommitTransaction();
  void RollbackTransaction();
  // Marks the transaction failed (in a block) or rolls it back (implicit).
  void AbortAfterError();
  void DropPortals();
  Status ExecuteTransactionStmt(const pg_query::TransactionStmt& stmt, ClientChannel& channel);
  // Refreshes the catalog view at a statement boundary.
  void StartStatement();

  // ---- statements (session_exec.cc)
  Result<std::shared_ptr<PreparedStatement>> Prepare(std::string_view sql,
                                                     std::shared_ptr<const ParsedQuery> parsed,
                                                     const ParsedStatement* statement,
                                                     std::vector<Oid> param_types);
  Result<std::shared_ptr<BoundQuery>> PlanFor(PreparedStatement& prepared, bool* shared);
  std::unique_ptr<ExecContext> NewExecContext(const std::vector<Value>* params);
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
  Status SetParameter(const std::string& name, const std::string& value, ClientChannel* channel);
  void SyncSessionInfo();

  // ---- DDL (ddl_*.cc) and COPY (copy_*.cc)
  Status ExecuteDdl(const pg_query::Node& node, ClientChannel& channel);
  Status ExecuteCopy(const pg_query::CopyStmt& stmt, ClientChannel& channel);
  // DECLARE / FETCH / MOVE / CLOSE of SQL cursors (session_cursors.cc).
  Status DeclareCursor(const pg_query::DeclareCursorStmt& stmt, ClientChannel& channel);
  Status FetchCursor(const pg_query::FetchStmt& stmt, ClientChannel& channel);
  Status CloseCursor(const pg_query::ClosePortalStmt& stmt, ClientChannel& channel);

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
};

// Microseconds since 2000-01-01 00:00 UTC (PostgreSQL's timestamp epoch).
int64_t NowPostgresMicros();

}  // namespace db9::sql
