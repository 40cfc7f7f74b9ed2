// Casts: json <-> jsonb (assignment, as pg_cast has them) and jsonb to
// boolean, numeric, smallint, integer, bigint, real, double precision
// (explicit). A jsonb of another kind fails like PostgreSQL:
// 22023 `cannot cast jsonb string to type integer`. Text casts need no
// entry: every type has I/O casts to and from text.
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/types/json_text.h"
#include "daemon/types/numeric.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using K = JsonValue::Kind;

// PostgreSQL's JsonbTypeName spelling in cast errors ("numeric", not "number").
const char* CastKindName(K kind) {
  return kind == K::kNumber ? "numeric" : types::JsonKindName(kind);
}

Result<Value> FromJsonb(FunctionContext& ctx, const Value& v) {
  DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(v));
  Oid target = ctx.result_type;
  K want = target == oid::kBool ? K::kBool : K::kNumber;
  if (d.kind != want) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         std::string("cannot cast jsonb ") + CastKindName(d.kind) + " to type " +
                             types::FormatType(ctx.types(), target, -1));
  }
  if (want == K::kBool) return Value::Bool(d.boolean);
  // Numbers go through numeric's own casts, so rounding and range errors
  // ('1e30'::jsonb::int -> integer out of range) are numeric's.
  DB9_ASSIGN_OR_RETURN(types::Numeric n, types::Numeric::Parse(d.text));
  if (target == oid::kNumeric) return n.ToValue();
  return ctx.registries->casts.Cast(ctx, n.ToValue(), target, -1, CoercionContext::kExplicit);
}

}  // namespace

Status RegisterJsonCasts(Registries& r) {
  auto fn = [&r](Oid source, Oid target, CoercionContext context, CastImpl impl) {
    return r.casts.Register({source, target, context, CastMethod::kFunction, std::move(impl)});
  };
  DB9_RETURN_IF_ERROR(fn(oid::kJsonb, oid::kJson, CoercionContext::kAssignment,
                         [](FunctionContext&, const Value& v) -> Result<Value> {
                           DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(v));
                           return Value::OfString(oid::kJson, types::WriteJsonb(d));
                         }));
  DB9_RETURN_IF_ERROR(fn(oid::kJson, oid::kJsonb, CoercionContext::kAssignment,
                         [](FunctionContext&, const Value& v) -> Result<Value> {
                           DB9_ASSIGN_OR_RETURN(
                               JsonValue d,
                               types::ParseJson(v.as_string(), types::JsonTarget::kJsonb));
                           return JsonbResult(std::move(d));
                         }));
  for (Oid target : {oid::kBool, oid::kNumeric, oid::kInt2, oid::kInt4, oid::kInt8, oid::kFloat4,
                     oid::kFloat8}) {
    DB9_RETURN_IF_ERROR(fn(oid::kJsonb, target, CoercionContext::kExplicit, FromJsonb));
  }
  return Status::OK();
}

}  // namespace db9::functions::json
