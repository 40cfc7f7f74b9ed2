#include "daemon/functions/builtin/builtin_modules.h"

namespace db9::functions {

Status RegisterTypesModule(Registries& r) { return types::RegisterBuiltinTypes(r.types); }

std::span<const ModuleRegisterFn> BuiltinModules() {
  static const ModuleRegisterFn kModules[] = {
      RegisterTypesModule,       RegisterBuiltinCasts,     RegisterComparisonOperators,
      RegisterArithmetic,        RegisterMathFunctions,    RegisterStringFunctions,
      RegisterPatternMatching,   RegisterDatetimeFunctions, RegisterMiscFunctions,
      RegisterToChar,            RegisterNumericToChar,    RegisterArrayFunctions,
      RegisterAggregates,        RegisterStatisticsAggregates, RegisterEncodingFunctions,
      RegisterToDateNumber,      RegisterSettingsFunctions,
  };
  return kModules;
}

}  // namespace db9::functions
