// The built-in modules, in registration order. To add a module that lives
// in db9_functions, declare it here and list it in BuiltinModules();
// modules from higher libraries go to Registries::Create(extra).
#pragma once

#include <span>

#include "daemon/functions/registries.h"

namespace db9::functions {

Status RegisterTypesModule(Registries& r);        // types::RegisterBuiltinTypes
Status RegisterBuiltinCasts(Registries& r);       // casts.cc
Status RegisterComparisonOperators(Registries& r);  // comparison.cc
Status RegisterArithmetic(Registries& r);         // arithmetic.cc
Status RegisterMathFunctions(Registries& r);      // math_functions.cc
Status RegisterTrigFunctions(Registries& r);      // trig_functions.cc
Status RegisterNumberFunctions(Registries& r);    // number_functions.cc
Status RegisterStringFunctions(Registries& r);    // string_functions.cc
Status RegisterPatternMatching(Registries& r);    // pattern_matching.cc
Status RegisterSimilarTo(Registries& r);          // similar_to.cc
Status RegisterDatetimeFunctions(Registries& r);  // datetime_functions.cc
Status RegisterDatetimeConstructors(Registries& r);  // datetime_constructors.cc
Status RegisterMiscFunctions(Registries& r);      // misc_functions.cc
Status RegisterToChar(Registries& r);             // to_char.cc
Status RegisterNumericToChar(Registries& r);      // to_char_numeric.cc
Status RegisterArrayFunctions(Registries& r);     // array_functions.cc
Status RegisterArrayContainment(Registries& r);   // array_containment.cc
Status RegisterAggregates(Registries& r);         // aggregates.cc
Status RegisterStatisticsAggregates(Registries& r);  // statistics_aggregates.cc
Status RegisterWindowFunctions(Registries& r);    // window_functions.cc
Status RegisterEncodingFunctions(Registries& r);  // encoding_functions.cc
Status RegisterToDateNumber(Registries& r);       // to_date_number.cc
Status RegisterSeriesFunctions(Registries& r);    // srf_series.cc (set-returning)
Status RegisterArraySetFunctions(Registries& r);  // srf_arrays.cc (set-returning)
Status RegisterPartitionFunctions(Registries& r); // srf_partitions.cc (set-returning)
Status RegisterJsonFunctions(Registries& r);     // jsonb/json_module.cc
Status RegisterVectorFunctions(Registries& r);   // vector/vector_module.cc
Status RegisterSettingsFunctions(Registries& r);  // settings_functions.cc

std::span<const ModuleRegisterFn> BuiltinModules();

}  // namespace db9::functions
