#include "daemon/sql/exec/cte_scan_op.h"

namespace db9::sql {

CteScanOp::CteScanOp(std::shared_ptr<Operator> source, std::shared_ptr<MaterializedRows> store,
                     std::vector<OutputColumn> out_columns)
    : source_(std::move(source)), store_(std::move(store)) {
  columns = std::move(out_columns);
}

Status CteScanOp::Open(ExecContext& ctx) {
  position_ = 0;
  if (store_->execution_id == ctx.execution_id) return Status::OK();  // started already
  store_->rows.clear();
  store_->filled = false;
  store_->execution_id = ctx.execution_id;
  return source_->Open(ctx);
}

Result<bool> CteScanOp::Next(ExecContext& ctx, Row* row) {
  if (position_ < store_->rows.size()) {
    *row = store_->rows[position_++];
    return true;
  }
  if (store_->filled) return false;
  Row next;
  DB9_ASSIGN_OR_RETURN(bool more, source_->Next(ctx, &next));
  if (!more) {
    store_->filled = true;
    return false;
  }
  store_->rows.push_back(std::move(next));
  *row = store_->rows[position_++];
  return true;
}

}  // namespace db9::sql
