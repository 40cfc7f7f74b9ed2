#include "daemon/sql/exec/lateral_join_op.h"

namespace db9::sql {

LateralJoinOp::LateralJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, ExprPtr condition)
    : kind_(kind), left_(std::move(left)), right_(std::move(right)),
      condition_(std::move(condition)), right_width_(right_->columns.size()) {
  columns = left_->columns;
  columns.insert(columns.end(), right_->columns.begin(), right_->columns.end());
}

Status LateralJoinOp::Open(ExecContext& ctx) {
  have_left_ = false;
  return left_->Open(ctx);
}

Status LateralJoinOp::OpenRight(ExecContext& ctx) {
  OuterRowScope scope(ctx, &left_row_);
  return right_->Open(ctx);
}

Result<bool> LateralJoinOp::NextRight(ExecContext& ctx, Row* row) {
  OuterRowScope scope(ctx, &left_row_);
  return right_->Next(ctx, row);
}

Result<bool> LateralJoinOp::Next(ExecContext& ctx, Row* row) {
  Row right_row;
  while (true) {
    if (!have_left_) {
      DB9_RETURN_IF_ERROR(ctx.CheckCancel());
      DB9_ASSIGN_OR_RETURN(bool more, left_->Next(ctx, &left_row_));
      if (!more) return false;
      have_left_ = true;
      left_matched_ = false;
      DB9_RETURN_IF_ERROR(OpenRight(ctx));
    }
    DB9_ASSIGN_OR_RETURN(bool more, NextRight(ctx, &right_row));
    if (!more) {
      have_left_ = false;
      if (kind_ == JoinKind::kLeft && !left_matched_) {
        *row = left_row_;
        for (size_t i = 0; i < right_width_; ++i) {
          row->push_back(Value::Null(columns[left_row_.size() + i].type));
        }
        return true;
      }
      continue;
    }
    Row joined = left_row_;
    joined.insert(joined.end(), std::make_move_iterator(right_row.begin()),
                  std::make_move_iterator(right_row.end()));
    if (condition_ != nullptr) {
      DB9_ASSIGN_OR_RETURN(bool pass, EvalPredicate(*condition_, ctx, joined));
      if (!pass) continue;
    }
    left_matched_ = true;
    *row = std::move(joined);
    return true;
  }
}

}  // namespace db9::sql
