#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {

Status RegisterSystemCatalog(SystemRegistry& registry) {
  for (auto* add : {&RegisterPgClass, &RegisterPgAttribute, &RegisterPgType, &RegisterPgIndex,
                    &RegisterPgConstraint, &RegisterPgSequence, &RegisterPgServer,
                    &RegisterPgEmptyCatalogs, &RegisterPgDescription, &RegisterPgSettings,
                    &RegisterInformationSchema,
                    &RegisterCatalogFunctions, &RegisterObjectDefFunctions,
                    &RegisterSessionFunctions, &RegisterProcFunctions,
                    &RegisterPgDepend, &RegisterViewCatalog}) {
    DB9_RETURN_IF_ERROR(add(registry));
  }
  return Status::OK();
}

Status AddFunction(SystemRegistry& registry, std::string name, std::vector<Oid> arguments,
                   Oid result, bool strict, CatalogFunctionBody body) {
  CatalogFunction f;
  f.name = std::move(name);
  f.argument_types = std::move(arguments);
  f.result_type = result;
  f.strict = strict;
  f.call = std::move(body);
  return registry.AddFunction(std::move(f));
}

}  // namespace db9::catalog::system
