// degrees, radians and the float8 trigonometric and hyperbolic functions
// (sin .. atan2, sinh .. atanh), with PostgreSQL's domain errors.
#include <cmath>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Status OutOfRange() {
  return Status::Error(sqlstate::kNumericValueOutOfRange, "input is out of range");
}

// A float8 -> float8 function; `lo`..`hi` is its domain (PostgreSQL answers
// 22003 "input is out of range" outside it, NaN passes through).
ScalarImpl Unary(double (*fn)(double), double lo = -INFINITY, double hi = INFINITY,
                 bool finite_only = false) {
  return [=](FunctionContext&, Args a) -> Result<Value> {
    double x = a[0].as_double();
    if (std::isnan(x)) return Value::Float8(x);
    if (x < lo || x > hi || (finite_only && std::isinf(x))) return OutOfRange();
    return Value::Float8(fn(x));
  };
}

double Cot(double x) { return 1.0 / std::tan(x); }
double Degrees(double x) { return x * (180.0 / M_PI); }
double Radians(double x) { return x * (M_PI / 180.0); }

}  // namespace

Status RegisterTrigFunctions(Registries& r) {
  struct Entry {
    const char* name;
    ScalarImpl impl;
  };
  const Entry entries[] = {
      {"degrees", Unary(Degrees)},
      {"radians", Unary(Radians)},
      // sin/cos/tan of an infinity is an error in PostgreSQL, not NaN.
      {"sin", Unary([](double x) { return std::sin(x); }, -INFINITY, INFINITY, true)},
      {"cos", Unary([](double x) { return std::cos(x); }, -INFINITY, INFINITY, true)},
      {"tan", Unary([](double x) { return std::tan(x); }, -INFINITY, INFINITY, true)},
      {"cot", Unary(Cot, -INFINITY, INFINITY, true)},
      {"asin", Unary([](double x) { return std::asin(x); }, -1.0, 1.0)},
      {"acos", Unary([](double x) { return std::acos(x); }, -1.0, 1.0)},
      {"atan", Unary([](double x) { return std::atan(x); })},
      {"sinh", Unary([](double x) { return std::sinh(x); })},
      {"cosh", Unary([](double x) { return std::cosh(x); })},
      {"tanh", Unary([](double x) { return std::tanh(x); })},
      {"asinh", Unary([](double x) { return std::asinh(x); })},
      {"acosh", Unary([](double x) { return std::acosh(x); }, 1.0)},
      {"atanh", Unary([](double x) { return std::atanh(x); }, -1.0, 1.0)},
  };
  for (const Entry& e : entries) {
    DB9_RETURN_IF_ERROR(AddFunction(r, e.name, {oid::kFloat8}, oid::kFloat8, e.impl));
  }
  return AddFunction(r, "atan2", {oid::kFloat8, oid::kFloat8}, oid::kFloat8,
                     [](FunctionContext&, Args a) -> Result<Value> {
                       return Value::Float8(std::atan2(a[0].as_double(), a[1].as_double()));
                     });
}

}  // namespace db9::functions
