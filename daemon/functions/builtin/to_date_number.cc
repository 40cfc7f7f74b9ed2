// to_date(text, text) and to_number(text, text): the common parts of
// PostgreSQL's formatting.c parsers.
//
// to_date reads YYYY, YY (70-99 -> 19xx, else 20xx), MM, DD, DDD (day of
// the year), Mon/MON/mon, Month/MONTH/month, with an optional FM prefix.
// A number takes as many digits as its width, or any count when FM is set
// or a non-digit follows it in the template (so YYYYMMDD and YYYY-M-D both
// work). Any other template character skips one input separator.
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
  // Reads the number for the pattern at f_ (`width` letters long).
  Result<int64_t> Number(const char* name, size_t width, bool fm) {
    f_ += width;
    while (i_ < in_.size() && in_[i_] == ' ') ++i_;
    bool greedy = fm || f_ >= fmt_.size() || !std::isalpha(static_cast<unsigned char>(fmt_[f_]));
    size_t start = i_;
    while (i_ < in_.size() && IsDigit(in_[i_]) && (greedy || i_ - start < width) && i_ - start < 9) ++i_;
    if (i_ == start) {
      return InvalidValue(in_.substr(start, std::min(width, in_.size() - start)), name,
                          "Value must be an integer.");
    }
    return std::stoll(std::string(in_.substr(start, i_ - start)));
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

  std::string_view in_, fmt_;
  size_t i_ = 0, f_ = 0;
  DateFields fields_;
};

Result<Value> ToDate(FunctionContext&, Args a) {
  DateParser parser(a[0].as_string(), a[1].as_string());
  DB9_ASSIGN_OR_RETURN(int64_t days, parser.Parse());
  return Value::OfInt(oid::kDate, days);
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
  return AddFunction(r, "to_number", {oid::kText, oid::kText}, oid::kNumeric, ToNumber,
                     Volatility::kStable);
}

}  // namespace db9::functions
