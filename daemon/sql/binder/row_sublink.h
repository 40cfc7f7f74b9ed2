// Row-valued ANY/ALL sublinks: (a, b) IN (SELECT x, y ...) (bind_row_sublink.cc).
#pragma once

#include "daemon/sql/binder/binder.h"

namespace db9::sql {

// REQUIRES: link is ANY/ALL with a ROW(...) test expression; `sub` is the
// bound subquery and `plan` its plan.
Result<ExprPtr> BindRowSubLink(Binder& binder, const pg_query::SubLink& link, const Scope& scope,
                               const BoundQuery& sub, std::shared_ptr<Operator> plan);

}  // namespace db9::sql
