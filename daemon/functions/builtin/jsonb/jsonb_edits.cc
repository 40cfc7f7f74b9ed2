// Operators and functions that make a changed jsonb: || (concatenation),
// - (delete a key, keys or an element), #- (delete at a path), jsonb_set,
// jsonb_insert, jsonb_strip_nulls, and jsonb_pretty.
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/functions/builtin/jsonb/jsonb_path_edit.h"
#include "daemon/types/json_text.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using K = JsonValue::Kind;

// ||: two objects merge (the right side wins); anything else concatenates
// as arrays, a non-array side counting as a one-element array.
JsonValue Concat(JsonValue a, JsonValue b) {
  if (a.kind == K::kObject && b.kind == K::kObject) {
    for (auto& m : b.members) a.members.push_back(std::move(m));
    return a;  // normalizing keeps the last (right) value of a duplicate key
  }
  auto as_array = [](JsonValue v) {
    return v.kind == K::kArray ? std::move(v) : JsonValue::Array({std::move(v)});
  };
  JsonValue out = as_array(std::move(a));
  for (JsonValue& e : as_array(std::move(b)).elements) out.elements.push_back(std::move(e));
  return out;
}

Status ScalarError(const char* what) {
  return Status::Error(sqlstate::kInvalidParameterValue, what);
}

// jsonb - text / - text[]: object keys, or string elements of an array.
Result<Value> DeleteKeys(const Value& doc, const std::vector<std::string>& keys) {
  DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(doc));
  if (!d.is_container()) return ScalarError("cannot delete from scalar");
  auto listed = [&](const std::string& s) {
    for (const std::string& k : keys) {
      if (k == s) return true;
    }
    return false;
  };
  if (d.kind == K::kObject) {
    std::erase_if(d.members, [&](const auto& m) { return listed(m.first); });
  } else {
    std::erase_if(d.elements,
                  [&](const JsonValue& e) { return e.kind == K::kString && listed(e.text); });
  }
  return JsonbResult(std::move(d));
}

Result<Value> DeleteIndex(const Value& doc, int64_t index) {
  DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(doc));
  if (!d.is_container()) return ScalarError("cannot delete from scalar");
  if (d.kind == K::kObject) return ScalarError("cannot delete from object using integer index");
  int64_t n = static_cast<int64_t>(d.elements.size());
  if (index < 0) index += n;
  if (index >= 0 && index < n) d.elements.erase(d.elements.begin() + index);
  return JsonbResult(std::move(d));
}

// jsonb_set / jsonb_insert: a scalar document cannot be edited.
Result<Value> SetOrInsert(const Value& doc, const Value& path, const Value& value,
                          PathEdit edit) {
  DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(doc));
  if (!d.is_container()) return ScalarError("cannot set path in scalar");
  DB9_ASSIGN_OR_RETURN(Path p, PathArg(path));
  DB9_ASSIGN_OR_RETURN(JsonValue v, JsonbArg(value));
  DB9_RETURN_IF_ERROR(EditPath(&d, p, v, edit));
  return JsonbResult(std::move(d));
}

void StripNulls(JsonValue* v) {
  if (v->kind == K::kObject) {
    std::erase_if(v->members, [](const auto& m) { return m.second.kind == K::kNull; });
    for (auto& m : v->members) StripNulls(&m.second);
  }
  for (JsonValue& e : v->elements) StripNulls(&e);
}

// jsonb_pretty: four spaces a level; an empty container still spans two
// lines, as PostgreSQL prints it.
void Pretty(const JsonValue& v, int depth, std::string* out) {
  if (!v.is_container()) {
    *out += types::WriteJsonb(v);
    return;
  }
  bool object = v.kind == K::kObject;
  size_t n = object ? v.members.size() : v.elements.size();
  std::string inner(static_cast<size_t>(depth + 1) * 4, ' ');
  out->push_back(object ? '{' : '[');
  for (size_t i = 0; i < n; ++i) {
    *out += i == 0 ? "\n" : ",\n";
    *out += inner;
    if (object) {
      types::AppendJsonString(v.members[i].first, out);
      *out += ": ";
    }
    Pretty(object ? v.members[i].second : v.elements[i], depth + 1, out);
  }
  out->push_back('\n');
  out->append(static_cast<size_t>(depth) * 4, ' ');
  out->push_back(object ? '}' : ']');
}

}  // namespace

Status RegisterJsonbEdits(Registries& r) {
  const Oid jb = oid::kJsonb;
  DB9_RETURN_IF_ERROR(
      AddOperator(r, "||", jb, jb, jb, [](FunctionContext&, Args a) -> Result<Value> {
        DB9_ASSIGN_OR_RETURN(JsonValue x, JsonbArg(a[0]));
        DB9_ASSIGN_OR_RETURN(JsonValue y, JsonbArg(a[1]));
        return JsonbResult(Concat(std::move(x), std::move(y)));
      }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", jb, oid::kText, jb, [](FunctionContext&, Args a) {
    return DeleteKeys(a[0], {a[1].as_string()});
  }));
  DB9_RETURN_IF_ERROR(
      AddOperator(r, "-", jb, oid::kTextArray, jb, [](FunctionContext&, Args a) -> Result<Value> {
        DB9_ASSIGN_OR_RETURN(Path keys, PathArg(a[1]));
        std::vector<std::string> list;
        for (auto& k : keys) {
          if (k.has_value()) list.push_back(std::move(*k));
        }
        return DeleteKeys(a[0], list);
      }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "-", jb, oid::kInt4, jb, [](FunctionContext&, Args a) {
    return DeleteIndex(a[0], a[1].as_int());
  }));
  DB9_RETURN_IF_ERROR(
      AddOperator(r, "#-", jb, oid::kTextArray, jb, [](FunctionContext&, Args a) -> Result<Value> {
        DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(a[0]));
        if (!d.is_container()) return ScalarError("cannot delete path in scalar");
        DB9_ASSIGN_OR_RETURN(Path p, PathArg(a[1]));
        DB9_RETURN_IF_ERROR(EditPath(&d, p, JsonValue::Null(), PathEdit::kDelete));
        return JsonbResult(std::move(d));
      }));

  // Defaults as overloads: jsonb_set(..., create_if_missing boolean DEFAULT
  // true), jsonb_insert(..., insert_after boolean DEFAULT false).
  const std::vector<Oid> set_args = {jb, oid::kTextArray, jb};
  DB9_RETURN_IF_ERROR(AddFunction(r, "jsonb_set", set_args, jb, [](FunctionContext&, Args a) {
    return SetOrInsert(a[0], a[1], a[2], PathEdit::kCreate);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "jsonb_set", {jb, oid::kTextArray, jb, oid::kBool}, jb, [](FunctionContext&, Args a) {
        PathEdit edit = a[3].as_bool() ? PathEdit::kCreate : PathEdit::kReplace;
        return SetOrInsert(a[0], a[1], a[2], edit);
      }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "jsonb_insert", set_args, jb, [](FunctionContext&, Args a) {
    return SetOrInsert(a[0], a[1], a[2], PathEdit::kInsertBefore);
  }));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "jsonb_insert", {jb, oid::kTextArray, jb, oid::kBool}, jb, [](FunctionContext&, Args a) {
        return SetOrInsert(a[0], a[1], a[2],
                           a[3].as_bool() ? PathEdit::kInsertAfter : PathEdit::kInsertBefore);
      }));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "jsonb_strip_nulls", {jb}, jb, [](FunctionContext&, Args a) -> Result<Value> {
        DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(a[0]));
        StripNulls(&d);
        return JsonbResult(std::move(d));
      }));
  return AddFunction(r, "jsonb_pretty", {jb}, oid::kText,
                     [](FunctionContext&, Args a) -> Result<Value> {
                       DB9_ASSIGN_OR_RETURN(JsonValue d, JsonbArg(a[0]));
                       std::string out;
                       Pretty(d, 0, &out);
                       return Value::Text(std::move(out));
                     });
}

}  // namespace db9::functions::json
