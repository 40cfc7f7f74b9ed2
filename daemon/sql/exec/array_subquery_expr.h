// ARRAY(SELECT ...): the subquery's single column collected into a
// one-dimensional array, in the subquery's row order; no rows give an
// empty array (not NULL), as in PostgreSQL. Like SubqueryExpr, the plan
// runs with the current row pushed onto ctx.outer_rows, and an
// uncorrelated one runs once per execution.
#pragma once

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

class ArraySubqueryExpr final : public Expr {
 public:
  ArraySubqueryExpr(std::shared_ptr<Operator> plan, Oid element_type, Oid array_type,
                    bool correlated)
      : Expr(array_type), plan(std::move(plan)), element_type(element_type),
        correlated(correlated) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;

  std::shared_ptr<Operator> plan;
  Oid element_type;
  bool correlated;

 private:
  Result<Value> Run(ExecContext& ctx, const Row& row) const;
  mutable std::optional<Value> cache_;
  mutable uint64_t cache_execution_ = 0;
};

}  // namespace db9::sql
