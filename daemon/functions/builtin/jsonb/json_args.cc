#include "daemon/functions/builtin/jsonb/json_args.h"

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "daemon/functions/registries.h"
#include "daemon/types/array_value.h"
#include "daemon/types/json_text.h"
#include "daemon/types/numeric.h"

namespace db9::functions::json {

namespace oid = types::oid;

Result<JsonValue> JsonbArg(const Value& v) { return types::DecodeJsonb(v.as_string()); }

Result<JsonValue> JsonArg(const Value& v) {
  return types::ParseJson(v.as_string(), types::JsonTarget::kJson);
}

Value JsonbResult(JsonValue v) { return types::MakeJsonbValue(std::move(v)); }

Result<Path> PathArg(const Value& text_array) {
  DB9_ASSIGN_OR_RETURN(types::ArrayValue arr, types::DecodeArray(text_array.as_string()));
  if (arr.dims.size() > 1) {
    return Status::Error(sqlstate::kArraySubscriptError, "wrong number of array subscripts");
  }
  Path path;
  for (const Value& item : arr.items) {
    if (item.is_null()) {
      path.push_back(std::nullopt);
    } else {
      path.push_back(item.as_string());
    }
  }
  return path;
}

std::optional<int> ParseIndex(const std::string& step) {
  if (step.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(step.c_str(), &end, 10);
  if (end == step.c_str() || *end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX) {
    return std::nullopt;
  }
  return static_cast<int>(v);
}

const JsonValue* ArrayAt(const JsonValue& array, int64_t index) {
  int64_t n = static_cast<int64_t>(array.elements.size());
  if (index < 0) index += n;
  if (index < 0 || index >= n) return nullptr;
  return &array.elements[static_cast<size_t>(index)];
}

Oid ArgType(const FunctionContext& ctx, std::span<const Value> args, size_t i) {
  if (i < ctx.arg_types.size() && ctx.arg_types[i] != oid::kInvalid) return ctx.arg_types[i];
  return args[i].type();
}

namespace {

// How one non-NULL, non-array, non-json SQL value appears in JSON.
struct Scalar {
  enum Kind { kNumber, kBool, kString } kind;
  std::string text;  // the number's text, or the string's contents
};

// Dates and timestamps use ISO 8601 with a "T" and a full "+hh:mm" offset,
// as PostgreSQL's JSON output (XSD style) does, whatever the DateStyle.
std::string JsonDatetime(std::string text, Oid type) {
  if (text == "infinity" || text == "-infinity") return text;
  if (type == oid::kTimestamp || type == oid::kTimestamptz) {
    size_t sp = text.find(' ');
    if (sp != std::string::npos) text[sp] = 'T';
  }
  if (type == oid::kTimestamptz) {
    size_t sign = text.find_last_of("+-");
    if (sign != std::string::npos && sign > text.find('T') && text.size() - sign == 3) {
      text += ":00";
    }
  }
  return text;
}

Result<Scalar> ToScalar(FunctionContext& ctx, const Value& v, Oid type) {
  const types::TypeInfo* t = ctx.types().Find(type);
  if (type == oid::kBool) return Scalar{Scalar::kBool, v.as_bool() ? "true" : "false"};
  if (type == oid::kUnknown || t == nullptr) return Scalar{Scalar::kString, v.as_string()};
  DB9_ASSIGN_OR_RETURN(std::string text, t->output(*t, v, *ctx.io));
  switch (type) {
    case oid::kInt2:
    case oid::kInt4:
    case oid::kInt8:
    case oid::kFloat4:
    case oid::kFloat8:
    case oid::kNumeric: {
      // NaN and the infinities are not JSON numbers: PostgreSQL quotes them.
      bool finite = !text.empty() && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9')) &&
                    text != "-Infinity";
      return Scalar{finite ? Scalar::kNumber : Scalar::kString, std::move(text)};
    }
    case oid::kDate:
    case oid::kTimestamp:
    case oid::kTimestamptz: return Scalar{Scalar::kString, JsonDatetime(std::move(text), type)};
    default: return Scalar{Scalar::kString, std::move(text)};
  }
}

// Multi-dimensional arrays nest: {{1,2},{3,4}} -> [[1,2],[3,4]].
template <typename Fn>
Status WalkArray(const types::ArrayValue& arr, size_t dim, size_t* next, Fn&& leaf,
                 JsonValue* out) {
  *out = JsonValue::Array();
  for (int32_t i = 0; i < arr.dims[dim]; ++i) {
    JsonValue child;
    if (dim + 1 < arr.dims.size()) {
      DB9_RETURN_IF_ERROR(WalkArray(arr, dim + 1, next, leaf, &child));
    } else {
      DB9_ASSIGN_OR_RETURN(child, leaf(arr.items[(*next)++]));
    }
    out->elements.push_back(std::move(child));
  }
  return Status::OK();
}

bool IsArrayType(FunctionContext& ctx, Oid type) {
  const types::TypeInfo* t = ctx.types().Find(type);
  return t != nullptr && t->element != nullptr;
}

}  // namespace

Result<JsonValue> ToJsonb(FunctionContext& ctx, const Value& v, Oid type) {
  if (v.is_null()) return JsonValue::Null();
  if (type == oid::kJsonb) return JsonbArg(v);
  if (type == oid::kJson) return types::ParseJson(v.as_string(), types::JsonTarget::kJsonb);
  if (IsArrayType(ctx, type)) {
    DB9_ASSIGN_OR_RETURN(types::ArrayValue arr, types::DecodeArray(v.as_string()));
    JsonValue out = JsonValue::Array();
    if (arr.dims.empty()) return out;
    size_t next = 0;
    Oid elem = arr.element_type;
    auto leaf = [&](const Value& item) { return ToJsonb(ctx, item, elem); };
    DB9_RETURN_IF_ERROR(WalkArray(arr, 0, &next, leaf, &out));
    return out;
  }
  DB9_ASSIGN_OR_RETURN(Scalar s, ToScalar(ctx, v, type));
  switch (s.kind) {
    case Scalar::kBool: return JsonValue::Bool(s.text == "true");
    case Scalar::kNumber: {
      // jsonb keeps numbers as numeric: 1e+20 from a float8 becomes digits.
      DB9_ASSIGN_OR_RETURN(types::Numeric n, types::Numeric::Parse(s.text));
      return JsonValue::Number(n.ToString());
    }
    case Scalar::kString: return JsonValue::String(std::move(s.text));
  }
  return JsonValue::Null();
}

Result<std::string> ToJsonText(FunctionContext& ctx, const Value& v, Oid type) {
  if (v.is_null()) return std::string("null");
  if (type == oid::kJson) return v.as_string();
  if (type == oid::kJsonb) {
    DB9_ASSIGN_OR_RETURN(JsonValue doc, JsonbArg(v));
    return types::WriteJsonb(doc);
  }
  if (IsArrayType(ctx, type)) {
    DB9_ASSIGN_OR_RETURN(types::ArrayValue arr, types::DecodeArray(v.as_string()));
    // array_to_json: no spaces, nested brackets per dimension.
    std::string out;
    size_t next = 0;
    auto emit = [&](auto&& self, size_t dim) -> Status {
      out.push_back('[');
      int32_t n = dim < arr.dims.size() ? arr.dims[dim] : 0;
      for (int32_t i = 0; i < n; ++i) {
        if (i > 0) out.push_back(',');
        if (dim + 1 < arr.dims.size()) {
          DB9_RETURN_IF_ERROR(self(self, dim + 1));
        } else {
          DB9_ASSIGN_OR_RETURN(std::string item,
                               ToJsonText(ctx, arr.items[next++], arr.element_type));
          out += item;
        }
      }
      out.push_back(']');
      return Status::OK();
    };
    DB9_RETURN_IF_ERROR(emit(emit, 0));
    return out;
  }
  DB9_ASSIGN_OR_RETURN(Scalar s, ToScalar(ctx, v, type));
  if (s.kind == Scalar::kString) return types::QuoteJsonString(s.text);
  return s.text;
}

Result<std::string> KeyText(FunctionContext& ctx, const Value& v, Oid type, int position) {
  if (v.is_null()) {
    if (position > 0) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "argument " + std::to_string(position) + ": key must not be null");
    }
    return Status::Error(sqlstate::kInvalidParameterValue, "field name must not be null");
  }
  if (type == oid::kJson || type == oid::kJsonb || IsArrayType(ctx, type)) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "key value must be scalar, not array, composite, or json");
  }
  DB9_ASSIGN_OR_RETURN(Scalar s, ToScalar(ctx, v, type));
  return s.text;
}

}  // namespace db9::functions::json
