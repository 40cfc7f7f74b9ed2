// Shared by the information_schema relation files.
#pragma once

#include <string>
#include <vector>

#include "daemon/catalog/system_registry.h"

namespace db9::catalog::system {

// Adds a relation in the information_schema namespace (a view).
Status AddInformationSchemaView(SystemRegistry& registry, Oid oid, const char* name,
                                std::vector<SystemColumn> columns,
                                std::function<Result<SystemRows>(const SystemContext&)> rows);

Status RegisterInformationSchemaTables(SystemRegistry& registry);       // tables, columns, schemata
Status RegisterInformationSchemaConstraints(SystemRegistry& registry);  // table_constraints, key_column_usage,
                                                                        // referential_constraints, sequences

}  // namespace db9::catalog::system
