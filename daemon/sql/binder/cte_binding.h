// WITH clauses of a SELECT (bind_cte.cc): plain, recursive and
// data-modifying common table expressions.
#pragma once

#include "daemon/sql/binder/binder.h"

namespace db9::sql {

// Binds the WITH list into a new frame pushed on binder.ctes (the caller
// pops it). Data-modifying CTEs must run before the main query whether or
// not it reads them: a scan of each is appended to `prelude`, for a
// CtePreludeOp above the main plan.
Status BindWithClause(Binder& binder, const pg_query::WithClause& with, const Scope* outer,
                      std::vector<OperatorPtr>* prelude);

// Whether `query` names relation `name` (unqualified) anywhere, subqueries
// included: such a CTE in WITH RECURSIVE is recursive.
bool ReferencesRelation(const pg_query::Node& query, const std::string& name);

// Binds `non-recursive-term UNION [ALL] recursive-term` into a
// RecursiveUnionOp. REQUIRES: binder.ctes.back() is this WITH's frame; the
// finished binding is left there under the CTE's name.
Status BindRecursiveCte(Binder& binder, const pg_query::CommonTableExpr& cte, const Scope* outer);

}  // namespace db9::sql
