// GROUP BY with grouping sets: ROLLUP (a, b), CUBE (a, b), GROUPING SETS
// ((a, b), a, ()), mixed with plain items (GROUP BY x, ROLLUP (y)) as
// PostgreSQL expands them: the cross product of each item's sets.
#pragma once

#include <string>
#include <vector>

#include "daemon/sql/binder/aggregate_binding.h"

namespace db9::sql {

struct GroupingExpansion {
  // The distinct grouping expressions (by NodeKey), in first-seen order.
  std::vector<const pg_query::Node*> items;
  // Each grouping set as indexes into `items`. Empty when GROUP BY has no
  // grouping-set syntax (every item groups every row).
  std::vector<std::vector<int>> sets;
};

// 54000 when CUBE/ROLLUP would make more than 4096 sets (PostgreSQL's limit).
Result<GroupingExpansion> ExpandGroupBy(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& group_clause);

// GROUPING(a, b, ...) in a grouped query: a column of the aggregate
// operator's output (see AggregateCall::grouping_of). 42803 when an
// argument is not a GROUP BY expression.
Result<ExprPtr> BindGroupingFunction(Binder::AggregateState& state, const pg_query::GroupingFunc& call,
                                     const std::string& key);

}  // namespace db9::sql
