// The built-in system relations and catalog functions. Each module adds a
// Register* call below; keep the bodies in their own files.
#include <mutex>

#include "daemon/catalog/system/system_catalog.h"
#include "daemon/catalog/system_registry.h"

namespace db9::catalog {
namespace {

// pg_catalog.pg_namespace (the schemas), also the worked example of a
// system relation for modules that add more.
Status RegisterPgNamespace(SystemRegistry& registry) {
  SystemRelation rel;
  rel.oid = 2615;
  rel.namespace_oid = kPgCatalogNamespace;
  rel.name = "pg_namespace";
  rel.relkind = 'r';
  rel.columns = {{"oid", types::oid::kOid},
                 {"nspname", types::oid::kName},
                 {"nspowner", types::oid::kOid}};
  rel.rows = [](const SystemContext& ctx) -> Result<SystemRows> {
    SystemRows rows;
    for (const Namespace& ns : ctx.catalog.namespaces()) {
      rows.push_back({types::Value::OfInt(types::oid::kOid, ns.oid),
                      types::Value::OfString(types::oid::kName, ns.name),
                      types::Value::OfInt(types::oid::kOid, 10)});
    }
    return rows;
  };
  return registry.AddRelation(std::move(rel));
}

}  // namespace

void RegisterBuiltinSystemObjects() {
  static std::once_flag once;
  std::call_once(once, [] {
    SystemRegistry& registry = SystemRegistry::Global();
    // Duplicate names are programming errors caught by the unit tests; at
    // run time the first registration wins.
    (void)RegisterPgNamespace(registry);
    (void)system::RegisterSystemCatalog(registry);
  });
}

}  // namespace db9::catalog
