#include "daemon/sql/exec/project_set_op.h"

namespace db9::sql {

ProjectSetOp::ProjectSetOp(OperatorPtr input, std::vector<SetFunctionCall> calls)
    : input_(std::move(input)), calls_(std::move(calls)) {
  columns = input_->columns;
  for (const SetFunctionCall& call : calls_) columns.push_back(call.columns[0]);
}

Status ProjectSetOp::Open(ExecContext& ctx) {
  have_input_ = false;
  running_.clear();
  return input_->Open(ctx);
}

Result<bool> ProjectSetOp::Next(ExecContext& ctx, Row* row) {
  while (true) {
    DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    if (!have_input_) {
      DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &input_row_));
      if (!more) return false;
      have_input_ = true;
      DB9_RETURN_IF_ERROR(StartCalls(calls_, ctx, input_row_, &running_));
    }
    Row out = input_row_;
    DB9_ASSIGN_OR_RETURN(bool any, AdvanceCalls(calls_, running_, ctx, &out));
    if (any) {
      *row = std::move(out);
      return true;
    }
    // Every call finished on this input row: move to the next one.
    have_input_ = false;
  }
}

}  // namespace db9::sql
