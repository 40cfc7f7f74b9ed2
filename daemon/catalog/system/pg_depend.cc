// pg_catalog.pg_depend, for the dependency db9 keeps that clients ask
// about: a sequence owned by a column (serial: deptype 'a', identity:
// deptype 'i'). psql's \d <sequence> prints "Owned by" / "Sequence for
// identity column" from it.
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

constexpr Oid kPgClassOid = 1259;

Result<SystemRows> PgDependRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [oid, seq] : ctx.catalog.sequences()) {
    const Table* table = ctx.catalog.TableByOid(seq.owned_by_table);
    if (table == nullptr) continue;
    const Column* column = table->ColumnByAttnum(seq.owned_by_column);
    bool identity = column != nullptr && column->identity != Identity::kNone &&
                    column->identity_sequence == seq.oid;
    rows.push_back({OidV(kPgClassOid), OidV(seq.oid), Int4V(0), OidV(kPgClassOid),
                    OidV(table->oid), Int4V(seq.owned_by_column), CharV(identity ? 'i' : 'a')});
  }
  return rows;
}

}  // namespace

Status RegisterPgDepend(SystemRegistry& registry) {
  SystemRelation rel;
  rel.oid = 2608;
  rel.name = "pg_depend";
  rel.relkind = 'r';
  rel.columns = {{"classid", t::kOid},    {"objid", t::kOid},      {"objsubid", t::kInt4},
                 {"refclassid", t::kOid}, {"refobjid", t::kOid},   {"refobjsubid", t::kInt4},
                 {"deptype", t::kChar}};
  rel.rows = PgDependRows;
  return registry.AddRelation(std::move(rel));
}

}  // namespace db9::catalog::system
