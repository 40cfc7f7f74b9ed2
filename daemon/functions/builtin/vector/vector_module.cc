#include "daemon/functions/builtin/vector/vector_module.h"

#include "daemon/functions/builtin/builtin_modules.h"

namespace db9::functions {

Status RegisterVectorFunctions(Registries& r) {
  for (auto part : {vector::RegisterVectorDistances, vector::RegisterVectorArithmetic,
                    vector::RegisterVectorUtilities, vector::RegisterVectorCasts,
                    vector::RegisterVectorAggregates}) {
    DB9_RETURN_IF_ERROR(part(r));
  }
  return Status::OK();
}

}  // namespace db9::functions
