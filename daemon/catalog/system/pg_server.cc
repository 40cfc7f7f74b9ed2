// The server-level catalogs: pg_database, pg_roles, pg_user, pg_collation,
// pg_extension, and pg_proc (the function and aggregate registries).
#include "daemon/catalog/builtin_extensions.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"
#include "daemon/functions/registries.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

// PostgreSQL gives the "postgres" database OID 5; a db9 database is one
// tenant store, reached as "postgres", so it is the only row.
constexpr Oid kDatabaseOid = 5;
constexpr int kUtf8Encoding = 6;
// Text compares by code point here, as in PostgreSQL's C.UTF-8 locale.
constexpr const char* kLocale = "C.UTF-8";

Result<SystemRows> PgDatabaseRows(const SystemContext& ctx) {
  return SystemRows{{OidV(kDatabaseOid), NameV(ctx.session.database), OidV(kOwnerOid),
                     Int4V(kUtf8Encoding), CharV('c'), BoolV(false), BoolV(true), Int4V(-1),
                     OidV(1663),  // dattablespace: pg_default
                     TextV(kLocale), TextV(kLocale), NullV(t::kText), NullV(t::kText),
                     NullV(t::kTextArray)}};
}

// The database's one user owns every object and may do everything in it.
Result<SystemRows> PgRolesRows(const SystemContext& ctx) {
  return SystemRows{{NameV(ctx.session.user), BoolV(true), BoolV(true), BoolV(true),
                     BoolV(true), BoolV(true), BoolV(false), Int4V(-1), TextV("********"),
                     NullV(t::kTimestamptz), BoolV(false), NullV(t::kTextArray),
                     OidV(kOwnerOid)}};
}

Result<SystemRows> PgUserRows(const SystemContext& ctx) {
  return SystemRows{{NameV(ctx.session.user), OidV(kOwnerOid), BoolV(true), BoolV(true),
                     BoolV(false), BoolV(false), TextV("********"), NullV(t::kTimestamptz),
                     NullV(t::kTextArray)}};
}

Result<SystemRows> PgCollationRows(const SystemContext&) {
  SystemRows rows;
  auto add = [&](Oid oid, const char* name, char provider, const Value& collate) {
    rows.push_back({OidV(oid), NameV(name), OidV(kPgCatalogNamespace), OidV(kOwnerOid),
                    CharV(provider), BoolV(true), Int4V(-1), collate, collate,
                    NullV(t::kText), NullV(t::kText)});
  };
  add(100, "default", 'd', NullV(t::kText));
  add(950, "C", 'c', TextV("C"));
  add(951, "POSIX", 'c', TextV("POSIX"));
  return rows;
}

// The built-in extensions; CREATE EXTENSION adds no others.
Result<SystemRows> PgExtensionRows(const SystemContext&) {
  SystemRows rows;
  for (const BuiltinExtension& e : BuiltinExtensions()) {
    rows.push_back({OidV(e.oid), NameV(std::string(e.name)), OidV(kOwnerOid),
                    OidV(e.namespace_oid), BoolV(e.relocatable), TextV(std::string(e.version)),
                    NullV(t::kOidArray), NullV(t::kTextArray)});
  }
  return rows;
}

Result<SystemRows> PgProcRows(const SystemContext&) {
  const functions::Registries& r = functions::BuiltinRegistries();
  SystemRows rows;
  auto add = [&](Oid oid, const std::string& name, char kind, Oid ret,
                 const std::vector<Oid>& args, bool strict, char volatility) -> Status {
    DB9_ASSIGN_OR_RETURN(Value argtypes,
                         VectorV(t::kOidVector, std::vector<int64_t>(args.begin(), args.end())));
    rows.push_back({OidV(oid), NameV(name), OidV(kPgCatalogNamespace), OidV(kOwnerOid),
                    OidV(12),  // prolang: internal
                    CharV(kind), BoolV(strict), BoolV(false), CharV(volatility),
                    Int2V(static_cast<int64_t>(args.size())), OidV(ret), std::move(argtypes)});
    return Status::OK();
  };
  for (const auto& f : r.functions.all()) {
    DB9_RETURN_IF_ERROR(add(f->oid, f->name, 'f', f->return_type, f->arg_types, f->strict,
                            static_cast<char>(f->volatility)));
  }
  for (const auto& a : r.aggregates.all()) {
    DB9_RETURN_IF_ERROR(add(a->oid, a->name, 'a', a->return_type, a->arg_types, false, 'i'));
  }
  return rows;
}

}  // namespace

Status RegisterPgServer(SystemRegistry& registry) {
  SystemRelation database;
  database.oid = 1262;
  database.name = "pg_database";
  database.relkind = 'r';
  database.columns = {
      {"oid", t::kOid}, {"datname", t::kName}, {"datdba", t::kOid}, {"encoding", t::kInt4},
      {"datlocprovider", t::kChar}, {"datistemplate", t::kBool}, {"datallowconn", t::kBool},
      {"datconnlimit", t::kInt4}, {"dattablespace", t::kOid}, {"datcollate", t::kText},
      {"datctype", t::kText}, {"daticulocale", t::kText}, {"datcollversion", t::kText},
      {"datacl", t::kTextArray},  // aclitem[] in PostgreSQL; NULL = default privileges
  };
  database.rows = PgDatabaseRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(database)));

  SystemRelation roles;
  roles.oid = 12000;
  roles.name = "pg_roles";
  roles.columns = {
      {"rolname", t::kName}, {"rolsuper", t::kBool}, {"rolinherit", t::kBool},
      {"rolcreaterole", t::kBool}, {"rolcreatedb", t::kBool}, {"rolcanlogin", t::kBool},
      {"rolreplication", t::kBool}, {"rolconnlimit", t::kInt4}, {"rolpassword", t::kText},
      {"rolvaliduntil", t::kTimestamptz}, {"rolbypassrls", t::kBool},
      {"rolconfig", t::kTextArray}, {"oid", t::kOid},
  };
  roles.rows = PgRolesRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(roles)));

  SystemRelation user;
  user.oid = 12014;
  user.name = "pg_user";
  user.columns = {
      {"usename", t::kName}, {"usesysid", t::kOid}, {"usecreatedb", t::kBool},
      {"usesuper", t::kBool}, {"userepl", t::kBool}, {"usebypassrls", t::kBool},
      {"passwd", t::kText}, {"valuntil", t::kTimestamptz}, {"useconfig", t::kTextArray},
  };
  user.rows = PgUserRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(user)));

  SystemRelation collation;
  collation.oid = 3456;
  collation.name = "pg_collation";
  collation.relkind = 'r';
  collation.columns = {
      {"oid", t::kOid}, {"collname", t::kName}, {"collnamespace", t::kOid},
      {"collowner", t::kOid}, {"collprovider", t::kChar}, {"collisdeterministic", t::kBool},
      {"collencoding", t::kInt4}, {"collcollate", t::kText}, {"collctype", t::kText},
      {"colliculocale", t::kText}, {"collversion", t::kText},
  };
  collation.rows = PgCollationRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(collation)));

  SystemRelation extension;
  extension.oid = 3079;
  extension.name = "pg_extension";
  extension.relkind = 'r';
  extension.columns = {
      {"oid", t::kOid}, {"extname", t::kName}, {"extowner", t::kOid},
      {"extnamespace", t::kOid}, {"extrelocatable", t::kBool}, {"extversion", t::kText},
      {"extconfig", t::kOidArray}, {"extcondition", t::kTextArray},
  };
  extension.rows = PgExtensionRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(extension)));

  SystemRelation proc;
  proc.oid = 1255;
  proc.name = "pg_proc";
  proc.relkind = 'r';
  proc.columns = {
      {"oid", t::kOid}, {"proname", t::kName}, {"pronamespace", t::kOid},
      {"proowner", t::kOid}, {"prolang", t::kOid}, {"prokind", t::kChar},
      {"proisstrict", t::kBool}, {"proretset", t::kBool}, {"provolatile", t::kChar},
      {"pronargs", t::kInt2}, {"prorettype", t::kOid}, {"proargtypes", t::kOidVector},
  };
  proc.rows = PgProcRows;
  return registry.AddRelation(std::move(proc));
}

}  // namespace db9::catalog::system
