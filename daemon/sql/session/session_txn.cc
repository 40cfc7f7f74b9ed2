// Transaction control with PostgreSQL's semantics: implicit transactions,
// BEGIN/COMMIT/ROLLBACK, savepoints, the failed state, isolation levels.
#include <chrono>

#include "daemon/sql/session/session_impl.h"

namespace db9::sql {
namespace {

mvcc::IsolationLevel IsolationFromSetting(const std::string& value) {
  if (value == "repeatable read") return mvcc::IsolationLevel::kRepeatableRead;
  if (value == "serializable") return mvcc::IsolationLevel::kSerializable;
  return mvcc::IsolationLevel::kReadCommitted;
}

const char* IsolationSetting(mvcc::IsolationLevel level) {
  switch (level) {
    case mvcc::IsolationLevel::kRepeatableRead: return "repeatable read";
    case mvcc::IsolationLevel::kSerializable: return "serializable";
    default: return "read committed";
  }
}

// BEGIN / SET TRANSACTION options: ISOLATION LEVEL x, READ ONLY/WRITE, ...
Result<std::optional<mvcc::IsolationLevel>> IsolationOption(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& options) {
  std::optional<mvcc::IsolationLevel> level;
  for (const pg_query::Node& n : options) {
    if (!n.has_def_elem()) continue;
    const pg_query::DefElem& d = n.def_elem();
    if (d.defname() != "transaction_isolation") continue;  // read only/deferrable: accepted
    std::string v = d.arg().has_a_const() && d.arg().a_const().has_sval()
                        ? d.arg().a_const().sval().sval()
                        : "";
    if (v == "read committed" || v == "read uncommitted") {
      level = mvcc::IsolationLevel::kReadCommitted;
    } else if (v == "repeatable read") {
      level = mvcc::IsolationLevel::kRepeatableRead;
    } else if (v == "serializable") {
      level = mvcc::IsolationLevel::kSerializable;
    } else {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "invalid value for parameter \"transaction_isolation\": \"" + v + "\"");
    }
  }
  return level;
}

}  // namespace

int64_t NowPostgresMicros() {
  using namespace std::chrono;
  constexpr int64_t kUnixToPostgresMicros = 946684800LL * 1000000;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() -
         kUnixToPostgresMicros;
}

Status SessionImpl::EnsureTransaction() {
  if (txn_) return Status::OK();
  mvcc::IsolationLevel level = pending_isolation_.value_or(
      IsolationFromSetting(settings_.Show("default_transaction_isolation").value()));
  pending_isolation_.reset();
  Txn t;
  t.txn = db_.txn_manager().Begin(level);
  t.txn->SetCancelFlag(&cancel_);
  t.catalog = db_.catalog().Committed();
  t.start_micros = NowPostgresMicros();
  txn_ = std::move(t);
  bool ignored;
  (void)settings_.Set("transaction_isolation", IsolationSetting(level), &ignored);
  return Status::OK();
}

void SessionImpl::StartStatement() {
  if (!txn_) return;
  txn_->txn->StartStatement();
  // READ COMMITTED sees DDL committed by others since the last statement.
  if (!txn_->catalog_changed) txn_->catalog = db_.catalog().Committed();
}

void SessionImpl::DropPortals() {
  // Portals do not outlive their transaction; the one running the COMMIT
  // or ROLLBACK itself finishes first.
  for (auto it = portals_.begin(); it != portals_.end();) {
    it = it->second.get() == running_portal_ ? std::next(it) : portals_.erase(it);
  }
}

Status SessionImpl::CommitTransaction() {
  if (!txn_) return Status::OK();
  DropPortals();
  bool reload = txn_->catalog_changed;
  Status status = txn_->txn->Commit();
  txn_.reset();
  if (status.ok() && reload) status = db_.catalog().Reload();
  return status;
}

void SessionImpl::RollbackTransaction() {
  if (!txn_) return;
  DropPortals();
  txn_->txn->Rollback();
  txn_.reset();
}

void SessionImpl::AbortAfterError() {
  if (!txn_) return;
  if (txn_->block) {
    txn_->failed = true;
  } else {
    RollbackTransaction();
  }
}

bool SessionImpl::IsTransactionExit(const pg_query::Node& node) const {
  if (!node.has_transaction_stmt()) return false;
  switch (node.transaction_stmt().kind()) {
    case pg_query::TRANS_STMT_COMMIT:
    case pg_query::TRANS_STMT_ROLLBACK:
    case pg_query::TRANS_STMT_ROLLBACK_TO: return true;
    default: return false;
  }
}

Status SessionImpl::ExecuteTransactionStmt(const pg_query::TransactionStmt& stmt,
                                           ClientChannel& channel) {
  switch (stmt.kind()) {
    case pg_query::TRANS_STMT_BEGIN:
    case pg_query::TRANS_STMT_START: {
      DB9_ASSIGN_OR_RETURN(std::optional<mvcc::IsolationLevel> level, IsolationOption(stmt.options()));
      if (txn_ && txn_->block) {
        channel.SendNotice(Status::Warning("there is already a transaction in progress"));
      } else {
        if (!txn_) {
          if (level) pending_isolation_ = level;
          DB9_RETURN_IF_ERROR(EnsureTransaction());
        } else if (level) {
          DB9_RETURN_IF_ERROR(txn_->txn->SetIsolation(*level));
        }
        txn_->block = true;
      }
      channel.SendCommandComplete(stmt.kind() == pg_query::TRANS_STMT_BEGIN ? "BEGIN"
                                                                             : "START TRANSACTION");
      return Status::OK();
    }
    case pg_query::TRANS_STMT_COMMIT: {
      if (stmt.chain()) return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: COMMIT AND CHAIN");
      if (!txn_ || !txn_->block) {
        channel.SendNotice(Status::Warning("there is no transaction in progress"));
        DB9_RETURN_IF_ERROR(CommitTransaction());
        channel.SendCommandComplete("COMMIT");
        return Status::OK();
      }
      if (txn_->failed) {
        RollbackTransaction();
        channel.SendCommandComplete("ROLLBACK");
        return Status::OK();
      }
      DB9_RETURN_IF_ERROR(CommitTransaction());
      channel.SendCommandComplete("COMMIT");
      return Status::OK();
    }
    case pg_query::TRANS_STMT_ROLLBACK: {
      if (stmt.chain()) return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: ROLLBACK AND CHAIN");
      if (!txn_ || !txn_->block) {
        channel.SendNotice(Status::Warning("there is no transaction in progress"));
      }
      RollbackTransaction();
      channel.SendCommandComplete("ROLLBACK");
      return Status::OK();
    }
    case pg_query::TRANS_STMT_SAVEPOINT: {
      if (!txn_ || !txn_->block) {
        return Status::Error(sqlstate::kNoActiveSqlTransaction,
                             "SAVEPOINT can only be used in transaction blocks");
      }
      SavepointEntry entry;
      entry.name = stmt.savepoint_name();
      entry.id = txn_->txn->Savepoint();
      entry.catalog = txn_->catalog;
      entry.catalog_changed = txn_->catalog_changed;
      txn_->savepoints.push_back(std::move(entry));
      channel.SendCommandComplete("SAVEPOINT");
      return Status::OK();
    }
    case pg_query::TRANS_STMT_RELEASE:
    case pg_query::TRANS_STMT_ROLLBACK_TO: {
      bool release = stmt.kind() == pg_query::TRANS_STMT_RELEASE;
      if (!txn_ || !txn_->block) {
        return Status::Error(sqlstate::kNoActiveSqlTransaction,
                             std::string(release ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT") +
                                 " can only be used in transaction blocks");
      }
      auto& sps = txn_->savepoints;
      int found = -1;
      for (int i = static_cast<int>(sps.size()) - 1; i >= 0; --i) {
        if (sps[i].name == stmt.savepoint_name()) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return Status::Error("3B001", "savepoint \"" + stmt.savepoint_name() + "\" does not exist");
      }
      if (release) {
        if (txn_->failed) {
          return Status::Error(sqlstate::kInFailedSqlTransaction,
                               "current transaction is aborted, commands ignored until end of transaction block");
        }
        for (int i = static_cast<int>(sps.size()) - 1; i >= found; --i) {
          DB9_RETURN_IF_ERROR(txn_->txn->ReleaseSavepoint(sps[i].id));
        }
        sps.resize(found);
        channel.SendCommandComplete("RELEASE");
      } else {
        DB9_RETURN_IF_ERROR(txn_->txn->RollbackToSavepoint(sps[found].id));
        txn_->catalog = sps[found].catalog;
        txn_->catalog_changed = sps[found].catalog_changed;
        sps.resize(found + 1);  // the savepoint itself stays
        txn_->failed = false;
        channel.SendCommandComplete("ROLLBACK");
      }
      return Status::OK();
    }
    case pg_query::TRANS_STMT_PREPARE:
    case pg_query::TRANS_STMT_COMMIT_PREPARED:
    case pg_query::TRANS_STMT_ROLLBACK_PREPARED:
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "feature not supported: prepared transactions (two-phase commit)");
    default: break;
  }
  return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: this transaction command");
}

}  // namespace db9::sql
