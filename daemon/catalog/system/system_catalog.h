// The pg_catalog and information_schema relations and the catalog functions
// (pg_table_is_visible, format_type, pg_get_indexdef, version() ...), all
// computed from a CatalogState when scanned or called. RegisterSystemCatalog
// adds every one of them to the SystemRegistry; it is meant to be called
// once from RegisterBuiltinSystemObjects() (system_builtins.cc).
//
// What clients read from these (recorded from psql, psycopg, SQLAlchemy and
// pgbench against PostgreSQL 15) is listed in docs/compat/client-queries.md;
// column names, order and types follow PostgreSQL 15, minus columns whose
// types db9 does not have (xid, aclitem ...), which are left out rather than
// faked.
#pragma once

#include "daemon/catalog/system_registry.h"

namespace db9::catalog::system {

// Adds everything below. Stops at the first error (a duplicate name: a bug).
Status RegisterSystemCatalog(SystemRegistry& registry);

// One per file, in the order RegisterSystemCatalog calls them.
Status RegisterPgClass(SystemRegistry& registry);             // pg_class
Status RegisterPgAttribute(SystemRegistry& registry);         // pg_attribute, pg_attrdef
Status RegisterPgType(SystemRegistry& registry);              // pg_type
Status RegisterPgIndex(SystemRegistry& registry);             // pg_index, pg_opclass, pg_am
Status RegisterPgConstraint(SystemRegistry& registry);        // pg_constraint
Status RegisterPgSequence(SystemRegistry& registry);          // pg_sequence, pg_sequences
Status RegisterPgServer(SystemRegistry& registry);            // pg_database, pg_roles, pg_user, pg_collation, pg_extension, pg_proc
Status RegisterPgEmptyCatalogs(SystemRegistry& registry);     // pg_inherits, pg_trigger, ...
Status RegisterPgDescription(SystemRegistry& registry);       // pg_description, obj/col_description
Status RegisterPgSettings(SystemRegistry& registry);          // pg_settings
Status RegisterInformationSchema(SystemRegistry& registry);   // information_schema.*
Status RegisterCatalogFunctions(SystemRegistry& registry);    // pg_table_is_visible, format_type, ...
Status RegisterObjectDefFunctions(SystemRegistry& registry);  // pg_get_indexdef, pg_get_constraintdef, pg_get_expr, pg_indexes
Status RegisterSessionFunctions(SystemRegistry& registry);    // version(), current_schema(), current_user ...
Status RegisterProcFunctions(SystemRegistry& registry);       // pg_function_is_visible, pg_get_function_*
Status RegisterPgDepend(SystemRegistry& registry);            // pg_depend (sequence ownership, views), pg_rewrite
Status RegisterViewCatalog(SystemRegistry& registry);         // pg_views, information_schema.views, pg_get_viewdef, pg_get_ruledef

using CatalogFunctionBody =
    std::function<Result<types::Value>(const SystemContext&, const std::vector<types::Value>&)>;

// Registers one overload; `strict` functions never see NULL arguments.
Status AddFunction(SystemRegistry& registry, std::string name, std::vector<Oid> arguments,
                   Oid result, bool strict, CatalogFunctionBody body);

}  // namespace db9::catalog::system
