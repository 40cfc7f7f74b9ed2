#include "daemon/types/json_value.h"

#include <algorithm>
#include <cstring>

#include "daemon/types/json_payload_tags.h"
#include "daemon/types/json_reader.h"
#include "daemon/types/json_text.h"

namespace db9::types {

JsonValue JsonValue::Bool(bool b) {
  JsonValue v;
  v.kind = Kind::kBool;
  v.boolean = b;
  return v;
}

JsonValue JsonValue::Number(std::string numeric_text) {
  JsonValue v;
  v.kind = Kind::kNumber;
  v.text = std::move(numeric_text);
  return v;
}

JsonValue JsonValue::String(std::string s) {
  JsonValue v;
  v.kind = Kind::kString;
  v.text = std::move(s);
  return v;
}

JsonValue JsonValue::Array(std::vector<JsonValue> elements) {
  JsonValue v;
  v.kind = Kind::kArray;
  v.elements = std::move(elements);
  return v;
}

JsonValue JsonValue::Object(std::vector<Member> members) {
  JsonValue v;
  v.kind = Kind::kObject;
  v.members = std::move(members);
  return v;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  if (kind != Kind::kObject) return nullptr;
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  return nullptr;
}

const char* JsonKindName(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::kNull: return "null";
    case JsonValue::Kind::kString: return "string";
    case JsonValue::Kind::kNumber: return "number";
    case JsonValue::Kind::kBool: return "boolean";
    case JsonValue::Kind::kArray: return "array";
    case JsonValue::Kind::kObject: return "object";
  }
  return "null";
}

bool JsonbKeyLess(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

void NormalizeJsonb(JsonValue* v) {
  for (JsonValue& e : v->elements) NormalizeJsonb(&e);
  if (v->kind != JsonValue::Kind::kObject) return;
  // Stable, so among equal keys the input order survives and the last
  // occurrence is the one kept.
  std::stable_sort(v->members.begin(), v->members.end(),
                   [](const auto& a, const auto& b) { return JsonbKeyLess(a.first, b.first); });
  std::vector<JsonValue::Member> unique;
  unique.reserve(v->members.size());
  for (auto& m : v->members) {
    if (!unique.empty() && unique.back().first == m.first) {
      unique.back().second = std::move(m.second);
    } else {
      unique.push_back(std::move(m));
    }
  }
  v->members = std::move(unique);
  for (auto& m : v->members) NormalizeJsonb(&m.second);
}

namespace {

void Write(const JsonValue& v, std::string* out) {
  switch (v.kind) {
    case JsonValue::Kind::kNull: *out += "null"; break;
    case JsonValue::Kind::kBool: *out += v.boolean ? "true" : "false"; break;
    case JsonValue::Kind::kNumber: *out += v.text; break;
    case JsonValue::Kind::kString: AppendJsonString(v.text, out); break;
    case JsonValue::Kind::kArray:
      out->push_back('[');
      for (size_t i = 0; i < v.elements.size(); ++i) {
        if (i > 0) *out += ", ";
        Write(v.elements[i], out);
      }
      out->push_back(']');
      break;
    case JsonValue::Kind::kObject:
      out->push_back('{');
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) *out += ", ";
        AppendJsonString(v.members[i].first, out);
        *out += ": ";
        Write(v.members[i].second, out);
      }
      out->push_back('}');
      break;
  }
}

namespace tag = json_payload;

void PutLen(std::string* out, size_t n) {
  uint32_t v = static_cast<uint32_t>(n);
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void PutBytes(std::string* out, std::string_view s) {
  PutLen(out, s.size());
  out->append(s);
}

void Encode(const JsonValue& v, std::string* out) {
  switch (v.kind) {
    case JsonValue::Kind::kNull: out->push_back(tag::kNull); break;
    case JsonValue::Kind::kBool: out->push_back(v.boolean ? tag::kTrue : tag::kFalse); break;
    case JsonValue::Kind::kNumber:
      out->push_back(tag::kNumber);
      PutBytes(out, v.text);
      break;
    case JsonValue::Kind::kString:
      out->push_back(tag::kString);
      PutBytes(out, v.text);
      break;
    case JsonValue::Kind::kArray:
      out->push_back(tag::kArray);
      PutLen(out, v.elements.size());
      for (const JsonValue& e : v.elements) Encode(e, out);
      break;
    case JsonValue::Kind::kObject:
      out->push_back(tag::kObject);
      PutLen(out, v.members.size());
      for (const auto& m : v.members) {
        PutBytes(out, m.first);
        Encode(m.second, out);
      }
      break;
  }
}

Status Corrupt() { return Status::Error(sqlstate::kDataCorrupted, "corrupt jsonb value"); }

// Builds the tree from a reader; depth is bounded like parsing.
Result<JsonValue> ReadTree(JsonbReader& in, int depth) {
  JsonbReader::Node n;
  if (depth > kMaxJsonDepth || !in.NextNode(&n)) return Corrupt();
  switch (n.kind) {
    case JsonValue::Kind::kNull: return JsonValue::Null();
    case JsonValue::Kind::kBool: return JsonValue::Bool(n.boolean);
    case JsonValue::Kind::kNumber: return JsonValue::Number(std::string(n.text));
    case JsonValue::Kind::kString: return JsonValue::String(std::string(n.text));
    case JsonValue::Kind::kArray: {
      JsonValue a = JsonValue::Array();
      a.elements.reserve(n.count);
      for (uint32_t i = 0; i < n.count; ++i) {
        DB9_ASSIGN_OR_RETURN(JsonValue e, ReadTree(in, depth + 1));
        a.elements.push_back(std::move(e));
      }
      return a;
    }
    case JsonValue::Kind::kObject: {
      JsonValue o = JsonValue::Object();
      o.members.reserve(n.count);
      for (uint32_t i = 0; i < n.count; ++i) {
        std::string_view key;
        if (!in.NextKey(&key)) return Corrupt();
        DB9_ASSIGN_OR_RETURN(JsonValue v, ReadTree(in, depth + 1));
        o.members.emplace_back(std::string(key), std::move(v));
      }
      return o;
    }
  }
  return Corrupt();
}

}  // namespace

std::string WriteJsonb(const JsonValue& v) {
  std::string out;
  Write(v, &out);
  return out;
}

std::string EncodeJsonb(const JsonValue& v) {
  std::string out(1, static_cast<char>(tag::kFormatVersion));
  Encode(v, &out);
  return out;
}

Result<JsonValue> DecodeJsonb(std::string_view payload) {
  JsonbReader in(payload);
  if (!in.ok()) return Corrupt();
  DB9_ASSIGN_OR_RETURN(JsonValue v, ReadTree(in, 0));
  if (!in.done()) return Corrupt();
  return v;
}

Value MakeJsonbValue(JsonValue v) {
  NormalizeJsonb(&v);
  return Value::OfString(oid::kJsonb, EncodeJsonb(v));
}

Status JsonTooDeep() {
  return Status::Error("54001", "stack depth limit exceeded")
      .WithHint("JSON values may nest at most " + std::to_string(kMaxJsonDepth) + " levels.");
}

}  // namespace db9::types
