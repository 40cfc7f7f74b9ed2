// Array subscripts: a[i], a[i][j] (an element) and a[lo:hi] (a slice), as
// PostgreSQL evaluates them: NULL for a NULL array or subscript, and for an
// element outside the array; a slice is clipped to the array's bounds and
// renumbered from 1.
#pragma once

#include <vector>

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

class SubscriptExpr final : public Expr {
 public:
  struct Index {
    ExprPtr lower;  // slices: null when omitted (a[:2]); elements: unused
    ExprPtr upper;  // the element index, or the slice's upper bound (null: omitted)
    bool slice = false;
  };
  // `type` is the element type for an element, the array type for a slice.
  SubscriptExpr(ExprPtr array, std::vector<Index> indexes, bool slice, Oid type)
      : Expr(type), array(std::move(array)), indexes(std::move(indexes)), slice(slice) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override;

  ExprPtr array;
  std::vector<Index> indexes;
  bool slice;  // any index is a slice: all of them count as slices then
};

}  // namespace db9::sql
