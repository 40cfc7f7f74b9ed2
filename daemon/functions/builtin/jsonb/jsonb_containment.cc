// Containment and key existence: @> <@ ? ?| ?& and their function forms
// (jsonb_contains, jsonb_contained, jsonb_exists, jsonb_exists_any,
// jsonb_exists_all), with PostgreSQL's JsonbDeepContains rules:
//   * objects: every key of the right side exists on the left with a
//     contained value of the same kind (scalars equal, containers nested);
//   * arrays: every scalar on the right equals some scalar element on the
//     left, every container on the right is contained in some container
//     element of the same kind (order and duplicates do not matter);
//   * at the top, an array contains a scalar it holds ('[1,2]' @> '1'),
//     but a scalar never contains an array.
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/types/numeric.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using K = JsonValue::Kind;

bool ScalarEquals(const JsonValue& a, const JsonValue& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::kNull: return true;
    case K::kBool: return a.boolean == b.boolean;
    case K::kString: return a.text == b.text;
    case K::kNumber: {
      // Numeric equality: 1.0 and 1.00 are the same number.
      Result<types::Numeric> x = types::Numeric::Parse(a.text), y = types::Numeric::Parse(b.text);
      return x.ok() && y.ok() ? x->Compare(*y) == 0 : a.text == b.text;
    }
    default: return false;
  }
}

bool Contains(const JsonValue& a, const JsonValue& b) {
  if (!a.is_container() || !b.is_container()) return ScalarEquals(a, b);
  if (a.kind != b.kind) return false;
  if (a.kind == K::kObject) {
    for (const auto& [key, want] : b.members) {
      const JsonValue* have = a.Find(key);
      if (have == nullptr || have->is_container() != want.is_container()) return false;
      if (!Contains(*have, want)) return false;
    }
    return true;
  }
  for (const JsonValue& want : b.elements) {
    bool found = false;
    for (const JsonValue& have : a.elements) {
      if (have.is_container() == want.is_container() && Contains(have, want)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

// Top level: a raw scalar behaves as a one-element array, except that it
// cannot contain a real array.
bool TopContains(const JsonValue& a, const JsonValue& b) {
  if (a.kind == K::kObject || b.kind == K::kObject) {
    return a.kind == b.kind && Contains(a, b);
  }
  if (!a.is_container() && b.kind == K::kArray) return false;
  JsonValue wrapped_a, wrapped_b;
  const JsonValue* x = &a;
  const JsonValue* y = &b;
  if (!a.is_container()) {
    wrapped_a = JsonValue::Array({a});
    x = &wrapped_a;
  }
  if (!b.is_container()) {
    wrapped_b = JsonValue::Array({b});
    y = &wrapped_b;
  }
  return Contains(*x, *y);
}

// ?: a top-level key, or a string element of a top-level array (a raw
// scalar string counts as such an array).
bool Exists(const JsonValue& doc, const std::string& key) {
  if (doc.kind == K::kObject) return doc.Find(key) != nullptr;
  if (doc.kind == K::kArray) {
    for (const JsonValue& e : doc.elements) {
      if (e.kind == K::kString && e.text == key) return true;
    }
    return false;
  }
  return doc.kind == K::kString && doc.text == key;
}

// ?| (any) and ?& (all); NULL keys in the array are ignored.
Result<Value> ExistsMany(const Value& doc, const Value& keys, bool all) {
  DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(doc));
  DB9_ASSIGN_OR_RETURN(Path list, PathArg(keys));
  for (const auto& key : list) {
    if (!key.has_value()) continue;
    bool hit = Exists(d, *key);
    if (hit && !all) return Value::Bool(true);
    if (!hit && all) return Value::Bool(false);
  }
  return Value::Bool(all);
}

Status Both(Registries& r, const char* op, const char* fn, Oid right, ScalarImpl impl) {
  DB9_RETURN_IF_ERROR(AddOperator(r, op, oid::kJsonb, right, oid::kBool, impl));
  return AddFunction(r, fn, {oid::kJsonb, right}, oid::kBool, std::move(impl));
}

}  // namespace

Status RegisterJsonbContainment(Registries& r) {
  auto contains = [](bool flip) {
    return [flip](FunctionContext&, Args a) -> Result<Value> {
      DB9_ASSIGN_OR_RETURN(JsonValue x, JsonbArg(a[0]));
      DB9_ASSIGN_OR_RETURN(JsonValue y, JsonbArg(a[1]));
      return Value::Bool(flip ? TopContains(y, x) : TopContains(x, y));
    };
  };
  DB9_RETURN_IF_ERROR(Both(r, "@>", "jsonb_contains", oid::kJsonb, contains(false)));
  DB9_RETURN_IF_ERROR(Both(r, "<@", "jsonb_contained", oid::kJsonb, contains(true)));
  DB9_RETURN_IF_ERROR(Both(r, "?", "jsonb_exists", oid::kText,
                           [](FunctionContext&, Args a) -> Result<Value> {
                             DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(a[0]));
                             return Value::Bool(Exists(d, a[1].as_string()));
                           }));
  DB9_RETURN_IF_ERROR(Both(r, "?|", "jsonb_exists_any", oid::kTextArray,
                           [](FunctionContext&, Args a) { return ExistsMany(a[0], a[1], false); }));
  return Both(r, "?&", "jsonb_exists_all", oid::kTextArray,
              [](FunctionContext&, Args a) { return ExistsMany(a[0], a[1], true); });
}

}  // namespace db9::functions::json
