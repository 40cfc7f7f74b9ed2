// State for binding the outputs of a grouped query (GROUP BY or aggregates):
// expressions equal to a GROUP BY item and aggregate calls become columns of
// the aggregate operator's output row [group values..., aggregate values...].
#pragma once

#include "daemon/sql/binder/binder.h"

namespace db9::sql {

struct Binder::AggregateState {
  const Scope* input_scope = nullptr;
  std::vector<std::string> group_keys;   // NodeKey of each GROUP BY item
  std::vector<ExprPtr> group_exprs;      // bound over the input scope
  std::vector<AggregateCall> calls;
  std::vector<std::string> call_keys;    // NodeKey of each aggregate call (shared when equal)
  bool in_aggregate_args = false;
};

// Whether the tree holds an aggregate call outside any subquery.
bool ContainsAggregate(const pg_query::Node& node, const functions::Registries& registries);
// Whether the tree holds a window function call (OVER) outside any subquery.
bool ContainsWindow(const pg_query::Node& node);

}  // namespace db9::sql
