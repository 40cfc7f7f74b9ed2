// vector: pgvector's dense float32 vector, built in. This header is the
// contract the type module, the vector functions and vector indexes share.
//
// Payload (value.h, "extension types: their own binary form"): a
// std::string of 4 * dims bytes, each element an IEEE-754 float32 in host
// byte order, no header. Elements are finite (input, casts and arithmetic
// reject NaN and infinities as pgvector does) and dims is 1..kVectorMaxDims.
//
// The distance kernels compute what pgvector 0.8's SQL functions return:
// sums accumulate in float in element order, the result is widened to
// double (float8) and the square root (L2) or the cosine division is taken
// in double. REQUIRES for all four: a.size() == b.size().
#pragma once

#include <span>

#include "daemon/types/value.h"
#include "shared/base/status.h"

namespace db9::types {

namespace oid {
// Fixed built-in OIDs, below PostgreSQL's first user OID (16384) and
// unused by PostgreSQL 15. Clients look the type up by name (psycopg's
// TypeInfo.fetch("vector")), so the numbers need only be stable.
inline constexpr Oid kVector = 12100;
inline constexpr Oid kVectorArray = 12101;
// pg_extension's row (catalog/builtin_extensions.h) and the B-tree
// operator class vector_ops with its family.
inline constexpr Oid kVectorExtension = 12102;
inline constexpr Oid kVectorBtreeOpClass = 12103;
inline constexpr Oid kVectorBtreeOpFamily = 12104;
}  // namespace oid

// pgvector's VECTOR_MAX_DIM.
inline constexpr int kVectorMaxDims = 16000;

// A view of the elements, without copying. The payload string's storage is
// aligned for float: libstdc++ puts short strings in the (8-aligned)
// string object and longer ones in operator new memory (16-aligned). The
// bytes are only ever written as chars (memcpy, assign), which may alias any
// type. REQUIRES: v is a non-NULL vector; the view lives as long as v.
std::span<const float> VectorElements(const Value& v);
int VectorDims(const Value& v);
// REQUIRES: elements finite, 1..kVectorMaxDims of them (the checks below).
Value MakeVector(std::span<const float> elements);

// pgvector's checks, with its SQLSTATEs and messages:
// 22000 `vector must have at least 1 dimension`,
// 54000 `vector cannot have more than 16000 dimensions`.
Status CheckVectorDims(int dims);
// 22000 `expected 3 dimensions, not 2` unless typmod is -1 or dims.
Status CheckExpectedDims(int32_t typmod, int dims);
// 22000 `NaN not allowed in vector`, `infinite value not allowed in vector`.
Status CheckVectorElement(float x);
// 22000 `different vector dimensions 3 and 2`.
Status CheckSameDims(int a, int b);

// sqrt(sum((a[i] - b[i])^2)): the <-> operator and l2_distance().
double L2Distance(std::span<const float> a, std::span<const float> b);
// -sum(a[i] * b[i]): the <#> operator (smaller is more similar).
double NegativeInnerProduct(std::span<const float> a, std::span<const float> b);
// 1 - a.b / sqrt(|a|^2 |b|^2), the similarity clamped to [-1, 1]: the <=>
// operator and cosine_distance(). NaN when either vector is all zeros.
double CosineDistance(std::span<const float> a, std::span<const float> b);
// sum(|a[i] - b[i]|): the <+> operator and l1_distance().
double L1Distance(std::span<const float> a, std::span<const float> b);

}  // namespace db9::types
