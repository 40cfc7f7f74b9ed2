#include "daemon/types/numeric.h"

#include <boost/multiprecision/integer.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

using BigInt = Numeric::BigInt;

// PostgreSQL's limits (numeric.c).
constexpr int kMaxDisplayScale = 1000;
constexpr int kMinSigDigits = 16;
constexpr int kMaxResultScale = 2000;
// 131072 digits before the point, 16383 after.
constexpr int kMaxWeightDigits = 131072;
constexpr int kMaxScale = 16383;

BigInt Pow10(int n) {
  BigInt r = 1;
  static const BigInt kTen18("1000000000000000000");
  while (n >= 18) {
    r *= kTen18;
    n -= 18;
  }
  static const int64_t kSmall[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                   100000000, 1000000000, 10000000000LL, 100000000000LL,
                                   1000000000000LL, 10000000000000LL, 100000000000000LL,
                                   1000000000000000LL, 10000000000000000LL,
                                   100000000000000000LL};
  r *= kSmall[n];
  return r;
}

// q = round(a / b), half away from zero.
BigInt DivRound(const BigInt& a, const BigInt& b) {
  BigInt q, r;
  boost::multiprecision::divide_qr(a, b, q, r);
  if (r != 0) {
    BigInt twice = abs(r) * 2;
    if (twice >= abs(b)) q += ((a < 0) != (b < 0)) ? -1 : 1;
  }
  return q;
}

// Number of decimal digits of |v| (0 for zero).
int DigitCount(const BigInt& v) {
  if (v == 0) return 0;
  return static_cast<int>(BigInt(abs(v)).str().size());
}

Status Overflow() {
  return Status::Error(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
}

Status DivZero() { return Status::Error(sqlstate::kDivisionByZero, "division by zero"); }

Result<Numeric> Checked(Numeric n) {
  if (n.is_finite() && DigitCount(n.unscaled()) - n.scale() > kMaxWeightDigits) return Overflow();
  return n;
}

}  // namespace

int32_t MakeNumericTypmod(int precision, int scale) {
  return ((precision << 16) | (scale & 0x7ff)) + 4;
}
bool NumericTypmodValid(int32_t typmod) { return typmod >= 4; }
int NumericTypmodPrecision(int32_t typmod) { return ((typmod - 4) >> 16) & 0xffff; }
int NumericTypmodScale(int32_t typmod) {
  // 11-bit two's complement (PostgreSQL 15 allows -1000..1000).
  return (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
}

Numeric Numeric::FromDouble(double v, int digits) {
  if (std::isnan(v)) return NaN();
  if (std::isinf(v)) return Inf(v < 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  Result<Numeric> r = Parse(buf);
  return r.ok() ? r.value() : Numeric();
}

Result<Numeric> Numeric::Parse(std::string_view text) {
  std::string_view s = TrimPgSpace(text);
  auto bad = [&] { return InvalidInputSyntax("numeric", text); };
  std::string lower = AsciiLower(s);
  if (lower == "nan") return NaN();
  if (lower == "infinity" || lower == "+infinity" || lower == "inf" || lower == "+inf") {
    return Inf(false);
  }
  if (lower == "-infinity" || lower == "-inf") return Inf(true);
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  std::string digits;
  int frac_digits = 0;
  bool seen_dot = false, any_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      any_digit = true;
      if (seen_dot) ++frac_digits;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else if (c == '_' && any_digit && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      continue;  // PostgreSQL 16 digit separators; harmless to accept
    } else {
      break;
    }
  }
  if (!any_digit) return bad();
  int64_t exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      exponent = exponent * 10 + (s[i] - '0');
      if (exponent > 1000000) return Overflow();
      ++i;
    }
    if (i == start) return bad();
    if (eneg) exponent = -exponent;
  }
  if (i != s.size()) return bad();
  int64_t scale = frac_digits - exponent;
  // Reject absurd magnitudes before building a huge integer.
  size_t first_nonzero = digits.find_first_not_of('0');
  if (first_nonzero != std::string::npos &&
      static_cast<int64_t>(digits.size() - first_nonzero) - scale > kMaxWeightDigits) {
    return Overflow();
  }
  if (first_nonzero == std::string::npos && scale < 0) scale = 0;  // 0e5 is 0
  // Boost reads a string with a leading 0 as octal ("010" is 8, "09"
  // throws), so the digits go in without their leading zeros.
  BigInt unscaled(first_nonzero == std::string::npos ? std::string("0")
                                                     : digits.substr(first_nonzero));
  if (scale < 0) {
    if (-scale > kMaxWeightDigits) return Overflow();
    unscaled *= Pow10(static_cast<int>(-scale));
    scale = 0;
  }
  if (scale > kMaxScale) return Overflow();
  if (neg) unscaled = -unscaled;
  return Checked(Numeric(std::move(unscaled), static_cast<int>(scale)));
}

Result<Numeric> Numeric::FromValue(const Value& v) {
  if (!std::holds_alternative<std::string>(v.payload())) {
    return Status::Internal("numeric value without a text payload");
  }
  return Parse(v.as_string());
}

std::string Numeric::ToString() const {
  switch (kind_) {
    case Kind::kNaN: return "NaN";
    case Kind::kPosInf: return "Infinity";
    case Kind::kNegInf: return "-Infinity";
    case Kind::kFinite: break;
  }
  std::string digits = BigInt(abs(unscaled_)).str();
  if (static_cast<int>(digits.size()) <= scale_) {
    digits.insert(0, scale_ - digits.size() + 1, '0');
  }
  if (scale_ > 0) digits.insert(digits.size() - scale_, 1, '.');
  if (unscaled_ < 0) digits.insert(0, 1, '-');
  return digits;
}

std::string Numeric::AbsDigits() const { return BigInt(abs(unscaled_)).str(); }

Value Numeric::ToValue() const { return Value::OfString(oid::kNumeric, ToString()); }

int Numeric::sign() const {
  switch (kind_) {
    case Kind::kNaN: return 0;
    case Kind::kPosInf: return 1;
    case Kind::kNegInf: return -1;
    case Kind::kFinite: break;
  }
  return unscaled_ < 0 ? -1 : (unscaled_ > 0 ? 1 : 0);
}

Numeric Numeric::Rescaled(int scale) const {
  if (!is_finite() || scale <= scale_) return *this;
  return Numeric(unscaled_ * Pow10(scale - scale_), scale);
}

int Numeric::Compare(const Numeric& b) const {
  auto rank = [](const Numeric& n) {
    switch (n.kind_) {
      case Kind::kNegInf: return 0;
      case Kind::kFinite: return 1;
      case Kind::kPosInf: return 2;
      case Kind::kNaN: return 3;
    }
    return 3;
  };
  int ra = rank(*this), rb = rank(b);
  if (ra != rb || ra != 1) return Cmp3(ra, rb);
  int s = std::max(scale_, b.scale_);
  return unscaled_ * Pow10(s - scale_) < b.unscaled_ * Pow10(s - b.scale_)
             ? -1
             : (unscaled_ * Pow10(s - scale_) == b.unscaled_ * Pow10(s - b.scale_) ? 0 : 1);
}

Result<Numeric> Numeric::Add(const Numeric& b) const {
  if (is_nan() || b.is_nan()) return NaN();
  if (is_inf() || b.is_inf()) {
    if (is_inf() && b.is_inf() && kind_ != b.kind_) return NaN();
    return is_inf() ? *this : b;
  }
  int s = std::max(scale_, b.scale_);
  return Checked(Numeric(unscaled_ * Pow10(s - scale_) + b.unscaled_ * Pow10(s - b.scale_), s));
}

Result<Numeric> Numeric::Sub(const Numeric& b) const { return Add(b.Neg()); }

Result<Numeric> Numeric::Mul(const Numeric& b) const {
  if (is_nan() || b.is_nan()) return NaN();
  if (is_inf() || b.is_inf()) {
    int s = sign() * b.sign();
    if (s == 0) return NaN();
    return Inf(s < 0);
  }
  int s = scale_ + b.scale_;
  BigInt product = unscaled_ * b.unscaled_;
  if (s > kMaxScale) {  // PostgreSQL rounds the product to the largest display scale
    product = DivRound(product, Pow10(s - kMaxScale));
    s = kMaxScale;
  }
  return Checked(Numeric(std::move(product), s));
}

void Numeric::Base10000Lead(int* weight, int* first_digit) const {
  *weight = 0;
  *first_digit = 0;
  if (!is_finite() || unscaled_ == 0) return;
  std::string d = BigInt(abs(unscaled_)).str();
  int e = static_cast<int>(d.size()) - 1 - scale_;  // decimal exponent of the lead digit
  int w = e >= 0 ? e / 4 : -((-e + 3) / 4);
  int lead_len = e - 4 * w + 1;  // 1..4 digits in the lead base-10000 group
  *weight = w;
  *first_digit = std::atoi(d.substr(0, lead_len).c_str());
}

Result<Numeric> Numeric::DivScale(const Numeric& b, int rscale) const {
  if (is_nan() || b.is_nan()) return NaN();
  if (b.is_finite() && b.unscaled_ == 0) return DivZero();
  if (is_inf()) {
    if (b.is_inf()) return NaN();
    return Inf((sign() * b.sign()) < 0);
  }
  if (b.is_inf()) return Numeric();
  // value = (ua / 10^sa) / (ub / 10^sb); result unscaled at rscale:
  // ua * 10^(rscale + sb - sa) / ub.
  int shift = rscale + b.scale_ - scale_;
  BigInt num = unscaled_, den = b.unscaled_;
  if (shift >= 0) {
    num *= Pow10(shift);
  } else {
    den *= Pow10(-shift);
  }
  return Checked(Numeric(DivRound(num, den), rscale));
}

Result<Numeric> Numeric::Div(const Numeric& b) const {
  if (!is_finite() || !b.is_finite()) return DivScale(b, 0);
  int w1, f1, w2, f2;
  Base10000Lead(&w1, &f1);
  b.Base10000Lead(&w2, &f2);
  int qweight = w1 - w2;
  if (f1 <= f2) --qweight;
  int rscale = kMinSigDigits - qweight * 4;
  rscale = std::max({rscale, scale_, b.scale_, 0});
  rscale = std::min(rscale, kMaxDisplayScale);
  return DivScale(b, rscale);
}

Result<Numeric> Numeric::Mod(const Numeric& b) const {
  if (is_nan() || b.is_nan()) return NaN();
  if (b.is_finite() && b.unscaled_ == 0) return DivZero();
  if (is_inf()) return NaN();
  if (b.is_inf()) return *this;
  int s = std::max(scale_, b.scale_);
  BigInt a = unscaled_ * Pow10(s - scale_), d = b.unscaled_ * Pow10(s - b.scale_);
  return Numeric(a % d, s);  // C-style remainder: sign of the dividend, as PostgreSQL
}

Numeric Numeric::Neg() const {
  if (kind_ == Kind::kPosInf) return Inf(true);
  if (kind_ == Kind::kNegInf) return Inf(false);
  if (!is_finite()) return *this;
  return Numeric(-unscaled_, scale_);
}

Numeric Numeric::Abs() const {
  if (is_inf()) return Inf(false);
  if (!is_finite()) return *this;
  return Numeric(abs(unscaled_), scale_);
}

Numeric Numeric::Round(int n) const {
  if (!is_finite()) return *this;
  n = std::min(n, kMaxScale);
  if (n >= scale_) return Rescaled(std::max(n, 0));
  BigInt q = DivRound(unscaled_, Pow10(scale_ - n));
  if (n < 0) return Numeric(q * Pow10(-n), 0);
  return Numeric(q, n);
}

Numeric Numeric::Trunc(int n) const {
  if (!is_finite()) return *this;
  n = std::min(n, kMaxScale);
  if (n >= scale_) return Rescaled(std::max(n, 0));
  BigInt q = unscaled_ / Pow10(scale_ - n);  // truncates toward zero
  if (n < 0) return Numeric(q * Pow10(-n), 0);
  return Numeric(q, n);
}

Numeric Numeric::Ceil() const {
  if (!is_finite()) return *this;
  Numeric t = Trunc(0);
  if (t.Compare(*this) < 0) t.unscaled_ += 1;
  return t;
}

Numeric Numeric::Floor() const {
  if (!is_finite()) return *this;
  Numeric t = Trunc(0);
  if (t.Compare(*this) > 0) t.unscaled_ -= 1;
  return t;
}

Result<Numeric> Numeric::Sqrt() const {
  if (is_nan()) return *this;
  if (sign() < 0) {
    return Status::Error("2201F", "cannot take square root of a negative number");
  }
  if (is_inf()) return *this;
  // PostgreSQL's numeric_sqrt scale: at least 16 significant digits.
  int w, f;
  Base10000Lead(&w, &f);
  int sweight = (w + 1) * 4 / 2 - 1;
  int rscale = std::max({kMinSigDigits - sweight, scale_, 0});
  rscale = std::min(rscale, kMaxDisplayScale);
  // sqrt(u / 10^s) * 10^(r+1) = sqrt(u * 10^(2r + 2 - s)); one guard digit.
  BigInt radicand = unscaled_ * Pow10(2 * rscale + 2 - scale_);
  BigInt root = boost::multiprecision::sqrt(radicand);
  return Numeric(DivRound(root, 10), rscale);
}

Result<Numeric> Numeric::FromLongDouble(long double v, int min_scale) {
  if (!std::isfinite(v)) return Overflow();
  // 16 significant digits counted from the result's leading decimal digit
  // (non-integer power).
  int mag = v == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(v))));
  return AtScale(v, std::max(kMinSigDigits - mag, min_scale));
}

Result<Numeric> Numeric::AtScale(long double v, int rscale) {
  if (!std::isfinite(v)) return Overflow();
  rscale = std::clamp(rscale, 0, kMaxDisplayScale);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%.*Lf", std::min(rscale, 60), v);
  DB9_ASSIGN_OR_RETURN(Numeric n, Parse(buf));
  return n.Rescaled(rscale);
}

int Numeric::EstimateLnWeight() const {
  // Near 1, ln(x) ~ x - 1: the weight of x - 1's leading digit, exactly.
  Numeric lo(9, 1), hi(11, 1);
  if (Compare(lo) >= 0 && Compare(hi) <= 0) {
    Numeric d = Add(FromInt(-1)).value();  // finite operands cannot fail
    if (d.sign() == 0) return 0;
    return DigitCount(d.unscaled_) - d.scale_ - 1;
  }
  // Otherwise trunc(log10(|ln x|)), ln x from the leading digits and the
  // decimal exponent (the value may be beyond double's range).
  std::string digits = AbsDigits();
  int exponent = static_cast<int>(digits.size()) - scale_ - 1;
  std::string mantissa = digits.substr(0, 1) + "." + digits.substr(1, 15);
  double ln = std::log(std::strtod(mantissa.c_str(), nullptr)) + exponent * M_LN10;
  return ln == 0 ? 0 : static_cast<int>(std::log10(std::fabs(ln)));
}

Result<Numeric> Numeric::Power(const Numeric& e) const {
  if (is_nan() || e.is_nan()) {
    // PostgreSQL: 1 ^ NaN = 1 and NaN ^ 0 = 1.
    if ((is_finite() && Compare(FromInt(1)) == 0) || (e.is_finite() && e.sign() == 0)) {
      return FromInt(1).Rescaled(0);
    }
    return NaN();
  }
  if (!is_finite() || !e.is_finite()) {
    return FromLongDouble(std::pow(static_cast<long double>(ToDouble()),
                                   static_cast<long double>(e.ToDouble())), 0);
  }
  if (sign() == 0 && e.sign() < 0) {
    return Status::Error("2201F", "zero raised to a negative power is undefined");
  }
  Numeric ei = e.Trunc(0);
  bool integral = ei.Compare(e) == 0;
  if (sign() < 0 && !integral) {
    return Status::Error("2201F",
                         "a negative number raised to a non-integer power yields a complex result");
  }
  if (integral && ei.unscaled_ >= 0 && ei.unscaled_ <= 1000 &&
      DigitCount(unscaled_) * static_cast<int>(ei.unscaled_) < 20000) {
    // Exact integer powers, rounded to PostgreSQL's power_var_int scale:
    // at least 16 decimals, or the base's scale if larger.
    int n = static_cast<int>(ei.unscaled_);
    Numeric r(boost::multiprecision::pow(unscaled_, n), scale_ * n);
    int rscale = std::clamp(std::max(kMinSigDigits, scale_), 0, kMaxDisplayScale);
    return Checked(r.Round(rscale));
  }
  return FromLongDouble(std::pow(static_cast<long double>(ToDouble()),
                                 static_cast<long double>(e.ToDouble())), scale_);
}

namespace {

// The value in long double (about 19 significant digits) straight from
// the decimal text: through double, ln(1.05) lost its 17th digit.
long double ToLongDouble(const Numeric& n) { return std::strtold(n.ToString().c_str(), nullptr); }

// ln(x) for finite x > 0. Near 1 through log1p of the exact x - 1, where
// ln is most sensitive to the input's rounding.
long double LnLongDouble(const Numeric& x) {
  Numeric d = x.Add(Numeric::FromInt(-1)).value();  // finite operands cannot fail
  if (d.Abs().Compare(Numeric(1, 1)) <= 0) return std::log1p(ToLongDouble(d));
  return std::log(ToLongDouble(x));
}

}  // namespace

Result<Numeric> Numeric::Exp() const {
  if (is_nan()) return *this;
  if (kind_ == Kind::kPosInf) return *this;
  if (kind_ == Kind::kNegInf) return Numeric();
  // PostgreSQL's numeric_exp scale: 16 digits less trunc(x * log10(e)).
  double weight = std::clamp(ToDouble() * 0.434294481903252, -double{kMaxResultScale},
                             double{kMaxResultScale});
  int rscale = std::max(kMinSigDigits - static_cast<int>(weight), scale_);
  return AtScale(std::exp(ToLongDouble(*this)), rscale);
}

Result<Numeric> Numeric::Ln() const {
  if (is_nan()) return *this;
  if (sign() == 0) return Status::Error("2201E", "cannot take logarithm of zero");
  if (sign() < 0) return Status::Error("2201E", "cannot take logarithm of a negative number");
  if (is_inf()) return *this;
  int rscale = std::max(kMinSigDigits - EstimateLnWeight(), scale_);
  return AtScale(LnLongDouble(*this), rscale);
}

Result<Numeric> Numeric::Log10() const {
  if (is_nan()) return *this;
  if (sign() == 0) return Status::Error("2201E", "cannot take logarithm of zero");
  if (sign() < 0) return Status::Error("2201E", "cannot take logarithm of a negative number");
  if (is_inf()) return *this;
  // log(10, x): ln(10)'s estimated weight is 0.
  int rscale = std::max(kMinSigDigits - EstimateLnWeight(), scale_);
  // log10l is exact on powers of ten; near 1 the log1p path is closer.
  bool near_one = EstimateLnWeight() < 0;
  return AtScale(near_one ? LnLongDouble(*this) / std::log(10.0L) : std::log10(ToLongDouble(*this)),
                 rscale);
}

Result<Numeric> Numeric::LogOf(const Numeric& x) const {
  DB9_ASSIGN_OR_RETURN(Numeric ln_base, Ln());
  DB9_ASSIGN_OR_RETURN(Numeric ln_x, x.Ln());
  if (!ln_base.is_finite() || !ln_x.is_finite()) return ln_x.Div(ln_base);
  if (ln_base.sign() == 0) return DivZero();
  // One long double quotient: dividing the two 16-digit logarithms would
  // lose the last digit (log(2, 8) must print 3.0000000000000000).
  long double v = LnLongDouble(x) / LnLongDouble(*this);
  // PostgreSQL's log_var scale from the two estimated ln weights.
  int result_weight = x.EstimateLnWeight() - EstimateLnWeight();
  return AtScale(v, std::max({kMinSigDigits - result_weight, scale_, x.scale_}));
}

Result<Numeric> Numeric::ApplyTypmod(int32_t typmod) const {
  if (!NumericTypmodValid(typmod) || is_nan()) return *this;
  int precision = NumericTypmodPrecision(typmod);
  int scale = NumericTypmodScale(typmod);
  if (is_inf()) {
    return Status::Error(sqlstate::kNumericValueOutOfRange, "numeric field overflow")
        .WithDetail("A field with precision " + std::to_string(precision) + ", scale " +
                    std::to_string(scale) + " cannot hold an infinite value.");
  }
  Numeric r = Round(scale);
  if (scale < 0) r.scale_ = 0;
  // Digits before the decimal point must fit in precision - scale.
  int int_digits = DigitCount(r.unscaled_) - r.scale_;
  if (r.unscaled_ != 0 && int_digits > precision - scale) {
    return Status::Error(sqlstate::kNumericValueOutOfRange, "numeric field overflow")
        .WithDetail("A field with precision " + std::to_string(precision) + ", scale " +
                    std::to_string(scale) + " must round to an absolute value less than " +
                    (precision - scale == 0 ? std::string("1") : "10^" + std::to_string(precision - scale)) +
                    ".");
  }
  return r;
}

Result<int64_t> Numeric::ToInt64(const char* type_name, int64_t lo, int64_t hi) const {
  if (is_nan()) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         std::string("cannot convert NaN to ") + type_name);
  }
  if (is_inf()) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         std::string("cannot convert infinity to ") + type_name);
  }
  BigInt q = scale_ == 0 ? unscaled_ : DivRound(unscaled_, Pow10(scale_));
  if (q < lo || q > hi) {
    return Status::Error(sqlstate::kNumericValueOutOfRange,
                         std::string(type_name) + " out of range");
  }
  return static_cast<int64_t>(q);
}

double Numeric::ToDouble() const {
  switch (kind_) {
    case Kind::kNaN: return std::nan("");
    case Kind::kPosInf: return HUGE_VAL;
    case Kind::kNegInf: return -HUGE_VAL;
    case Kind::kFinite: break;
  }
  return std::strtod(ToString().c_str(), nullptr);
}

std::string Numeric::ToPgBinary() const {
  std::string out;
  uint16_t sign_word = 0;
  switch (kind_) {
    case Kind::kNaN: sign_word = 0xC000; break;
    case Kind::kPosInf: sign_word = 0xD000; break;
    case Kind::kNegInf: sign_word = 0xF000; break;
    case Kind::kFinite: sign_word = unscaled_ < 0 ? 0x4000 : 0; break;
  }
  if (!is_finite()) {
    // numeric_send writes the special's header bits as the dscale: 0 for
    // NaN, 0x20 for the infinities (bytes recorded from PostgreSQL 15).
    PutU16(&out, 0);
    PutU16(&out, 0);
    PutU16(&out, sign_word);
    PutU16(&out, is_nan() ? 0 : 0x20);
    return out;
  }
  std::string d = BigInt(abs(unscaled_)).str();
  if (unscaled_ == 0) d.clear();
  // Split into integer and fraction digits aligned to base-10000 groups.
  std::string int_part, frac_part;
  if (static_cast<int>(d.size()) > scale_) {
    int_part = d.substr(0, d.size() - scale_);
    frac_part = d.substr(d.size() - scale_);
  } else {
    frac_part = std::string(scale_ - d.size(), '0') + d;
  }
  int_part.insert(0, (4 - int_part.size() % 4) % 4, '0');
  frac_part.append((4 - frac_part.size() % 4) % 4, '0');
  std::vector<int> groups;
  for (size_t i = 0; i < int_part.size(); i += 4) groups.push_back(std::atoi(int_part.substr(i, 4).c_str()));
  int weight = static_cast<int>(groups.size()) - 1;
  for (size_t i = 0; i < frac_part.size(); i += 4) groups.push_back(std::atoi(frac_part.substr(i, 4).c_str()));
  size_t first = 0;
  while (first < groups.size() && groups[first] == 0) {
    ++first;
    --weight;
  }
  size_t last = groups.size();
  while (last > first && groups[last - 1] == 0) --last;
  if (first == last) weight = 0;
  PutU16(&out, static_cast<uint16_t>(last - first));
  PutU16(&out, static_cast<uint16_t>(static_cast<int16_t>(weight)));
  PutU16(&out, sign_word);
  PutU16(&out, static_cast<uint16_t>(scale_));
  for (size_t i = first; i < last; ++i) PutU16(&out, static_cast<uint16_t>(groups[i]));
  return out;
}

Result<Numeric> Numeric::FromPgBinary(std::string_view bytes) {
  uint16_t ndigits, weight_u, sign_word, dscale;
  if (!GetU16(&bytes, &ndigits) || !GetU16(&bytes, &weight_u) || !GetU16(&bytes, &sign_word) ||
      !GetU16(&bytes, &dscale)) {
    return InvalidBinary("insufficient data left in message");
  }
  if (sign_word == 0xC000) return NaN();
  if (sign_word == 0xD000) return Inf(false);
  if (sign_word == 0xF000) return Inf(true);
  if (sign_word != 0 && sign_word != 0x4000) {
    return InvalidBinary("invalid sign in external \"numeric\" value");
  }
  if (dscale > kMaxScale) return InvalidBinary("invalid scale in external \"numeric\" value");
  int weight = static_cast<int16_t>(weight_u);
  BigInt v = 0;
  for (int i = 0; i < ndigits; ++i) {
    uint16_t d;
    if (!GetU16(&bytes, &d)) return InvalidBinary("insufficient data left in message");
    if (d >= 10000) return InvalidBinary("invalid digit in external \"numeric\" value");
    v = v * 10000 + d;
  }
  if (!bytes.empty()) return InvalidBinary("incorrect binary data format");
  // v is the digits with the last group at 10000^(weight - ndigits + 1).
  int exp10 = 4 * (weight - ndigits + 1);
  Numeric n;
  if (exp10 >= 0) {
    n = Numeric(v * Pow10(exp10), 0);
  } else {
    n = Numeric(v, -exp10);
  }
  if (sign_word == 0x4000) n.unscaled_ = -n.unscaled_;
  n = n.scale_ > dscale ? n.Round(dscale) : n.Rescaled(dscale);
  return Checked(n);
}

}  // namespace db9::types
