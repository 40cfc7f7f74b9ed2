#include "daemon/sql/exec/dml_ops.h"

#include "daemon/catalog/row_keys.h"

namespace db9::sql {

Result<bool> DmlOperator::EmitReturning(ExecContext& ctx, const Row& source, Row* row) {
  row->clear();
  for (const ExprPtr& expr : returning_) {
    DB9_ASSIGN_OR_RETURN(Value v, expr->Eval(ctx, source));
    row->push_back(std::move(v));
  }
  return true;
}

Result<bool> LockAndRecheck(ExecContext& ctx, const catalog::Table& table,
                            std::string_view row_key, const ExprPtr& recheck, Row* input) {
  DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx.txn->LockForWrite(row_key));
  if (!lock.changed_since_snapshot) return true;
  if (!lock.latest) return false;  // deleted by a transaction that committed meanwhile
  DB9_ASSIGN_OR_RETURN(Row latest, catalog::DecodeRow(table, *lock.latest));
  for (size_t i = 0; i < latest.size(); ++i) (*input)[i] = std::move(latest[i]);
  if (!recheck) return true;
  return EvalPredicate(*recheck, ctx, *input);
}

namespace {

// The key a row has after an update: a new primary key moves it.
Result<std::string> UpdatedRowKey(ExecContext& ctx, const catalog::Table& table,
                                  const std::string& old_key, const Row& updated) {
  if (table.primary_key() == nullptr) return old_key;
  std::string key = catalog::TableKeyPrefix(table.oid);
  DB9_RETURN_IF_ERROR(catalog::AppendPrimaryKey(ctx.types(), table, updated, &key));
  return key;
}

}  // namespace

InsertOp::InsertOp(OperatorPtr input, WriteTarget target, OnConflict on_conflict,
                   ConflictArbiters arbiters, ConflictUpdate conflict_update,
                   std::vector<ExprPtr> returning, std::vector<OutputColumn> returning_columns)
    : input_(std::move(input)), target_(std::move(target)), on_conflict_(on_conflict),
      arbiters_(std::move(arbiters)), conflict_update_(std::move(conflict_update)) {
  returning_ = std::move(returning);
  columns = std::move(returning_columns);
}

Result<bool> InsertOp::InsertOne(ExecContext& ctx, const Row& row, Row* written) {
  TableWriter writer(ctx, target_);
  const ConflictArbiters* arbiters = on_conflict_ == OnConflict::kError ? nullptr : &arbiters_;
  DB9_ASSIGN_OR_RETURN(InsertOutcome outcome, writer.Insert(row, arbiters));
  if (outcome.inserted) {
    if (on_conflict_ == OnConflict::kDoUpdate) written_keys_.insert(std::move(outcome.row_key));
    *written = row;
    return true;
  }
  if (on_conflict_ == OnConflict::kDoNothing) return false;
  if (written_keys_.count(outcome.conflicting_row_key) > 0) {
    return Status::Error(sqlstate::kCardinalityViolation,
                         "ON CONFLICT DO UPDATE command cannot affect row a second time")
        .WithHint("Ensure that no rows proposed for insertion within the same command have "
                  "duplicate constrained values.");
  }
  // DO UPDATE: the existing row, newest version, under its lock.
  const catalog::Table& table = *target_.table;
  DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx.txn->LockForWrite(outcome.conflicting_row_key));
  if (!lock.latest) {
    return Status::Error(sqlstate::kSerializationFailure,
                         "could not serialize access due to concurrent delete");
  }
  DB9_ASSIGN_OR_RETURN(Row existing, catalog::DecodeRow(table, *lock.latest));
  Row combined = existing;
  combined.insert(combined.end(), row.begin(), row.end());
  if (conflict_update_.where) {
    DB9_ASSIGN_OR_RETURN(bool pass, EvalPredicate(*conflict_update_.where, ctx, combined));
    if (!pass) return false;
  }
  Row updated = existing;
  for (size_t i = 0; i < conflict_update_.set.size(); ++i) {
    if (!conflict_update_.set[i]) continue;
    DB9_ASSIGN_OR_RETURN(updated[i], conflict_update_.set[i]->Eval(ctx, combined));
  }
  DB9_RETURN_IF_ERROR(writer.Update(outcome.conflicting_row_key, existing, updated));
  DB9_ASSIGN_OR_RETURN(std::string updated_key,
                       UpdatedRowKey(ctx, table, outcome.conflicting_row_key, updated));
  written_keys_.insert(std::move(updated_key));
  *written = std::move(updated);
  return true;
}

Result<bool> InsertOp::Next(ExecContext& ctx, Row* row) {
  Row input, written;
  while (!done_) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &input));
    if (!more) {
      done_ = true;
      break;
    }
    DB9_ASSIGN_OR_RETURN(bool wrote, InsertOne(ctx, input, &written));
    if (!wrote) continue;
    ++rows_affected_;
    if (!returning_.empty()) return EmitReturning(ctx, written, row);
  }
  return false;
}

UpdateOp::UpdateOp(OperatorPtr input, WriteTarget target, std::vector<ExprPtr> set,
                   ExprPtr recheck, std::vector<ExprPtr> returning,
                   std::vector<OutputColumn> returning_columns)
    : input_(std::move(input)), target_(std::move(target)), set_(std::move(set)),
      recheck_(std::move(recheck)) {
  returning_ = std::move(returning);
  columns = std::move(returning_columns);
}

Result<bool> DmlOperator::NextLockedRow(ExecContext& ctx, Operator& input,
                                        const catalog::Table& table, const ExprPtr& recheck,
                                        Row* row, std::string* key) {
  while (!done_) {
    DB9_ASSIGN_OR_RETURN(bool more, input.Next(ctx, row));
    if (!more) {
      done_ = true;
      break;
    }
    *key = (*row)[table.columns.size()].as_string();
    DB9_ASSIGN_OR_RETURN(bool keep, LockAndRecheck(ctx, table, *key, recheck, row));
    if (keep) return true;
  }
  return false;
}

Result<bool> UpdateOp::Next(ExecContext& ctx, Row* row) {
  const catalog::Table& table = *target_.table;
  const size_t n = table.columns.size();
  Row input;
  std::string key;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool found, NextLockedRow(ctx, *input_, table, recheck_, &input, &key));
    if (!found) return false;
    Row old_row(input.begin(), input.begin() + n);
    Row new_row = old_row;
    for (size_t i = 0; i < n; ++i) {
      if (!set_[i]) continue;
      DB9_ASSIGN_OR_RETURN(new_row[i], set_[i]->Eval(ctx, input));
    }
    TableWriter writer(ctx, target_);
    DB9_RETURN_IF_ERROR(writer.Update(key, old_row, new_row));
    ++rows_affected_;
    if (!returning_.empty()) {
      for (size_t i = 0; i < n; ++i) input[i] = new_row[i];
      return EmitReturning(ctx, input, row);
    }
  }
}

DeleteOp::DeleteOp(OperatorPtr input, WriteTarget target, ExprPtr recheck,
                   std::vector<ExprPtr> returning, std::vector<OutputColumn> returning_columns)
    : input_(std::move(input)), target_(std::move(target)), recheck_(std::move(recheck)) {
  returning_ = std::move(returning);
  columns = std::move(returning_columns);
}

Result<bool> DeleteOp::Next(ExecContext& ctx, Row* row) {
  const catalog::Table& table = *target_.table;
  const size_t n = table.columns.size();
  Row input;
  std::string key;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool found, NextLockedRow(ctx, *input_, table, recheck_, &input, &key));
    if (!found) return false;
    // A row deleted earlier in this statement (duplicate join match) is gone.
    DB9_ASSIGN_OR_RETURN(std::optional<std::string> still, ctx.txn->Get(key));
    if (!still) continue;
    Row old_row(input.begin(), input.begin() + n);
    TableWriter writer(ctx, target_);
    DB9_RETURN_IF_ERROR(writer.Delete(key, old_row));
    ++rows_affected_;
    if (!returning_.empty()) return EmitReturning(ctx, input, row);
  }
}

}  // namespace db9::sql
