// Comparison operators from a type's compare function, for modules that add
// orderable types (e.g. a vector or tsvector module).
#pragma once

#include "daemon/functions/registries.h"

namespace db9::functions {

// Registers = <> < <= > >= on (type, type) using the TypeInfo's compare.
// REQUIRES: the type is registered and has a compare function.
Status RegisterComparisonOperatorsFor(Registries& r, Oid type);

}  // namespace db9::functions
