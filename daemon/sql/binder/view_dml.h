// INSERT, UPDATE and DELETE through a simple view (PostgreSQL's
// automatically updatable views): the statement is rewritten against the
// view's table and bound as if written so. A simple view here selects
// plain columns (or *) of one table, with an optional WHERE and nothing
// else; UPDATE and DELETE then also apply that WHERE. Other views are
// refused with 0A000 saying why.
#pragma once

#include <optional>

#include "daemon/sql/binder/binder.h"

namespace db9::sql {

// Why db9 cannot write through a view with this query (a sentence for an
// error's detail), or nullptr when it can.
const char* WhyNotWritable(const pg_query::SelectStmt& query, const catalog::CatalogState& state,
                           const std::vector<std::string>& search_path);

// Each returns the rewritten statement when the target is a view, nullopt
// when it is not (bind the statement as it is).
Result<std::optional<pg_query::InsertStmt>> InsertThroughView(Binder& binder,
                                                               const pg_query::InsertStmt& stmt);
Result<std::optional<pg_query::UpdateStmt>> UpdateThroughView(Binder& binder,
                                                               const pg_query::UpdateStmt& stmt);
Result<std::optional<pg_query::DeleteStmt>> DeleteThroughView(Binder& binder,
                                                               const pg_query::DeleteStmt& stmt);

}  // namespace db9::sql
