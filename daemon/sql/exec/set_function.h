// SetFunctionCall: one bound call that produces rows — a set-returning
// function from the registry (generate_series, unnest, jsonb_each, ...) or
// a plain scalar call used as a FROM item (FROM now(), FROM upper('x')),
// which yields exactly one row.
//
// Arguments are evaluated against `row` (empty for FROM items, whose
// arguments see preceding FROM items and enclosing queries through
// ctx.outer_rows). The FROM scan and the target-list ProjectSet both start
// calls through here, so they agree on NULL handling and column types.
#pragma once

#include <memory>
#include <vector>

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

struct SetFunctionCall {
  // Exactly one of these is set.
  const functions::FunctionInfo* function = nullptr;  // registry, returns_set()
  ExprPtr scalar;                                     // a non-set call: one row

  std::vector<ExprPtr> args;          // for `function`
  std::vector<Oid> arg_types;         // args' types (FunctionContext::arg_types)
  std::vector<OutputColumn> columns;  // result columns (names are defaults)

  // Starts the call for one input row.
  Result<std::unique_ptr<functions::SetIterator>> Start(ExecContext& ctx, const Row& row) const;
};

// Pulls the next row of a started call with ctx's function context (result
// type set for polymorphic functions).
Result<bool> NextSetRow(const SetFunctionCall& call, functions::SetIterator& it, ExecContext& ctx,
                        Row* out);

// Several calls advancing together (ROWS FROM, or set-returning calls in one
// target list): `running` holds one iterator per call.
using RunningCalls = std::vector<std::unique_ptr<functions::SetIterator>>;
Status StartCalls(const std::vector<SetFunctionCall>& calls, ExecContext& ctx, const Row& row,
                  RunningCalls* running);
// Appends the next row of every call to *out, a finished call's columns as
// NULLs; false (and *out partly filled) once every call has finished.
Result<bool> AdvanceCalls(const std::vector<SetFunctionCall>& calls, RunningCalls& running,
                          ExecContext& ctx, Row* out);

}  // namespace db9::sql
