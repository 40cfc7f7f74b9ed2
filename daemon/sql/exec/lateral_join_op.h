// LateralJoinOp: a join whose right side reads the current left row
// (LATERAL subqueries, functions in FROM taking earlier items' columns).
// For each left row the right plan is re-opened with that row pushed onto
// ctx.outer_rows — the right side was bound with the left items' columns
// as its enclosing scope — and its rows are joined under `condition`
// (over the combined row; may be null). INNER or LEFT only, as PostgreSQL
// allows for a LATERAL reference.
#pragma once

#include "daemon/sql/exec/join_ops.h"

namespace db9::sql {

class LateralJoinOp final : public Operator {
 public:
  LateralJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, ExprPtr condition);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  // Runs `right_` with the left row visible as the innermost outer row.
  Status OpenRight(ExecContext& ctx);
  Result<bool> NextRight(ExecContext& ctx, Row* row);

  JoinKind kind_;
  OperatorPtr left_, right_;
  ExprPtr condition_;
  Row left_row_;  // stable address: pushed onto ctx.outer_rows
  bool have_left_ = false, left_matched_ = false;
  size_t right_width_;
};

}  // namespace db9::sql
