#include "daemon/sql/exec/distinct_on_op.h"

#include "daemon/sql/exec/group_key.h"

namespace db9::sql {

DistinctOnOp::DistinctOnOp(OperatorPtr input, std::vector<int> key_columns)
    : input_(std::move(input)), key_columns_(std::move(key_columns)) {
  columns = input_->columns;
}

Status DistinctOnOp::Open(ExecContext& ctx) {
  seen_.clear();
  return input_->Open(ctx);
}

Result<bool> DistinctOnOp::Next(ExecContext& ctx, Row* row) {
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
    if (!more) return false;
    std::string key;
    for (int c : key_columns_) DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), (*row)[c], &key));
    if (seen_.insert(std::move(key)).second) return true;
  }
}

}  // namespace db9::sql
