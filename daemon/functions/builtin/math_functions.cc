// abs, ceil/ceiling, floor, round, trunc, mod, power/pow, sqrt, cbrt, exp, ln,
// log, log10, sign, pi, random, div: the float8 and numeric (and integer,
// where PostgreSQL has them) overloads.
#include <cmath>
#include <random>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using types::Numeric;
using Args = std::span<const Value>;

ScalarImpl Float(double (*fn)(double)) {
  return [fn](FunctionContext&, Args a) -> Result<Value> { return Value::Float8(fn(a[0].as_double())); };
}

ScalarImpl NumericUnary(Numeric (Numeric::*fn)() const) {
  return [fn](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    return (n.*fn)().ToValue();
  };
}

ScalarImpl NumericFallible(Result<Numeric> (Numeric::*fn)() const) {
  return [fn](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(Numeric out, (n.*fn)());
    return out.ToValue();
  };
}

std::mt19937_64& Generator() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return gen;
}

Status LogError(double x) {
  return Status::Error("2201E", x == 0 ? "cannot take logarithm of zero"
                                       : "cannot take logarithm of a negative number");
}

// abs(x) and the prefix operator @ x share one implementation.
Status AddAbs(Registries& r, Oid t, ScalarImpl impl) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "abs", {t}, t, impl));
  return AddOperator(r, "@", oid::kInvalid, t, t, std::move(impl));
}

Status AbsSignMod(Registries& r) {
  for (Oid t : {oid::kInt2, oid::kInt4, oid::kInt8}) {
    DB9_RETURN_IF_ERROR(AddAbs(r, t, [t](FunctionContext&, Args a) {
      return MakeInt(t, a[0].as_int() < 0 ? -static_cast<__int128>(a[0].as_int()) : a[0].as_int());
    }));
    DB9_RETURN_IF_ERROR(AddFunction(r, "mod", {t, t}, t, [t](FunctionContext&, Args a) -> Result<Value> {
      if (a[1].as_int() == 0) return DivisionByZero();
      return MakeInt(t, static_cast<__int128>(a[0].as_int()) % a[1].as_int());
    }));
  }
  for (Oid t : {oid::kFloat4, oid::kFloat8}) {
    DB9_RETURN_IF_ERROR(AddAbs(r, t, [t](FunctionContext&, Args a) -> Result<Value> {
      return Value::Of(t, std::fabs(a[0].as_double()));
    }));
  }
  DB9_RETURN_IF_ERROR(AddAbs(r, oid::kNumeric, NumericUnary(&Numeric::Abs)));
  DB9_RETURN_IF_ERROR(AddFunction(r, "mod", {oid::kNumeric, oid::kNumeric}, oid::kNumeric,
                                  [](FunctionContext&, Args a) -> Result<Value> {
                                    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
                                    DB9_ASSIGN_OR_RETURN(Numeric y, Numeric::FromValue(a[1]));
                                    DB9_ASSIGN_OR_RETURN(Numeric z, x.Mod(y));
                                    return z.ToValue();
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "div", {oid::kNumeric, oid::kNumeric}, oid::kNumeric,
                                  [](FunctionContext&, Args a) -> Result<Value> {
                                    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
                                    DB9_ASSIGN_OR_RETURN(Numeric y, Numeric::FromValue(a[1]));
                                    // (x - mod(x, y)) / y divides exactly.
                                    DB9_ASSIGN_OR_RETURN(Numeric rem, x.Mod(y));
                                    DB9_ASSIGN_OR_RETURN(Numeric whole, x.Sub(rem));
                                    DB9_ASSIGN_OR_RETURN(Numeric q, whole.DivScale(y, 0));
                                    return q.ToValue();
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "sign", {oid::kFloat8}, oid::kFloat8, Float([](double x) {
    return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
  })));
  return AddFunction(r, "sign", {oid::kNumeric}, oid::kNumeric, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    if (n.is_nan()) return n.ToValue();
    return Numeric::FromInt(n.sign()).ToValue();
  });
}

Status Rounding(Registries& r) {
  const Oid f8 = oid::kFloat8, num = oid::kNumeric, i4 = oid::kInt4;
  for (const char* name : {"ceil", "ceiling"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {f8}, f8, Float([](double x) { return std::ceil(x); })));
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {num}, num, NumericUnary(&Numeric::Ceil)));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "floor", {f8}, f8, Float([](double x) { return std::floor(x); })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "floor", {num}, num, NumericUnary(&Numeric::Floor)));
  // round(float8) rounds half to even (rint), round(numeric) half away from zero.
  DB9_RETURN_IF_ERROR(AddFunction(r, "round", {f8}, f8, Float([](double x) { return std::nearbyint(x); })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "trunc", {f8}, f8, Float([](double x) { return std::trunc(x); })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "round", {num}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    return n.Round(0).ToValue();
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "trunc", {num}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    return n.Trunc(0).ToValue();
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "round", {num, i4}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    return n.Round(static_cast<int>(a[1].as_int())).ToValue();
  }));
  return AddFunction(r, "trunc", {num, i4}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(a[0]));
    return n.Trunc(static_cast<int>(a[1].as_int())).ToValue();
  });
}

Status PowersAndLogs(Registries& r) {
  const Oid f8 = oid::kFloat8, num = oid::kNumeric;
  for (const char* name : {"power", "pow"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {f8, f8}, f8, [](FunctionContext&, Args a) {
      return Float8Power(a[0].as_double(), a[1].as_double());
    }));
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {num, num}, num, [](FunctionContext&, Args a) -> Result<Value> {
      DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
      DB9_ASSIGN_OR_RETURN(Numeric y, Numeric::FromValue(a[1]));
      DB9_ASSIGN_OR_RETURN(Numeric z, x.Power(y));
      return z.ToValue();
    }));
  }
  // sqrt/cbrt and their prefix operators |/ and ||/ share one implementation.
  ScalarImpl sqrt = [](FunctionContext&, Args a) -> Result<Value> {
    double x = a[0].as_double();
    if (x < 0) return Status::Error("2201F", "cannot take square root of a negative number");
    return Value::Float8(std::sqrt(x));
  };
  ScalarImpl cbrt = [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Float8(std::cbrt(a[0].as_double()));
  };
  DB9_RETURN_IF_ERROR(AddFunction(r, "sqrt", {f8}, f8, sqrt));
  DB9_RETURN_IF_ERROR(AddOperator(r, "|/", oid::kInvalid, f8, f8, sqrt));
  DB9_RETURN_IF_ERROR(AddFunction(r, "sqrt", {num}, num, NumericFallible(&Numeric::Sqrt)));
  DB9_RETURN_IF_ERROR(AddFunction(r, "cbrt", {f8}, f8, cbrt));
  DB9_RETURN_IF_ERROR(AddOperator(r, "||/", oid::kInvalid, f8, f8, cbrt));
  DB9_RETURN_IF_ERROR(AddFunction(r, "exp", {f8}, f8, [](FunctionContext&, Args a) -> Result<Value> {
    double x = a[0].as_double();
    double z = std::exp(x);
    if (std::isinf(z) && std::isfinite(x)) {
      return FloatOverflow();
    }
    return Value::Float8(z);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "exp", {num}, num, NumericFallible(&Numeric::Exp)));
  auto flog = [](double (*fn)(double)) {
    return [fn](FunctionContext&, Args a) -> Result<Value> {
      double x = a[0].as_double();
      if (x <= 0) return LogError(x);
      return Value::Float8(fn(x));
    };
  };
  DB9_RETURN_IF_ERROR(AddFunction(r, "ln", {f8}, f8, flog([](double x) { return std::log(x); })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "ln", {num}, num, NumericFallible(&Numeric::Ln)));
  for (const char* name : {"log", "log10"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {f8}, f8, flog([](double x) { return std::log10(x); })));
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {num}, num, NumericFallible(&Numeric::Log10)));
  }
  return AddFunction(r, "log", {num, num}, num, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric base, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[1]));
    DB9_ASSIGN_OR_RETURN(Numeric z, base.LogOf(x));
    return z.ToValue();
  });
}

}  // namespace

Status RegisterMathFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(AbsSignMod(r));
  DB9_RETURN_IF_ERROR(Rounding(r));
  DB9_RETURN_IF_ERROR(PowersAndLogs(r));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pi", {}, oid::kFloat8, [](FunctionContext&, Args) -> Result<Value> {
    return Value::Float8(M_PI);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "random", {}, oid::kFloat8,
      [](FunctionContext&, Args) -> Result<Value> {
        return Value::Float8(std::uniform_real_distribution<double>(0.0, 1.0)(Generator()));
      },
      Volatility::kVolatile));
  // The seed reaches the generator of the worker thread that runs it, which
  // is the session's for the rest of the statement (PostgreSQL: per backend).
  return AddFunction(
      r, "setseed", {oid::kFloat8}, oid::kVoid,
      [](FunctionContext&, Args a) -> Result<Value> {
        double seed = a[0].as_double();
        if (!(seed >= -1.0 && seed <= 1.0)) {
          return Status::Error(sqlstate::kInvalidParameterValue,
                               "setseed parameter " + std::to_string(seed) +
                                   " is out of allowed range [-1,1]");
        }
        Generator().seed(static_cast<uint64_t>((seed + 1.0) * 4294967295.0));
        return Value::OfString(oid::kVoid, "");
      },
      Volatility::kVolatile);
}

}  // namespace db9::functions
