#include "daemon/functions/builtin/helpers.h"

namespace db9::functions {

Status AddFunction(Registries& r, std::string name, std::vector<Oid> args, Oid ret,
                   ScalarImpl impl, Volatility volatility, bool strict, bool variadic) {
  FunctionInfo f;
  f.name = std::move(name);
  f.arg_types = std::move(args);
  f.return_type = ret;
  f.impl = std::move(impl);
  f.volatility = volatility;
  f.strict = strict;
  f.variadic = variadic;
  return r.functions.Register(std::move(f));
}

Status AddOperator(Registries& r, std::string name, Oid left, Oid right, Oid result,
                   ScalarImpl impl, OperatorKind kind) {
  OperatorInfo op;
  op.name = std::move(name);
  op.left = left;
  op.right = right;
  op.result = result;
  op.impl = std::move(impl);
  op.kind = kind;
  return r.operators.Register(std::move(op));
}

Status IntOutOfRange(Oid type) {
  const char* name = type == types::oid::kInt2 ? "smallint"
                     : type == types::oid::kInt4 ? "integer"
                                                 : "bigint";
  return Status::Error(sqlstate::kNumericValueOutOfRange, std::string(name) + " out of range");
}

Status DivisionByZero() { return Status::Error(sqlstate::kDivisionByZero, "division by zero"); }

Status FloatOverflow() {
  return Status::Error(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
}

Status FloatUnderflow() {
  return Status::Error(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
}

Result<Value> MakeInt(Oid type, __int128 v) {
  int64_t lo = type == types::oid::kInt2 ? INT16_MIN : type == types::oid::kInt4 ? INT32_MIN : INT64_MIN;
  int64_t hi = type == types::oid::kInt2 ? INT16_MAX : type == types::oid::kInt4 ? INT32_MAX : INT64_MAX;
  if (v < lo || v > hi) return IntOutOfRange(type);
  return Value::OfInt(type, static_cast<int64_t>(v));
}

}  // namespace db9::functions
