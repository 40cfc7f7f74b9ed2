#include "daemon/sql/exec/array_subquery_expr.h"

#include "daemon/types/array_value.h"

namespace db9::sql {

Result<Value> ArraySubqueryExpr::Eval(ExecContext& ctx, const Row& row) const {
  if (!correlated && cache_.has_value() && cache_execution_ == ctx.execution_id) return *cache_;
  DB9_ASSIGN_OR_RETURN(Value v, Run(ctx, row));
  if (!correlated) {
    cache_ = v;
    cache_execution_ = ctx.execution_id;
  }
  return v;
}

Result<Value> ArraySubqueryExpr::Run(ExecContext& ctx, const Row& row) const {
  OuterRowScope scope(ctx, &row);
  DB9_RETURN_IF_ERROR(plan->Open(ctx));
  std::vector<Value> items;
  Row sub;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, plan->Next(ctx, &sub));
    if (!more) break;
    items.push_back(std::move(sub[0]));
  }
  return types::MakeArrayValue(type, types::ArrayValue::OneDim(element_type, std::move(items)));
}

}  // namespace db9::sql
