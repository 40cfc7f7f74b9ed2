// LockRowsOp: SELECT ... FOR UPDATE / FOR SHARE. Takes the write lock of
// each output row's row in every locked table, as PostgreSQL's LockRows
// node does: above the sort, below LIMIT, so LIMIT counts locked rows.
//
// Its input rows are the projection's columns followed by the whole row the
// projection was computed from (the FROM row, with the locked tables' row
// keys). Under READ COMMITTED, a row another transaction changed after the
// statement's snapshot is re-read after the wait: the newest version
// replaces the table's columns, WHERE is checked again and the projection is
// recomputed, so the caller sees (and holds) the row as it is now; a row
// deleted meanwhile or no longer matching is skipped. REPEATABLE READ gets
// 40001 from the lock instead.
//
// FOR SHARE and FOR KEY SHARE take the same exclusive lock as FOR UPDATE:
// stronger than PostgreSQL's shared row lock (two sharers wait for each
// other), never weaker.
#pragma once

#include "daemon/catalog/catalog.h"
#include "daemon/sql/exec/expr.h"
#include "daemon/sql/exec/operator.h"
#include "daemon/storage/mvcc/lock_table.h"

namespace db9::sql {

enum class RowLockWait { kBlock, kSkipLocked, kNoWait };

struct LockedTable {
  const catalog::Table* table = nullptr;
  int first_column = 0;  // of the table's columns in the FROM row
  int row_key = 0;       // position of its row key in the FROM row
  RowLockWait wait = RowLockWait::kBlock;
};

class LockRowsOp final : public Operator {
 public:
  // `projection`: the expressions (over the FROM row) of the first
  // projection.size() input columns; the FROM row starts right after them.
  // `recheck`: WHERE over the FROM row (may be null).
  LockRowsOp(OperatorPtr input, std::vector<LockedTable> tables, std::vector<ExprPtr> projection,
             ExprPtr recheck);
  Status Open(ExecContext& ctx) override { return input_->Open(ctx); }
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  // Locks one table's row of *row (an input row: projection, then FROM row).
  // false: skip the row (SKIP LOCKED, or deleted meanwhile). Sets *changed
  // when a newer version replaced its columns in the FROM row.
  Result<bool> LockOne(ExecContext& ctx, const LockedTable& locked, Row* row, bool* changed);

  OperatorPtr input_;
  std::vector<LockedTable> tables_;
  std::vector<ExprPtr> projection_;
  ExprPtr recheck_;
};

}  // namespace db9::sql
