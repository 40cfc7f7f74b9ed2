// Access-path choice for one table: given the predicates that reference
// only that table (bound over its columns), pick the primary key or a
// B-tree index whose leading columns are fixed by equalities (col = value,
// value not depending on the row), optionally followed by a range bound
// (<, <=, >, >=) on the next column. Without one the table is scanned.
// Predicates stay in a filter above the scan, so the choice only narrows.
#pragma once

#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {

AccessPath ChooseAccessPath(const catalog::Table& table, const std::vector<ExprPtr>& predicates);

// Splits AND trees into their conjuncts.
void FlattenConjuncts(const ExprPtr& expr, std::vector<ExprPtr>* out);

}  // namespace db9::sql
