// jsonb ordering, hashing and index keys, following PostgreSQL's jsonb
// btree rules (compareJsonbContainers):
//   * object > array > boolean > number > string > null;
//   * containers with more members/elements sort higher; equal counts
//     compare member by member in storage order (key, then value; keys
//     compare bytewise, as text does under the C collation);
//   * numbers compare as numeric (1.0 = 1.00), strings bytewise;
//   * a top-level scalar counts as a one-element array that sorts below a
//     real array of the same length ('1' > '[]' but '1' < '[0]').
// One order-preserving key encoding implements all of this (hash is
// defined through it); compare walks the trees in the same order without
// building keys, and tests/unit/types/json_test.cc checks that the two agree
// (type_registry.h's contract).
#pragma once

#include <string>

#include "daemon/storage/encoding/key_encoding.h"
#include "daemon/types/json_value.h"
#include "daemon/types/type_registry.h"

namespace db9::types {

// Appends the key of a normalized document. `numeric` is the numeric type's
// entry, whose key encoding numbers use.
void AppendJsonbKey(const JsonValue& doc, const TypeInfo& numeric, keyenc::Direction dir,
                    std::string* out);
// Reads one key written by AppendJsonbKey back into a document (numbers at
// their minimal scale, as numeric keys decode). XX001 on malformed keys.
Result<JsonValue> ReadJsonbKey(keyenc::KeyDecoder& in, const TypeInfo& numeric,
                               keyenc::Direction dir);

// The entry functions for jsonb's TypeInfo.
int CompareJsonb(const TypeInfo& self, const Value& a, const Value& b);
uint64_t HashJsonb(const TypeInfo& self, const Value& v);
void KeyEncodeJsonb(const TypeInfo& self, const Value& v, keyenc::Direction dir, std::string* out);
Result<Value> KeyDecodeJsonb(const TypeInfo& self, keyenc::KeyDecoder& in, keyenc::Direction dir);

}  // namespace db9::types
