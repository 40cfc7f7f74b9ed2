// make_timestamp, make_timestamptz, make_time, make_interval, the justify_*
// functions, isfinite and OVERLAPS.
#include <cmath>
#include <cstdio>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/datetime_math.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/datetime.h"
#include "daemon/types/timezone.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::Interval;

constexpr Oid kDate = oid::kDate, kTs = oid::kTimestamp, kTstz = oid::kTimestamptz,
              kIv = oid::kInterval, kTime = oid::kTime, i4 = oid::kInt4, f8 = oid::kFloat8;
constexpr int64_t kDaysPerMonth = 30;

// PostgreSQL's make_date/make_time messages: "date field value out of
// range: 2024-02-30", "time field value out of range: 25:00:00".
Status FieldOverflow(const char* what, const char* value) {
  return Status::Error(sqlstate::kDatetimeFieldOverflow,
                       std::string(what) + " field value out of range: " + value);
}

Status IntervalOutOfRange() {
  return Status::Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
}

// Hours, minutes and (fractional) seconds as a time of day in microseconds;
// 24:00:00 is allowed, as PostgreSQL's make_time/make_timestamp allow it.
Result<int64_t> TimeOfDay(int64_t h, int64_t mi, double sec) {
  if (h < 0 || h > 24 || mi < 0 || mi > 59 || !(sec >= 0 && sec <= 60) ||
      (h == 24 && (mi > 0 || sec > 0))) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02g", static_cast<long long>(h),
                  static_cast<long long>(mi), sec);
    return FieldOverflow("time", buf);
  }
  return h * types::kUsecPerHour + mi * types::kUsecPerMinute +
         static_cast<int64_t>(std::nearbyint(sec * 1e6));
}

// make_timestamp's wall time: years before 1 are an error (PostgreSQL).
Result<int64_t> WallTime(Args a) {
  int64_t y = a[0].as_int();
  int m = static_cast<int>(a[1].as_int()), d = static_cast<int>(a[2].as_int());
  if (y <= 0 || a[1].as_int() != m || a[2].as_int() != d || !types::ValidCivilDate(y, m, d)) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%lld-%02lld-%02lld", static_cast<long long>(y),
                  static_cast<long long>(a[1].as_int()), static_cast<long long>(a[2].as_int()));
    return FieldOverflow("date", buf);
  }
  DB9_ASSIGN_OR_RETURN(int64_t tod, TimeOfDay(a[3].as_int(), a[4].as_int(), a[5].as_double()));
  int64_t ts = types::DaysFromCivil(y, m, d) * types::kUsecPerDay + tod;
  if (!types::TimestampInRange(ts)) {
    return Status::Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  return ts;
}

// The instant the wall time `local` is in the zone of `io`.
int64_t LocalToUtc(const types::IoContext& io, int64_t local) {
  return local - static_cast<int64_t>(types::ZoneOffsetForLocal(io, local)) * types::kUsecPerSec;
}

Status Constructors(Registries& r) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "make_timestamp", {i4, i4, i4, i4, i4, f8}, kTs, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(int64_t ts, WallTime(a));
    return Value::OfInt(kTs, ts);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "make_timestamptz", {i4, i4, i4, i4, i4, f8}, kTstz, [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(int64_t local, WallTime(a));
    return Value::OfInt(kTstz, LocalToUtc(*ctx.io, local));
  }, Volatility::kStable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "make_timestamptz", {i4, i4, i4, i4, i4, f8, oid::kText}, kTstz, [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(int64_t local, WallTime(a));
    DB9_ASSIGN_OR_RETURN(types::IoContext zone, WithZoneNamed(*ctx.io, a[6].as_string()));
    return Value::OfInt(kTstz, LocalToUtc(zone, local));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "make_time", {i4, i4, f8}, kTime, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(int64_t t, TimeOfDay(a[0].as_int(), a[1].as_int(), a[2].as_double()));
    return Value::OfInt(kTime, t);
  }));
  // make_interval(years, months, weeks, days, hours, mins, secs): every
  // argument defaults to 0, so each shorter arity is an overload too.
  const std::vector<Oid> params = {i4, i4, i4, i4, i4, i4, f8};
  for (size_t n = 0; n <= params.size(); ++n) {
    std::vector<Oid> declared(params.begin(), params.begin() + n);
    DB9_RETURN_IF_ERROR(AddFunction(r, "make_interval", declared, kIv, [](FunctionContext&, Args a) -> Result<Value> {
      auto arg = [&](size_t i) { return i < a.size() ? a[i].as_int() : 0; };
      double secs = a.size() > 6 ? a[6].as_double() : 0;
      __int128 months = static_cast<__int128>(arg(0)) * 12 + arg(1);
      __int128 days = static_cast<__int128>(arg(2)) * 7 + arg(3);
      double micros = (static_cast<double>(arg(4)) * 3600 + static_cast<double>(arg(5)) * 60 + secs) * 1e6;
      if (months < INT32_MIN || months > INT32_MAX || days < INT32_MIN || days > INT32_MAX ||
          !std::isfinite(micros) || std::fabs(micros) >= 9.2e18) {
        return IntervalOutOfRange();
      }
      return Value::OfInterval(Interval{static_cast<int32_t>(months), static_cast<int32_t>(days),
                                        static_cast<int64_t>(std::nearbyint(micros))});
    }));
  }
  return Status::OK();
}

// q = t / unit; t -= q * unit (PostgreSQL's TMODULO).
int64_t TakeWhole(int64_t* t, int64_t unit) {
  int64_t q = *t / unit;
  *t -= q * unit;
  return q;
}

Result<Interval> Checked(__int128 months, __int128 days, int64_t micros) {
  if (months < INT32_MIN || months > INT32_MAX || days < INT32_MIN || days > INT32_MAX) {
    return IntervalOutOfRange();
  }
  return Interval{static_cast<int32_t>(months), static_cast<int32_t>(days), micros};
}

// Days and time get the same sign (a negative time borrows a day).
void AlignDayAndTime(__int128* days, int64_t* micros) {
  if (*days > 0 && *micros < 0) {
    *micros += types::kUsecPerDay;
    --*days;
  } else if (*days < 0 && *micros > 0) {
    *micros -= types::kUsecPerDay;
    ++*days;
  }
}

Result<Interval> JustifyHours(const Interval& v) {
  int64_t micros = v.micros;
  __int128 days = static_cast<__int128>(v.days) + TakeWhole(&micros, types::kUsecPerDay);
  AlignDayAndTime(&days, &micros);
  return Checked(v.months, days, micros);
}

Result<Interval> JustifyDays(const Interval& v) {
  __int128 days = v.days;
  __int128 months = static_cast<__int128>(v.months) + days / kDaysPerMonth;
  days %= kDaysPerMonth;
  if (months > 0 && days < 0) {
    days += kDaysPerMonth;
    --months;
  } else if (months < 0 && days > 0) {
    days -= kDaysPerMonth;
    ++months;
  }
  return Checked(months, days, v.micros);
}

// PostgreSQL 15's interval_justify_interval, step by step.
Result<Interval> JustifyInterval(const Interval& v) {
  __int128 months = v.months, days = v.days;
  int64_t micros = v.micros;
  if ((days > 0 && micros > 0) || (days < 0 && micros < 0)) {
    months += days / kDaysPerMonth;
    days %= kDaysPerMonth;
  }
  days += TakeWhole(&micros, types::kUsecPerDay);
  months += days / kDaysPerMonth;
  days %= kDaysPerMonth;
  if (months > 0 && (days < 0 || (days == 0 && micros < 0))) {
    days += kDaysPerMonth;
    --months;
  } else if (months < 0 && (days > 0 || (days == 0 && micros > 0))) {
    days -= kDaysPerMonth;
    ++months;
  }
  AlignDayAndTime(&days, &micros);
  return Checked(months, days, micros);
}

// (s1, e1) OVERLAPS (s2, e2) on int64 payloads (timestamps, times), with
// PostgreSQL's NULL rules: a missing end is unknown, not open.
Result<Value> Overlaps(FunctionContext&, Args a) {
  auto null = [] { return Value::Null(oid::kBool); };
  auto order = [](const Value& s, const Value& e, int64_t* start, bool* end_null, int64_t* end) -> bool {
    if (s.is_null()) {
      if (e.is_null()) return false;
      *start = e.as_int();
      *end_null = true;
      return true;
    }
    *start = s.as_int();
    *end_null = e.is_null();
    if (!e.is_null()) {
      *end = e.as_int();
      if (*start > *end) std::swap(*start, *end);
    }
    return true;
  };
  int64_t s1 = 0, e1 = 0, s2 = 0, e2 = 0;
  bool e1_null = false, e2_null = false;
  if (!order(a[0], a[1], &s1, &e1_null, &e1) || !order(a[2], a[3], &s2, &e2_null, &e2)) return null();
  if (s1 > s2) {
    if (e2_null) return null();
    if (s1 < e2) return Value::Bool(true);
    return e1_null ? null() : Value::Bool(false);
  }
  if (s1 < s2) {
    if (e1_null) return null();
    if (s2 < e1) return Value::Bool(true);
    return e2_null ? null() : Value::Bool(false);
  }
  return e1_null || e2_null ? null() : Value::Bool(true);
}

Status JustifyAndTests(Registries& r) {
  using Fn = Result<Interval> (*)(const Interval&);
  const std::pair<const char*, Fn> justify[] = {
      {"justify_hours", JustifyHours}, {"justify_days", JustifyDays}, {"justify_interval", JustifyInterval}};
  for (const auto& [name, fn] : justify) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {kIv}, kIv, [fn](FunctionContext&, Args a) -> Result<Value> {
      DB9_ASSIGN_OR_RETURN(Interval iv, fn(a[0].as_interval()));
      return Value::OfInterval(iv);
    }));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "isfinite", {kDate}, oid::kBool, [](FunctionContext&, Args a) -> Result<Value> {
    int64_t d = a[0].as_int();
    return Value::Bool(d != types::kDateInfinity && d != types::kDateNegInfinity);
  }));
  for (Oid t : {kTs, kTstz}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, "isfinite", {t}, oid::kBool, [](FunctionContext&, Args a) -> Result<Value> {
      int64_t ts = a[0].as_int();
      return Value::Bool(ts != types::kTimestampInfinity && ts != types::kTimestampNegInfinity);
    }));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "isfinite", {kIv}, oid::kBool, [](FunctionContext&, Args) -> Result<Value> {
    return Value::Bool(true);  // PostgreSQL 15 has no infinite intervals
  }));
  for (Oid t : {kTs, kTstz, kTime}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, "overlaps", {t, t, t, t}, oid::kBool, Overlaps,
                                    Volatility::kImmutable, /*strict=*/false));
  }
  return Status::OK();
}

}  // namespace

Status RegisterDatetimeConstructors(Registries& r) {
  DB9_RETURN_IF_ERROR(Constructors(r));
  return JustifyAndTests(r);
}

}  // namespace db9::functions
