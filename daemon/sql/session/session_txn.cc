// Transaction control with PostgreSQL's semantics: implicit transactions,
// BEGIN/COMMIT/ROLLBACK, savepoints, the failed state, isolation levels.
#include <chrono>

#include "daemon/sql/session/session_impl.h"

namespace db9::sql {

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

Result<TransactionOptions> ParseTransactionOptions(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& options) {
  TransactionOptions out;
  for (const pg_query::Node& n : options) {
    if (!n.has_def_elem()) continue;
    const pg_query::DefElem& d = n.def_elem();
    const pg_query::A_Const* value = d.arg().has_a_const() ? &d.arg().a_const() : nullptr;
    if (d.defname() == "transaction_read_only") {
      // The grammar gives READ ONLY / READ WRITE as an integer 1 / 0.
      out.read_only = value != nullptr && value->has_ival() && value->ival().ival() != 0;
      continue;
    }
    if (d.defname() != "transaction_isolation") continue;  // DEFERRABLE: accepted
    std::string v = value != nullptr && value->has_sval() ? value->sval().sval() : "";
    if (v == "read committed" || v == "read uncommitted") {
      out.isolation = mvcc::IsolationLevel::kReadCommitted;
    } else if (v == "repeatable read") {
      out.isolation = mvcc::IsolationLevel::kRepeatableRead;
    } else if (v == "serializable") {
      out.isolation = mvcc::IsolationLevel::kSerializable;
    } else {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "invalid value for parameter \"transaction_isolation\": \"" + v + "\"");
    }
  }
  return out;
}

Status SessionImpl::ApplyTransactionOptions(const TransactionOptions& options) {
  if (options.isolation) {
    DB9_RETURN_IF_ERROR(txn_->txn->SetIsolation(*options.isolation));
    bool ignored;
    (void)settings_.Set("transaction_isolation", IsolationSetting(*options.isolation), &ignored);
  }
  if (options.read_only) {
    txn_->read_only = *options.read_only;
    bool ignored;
    (void)settings_.Set("transaction_read_only", *options.read_only ? "on" : "off", &ignored);
  }
  return Status::OK();
}

int64_t NowPostgresMicros() {
  using namespace std::chrono;
  constexpr int64_t kUnixToPostgresMicros = 946684800LL * 1000000;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() -
         kUnixToPostgresMicros;
}

Status SessionImpl::EnsureTransaction() {
  if (txn_) return Status::OK();
  mvcc::IsolationLevel level = pending_isolation_.value_or(
      IsolationFromSetting(settings_.Get("default_transaction_isolation")));
  bool read_only =
      pending_read_only_.value_or(settings_.Get("default_transaction_read_only") == "on");
  pending_isolation_.reset();
  pending_read_only_.reset();
  Txn t;
  t.txn = db_.txn_manager().Begin(level);
  t.txn->SetCancelFlag(&cancel_);
  t.catalog = db_.catalog().Committed();
  t.start_micros = NowPostgresMicros();
  t.read_only = read_only;
  txn_ = std::move(t);
  settings_.SetTransactionState(IsolationSetting(level), read_only);
  return Status::OK();
}

Result<int64_t> SessionImpl::TransactionId() {
  DB9_RETURN_IF_ERROR(EnsureTransaction());
  if (txn_->transaction_id == 0) {
    DB9_ASSIGN_OR_RETURN(txn_->transaction_id,
                         db_.sequences().NextValue(catalog::TransactionIdSequence()));
  }
  return txn_->transaction_id;
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

Status SessionImpl::CheckWritable(std::string_view what) const {
  if (!txn_ || !txn_->read_only) return Status::OK();
  return Status::Error(sqlstate::kReadOnlySqlTransaction,
                       "cannot execute " + std::string(what) + " in a read-only transaction");
}

Status SessionImpl::CommitTransaction(ClientChannel* channel) {
  if (!txn_) return Status::OK();
  DropPortals();
  bool reload = txn_->catalog_changed;
  Status status = txn_->txn->Commit();
  EndTransactionSettings(status.ok(), channel);
  txn_.reset();
  if (status.ok() && reload) status = db_.catalog().Reload();
  return status;
}

void SessionImpl::RollbackTransaction(ClientChannel* channel) {
  if (!txn_) return;
  DropPortals();
  txn_->txn->Rollback();
  EndTransactionSettings(false, channel);
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
      DB9_ASSIGN_OR_RETURN(TransactionOptions options, ParseTransactionOptions(stmt.options()));
      if (txn_ && txn_->block) {
        channel.SendNotice(Status::Warning("there is already a transaction in progress"));
      } else {
        if (!txn_) {
          if (options.isolation) pending_isolation_ = options.isolation;
          if (options.read_only) pending_read_only_ = options.read_only;
          DB9_RETURN_IF_ERROR(EnsureTransaction());
        } else {
          DB9_RETURN_IF_ERROR(ApplyTransactionOptions(options));
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
        DB9_RETURN_IF_ERROR(CommitTransaction(&channel));
        channel.SendCommandComplete("COMMIT");
        return Status::OK();
      }
      if (txn_->failed) {
        RollbackTransaction(&channel);
        channel.SendCommandComplete("ROLLBACK");
        return Status::OK();
      }
      DB9_RETURN_IF_ERROR(CommitTransaction(&channel));
      channel.SendCommandComplete("COMMIT");
      return Status::OK();
    }
    case pg_query::TRANS_STMT_ROLLBACK: {
      if (stmt.chain()) return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: ROLLBACK AND CHAIN");
      if (!txn_ || !txn_->block) {
        channel.SendNotice(Status::Warning("there is no transaction in progress"));
      }
      RollbackTransaction(&channel);
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
      if (txn_->settings_on_rollback) {
        entry.settings = settings_;
        entry.settings_on_commit = txn_->settings_on_commit;
      }
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
        if (txn_->settings_on_rollback) {
          // Without a snapshot of its own the savepoint predates every SET.
          SavepointEntry& sp = sps[found];
          txn_->settings_on_commit =
              sp.settings ? sp.settings_on_commit : txn_->settings_on_rollback;
          RestoreSettings(sp.settings ? *sp.settings : *txn_->settings_on_rollback, &channel);
        }
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
