#include "daemon/sql/exec/cte_prelude_op.h"

namespace db9::sql {

CtePreludeOp::CtePreludeOp(std::vector<OperatorPtr> first, OperatorPtr main)
    : first_(std::move(first)), main_(std::move(main)) {
  columns = main_->columns;
}

Status CtePreludeOp::Open(ExecContext& ctx) {
  Row row;
  for (OperatorPtr& op : first_) {
    DB9_RETURN_IF_ERROR(op->Open(ctx));
    while (true) {
      DB9_ASSIGN_OR_RETURN(bool more, op->Next(ctx, &row));
      if (!more) break;
    }
  }
  return main_->Open(ctx);
}

}  // namespace db9::sql
