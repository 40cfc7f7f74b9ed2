// gcd, lcm, factorial, scale, min_scale, trim_scale and width_bucket: the
// integer-valued helpers PostgreSQL keeps next to its arithmetic.
#include <cmath>
#include <numeric>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using types::Numeric;
using Args = std::span<const Value>;
using BigInt = Numeric::BigInt;

// gcd/lcm of integers in __int128 so that INT_MIN's magnitude fits; MakeInt
// then raises PostgreSQL's "integer out of range" (gcd(INT_MIN, 0)).
__int128 Gcd128(__int128 a, __int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

Status IntegerFunctions(Registries& r) {
  for (Oid t : {oid::kInt4, oid::kInt8}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, "gcd", {t, t}, t, [t](FunctionContext&, Args a) {
      return MakeInt(t, Gcd128(a[0].as_int(), a[1].as_int()));
    }));
    DB9_RETURN_IF_ERROR(AddFunction(r, "lcm", {t, t}, t, [t](FunctionContext&, Args a) {
      __int128 x = a[0].as_int(), y = a[1].as_int();
      if (x == 0 || y == 0) return MakeInt(t, 0);
      __int128 l = x / Gcd128(x, y) * y;  // |x|,|y| < 2^63: fits in 127 bits
      return MakeInt(t, l < 0 ? -l : l);
    }));
  }
  return AddFunction(r, "factorial", {oid::kInt8}, oid::kNumeric,
                     [](FunctionContext&, Args a) -> Result<Value> {
                       int64_t n = a[0].as_int();
                       if (n < 0) {
                         return Status::Error(sqlstate::kNumericValueOutOfRange,
                                              "factorial of a negative number is undefined");
                       }
                       // PostgreSQL's numeric holds at most 131072 digits.
                       if (n > 32177) {
                         return Status::Error(sqlstate::kNumericValueOutOfRange,
                                              "value overflows numeric format");
                       }
                       BigInt f = 1;
                       for (int64_t i = 2; i <= n; ++i) f *= i;
                       return Numeric(f, 0).ToValue();
                     });
}

// Euclid over numerics of any scale: the remainder keeps the larger scale.
Result<Value> NumericGcd(const Numeric& x, const Numeric& y) {
  if (x.is_nan() || y.is_nan()) return Numeric::NaN().ToValue();
  if (!x.is_finite() || !y.is_finite()) return Numeric::NaN().ToValue();
  Numeric a = x.Abs(), b = y.Abs();
  int scale = std::max(a.scale(), b.scale());
  while (b.sign() != 0) {
    DB9_ASSIGN_OR_RETURN(Numeric t, a.Mod(b));
    a = b;
    b = t;
  }
  return a.Rescaled(scale).ToValue();
}

Status NumericFunctions(Registries& r) {
  const Oid num = oid::kNumeric;
  DB9_RETURN_IF_ERROR(AddFunction(r, "gcd", {num, num}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(Numeric y, Numeric::FromValue(a[1]));
    return NumericGcd(x, y);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "lcm", {num, num}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(Numeric y, Numeric::FromValue(a[1]));
    if (x.is_nan() || y.is_nan() || !x.is_finite() || !y.is_finite()) {
      return Numeric::NaN().ToValue();
    }
    int scale = std::max(x.scale(), y.scale());
    if (x.sign() == 0 || y.sign() == 0) return Numeric().Rescaled(scale).ToValue();
    DB9_ASSIGN_OR_RETURN(Value g, NumericGcd(x, y));
    DB9_ASSIGN_OR_RETURN(Numeric gn, Numeric::FromValue(g));
    DB9_ASSIGN_OR_RETURN(Numeric q, x.Abs().DivScale(gn, 0));  // exact: gn divides x
    DB9_ASSIGN_OR_RETURN(Numeric l, q.Mul(y.Abs()));
    return l.Rescaled(scale).ToValue();
  }));
  // scale(NaN) and the others answer NULL for non-finite input, as PostgreSQL.
  DB9_RETURN_IF_ERROR(AddFunction(r, "scale", {num}, oid::kInt4, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    if (!x.is_finite()) return Value::Null(oid::kInt4);
    return Value::Int4(x.scale());
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "min_scale", {num}, oid::kInt4, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    if (!x.is_finite()) return Value::Null(oid::kInt4);
    int s = x.scale();
    while (s > 0 && x.Round(s - 1).Compare(x) == 0) --s;
    return Value::Int4(s);
  }));
  return AddFunction(r, "trim_scale", {num}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    if (!x.is_finite()) return x.ToValue();
    int s = x.scale();
    while (s > 0 && x.Round(s - 1).Compare(x) == 0) --s;
    return x.Round(s).ToValue();
  });
}

Status BucketError(const char* message) { return Status::Error("2201G", message); }

// width_bucket(operand, b1, b2, count) for float8, as PostgreSQL 15 computes it.
Result<Value> WidthBucketFloat(double op, double b1, double b2, int64_t count) {
  if (count <= 0) return BucketError("count must be greater than zero");
  if (std::isnan(op) || std::isnan(b1) || std::isnan(b2)) {
    return BucketError("operand, lower bound, and upper bound cannot be NaN");
  }
  if (std::isinf(b1) || std::isinf(b2)) return BucketError("lower and upper bounds must be finite");
  if (b1 == b2) return BucketError("lower bound cannot equal upper bound");
  bool up = b1 < b2;
  if (up ? op < b1 : op > b1) return Value::Int4(0);
  if (up ? op >= b2 : op <= b2) return MakeInt(oid::kInt4, static_cast<__int128>(count) + 1);
  // Halving keeps a huge range finite without changing the quotient.
  double span = up ? b2 - b1 : b1 - b2;
  double dist = up ? op - b1 : b1 - op;
  double q = std::isinf(span) ? (up ? op / 2 - b1 / 2 : b1 / 2 - op / 2) /
                                    (up ? b2 / 2 - b1 / 2 : b1 / 2 - b2 / 2)
                              : dist / span;
  double bucket = static_cast<double>(count) * q;
  int64_t result = static_cast<int64_t>(bucket);
  if (result >= count) result = count - 1;  // the quotient may round up to 1.0
  return Value::Int4(result + 1);
}

Result<Value> WidthBucketNumeric(const Numeric& op, const Numeric& b1, const Numeric& b2,
                                 int64_t count) {
  if (count <= 0) return BucketError("count must be greater than zero");
  if (op.is_nan() || b1.is_nan() || b2.is_nan()) {
    return BucketError("operand, lower bound, and upper bound cannot be NaN");
  }
  if (!b1.is_finite() || !b2.is_finite()) return BucketError("lower and upper bounds must be finite");
  int order = b1.Compare(b2);
  if (order == 0) return BucketError("lower bound cannot equal upper bound");
  bool up = order < 0;
  if (up ? op.Compare(b1) < 0 : op.Compare(b1) > 0) return Value::Int4(0);
  if (up ? op.Compare(b2) >= 0 : op.Compare(b2) <= 0) {
    return MakeInt(oid::kInt4, static_cast<__int128>(count) + 1);
  }
  // floor(dist * count / span) exactly, both positive here.
  DB9_ASSIGN_OR_RETURN(Numeric dist, up ? op.Sub(b1) : b1.Sub(op));
  DB9_ASSIGN_OR_RETURN(Numeric span, up ? b2.Sub(b1) : b1.Sub(b2));
  DB9_ASSIGN_OR_RETURN(Numeric scaled, dist.Mul(Numeric::FromInt(count)));
  int s = std::max(scaled.scale(), span.scale());
  BigInt q = scaled.Rescaled(s).unscaled() / span.Rescaled(s).unscaled();
  return Value::Int4(static_cast<int64_t>(q) + 1);
}

}  // namespace

Status RegisterNumberFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(IntegerFunctions(r));
  DB9_RETURN_IF_ERROR(NumericFunctions(r));
  const Oid f8 = oid::kFloat8, num = oid::kNumeric, i4 = oid::kInt4;
  DB9_RETURN_IF_ERROR(AddFunction(r, "width_bucket", {f8, f8, f8, i4}, i4, [](FunctionContext&, Args a) {
    return WidthBucketFloat(a[0].as_double(), a[1].as_double(), a[2].as_double(), a[3].as_int());
  }));
  return AddFunction(r, "width_bucket", {num, num, num, i4}, i4, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric op, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(Numeric b1, Numeric::FromValue(a[1]));
    DB9_ASSIGN_OR_RETURN(Numeric b2, Numeric::FromValue(a[2]));
    return WidthBucketNumeric(op, b1, b2, a[3].as_int());
  });
}

}  // namespace db9::functions
