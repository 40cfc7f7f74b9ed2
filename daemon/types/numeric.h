// Numeric: PostgreSQL's arbitrary-precision decimal. A value is an
// integer `unscaled` and a display scale: value = unscaled / 10^scale, plus
// the specials NaN, Infinity and -Infinity.
//
// Value payload (value.h, "numeric -> its own binary form"): the canonical
// text of the number, exactly what numeric_out prints: "-12.3400", "0",
// "NaN", "Infinity", "-Infinity". So the payload is also the text output,
// a readable form for debugging, and stable; arithmetic parses it.
//
// Results follow PostgreSQL's scale rules (add/sub: max scale; mul: sum of
// scales; div: select_div_scale), rounding half away from zero.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::types {

class Numeric {
 public:
  using BigInt = boost::multiprecision::cpp_int;
  enum class Kind : uint8_t { kFinite, kNaN, kPosInf, kNegInf };

  Numeric() = default;  // 0
  Numeric(BigInt unscaled, int scale) : unscaled_(std::move(unscaled)), scale_(scale) {}
  static Numeric NaN() { return Numeric(Kind::kNaN); }
  static Numeric Inf(bool negative) { return Numeric(negative ? Kind::kNegInf : Kind::kPosInf); }
  static Numeric FromInt(int64_t v) { return Numeric(BigInt(v), 0); }
  // float8 -> numeric converts through %.15g (float4: %.6g), as PostgreSQL.
  static Numeric FromDouble(double v, int digits = 15);

  // numeric_in: "  -1.50e3 ", "NaN", "Infinity", "-inf". 22P02 on bad text,
  // 22003 "value overflows numeric format" past PostgreSQL's limits.
  static Result<Numeric> Parse(std::string_view text);
  // Reads a payload made by ToString(); the payload is trusted but still
  // checked (XX000 on corruption).
  static Result<Numeric> FromValue(const Value& v);
  std::string ToString() const;
  Value ToValue() const;

  // PostgreSQL's numeric_send / numeric_recv (base-10000 digits).
  std::string ToPgBinary() const;
  static Result<Numeric> FromPgBinary(std::string_view bytes);

  Kind kind() const { return kind_; }
  bool is_nan() const { return kind_ == Kind::kNaN; }
  bool is_finite() const { return kind_ == Kind::kFinite; }
  bool is_inf() const { return kind_ == Kind::kPosInf || kind_ == Kind::kNegInf; }
  int sign() const;  // -1, 0, 1 (NaN: 0)
  int scale() const { return scale_; }
  const BigInt& unscaled() const { return unscaled_; }
  // Decimal digits of |unscaled| ("0" for zero).
  std::string AbsDigits() const;

  // NaN equals NaN and sorts above everything, including Infinity.
  int Compare(const Numeric& other) const;

  Result<Numeric> Add(const Numeric& b) const;
  Result<Numeric> Sub(const Numeric& b) const;
  Result<Numeric> Mul(const Numeric& b) const;
  // 22012 division by zero.
  Result<Numeric> Div(const Numeric& b) const;
  // Division to an explicit result scale (avg's final step).
  Result<Numeric> DivScale(const Numeric& b, int rscale) const;
  Result<Numeric> Mod(const Numeric& b) const;
  Numeric Neg() const;
  Numeric Abs() const;
  // round(x, n) / trunc(x, n); n may be negative (round(1234, -2) = 1200).
  Numeric Round(int n) const;
  Numeric Trunc(int n) const;
  Numeric Ceil() const;
  Numeric Floor() const;
  // 2201F for negative input.
  Result<Numeric> Sqrt() const;
  Result<Numeric> Power(const Numeric& exponent) const;
  Result<Numeric> Exp() const;
  Result<Numeric> Ln() const;
  Result<Numeric> Log10() const;
  // log(this, x): the logarithm of x to base this, at PostgreSQL's log_var
  // scale (16 significant digits, at least either input's scale). 22012
  // when the base is 1, 2201E for non-positive inputs.
  Result<Numeric> LogOf(const Numeric& x) const;

  // numeric(p,s): 22003 "numeric field overflow" with PostgreSQL's detail.
  Result<Numeric> ApplyTypmod(int32_t typmod) const;

  // Rounded half away from zero; 22003 "<type> out of range".
  Result<int64_t> ToInt64(const char* type_name = "bigint", int64_t lo = INT64_MIN,
                          int64_t hi = INT64_MAX) const;
  double ToDouble() const;

  // Same value at a larger scale (pads zeros).
  Numeric Rescaled(int scale) const;

 private:
  explicit Numeric(Kind kind) : kind_(kind) {}
  // PostgreSQL's base-10000 weight and first digit (select_div_scale).
  void Base10000Lead(int* weight, int* first_digit) const;
  // Result of a math function computed in long double, with `sig` digits.
  static Result<Numeric> FromLongDouble(long double v, int min_scale);
  // `v` rounded to exactly `rscale` decimals (clamped to the display limits).
  static Result<Numeric> AtScale(long double v, int rscale);
  // PostgreSQL's estimate_ln_dweight: the decimal weight of ln(this), which
  // sets the scale of ln/log results. REQUIRES: finite and positive.
  int EstimateLnWeight() const;

  BigInt unscaled_ = 0;
  int scale_ = 0;
  Kind kind_ = Kind::kFinite;
};

// numeric typmod helpers: ((precision << 16) | (scale & 0x7ff)) + 4.
int32_t MakeNumericTypmod(int precision, int scale);
bool NumericTypmodValid(int32_t typmod);
int NumericTypmodPrecision(int32_t typmod);
int NumericTypmodScale(int32_t typmod);

}  // namespace db9::types
