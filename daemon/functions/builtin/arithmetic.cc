// + - * / % ^ and unary minus for int2/int4/int8, float4/float8 and
// numeric, bitwise & | # ~ << >> for the integers, with PostgreSQL's errors: 22003 "integer out of range" /
// "value out of range: overflow", 22012 "division by zero".
#include <cmath>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using types::Numeric;

Status IntOps(Registries& r, Oid t) {
  auto bin = [&](const char* name, __int128 (*op)(__int128, __int128), bool divides) {
    return AddOperator(r, name, t, t, t,
                       [t, op, divides](FunctionContext&, std::span<const Value> a) -> Result<Value> {
                         if (divides && a[1].as_int() == 0) return DivisionByZero();
                         return MakeInt(t, op(a[0].as_int(), a[1].as_int()));
                       });
  };
  DB9_RETURN_IF_ERROR(bin("+", [](__int128 x, __int128 y) { return x + y; }, false));
  DB9_RETURN_IF_ERROR(bin("-", [](__int128 x, __int128 y) { return x - y; }, false));
  DB9_RETURN_IF_ERROR(bin("*", [](__int128 x, __int128 y) { return x * y; }, false));
  // C division truncates toward zero, as PostgreSQL's.
  DB9_RETURN_IF_ERROR(bin("/", [](__int128 x, __int128 y) { return x / y; }, true));
  DB9_RETURN_IF_ERROR(bin("%", [](__int128 x, __int128 y) { return x % y; }, true));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", oid::kInvalid, t, t,
                                  [t](FunctionContext&, std::span<const Value> a) {
                                    return MakeInt(t, -static_cast<__int128>(a[0].as_int()));
                                  }));
  return AddOperator(r, "+", oid::kInvalid, t, t,
                     [](FunctionContext&, std::span<const Value> a) -> Result<Value> { return a[0]; });
}

// Checks a float result the way PostgreSQL's float_overflow_error /
// float_underflow_error do.
Result<Value> FloatResult(Oid t, double result, bool inputs_inf, bool zero_ok) {
  if (t == oid::kFloat4) result = static_cast<float>(result);
  if (std::isinf(result) && !inputs_inf) {
    return FloatOverflow();
  }
  if (result == 0 && !zero_ok) {
    return FloatUnderflow();
  }
  return Value::Of(t, result);
}

// + - * / for float4 and float8, including PostgreSQL's cross-type
// float48 / float84 operators: they make real / integer double precision
// (the integer goes to float8, the preferred type, not to float4).
Status FloatOps(Registries& r, Oid lt, Oid rt) {
  const Oid t = lt == oid::kFloat4 && rt == oid::kFloat4 ? oid::kFloat4 : oid::kFloat8;
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", lt, rt, t, [t](FunctionContext&, std::span<const Value> a) {
    double x = a[0].as_double(), y = a[1].as_double();
    return FloatResult(t, x + y, std::isinf(x) || std::isinf(y), true);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", lt, rt, t, [t](FunctionContext&, std::span<const Value> a) {
    double x = a[0].as_double(), y = a[1].as_double();
    return FloatResult(t, x - y, std::isinf(x) || std::isinf(y), true);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "*", lt, rt, t, [t](FunctionContext&, std::span<const Value> a) {
    double x = a[0].as_double(), y = a[1].as_double();
    return FloatResult(t, x * y, std::isinf(x) || std::isinf(y), x == 0 || y == 0);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "/", lt, rt, t, [t](FunctionContext&, std::span<const Value> a) -> Result<Value> {
    double x = a[0].as_double(), y = a[1].as_double();
    if (y == 0 && !std::isnan(x)) return DivisionByZero();
    return FloatResult(t, x / y, std::isinf(x) || std::isinf(y), x == 0 || std::isinf(y));
  }));
  if (lt != rt) return Status::OK();
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", oid::kInvalid, t, t,
                                  [t](FunctionContext&, std::span<const Value> a) -> Result<Value> {
                                    return Value::Of(t, -a[0].as_double());
                                  }));
  return AddOperator(r, "+", oid::kInvalid, t, t,
                     [](FunctionContext&, std::span<const Value> a) -> Result<Value> { return a[0]; });
}

// & | # (xor) ~ and << >> (by an int4 count) for int2/int4/int8. Shifts
// behave as PostgreSQL's C code does on x86-64: the count is taken modulo
// the width of the promoted operand (32 bits for int2/int4, 64 for int8),
// the result then truncated to the operand type (1::int2 << 16 = 0).
Status BitwiseOps(Registries& r, Oid t) {
  auto wrap = [t](int64_t v) -> Value {
    if (t == oid::kInt2) return Value::OfInt(t, static_cast<int16_t>(v));
    if (t == oid::kInt4) return Value::OfInt(t, static_cast<int32_t>(v));
    return Value::OfInt(t, v);
  };
  auto bin = [&](const char* name, int64_t (*op)(int64_t, int64_t)) {
    return AddOperator(r, name, t, t, t,
                       [wrap, op](FunctionContext&, std::span<const Value> a) -> Result<Value> {
                         return wrap(op(a[0].as_int(), a[1].as_int()));
                       });
  };
  DB9_RETURN_IF_ERROR(bin("&", [](int64_t x, int64_t y) { return x & y; }));
  DB9_RETURN_IF_ERROR(bin("|", [](int64_t x, int64_t y) { return x | y; }));
  DB9_RETURN_IF_ERROR(bin("#", [](int64_t x, int64_t y) { return x ^ y; }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "~", oid::kInvalid, t, t,
                                  [wrap](FunctionContext&, std::span<const Value> a) -> Result<Value> {
                                    return wrap(~a[0].as_int());
                                  }));
  int mask = t == oid::kInt8 ? 63 : 31;
  DB9_RETURN_IF_ERROR(AddOperator(
      r, "<<", t, oid::kInt4, t,
      [wrap, mask](FunctionContext&, std::span<const Value> a) -> Result<Value> {
        int n = static_cast<int>(a[1].as_int() & mask);
        uint64_t x = static_cast<uint64_t>(a[0].as_int());
        // int2/int4 shift within 32 bits, so bits above them are lost.
        return wrap(mask == 31 ? static_cast<int32_t>(static_cast<uint32_t>(x) << n)
                               : static_cast<int64_t>(x << n));
      }));
  return AddOperator(r, ">>", t, oid::kInt4, t,
                     [wrap, mask](FunctionContext&, std::span<const Value> a) -> Result<Value> {
                       // Arithmetic shift: the sign is kept.
                       return wrap(a[0].as_int() >> (a[1].as_int() & mask));
                     });
}

using NumericBinary = Result<Numeric> (Numeric::*)(const Numeric&) const;

ScalarImpl NumericOp(NumericBinary op) {
  return [op](FunctionContext&, std::span<const Value> a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(Numeric y, Numeric::FromValue(a[1]));
    DB9_ASSIGN_OR_RETURN(Numeric z, (x.*op)(y));
    return z.ToValue();
  };
}

}  // namespace

// float8 ^ float8 as PostgreSQL's dpow, with its error cases.
Result<Value> Float8Power(double x, double y) {
  if (x == 0 && y < 0) {
    return Status::Error("2201F", "zero raised to a negative power is undefined");
  }
  if (x < 0 && std::floor(y) != y && std::isfinite(y)) {
    return Status::Error("2201F",
                         "a negative number raised to a non-integer power yields a complex result");
  }
  double z = std::pow(x, y);
  if (std::isinf(z) && std::isfinite(x) && std::isfinite(y)) {
    return FloatOverflow();
  }
  if (z == 0 && x != 0 && std::isfinite(x) && std::isfinite(y) && y > 0) {
    return FloatUnderflow();
  }
  return Value::Float8(z);
}

Status RegisterArithmetic(Registries& r) {
  for (Oid t : {oid::kInt2, oid::kInt4, oid::kInt8}) {
    DB9_RETURN_IF_ERROR(IntOps(r, t));
    DB9_RETURN_IF_ERROR(BitwiseOps(r, t));
  }
  for (Oid lt : {oid::kFloat4, oid::kFloat8}) {
    for (Oid rt : {oid::kFloat4, oid::kFloat8}) DB9_RETURN_IF_ERROR(FloatOps(r, lt, rt));
  }
  DB9_RETURN_IF_ERROR(AddOperator(r, "^", oid::kFloat8, oid::kFloat8, oid::kFloat8,
                                  [](FunctionContext&, std::span<const Value> a) {
                                    return Float8Power(a[0].as_double(), a[1].as_double());
                                  }));
  const Oid n = oid::kNumeric;
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", n, n, n, NumericOp(&Numeric::Add)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", n, n, n, NumericOp(&Numeric::Sub)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "*", n, n, n, NumericOp(&Numeric::Mul)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "/", n, n, n, NumericOp(&Numeric::Div)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "%", n, n, n, NumericOp(&Numeric::Mod)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "^", n, n, n, NumericOp(&Numeric::Power)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", oid::kInvalid, n, n,
                                  [](FunctionContext&, std::span<const Value> a) -> Result<Value> {
                                    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
                                    return x.Neg().ToValue();
                                  }));
  return AddOperator(r, "+", oid::kInvalid, n, n,
                     [](FunctionContext&, std::span<const Value> a) -> Result<Value> { return a[0]; });
}

}  // namespace db9::functions
