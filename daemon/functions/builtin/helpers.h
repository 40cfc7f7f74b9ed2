// Short-hands the built-in modules use to declare entries and to raise
// PostgreSQL's arithmetic errors.
#pragma once

#include <string>
#include <vector>

#include "daemon/functions/registries.h"

namespace db9::functions {

Status AddFunction(Registries& r, std::string name, std::vector<Oid> args, Oid ret,
                   ScalarImpl impl, Volatility volatility = Volatility::kImmutable,
                   bool strict = true, bool variadic = false);
Status AddOperator(Registries& r, std::string name, Oid left, Oid right, Oid result,
                   ScalarImpl impl, OperatorKind kind = OperatorKind::kOther);

// 22003 "integer out of range" etc. for int2/int4/int8 ("smallint", ...).
Status IntOutOfRange(Oid type);
// 22012
Status DivisionByZero();
// 22003 "value out of range: overflow" / "...: underflow", PostgreSQL's
// float_overflow_error and float_underflow_error.
Status FloatOverflow();
Status FloatUnderflow();
// float8 ^ float8 / power(float8, float8) with PostgreSQL's error cases.
Result<Value> Float8Power(double x, double y);
// Range-checks an integer result for int2/int4/int8.
Result<Value> MakeInt(Oid type, __int128 v);

}  // namespace db9::functions
