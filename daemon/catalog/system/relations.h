// Every relation-like object of a catalog snapshot as pg_class sees it:
// stored tables, their indexes, sequences, views and the registered system
// relations, with the name-visibility rule (pg_table_is_visible) that
// psql and SQLAlchemy filter on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/system_registry.h"
#include "daemon/types/type_registry.h"

namespace db9::catalog::system {

struct RelationEntry {
  Oid oid = 0;
  std::string_view name;
  Oid namespace_oid = 0;
  char relkind = 'r';                    // 'r' table, 'i' index, 'S' sequence, 'v' view
  const Table* table = nullptr;          // tables; for indexes, the indexed table
  const Index* index = nullptr;          // indexes
  const Sequence* sequence = nullptr;    // sequences
  const SystemRelation* system = nullptr;  // system relations
  const View* view = nullptr;              // views
};

// System relations first, then tables (each followed by its indexes), then
// sequences, then views. Pointers live as long as `state` and the global registry.
std::vector<RelationEntry> AllRelations(const CatalogState& state);
// nullptr-free lookup: false when no relation has this OID.
bool RelationByOid(const CatalogState& state, Oid oid, RelationEntry* out);

// The namespaces unqualified names are searched in, in order: pg_catalog
// first unless the path lists it, then the path's schemas that exist
// ("$user" and unknown names skipped), as PostgreSQL's effective path.
std::vector<Oid> EffectiveSearchPath(const CatalogState& state,
                                     const std::vector<std::string>& search_path);

// pg_table_is_visible: the relation's schema is on the path and no schema
// earlier on the path has a relation of the same name.
bool RelationVisible(const CatalogState& state, const std::vector<std::string>& search_path,
                     const RelationEntry& relation);

// "name" when visible on the path, else "schema.name", each part quoted as
// an identifier when needed: regclass output and pg_get_constraintdef's
// REFERENCES clause print relations this way.
std::string RelationDisplayName(const CatalogState& state,
                                const std::vector<std::string>& search_path,
                                const RelationEntry& relation);

std::string NamespaceName(const CatalogState& state, Oid namespace_oid);

// The type registry pg_type and format_type describe (the built-in one).
const types::TypeRegistry& Types();
// pg_type.typcollation: "default" (100) for the collatable string types,
// "C" (950) for name, 0 otherwise.
Oid TypeCollation(const types::TypeInfo& type);

}  // namespace db9::catalog::system
