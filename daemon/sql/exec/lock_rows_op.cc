#include "daemon/sql/exec/lock_rows_op.h"

#include "daemon/catalog/row_keys.h"

namespace db9::sql {

LockRowsOp::LockRowsOp(OperatorPtr input, std::vector<LockedTable> tables,
                       std::vector<ExprPtr> projection, ExprPtr recheck)
    : input_(std::move(input)), tables_(std::move(tables)), projection_(std::move(projection)),
      recheck_(std::move(recheck)) {
  columns = input_->columns;
}

Result<bool> LockRowsOp::LockOne(ExecContext& ctx, const LockedTable& locked, Row* row, bool* changed) {
  const size_t from_start = projection_.size();
  const std::string key = (*row)[from_start + locked.row_key].as_string();
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
  for (size_t i = 0; i < latest.size(); ++i) (*row)[from_start + locked.first_column + i] = std::move(latest[i]);
  *changed = true;
  return true;
}

Result<bool> LockRowsOp::Next(ExecContext& ctx, Row* row) {
  const auto from_start = static_cast<std::ptrdiff_t>(projection_.size());
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
    if (!more) return false;
    bool keep = true, changed = false;
    for (const LockedTable& locked : tables_) {
      DB9_ASSIGN_OR_RETURN(keep, LockOne(ctx, locked, row, &changed));
      if (!keep) break;
    }
    if (!keep) continue;
    if (!changed) return true;
    // A newer version replaced columns of the FROM row: re-check WHERE and
    // recompute the projection from it.
    const Row from_row(row->begin() + from_start, row->end());
    if (recheck_) {
      DB9_ASSIGN_OR_RETURN(bool still, EvalPredicate(*recheck_, ctx, from_row));
      if (!still) continue;
    }
    for (size_t i = 0; i < projection_.size(); ++i) {
      DB9_ASSIGN_OR_RETURN((*row)[i], projection_[i]->Eval(ctx, from_row));
    }
    return true;
  }
}

}  // namespace db9::sql
