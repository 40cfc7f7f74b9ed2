// The vector module (pgvector 0.8's functions on the built-in vector type
// of daemon/types/vector_value.h): the parts it registers, one file each.
// The entry point, RegisterVectorFunctions, is listed in builtin_modules.h.
// B-tree comparison operators and min/max come with every orderable type.
#pragma once

#include "daemon/functions/registries.h"

namespace db9::functions::vector {

Status RegisterVectorDistances(Registries& r);   // vector_distances.cc
Status RegisterVectorArithmetic(Registries& r);  // vector_arithmetic.cc
Status RegisterVectorUtilities(Registries& r);   // vector_utilities.cc
Status RegisterVectorCasts(Registries& r);       // vector_casts.cc
Status RegisterVectorAggregates(Registries& r);  // vector_aggregates.cc

// a + b element-wise (the + operator, and sum's step): 22000 when the
// dimension counts differ, 22003 when an element overflows float.
Result<Value> AddVectors(const Value& a, const Value& b);

}  // namespace db9::functions::vector
