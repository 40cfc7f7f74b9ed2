#include "daemon/types/interval.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "daemon/types/datetime.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Status Syntax(std::string_view text) {
  return Status::Error(sqlstate::kInvalidDatetimeFormat,
                       "invalid input syntax for type interval: \"" + std::string(text) + "\"");
}

Status Overflow() {
  return Status::Error("22015", "interval out of range");
}

// Accumulates fractional amounts the way PostgreSQL does: fractions of
// months spill into days (30 days a month), fractions of days into time.
struct Accum {
  long double months = 0, days = 0, micros = 0;
  void AddMonths(long double m) {
    long double whole = std::trunc(m);
    months += whole;
    AddDays((m - whole) * 30);
  }
  void AddDays(long double d) {
    long double whole = std::trunc(d);
    days += whole;
    micros += (d - whole) * kUsecPerDay;
  }
};

enum class Unit { kNone, kMicro, kMilli, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kYear, kDecade, kCentury, kMillennium };

Unit UnitFromWord(const std::string& w) {
  static const std::pair<const char*, Unit> kUnits[] = {
      {"microsecond", Unit::kMicro}, {"microseconds", Unit::kMicro}, {"us", Unit::kMicro},
      {"usec", Unit::kMicro},        {"usecs", Unit::kMicro},
      {"millisecond", Unit::kMilli}, {"milliseconds", Unit::kMilli}, {"ms", Unit::kMilli},
      {"msec", Unit::kMilli},        {"msecs", Unit::kMilli},
      {"second", Unit::kSecond},     {"seconds", Unit::kSecond},     {"s", Unit::kSecond},
      {"sec", Unit::kSecond},        {"secs", Unit::kSecond},
      {"minute", Unit::kMinute},     {"minutes", Unit::kMinute},     {"m", Unit::kMinute},
      {"min", Unit::kMinute},        {"mins", Unit::kMinute},
      {"hour", Unit::kHour},         {"hours", Unit::kHour},         {"h", Unit::kHour},
      {"hr", Unit::kHour},           {"hrs", Unit::kHour},
      {"day", Unit::kDay},           {"days", Unit::kDay},           {"d", Unit::kDay},
      {"week", Unit::kWeek},         {"weeks", Unit::kWeek},         {"w", Unit::kWeek},
      {"month", Unit::kMonth},       {"months", Unit::kMonth},       {"mon", Unit::kMonth},
      {"mons", Unit::kMonth},
      {"year", Unit::kYear},         {"years", Unit::kYear},         {"y", Unit::kYear},
      {"yr", Unit::kYear},           {"yrs", Unit::kYear},
      {"decade", Unit::kDecade},     {"decades", Unit::kDecade},
      {"century", Unit::kCentury},   {"centuries", Unit::kCentury},
      {"millennium", Unit::kMillennium}, {"millennia", Unit::kMillennium},
      {"millenniums", Unit::kMillennium}};
  for (const auto& [word, unit] : kUnits) {
    if (w == word) return unit;
  }
  return Unit::kNone;
}

void AddUnit(Accum* a, long double n, Unit u) {
  switch (u) {
    case Unit::kMicro: a->micros += n; break;
    case Unit::kMilli: a->micros += n * 1000; break;
    case Unit::kSecond: a->micros += n * kUsecPerSec; break;
    case Unit::kMinute: a->micros += n * kUsecPerMinute; break;
    case Unit::kHour: a->micros += n * kUsecPerHour; break;
    case Unit::kDay: a->AddDays(n); break;
    case Unit::kWeek: a->AddDays(n * 7); break;
    case Unit::kMonth: a->AddMonths(n); break;
    case Unit::kYear: a->AddMonths(n * 12); break;
    case Unit::kDecade: a->AddMonths(n * 120); break;
    case Unit::kCentury: a->AddMonths(n * 1200); break;
    case Unit::kMillennium: a->AddMonths(n * 12000); break;
    case Unit::kNone: break;
  }
}

bool ParseNumber(const std::string& s, long double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtold(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(*out);
}

// "[-]H:MM[:SS[.f]]" or "[-]MM:SS.f" when a day count precedes nothing.
bool ParseClockField(const std::string& tok, long double* micros) {
  bool neg = tok[0] == '-';
  std::string body = tok.substr(tok[0] == '-' || tok[0] == '+' ? 1 : 0);
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == ':') {
      parts.push_back(body.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() < 2 || parts.size() > 3) return false;
  long double h, m, s = 0;
  if (!ParseNumber(parts[0], &h) || !ParseNumber(parts[1], &m)) return false;
  if (parts.size() == 3 && !ParseNumber(parts[2], &s)) return false;
  long double total = h * kUsecPerHour + m * kUsecPerMinute + s * kUsecPerSec;
  *micros = neg ? -total : total;
  return true;
}

// ISO 8601 "P1Y2M3DT4H5M6S" (the designator format only).
Result<Accum> ParseIso(std::string_view text, const std::string& s) {
  Accum a;
  bool in_time = false;
  size_t i = 1;
  if (i >= s.size()) return Syntax(text);
  while (i < s.size()) {
    if (s[i] == 't') {
      in_time = true;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == '-' || s[i] == '+')) ++i;
    long double n;
    if (i >= s.size() || !ParseNumber(s.substr(start, i - start), &n)) return Syntax(text);
    char d = s[i++];
    Unit u = Unit::kNone;
    if (d == 'y' && !in_time) u = Unit::kYear;
    else if (d == 'm') u = in_time ? Unit::kMinute : Unit::kMonth;
    else if (d == 'w' && !in_time) u = Unit::kWeek;
    else if (d == 'd' && !in_time) u = Unit::kDay;
    else if (d == 'h' && in_time) u = Unit::kHour;
    else if (d == 's' && in_time) u = Unit::kSecond;
    if (u == Unit::kNone) return Syntax(text);
    AddUnit(&a, n, u);
  }
  return a;
}

}  // namespace

Result<Interval> ParseInterval(std::string_view text) {
  std::string s = AsciiLower(TrimPgSpace(text));
  if (s.empty()) return Syntax(text);
  Accum a;
  if (s[0] == 'p') {
    DB9_ASSIGN_OR_RETURN(a, ParseIso(text, s));
  } else {
    std::vector<std::string> toks;
    std::string cur;
    for (char c : s) {
      if (IsPgSpace(c) || c == ',') {
        if (!cur.empty()) toks.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) toks.push_back(cur);
    bool ago = false;
    bool any = false;
    for (size_t i = 0; i < toks.size(); ++i) {
      std::string t = toks[i];
      if (t == "@") continue;
      if (t == "ago" && i + 1 == toks.size()) {
        ago = true;
        continue;
      }
      if (t.find(':') != std::string::npos) {
        long double micros;
        if (!ParseClockField(t, &micros)) return Syntax(text);
        a.micros += micros;
        any = true;
        continue;
      }
      // A number, optionally glued to its unit ("3days", "10s").
      size_t k = 0;
      while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' ||
                              ((t[k] == '-' || t[k] == '+') && k == 0))) {
        ++k;
      }
      long double n;
      if (k == 0 || !ParseNumber(t.substr(0, k), &n)) return Syntax(text);
      std::string unit_word = t.substr(k);
      if (unit_word.empty() && i + 1 < toks.size() && UnitFromWord(toks[i + 1]) != Unit::kNone) {
        unit_word = toks[++i];
      }
      // A bare number is seconds, as in PostgreSQL.
      Unit u = unit_word.empty() ? Unit::kSecond : UnitFromWord(unit_word);
      if (u == Unit::kNone) return Syntax(text);
      AddUnit(&a, n, u);
      any = true;
    }
    if (!any) return Syntax(text);
    if (ago) {
      a.months = -a.months;
      a.days = -a.days;
      a.micros = -a.micros;
    }
  }
  long double micros = std::nearbyintl(a.micros);
  if (std::fabs(a.months) > 2147483647.0L || std::fabs(a.days) > 2147483647.0L ||
      std::fabs(micros) > 9.2e18L) {
    return Overflow();
  }
  Interval v;
  v.months = static_cast<int32_t>(a.months);
  v.days = static_cast<int32_t>(a.days);
  v.micros = static_cast<int64_t>(micros);
  return v;
}

std::string FormatInterval(const Interval& v) {
  std::string out;
  bool is_before = false;  // the previous field printed was negative
  bool printed = false;
  auto field = [&](int64_t n, const char* unit) {
    if (n == 0) return;
    if (printed) out.push_back(' ');
    if (is_before && n > 0) out.push_back('+');
    out += std::to_string(n);
    out.push_back(' ');
    out += unit;
    if (n != 1) out.push_back('s');
    is_before = n < 0;
    printed = true;
  };
  int64_t years = v.months / 12;
  int64_t mons = v.months % 12;
  field(years, "year");
  field(mons, "mon");
  field(v.days, "day");
  if (!printed || v.micros != 0) {
    int64_t t = v.micros;
    bool minus = t < 0;
    // |INT64_MIN| fits in unsigned arithmetic.
    uint64_t a = minus ? 0 - static_cast<uint64_t>(t) : static_cast<uint64_t>(t);
    if (printed) out.push_back(' ');
    out += minus ? "-" : (is_before ? "+" : "");
    uint64_t hours = a / kUsecPerHour;
    a %= kUsecPerHour;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02llu:%02llu:%02llu", static_cast<unsigned long long>(hours),
                  static_cast<unsigned long long>(a / kUsecPerMinute),
                  static_cast<unsigned long long>(a % kUsecPerMinute / kUsecPerSec));
    out += buf;
    uint64_t frac = a % kUsecPerSec;
    if (frac != 0) {
      std::snprintf(buf, sizeof buf, ".%06llu", static_cast<unsigned long long>(frac));
      std::string f(buf);
      while (f.back() == '0') f.pop_back();
      out += f;
    }
  }
  return out;
}

__int128 IntervalSpan(const Interval& v) {
  return static_cast<__int128>(v.micros) +
         (static_cast<__int128>(v.days) + static_cast<__int128>(v.months) * 30) * kUsecPerDay;
}

}  // namespace db9::types
