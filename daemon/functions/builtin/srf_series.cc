// generate_series: the integer, bigint, numeric and timestamp[tz] forms, as
// PostgreSQL's generate_series_int4/int8/numeric/timestamp. Each yields
// lazily, so generate_series(1, 1e12) LIMIT 3 costs three rows, and polls
// the interrupt check so an endless series stays cancellable.
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/datetime_math.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::Numeric;

// How often (in rows) a series asks whether the statement was cancelled.
constexpr uint64_t kInterruptEvery = 4096;

Status PollInterrupt(const FunctionContext& ctx, uint64_t produced) {
  if (ctx.interrupt == nullptr || produced % kInterruptEvery != 0) return Status::OK();
  return ctx.interrupt->CheckInterrupt();
}

Status InvalidStep(const char* what) {
  return Status::Error(sqlstate::kInvalidParameterValue, what);
}

// int4 / int8: the counter runs in 128 bits, so a series ending at the
// type's maximum stops instead of overflowing.
class IntSeries final : public SetIterator {
 public:
  IntSeries(Oid type, int64_t start, int64_t stop, int64_t step)
      : type_(type), current_(start), stop_(stop), step_(step) {}
  Result<bool> Next(FunctionContext& ctx, std::vector<Value>* row) override {
    if (step_ > 0 ? current_ > stop_ : current_ < stop_) return false;
    DB9_RETURN_IF_ERROR(PollInterrupt(ctx, ++produced_));
    *row = {Value::OfInt(type_, static_cast<int64_t>(current_))};
    current_ += step_;
    return true;
  }

 private:
  Oid type_;
  __int128 current_, stop_, step_;
  uint64_t produced_ = 0;
};

SetReturningImpl IntSeriesImpl(Oid type) {
  return [type](FunctionContext&, Args a) -> Result<std::unique_ptr<SetIterator>> {
    int64_t step = a.size() > 2 ? a[2].as_int() : 1;
    if (step == 0) return InvalidStep("step size cannot equal zero");
    return std::unique_ptr<SetIterator>(
        std::make_unique<IntSeries>(type, a[0].as_int(), a[1].as_int(), step));
  };
}

class NumericSeries final : public SetIterator {
 public:
  NumericSeries(Numeric start, Numeric stop, Numeric step)
      : current_(std::move(start)), stop_(std::move(stop)), step_(std::move(step)) {}
  Result<bool> Next(FunctionContext& ctx, std::vector<Value>* row) override {
    int order = current_.Compare(stop_);
    if (step_.sign() > 0 ? order > 0 : order < 0) return false;
    DB9_RETURN_IF_ERROR(PollInterrupt(ctx, ++produced_));
    *row = {current_.ToValue()};
    DB9_ASSIGN_OR_RETURN(current_, current_.Add(step_));
    return true;
  }

 private:
  Numeric current_, stop_, step_;
  uint64_t produced_ = 0;
};

Result<std::unique_ptr<SetIterator>> NumericSeriesImpl(FunctionContext&, Args a) {
  DB9_ASSIGN_OR_RETURN(Numeric start, Numeric::FromValue(a[0]));
  DB9_ASSIGN_OR_RETURN(Numeric stop, Numeric::FromValue(a[1]));
  Numeric step = Numeric::FromInt(1);
  if (a.size() > 2) {
    DB9_ASSIGN_OR_RETURN(step, Numeric::FromValue(a[2]));
  }
  if (start.is_nan()) return InvalidStep("start value cannot be NaN");
  if (stop.is_nan()) return InvalidStep("stop value cannot be NaN");
  if (step.is_nan()) return InvalidStep("step size cannot be NaN");
  if (start.is_inf()) return InvalidStep("start value cannot be infinity");
  if (stop.is_inf()) return InvalidStep("stop value cannot be infinity");
  if (step.is_inf()) return InvalidStep("step size cannot be infinity");
  if (step.sign() == 0) return InvalidStep("step size cannot equal zero");
  return std::unique_ptr<SetIterator>(
      std::make_unique<NumericSeries>(std::move(start), std::move(stop), std::move(step)));
}

// An interval's sign as interval_cmp sees it: months count 30 days.
int IntervalSign(const types::Interval& iv) {
  __int128 span = (static_cast<__int128>(iv.months) * 30 + iv.days) * 86400000000LL + iv.micros;
  return span > 0 ? 1 : (span < 0 ? -1 : 0);
}

class TimestampSeries final : public SetIterator {
 public:
  TimestampSeries(Oid type, int64_t start, int64_t stop, types::Interval step)
      : type_(type), current_(start), stop_(stop), step_(step), sign_(IntervalSign(step)) {}
  Result<bool> Next(FunctionContext& ctx, std::vector<Value>* row) override {
    if (done_ || (sign_ > 0 ? current_ > stop_ : current_ < stop_)) return false;
    DB9_RETURN_IF_ERROR(PollInterrupt(ctx, ++produced_));
    *row = {Value::OfInt(type_, current_)};
    Result<int64_t> next = AddInterval(current_, step_, type_ == oid::kTimestamptz, *ctx.io);
    // Stepping past the representable range ends the series after this row.
    if (next.ok()) {
      current_ = *next;
    } else {
      done_ = true;
    }
    return true;
  }

 private:
  Oid type_;
  int64_t current_, stop_;
  types::Interval step_;
  int sign_;
  bool done_ = false;
  uint64_t produced_ = 0;
};

SetReturningImpl TimestampSeriesImpl(Oid type) {
  return [type](FunctionContext&, Args a) -> Result<std::unique_ptr<SetIterator>> {
    const types::Interval& step = a[2].as_interval();
    if (IntervalSign(step) == 0) return InvalidStep("step size cannot equal zero");
    return std::unique_ptr<SetIterator>(
        std::make_unique<TimestampSeries>(type, a[0].as_int(), a[1].as_int(), step));
  };
}

Status AddSeries(Registries& r, std::vector<Oid> args, Oid ret, SetReturningImpl impl,
                 Volatility volatility = Volatility::kImmutable) {
  FunctionInfo f;
  f.name = "generate_series";
  f.arg_types = std::move(args);
  f.return_type = ret;
  f.volatility = volatility;
  f.set_impl = std::move(impl);
  return r.functions.Register(std::move(f));
}

}  // namespace

Status RegisterSeriesFunctions(Registries& r) {
  for (Oid t : {oid::kInt4, oid::kInt8}) {
    DB9_RETURN_IF_ERROR(AddSeries(r, {t, t}, t, IntSeriesImpl(t)));
    DB9_RETURN_IF_ERROR(AddSeries(r, {t, t, t}, t, IntSeriesImpl(t)));
  }
  const Oid n = oid::kNumeric;
  DB9_RETURN_IF_ERROR(AddSeries(r, {n, n}, n, NumericSeriesImpl));
  DB9_RETURN_IF_ERROR(AddSeries(r, {n, n, n}, n, NumericSeriesImpl));
  DB9_RETURN_IF_ERROR(AddSeries(r, {oid::kTimestamp, oid::kTimestamp, oid::kInterval},
                                oid::kTimestamp, TimestampSeriesImpl(oid::kTimestamp)));
  // timestamptz steps in the session time zone, so it is only stable.
  DB9_RETURN_IF_ERROR(AddSeries(r, {oid::kTimestamptz, oid::kTimestamptz, oid::kInterval},
                                oid::kTimestamptz, TimestampSeriesImpl(oid::kTimestamptz),
                                Volatility::kStable));
  return Status::OK();
}

}  // namespace db9::functions
