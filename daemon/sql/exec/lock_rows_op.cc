#include "daemon/sql/exec/lock_rows_op.h"

#include "daemon/catalog/row_keys.h"

namespace db9::sql {

LockRowsOp::LockRowsOp(OperatorPtr input, std::vector<LockedTable> tables,
                       std::vector<ExprPtr> projection, ExprPtr recheck)
    : input_(std::move(input)), tables_(std::move(tables)), projection_(std::move(projection)),
      recheck_(std::move(recheck)) {
  columns = input_->columns;
}

Result<bool> LockRowsOp::LockOne(ExecContext& ctx, const LockedTable& locked, Row* from_row,
                                 bool* changed) {
  const std::string key = (*from_row)[locked.row_key].as_string();
  const mvcc::LockWait wait =
      locked.wait == RowLockWait::kBlock ? mvcc::LockWait::kBlock : mvcc::LockWait::kNoWait;
  Result<mvcc::LockResult> lock = ctx.txn->LockForWrite(key, wait);
  if (!lock.ok()) {
    if (lock.status().sqlstate() != sqlstate::kLockNotAvailable) return lock.status();
    if (locked.wait == RowLockWait::kSkipLocked) return false;
    return Status::Error(sqlstate::kLockNotAvailable,
                         "could not obtain lock on row in relation \"" + locked.table->name + "\"");
  }
  if (!lock->changed_since_snapshot) return true;
  if (!lock->latest) return false;
  DB9_ASSIGN_OR_RETURN(Row latest, catalog::DecodeRow(*locked.table, *lock->latest));
  for (size_t i = 0; i < latest.size(); ++i) (*from_row)[locked.first_column + i] = std::move(latest[i]);
  *changed = true;
  return true;
}

Result<bool> LockRowsOp::Next(ExecContext& ctx, Row* row) {
  const size_t from_start = projection_.size();
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
    if (!more) return false;
    Row from_row(row->begin() + static_cast<std::ptrdiff_t>(from_start), row->end());
    bool keep = true, changed = false;
    for (const LockedTable& locked : tables_) {
      DB9_ASSIGN_OR_RETURN(keep, LockOne(ctx, locked, &from_row, &changed));
      if (!keep) break;
    }
    if (!keep) continue;
    if (!changed) return true;
    if (recheck_) {
      DB9_ASSIGN_OR_RETURN(bool still, EvalPredicate(*recheck_, ctx, from_row));
      if (!still) continue;
    }
    for (size_t i = 0; i < from_start; ++i) {
      DB9_ASSIGN_OR_RETURN((*row)[i], projection_[i]->Eval(ctx, from_row));
    }
    std::copy(from_row.begin(), from_row.end(), row->begin() + static_cast<std::ptrdiff_t>(from_start));
    return true;
  }
}

}  // namespace db9::sql
