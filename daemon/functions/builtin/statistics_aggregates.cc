// stddev/stddev_samp/stddev_pop and variance/var_samp/var_pop, with
// PostgreSQL's result types and arithmetic: integer and numeric inputs are
// summed exactly as numeric (numeric_stddev_internal), float inputs use the
// Youngs-Cramer running sums in double (float8_accum), so results match
// PostgreSQL to the last digit.
#include <cmath>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using types::Numeric;

struct Kind {
  bool sample;  // divide by N - 1 (samp) or N (pop)
  bool root;    // stddev (square root) or variance
};

class FloatStatsState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit FloatStatsState(Kind kind) : kind_(kind) {}
  Status Add(FunctionContext&, std::span<const Value> a) override {
    if (a[0].is_null()) return Status::OK();
    double x = a[0].as_double();
    double old_n = n_;
    n_ += 1.0;
    sx_ += x;
    if (old_n > 0.0) {
      double tmp = x * n_ - sx_;
      sxx_ += tmp * tmp / (n_ * old_n);
    } else if (std::isnan(x) || std::isinf(x)) {
      sxx_ = std::nan("");
    }
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ == 0.0 || (kind_.sample && n_ <= 1.0)) return Value::Null(oid::kFloat8);
    double var = sxx_ / (kind_.sample ? n_ - 1.0 : n_);
    return Value::Float8(kind_.root ? std::sqrt(var) : var);
  }

 private:
  Kind kind_;
  double n_ = 0, sx_ = 0, sxx_ = 0;
};

class NumericStatsState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit NumericStatsState(Kind kind) : kind_(kind) {}
  Status Add(FunctionContext&, std::span<const Value> a) override {
    if (a[0].is_null()) return Status::OK();
    Numeric x;
    if (a[0].type() == oid::kNumeric) {
      DB9_ASSIGN_OR_RETURN(x, Numeric::FromValue(a[0]));
    } else {
      x = Numeric::FromInt(a[0].as_int());
    }
    if (x.is_nan()) nan_ = true;
    if (x.is_inf()) inf_ = true;
    if (!x.is_finite()) return Status::OK();
    ++n_;
    DB9_ASSIGN_OR_RETURN(sx_, sx_.Add(x));
    DB9_ASSIGN_OR_RETURN(Numeric sq, x.Mul(x));
    DB9_ASSIGN_OR_RETURN(sxx_, sxx_.Add(sq));
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ + nan_ + inf_ == 0 || (kind_.sample && n_ + nan_ + inf_ <= 1)) {
      return Value::Null(oid::kNumeric);
    }
    if (nan_ || inf_) return Numeric::NaN().ToValue();
    // numerator = N * sum(x^2) - sum(x)^2, computed exactly.
    DB9_ASSIGN_OR_RETURN(Numeric sx_squared, sx_.Mul(sx_));
    DB9_ASSIGN_OR_RETURN(Numeric n_sxx, Numeric::FromInt(n_).Mul(sxx_));
    DB9_ASSIGN_OR_RETURN(Numeric numerator, n_sxx.Sub(sx_squared));
    if (numerator.sign() <= 0) return Numeric().ToValue();
    Numeric denominator = Numeric::FromInt(kind_.sample ? n_ * (n_ - 1) : n_ * n_);
    // Div picks PostgreSQL's select_div_scale, as numeric_stddev_internal.
    DB9_ASSIGN_OR_RETURN(Numeric var, numerator.Div(denominator));
    if (!kind_.root) return var.ToValue();
    // sqrt_var at the variance's scale: isqrt with one guard digit, rounded.
    int scale = var.scale();
    Numeric::BigInt radicand = var.unscaled();
    for (int i = 0; i < scale + 2; ++i) radicand *= 10;
    Numeric::BigInt root = boost::multiprecision::sqrt(radicand);
    Numeric::BigInt q = root / 10, rem = root % 10;
    if (rem >= 5) q += 1;
    return Numeric(q, scale).ToValue();
  }

 private:
  Kind kind_;
  int64_t n_ = 0;
  bool nan_ = false, inf_ = false;
  Numeric sx_, sxx_;
};

Status AddStats(Registries& r, const char* name, Kind kind) {
  for (Oid t : {oid::kInt2, oid::kInt4, oid::kInt8, oid::kNumeric, oid::kFloat4, oid::kFloat8}) {
    bool is_float = t == oid::kFloat4 || t == oid::kFloat8;
    AggregateInfo info;
    info.name = name;
    info.arg_types = {t};
    info.return_type = is_float ? oid::kFloat8 : oid::kNumeric;
    info.create = [kind, is_float](FunctionContext&) -> std::unique_ptr<AggregateState> {
      if (is_float) return std::make_unique<FloatStatsState>(kind);
      return std::make_unique<NumericStatsState>(kind);
    };
    DB9_RETURN_IF_ERROR(r.aggregates.Register(std::move(info)));
  }
  return Status::OK();
}

}  // namespace

Status RegisterStatisticsAggregates(Registries& r) {
  // stddev and variance are PostgreSQL's historical names for the sample forms.
  for (const char* name : {"stddev", "stddev_samp"}) {
    DB9_RETURN_IF_ERROR(AddStats(r, name, Kind{true, true}));
  }
  for (const char* name : {"variance", "var_samp"}) {
    DB9_RETURN_IF_ERROR(AddStats(r, name, Kind{true, false}));
  }
  DB9_RETURN_IF_ERROR(AddStats(r, "stddev_pop", Kind{false, true}));
  return AddStats(r, "var_pop", Kind{false, false});
}

}  // namespace db9::functions
