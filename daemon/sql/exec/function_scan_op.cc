#include "daemon/sql/exec/function_scan_op.h"

namespace db9::sql {

FunctionScanOp::FunctionScanOp(std::vector<SetFunctionCall> calls, bool ordinality,
                               std::vector<OutputColumn> out_columns)
    : calls_(std::move(calls)), ordinality_(ordinality) {
  columns = std::move(out_columns);
}

Status FunctionScanOp::Open(ExecContext& ctx) {
  running_.clear();
  ordinal_ = 0;
  const Row no_input;
  for (const SetFunctionCall& call : calls_) {
    DB9_ASSIGN_OR_RETURN(std::unique_ptr<functions::SetIterator> it, call.Start(ctx, no_input));
    running_.push_back(std::move(it));
  }
  return Status::OK();
}

Result<bool> FunctionScanOp::Next(ExecContext& ctx, Row* row) {
  DB9_RETURN_IF_ERROR(ctx.CheckCancel());
  Row out;
  bool any = false;
  Row part;
  for (size_t i = 0; i < calls_.size(); ++i) {
    bool more = false;
    if (running_[i] != nullptr) {
      DB9_ASSIGN_OR_RETURN(more, NextSetRow(calls_[i], *running_[i], ctx, &part));
      if (!more) running_[i].reset();
    }
    if (more) {
      any = true;
      for (Value& v : part) out.push_back(std::move(v));
    } else {
      for (const OutputColumn& c : calls_[i].columns) out.push_back(Value::Null(c.type));
    }
  }
  if (!any) return false;
  if (ordinality_) out.push_back(Value::Int8(++ordinal_));
  *row = std::move(out);
  return true;
}

}  // namespace db9::sql
