// Binding set-returning function calls: in FROM (FunctionScanOp) and in the
// SELECT list (ProjectSetOp). In the SELECT list a call is lifted out of the
// expression: the ProjectSetOp appends its value to the input row and the
// expression reads it as a column whose position is only known once the
// whole target list is bound (aggregates add input columns as they are
// found), so those column references are placeholders placed at the end.
#pragma once

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/exec/set_function.h"

namespace db9::sql {

struct Binder::SetFunctionState {
  std::vector<SetFunctionCall> calls;
  // One per call: the column reference the expression holds, indexed by
  // PlaceSetFunctionColumns before the plan runs.
  std::vector<std::shared_ptr<ColumnExpr>> refs;
};

// Whether `name` names a set-returning function.
bool IsSetReturningName(const std::string& name, const functions::Registries& registries);
// Whether the tree holds a set-returning call outside any subquery.
bool ContainsSetReturning(const pg_query::Node& node, const functions::Registries& registries);

// Binds `node` as a FROM-clause function: a set-returning call, or any other
// expression as a one-row call. Arguments are bound over `scope`.
Result<SetFunctionCall> BindFromFunction(Binder& binder, const pg_query::Node& node,
                                         const Scope& scope);

// BindFuncCall's path for a set-returning call in an expression: lifted into
// binder.set_function_state, or 0A000 where sets are not allowed.
Result<ExprPtr> BindSetFunctionInExpr(Binder& binder, const pg_query::FuncCall& call,
                                      const Scope& scope);

// Gives the lifted calls their columns: `input_width + k` for call k.
void PlaceSetFunctionColumns(Binder::SetFunctionState& state, size_t input_width);

}  // namespace db9::sql
