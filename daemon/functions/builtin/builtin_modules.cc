#include "daemon/functions/builtin/builtin_modules.h"

namespace db9::functions {

Status RegisterTypesModule(Registries& r) { return types::RegisterBuiltinTypes(r.types); }

std::span<const ModuleRegisterFn> BuiltinModules() {
  static const ModuleRegisterFn kModules[] = {
      RegisterTypesModule,       RegisterBuiltinCasts,     RegisterComparisonOperators,
      RegisterArithmetic,        RegisterMathFunctions,    RegisterTrigFunctions,
      RegisterNumberFunctions,   RegisterStringFunctions,
      RegisterPatternMatching,   RegisterSimilarTo,        RegisterDatetimeFunctions,
      RegisterDatetimeConstructors, RegisterMiscFunctions,
      RegisterToChar,            RegisterNumericToChar,    RegisterArrayFunctions,
      RegisterArrayContainment,
      RegisterAggregates,        RegisterStatisticsAggregates, RegisterEncodingFunctions,
      RegisterToDateNumber,      RegisterWindowFunctions,
      RegisterSeriesFunctions,   RegisterArraySetFunctions, RegisterPartitionFunctions, RegisterJsonFunctions,
      RegisterVectorFunctions,   RegisterSettingsFunctions,
  };
  return kModules;
}

}  // namespace db9::functions
