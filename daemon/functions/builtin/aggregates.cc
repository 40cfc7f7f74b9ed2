// count, sum, avg, min, max, bool_and/bool_or/every, string_agg, array_agg
// with PostgreSQL's result types: sum(int2/int4) -> int8, sum(int8) ->
// numeric, avg(integers) -> numeric, sum/avg(float) -> float8 (float4 sum
// stays float4). All but count(*) and array_agg skip NULL inputs.
#include <cmath>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/array_value.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::Interval;
using types::Numeric;

bool AnyNull(Args a) {
  for (const Value& v : a) {
    if (v.is_null()) return true;
  }
  return false;
}

// Adds the non-NULL arguments to a running sum and count.
template <typename Read, typename Sum>
void SumEach(std::span<const Value* const> args, Read read, Sum& sum, int64_t& n) {
  for (const Value* arg : args) {
    if (arg->is_null()) continue;
    sum += read(*arg);
    ++n;
  }
}

class CountState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit CountState(bool star) : star_(star) {}
  Status Add(FunctionContext&, Args a) override {
    if (star_ || !AnyNull(a)) ++n_;
    return Status::OK();
  }
  Status AddEach(FunctionContext&, std::span<const Value* const> args) override {
    if (star_) {
      n_ += static_cast<int64_t>(args.size());
      return Status::OK();
    }
    for (const Value* arg : args) n_ += arg == nullptr || !arg->is_null() ? 1 : 0;
    return Status::OK();
  }
  bool Combinable() const override { return true; }
  Status Combine(FunctionContext&, AggregateState& other) override {
    n_ += static_cast<CountState&>(other).n_;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override { return Value::Int8(n_); }

 private:
  bool star_;
  int64_t n_ = 0;
};

// sum/avg over integers, kept exactly in 128 bits.
class IntSumState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  IntSumState(bool avg, Oid result) : avg_(avg), result_(result) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    sum_ += a[0].as_int();
    ++n_;
    return Status::OK();
  }
  Status AddEach(FunctionContext&, std::span<const Value* const> args) override {
    SumEach(args, [](const Value& v) { return v.as_int(); }, sum_, n_);
    return Status::OK();
  }
  bool Combinable() const override { return true; }
  Status Combine(FunctionContext&, AggregateState& other) override {
    const auto& part = static_cast<IntSumState&>(other);
    sum_ += part.sum_;
    n_ += part.n_;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ == 0) return Value::Null(result_);
    if (result_ == oid::kInt8) {
      if (sum_ > INT64_MAX || sum_ < INT64_MIN) return IntOutOfRange(oid::kInt8);
      return Value::Int8(static_cast<int64_t>(sum_));
    }
    DB9_ASSIGN_OR_RETURN(Numeric sum, Numeric::Parse(ToString(sum_)));
    if (!avg_) return sum.ToValue();
    DB9_ASSIGN_OR_RETURN(Numeric avg, sum.Div(Numeric::FromInt(n_)));
    return avg.ToValue();
  }

 private:
  static std::string ToString(__int128 v) {
    bool neg = v < 0;
    unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    std::string s;
    do {
      s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
      u /= 10;
    } while (u != 0);
    return neg ? "-" + s : s;
  }
  bool avg_;
  Oid result_;
  __int128 sum_ = 0;
  int64_t n_ = 0;
};

class NumericSumState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit NumericSumState(bool avg) : avg_(avg) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    DB9_ASSIGN_OR_RETURN(Numeric x, Numeric::FromValue(a[0]));
    DB9_ASSIGN_OR_RETURN(sum_, sum_.Add(x));
    ++n_;
    return Status::OK();
  }
  bool Combinable() const override { return true; }
  Status Combine(FunctionContext&, AggregateState& other) override {
    const auto& part = static_cast<NumericSumState&>(other);
    DB9_ASSIGN_OR_RETURN(sum_, sum_.Add(part.sum_));
    n_ += part.n_;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ == 0) return Value::Null(oid::kNumeric);
    if (!avg_) return sum_.ToValue();
    DB9_ASSIGN_OR_RETURN(Numeric avg, sum_.Div(Numeric::FromInt(n_)));
    return avg.ToValue();
  }

 private:
  bool avg_;
  Numeric sum_;
  int64_t n_ = 0;
};

class FloatSumState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  FloatSumState(bool avg, Oid result) : avg_(avg), result_(result) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    sum_ += a[0].as_double();
    ++n_;
    return Status::OK();
  }
  Status AddEach(FunctionContext&, std::span<const Value* const> args) override {
    SumEach(args, [](const Value& v) { return v.as_double(); }, sum_, n_);
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ == 0) return Value::Null(result_);
    double v = avg_ ? sum_ / static_cast<double>(n_) : sum_;
    if (result_ == oid::kFloat4) v = static_cast<float>(v);
    return Value::Of(result_, v);
  }

 private:
  bool avg_;
  Oid result_;
  double sum_ = 0;
  int64_t n_ = 0;
};

class IntervalSumState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit IntervalSumState(bool avg) : avg_(avg) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    const Interval& v = a[0].as_interval();
    months_ += v.months;
    days_ += v.days;
    micros_ += v.micros;
    ++n_;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (n_ == 0) return Value::Null(oid::kInterval);
    if (!avg_) {
      if (months_ > INT32_MAX || months_ < INT32_MIN || days_ > INT32_MAX || days_ < INT32_MIN ||
          micros_ > INT64_MAX || micros_ < INT64_MIN) {
        return Status::Error("22015", "interval out of range");
      }
      return Value::OfInterval(Interval{static_cast<int32_t>(months_), static_cast<int32_t>(days_),
                                        static_cast<int64_t>(micros_)});
    }
    // interval_div spreads fractional months into days and days into time.
    double n = static_cast<double>(n_);
    double months = static_cast<double>(months_) / n;
    double days = static_cast<double>(days_) / n;
    Interval out;
    out.months = static_cast<int32_t>(months);
    double month_rem_days = (months - out.months) * 30;
    out.days = static_cast<int32_t>(days);
    double sec_rem = (days - out.days + month_rem_days - static_cast<int32_t>(month_rem_days)) * 86400;
    out.days += static_cast<int32_t>(month_rem_days);
    out.micros = static_cast<int64_t>(std::nearbyint(static_cast<double>(micros_) / n + sec_rem * 1e6));
    return Value::OfInterval(out);
  }

 private:
  bool avg_;
  __int128 months_ = 0, days_ = 0, micros_ = 0;
  int64_t n_ = 0;
};

class MinMaxState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  MinMaxState(const types::TypeInfo* type, bool max) : type_(type), max_(max) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    if (best_.is_null()) {
      best_ = a[0];
      return Status::OK();
    }
    int c = type_->compare(*type_, a[0], best_);
    if (max_ ? c > 0 : c < 0) best_ = a[0];
    return Status::OK();
  }
  bool Combinable() const override { return true; }
  Status Combine(FunctionContext& ctx, AggregateState& other) override {
    const Value& best = static_cast<MinMaxState&>(other).best_;
    if (best.is_null()) return Status::OK();
    return Add(ctx, std::span<const Value>(&best, 1));
  }
  Result<Value> Finish(FunctionContext&) override {
    return best_.is_null() ? Value::Null(type_->oid) : best_;
  }

 private:
  const types::TypeInfo* type_;
  bool max_;
  Value best_;
};

class BoolState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit BoolState(bool is_and) : and_(is_and) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    seen_ = true;
    acc_ = and_ ? (acc_ && a[0].as_bool()) : (acc_ || a[0].as_bool());
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    return seen_ ? Value::Bool(acc_) : Value::Null(oid::kBool);
  }

 private:
  bool and_;
  bool seen_ = false;
  bool acc_ = and_;
};

class StringAggState : public AggregateState {
 public:
  bool CanFinishRepeatedly() const override { return true; }
  explicit StringAggState(Oid type) : type_(type) {}
  Status Add(FunctionContext&, Args a) override {
    if (a[0].is_null()) return Status::OK();
    if (seen_ && !a[1].is_null()) out_ += a[1].as_string();
    out_ += a[0].as_string();
    seen_ = true;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    return seen_ ? Value::OfString(type_, out_) : Value::Null(type_);
  }

 private:
  Oid type_;
  bool seen_ = false;
  std::string out_;
};

class ArrayAggState : public AggregateState {
 public:
  ArrayAggState(Oid element, Oid array) : element_(element), array_(array) {}
  Status Add(FunctionContext&, Args a) override {
    items_.push_back(a[0].is_null() ? Value::Null(element_) : a[0]);
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (items_.empty()) return Value::Null(array_);
    return types::MakeArrayValue(array_, types::ArrayValue::OneDim(element_, std::move(items_)));
  }

 private:
  Oid element_, array_;
  std::vector<Value> items_;
};

Status Add(Registries& r, std::string name, std::vector<Oid> args, Oid ret,
           std::function<std::unique_ptr<AggregateState>(FunctionContext&)> create) {
  AggregateInfo info;
  info.name = std::move(name);
  info.arg_types = std::move(args);
  info.return_type = ret;
  info.create = std::move(create);
  return r.aggregates.Register(std::move(info));
}

Status SumAvg(Registries& r) {
  for (bool avg : {false, true}) {
    const char* name = avg ? "avg" : "sum";
    for (Oid t : {oid::kInt2, oid::kInt4, oid::kInt8}) {
      Oid result = avg || t == oid::kInt8 ? oid::kNumeric : oid::kInt8;
      DB9_RETURN_IF_ERROR(Add(r, name, {t}, result, [avg, result](FunctionContext&) {
        return std::make_unique<IntSumState>(avg, result);
      }));
    }
    DB9_RETURN_IF_ERROR(Add(r, name, {oid::kNumeric}, oid::kNumeric, [avg](FunctionContext&) {
      return std::make_unique<NumericSumState>(avg);
    }));
    for (Oid t : {oid::kFloat4, oid::kFloat8}) {
      Oid result = avg ? oid::kFloat8 : t;
      DB9_RETURN_IF_ERROR(Add(r, name, {t}, result, [avg, result](FunctionContext&) {
        return std::make_unique<FloatSumState>(avg, result);
      }));
    }
    DB9_RETURN_IF_ERROR(Add(r, name, {oid::kInterval}, oid::kInterval, [avg](FunctionContext&) {
      return std::make_unique<IntervalSumState>(avg);
    }));
  }
  return Status::OK();
}

}  // namespace

Status RegisterAggregates(Registries& r) {
  DB9_RETURN_IF_ERROR(Add(r, "count", {}, oid::kInt8, [](FunctionContext&) {
    return std::make_unique<CountState>(true);
  }));
  DB9_RETURN_IF_ERROR(Add(r, "count", {oid::kAny}, oid::kInt8, [](FunctionContext&) {
    return std::make_unique<CountState>(false);
  }));
  DB9_RETURN_IF_ERROR(SumAvg(r));
  // min/max for every orderable type, one entry per type as in PostgreSQL
  // (so min(json) does not resolve). varchar uses text's, bpchar its own.
  std::vector<const types::TypeInfo*> orderable;
  for (const auto& t : r.types.all()) {
    if (t->compare != nullptr && t->oid != oid::kVarchar && t->oid != oid::kUnknown &&
        t->category != types::category::kPseudo) {
      orderable.push_back(t.get());
    }
  }
  for (const types::TypeInfo* t : orderable) {
    for (bool max : {false, true}) {
      DB9_RETURN_IF_ERROR(Add(r, max ? "max" : "min", {t->oid}, t->oid, [t, max](FunctionContext&) {
        return std::make_unique<MinMaxState>(t, max);
      }));
    }
  }
  for (const char* name : {"bool_and", "every"}) {
    DB9_RETURN_IF_ERROR(Add(r, name, {oid::kBool}, oid::kBool, [](FunctionContext&) {
      return std::make_unique<BoolState>(true);
    }));
  }
  DB9_RETURN_IF_ERROR(Add(r, "bool_or", {oid::kBool}, oid::kBool, [](FunctionContext&) {
    return std::make_unique<BoolState>(false);
  }));
  for (Oid t : {oid::kText, oid::kBytea}) {
    DB9_RETURN_IF_ERROR(Add(r, "string_agg", {t, t}, t, [t](FunctionContext&) {
      return std::make_unique<StringAggState>(t);
    }));
  }
  return Add(r, "array_agg", {oid::kAnyElement}, oid::kAnyArray,
             [](FunctionContext& ctx) -> std::unique_ptr<AggregateState> {
               // Resolve() guarantees the result is the element's array type.
               const types::TypeInfo* arr = ctx.types().Find(ctx.result_type);
               return std::make_unique<ArrayAggState>(arr->element_oid, arr->oid);
             });
}

}  // namespace db9::functions
