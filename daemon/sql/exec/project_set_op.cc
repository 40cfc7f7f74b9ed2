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
      running_.clear();
      for (const SetFunctionCall& call : calls_) {
        DB9_ASSIGN_OR_RETURN(std::unique_ptr<functions::SetIterator> it,
                             call.Start(ctx, input_row_));
        running_.push_back(std::move(it));
      }
    }
    Row out = input_row_;
    bool any = false;
    Row part;
    for (size_t i = 0; i < calls_.size(); ++i) {
      bool more = false;
      if (running_[i] != nullptr) {
        DB9_ASSIGN_OR_RETURN(more, NextSetRow(calls_[i], *running_[i], ctx, &part));
        if (!more) running_[i].reset();
      }
      any |= more;
      out.push_back(more ? std::move(part[0]) : Value::Null(calls_[i].columns[0].type));
    }
    if (any) {
      *row = std::move(out);
      return true;
    }
    // Every call finished on this input row: move to the next one.
    have_input_ = false;
  }
}

}  // namespace db9::sql
