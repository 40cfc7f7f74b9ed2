// ARRAY[...] constructors and op ANY/ALL (array).
#include "daemon/sql/exec/expr.h"
#include "daemon/types/array_value.h"

namespace db9::sql {

Result<Value> ArrayExpr::Eval(ExecContext& ctx, const Row& row) const {
  std::vector<Value> items;
  items.reserve(elements.size());
  for (const ExprPtr& e : elements) {
    DB9_ASSIGN_OR_RETURN(Value v, e->Eval(ctx, row));
    items.push_back(std::move(v));
  }
  return types::MakeArrayValue(type, types::ArrayValue::OneDim(element_type, std::move(items)));
}

// ARRAY['a', $1]: index lookups evaluate it once (doc ?| ARRAY[...]).
bool ArrayExpr::IsRowIndependent() const {
  for (const ExprPtr& e : elements) {
    if (!e->IsRowIndependent()) return false;
  }
  return true;
}

Result<Value> ScalarArrayOpExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(Value x, left->Eval(ctx, row));
  DB9_ASSIGN_OR_RETURN(Value arr, array->Eval(ctx, row));
  if (arr.is_null()) return Value::Null(types::oid::kBool);
  DB9_ASSIGN_OR_RETURN(types::ArrayValue a, types::DecodeArray(arr.as_string()));
  if (a.items.empty()) return Value::Bool(!any);
  bool saw_null = false;
  Oid arg_types[2] = {left->type, element_type};
  functions::FunctionContext fn = ctx.fn;
  fn.result_type = types::oid::kBool;
  fn.arg_types = arg_types;
  for (Value& item : a.items) {
    Value args[2] = {x, item.is_null() ? Value::Null(element_type) : item.Relabel(element_type)};
    DB9_ASSIGN_OR_RETURN(Value t, functions::CallOperator(*op, fn, args));
    if (t.is_null()) {
      saw_null = true;
    } else if (t.as_bool() == any) {
      return Value::Bool(any);
    }
  }
  return saw_null ? Value::Null(types::oid::kBool) : Value::Bool(!any);
}

}  // namespace db9::sql
