// SystemRegistry: relations and functions computed from the catalog rather
// than stored — pg_catalog.pg_class, pg_attribute, information_schema.tables,
// pg_table_is_visible(), format_type(), current_schema(), version() ...
//
// How to add one (the pg_catalog / information_schema module does this):
//
//   SystemRelation rel;
//   rel.oid = 1259;                                 // PostgreSQL's pg_class OID
//   rel.namespace_oid = kPgCatalogNamespace;
//   rel.name = "pg_class";
//   rel.columns = {{"oid", types::oid::kOid}, {"relname", types::oid::kName}, ...};
//   rel.rows = [](const SystemContext& ctx) -> Result<SystemRows> {
//     SystemRows rows;
//     for (const auto& [oid, table] : ctx.catalog.tables()) rows.push_back({...});
//     return rows;
//   };
//   registry.AddRelation(std::move(rel));
//
// and call your registering function from RegisterBuiltinSystemObjects()
// (system_builtins.cc), which every Database runs once at open. Rows must
// have exactly the declared columns, each Value of the declared type (or a
// NULL). The engine evaluates WHERE/joins/ORDER BY on top, so a producer
// just returns every row; it runs once per scan, in the scanning
// transaction's catalog view (its own uncommitted DDL included).
//
// Catalog functions are looked up by name before the function registry, so
// they may also override nothing there; argument types are matched with the
// usual implicit casts (an int2 argument reaches an int4 parameter).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::catalog {

// Who is asking: the session's identity and name-resolution settings.
struct SessionInfo {
  std::string user;
  std::string database;
  std::vector<std::string> search_path;  // as SET search_path gave it, parsed
  std::string application_name;
};

struct SystemContext {
  const CatalogState& catalog;
  const SessionInfo& session;
};

struct SystemColumn {
  std::string name;
  Oid type = 0;
  int32_t typmod = -1;
};

using SystemRows = std::vector<std::vector<types::Value>>;

struct SystemRelation {
  Oid oid = 0;
  Oid namespace_oid = kPgCatalogNamespace;
  std::string name;
  char relkind = 'v';  // 'r' for catalog tables such as pg_class, 'v' for views
  std::vector<SystemColumn> columns;
  std::function<Result<SystemRows>(const SystemContext&)> rows;
};

struct CatalogFunction {
  std::string name;                // lower case, unqualified ("pg_table_is_visible")
  std::vector<Oid> argument_types; // exact parameter types
  Oid result_type = 0;
  // true: any NULL argument gives NULL without calling `call`.
  bool strict = true;
  std::function<Result<types::Value>(const SystemContext&, const std::vector<types::Value>&)> call;
};

// Process-wide; filled once at startup, read-only afterwards (lookups take
// no lock once registration is over, so register before serving queries).
class SystemRegistry {
 public:
  static SystemRegistry& Global();

  // 42P07 if a relation of that name is already in the namespace.
  Status AddRelation(SystemRelation relation);
  // 42723 if a function with the same name and argument types exists.
  Status AddFunction(CatalogFunction function);

  const SystemRelation* FindRelation(Oid namespace_oid, std::string_view name) const;
  const SystemRelation* RelationByOid(Oid oid) const;
  const std::vector<std::unique_ptr<SystemRelation>>& relations() const { return relations_; }
  // Every overload of `name`.
  std::vector<const CatalogFunction*> FindFunctions(std::string_view name) const;

 private:
  std::vector<std::unique_ptr<SystemRelation>> relations_;
  std::multimap<std::string, std::unique_ptr<CatalogFunction>, std::less<>> functions_;
};

// Registers everything built in; idempotent and thread-safe (runs once).
// Defined in system_builtins.cc: add your module's registration call there.
void RegisterBuiltinSystemObjects();

}  // namespace db9::catalog
