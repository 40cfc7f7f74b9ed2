// Internal interface between the SELECT binder files.
#pragma once

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/planner/from_planner.h"

namespace db9::sql {

// `preceding`, when given, holds the columns of the FROM items before this
// one (with `outer` as its parent): a function or LATERAL subquery that
// reads them becomes a lateral item (FromItem::lateral).
Result<std::unique_ptr<FromItem>> BindFromItem(Binder& binder, const pg_query::Node& node,
                                               const Scope* outer,
                                               const Scope* preceding = nullptr);

// A view named in FROM, expanded (bind_view.cc): its stored SELECT bound
// like a subquery, output fitted to the columns fixed at CREATE VIEW and
// attributed to the view (table_oid, attnum), as PostgreSQL describes them.
Result<BoundQuery> BindView(Binder& binder, const catalog::View& view);

// DISTINCT ON (bind_distinct_on.cc): the key positions in the projection
// `exprs` (hidden columns appended for keys not in the select list), and
// the check that ORDER BY starts with those keys (42P10).
Result<std::vector<int>> BindDistinctOnKeys(Binder& binder, const pg_query::SelectStmt& stmt,
                                            const Scope& scope,
                                            const std::vector<const pg_query::Node*>& targets,
                                            const std::vector<SortKey>& sort_keys,
                                            std::vector<ExprPtr>* exprs,
                                            std::vector<OutputColumn>* columns, size_t visible);
Status CheckDistinctOnOrder(const std::vector<int>& keys, const std::vector<SortKey>& sort_keys);

// The column name PostgreSQL gives an unnamed target ("?column?", "count",
// the column's own name, ...).
std::string DefaultColumnName(const pg_query::Node& node);

// ORDER BY served by the scan (bind_order.cc). OrderHint: for a SELECT
// with LIMIT over `item`, the leading columns (local positions) its ORDER BY
// names in one direction that a B-tree scan gives (ASC NULLS LAST forwards,
// DESC NULLS FIRST backwards), for the planner to pick an index
// (Binder::order_hint).
// OrderProvided: whether `item`'s planned scan already returns rows in the
// order of `sort_keys` (over `projection`, whose columns they index).
RowOrder OrderHint(const pg_query::SelectStmt& stmt, const FromItem& item);
bool OrderProvided(const FromItem& item, const std::vector<SortKey>& sort_keys,
                   const std::vector<ExprPtr>& projection);

}  // namespace db9::sql
