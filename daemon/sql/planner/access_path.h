// Access-path choice for one table: given the predicates that reference
// only that table (bound over its columns), pick the primary key or a
// B-tree index whose leading columns are fixed by equalities (col = value,
// value not depending on the row), optionally followed by a range bound
// (<, <=, >, >=) on the next column. Without one the table is scanned.
// The conjuncts the chosen key range enforces exactly (same-type comparisons
// of a key column with a row-independent value) move from `predicates` into
// the path; the rest stay for a filter above the scan.
#pragma once

#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {

AccessPath ChooseAccessPath(const catalog::Table& table, std::vector<ExprPtr>* predicates);

// Splits AND trees into their conjuncts.
void FlattenConjuncts(const ExprPtr& expr, std::vector<ExprPtr>* out);

}  // namespace db9::sql
