// Internal interface between the SELECT binder files.
#pragma once

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/planner/from_planner.h"

namespace db9::sql {

Result<std::unique_ptr<FromItem>> BindFromItem(Binder& binder, const pg_query::Node& node,
                                               const Scope* outer);

// The column name PostgreSQL gives an unnamed target ("?column?", "count",
// the column's own name, ...).
std::string DefaultColumnName(const pg_query::Node& node);

}  // namespace db9::sql
