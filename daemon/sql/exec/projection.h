// MakeProjection: the operator that computes a select list over `input`.
#pragma once

#include <vector>

#include "daemon/sql/exec/expr.h"
#include "daemon/sql/exec/operator.h"

namespace db9::sql {

// A ProjectOp, except when the list is plain columns of a table scan's row:
// the scan then emits just those (TableScanOp::EmitOnly) and is returned.
OperatorPtr MakeProjection(OperatorPtr input, const std::vector<ExprPtr>& exprs,
                           std::vector<OutputColumn> columns);

}  // namespace db9::sql
