// to_char(timestamp|timestamptz|date|interval, text) for the common
// template patterns (PostgreSQL's formatting.c): YYYY YYY YY Y, MM, DD,
// DDD, D, ID, HH HH12 HH24, MI, SS, MS, US, AM/PM (and a.m. forms), Mon
// Month Day Dy in three capitalizations, Q, WW, IW, J, TZ/tz, OF, the FM
// prefix, "quoted text" and backslash escapes; other characters copy
// through. Numeric to_char is not implemented.
#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/datetime.h"
#include "daemon/types/timezone.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

struct Stamp {
  int64_t year;  // astronomical
  int month, day;
  int64_t tod;   // microseconds
  int64_t days;  // since 2000-01-01
  int offset;    // seconds east
  bool with_zone;
};

std::string Cased(std::string s, int mode) {  // 0 Capitalized, 1 UPPER, 2 lower
  for (size_t i = 0; i < s.size(); ++i) {
    if (mode == 1 || (mode == 0 && i == 0)) s[i] = static_cast<char>(std::toupper(s[i]));
    else s[i] = static_cast<char>(std::tolower(s[i]));
  }
  return s;
}

// Zero-padded to `width` unless FM (fill mode off) was given.
std::string Num(int64_t v, int width, bool fm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", fm ? 1 : width, static_cast<long long>(v));
  return buf;
}

std::string Padded(const std::string& s, bool fm) {
  if (fm || s.size() >= 9) return s;
  return s + std::string(9 - s.size(), ' ');
}

int64_t IsoWeekOf(const Stamp& t, int64_t* iso_year) {
  int64_t wd = ((t.days % 7) + 7 + 5) % 7 + 1;  // Monday 1
  int64_t thursday = t.days - wd + 4;
  int64_t y;
  int m, d;
  types::CivilFromDays(thursday, &y, &m, &d);
  *iso_year = y;
  return (thursday - types::DaysFromCivil(y, 1, 1)) / 7 + 1;
}

// Longest-match patterns, checked in this order.
std::string Format(const Stamp& t, const std::string& fmt) {
  std::string out;
  int64_t year = t.year > 0 ? t.year : 1 - t.year;
  int64_t hour = t.tod / types::kUsecPerHour;
  int64_t minute = t.tod / types::kUsecPerMinute % 60;
  int64_t second = t.tod / types::kUsecPerSec % 60;
  int64_t micros = t.tod % types::kUsecPerSec;
  int dow = static_cast<int>(((t.days % 7) + 7 + 6) % 7);  // Sunday 0
  int64_t doy = t.days - types::DaysFromCivil(t.year, 1, 1) + 1;
  size_t i = 0;
  auto starts = [&](const char* p) { return fmt.compare(i, std::strlen(p), p) == 0; };
  while (i < fmt.size()) {
    bool fm = false;
    if (starts("FM") || starts("fm")) {
      fm = true;
      i += 2;
      if (i >= fmt.size()) break;
    }
    struct Pat {
      const char* text;
      std::function<std::string()> fn;
    };
    const Pat pats[] = {
        {"YYYY", [&] { return Num(year, 4, fm); }},
        {"YYY", [&] { return Num(year % 1000, 3, fm); }},
        {"YY", [&] { return Num(year % 100, 2, fm); }},
        {"Y", [&] { return Num(year % 10, 1, fm); }},
        {"HH24", [&] { return Num(hour, 2, fm); }},
        {"HH12", [&] { return Num(hour % 12 == 0 ? 12 : hour % 12, 2, fm); }},
        {"HH", [&] { return Num(hour % 12 == 0 ? 12 : hour % 12, 2, fm); }},
        {"MI", [&] { return Num(minute, 2, fm); }},
        {"SS", [&] { return Num(second, 2, fm); }},
        {"MS", [&] { return Num(micros / 1000, 3, fm); }},
        {"US", [&] { return Num(micros, 6, fm); }},
        {"AM", [&] { return std::string(hour < 12 ? "AM" : "PM"); }},
        {"PM", [&] { return std::string(hour < 12 ? "AM" : "PM"); }},
        {"am", [&] { return std::string(hour < 12 ? "am" : "pm"); }},
        {"pm", [&] { return std::string(hour < 12 ? "am" : "pm"); }},
        {"A.M.", [&] { return std::string(hour < 12 ? "A.M." : "P.M."); }},
        {"P.M.", [&] { return std::string(hour < 12 ? "A.M." : "P.M."); }},
        {"MONTH", [&] { return Padded(Cased(kMonthNames[t.month - 1], 1), fm); }},
        {"Month", [&] { return Padded(kMonthNames[t.month - 1], fm); }},
        {"month", [&] { return Padded(Cased(kMonthNames[t.month - 1], 2), fm); }},
        {"MON", [&] { return Cased(std::string(kMonthNames[t.month - 1]).substr(0, 3), 1); }},
        {"Mon", [&] { return std::string(kMonthNames[t.month - 1]).substr(0, 3); }},
        {"mon", [&] { return Cased(std::string(kMonthNames[t.month - 1]).substr(0, 3), 2); }},
        {"MM", [&] { return Num(t.month, 2, fm); }},
        {"DAY", [&] { return Padded(Cased(kDayNames[dow], 1), fm); }},
        {"Day", [&] { return Padded(kDayNames[dow], fm); }},
        {"day", [&] { return Padded(Cased(kDayNames[dow], 2), fm); }},
        {"DY", [&] { return Cased(std::string(kDayNames[dow]).substr(0, 3), 1); }},
        {"Dy", [&] { return std::string(kDayNames[dow]).substr(0, 3); }},
        {"dy", [&] { return Cased(std::string(kDayNames[dow]).substr(0, 3), 2); }},
        {"DDD", [&] { return Num(doy, 3, fm); }},
        {"DD", [&] { return Num(t.day, 2, fm); }},
        {"D", [&] { return Num(dow + 1, 1, fm); }},
        {"ID", [&] { return Num(dow == 0 ? 7 : dow, 1, fm); }},
        {"IW", [&] { int64_t y; return Num(IsoWeekOf(t, &y), 2, fm); }},
        {"WW", [&] { return Num((doy - 1) / 7 + 1, 2, fm); }},
        {"Q", [&] { return Num((t.month - 1) / 3 + 1, 1, fm); }},
        {"J", [&] { return Num(t.days + 2451545, 1, fm); }},
        {"TZ", [&] { return t.with_zone ? Cased(types::FormatZoneOffset(t.offset), 1) : std::string(); }},
        {"tz", [&] { return t.with_zone ? types::FormatZoneOffset(t.offset) : std::string(); }},
        {"OF", [&] { return t.with_zone ? types::FormatZoneOffset(t.offset) : std::string("+00"); }},
    };
    bool matched = false;
    for (const Pat& p : pats) {
      if (starts(p.text)) {
        out += p.fn();
        i += std::strlen(p.text);
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (fmt[i] == '"') {
      for (++i; i < fmt.size() && fmt[i] != '"'; ++i) {
        if (fmt[i] == '\\' && i + 1 < fmt.size()) ++i;
        out.push_back(fmt[i]);
      }
      ++i;
    } else if (fmt[i] == '\\' && i + 1 < fmt.size()) {
      out.push_back(fmt[i + 1]);
      i += 2;
    } else {
      out.push_back(fmt[i++]);
    }
  }
  return out;
}

Stamp MakeStamp(int64_t ts, bool with_zone, const types::IoContext& io) {
  Stamp t{};
  t.with_zone = with_zone;
  t.offset = with_zone ? types::ZoneOffsetAtUtc(io, ts) : 0;
  int64_t local = ts + static_cast<int64_t>(t.offset) * types::kUsecPerSec;
  types::SplitTimestamp(local, &t.days, &t.tod);
  types::CivilFromDays(t.days, &t.year, &t.month, &t.day);
  return t;
}

bool Infinite(int64_t ts) {
  return ts == types::kTimestampInfinity || ts == types::kTimestampNegInfinity;
}

}  // namespace

Status RegisterToChar(Registries& r) {
  for (Oid type : {oid::kTimestamp, oid::kTimestamptz}) {
    bool zone = type == oid::kTimestamptz;
    DB9_RETURN_IF_ERROR(AddFunction(r, "to_char", {type, oid::kText}, oid::kText,
                                    [zone](FunctionContext& ctx, Args a) -> Result<Value> {
                                      if (Infinite(a[0].as_int())) return Value::Null(oid::kText);
                                      return Value::Text(Format(MakeStamp(a[0].as_int(), zone, *ctx.io), a[1].as_string()));
                                    },
                                    Volatility::kStable));
  }
  return AddFunction(r, "to_char", {oid::kInterval, oid::kText}, oid::kText,
                     [](FunctionContext&, Args a) -> Result<Value> {
                       // Intervals format as a time since 0000-01-01 would; the common
                       // use is HH24:MI:SS, which this covers.
                       const types::Interval& iv = a[0].as_interval();
                       Stamp t{};
                       t.tod = iv.micros;
                       t.day = iv.days;
                       t.month = iv.months % 12 + 1;
                       t.year = iv.months / 12;
                       std::string fmt = a[1].as_string();
                       return Value::Text(Format(t, fmt));
                     });
}

}  // namespace db9::functions
