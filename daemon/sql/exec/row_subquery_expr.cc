#include "daemon/sql/exec/row_subquery_expr.h"

namespace db9::sql {

Result<Value> RowSubqueryExpr::Eval(ExecContext& ctx, const Row& row) const {
  Row combined;
  for (const ExprPtr& e : lhs) {
    DB9_ASSIGN_OR_RETURN(Value v, e->Eval(ctx, row));
    combined.push_back(std::move(v));
  }
  const size_t width = combined.size();
  OuterRowScope scope(ctx, &row);
  DB9_RETURN_IF_ERROR(plan->Open(ctx));
  bool saw_null = false;
  Row sub;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, plan->Next(ctx, &sub));
    if (!more) break;
    combined.resize(width);
    combined.insert(combined.end(), sub.begin(), sub.end());
    DB9_ASSIGN_OR_RETURN(Value t, test->Eval(ctx, combined));
    if (t.is_null()) {
      saw_null = true;
    } else if (t.as_bool() == any) {
      return Value::Bool(any);
    }
  }
  if (saw_null) return Value::Null(types::oid::kBool);
  return Value::Bool(!any);
}

}  // namespace db9::sql
