#include "daemon/sql/exec/function_scan_op.h"

namespace db9::sql {

FunctionScanOp::FunctionScanOp(std::vector<SetFunctionCall> calls, bool ordinality,
                               std::vector<OutputColumn> out_columns)
    : calls_(std::move(calls)), ordinality_(ordinality) {
  columns = std::move(out_columns);
}

Status FunctionScanOp::Open(ExecContext& ctx) {
  ordinal_ = 0;
  return StartCalls(calls_, ctx, Row(), &running_);
}

Result<bool> FunctionScanOp::Next(ExecContext& ctx, Row* row) {
  DB9_RETURN_IF_ERROR(ctx.CheckCancel());
  Row out;
  DB9_ASSIGN_OR_RETURN(bool any, AdvanceCalls(calls_, running_, ctx, &out));
  if (!any) return false;
  if (ordinality_) out.push_back(Value::Int8(++ordinal_));
  *row = std::move(out);
  return true;
}

}  // namespace db9::sql
