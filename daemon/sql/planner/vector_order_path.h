// Ordering by vector distance through an HNSW index: for a single-table
// query with `ORDER BY col <op> value [ASC] LIMIT n` (the binder's
// RowOrder::expression hint), where the value does not depend on the row
// and the table has an hnsw index on `col` whose operator class's distance
// is <op>, the rows can come from the index in distance order and need no
// sort. WHERE conjuncts stay in a filter above the scan.
#pragma once

#include <optional>

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/exec/hnsw_scan_op.h"

namespace db9::sql {

// The index path for binder.order_hint over `table` (bound in `scope`), or
// nullopt when no hnsw index serves it.
std::optional<VectorOrderPath> ChooseVectorOrderPath(Binder& binder, const catalog::Table& table,
                                                     const Scope& scope);

}  // namespace db9::sql
