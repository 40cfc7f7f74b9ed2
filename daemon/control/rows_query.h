// The SELECT behind db.rows: filters, order, and offset or keyset paging over
// one table, built from a RowsRequest and the table's description. Values go
// in as quoted literals, which PostgreSQL types from the column they meet.
#pragma once

#include <string>
#include <vector>

#include "shared/base/result.h"
#include "shared/control/types.h"

namespace db9::control {

struct RowsQuery {
  std::string sql;  // asks for limit + 1 rows, to know whether more follow
  // The order used: the request's, then any primary-key columns it lacks.
  std::vector<SortKey> order;
  bool keyset = false;  // a primary key and no nullable order column: "after" cursors work
};

// 42703 for an unknown column, 22023 for a bad filter op or cursor.
Result<RowsQuery> BuildRowsQuery(const RowsRequest& request, const TableDescription& table);

// Trims the extra row and fills next_after.
RowsPage FinishRowsPage(const RowsRequest& request, const RowsQuery& query, QueryResult result);

}  // namespace db9::control
