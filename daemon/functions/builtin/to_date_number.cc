// to_date(text, text), to_timestamp(text, text) and to_number(text, text):
// the common parts of PostgreSQL's formatting.c parsers.
//
// to_date reads YYYY, YY (70-99 -> 19xx, else 20xx), MM, DD, DDD (day of
// the year), Mon/MON/mon, Month/MONTH/month, with an optional FM prefix.
// A number takes as many digits as its width, or any count when FM is set
// or a non-digit follows it in the template (so YYYYMMDD and YYYY-M-D both
// work). to_timestamp also reads HH24, HH12/HH with AM/PM, MI, SS, MS and
// US. Any other template character skips one input separator.
//
// to_number reads digits into the template's digit positions (9 or 0)
// before and after its decimal point (D or '.'), a '-' anywhere as the
// sign, and skips everything else (group separators, currency, blanks).
#include <cctype>
#include <string>
#include <string_view>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/datetime.h"
#include "daemon/types/numeric.h"
#include "daemon/types/timezone.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                               "july",    "august",   "september", "october", "november", "december"};

Status InvalidValue(std::string_view value, std::string_view field, const char* detail) {
  return Status::Error(sqlstate::kInvalidDatetimeFormat,
                       "invalid value \"" + std::string(value) + "\" for \"" + std::string(field) + "\"")
      .WithDetail(detail);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct DateFields {
  int64_t year = 1;
  int month = 1, day = 1, day_of_year = 0;
  // Time of day (to_timestamp; to_date reads and ignores it).
  int64_t hour = 0, minute = 0, second = 0, micros = 0;
  int meridiem = 0;  // 0: 24-hour clock, 1: AM, 2: PM
};

class DateParser {
 public:
  DateParser(std::string_view input, std::string_view fmt) : in_(input), fmt_(fmt) {}

  Result<int64_t> Parse() {
    while (f_ < fmt_.size()) {
      bool fm = StartsWithNoCase(fmt_.substr(f_), "FM");
      if (fm) f_ += 2;
      std::string_view rest = fmt_.substr(f_);
      if (StartsWithNoCase(rest, "YYYY")) {
        DB9_ASSIGN_OR_RETURN(fields_.year, Number("YYYY", 4, fm));
      } else if (StartsWithNoCase(rest, "YY")) {
        DB9_ASSIGN_OR_RETURN(int64_t yy, Number("YY", 2, fm));
        fields_.year = yy < 70 ? 2000 + yy : (yy < 100 ? 1900 + yy : yy);
      } else if (StartsWithNoCase(rest, "MONTH")) {
        DB9_RETURN_IF_ERROR(MonthName(std::string(rest.substr(0, 5)), false));
      } else if (StartsWithNoCase(rest, "MON")) {
        DB9_RETURN_IF_ERROR(MonthName(std::string(rest.substr(0, 3)), true));
      } else if (StartsWithNoCase(rest, "MM")) {
        DB9_ASSIGN_OR_RETURN(int64_t m, Number("MM", 2, fm));
        fields_.month = static_cast<int>(m);
      } else if (StartsWithNoCase(rest, "DDD")) {
        DB9_ASSIGN_OR_RETURN(int64_t d, Number("DDD", 3, fm));
        fields_.day_of_year = static_cast<int>(d);
      } else if (StartsWithNoCase(rest, "DD")) {
        DB9_ASSIGN_OR_RETURN(int64_t d, Number("DD", 2, fm));
        fields_.day = static_cast<int>(d);
      } else if (StartsWithNoCase(rest, "HH24")) {
        DB9_ASSIGN_OR_RETURN(fields_.hour, Number("HH24", 4, fm, 2));
      } else if (StartsWithNoCase(rest, "HH12") || StartsWithNoCase(rest, "HH")) {
        size_t width = StartsWithNoCase(rest, "HH12") ? 4 : 2;
        DB9_ASSIGN_OR_RETURN(fields_.hour, Number(width == 4 ? "HH12" : "HH", width, fm, 2));
        if (fields_.meridiem == 0) fields_.meridiem = 1;  // 12-hour clock until PM says otherwise
      } else if (StartsWithNoCase(rest, "MI")) {
        DB9_ASSIGN_OR_RETURN(fields_.minute, Number("MI", 2, fm));
      } else if (StartsWithNoCase(rest, "SS")) {
        DB9_ASSIGN_OR_RETURN(fields_.second, Number("SS", 2, fm));
      } else if (StartsWithNoCase(rest, "MS")) {
        DB9_ASSIGN_OR_RETURN(int64_t ms, Fraction("MS", 3));
        fields_.micros = ms * 1000;
      } else if (StartsWithNoCase(rest, "US")) {
        DB9_ASSIGN_OR_RETURN(fields_.micros, Fraction("US", 6));
      } else if (StartsWithNoCase(rest, "AM") || StartsWithNoCase(rest, "PM")) {
        f_ += 2;
        while (i_ < in_.size() && in_[i_] == ' ') ++i_;
        std::string_view word = in_.substr(i_);
        if (!StartsWithNoCase(word, "AM") && !StartsWithNoCase(word, "PM")) {
          return InvalidValue(word.substr(0, 2), rest.substr(0, 2),
                              "The given value did not match any of the allowed values for this field.");
        }
        fields_.meridiem = StartsWithNoCase(word, "PM") ? 2 : 1;
        i_ += 2;
      } else {
        // A literal: skips one separator or blank in the input.
        ++f_;
        if (i_ < in_.size() && !std::isalnum(static_cast<unsigned char>(in_[i_]))) ++i_;
        continue;
      }
    }
    return Finish();
  }

 private:
  // Reads the number for the pattern at f_ (`width` letters long, taking
  // up to `digits` digits, the width unless given).
  Result<int64_t> Number(const char* name, size_t width, bool fm, size_t digits = 0) {
    f_ += width;
    if (digits == 0) digits = width;
    while (i_ < in_.size() && in_[i_] == ' ') ++i_;
    bool greedy = fm || f_ >= fmt_.size() || !std::isalpha(static_cast<unsigned char>(fmt_[f_]));
    size_t start = i_;
    while (i_ < in_.size() && IsDigit(in_[i_]) && (greedy || i_ - start < digits) && i_ - start < 9) ++i_;
    if (i_ == start) {
      return InvalidValue(in_.substr(start, std::min(width, in_.size() - start)), name,
                          "Value must be an integer.");
    }
    return std::stoll(std::string(in_.substr(start, i_ - start)));
  }

  // MS / US: up to `digits` digits, scaled as a fraction ("5" in MS is 500).
  Result<int64_t> Fraction(const char* name, size_t digits) {
    f_ += 2;
    size_t start = i_;
    while (i_ < in_.size() && IsDigit(in_[i_]) && i_ - start < digits) ++i_;
    if (i_ == start) {
      return InvalidValue(in_.substr(start, std::min(digits, in_.size() - start)), name,
                          "Value must be an integer.");
    }
    std::string text(in_.substr(start, i_ - start));
    text.append(digits - text.size(), '0');
    return std::stoll(text);
  }

  Status MonthName(std::string pattern, bool abbreviated) {
    f_ += pattern.size();
    while (i_ < in_.size() && in_[i_] == ' ') ++i_;
    std::string_view rest = in_.substr(i_);
    for (int m = 0; m < 12; ++m) {
      std::string_view name = kMonths[m];
      if (abbreviated) name = name.substr(0, 3);
      if (StartsWithNoCase(rest, name)) {
        fields_.month = m + 1;
        i_ += name.size();
        return Status::OK();
      }
    }
    return InvalidValue(rest, pattern, "The given value did not match any of the allowed values for this field.");
  }

  Result<int64_t> Finish() {
    auto out_of_range = [&] {
      return Status::Error(sqlstate::kDatetimeFieldOverflow,
                           "date/time field value out of range: \"" + std::string(in_) + "\"");
    };
    if (fields_.day_of_year > 0) {
      int64_t days = types::DaysFromCivil(fields_.year, 1, 1) + fields_.day_of_year - 1;
      int64_t y;
      int m, d;
      types::CivilFromDays(days, &y, &m, &d);
      if (y != fields_.year || !types::DateInRange(days)) return out_of_range();
      return days;
    }
    if (!types::ValidCivilDate(fields_.year, fields_.month, fields_.day)) return out_of_range();
    int64_t days = types::DaysFromCivil(fields_.year, fields_.month, fields_.day);
    if (!types::DateInRange(days)) return out_of_range();
    return days;
  }


 public:
  // The time of day read (after Parse), in microseconds. 22008 for hours
  // past the clock (HH12 13, HH24 25), minutes or seconds past 59.
  Result<int64_t> TimeOfDay() const {
    int64_t hour = fields_.hour;
    if (fields_.meridiem != 0) {
      if (hour < 1 || hour > 12) {
        return Status::Error(sqlstate::kInvalidDatetimeFormat,
                             "hour \"" + std::to_string(hour) + "\" is invalid for the 12-hour clock")
            .WithHint("Use the 24-hour clock, or give an hour between 1 and 12.");
      }
      hour = hour % 12 + (fields_.meridiem == 2 ? 12 : 0);
    }
    if (hour > 24 || fields_.minute > 59 || fields_.second > 60) {
      return Status::Error(sqlstate::kDatetimeFieldOverflow,
                           "date/time field value out of range: \"" + std::string(in_) + "\"");
    }
    return hour * types::kUsecPerHour + fields_.minute * types::kUsecPerMinute +
           fields_.second * types::kUsecPerSec + fields_.micros;
  }

 private:
  std::string_view in_, fmt_;
  size_t i_ = 0, f_ = 0;
  DateFields fields_;
};

Result<Value> ToDate(FunctionContext&, Args a) {
  DateParser parser(a[0].as_string(), a[1].as_string());
  DB9_ASSIGN_OR_RETURN(int64_t days, parser.Parse());
  return Value::OfInt(oid::kDate, days);
}

// to_timestamp(text, text): the wall time read is in the session's zone.
Result<Value> ToTimestamp(FunctionContext& ctx, Args a) {
  DateParser parser(a[0].as_string(), a[1].as_string());
  DB9_ASSIGN_OR_RETURN(int64_t days, parser.Parse());
  DB9_ASSIGN_OR_RETURN(int64_t tod, parser.TimeOfDay());
  int64_t local = days * types::kUsecPerDay + tod;
  int64_t utc = local - static_cast<int64_t>(types::ZoneOffsetForLocal(*ctx.io, local)) * types::kUsecPerSec;
  if (!types::TimestampInRange(utc)) {
    return Status::Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  return Value::OfInt(oid::kTimestamptz, utc);
}

// Digit positions (9 or 0) of the template before and after its decimal
// point (D or '.').
struct Slots {
  size_t integer = 0, fraction = 0;
};

Slots TemplateSlots(std::string_view fmt) {
  Slots slots;
  bool after_point = false;
  for (char c : fmt) {
    if (c == '.' || c == 'D' || c == 'd') after_point = true;
    if (c == '9' || c == '0') ++(after_point ? slots.fraction : slots.integer);
  }
  return slots;
}

// As PostgreSQL: digits beyond the template's positions are not read
// (to_number('123', '9') = 1, to_number('1.239', '9.99') = 1.23).
Result<Value> ToNumber(FunctionContext&, Args a) {
  std::string_view in = a[0].as_string();
  Slots slots = TemplateSlots(a[1].as_string());
  std::string integer, fraction;
  bool negative = false, after_point = false;
  for (char c : in) {
    if (IsDigit(c)) {
      std::string& part = after_point ? fraction : integer;
      if (part.size() < (after_point ? slots.fraction : slots.integer)) part.push_back(c);
    } else if (c == '.' && !after_point) {
      if (slots.fraction == 0) break;  // the template has no fraction
      after_point = true;
    } else if (c == '-') {
      negative = true;
    }
  }
  if (integer.empty() && fraction.empty()) {
    return Status::Error(sqlstate::kInvalidTextRepresentation,
                         "invalid input syntax for type numeric: \" \"");
  }
  std::string text = (negative ? "-" : "") + (integer.empty() ? "0" : integer);
  if (!fraction.empty()) text += "." + fraction;
  DB9_ASSIGN_OR_RETURN(types::Numeric n, types::Numeric::Parse(text));
  return n.ToValue();
}

}  // namespace

Status RegisterToDateNumber(Registries& r) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "to_date", {oid::kText, oid::kText}, oid::kDate, ToDate,
                                  Volatility::kStable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "to_timestamp", {oid::kText, oid::kText}, oid::kTimestamptz,
                                  ToTimestamp, Volatility::kStable));
  return AddFunction(r, "to_number", {oid::kText, oid::kText}, oid::kNumeric, ToNumber,
                     Volatility::kStable);
}

}  // namespace db9::functions
