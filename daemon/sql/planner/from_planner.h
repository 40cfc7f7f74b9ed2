// Planning FROM + WHERE: the FROM items bound by the binder become scans and
// joins, with WHERE's conjuncts placed as low as they can go:
//  - a conjunct that reads only one base table of the FROM list is bound
//    over that table alone and drives its access path (access_path.h);
//  - an equality between a column of the rows joined so far and a column of
//    the next item makes that join a hash join; other conjuncts filter the
//    join result as soon as all their columns are present;
//  - conjuncts with subqueries stay on top.
// Explicit JOIN ... ON/USING items plan their own condition the same way
// (hash keys from column equalities, the rest as a residual condition).
// A lateral item (it reads earlier items' columns) is joined by running it
// once per row of the items before it (LateralJoinOp).
#pragma once

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/exec/join_ops.h"
#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {

struct FromItem {
  // Exactly one of: a base table, a ready operator (system relation,
  // subquery, CTE, VALUES), or a join of two items.
  const catalog::Table* table = nullptr;
  bool emit_row_key = false;  // DML targets: the row key follows the columns
  OperatorPtr op;
  std::unique_ptr<FromItem> left, right;
  JoinKind join_kind = JoinKind::kInner;
  std::vector<const pg_query::Node*> on_conjuncts;   // ON, over this join's scope
  std::vector<std::pair<int, int>> using_pairs;      // USING/NATURAL: left col, right col (local)
  // USING/NATURAL: `scope` lists the joined row's columns in this order
  // (positions in left + right); the planner projects the row to match.
  std::vector<int> output_order;

  std::string alias;
  Scope scope;        // this item's own columns (local positions)
  // The item reads the columns of the items before it (of the join's left
  // side, inside a JOIN): it was bound with them as its enclosing scope and
  // runs once per row of them (LateralJoinOp).
  bool lateral = false;
  // Set by planning a base table: the columns (local positions) its rows
  // come out ordered by (ScanOrder) and the scan's direction, so a matching
  // ORDER BY needs no sort.
  RowOrder scan_order;
};

// Plans `items` (in FROM order) with the WHERE conjuncts; `full_scope` is
// the concatenation of the items' scopes with the enclosing query as parent.
Result<OperatorPtr> PlanFrom(Binder& binder, std::vector<std::unique_ptr<FromItem>>& items,
                             const Scope& full_scope,
                             const std::vector<const pg_query::Node*>& where_conjuncts);

// Splits an AND tree of parse nodes into conjuncts.
void FlattenAndNodes(const pg_query::Node& node, std::vector<const pg_query::Node*>* out);

}  // namespace db9::sql
