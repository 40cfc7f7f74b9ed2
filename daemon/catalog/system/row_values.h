// Small constructors for the Values that system relations return, so each
// relation's producer reads as a list of columns. Arrays (reloptions,
// indkey, conkey ...) are built through the array type's own text input, so
// their payload is exactly what the type module defines.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "daemon/types/oid.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::catalog::system {

using types::Oid;
using types::Value;

// The bootstrap superuser's OID: every object is owned by it, and
// pg_roles shows it under the connected user's name (one user per database).
inline constexpr Oid kOwnerOid = 10;

inline Value OidV(int64_t v) { return Value::OfInt(types::oid::kOid, v); }
inline Value NameV(std::string s) { return Value::OfString(types::oid::kName, std::move(s)); }
inline Value TextV(std::string s) { return Value::Text(std::move(s)); }
// information_schema's character_data / yes_or_no columns are varchar.
inline Value VarcharV(std::string s) { return Value::OfString(types::oid::kVarchar, std::move(s)); }
inline Value YesNoV(bool b) { return VarcharV(b ? "YES" : "NO"); }
inline Value BoolV(bool b) { return Value::Bool(b); }
inline Value Int2V(int64_t v) { return Value::Int2(v); }
inline Value Int4V(int64_t v) { return Value::Int4(v); }
inline Value Int8V(int64_t v) { return Value::Int8(v); }
inline Value Float4V(double v) { return Value::Float4(v); }
// PostgreSQL's one-byte "char" type (relkind, contype, ...). '\0' is the
// empty value ("no identity"), which PostgreSQL prints as an empty string.
inline Value CharV(char c) {
  return Value::OfString(types::oid::kChar, c == '\0' ? std::string() : std::string(1, c));
}
inline Value NullV(Oid type) { return Value::Null(type); }
inline Value TextOrNull(const std::string& s) { return s.empty() ? NullV(types::oid::kText) : TextV(s); }

// A one-dimensional array of `array_type` (e.g. kTextArray) from the
// elements' text forms, quoted as array_in expects.
Result<Value> ArrayV(Oid array_type, const std::vector<std::string>& elements);
Result<Value> IntArrayV(Oid array_type, const std::vector<int64_t>& elements);
// int2vector / oidvector: space-separated text form ("1 3").
Result<Value> VectorV(Oid vector_type, const std::vector<int64_t>& elements);

}  // namespace db9::catalog::system
