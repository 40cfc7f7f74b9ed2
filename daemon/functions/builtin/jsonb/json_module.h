// The json/jsonb module: the parts it registers, one file each. The module
// entry point, RegisterJsonFunctions, is listed in builtin_modules.h.
#pragma once

#include "daemon/functions/registries.h"

namespace db9::functions::json {

Status RegisterJsonAccess(Registries& r);       // json_access.cc
Status RegisterJsonbContainment(Registries& r);  // jsonb_containment.cc
Status RegisterJsonbEdits(Registries& r);       // jsonb_edits.cc
Status RegisterJsonBuild(Registries& r);        // json_build.cc
Status RegisterJsonAggregates(Registries& r);   // json_aggregates.cc
Status RegisterJsonCasts(Registries& r);        // json_casts.cc
Status RegisterJsonSets(Registries& r);         // json_sets.cc (set-returning)

}  // namespace db9::functions::json
