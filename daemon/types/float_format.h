// float4/float8 text output as PostgreSQL 15 prints it: the shortest
// string that reads back to the same value (extra_float_digits > 0),
// fixed notation for decimal exponents -4..14 (float4: -4..5) and
// "1e+16"-style otherwise; "NaN", "Infinity", "-Infinity".
#pragma once

#include <string>

namespace db9::types {

std::string FormatFloat8(double v, int extra_float_digits = 1);
std::string FormatFloat4(float v, int extra_float_digits = 1);

}  // namespace db9::types
