// Generic entry functions shared by built-in types whose payload is a
// plain int64, double or string: comparison, hashing, key encoding. Types
// pick the ones that match their payload (value.h).
#pragma once

#include "daemon/types/type_registry.h"

namespace db9::types {

int CompareInt(const TypeInfo&, const Value& a, const Value& b);
uint64_t HashIntValue(const TypeInfo&, const Value& v);
void KeyEncodeInt(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out);
Result<Value> KeyDecodeInt(const TypeInfo& self, keyenc::KeyDecoder& in, keyenc::Direction dir);

int CompareBytes(const TypeInfo&, const Value& a, const Value& b);
uint64_t HashBytesValue(const TypeInfo&, const Value& v);
void KeyEncodeBytes(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out);
Result<Value> KeyDecodeBytes(const TypeInfo& self, keyenc::KeyDecoder& in, keyenc::Direction dir);

// pg_type's descriptive fields of a built-in type; the caller adds the
// functions. A fixed `len` (1, 2, 4, 8) is passed by value and aligned to its
// size; -1 is a varlena.
TypeInfo BuiltinTypeEntry(Oid oid, const char* name, const char* sql_name, int16_t len,
                          char category, Oid array, bool preferred);

// The typmod as is in parentheses ("(3)"; "" for -1): timestamp(3),
// vector(3), bit(8). What PostgreSQL prints for a type without typmodout.
std::string PlainTypmodOut(const TypeInfo&, int32_t typmod);

// Binary I/O for string payloads sent as their raw bytes (text, bytea, json...).
Result<std::string> SendRawString(const TypeInfo&, const Value& v, const IoContext&);

}  // namespace db9::types
