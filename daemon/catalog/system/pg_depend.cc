// pg_catalog.pg_depend, for the dependencies db9 keeps that clients ask
// about: a sequence owned by a column (serial: deptype 'a', identity:
// deptype 'i'; psql's \d <sequence> prints "Owned by" / "Sequence for
// identity column" from it), and a view on the relations it reads.
//
// In PostgreSQL a view is a relation plus a _RETURN rule in pg_rewrite,
// and the rule is what depends on the relations the query reads. db9 shows
// the same shape: one pg_rewrite row per view whose OID is the view's own
// (OIDs are unique per catalog, so this collides with nothing), and one
// pg_depend row (deptype 'n') per relation the view reads.
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

constexpr Oid kPgClassOid = 1259;
constexpr Oid kPgRewriteOid = 2618;

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
  for (const auto& [oid, view] : ctx.catalog.views()) {
    rows.push_back({OidV(kPgRewriteOid), OidV(oid), Int4V(0), OidV(kPgClassOid), OidV(oid),
                    Int4V(0), CharV('i')});
    for (Oid read : view.depends_on) {
      rows.push_back({OidV(kPgRewriteOid), OidV(oid), Int4V(0), OidV(kPgClassOid), OidV(read),
                      Int4V(0), CharV('n')});
    }
  }
  return rows;
}

// ev_qual and ev_action are pg_node_tree in PostgreSQL (read through
// pg_get_ruledef); db9 keeps no rule trees, so they are NULL.
Result<SystemRows> PgRewriteRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [oid, view] : ctx.catalog.views()) {
    rows.push_back({OidV(oid), NameV("_RETURN"), OidV(oid), CharV('1'), CharV('O'), BoolV(true),
                    NullV(t::kText), NullV(t::kText)});
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
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(rel)));

  SystemRelation rewrite;
  rewrite.oid = kPgRewriteOid;
  rewrite.name = "pg_rewrite";
  rewrite.relkind = 'r';
  rewrite.columns = {{"oid", t::kOid},         {"rulename", t::kName},  {"ev_class", t::kOid},
                     {"ev_type", t::kChar},    {"ev_enabled", t::kChar}, {"is_instead", t::kBool},
                     {"ev_qual", t::kText},    {"ev_action", t::kText}};
  rewrite.rows = PgRewriteRows;
  return registry.AddRelation(std::move(rewrite));
}

}  // namespace db9::catalog::system
