// pg_catalog.pg_constraint: primary key, unique, check and foreign key
// constraints (NOT NULL lives on pg_attribute, as in PostgreSQL 15).
#include <algorithm>

#include "daemon/catalog/system/constraints.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {

Oid ForeignKeyIndex(const CatalogState& state, const Constraint& fk) {
  const Table* ref = state.TableByOid(fk.ref_table);
  if (ref == nullptr) return 0;
  std::vector<int16_t> wanted = fk.ref_columns;
  std::sort(wanted.begin(), wanted.end());
  for (const Index& index : ref->indexes) {
    if (!index.unique && !index.primary) continue;
    std::vector<int16_t> cols;
    for (const IndexColumn& c : index.columns) cols.push_back(c.attnum);
    std::sort(cols.begin(), cols.end());
    if (cols == wanted) return index.oid;
  }
  return 0;
}

std::vector<std::string> ColumnNames(const Table& table, const std::vector<int16_t>& attnums) {
  std::vector<std::string> names;
  for (int16_t attnum : attnums) {
    const Column* col = table.ColumnByAttnum(attnum);
    names.push_back(col != nullptr ? col->name : "?");
  }
  return names;
}

namespace {

namespace t = types::oid;

std::vector<int64_t> Widen(const std::vector<int16_t>& v) { return {v.begin(), v.end()}; }

Result<SystemRows> PgConstraintRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [table_oid, table] : ctx.catalog.tables()) {
    for (const Constraint& c : table.constraints) {
      if (c.type == ConstraintType::kNotNull) continue;
      bool fk = c.type == ConstraintType::kForeignKey;
      Oid index_oid = fk ? ForeignKeyIndex(ctx.catalog, c) : c.index_oid;
      DB9_ASSIGN_OR_RETURN(Value conkey, IntArrayV(t::kInt2Array, Widen(c.columns)));
      Value confkey = NullV(t::kInt2Array);
      if (fk) {
        DB9_ASSIGN_OR_RETURN(confkey, IntArrayV(t::kInt2Array, Widen(c.ref_columns)));
      }
      rows.push_back({
          OidV(c.oid), NameV(c.name), OidV(table.namespace_oid),
          CharV(static_cast<char>(c.type)),
          BoolV(false), BoolV(false), BoolV(true),  // condeferrable, condeferred, convalidated
          OidV(table_oid), OidV(0), OidV(index_oid),  // conrelid, contypid, conindid
          OidV(0), OidV(c.ref_table),                 // conparentid, confrelid
          CharV(fk ? static_cast<char>(c.on_update) : ' '),
          CharV(fk ? static_cast<char>(c.on_delete) : ' '),
          CharV(fk ? 's' : ' '),                      // confmatchtype: MATCH SIMPLE
          BoolV(true), Int4V(0), BoolV(false),        // conislocal, coninhcount, connoinherit
          std::move(conkey), std::move(confkey),
          // conbin is pg_node_tree in PostgreSQL: the CHECK expression.
          c.type == ConstraintType::kCheck ? TextV(c.check_expr) : NullV(t::kText),
      });
    }
  }
  return rows;
}

}  // namespace

Status RegisterPgConstraint(SystemRegistry& registry) {
  SystemRelation rel;
  rel.oid = 2606;
  rel.name = "pg_constraint";
  rel.relkind = 'r';
  rel.columns = {
      {"oid", t::kOid}, {"conname", t::kName}, {"connamespace", t::kOid},
      {"contype", t::kChar}, {"condeferrable", t::kBool}, {"condeferred", t::kBool},
      {"convalidated", t::kBool}, {"conrelid", t::kOid}, {"contypid", t::kOid},
      {"conindid", t::kOid}, {"conparentid", t::kOid}, {"confrelid", t::kOid},
      {"confupdtype", t::kChar}, {"confdeltype", t::kChar}, {"confmatchtype", t::kChar},
      {"conislocal", t::kBool}, {"coninhcount", t::kInt4}, {"connoinherit", t::kBool},
      {"conkey", t::kInt2Array}, {"confkey", t::kInt2Array}, {"conbin", t::kText},
  };
  rel.rows = PgConstraintRows;
  return registry.AddRelation(std::move(rel));
}

}  // namespace db9::catalog::system
