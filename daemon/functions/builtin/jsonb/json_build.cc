// Building documents from SQL values: json(b)_build_object,
// json(b)_build_array (VARIADIC "any") and to_json(b)(anyelement).
// jsonb builds a tree; json builds text in PostgreSQL's spelling
// (`{"a" : 1, "b" : [1, 2]}` for objects, `[1, 2]` for arrays).
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/types/json_text.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Status CheckPairs(Args a, const char* fn) {
  if (a.size() % 2 == 0) return Status::OK();
  return Status::Error(sqlstate::kInvalidParameterValue,
                       "argument list must have even number of elements")
      .WithHint(std::string("The arguments of ") + fn +
                "() must consist of alternating keys and values.");
}

Result<Value> JsonbObject(FunctionContext& ctx, Args a) {
  DB9_RETURN_IF_ERROR(CheckPairs(a, "jsonb_build_object"));
  JsonValue out = JsonValue::Object();
  for (size_t i = 0; i < a.size(); i += 2) {
    DB9_ASSIGN_OR_RETURN(std::string key,
                         KeyText(ctx, a[i], ArgType(ctx, a, i), static_cast<int>(i + 1)));
    DB9_ASSIGN_OR_RETURN(JsonValue v, ToJsonb(ctx, a[i + 1], ArgType(ctx, a, i + 1)));
    out.members.emplace_back(std::move(key), std::move(v));
  }
  return JsonbResult(std::move(out));
}

Result<Value> JsonObject(FunctionContext& ctx, Args a) {
  DB9_RETURN_IF_ERROR(CheckPairs(a, "json_build_object"));
  std::string out = "{";
  for (size_t i = 0; i < a.size(); i += 2) {
    DB9_ASSIGN_OR_RETURN(std::string key,
                         KeyText(ctx, a[i], ArgType(ctx, a, i), static_cast<int>(i + 1)));
    DB9_ASSIGN_OR_RETURN(std::string v, ToJsonText(ctx, a[i + 1], ArgType(ctx, a, i + 1)));
    if (i > 0) out += ", ";
    types::AppendJsonString(key, &out);
    out += " : ";
    out += v;
  }
  out += "}";
  return Value::OfString(oid::kJson, std::move(out));
}

Result<Value> JsonbArray(FunctionContext& ctx, Args a) {
  JsonValue out = JsonValue::Array();
  for (size_t i = 0; i < a.size(); ++i) {
    DB9_ASSIGN_OR_RETURN(JsonValue v, ToJsonb(ctx, a[i], ArgType(ctx, a, i)));
    out.elements.push_back(std::move(v));
  }
  return JsonbResult(std::move(out));
}

Result<Value> JsonArray(FunctionContext& ctx, Args a) {
  std::string out = "[";
  for (size_t i = 0; i < a.size(); ++i) {
    DB9_ASSIGN_OR_RETURN(std::string v, ToJsonText(ctx, a[i], ArgType(ctx, a, i)));
    if (i > 0) out += ", ";
    out += v;
  }
  out += "]";
  return Value::OfString(oid::kJson, std::move(out));
}

// VARIADIC "any" functions that also take no arguments at all.
Status Variadic(Registries& r, const char* name, Oid result, ScalarImpl impl) {
  return AddFunction(r, name, {oid::kAny}, result, std::move(impl), Volatility::kStable,
                     /*strict=*/false, /*variadic=*/true);
}

}  // namespace

Status RegisterJsonBuild(Registries& r) {
  DB9_RETURN_IF_ERROR(Variadic(r, "jsonb_build_object", oid::kJsonb, JsonbObject));
  DB9_RETURN_IF_ERROR(Variadic(r, "json_build_object", oid::kJson, JsonObject));
  DB9_RETURN_IF_ERROR(Variadic(r, "jsonb_build_array", oid::kJsonb, JsonbArray));
  DB9_RETURN_IF_ERROR(Variadic(r, "json_build_array", oid::kJson, JsonArray));
  // Stable, as in PostgreSQL: timestamptz output depends on TimeZone.
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "to_jsonb", {oid::kAnyElement}, oid::kJsonb,
      [](FunctionContext& ctx, Args a) -> Result<Value> {
        DB9_ASSIGN_OR_RETURN(JsonValue v, ToJsonb(ctx, a[0], ArgType(ctx, a, 0)));
        return JsonbResult(std::move(v));
      },
      Volatility::kStable));
  return AddFunction(
      r, "to_json", {oid::kAnyElement}, oid::kJson,
      [](FunctionContext& ctx, Args a) -> Result<Value> {
        DB9_ASSIGN_OR_RETURN(std::string v, ToJsonText(ctx, a[0], ArgType(ctx, a, 0)));
        return Value::OfString(oid::kJson, std::move(v));
      },
      Volatility::kStable);
}

}  // namespace db9::functions::json
