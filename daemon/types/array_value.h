// ArrayValue: a PostgreSQL array (any number of dimensions, lower bounds,
// NULL elements) and its Value payload encoding.
//
// Payload (value.h: "arrays -> their own binary form"): big-endian
//   u32 ndim, u32 element type OID, ndim x (i32 length, i32 lower bound),
//   then each element in row-major order as a kind byte
//   (0 NULL, 1 bool, 2 int64, 3 double, 4 string, 5 interval) and its
//   payload (1, 8, 8, u32 length + bytes, 8+4+4 bytes).
// The elements are stored as their own Value payloads, so the array type
// needs no knowledge of the element type to decode; I/O goes through the
// element's TypeInfo.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::types {

struct ArrayValue {
  Oid element_type = oid::kInvalid;
  std::vector<int32_t> dims;     // empty for an empty array
  std::vector<int32_t> lbounds;  // same size as dims; 1 by default
  std::vector<Value> items;      // product(dims) elements, row-major

  // A one-dimensional array with lower bound 1 (empty -> zero dimensions).
  static ArrayValue OneDim(Oid element_type, std::vector<Value> items);
};

std::string EncodeArray(const ArrayValue& a);
// XX001 data_corrupted on a malformed payload.
Result<ArrayValue> DecodeArray(std::string_view payload);
Value MakeArrayValue(Oid array_type, const ArrayValue& a);

}  // namespace db9::types
