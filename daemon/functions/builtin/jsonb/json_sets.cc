// Set-returning functions over documents: json(b)_array_elements(_text),
// json(b)_each(_text) and json(b)_object_keys. Rows are made up front
// from the parsed document (it is in memory already).
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/types/json_text.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using K = JsonValue::Kind;

Status NotA(const std::string& what) {
  return Status::Error(sqlstate::kInvalidParameterValue, what);
}

// One element or member value as a result column.
Value Column(const JsonValue& v, bool is_json, bool as_text, std::string_view source) {
  if (as_text) {
    if (v.kind == K::kNull) return Value::Null(oid::kText);
    if (v.kind == K::kString) return Value::Text(v.text);
  }
  std::string text = is_json ? std::string(source.substr(v.begin, v.end - v.begin))
                             : std::string();
  if (as_text) return Value::Text(is_json ? std::move(text) : types::WriteJsonb(v));
  if (is_json) return Value::OfString(oid::kJson, std::move(text));
  return JsonbResult(v);
}

struct Kind {
  bool is_json;
  bool as_text;
  std::string prefix() const { return is_json ? "json" : "jsonb"; }
  Oid type() const { return is_json ? oid::kJson : oid::kJsonb; }
  Oid value_type() const { return as_text ? oid::kText : type(); }
  Result<JsonValue> Doc(const Value& v) const { return is_json ? JsonArg(v) : JsonbArg(v); }
};

Status AddSet(Registries& r, std::string name, Oid arg, Oid ret, std::vector<SetColumn> columns,
              SetReturningImpl impl) {
  FunctionInfo f;
  f.name = std::move(name);
  f.arg_types = {arg};
  f.return_type = ret;
  f.set_impl = std::move(impl);
  f.set_columns = std::move(columns);
  return r.functions.Register(std::move(f));
}

Status RegisterFor(Registries& r, Kind k) {
  std::string suffix = k.as_text ? "_text" : "";
  DB9_RETURN_IF_ERROR(AddSet(
      r, k.prefix() + "_array_elements" + suffix, k.type(), k.value_type(),
      {{"value", k.value_type()}},
      [k](FunctionContext&, Args a) -> Result<std::unique_ptr<SetIterator>> {
        DB9_ASSIGN_OR_RETURN(JsonValue d, k.Doc(a[0]));
        if (d.kind != K::kArray) {
          return NotA(d.kind == K::kObject ? "cannot extract elements from an object"
                                           : "cannot extract elements from a scalar");
        }
        std::vector<std::vector<Value>> rows;
        for (const JsonValue& e : d.elements) {
          rows.push_back({Column(e, k.is_json, k.as_text, a[0].as_string())});
        }
        return MakeRowsIterator(std::move(rows));
      }));
  std::string each = k.prefix() + "_each" + suffix;
  return AddSet(r, each, k.type(), oid::kRecord, {{"key", oid::kText}, {"value", k.value_type()}},
                [k, each](FunctionContext&, Args a) -> Result<std::unique_ptr<SetIterator>> {
                  DB9_ASSIGN_OR_RETURN(JsonValue d, k.Doc(a[0]));
                  if (d.kind != K::kObject) {
                    return NotA("cannot call " + each + " on a non-object");
                  }
                  std::vector<std::vector<Value>> rows;
                  for (const auto& [key, v] : d.members) {
                    rows.push_back(
                        {Value::Text(key), Column(v, k.is_json, k.as_text, a[0].as_string())});
                  }
                  return MakeRowsIterator(std::move(rows));
                });
}

}  // namespace

Status RegisterJsonSets(Registries& r) {
  for (bool is_json : {false, true}) {
    for (bool as_text : {false, true}) DB9_RETURN_IF_ERROR(RegisterFor(r, {is_json, as_text}));
    std::string name = std::string(is_json ? "json" : "jsonb") + "_object_keys";
    DB9_RETURN_IF_ERROR(AddSet(
        r, name, is_json ? oid::kJson : oid::kJsonb, oid::kText, {},
        [is_json, name](FunctionContext&, Args a) -> Result<std::unique_ptr<SetIterator>> {
          DB9_ASSIGN_OR_RETURN(JsonValue d, is_json ? JsonArg(a[0]) : JsonbArg(a[0]));
          if (d.kind != K::kObject) {
            return NotA("cannot call " + name + " on " +
                        (d.kind == K::kArray ? "an array" : "a scalar"));
          }
          std::vector<std::vector<Value>> rows;
          for (const auto& m : d.members) rows.push_back({Value::Text(m.first)});
          return MakeRowsIterator(std::move(rows));
        }));
  }
  return Status::OK();
}

}  // namespace db9::functions::json
