#include "daemon/functions/builtin/datetime_math.h"

#include <cmath>

#include "daemon/types/datetime.h"
#include "daemon/types/timezone.h"
#include "daemon/types/type_util.h"

namespace db9::functions {
namespace {

using namespace types;  // NOLINT: the datetime helpers and constants

Status Overflow() {
  return Status::Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
}

int64_t ToLocal(int64_t utc, bool with_zone, const IoContext& io) {
  return with_zone ? utc + static_cast<int64_t>(ZoneOffsetAtUtc(io, utc)) * kUsecPerSec : utc;
}

int64_t ToUtc(int64_t local, bool with_zone, const IoContext& io) {
  return with_zone ? local - static_cast<int64_t>(ZoneOffsetForLocal(io, local)) * kUsecPerSec
                   : local;
}

bool IsInfinite(int64_t ts) { return ts == kTimestampInfinity || ts == kTimestampNegInfinity; }

struct Fields {
  int64_t year;
  int month, day;
  int64_t tod;  // microseconds since midnight
};

Fields Split(int64_t ts) {
  Fields f;
  int64_t days;
  SplitTimestamp(ts, &days, &f.tod);
  CivilFromDays(days, &f.year, &f.month, &f.day);
  return f;
}

Status UnitNotRecognized(const std::string& field, const char* type) {
  return Status::Error(sqlstate::kInvalidParameterValue,
                       "unit \"" + field + "\" not recognized for type " + type);
}

Numeric Int(int64_t v) { return Numeric::FromInt(v); }

// micros / 10^6 as numeric with 6 decimals (seconds with fraction).
Numeric Micros(int64_t us, int scale = 6) {
  Numeric n(Numeric::BigInt(us), 6);
  return scale == 6 ? n : n.Round(scale);
}

int IsoWeek(int64_t year, int month, int day, int64_t* iso_year) {
  int64_t days = DaysFromCivil(year, month, day);
  // ISO weekday: Monday 1 .. Sunday 7; 2000-01-01 was a Saturday (6).
  int64_t wd = ((days % 7) + 7 + 5) % 7 + 1;
  int64_t thursday = days - wd + 4;
  int64_t y;
  int m, d;
  CivilFromDays(thursday, &y, &m, &d);
  *iso_year = y;
  int64_t jan1 = DaysFromCivil(y, 1, 1);
  return static_cast<int>((thursday - jan1) / 7 + 1);
}

}  // namespace

Interval NegateInterval(const Interval& iv) { return Interval{-iv.months, -iv.days, -iv.micros}; }

Result<int64_t> AddInterval(int64_t ts, const Interval& iv, bool with_zone, const IoContext& io) {
  if (IsInfinite(ts)) return ts;
  if (iv.months != 0 || iv.days != 0) {
    int64_t local = ToLocal(ts, with_zone, io);
    Fields f = Split(local);
    if (iv.months != 0) {
      int64_t m = f.year * 12 + (f.month - 1) + iv.months;
      f.year = m >= 0 ? m / 12 : -((-m + 11) / 12);
      f.month = static_cast<int>(m - f.year * 12) + 1;
      f.day = std::min(f.day, DaysInMonth(f.year, f.month));
    }
    int64_t days = DaysFromCivil(f.year, f.month, f.day) + iv.days;
    local = days * kUsecPerDay + f.tod;
    ts = ToUtc(local, with_zone, io);
  }
  if (__builtin_add_overflow(ts, iv.micros, &ts) || !TimestampInRange(ts)) return Overflow();
  return ts;
}

Interval SubtractTimestamps(int64_t a, int64_t b) {
  int64_t diff = a - b;
  Interval iv;
  iv.days = static_cast<int32_t>(diff / kUsecPerDay);
  iv.micros = diff % kUsecPerDay;
  return iv;
}

Result<Interval> Age(int64_t a, int64_t b) {
  Fields f1 = Split(a), f2 = Split(b);
  bool swap = a < b;
  if (swap) std::swap(f1, f2);
  int64_t tod = f1.tod - f2.tod;
  int64_t day = f1.day - f2.day;
  int64_t mon = f1.month - f2.month;
  int64_t year = f1.year - f2.year;
  if (tod < 0) {
    tod += kUsecPerDay;
    --day;
  }
  while (day < 0) {
    // Borrow the length of the earlier date's month, as PostgreSQL does.
    day += DaysInMonth(f2.year, f2.month);
    --mon;
  }
  while (mon < 0) {
    mon += 12;
    --year;
  }
  Interval iv{static_cast<int32_t>(year * 12 + mon), static_cast<int32_t>(day), tod};
  return swap ? NegateInterval(iv) : iv;
}

Result<Interval> MultiplyInterval(const Interval& iv, double factor) {
  double months = iv.months * factor;
  double days = iv.days * factor;
  if (std::isnan(factor) || std::fabs(months) > INT32_MAX || std::fabs(days) > INT32_MAX) {
    return Status::Error("22015", "interval out of range");
  }
  Interval out;
  out.months = static_cast<int32_t>(months);
  double month_rem_days = (months - out.months) * 30;
  out.days = static_cast<int32_t>(days);
  double sec_rem = (days - out.days + month_rem_days - static_cast<int32_t>(month_rem_days)) * 86400;
  out.days += static_cast<int32_t>(month_rem_days);
  double micros = std::nearbyint(static_cast<double>(iv.micros) * factor + sec_rem * 1e6);
  if (std::fabs(micros) > 9.2e18) return Status::Error("22015", "interval out of range");
  out.micros = static_cast<int64_t>(micros);
  return out;
}

Result<int64_t> TruncTimestamp(const std::string& field_in, int64_t ts, bool with_zone,
                               const IoContext& io) {
  if (IsInfinite(ts)) return ts;
  std::string field = AsciiLower(field_in);
  const char* type = with_zone ? "timestamp with time zone" : "timestamp without time zone";
  int64_t local = ToLocal(ts, with_zone, io);
  Fields f = Split(local);
  int64_t tod = f.tod;
  bool date_level = true;
  if (field == "microseconds") {
    return ts;
  } else if (field == "milliseconds") {
    tod -= tod % 1000;
    date_level = false;
  } else if (field == "second") {
    tod -= tod % kUsecPerSec;
    date_level = false;
  } else if (field == "minute") {
    tod -= tod % kUsecPerMinute;
    date_level = false;
  } else if (field == "hour") {
    tod -= tod % kUsecPerHour;
    date_level = false;
  } else if (field == "day") {
    tod = 0;
  } else if (field == "week") {
    int64_t days = DaysFromCivil(f.year, f.month, f.day);
    int64_t wd = ((days % 7) + 7 + 5) % 7;  // Monday 0
    int64_t monday = days - wd;
    CivilFromDays(monday, &f.year, &f.month, &f.day);
    tod = 0;
  } else if (field == "month") {
    f.day = 1;
    tod = 0;
  } else if (field == "quarter") {
    f.month = (f.month - 1) / 3 * 3 + 1;
    f.day = 1;
    tod = 0;
  } else if (field == "year" || field == "decade" || field == "century" || field == "millennium") {
    int64_t y = f.year;
    if (field == "decade") y = y >= 0 ? y / 10 * 10 : -((-y + 9) / 10 * 10);
    if (field == "century") y = y > 0 ? (y - 1) / 100 * 100 + 1 : -((-y) / 100 * 100) - 99;
    if (field == "millennium") y = y > 0 ? (y - 1) / 1000 * 1000 + 1 : -((-y) / 1000 * 1000) - 999;
    f.year = y;
    f.month = 1;
    f.day = 1;
    tod = 0;
  } else {
    return UnitNotRecognized(field_in, type);
  }
  int64_t result_local = DaysFromCivil(f.year, f.month, f.day) * kUsecPerDay + tod;
  if (!date_level && with_zone) {
    // Sub-day truncation keeps the original offset (no DST re-resolution).
    return ts - (local - result_local);
  }
  return ToUtc(result_local, with_zone, io);
}

Result<Numeric> ExtractTimestamp(const std::string& field_in, int64_t ts, bool with_zone,
                                 bool is_date, const IoContext& io) {
  std::string field = AsciiLower(field_in);
  const char* type = is_date ? "date" : (with_zone ? "timestamp with time zone" : "timestamp without time zone");
  if (IsInfinite(ts)) {
    if (field == "epoch" || field == "year" || field == "julian" || field == "isoyear" ||
        field == "decade" || field == "century" || field == "millennium") {
      return Numeric::Inf(ts < 0);
    }
    return Numeric::NaN();  // PostgreSQL returns NULL; callers map NaN on infinity to NULL
  }
  if (field == "epoch") {
    int64_t unix_us = ts + DaysFromCivil(2000, 1, 1) * kUsecPerDay - DaysFromCivil(1970, 1, 1) * kUsecPerDay;
    return is_date ? Int(unix_us / kUsecPerSec) : Micros(unix_us);
  }
  int64_t local = ToLocal(ts, with_zone, io);
  Fields f = Split(local);
  int64_t days = DaysFromCivil(f.year, f.month, f.day);
  int64_t display_year = f.year > 0 ? f.year : f.year - 1;  // no year 0 in output
  if (field == "year") return Int(display_year);
  if (field == "month") return Int(f.month);
  if (field == "day") return Int(f.day);
  if (field == "quarter") return Int((f.month - 1) / 3 + 1);
  if (field == "dow") return Int(((days % 7) + 7 + 6) % 7);
  if (field == "isodow") return Int(((days % 7) + 7 + 5) % 7 + 1);
  if (field == "doy") return Int(days - DaysFromCivil(f.year, 1, 1) + 1);
  if (field == "decade") return Int(f.year >= 0 ? f.year / 10 : -((-f.year + 9) / 10));
  if (field == "century") return Int(f.year > 0 ? (f.year + 99) / 100 : -((99 - (f.year - 1)) / 100));
  if (field == "millennium") return Int(f.year > 0 ? (f.year + 999) / 1000 : -((999 - (f.year - 1)) / 1000));
  if (field == "week" || field == "isoyear") {
    int64_t iso_year;
    int week = IsoWeek(f.year, f.month, f.day, &iso_year);
    return Int(field == "week" ? week : iso_year);
  }
  if (field == "julian") return Int(days + 2451545);
  if (is_date) return UnitNotRecognized(field_in, type);
  if (field == "hour") return Int(f.tod / kUsecPerHour);
  if (field == "minute") return Int(f.tod / kUsecPerMinute % 60);
  if (field == "second") return Micros(f.tod % kUsecPerMinute);
  if (field == "milliseconds") return Numeric(Numeric::BigInt(f.tod % kUsecPerMinute), 3);
  if (field == "microseconds") return Int(f.tod % kUsecPerMinute);
  if (with_zone && field == "timezone") return Int(ZoneOffsetAtUtc(io, ts));
  if (with_zone && field == "timezone_hour") return Int(ZoneOffsetAtUtc(io, ts) / 3600);
  if (with_zone && field == "timezone_minute") return Int(ZoneOffsetAtUtc(io, ts) / 60 % 60);
  return UnitNotRecognized(field_in, type);
}

Result<Numeric> ExtractInterval(const std::string& field_in, const Interval& iv) {
  std::string field = AsciiLower(field_in);
  if (field == "epoch") {
    // PostgreSQL: 365.25 days a year, 30 days a month.
    __int128 secs_us = static_cast<__int128>(iv.months / 12) * 36525 * 864 * kUsecPerSec +
                       static_cast<__int128>(iv.months % 12) * 30 * kUsecPerDay +
                       static_cast<__int128>(iv.days) * kUsecPerDay + iv.micros;
    return Numeric(Numeric::BigInt(static_cast<int64_t>(secs_us)), 6);
  }
  if (field == "year") return Int(iv.months / 12);
  if (field == "month") return Int(iv.months % 12);
  if (field == "day") return Int(iv.days);
  if (field == "quarter") return Int((iv.months % 12) / 3 + 1);
  if (field == "decade") return Int(iv.months / 120);
  if (field == "century") return Int(iv.months / 1200);
  if (field == "millennium") return Int(iv.months / 12000);
  if (field == "hour") return Int(iv.micros / kUsecPerHour);
  if (field == "minute") return Int(iv.micros / kUsecPerMinute % 60);
  if (field == "second") return Micros(iv.micros % kUsecPerMinute);
  if (field == "milliseconds") return Numeric(Numeric::BigInt(iv.micros % kUsecPerMinute), 3);
  if (field == "microseconds") return Int(iv.micros % kUsecPerMinute);
  return UnitNotRecognized(field_in, "interval");
}

Result<Numeric> ExtractTime(const std::string& field_in, int64_t micros) {
  std::string field = AsciiLower(field_in);
  if (field == "hour") return Int(micros / kUsecPerHour);
  if (field == "minute") return Int(micros / kUsecPerMinute % 60);
  if (field == "second") return Micros(micros % kUsecPerMinute);
  if (field == "milliseconds") return Numeric(Numeric::BigInt(micros % kUsecPerMinute), 3);
  if (field == "microseconds") return Int(micros % kUsecPerMinute);
  if (field == "epoch") return Micros(micros);
  return UnitNotRecognized(field_in, "time without time zone");
}

Result<types::IoContext> WithZoneNamed(const types::IoContext& io, const std::string& name) {
  types::IoContext zone = io;
  if (!types::ResolveZone(name, &zone, types::OffsetConvention::kPosix)) {
    return Status::Error(sqlstate::kInvalidParameterValue, "time zone \"" + name + "\" not recognized");
  }
  return zone;
}

}  // namespace db9::functions
