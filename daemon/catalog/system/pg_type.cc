// pg_catalog.pg_type: one row per entry of the type registry, with
// PostgreSQL's OIDs, array links and delimiters (psycopg's TypeInfo and
// SQLAlchemy's reflection read these).
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

// pg_type.typstorage: plain for fixed-size types; numeric is 'm' (main)
// in PostgreSQL; other variable-length types are extended.
char Storage(const types::TypeInfo& type) {
  if (type.typlen > 0) return 'p';
  if (type.oid == t::kNumeric) return 'm';
  return 'x';
}

// name is a fixed-length array of "char" that subscripts like one
// (name[0]), so PostgreSQL gives it typelem 18 without making it an array
// type; the registry keeps element_oid for real arrays only.
Oid TypElem(const types::TypeInfo& type) {
  return type.oid == t::kName ? t::kChar : type.element_oid;
}

Result<SystemRows> PgTypeRows(const SystemContext&) {
  SystemRows rows;
  for (const auto& entry : Types().all()) {
    const types::TypeInfo& type = *entry;
    char typtype = type.category == types::category::kPseudo ? 'p' : 'b';
    rows.push_back({
        OidV(type.oid), NameV(type.name), OidV(type.namespace_oid), OidV(kOwnerOid),
        Int2V(type.typlen), BoolV(type.byval), CharV(typtype), CharV(type.category),
        BoolV(type.preferred), BoolV(true),   // typispreferred, typisdefined
        CharV(type.delimiter), OidV(0),       // typdelim, typrelid
        OidV(TypElem(type)), OidV(type.array_oid),
        CharV(type.align), CharV(Storage(type)),
        BoolV(false), OidV(0), Int4V(-1), Int4V(0),  // typnotnull, typbasetype, typtypmod, typndims
        OidV(TypeCollation(type)),
        NullV(t::kText),                      // typdefault
    });
  }
  return rows;
}

}  // namespace

Status RegisterPgType(SystemRegistry& registry) {
  SystemRelation rel;
  rel.oid = 1247;
  rel.name = "pg_type";
  rel.relkind = 'r';
  rel.columns = {
      {"oid", t::kOid}, {"typname", t::kName}, {"typnamespace", t::kOid},
      {"typowner", t::kOid}, {"typlen", t::kInt2}, {"typbyval", t::kBool},
      {"typtype", t::kChar}, {"typcategory", t::kChar}, {"typispreferred", t::kBool},
      {"typisdefined", t::kBool}, {"typdelim", t::kChar}, {"typrelid", t::kOid},
      {"typelem", t::kOid}, {"typarray", t::kOid}, {"typalign", t::kChar},
      {"typstorage", t::kChar}, {"typnotnull", t::kBool}, {"typbasetype", t::kOid},
      {"typtypmod", t::kInt4}, {"typndims", t::kInt4}, {"typcollation", t::kOid},
      {"typdefault", t::kText},
  };
  rel.rows = PgTypeRows;
  return registry.AddRelation(std::move(rel));
}

}  // namespace db9::catalog::system
