// Reading into documents: -> ->> #> #>> for jsonb and json,
// json(b)_extract_path(_text), json(b)_typeof, json(b)_array_length.
// Both types navigate the same parsed tree; jsonb answers with the subtree,
// json with the exact source text of the subtree (json keeps its spelling).
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/types/json_text.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using K = JsonValue::Kind;

// An integer subscript. A jsonb top-level scalar answers it like a
// one-element array, as PostgreSQL's jsonb does.
const JsonValue* Element(const JsonValue& v, int64_t index, bool raw_scalar_as_array) {
  if (v.kind == K::kArray) return ArrayAt(v, index);
  if (raw_scalar_as_array && !v.is_container() && (index == 0 || index == -1)) return &v;
  return nullptr;
}

const JsonValue* Walk(const JsonValue& root, const Path& path) {
  const JsonValue* at = &root;
  for (const auto& step : path) {
    if (!step.has_value()) return nullptr;
    if (at->kind == K::kObject) {
      at = at->Find(*step);
    } else if (at->kind == K::kArray) {
      std::optional<int> index = ParseIndex(*step);
      at = index ? ArrayAt(*at, *index) : nullptr;
    } else {
      return nullptr;
    }
    if (at == nullptr) return nullptr;
  }
  return at;
}

// How a found subtree becomes the result.
struct Output {
  bool is_json;  // json (source text) or jsonb (tree)
  bool as_text;  // ->> / #>> / _text: strings unquoted, json null as SQL NULL

  Value Make(const JsonValue* found, std::string_view source) const {
    Oid type = as_text ? oid::kText : (is_json ? oid::kJson : oid::kJsonb);
    if (found == nullptr) return Value::Null(type);
    if (as_text) {
      if (found->kind == K::kNull) return Value::Null(type);
      if (found->kind == K::kString) return Value::Text(found->text);
      return Value::Text(is_json ? std::string(Span(*found, source)) : types::WriteJsonb(*found));
    }
    if (is_json) return Value::OfString(oid::kJson, std::string(Span(*found, source)));
    return JsonbResult(*found);
  }
  static std::string_view Span(const JsonValue& v, std::string_view source) {
    return source.substr(v.begin, v.end - v.begin);
  }
};

Result<JsonValue> Doc(bool is_json, const Value& v) { return is_json ? JsonArg(v) : JsonbArg(v); }

Status RegisterFor(Registries& r, Oid type) {
  const bool is_json = type == oid::kJson;
  for (bool as_text : {false, true}) {
    Output out{is_json, as_text};
    Oid result = as_text ? oid::kText : type;
    std::string arrow = as_text ? "->>" : "->";
    DB9_RETURN_IF_ERROR(AddOperator(r, arrow, type, oid::kText, result,
                                    [out, is_json](FunctionContext&, Args a) -> Result<Value> {
                                      DB9_ASSIGN_OR_RETURN(JsonValue d, Doc(is_json, a[0]));
                                      return out.Make(d.Find(a[1].as_string()),
                                                      a[0].as_string());
                                    }));
    DB9_RETURN_IF_ERROR(AddOperator(r, arrow, type, oid::kInt4, result,
                                    [out, is_json](FunctionContext&, Args a) -> Result<Value> {
                                      DB9_ASSIGN_OR_RETURN(JsonValue d, Doc(is_json, a[0]));
                                      return out.Make(Element(d, a[1].as_int(), !is_json),
                                                      a[0].as_string());
                                    }));
    auto by_path = [out, is_json](const Value& doc, const Path& path) -> Result<Value> {
      DB9_ASSIGN_OR_RETURN(JsonValue d, Doc(is_json, doc));
      return out.Make(Walk(d, path), doc.as_string());
    };
    DB9_RETURN_IF_ERROR(AddOperator(r, as_text ? "#>>" : "#>", type, oid::kTextArray, result,
                                    [by_path](FunctionContext&, Args a) -> Result<Value> {
                                      DB9_ASSIGN_OR_RETURN(Path p, PathArg(a[1]));
                                      return by_path(a[0], p);
                                    }));
    // json(b)_extract_path(doc, VARIADIC text[]): the steps as arguments.
    std::string fn = std::string(is_json ? "json" : "jsonb") + "_extract_path" +
                     (as_text ? "_text" : "");
    DB9_RETURN_IF_ERROR(AddFunction(
        r, fn, {type, oid::kText}, result,
        [by_path, result](FunctionContext&, Args a) -> Result<Value> {
          if (a[0].is_null()) return Value::Null(result);
          Path p;
          for (const Value& step : a.subspan(1)) {
            p.push_back(step.is_null() ? std::nullopt
                                       : std::optional<std::string>(step.as_string()));
          }
          return by_path(a[0], p);
        },
        Volatility::kImmutable, /*strict=*/false, /*variadic=*/true));
  }

  std::string prefix = is_json ? "json" : "jsonb";
  DB9_RETURN_IF_ERROR(AddFunction(r, prefix + "_typeof", {type}, oid::kText,
                                  [is_json](FunctionContext&, Args a) -> Result<Value> {
                                    DB9_ASSIGN_OR_RETURN(JsonValue d, Doc(is_json, a[0]));
                                    return Value::Text(types::JsonKindName(d.kind));
                                  }));
  return AddFunction(r, prefix + "_array_length", {type}, oid::kInt4,
                     [is_json](FunctionContext&, Args a) -> Result<Value> {
                       DB9_ASSIGN_OR_RETURN(JsonValue d, Doc(is_json, a[0]));
                       if (d.kind == K::kArray) {
                         return Value::Int4(static_cast<int64_t>(d.elements.size()));
                       }
                       return Status::Error(sqlstate::kInvalidParameterValue,
                                            d.kind == K::kObject
                                                ? "cannot get array length of a non-array"
                                                : "cannot get array length of a scalar");
                     });
}

}  // namespace

Status RegisterJsonAccess(Registries& r) {
  DB9_RETURN_IF_ERROR(RegisterFor(r, oid::kJsonb));
  return RegisterFor(r, oid::kJson);
}

}  // namespace db9::functions::json
