// The built-in type modules; builtin_types.cc lists them in
// RegisterBuiltinTypes (type_registry.h). Each registers its entries.
#pragma once

#include "daemon/types/type_registry.h"

namespace db9::types {

Status RegisterBoolType(TypeRegistry& r);
Status RegisterIntegerTypes(TypeRegistry& r);  // int2 int4 int8 oid regclass regtype regproc
Status RegisterFloatTypes(TypeRegistry& r);
Status RegisterNumericType(TypeRegistry& r);
Status RegisterStringTypes(TypeRegistry& r);   // text varchar bpchar name "char" unknown
Status RegisterByteaType(TypeRegistry& r);
Status RegisterDatetimeTypes(TypeRegistry& r); // date time timestamp timestamptz interval
Status RegisterUuidType(TypeRegistry& r);
Status RegisterJsonTypes(TypeRegistry& r);     // json jsonb
Status RegisterPgvectorType(TypeRegistry& r);  // vector (vector_value.h)
Status RegisterBitType(TypeRegistry& r);       // bit(n)
Status RegisterPseudoTypes(TypeRegistry& r);   // void record any anyelement anyarray trigger
Status RegisterArrayTypes(TypeRegistry& r);    // _int2 _int4 ... after their elements
Status RegisterVectorTypes(TypeRegistry& r);   // int2vector oidvector (0-based, "1 2")

}  // namespace db9::types
