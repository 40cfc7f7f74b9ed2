#include "daemon/sql/exec/subscript_expr.h"

#include <optional>

#include "daemon/types/array_value.h"

namespace db9::sql {
namespace {

// An int4 subscript; nullopt for NULL.
Result<std::optional<int64_t>> EvalIndex(const ExprPtr& e, ExecContext& ctx, const Row& row) {
  DB9_ASSIGN_OR_RETURN(Value v, e->Eval(ctx, row));
  if (v.is_null()) return std::optional<int64_t>();
  return std::optional<int64_t>(v.as_int());
}

}  // namespace

bool SubscriptExpr::IsRowIndependent() const {
  if (!array->IsRowIndependent()) return false;
  for (const Index& i : indexes) {
    if ((i.lower && !i.lower->IsRowIndependent()) || (i.upper && !i.upper->IsRowIndependent())) {
      return false;
    }
  }
  return true;
}

Result<Value> SubscriptExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(Value v, array->Eval(ctx, row));
  if (v.is_null()) return Value::Null(type);
  DB9_ASSIGN_OR_RETURN(types::ArrayValue a, types::DecodeArray(v.as_string()));
  size_t ndim = a.dims.size();
  if (indexes.size() > 6) {
    return Status::Error(sqlstate::kProgramLimitExceeded,
                         "number of array dimensions (" + std::to_string(indexes.size()) +
                             ") exceeds the maximum allowed (6)");
  }
  // Per dimension: the first and last position wanted (array numbering).
  std::vector<int64_t> lo(indexes.size()), hi(indexes.size());
  for (size_t d = 0; d < indexes.size(); ++d) {
    const Index& ix = indexes[d];
    int64_t dim_lo = d < ndim ? a.lbounds[d] : 1;
    int64_t dim_hi = d < ndim ? static_cast<int64_t>(a.lbounds[d]) + a.dims[d] - 1 : 0;
    std::optional<int64_t> upper = dim_hi, lower = dim_lo;
    if (ix.upper) {
      DB9_ASSIGN_OR_RETURN(upper, EvalIndex(ix.upper, ctx, row));
    }
    if (ix.slice && ix.lower) {
      DB9_ASSIGN_OR_RETURN(lower, EvalIndex(ix.lower, ctx, row));
    } else if (!ix.slice) {
      lower = slice ? std::optional<int64_t>(1) : upper;  // a[2][1:2] reads a[1:2][1:2]
    }
    if (!upper || !lower) return Value::Null(type);
    lo[d] = *lower;
    hi[d] = *upper;
  }
  if (!slice) {
    if (indexes.size() != ndim) return Value::Null(type);
    size_t offset = 0;
    for (size_t d = 0; d < ndim; ++d) {
      int64_t pos = lo[d] - a.lbounds[d];
      if (pos < 0 || pos >= a.dims[d]) return Value::Null(type);
      offset = offset * a.dims[d] + static_cast<size_t>(pos);
    }
    return a.items[offset];
  }
  // A slice with more subscripts than dimensions, or an empty range, is empty.
  types::ArrayValue out;
  out.element_type = a.element_type;
  if (indexes.size() > ndim || ndim == 0) return types::MakeArrayValue(type, out);
  std::vector<int64_t> from(ndim), count(ndim);
  for (size_t d = 0; d < ndim; ++d) {
    int64_t first = d < indexes.size() ? std::max<int64_t>(lo[d], a.lbounds[d]) : a.lbounds[d];
    int64_t last = static_cast<int64_t>(a.lbounds[d]) + a.dims[d] - 1;
    if (d < indexes.size()) last = std::min(last, hi[d]);
    if (last < first) return types::MakeArrayValue(type, out);
    from[d] = first - a.lbounds[d];
    count[d] = last - first + 1;
  }
  // Walk the selected box in row-major order.
  std::vector<int64_t> at(ndim, 0);
  while (true) {
    size_t offset = 0;
    for (size_t d = 0; d < ndim; ++d) offset = offset * a.dims[d] + static_cast<size_t>(from[d] + at[d]);
    out.items.push_back(a.items[offset]);
    size_t d = ndim;
    while (d > 0 && ++at[d - 1] == count[d - 1]) at[--d] = 0;
    if (d == 0) break;
  }
  for (size_t d = 0; d < ndim; ++d) {
    out.dims.push_back(static_cast<int32_t>(count[d]));
    out.lbounds.push_back(1);
  }
  return types::MakeArrayValue(type, out);
}

}  // namespace db9::sql
