#include "daemon/sql/exec/window_aggregate.h"

namespace db9::sql {

Status AggregateOverFrame::AddRows(functions::FunctionContext& ctx,
                                   const functions::WindowFrame& frame, int64_t from, int64_t to) {
  args_.resize(arg_count_);
  for (int64_t row = from; row < to; ++row) {
    if (!frame.InFrame(row)) continue;
    if (filtered_) {
      const Value& pass = frame.Argument(arg_count_, row);
      if (pass.is_null() || !pass.as_bool()) continue;
    }
    for (size_t i = 0; i < arg_count_; ++i) args_[i] = frame.Argument(i, row);
    DB9_RETURN_IF_ERROR(state_->Add(ctx, args_));
  }
  return Status::OK();
}

Result<Value> AggregateOverFrame::Compute(functions::FunctionContext& ctx,
                                          const functions::WindowFrame& frame) {
  const int64_t start = frame.frame_start(), end = frame.frame_end();
  // With EXCLUDE the rows depend on the current row, not only the bounds.
  const bool reusable = have_previous_ && !excluding_ && start == start_;
  if (reusable && end == end_) return value_;
  if (reusable && end > end_ && state_ != nullptr) {
    DB9_RETURN_IF_ERROR(AddRows(ctx, frame, end_, end));
  } else {
    state_ = aggregate_.create(ctx);
    if (!state_) return Status::Internal("aggregate state could not be created");
    DB9_RETURN_IF_ERROR(AddRows(ctx, frame, start, end));
  }
  DB9_ASSIGN_OR_RETURN(value_, state_->Finish(ctx));
  if (!state_->CanFinishRepeatedly()) state_.reset();
  have_previous_ = true;
  start_ = start;
  end_ = end;
  return value_;
}

}  // namespace db9::sql
