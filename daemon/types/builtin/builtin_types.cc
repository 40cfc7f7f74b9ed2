#include "daemon/types/builtin/builtin_types.h"

namespace db9::types {

Status RegisterBuiltinTypes(TypeRegistry& r) {
  // Arrays last: an array entry needs its element registered.
  for (auto fn : {RegisterBoolType, RegisterIntegerTypes, RegisterFloatTypes, RegisterNumericType,
                  RegisterStringTypes, RegisterByteaType, RegisterDatetimeTypes, RegisterUuidType,
                  RegisterJsonTypes, RegisterPgvectorType, RegisterBitType, RegisterPseudoTypes,
                  RegisterArrayTypes, RegisterVectorTypes}) {
    DB9_RETURN_IF_ERROR(fn(r));
  }
  return Status::OK();
}

}  // namespace db9::types
