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
// One session parameter as pg_settings shows it.
struct SettingInfo {
  std::string name;        // PostgreSQL's spelling
  std::string setting;     // the current value
  std::string unit;        // "ms", "kB", "8kB"; empty: none (NULL)
  std::string category;    // "Client Connection Defaults / Statement Behavior"
  std::string short_desc;
  std::string context;     // "user", "internal", "superuser", "backend"
  std::string vartype;     // "bool", "integer", "real", "string", "enum"
  std::string boot_val;    // the built-in default
  std::string min_val, max_val;  // numeric settings only; empty: NULL
};

struct SessionInfo {
  std::string user;
  std::string database;
  std::vector<std::string> search_path;  // as SET search_path gave it, parsed
  std::string application_name;
  int32_t backend_pid = 0;   // pg_backend_pid(): the pid of BackendKeyData
  int32_t server_port = 0;   // inet_server_port(); 0: not over TCP (NULL)
  // txid_current(): the current transaction's id, assigned on first use so
  // that transactions which never ask consume none (as PostgreSQL's xids).
  std::function<Result<int64_t>()> transaction_id = nullptr;
  // pg_settings: every parameter of the session, with its current value.
  std::function<std::vector<SettingInfo>()> settings = nullptr;
};

class SequenceStore;

struct SystemContext {
  const CatalogState& catalog;
  const SessionInfo& session;
  // The current values of sequences (pg_sequences.last_value); may be null.
  SequenceStore* sequences = nullptr;
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
