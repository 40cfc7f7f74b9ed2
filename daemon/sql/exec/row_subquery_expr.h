// (a, b) IN (SELECT x, y ...) and its ANY/ALL forms: a row of left-hand
// expressions compared with each subquery row. `test` is the combined
// column-wise comparison bound over the row {lhs values..., subquery
// columns...}; the answers combine with SQL's three-valued logic as for a
// single column (true wins for ANY, false wins for ALL, else NULL if any).
#pragma once

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

class RowSubqueryExpr final : public Expr {
 public:
  RowSubqueryExpr(bool any, std::vector<ExprPtr> lhs, std::shared_ptr<Operator> plan, ExprPtr test)
      : Expr(types::oid::kBool), any(any), lhs(std::move(lhs)), plan(std::move(plan)),
        test(std::move(test)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;

  bool any;  // ANY (IN) or ALL
  std::vector<ExprPtr> lhs;
  std::shared_ptr<Operator> plan;
  ExprPtr test;
};

}  // namespace db9::sql
