#include "daemon/types/float_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace db9::types {
namespace {

// Shortest digits via to_chars(scientific), re-laid out with PostgreSQL's
// choice between fixed and exponential notation.
template <typename F>
std::string Shortest(F v, int fixed_below) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  size_t e = sci.find('e');
  int exp = std::atoi(sci.c_str() + e + 1);
  if (exp < -4 || exp >= fixed_below) return sci;  // to_chars already prints "1e+16"
  bool neg = sci[0] == '-';
  std::string mant = sci.substr(neg ? 1 : 0, e - (neg ? 1 : 0));
  std::string digits;
  for (char c : mant) {
    if (c != '.') digits.push_back(c);
  }
  std::string out;
  if (exp < 0) {
    out = "0." + std::string(-exp - 1, '0') + digits;
  } else if (static_cast<int>(digits.size()) <= exp + 1) {
    out = digits + std::string(exp + 1 - digits.size(), '0');
  } else {
    out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
  }
  return neg ? "-" + out : out;
}

std::string Special(double v) {
  if (std::isnan(v)) return "NaN";
  return v > 0 ? "Infinity" : "-Infinity";
}

std::string Printf(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits < 1 ? 1 : digits, v);
  return buf;
}

}  // namespace

std::string FormatFloat8(double v, int extra_float_digits) {
  if (!std::isfinite(v)) return Special(v);
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  if (extra_float_digits > 0) return Shortest(v, 15);
  return Printf(v, 15 + extra_float_digits);
}

std::string FormatFloat4(float v, int extra_float_digits) {
  if (!std::isfinite(v)) return Special(v);
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  if (extra_float_digits > 0) return Shortest(v, 6);
  return Printf(v, 6 + extra_float_digits);
}

}  // namespace db9::types
