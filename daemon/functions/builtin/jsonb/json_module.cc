// json and jsonb functions, operators, casts and aggregates: the module
// RegisterJsonFunctions (builtin_modules.h). The types themselves are
// daemon/types' (json_value.h, json_text.h, json_order.h), so jsonb's
// comparison operators come with every other orderable type's.
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/jsonb/json_module.h"

namespace db9::functions {

Status RegisterJsonFunctions(Registries& r) {
  for (auto part : {json::RegisterJsonAccess, json::RegisterJsonbContainment,
                    json::RegisterJsonbEdits, json::RegisterJsonBuild, json::RegisterJsonAggregates,
                    json::RegisterJsonCasts, json::RegisterJsonSets}) {
    DB9_RETURN_IF_ERROR(part(r));
  }
  return Status::OK();
}

}  // namespace db9::functions
