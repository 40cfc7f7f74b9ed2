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

// `wanted_order`: the ORDER BY of a query with LIMIT. When no predicate
// picks an index and none filters the rows, a B-tree index whose order
// serves it is scanned whole, so LIMIT can stop the scan early; a
// descending order reads it backward.
AccessPath ChooseAccessPath(const catalog::Table& table, std::vector<ExprPtr>* predicates,
                            const RowOrder& wanted_order = {});

// The table columns (positions in Table::columns) by which a scan of `path`
// returns its rows, ascending with NULLs last: the index's leading ascending
// columns, then the primary key that orders equal entries. Empty when no
// column orders them (a table without a primary key).
std::vector<int> ScanOrder(const catalog::Table& table, const AccessPath& path);

// Splits AND trees into their conjuncts.
void FlattenConjuncts(const ExprPtr& expr, std::vector<ExprPtr>* out);

}  // namespace db9::sql
