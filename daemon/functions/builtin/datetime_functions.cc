// Date/time operators and functions: now() and friends, date/timestamp
// +/- interval and integer, differences, interval arithmetic, date_trunc,
// date_part/extract, age, make_date, make_timestamp, to_timestamp.
#include <cmath>
#include <cstdio>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/datetime_math.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/datetime.h"
#include "daemon/types/interval.h"
#include "daemon/types/timezone.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::Interval;
using types::Numeric;

constexpr Oid kDate = oid::kDate, kTs = oid::kTimestamp, kTstz = oid::kTimestamptz,
              kIv = oid::kInterval, kTime = oid::kTime;

int64_t LocalNow(const FunctionContext& ctx, int64_t utc) {
  return utc + static_cast<int64_t>(types::ZoneOffsetAtUtc(*ctx.io, utc)) * types::kUsecPerSec;
}

Result<Value> DateFromDays(int64_t days) {
  if (!types::DateInRange(days)) return Status::Error(sqlstate::kDatetimeFieldOverflow, "date out of range");
  return Value::OfInt(kDate, days);
}

Status CurrentTime(Registries& r) {
  auto tx_now = [](FunctionContext& ctx, Args) -> Result<Value> {
    return Value::OfInt(kTstz, ctx.transaction_start != 0 ? ctx.transaction_start : types::NowMicros());
  };
  for (const char* name : {"now", "transaction_timestamp", "current_timestamp"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {}, kTstz, tx_now, Volatility::kStable));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "statement_timestamp", {}, kTstz, [](FunctionContext& ctx, Args) -> Result<Value> {
    return Value::OfInt(kTstz, ctx.statement_start != 0 ? ctx.statement_start : types::NowMicros());
  }, Volatility::kStable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "clock_timestamp", {}, kTstz, [](FunctionContext&, Args) -> Result<Value> {
    return Value::OfInt(kTstz, types::NowMicros());
  }, Volatility::kVolatile));
  DB9_RETURN_IF_ERROR(AddFunction(r, "current_date", {}, kDate, [](FunctionContext& ctx, Args) -> Result<Value> {
    int64_t now = ctx.transaction_start != 0 ? ctx.transaction_start : types::NowMicros();
    int64_t days, tod;
    types::SplitTimestamp(LocalNow(ctx, now), &days, &tod);
    return Value::OfInt(kDate, days);
  }, Volatility::kStable));
  return AddFunction(r, "localtimestamp", {}, kTs, [](FunctionContext& ctx, Args) -> Result<Value> {
    int64_t now = ctx.transaction_start != 0 ? ctx.transaction_start : types::NowMicros();
    return Value::OfInt(kTs, LocalNow(ctx, now));
  }, Volatility::kStable);
}

Status DateArithmetic(Registries& r) {
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", kDate, oid::kInt4, kDate, [](FunctionContext&, Args a) {
    return DateFromDays(a[0].as_int() + a[1].as_int());
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", oid::kInt4, kDate, kDate, [](FunctionContext&, Args a) {
    return DateFromDays(a[0].as_int() + a[1].as_int());
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", kDate, oid::kInt4, kDate, [](FunctionContext&, Args a) {
    return DateFromDays(a[0].as_int() - a[1].as_int());
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", kDate, kDate, oid::kInt4, [](FunctionContext&, Args a) -> Result<Value> {
    if (a[0].as_int() == types::kDateInfinity || a[0].as_int() == types::kDateNegInfinity ||
        a[1].as_int() == types::kDateInfinity || a[1].as_int() == types::kDateNegInfinity) {
      return Status::Error(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite dates");
    }
    return Value::Int4(a[0].as_int() - a[1].as_int());
  }));
  auto date_iv = [](bool minus) {
    return [minus](FunctionContext& ctx, Args a) -> Result<Value> {
      Interval iv = minus ? NegateInterval(a[1].as_interval()) : a[1].as_interval();
      DB9_ASSIGN_OR_RETURN(int64_t ts, AddInterval(a[0].as_int() * types::kUsecPerDay, iv, false, *ctx.io));
      return Value::OfInt(kTs, ts);
    };
  };
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", kDate, kIv, kTs, date_iv(false)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", kDate, kIv, kTs, date_iv(true)));
  return AddOperator(r, "+", kDate, kTime, kTs, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::OfInt(kTs, a[0].as_int() * types::kUsecPerDay + a[1].as_int());
  });
}

Status TimestampArithmetic(Registries& r) {
  for (Oid t : {kTs, kTstz}) {
    bool zone = t == kTstz;
    auto add = [t, zone](bool minus) {
      return [t, zone, minus](FunctionContext& ctx, Args a) -> Result<Value> {
        Interval iv = minus ? NegateInterval(a[1].as_interval()) : a[1].as_interval();
        DB9_ASSIGN_OR_RETURN(int64_t ts, AddInterval(a[0].as_int(), iv, zone, *ctx.io));
        return Value::OfInt(t, ts);
      };
    };
    DB9_RETURN_IF_ERROR(AddOperator(r, "+", t, kIv, t, add(false)));
    DB9_RETURN_IF_ERROR(AddOperator(r, "-", t, kIv, t, add(true)));
    DB9_RETURN_IF_ERROR(AddOperator(r, "+", kIv, t, t, [t, zone](FunctionContext& ctx, Args a) -> Result<Value> {
      DB9_ASSIGN_OR_RETURN(int64_t ts, AddInterval(a[1].as_int(), a[0].as_interval(), zone, *ctx.io));
      return Value::OfInt(t, ts);
    }));
    DB9_RETURN_IF_ERROR(AddOperator(r, "-", t, t, kIv, [](FunctionContext&, Args a) -> Result<Value> {
      int64_t x = a[0].as_int(), y = a[1].as_int();
      if (x == types::kTimestampInfinity || x == types::kTimestampNegInfinity ||
          y == types::kTimestampInfinity || y == types::kTimestampNegInfinity) {
        return Status::Error(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
      }
      return Value::OfInterval(SubtractTimestamps(x, y));
    }));
  }
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", kTime, kIv, kTime, [](FunctionContext&, Args a) -> Result<Value> {
    int64_t t = (a[0].as_int() + a[1].as_interval().micros) % types::kUsecPerDay;
    return Value::OfInt(kTime, t < 0 ? t + types::kUsecPerDay : t);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", kTime, kIv, kTime, [](FunctionContext&, Args a) -> Result<Value> {
    int64_t t = (a[0].as_int() - a[1].as_interval().micros) % types::kUsecPerDay;
    return Value::OfInt(kTime, t < 0 ? t + types::kUsecPerDay : t);
  }));
  return AddOperator(r, "-", kTime, kTime, kIv, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::OfInterval(Interval{0, 0, a[0].as_int() - a[1].as_int()});
  });
}

Status IntervalArithmetic(Registries& r) {
  auto overflow = [] { return Status::Error("22015", "interval out of range"); };
  DB9_RETURN_IF_ERROR(AddOperator(r, "+", kIv, kIv, kIv, [overflow](FunctionContext&, Args a) -> Result<Value> {
    const Interval &x = a[0].as_interval(), &y = a[1].as_interval();
    Interval z;
    if (__builtin_add_overflow(x.months, y.months, &z.months) ||
        __builtin_add_overflow(x.days, y.days, &z.days) ||
        __builtin_add_overflow(x.micros, y.micros, &z.micros)) {
      return overflow();
    }
    return Value::OfInterval(z);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", kIv, kIv, kIv, [overflow](FunctionContext&, Args a) -> Result<Value> {
    const Interval &x = a[0].as_interval(), &y = a[1].as_interval();
    Interval z;
    if (__builtin_sub_overflow(x.months, y.months, &z.months) ||
        __builtin_sub_overflow(x.days, y.days, &z.days) ||
        __builtin_sub_overflow(x.micros, y.micros, &z.micros)) {
      return overflow();
    }
    return Value::OfInterval(z);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", oid::kInvalid, kIv, kIv, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::OfInterval(NegateInterval(a[0].as_interval()));
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "*", kIv, oid::kFloat8, kIv, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Interval z, MultiplyInterval(a[0].as_interval(), a[1].as_double()));
    return Value::OfInterval(z);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "*", oid::kFloat8, kIv, kIv, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Interval z, MultiplyInterval(a[1].as_interval(), a[0].as_double()));
    return Value::OfInterval(z);
  }));
  return AddOperator(r, "/", kIv, oid::kFloat8, kIv, [](FunctionContext&, Args a) -> Result<Value> {
    if (a[1].as_double() == 0) return DivisionByZero();
    DB9_ASSIGN_OR_RETURN(Interval z, MultiplyInterval(a[0].as_interval(), 1.0 / a[1].as_double()));
    return Value::OfInterval(z);
  });
}

// date_part -> float8 and extract -> numeric over the same field logic.
Status Extraction(Registries& r) {
  const Oid t = oid::kText;
  auto for_ts = [](bool zone, bool is_date) {
    return [zone, is_date](FunctionContext& ctx, const Value& v, const std::string& field) {
      int64_t ts = is_date ? (v.as_int() == types::kDateInfinity      ? types::kTimestampInfinity
                              : v.as_int() == types::kDateNegInfinity ? types::kTimestampNegInfinity
                                                                      : v.as_int() * types::kUsecPerDay)
                           : v.as_int();
      return ExtractTimestamp(field, ts, zone, is_date, *ctx.io);
    };
  };
  using Extractor = std::function<Result<Numeric>(FunctionContext&, const Value&, const std::string&)>;
  struct Source {
    Oid type;
    Extractor fn;
  };
  std::vector<Source> sources = {
      {kTs, for_ts(false, false)},
      {kTstz, for_ts(true, false)},
      {kDate, for_ts(false, true)},
      {kTime, [](FunctionContext&, const Value& v, const std::string& f) { return ExtractTime(f, v.as_int()); }},
      {kIv, [](FunctionContext&, const Value& v, const std::string& f) { return ExtractInterval(f, v.as_interval()); }},
  };
  for (const Source& s : sources) {
    Extractor fn = s.fn;
    DB9_RETURN_IF_ERROR(AddFunction(r, "extract", {t, s.type}, oid::kNumeric,
                                    [fn](FunctionContext& ctx, Args a) -> Result<Value> {
                                      DB9_ASSIGN_OR_RETURN(Numeric n, fn(ctx, a[1], a[0].as_string()));
                                      if (n.is_nan()) return Value::Null(oid::kNumeric);
                                      return n.ToValue();
                                    }, s.type == kTstz ? Volatility::kStable : Volatility::kImmutable));
    DB9_RETURN_IF_ERROR(AddFunction(r, "date_part", {t, s.type}, oid::kFloat8,
                                    [fn](FunctionContext& ctx, Args a) -> Result<Value> {
                                      DB9_ASSIGN_OR_RETURN(Numeric n, fn(ctx, a[1], a[0].as_string()));
                                      if (n.is_nan()) return Value::Null(oid::kFloat8);
                                      return Value::Float8(n.ToDouble());
                                    }, s.type == kTstz ? Volatility::kStable : Volatility::kImmutable));
  }
  for (Oid ts : {kTs, kTstz}) {
    bool zone = ts == kTstz;
    DB9_RETURN_IF_ERROR(AddFunction(r, "date_trunc", {t, ts}, ts, [ts, zone](FunctionContext& ctx, Args a) -> Result<Value> {
      DB9_ASSIGN_OR_RETURN(int64_t v, TruncTimestamp(a[0].as_string(), a[1].as_int(), zone, *ctx.io));
      return Value::OfInt(ts, v);
    }, zone ? Volatility::kStable : Volatility::kImmutable));
  }
  return Status::OK();
}

Status Constructors(Registries& r) {
  const Oid i4 = oid::kInt4, f8 = oid::kFloat8;
  DB9_RETURN_IF_ERROR(AddFunction(r, "age", {kTs, kTs}, kIv, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Interval iv, Age(a[0].as_int(), a[1].as_int()));
    return Value::OfInterval(iv);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "age", {kTstz, kTstz}, kIv, [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Interval iv, Age(LocalNow(ctx, a[0].as_int()), LocalNow(ctx, a[1].as_int())));
    return Value::OfInterval(iv);
  }, Volatility::kStable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "age", {kTs}, kIv, [](FunctionContext& ctx, Args a) -> Result<Value> {
    int64_t now = ctx.transaction_start != 0 ? ctx.transaction_start : types::NowMicros();
    int64_t days, tod;
    types::SplitTimestamp(LocalNow(ctx, now), &days, &tod);
    DB9_ASSIGN_OR_RETURN(Interval iv, Age(days * types::kUsecPerDay, a[0].as_int()));
    return Value::OfInterval(iv);
  }, Volatility::kStable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "make_date", {i4, i4, i4}, kDate, [](FunctionContext&, Args a) -> Result<Value> {
    int64_t y = a[0].as_int();
    if (y < 0) y += 1;  // make_date(-44, 3, 15) is 44 BC
    if (a[0].as_int() == 0 || !types::ValidCivilDate(y, static_cast<int>(a[1].as_int()), static_cast<int>(a[2].as_int()))) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%lld-%02lld-%02lld", static_cast<long long>(a[0].as_int()),
                    static_cast<long long>(a[1].as_int()), static_cast<long long>(a[2].as_int()));
      return Status::Error(sqlstate::kDatetimeFieldOverflow,
                           std::string("date field value out of range: ") + buf);
    }
    return DateFromDays(types::DaysFromCivil(y, static_cast<int>(a[1].as_int()), static_cast<int>(a[2].as_int())));
  }));
  return AddFunction(r, "to_timestamp", {f8}, kTstz, [](FunctionContext&, Args a) -> Result<Value> {
    double secs = a[0].as_double();
    if (std::isnan(secs)) {
      return Status::Error(sqlstate::kDatetimeFieldOverflow, "timestamp cannot be NaN");
    }
    if (std::isinf(secs)) {
      return Value::OfInt(kTstz, secs > 0 ? types::kTimestampInfinity : types::kTimestampNegInfinity);
    }
    double us = std::nearbyint((secs - 946684800.0) * 1e6);
    if (!(us > -9.2e18 && us < 9.2e18) || !types::TimestampInRange(static_cast<int64_t>(us))) {
      return Status::Error(sqlstate::kDatetimeFieldOverflow,
                           "timestamp out of range: \"" + std::to_string(secs) + "\"");
    }
    return Value::OfInt(kTstz, static_cast<int64_t>(us));
  });
}

// AT TIME ZONE: timezone(zone, timestamptz) -> local timestamp there;
// timezone(zone, timestamp) -> the instant that wall time is there.
Status AtTimeZone(Registries& r) {
  auto resolve = [](const FunctionContext& ctx, const std::string& name) {
    return WithZoneNamed(*ctx.io, name);
  };
  DB9_RETURN_IF_ERROR(AddFunction(r, "timezone", {oid::kText, kTstz}, kTs, [resolve](FunctionContext& ctx, Args a) -> Result<Value> {
    int64_t ts = a[1].as_int();
    if (ts == types::kTimestampInfinity || ts == types::kTimestampNegInfinity) return Value::OfInt(kTs, ts);
    DB9_ASSIGN_OR_RETURN(types::IoContext zone, resolve(ctx, a[0].as_string()));
    return Value::OfInt(kTs, ts + static_cast<int64_t>(types::ZoneOffsetAtUtc(zone, ts)) * types::kUsecPerSec);
  }));
  return AddFunction(r, "timezone", {oid::kText, kTs}, kTstz, [resolve](FunctionContext& ctx, Args a) -> Result<Value> {
    int64_t ts = a[1].as_int();
    if (ts == types::kTimestampInfinity || ts == types::kTimestampNegInfinity) return Value::OfInt(kTstz, ts);
    DB9_ASSIGN_OR_RETURN(types::IoContext zone, resolve(ctx, a[0].as_string()));
    return Value::OfInt(kTstz, ts - static_cast<int64_t>(types::ZoneOffsetForLocal(zone, ts)) * types::kUsecPerSec);
  });
}

}  // namespace

Status RegisterDatetimeFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(AtTimeZone(r));
  DB9_RETURN_IF_ERROR(CurrentTime(r));
  DB9_RETURN_IF_ERROR(DateArithmetic(r));
  DB9_RETURN_IF_ERROR(TimestampArithmetic(r));
  DB9_RETURN_IF_ERROR(IntervalArithmetic(r));
  DB9_RETURN_IF_ERROR(Extraction(r));
  return Constructors(r);
}

}  // namespace db9::functions
