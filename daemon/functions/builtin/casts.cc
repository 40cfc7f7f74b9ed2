// PostgreSQL's pg_cast entries for the built-in types (contexts as in
// PostgreSQL 15). Casts to/from strings that are not listed here are the
// implied I/O conversions (cast_registry.cc).
#include <cmath>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/datetime.h"
#include "daemon/types/numeric.h"
#include "daemon/types/timezone.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using types::Numeric;
constexpr auto I = CoercionContext::kImplicit;
constexpr auto A = CoercionContext::kAssignment;
constexpr auto E = CoercionContext::kExplicit;

Status Fn(Registries& r, Oid s, Oid t, CoercionContext c, CastImpl impl) {
  return r.casts.Register({s, t, c, CastMethod::kFunction, std::move(impl)});
}
Status Bin(Registries& r, Oid s, Oid t, CoercionContext c) {
  return r.casts.Register({s, t, c, CastMethod::kBinary, nullptr});
}


// float -> integer rounds to nearest even like rint(), as PostgreSQL.
Result<Value> FloatToInt(FunctionContext& ctx, const Value& v) {
  double d = std::nearbyint(v.as_double());
  if (std::isnan(d) || d < -9.3e18 || d > 9.3e18) return IntOutOfRange(ctx.result_type);
  return MakeInt(ctx.result_type, static_cast<__int128>(d));
}

Result<Value> ToFloat4(double d, bool input_finite) {
  float f = static_cast<float>(d);
  if (std::isinf(f) && input_finite) {
    return FloatOverflow();
  }
  if (f == 0 && d != 0) {
    return FloatUnderflow();
  }
  return Value::Float4(f);
}

Result<Value> NumericToInt(FunctionContext& ctx, const Value& v) {
  DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(v));
  Oid t = ctx.result_type;
  const char* name = t == oid::kInt2 ? "smallint" : t == oid::kInt4 ? "integer" : "bigint";
  int64_t lo = t == oid::kInt2 ? INT16_MIN : t == oid::kInt4 ? INT32_MIN : INT64_MIN;
  int64_t hi = t == oid::kInt2 ? INT16_MAX : t == oid::kInt4 ? INT32_MAX : INT64_MAX;
  DB9_ASSIGN_OR_RETURN(int64_t i, n.ToInt64(name, lo, hi));
  return Value::OfInt(t, i);
}

std::string RTrimSpaces(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

Status NumericCasts(Registries& r) {
  const Oid ints[] = {oid::kInt2, oid::kInt4, oid::kInt8};
  for (Oid s : ints) {
    for (Oid t : ints) {
      if (s == t) continue;
      bool widening = (s == oid::kInt2) || (s == oid::kInt4 && t == oid::kInt8);
      DB9_RETURN_IF_ERROR(Fn(r, s, t, widening ? I : A, [](FunctionContext& ctx, const Value& v) {
        return MakeInt(ctx.result_type, v.as_int());
      }));
    }
    DB9_RETURN_IF_ERROR(Fn(r, s, oid::kFloat4, I, [](FunctionContext&, const Value& v) -> Result<Value> {
      return Value::Float4(static_cast<float>(v.as_int()));
    }));
    DB9_RETURN_IF_ERROR(Fn(r, s, oid::kFloat8, I, [](FunctionContext&, const Value& v) -> Result<Value> {
      return Value::Float8(static_cast<double>(v.as_int()));
    }));
    DB9_RETURN_IF_ERROR(Fn(r, s, oid::kNumeric, I, [](FunctionContext&, const Value& v) -> Result<Value> {
      return Numeric::FromInt(v.as_int()).ToValue();
    }));
    DB9_RETURN_IF_ERROR(Fn(r, oid::kFloat4, s, A, FloatToInt));
    DB9_RETURN_IF_ERROR(Fn(r, oid::kFloat8, s, A, FloatToInt));
    DB9_RETURN_IF_ERROR(Fn(r, oid::kNumeric, s, A, NumericToInt));
  }
  DB9_RETURN_IF_ERROR(Fn(r, oid::kFloat4, oid::kFloat8, I, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Value::Float8(v.as_double());
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kFloat8, oid::kFloat4, A, [](FunctionContext&, const Value& v) {
    return ToFloat4(v.as_double(), std::isfinite(v.as_double()));
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kFloat4, oid::kNumeric, A, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Numeric::FromDouble(v.as_double(), 6).ToValue();
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kFloat8, oid::kNumeric, A, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Numeric::FromDouble(v.as_double(), 15).ToValue();
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kNumeric, oid::kFloat8, I, [](FunctionContext&, const Value& v) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(v));
    return Value::Float8(n.ToDouble());
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kNumeric, oid::kFloat4, I, [](FunctionContext&, const Value& v) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(v));
    return ToFloat4(n.ToDouble(), n.is_finite());
  }));
  // bool <-> int4 (explicit), as PostgreSQL.
  DB9_RETURN_IF_ERROR(Fn(r, oid::kInt4, oid::kBool, E, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Value::Bool(v.as_int() != 0);
  }));
  return Fn(r, oid::kBool, oid::kInt4, E, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Value::Int4(v.as_bool() ? 1 : 0);
  });
}

Status OidCasts(Registries& r) {
  auto to_oid = [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    int64_t x = v.as_int();
    if (x < INT32_MIN || x > UINT32_MAX) {
      return Status::Error(sqlstate::kNumericValueOutOfRange, "OID out of range");
    }
    return Value::OfInt(ctx.result_type, x < 0 ? x + (int64_t{1} << 32) : x);
  };
  const Oid oid_like[] = {oid::kOid, oid::kRegclass, oid::kRegtype, oid::kRegproc,
                          oid::kRegnamespace};
  for (Oid t : oid_like) {
    DB9_RETURN_IF_ERROR(Fn(r, oid::kInt2, t, I, to_oid));
    DB9_RETURN_IF_ERROR(Fn(r, oid::kInt4, t, I, to_oid));
    DB9_RETURN_IF_ERROR(Fn(r, oid::kInt8, t, I, to_oid));
    DB9_RETURN_IF_ERROR(Fn(r, t, oid::kInt8, t == oid::kOid ? I : A,
                           [](FunctionContext&, const Value& v) -> Result<Value> {
                             return Value::Int8(v.as_int());
                           }));
    DB9_RETURN_IF_ERROR(Fn(r, t, oid::kInt4, A, [](FunctionContext&, const Value& v) -> Result<Value> {
      return Value::Int4(static_cast<int32_t>(static_cast<uint32_t>(v.as_int())));
    }));
    // pg_cast: oid <-> each reg* type, binary and implicit both ways; the
    // reg* types have no casts among themselves (they go through oid).
    if (t != oid::kOid) {
      DB9_RETURN_IF_ERROR(Bin(r, t, oid::kOid, I));
      DB9_RETURN_IF_ERROR(Bin(r, oid::kOid, t, I));
    }
  }
  // int2vector / oidvector need no pg_cast rows: like PostgreSQL, they
  // reach int2[] / oid[] by the array coercion path (same element type).
  return Status::OK();
}

Status StringCasts(Registries& r) {
  DB9_RETURN_IF_ERROR(Bin(r, oid::kText, oid::kVarchar, I));
  DB9_RETURN_IF_ERROR(Bin(r, oid::kVarchar, oid::kText, I));
  DB9_RETURN_IF_ERROR(Bin(r, oid::kText, oid::kBpchar, I));
  DB9_RETURN_IF_ERROR(Bin(r, oid::kVarchar, oid::kBpchar, I));
  auto rtrim = [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    return Value::OfString(ctx.result_type, RTrimSpaces(v.as_string()));
  };
  DB9_RETURN_IF_ERROR(Fn(r, oid::kBpchar, oid::kText, I, rtrim));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kBpchar, oid::kVarchar, I, rtrim));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kBpchar, oid::kName, A, rtrim));
  auto relabel = [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    return v.Relabel(ctx.result_type);
  };
  auto to_name = [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    // name input truncates to 63 bytes.
    const types::TypeInfo* t = ctx.types().Find(types::oid::kName);
    return t->input(*t, v.as_string(), -1, *ctx.io);
  };
  DB9_RETURN_IF_ERROR(Fn(r, oid::kName, oid::kText, I, relabel));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kText, oid::kName, I, to_name));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kVarchar, oid::kName, I, to_name));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kName, oid::kVarchar, A, relabel));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kName, oid::kBpchar, A, relabel));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kChar, oid::kText, I, [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    const types::TypeInfo* t = ctx.types().Find(types::oid::kChar);
    DB9_ASSIGN_OR_RETURN(std::string s, t->output(*t, v, *ctx.io));
    return Value::Text(std::move(s));
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kText, oid::kChar, A, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Value::OfString(types::oid::kChar, v.as_string().substr(0, 1));
  }));
  // bool -> text says "true"/"false", unlike boolout's "t"/"f".
  for (Oid t : {oid::kText, oid::kVarchar, oid::kBpchar}) {
    DB9_RETURN_IF_ERROR(Fn(r, oid::kBool, t, A, [](FunctionContext& ctx, const Value& v) -> Result<Value> {
      return Value::OfString(ctx.result_type, v.as_bool() ? "true" : "false");
    }));
  }
  DB9_RETURN_IF_ERROR(Fn(r, oid::kJson, oid::kJsonb, E, [](FunctionContext& ctx, const Value& v) {
    const types::TypeInfo* t = ctx.types().Find(types::oid::kJsonb);
    return t->input(*t, v.as_string(), -1, *ctx.io);
  }));
  return Fn(r, oid::kJsonb, oid::kJson, E, relabel);
}

int64_t LocalToUtc(const types::IoContext& io, int64_t local) {
  return local - static_cast<int64_t>(types::ZoneOffsetForLocal(io, local)) * types::kUsecPerSec;
}

int64_t UtcToLocal(const types::IoContext& io, int64_t utc) {
  return utc + static_cast<int64_t>(types::ZoneOffsetAtUtc(io, utc)) * types::kUsecPerSec;
}

bool IsInfinite(int64_t ts) {
  return ts == types::kTimestampInfinity || ts == types::kTimestampNegInfinity;
}

Result<Value> DateToTimestamp(FunctionContext& ctx, const Value& v) {
  int64_t d = v.as_int();
  int64_t ts;
  if (d == types::kDateInfinity) {
    ts = types::kTimestampInfinity;
  } else if (d == types::kDateNegInfinity) {
    ts = types::kTimestampNegInfinity;
  } else {
    ts = d * types::kUsecPerDay;
    if (ctx.result_type == oid::kTimestamptz) ts = LocalToUtc(*ctx.io, ts);
    if (!types::TimestampInRange(ts)) {
      return Status::Error(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
    }
  }
  return Value::OfInt(ctx.result_type, ts);
}

Result<Value> TimestampToDate(FunctionContext& ctx, const Value& v) {
  int64_t ts = v.as_int();
  if (ts == types::kTimestampInfinity) return Value::OfInt(oid::kDate, types::kDateInfinity);
  if (ts == types::kTimestampNegInfinity) return Value::OfInt(oid::kDate, types::kDateNegInfinity);
  if (v.type() == oid::kTimestamptz) ts = UtcToLocal(*ctx.io, ts);
  int64_t days, tod;
  types::SplitTimestamp(ts, &days, &tod);
  return Value::OfInt(oid::kDate, days);
}

Status DatetimeCasts(Registries& r) {
  DB9_RETURN_IF_ERROR(Fn(r, oid::kDate, oid::kTimestamp, I, DateToTimestamp));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kDate, oid::kTimestamptz, I, DateToTimestamp));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTimestamp, oid::kDate, A, TimestampToDate));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTimestamptz, oid::kDate, A, TimestampToDate));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTimestamp, oid::kTimestamptz, I, [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    int64_t ts = v.as_int();
    return Value::OfInt(oid::kTimestamptz, IsInfinite(ts) ? ts : LocalToUtc(*ctx.io, ts));
  }));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTimestamptz, oid::kTimestamp, A, [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    int64_t ts = v.as_int();
    return Value::OfInt(oid::kTimestamp, IsInfinite(ts) ? ts : UtcToLocal(*ctx.io, ts));
  }));
  auto to_time = [](FunctionContext& ctx, const Value& v) -> Result<Value> {
    int64_t ts = v.as_int();
    if (IsInfinite(ts)) return Value::Null(oid::kTime);
    if (v.type() == oid::kTimestamptz) ts = UtcToLocal(*ctx.io, ts);
    int64_t days, tod;
    types::SplitTimestamp(ts, &days, &tod);
    return Value::OfInt(oid::kTime, tod);
  };
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTimestamp, oid::kTime, A, to_time));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTimestamptz, oid::kTime, A, to_time));
  DB9_RETURN_IF_ERROR(Fn(r, oid::kTime, oid::kInterval, I, [](FunctionContext&, const Value& v) -> Result<Value> {
    return Value::OfInterval(types::Interval{0, 0, v.as_int()});
  }));
  return Fn(r, oid::kInterval, oid::kTime, A, [](FunctionContext&, const Value& v) -> Result<Value> {
    int64_t t = v.as_interval().micros % types::kUsecPerDay;
    if (t < 0) t += types::kUsecPerDay;
    return Value::OfInt(oid::kTime, t);
  });
}

}  // namespace

Status RegisterBuiltinCasts(Registries& r) {
  DB9_RETURN_IF_ERROR(NumericCasts(r));
  DB9_RETURN_IF_ERROR(OidCasts(r));
  DB9_RETURN_IF_ERROR(StringCasts(r));
  return DatetimeCasts(r);
}

}  // namespace db9::functions
