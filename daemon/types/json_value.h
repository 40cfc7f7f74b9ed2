// JsonValue: one parsed JSON document as a tree, and jsonb's Value payload.
//
// jsonb keeps the parsed, normalized tree, as PostgreSQL does: object keys
// deduplicated (the last value wins) and sorted shorter-first, then
// bytewise; numbers as numeric's canonical text ("1.50" keeps its scale);
// strings de-escaped. The json type keeps its input text instead and parses
// it on use (json_text.h), which is why nodes remember their source span.
//
// jsonb payload (value.h: "jsonb -> its own binary form"), little-endian:
//   u8 format version (1), then the root node:
//   node   := u8 kind, then
//             null/false/true: nothing
//             number: u32 length + canonical numeric text
//             string: u32 length + UTF-8 bytes
//             array:  u32 count + count nodes
//             object: u32 count + count x (u32 key length + key + node),
//                     keys in jsonb order, no duplicates
// The payload is a pure function of the normalized tree, so equal trees
// have equal payloads; jsonb equality is still decided by json_order.h
// (1.0 = 1.00 there).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::types {

struct JsonValue {
  // Declared in PostgreSQL's jsonb type order (null < string < number <
  // bool < array < object), which json_order.cc relies on.
  enum class Kind : uint8_t { kNull, kString, kNumber, kBool, kArray, kObject };
  using Member = std::pair<std::string, JsonValue>;

  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;                 // string contents or numeric text
  std::vector<JsonValue> elements;  // kArray
  std::vector<Member> members;      // kObject
  // Byte span of this value in the text it was parsed from (json only).
  size_t begin = 0, end = 0;

  static JsonValue Null() { return JsonValue{}; }
  static JsonValue Bool(bool b);
  static JsonValue Number(std::string numeric_text);
  static JsonValue String(std::string s);
  static JsonValue Array(std::vector<JsonValue> elements = {});
  static JsonValue Object(std::vector<Member> members = {});

  bool is_container() const { return kind == Kind::kArray || kind == Kind::kObject; }
  // Object member lookup (the last one with that key); nullptr if absent
  // or not an object.
  const JsonValue* Find(std::string_view key) const;
};

// "object", "array", "string", "number", "boolean", "null" (jsonb_typeof).
const char* JsonKindName(JsonValue::Kind kind);

// jsonb key order: shorter keys first, then bytewise.
bool JsonbKeyLess(std::string_view a, std::string_view b);

// Sorts every object's keys into jsonb order and drops duplicate keys,
// keeping the last value given for each, at every level.
void NormalizeJsonb(JsonValue* v);

// The text jsonb_out prints: `{"a": 1, "b": [1, 2]}`.
std::string WriteJsonb(const JsonValue& v);

// Payload encoding of a normalized tree (see the top of this file).
std::string EncodeJsonb(const JsonValue& v);
// XX001 data_corrupted on a malformed payload.
Result<JsonValue> DecodeJsonb(std::string_view payload);

// Normalizes and encodes: the jsonb Value for a tree.
Value MakeJsonbValue(JsonValue v);

// Deepest nesting any JSON input may have; deeper input fails with 54001
// as PostgreSQL's stack depth check does, so recursion stays bounded.
inline constexpr int kMaxJsonDepth = 2000;
Status JsonTooDeep();

}  // namespace db9::types
