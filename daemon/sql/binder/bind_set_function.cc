// Set-returning function calls: overload resolution, FROM-clause calls, and
// the lifting of calls in the SELECT list into a ProjectSetOp.
#include "daemon/sql/binder/aggregate_binding.h"
#include "daemon/sql/binder/select_binding.h"
#include "daemon/sql/binder/set_function_binding.h"

namespace db9::sql {
namespace {

using functions::CoercionContext;

std::string FunctionName(const pg_query::FuncCall& call) {
  return StringValue(call.funcname(call.funcname_size() - 1));
}

// Resolves and binds a call known to name a set-returning function.
Result<SetFunctionCall> BindSetCall(Binder& binder, const pg_query::FuncCall& call,
                                    const Scope& scope) {
  const std::string name = FunctionName(call);
  if (call.has_over()) {
    return Status::Error(sqlstate::kWrongObjectType,
                         "OVER specified, but " + name + " is not a window function nor an aggregate function")
        .WithPosition(call.location() + 1);
  }
  if (call.agg_distinct() || call.agg_star() || call.agg_order_size() > 0 || call.has_agg_filter()) {
    return Status::Error(sqlstate::kWrongObjectType,
                         "DISTINCT, ORDER BY, FILTER or * specified, but " + name +
                             " is not an aggregate function")
        .WithPosition(call.location() + 1);
  }
  SetFunctionCall bound;
  for (const pg_query::Node& a : call.args()) {
    if (a.has_named_arg_expr()) return NotSupported("named function arguments", call.location());
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(a, scope));
    bound.args.push_back(std::move(e));
  }
  const functions::Registries& r = *binder.context().registries;
  std::vector<Oid> actual;
  for (const ExprPtr& a : bound.args) actual.push_back(a->type);
  Result<functions::FunctionMatch> match = r.functions.Resolve(name, actual, r);
  if (!match.ok()) return WithLocation(match.status(), call.location());
  for (size_t i = 0; i < bound.args.size(); ++i) {
    Oid target = i < match->arg_types.size() ? match->arg_types[i] : bound.args[i]->type;
    DB9_ASSIGN_OR_RETURN(bound.args[i], binder.Coerce(std::move(bound.args[i]), target, -1,
                                                      CoercionContext::kImplicit, call.location()));
  }
  if (!match->function->returns_set()) {
    // A name with both kinds of overloads resolved to a scalar one: it
    // yields one row.
    bound.scalar = std::make_shared<FuncExpr>(match->function, std::move(bound.args),
                                              match->return_type);
    bound.args.clear();
    bound.columns.push_back({name, match->return_type, -1, 0, 0});
    return bound;
  }
  bound.function = match->function;
  if (bound.function->set_columns.empty()) {
    bound.columns.push_back({name, match->return_type, -1, 0, 0});
  } else {
    for (const functions::SetColumn& c : bound.function->set_columns) {
      bound.columns.push_back({c.name, c.type, -1, 0, 0});
    }
  }
  for (const ExprPtr& a : bound.args) bound.arg_types.push_back(a->type);
  return bound;
}

}  // namespace

bool IsSetReturningName(const std::string& name, const functions::Registries& registries) {
  for (const functions::FunctionInfo* f : registries.functions.Overloads(name)) {
    if (f->returns_set()) return true;
  }
  return false;
}

Result<SetFunctionCall> BindFromFunction(Binder& binder, const pg_query::Node& node,
                                         const Scope& scope) {
  if (node.has_func_call() &&
      IsSetReturningName(FunctionName(node.func_call()), *binder.context().registries)) {
    return BindSetCall(binder, node.func_call(), scope);
  }
  // Any other expression is a function returning one row.
  SetFunctionCall call;
  DB9_ASSIGN_OR_RETURN(call.scalar, binder.BindExpr(node, scope));
  if (call.scalar->type == types::oid::kUnknown) {
    DB9_ASSIGN_OR_RETURN(call.scalar, binder.Coerce(std::move(call.scalar), types::oid::kText, -1,
                                                    CoercionContext::kImplicit, -1));
  }
  call.columns.push_back({DefaultColumnName(node), call.scalar->type, call.scalar->typmod, 0, 0});
  return call;
}

Result<ExprPtr> BindSetFunctionInExpr(Binder& binder, const pg_query::FuncCall& call,
                                      const Scope& scope) {
  Binder::SetFunctionState* state = binder.set_function_state;
  if (state == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "set-returning functions are not allowed in this context")
        .WithPosition(call.location() + 1);
  }
  if (binder.aggregate_state != nullptr && binder.aggregate_state->in_aggregate_args) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "aggregate function calls cannot contain set-returning function calls")
        .WithPosition(call.location() + 1)
        .WithHint("You might be able to move the set-returning function into a LATERAL FROM item.");
  }
  // Arguments hold no further set-returning calls (nested sets are not
  // supported): bind them with the lifting switched off.
  binder.set_function_state = nullptr;
  Result<SetFunctionCall> bound = BindSetCall(binder, call, scope);
  binder.set_function_state = state;
  if (!bound.ok()) return bound.status();
  if (bound->columns.size() != 1) {
    return NotSupported("set-returning functions with several columns in the SELECT list",
                        call.location());
  }
  auto ref = std::make_shared<ColumnExpr>(-1, 0, bound->columns[0].type, -1);
  state->calls.push_back(std::move(bound).value());
  state->refs.push_back(ref);
  return ExprPtr(ref);
}

void PlaceSetFunctionColumns(Binder::SetFunctionState& state, size_t input_width) {
  for (size_t k = 0; k < state.refs.size(); ++k) {
    state.refs[k]->index = static_cast<int>(input_width + k);
  }
}

}  // namespace db9::sql
