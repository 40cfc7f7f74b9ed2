// to_char(numeric|int|float8, text) for the common number templates:
// 9 and 0 digit positions, . or D decimal point, , or G group separator,
// FM (no padding, trailing fraction zeros of 9 positions dropped), S and
// MI explicit sign, "quoted" and other literal text. Too-narrow templates
// print '#' in every digit position, as PostgreSQL.
#include <cstring>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/numeric.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::Numeric;

struct Slot {
  enum Kind { kDigit9, kDigit0, kPoint, kGroup, kSign, kMinus, kLiteral } kind;
  std::string text;  // literal text
};

std::vector<Slot> ParsePattern(const std::string& fmt, bool* fm) {
  std::vector<Slot> out;
  for (size_t i = 0; i < fmt.size();) {
    auto starts = [&](const char* p) { return fmt.compare(i, std::strlen(p), p) == 0; };
    if (starts("FM") || starts("fm")) {
      *fm = true;
      i += 2;
    } else if (starts("MI") || starts("mi")) {
      out.push_back({Slot::kMinus, ""});
      i += 2;
    } else if (fmt[i] == '9') {
      out.push_back({Slot::kDigit9, ""});
      ++i;
    } else if (fmt[i] == '0') {
      out.push_back({Slot::kDigit0, ""});
      ++i;
    } else if (fmt[i] == '.' || fmt[i] == 'D' || fmt[i] == 'd') {
      out.push_back({Slot::kPoint, ""});
      ++i;
    } else if (fmt[i] == ',' || fmt[i] == 'G' || fmt[i] == 'g') {
      out.push_back({Slot::kGroup, ""});
      ++i;
    } else if (fmt[i] == 'S' || fmt[i] == 's') {
      out.push_back({Slot::kSign, ""});
      ++i;
    } else if (fmt[i] == '"') {
      std::string lit;
      for (++i; i < fmt.size() && fmt[i] != '"'; ++i) lit.push_back(fmt[i]);
      ++i;
      out.push_back({Slot::kLiteral, lit});
    } else {
      out.push_back({Slot::kLiteral, std::string(1, fmt[i++])});
    }
  }
  return out;
}

Result<std::string> FormatNumber(const Numeric& value, const std::string& fmt) {
  bool fm = false;
  std::vector<Slot> slots = ParsePattern(fmt, &fm);
  int int_slots = 0, frac_slots = 0;
  bool seen_point = false, explicit_sign = false;
  for (const Slot& s : slots) {
    if (s.kind == Slot::kPoint) seen_point = true;
    if (s.kind == Slot::kDigit9 || s.kind == Slot::kDigit0) (seen_point ? frac_slots : int_slots)++;
    if (s.kind == Slot::kSign || s.kind == Slot::kMinus) explicit_sign = true;
  }
  bool negative = value.sign() < 0;
  Numeric rounded = value.Abs().Round(frac_slots);
  std::string digits = rounded.is_finite() ? rounded.AbsDigits() : "";
  std::string int_digits = digits.size() > static_cast<size_t>(frac_slots)
                               ? digits.substr(0, digits.size() - frac_slots)
                               : "";
  if (int_digits == "0") int_digits.clear();
  std::string frac_digits = digits.substr(digits.size() - std::min<size_t>(digits.size(), frac_slots));
  frac_digits.insert(0, static_cast<size_t>(frac_slots) - frac_digits.size(), '0');
  bool overflow = !rounded.is_finite() || static_cast<int>(int_digits.size()) > int_slots;

  // In FM mode, fraction positions written as 9 drop trailing zeros.
  int keep_frac = frac_slots;
  if (fm) {
    int k = 0, last_zero_slot = -1;
    bool after = false;
    for (const Slot& s : slots) {
      if (s.kind == Slot::kPoint) after = true;
      if (after && (s.kind == Slot::kDigit0 || s.kind == Slot::kDigit9)) {
        if (s.kind == Slot::kDigit0) last_zero_slot = k;
        ++k;
      }
    }
    while (keep_frac > last_zero_slot + 1 && keep_frac > 0 && frac_digits[keep_frac - 1] == '0') --keep_frac;
  }

  std::string out;
  size_t sign_at = std::string::npos;  // where the automatic sign goes
  int int_pos = 0, frac_pos = 0;
  bool after_point = false, printed = false, zero_fill = false, leading_sign = false;
  for (const Slot& s : slots) {
    switch (s.kind) {
      case Slot::kDigit9:
      case Slot::kDigit0:
        if (after_point) {
          if (frac_pos < keep_frac) out.push_back(overflow ? '#' : frac_digits[frac_pos]);
          ++frac_pos;
          break;
        }
        if (s.kind == Slot::kDigit0) zero_fill = true;
        {
          int d = int_pos - (int_slots - static_cast<int>(int_digits.size()));
          ++int_pos;
          if (overflow) {
            if (!printed) sign_at = out.size();
            out.push_back('#');
            printed = true;
          } else if (d >= 0 || zero_fill) {
            if (!printed) sign_at = out.size();
            out.push_back(d >= 0 ? int_digits[d] : '0');
            printed = true;
          } else if (!fm) {
            out.push_back(' ');
          }
        }
        break;
      case Slot::kPoint:
        if (!printed) sign_at = out.size();
        printed = true;
        after_point = true;
        out.push_back('.');
        break;
      case Slot::kGroup:
        if (printed) out.push_back(',');
        else if (!fm) out.push_back(' ');
        break;
      case Slot::kSign:
        // A leading S sticks to the first digit (" +42" for S999).
        if (int_pos == 0 && !after_point) {
          leading_sign = true;
        } else {
          out.push_back(negative ? '-' : '+');
        }
        break;
      case Slot::kMinus:
        if (negative) out.push_back('-');
        else if (!fm) out.push_back(' ');
        break;
      case Slot::kLiteral:
        out += s.text;
        break;
    }
  }
  if (sign_at == std::string::npos) sign_at = out.size();
  if (leading_sign) {
    out.insert(sign_at, 1, negative ? '-' : '+');
  } else if (!explicit_sign) {
    if (negative) out.insert(sign_at, 1, '-');
    else if (!fm) out.insert(sign_at, 1, ' ');
  }
  return out;
}

}  // namespace

Status RegisterNumericToChar(Registries& r) {
  auto impl = [](FunctionContext&, Args a) -> Result<Value> {
    Numeric n;
    switch (a[0].type()) {
      case oid::kNumeric: {
        DB9_ASSIGN_OR_RETURN(n, Numeric::FromValue(a[0]));
        break;
      }
      case oid::kFloat8:
      case oid::kFloat4:
        n = Numeric::FromDouble(a[0].as_double(), a[0].type() == oid::kFloat4 ? 6 : 15);
        break;
      default:
        n = Numeric::FromInt(a[0].as_int());
    }
    DB9_ASSIGN_OR_RETURN(std::string s, FormatNumber(n, a[1].as_string()));
    return Value::Text(std::move(s));
  };
  for (Oid t : {oid::kNumeric, oid::kInt4, oid::kInt8, oid::kFloat8, oid::kFloat4}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, "to_char", {t, oid::kText}, oid::kText, impl, Volatility::kStable));
  }
  return Status::OK();
}

}  // namespace db9::functions
