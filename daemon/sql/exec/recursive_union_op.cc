#include "daemon/sql/exec/recursive_union_op.h"

#include "daemon/sql/exec/group_key.h"

namespace db9::sql {

WorkTableScanOp::WorkTableScanOp(std::shared_ptr<WorkTable> table, std::vector<OutputColumn> out)
    : table_(std::move(table)) {
  columns = std::move(out);
}

Status WorkTableScanOp::Open(ExecContext&) {
  position_ = 0;
  return Status::OK();
}

Result<bool> WorkTableScanOp::Next(ExecContext&, Row* row) {
  if (position_ >= table_->rows.size()) return false;
  *row = table_->rows[position_++];
  return true;
}

RecursiveUnionOp::RecursiveUnionOp(OperatorPtr non_recursive, OperatorPtr recursive,
                                   std::shared_ptr<WorkTable> table, bool distinct)
    : non_recursive_(std::move(non_recursive)), recursive_(std::move(recursive)),
      table_(std::move(table)), distinct_(distinct) {
  columns = non_recursive_->columns;
}

Status RecursiveUnionOp::Open(ExecContext& ctx) {
  in_recursive_ = false;
  produced_.clear();
  seen_.clear();
  table_->rows.clear();
  rows_since_check_ = 0;
  return non_recursive_->Open(ctx);
}

Result<bool> RecursiveUnionOp::Next(ExecContext& ctx, Row* row) {
  constexpr uint64_t kCheckEvery = 4096;
  while (true) {
    Operator& source = in_recursive_ ? *recursive_ : *non_recursive_;
    DB9_ASSIGN_OR_RETURN(bool more, source.Next(ctx, row));
    if (more) {
      if (++rows_since_check_ % kCheckEvery == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
      if (distinct_) {
        DB9_ASSIGN_OR_RETURN(std::string key, GroupKey(ctx.types(), *row));
        if (!seen_.insert(std::move(key)).second) continue;
      }
      produced_.push_back(*row);
      return true;
    }
    // The round is over: its rows feed the next one, if there are any.
    if (produced_.empty()) return false;
    DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    table_->rows = std::move(produced_);
    produced_.clear();
    in_recursive_ = true;
    DB9_RETURN_IF_ERROR(recursive_->Open(ctx));
  }
}

}  // namespace db9::sql
