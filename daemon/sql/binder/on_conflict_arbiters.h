// Which unique indexes an INSERT ... ON CONFLICT clause arbitrates, found as
// PostgreSQL's infer_arbiter_indexes does: ON CONSTRAINT names one; a column
// list matches every unique index whose key columns are exactly that set; no
// target (DO NOTHING only) means every unique index.
#pragma once

#include "daemon/catalog/catalog.h"
#include "daemon/sql/exec/table_writer.h"
#include "pg_query.pb.h"

namespace db9::sql {

Result<ConflictArbiters> InferConflictArbiters(const catalog::Table& table,
                                               const pg_query::OnConflictClause& clause);

}  // namespace db9::sql
