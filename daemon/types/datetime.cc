#include "daemon/types/datetime.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "daemon/types/timezone.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

// Days from 0000-03-01-based civil arithmetic (Hinnant's public algorithm),
// shifted so that 2000-01-01 is day 0.
constexpr int64_t kUnixToPgDays = 10957;

int64_t DaysFromCivilUnix(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDaysUnix(int64_t z, int64_t* year, int* month, int* day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = y + (*month <= 2);
}

enum class Special { kNone, kEpoch, kInfinity, kNegInfinity, kNow, kToday, kTomorrow, kYesterday, kAllballs };

struct Fields {
  Special special = Special::kNone;
  bool has_date = false;
  int64_t year = 0;
  int month = 0;
  int day = 0;
  bool two_digit_year = false;
  bool bc = false;
  bool has_time = false;
  int64_t hour = 0, minute = 0, second = 0, micros = 0;
  int ampm = 0;  // 1 am, 2 pm
  bool has_zone = false;
  IoContext zone;  // resolved zone named in the literal
  std::string bad_zone;  // the unrecognized zone name, for the error
  // Numbers waiting to be placed as day/year around a month name.
  std::vector<std::string> loose_numbers;
};

enum class ParseError { kOk, kSyntax, kRange, kZone };

const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                               "jul", "aug", "sep", "oct", "nov", "dec"};
const char* const kMonthsLong[] = {"january", "february", "march",     "april",
                                   "may",     "june",     "july",      "august",
                                   "september", "october", "november", "december"};
const char* const kDays[] = {"sun", "mon", "tue", "tues", "wed", "wednesday", "thu", "thur",
                             "thurs", "fri", "sat", "sunday", "monday", "tuesday",
                             "thursday", "friday", "saturday"};

int MonthFromName(const std::string& s) {
  for (int i = 0; i < 12; ++i) {
    if (s == kMonths[i] || s == kMonthsLong[i]) return i + 1;
  }
  if (s == "sept") return 9;
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ToInt(std::string_view s, int64_t* out) {
  if (!AllDigits(s) || s.size() > 12) return false;
  *out = std::atoll(std::string(s).c_str());
  return true;
}

// "HH:MM[:SS[.ffffff]]" into f.
ParseError ParseClock(std::string_view s, Fields* f) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ':') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() < 2 || parts.size() > 3) return ParseError::kSyntax;
  if (!ToInt(parts[0], &f->hour) || !ToInt(parts[1], &f->minute)) return ParseError::kSyntax;
  if (parts.size() == 3) {
    std::string_view sec = parts[2];
    size_t dot = sec.find('.');
    std::string_view whole = sec.substr(0, dot);
    if (!ToInt(whole, &f->second)) return ParseError::kSyntax;
    if (dot != std::string_view::npos) {
      std::string_view frac = sec.substr(dot + 1);
      if (!frac.empty() && !AllDigits(frac)) return ParseError::kSyntax;
      int64_t micros = 0;
      for (size_t i = 0; i < 6; ++i) micros = micros * 10 + (i < frac.size() ? frac[i] - '0' : 0);
      if (frac.size() > 6 && frac[6] >= '5') ++micros;  // round half up
      f->micros = micros;
    }
  } else if (s.find('.') != std::string_view::npos) {
    return ParseError::kSyntax;
  }
  f->has_time = true;
  return ParseError::kOk;
}

ParseError ParseDatePart(const std::string& tok, Fields* f) {
  char sep = tok.find('-') != std::string::npos ? '-' : (tok.find('/') != std::string::npos ? '/' : '.');
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= tok.size(); ++i) {
    if (i == tok.size() || tok[i] == sep) {
      parts.push_back(tok.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 3) return ParseError::kSyntax;
  int64_t a = 0, b = 0, c = 0;
  std::string ys;
  if (int m = MonthFromName(parts[1]); m != 0) {  // 05-jan-2024
    if (!ToInt(parts[0], &a) || !ToInt(parts[2], &c)) return ParseError::kSyntax;
    if (parts[0].size() >= 3) {  // 2024-jan-05
      f->year = a;
      f->day = static_cast<int>(c);
      ys = parts[0];
    } else {
      f->day = static_cast<int>(a);
      f->year = c;
      ys = parts[2];
    }
    f->month = m;
  } else {
    if (!ToInt(parts[0], &a) || !ToInt(parts[1], &b) || !ToInt(parts[2], &c)) {
      return ParseError::kSyntax;
    }
    if (parts[0].size() >= 3) {  // ISO Y-M-D
      f->year = a;
      f->month = static_cast<int>(b);
      f->day = static_cast<int>(c);
      ys = parts[0];
    } else {  // DateStyle MDY
      f->month = static_cast<int>(a);
      f->day = static_cast<int>(b);
      f->year = c;
      ys = parts[2];
    }
  }
  f->two_digit_year = ys.size() <= 2;
  f->has_date = true;
  return ParseError::kOk;
}

// Splits "10:00:00+02" / "10:00z" into clock and zone.
ParseError ParseTimeToken(const std::string& tok, Fields* f) {
  size_t zpos = tok.find_first_of("+-z", 1);
  std::string clock = tok.substr(0, zpos);
  ParseError e = ParseClock(clock, f);
  if (e != ParseError::kOk) return e;
  if (zpos == std::string::npos) return ParseError::kOk;
  std::string zone = tok.substr(zpos);
  if (!ResolveZone(zone, &f->zone)) return ParseError::kSyntax;
  f->has_zone = true;
  return ParseError::kOk;
}

ParseError Tokenize(std::string_view text, Fields* f) {
  std::string s = AsciiLower(TrimPgSpace(text));
  // "2024-01-05T10:00" -> "2024-01-05 10:00"
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == 't' && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9') {
      s[i] = ' ';
    }
  }
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : s) {
    if (IsPgSpace(c) || c == ',') {
      if (!cur.empty()) tokens.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  if (tokens.empty()) return ParseError::kSyntax;

  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& tok = tokens[i];
    if (tokens.size() == 1) {
      static const std::pair<const char*, Special> kSpecials[] = {
          {"epoch", Special::kEpoch},     {"infinity", Special::kInfinity},
          {"+infinity", Special::kInfinity}, {"-infinity", Special::kNegInfinity},
          {"now", Special::kNow},         {"today", Special::kToday},
          {"tomorrow", Special::kTomorrow}, {"yesterday", Special::kYesterday},
          {"allballs", Special::kAllballs}};
      bool found = false;
      for (const auto& [word, sp] : kSpecials) {
        if (tok == word) {
          f->special = sp;
          found = true;
        }
      }
      if (found) return ParseError::kOk;
    }
    char c0 = tok[0];
    bool digit0 = c0 >= '0' && c0 <= '9';
    size_t colon = tok.find(':');
    size_t datesep = tok.find_first_of("-/");
    if (digit0 && datesep != std::string::npos && (colon == std::string::npos || datesep < colon)) {
      if (f->has_date) return ParseError::kSyntax;
      ParseError e = ParseDatePart(tok, f);
      if (e != ParseError::kOk) return e;
    } else if (digit0 && colon != std::string::npos) {
      if (f->has_time) return ParseError::kSyntax;
      ParseError e = ParseTimeToken(tok, f);
      if (e != ParseError::kOk) return e;
    } else if ((c0 == '+' || c0 == '-') && tok.size() > 1 && (f->has_time || f->has_date)) {
      if (f->has_zone || !ResolveZone(tok, &f->zone)) return ParseError::kSyntax;
      f->has_zone = true;
    } else if (AllDigits(tok)) {
      if (tok.size() == 8 && !f->has_date) {  // 20240105
        f->year = std::atoll(tok.substr(0, 4).c_str());
        f->month = std::atoi(tok.substr(4, 2).c_str());
        f->day = std::atoi(tok.substr(6, 2).c_str());
        f->has_date = true;
      } else {
        f->loose_numbers.push_back(tok);
      }
    } else if (tok == "bc") {
      f->bc = true;
    } else if (tok == "ad") {
    } else if (tok == "am" || tok == "a.m.") {
      f->ampm = 1;
    } else if (tok == "pm" || tok == "p.m.") {
      f->ampm = 2;
    } else if (int m = MonthFromName(tok); m != 0 && !f->has_date) {
      f->month = m;
    } else {
      bool dayname = false;
      for (const char* d : kDays) dayname |= tok == d;
      if (dayname) continue;
      // A zone name; PostgreSQL keeps the original case only for display.
      if (f->has_zone) return ParseError::kSyntax;
      if (!ResolveZone(tok, &f->zone)) {
        // Only names shaped like zones ("Area/City") get the zone error;
        // other stray words are plain syntax errors, as in PostgreSQL.
        if (tok.find('/') == std::string::npos) return ParseError::kSyntax;
        f->bad_zone = tok;
        return ParseError::kZone;
      }
      f->has_zone = true;
    }
  }
  // "Jan 8 1999", "8 January 1999": place loose numbers around the month.
  if (f->month != 0 && !f->has_date) {
    if (f->loose_numbers.size() != 2) return ParseError::kSyntax;
    const std::string& n1 = f->loose_numbers[0];
    const std::string& n2 = f->loose_numbers[1];
    bool first_is_year = n1.size() >= 3;
    f->year = std::atoll((first_is_year ? n1 : n2).c_str());
    f->day = std::atoi((first_is_year ? n2 : n1).c_str());
    f->two_digit_year = (first_is_year ? n1 : n2).size() <= 2;
    f->has_date = true;
  } else if (!f->loose_numbers.empty()) {
    return ParseError::kSyntax;
  }
  if (f->has_date) {
    if (f->two_digit_year) f->year += f->year < 70 ? 2000 : 1900;
    if (f->bc) {
      if (f->year <= 0) return ParseError::kRange;
      f->year = 1 - f->year;
    }
    if (!ValidCivilDate(f->year, f->month, f->day)) return ParseError::kRange;
  } else if (f->bc) {
    return ParseError::kSyntax;
  }
  if (f->has_time) {
    if (f->ampm != 0) {
      if (f->hour < 1 || f->hour > 12) return ParseError::kRange;
      if (f->hour == 12) f->hour = 0;
      if (f->ampm == 2) f->hour += 12;
    }
    if (f->hour > 24 || f->minute > 59 || f->second > 60 ||
        (f->hour == 24 && (f->minute != 0 || f->second != 0 || f->micros != 0))) {
      return ParseError::kRange;
    }
  } else if (f->ampm != 0) {
    return ParseError::kSyntax;
  }
  return ParseError::kOk;
}

int64_t TimeOfDay(const Fields& f) {
  return f.hour * kUsecPerHour + f.minute * kUsecPerMinute + f.second * kUsecPerSec + f.micros;
}

Status ErrorFor(ParseError e, std::string_view sql_name, std::string_view text,
                const std::string& bad_zone = "") {
  switch (e) {
    case ParseError::kRange:
      return Status::Error(sqlstate::kDatetimeFieldOverflow,
                           "date/time field value out of range: \"" + std::string(text) + "\"");
    case ParseError::kZone: {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "time zone \"" + bad_zone + "\" not recognized");
    }
    default:
      return Status::Error(sqlstate::kInvalidDatetimeFormat,
                           "invalid input syntax for type " + std::string(sql_name) + ": \"" +
                               std::string(text) + "\"");
  }
}

// Local midnight of "today" in the session zone, as a local timestamp.
int64_t LocalToday(const IoContext& io, int64_t now_micros) {
  int64_t local = now_micros + ZoneOffsetAtUtc(io, now_micros) * kUsecPerSec;
  int64_t days, tod;
  SplitTimestamp(local, &days, &tod);
  return days;
}

void AppendTwo(std::string* out, int64_t v) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

// "HH:MM:SS[.ffffff]" with trailing fraction zeros dropped.
void AppendClock(std::string* out, int64_t micros) {
  int64_t hour = micros / kUsecPerHour;
  micros -= hour * kUsecPerHour;
  int64_t minute = micros / kUsecPerMinute;
  micros -= minute * kUsecPerMinute;
  int64_t sec = micros / kUsecPerSec;
  int64_t frac = micros % kUsecPerSec;
  if (hour < 10) out->push_back('0');
  *out += std::to_string(hour);
  out->push_back(':');
  AppendTwo(out, minute);
  out->push_back(':');
  AppendTwo(out, sec);
  if (frac != 0) {
    char buf[24];
    std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
    std::string f(buf);
    while (f.back() == '0') f.pop_back();
    *out += f;
  }
}

void AppendYmd(std::string* out, int64_t days, bool* bc) {
  int64_t y;
  int m, d;
  CivilFromDays(days, &y, &m, &d);
  *bc = y <= 0;
  if (*bc) y = 1 - y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(y), m, d);
  *out += buf;
}

}  // namespace

int64_t DaysFromCivil(int64_t year, int month, int day) {
  return DaysFromCivilUnix(year, month, day) - kUnixToPgDays;
}

void CivilFromDays(int64_t days, int64_t* year, int* month, int* day) {
  CivilFromDaysUnix(days + kUnixToPgDays, year, month, day);
}

int DaysInMonth(int64_t year, int month) {
  static const int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDaysIn[month - 1];
}

bool ValidCivilDate(int64_t year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month) &&
         year > -4714 && year <= 5874897;
}

bool DateInRange(int64_t days) {
  // 4714-11-24 BC (Julian day 0) .. 5874897-12-31
  return days >= DaysFromCivil(-4713, 11, 24) && days <= DaysFromCivil(5874897, 12, 31);
}

bool TimestampInRange(int64_t micros) {
  static const int64_t kMin = DaysFromCivil(-4713, 11, 24) * kUsecPerDay;
  static const int64_t kEnd = DaysFromCivil(294277, 1, 1) * kUsecPerDay;
  return micros >= kMin && micros < kEnd;
}

void SplitTimestamp(int64_t micros, int64_t* days, int64_t* time_of_day) {
  *days = micros / kUsecPerDay;
  *time_of_day = micros % kUsecPerDay;
  if (*time_of_day < 0) {
    *time_of_day += kUsecPerDay;
    *days -= 1;
  }
}

int64_t NowMicros() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() -
         kUnixToPgDays * kUsecPerDay;
}

Result<int64_t> ParseDate(std::string_view text, const IoContext& io, int64_t now_micros) {
  Fields f;
  ParseError e = Tokenize(text, &f);
  if (e != ParseError::kOk) return ErrorFor(e, "date", text, f.bad_zone);
  if (now_micros == 0) now_micros = NowMicros();
  switch (f.special) {
    case Special::kEpoch: return DaysFromCivil(1970, 1, 1);
    case Special::kInfinity: return kDateInfinity;
    case Special::kNegInfinity: return kDateNegInfinity;
    case Special::kNow:
    case Special::kToday: return LocalToday(io, now_micros);
    case Special::kTomorrow: return LocalToday(io, now_micros) + 1;
    case Special::kYesterday: return LocalToday(io, now_micros) - 1;
    case Special::kAllballs: return ErrorFor(ParseError::kSyntax, "date", text);
    case Special::kNone: break;
  }
  if (!f.has_date) return ErrorFor(ParseError::kSyntax, "date", text);
  int64_t days = DaysFromCivil(f.year, f.month, f.day);
  if (!DateInRange(days)) {
    return Status::Error(sqlstate::kDatetimeFieldOverflow,
                         "date out of range: \"" + std::string(text) + "\"");
  }
  return days;
}

Result<int64_t> ParseTime(std::string_view text) {
  Fields f;
  ParseError e = Tokenize(text, &f);
  if (e != ParseError::kOk) return ErrorFor(e, "time without time zone", text, f.bad_zone);
  if (f.special == Special::kAllballs) return int64_t{0};
  if (f.special == Special::kNow) {
    int64_t days, tod;
    SplitTimestamp(NowMicros(), &days, &tod);
    return tod;
  }
  if (!f.has_time || f.special != Special::kNone) {
    return ErrorFor(ParseError::kSyntax, "time without time zone", text);
  }
  return TimeOfDay(f);
}

Result<int64_t> ParseTimestamp(std::string_view text, bool with_zone, const IoContext& io,
                               int64_t now_micros) {
  const char* sql_name = with_zone ? "timestamp with time zone" : "timestamp without time zone";
  Fields f;
  ParseError e = Tokenize(text, &f);
  if (e != ParseError::kOk) return ErrorFor(e, sql_name, text, f.bad_zone);
  if (now_micros == 0) now_micros = NowMicros();
  int64_t local = 0;
  switch (f.special) {
    case Special::kInfinity: return kTimestampInfinity;
    case Special::kNegInfinity: return kTimestampNegInfinity;
    case Special::kEpoch: return DaysFromCivil(1970, 1, 1) * kUsecPerDay;
    case Special::kNow:
      if (with_zone) return now_micros;
      return now_micros + ZoneOffsetAtUtc(io, now_micros) * kUsecPerSec;
    case Special::kToday: local = LocalToday(io, now_micros) * kUsecPerDay; break;
    case Special::kTomorrow: local = (LocalToday(io, now_micros) + 1) * kUsecPerDay; break;
    case Special::kYesterday: local = (LocalToday(io, now_micros) - 1) * kUsecPerDay; break;
    case Special::kAllballs: return ErrorFor(ParseError::kSyntax, sql_name, text);
    case Special::kNone:
      if (!f.has_date) return ErrorFor(ParseError::kSyntax, sql_name, text);
      if (f.year > 294277) {  // past the timestamp range; keep the product in int64
        return Status::Error(sqlstate::kDatetimeFieldOverflow,
                             "timestamp out of range: \"" + std::string(text) + "\"");
      }
      local = DaysFromCivil(f.year, f.month, f.day) * kUsecPerDay + TimeOfDay(f);
      break;
  }
  int64_t result = local;
  if (with_zone) {
    const IoContext& zone = f.has_zone ? f.zone : io;
    result = local - static_cast<int64_t>(ZoneOffsetForLocal(zone, local)) * kUsecPerSec;
  }
  if (!TimestampInRange(result)) {
    return Status::Error(sqlstate::kDatetimeFieldOverflow,
                         "timestamp out of range: \"" + std::string(text) + "\"");
  }
  return result;
}

std::string FormatDate(int64_t days) {
  if (days == kDateInfinity) return "infinity";
  if (days == kDateNegInfinity) return "-infinity";
  std::string out;
  bool bc = false;
  AppendYmd(&out, days, &bc);
  if (bc) out += " BC";
  return out;
}

std::string FormatTime(int64_t micros) {
  std::string out;
  AppendClock(&out, micros);
  return out;
}

std::string FormatTimestamp(int64_t micros) {
  if (micros == kTimestampInfinity) return "infinity";
  if (micros == kTimestampNegInfinity) return "-infinity";
  int64_t days, tod;
  SplitTimestamp(micros, &days, &tod);
  std::string out;
  bool bc = false;
  AppendYmd(&out, days, &bc);
  out.push_back(' ');
  AppendClock(&out, tod);
  if (bc) out += " BC";
  return out;
}

std::string FormatZoneOffset(int seconds_east) {
  std::string out(1, seconds_east < 0 ? '-' : '+');
  int a = std::abs(seconds_east);
  AppendTwo(&out, a / 3600);
  if (a % 3600 != 0) {
    out.push_back(':');
    AppendTwo(&out, a % 3600 / 60);
    if (a % 60 != 0) {
      out.push_back(':');
      AppendTwo(&out, a % 60);
    }
  }
  return out;
}

std::string FormatTimestamptz(int64_t micros, const IoContext& io) {
  if (micros == kTimestampInfinity) return "infinity";
  if (micros == kTimestampNegInfinity) return "-infinity";
  int offset = ZoneOffsetAtUtc(io, micros);
  int64_t local = micros + static_cast<int64_t>(offset) * kUsecPerSec;
  int64_t days, tod;
  SplitTimestamp(local, &days, &tod);
  std::string out;
  bool bc = false;
  AppendYmd(&out, days, &bc);
  out.push_back(' ');
  AppendClock(&out, tod);
  out += FormatZoneOffset(offset);
  if (bc) out += " BC";
  return out;
}

int64_t RoundMicros(int64_t micros, int precision) {
  if (precision < 0 || precision >= 6) return micros;
  static const int64_t kScale[] = {1000000, 100000, 10000, 1000, 100, 10};
  int64_t scale = kScale[precision];
  if (micros >= 0) return (micros + scale / 2) / scale * scale;
  return -((-micros + scale / 2) / scale * scale);
}

}  // namespace db9::types
