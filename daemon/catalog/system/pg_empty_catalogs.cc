// Catalogs of features db9 does not have — inheritance and
// partitioning, triggers, row security, extended statistics, publications,
// enums, role membership. They exist with PostgreSQL's columns and no rows, so
// the queries psql and SQLAlchemy send (which join or probe them) answer
// truthfully: there are none.
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

constexpr Oid kCharArray = 1002;  // "char"[]

Status AddEmpty(SystemRegistry& registry, Oid oid, const char* name,
                std::vector<SystemColumn> columns) {
  SystemRelation rel;
  rel.oid = oid;
  rel.name = name;
  rel.relkind = 'r';
  rel.columns = std::move(columns);
  rel.rows = [](const SystemContext&) -> Result<SystemRows> { return SystemRows{}; };
  return registry.AddRelation(std::move(rel));
}

}  // namespace

Status RegisterPgEmptyCatalogs(SystemRegistry& r) {
  // A database has one role, so no role is a member of another (psql's \du).
  DB9_RETURN_IF_ERROR(AddEmpty(r, 1261, "pg_auth_members",
                               {{"oid", t::kOid}, {"roleid", t::kOid}, {"member", t::kOid},
                                {"grantor", t::kOid}, {"admin_option", t::kBool}}));
  DB9_RETURN_IF_ERROR(AddEmpty(r, 2611, "pg_inherits",
                               {{"inhrelid", t::kOid}, {"inhparent", t::kOid},
                                {"inhseqno", t::kInt4}, {"inhdetachpending", t::kBool}}));
  DB9_RETURN_IF_ERROR(AddEmpty(
      r, 3350, "pg_partitioned_table",
      {{"partrelid", t::kOid}, {"partstrat", t::kChar}, {"partnatts", t::kInt2},
       {"partdefid", t::kOid}, {"partattrs", t::kInt2Vector}, {"partclass", t::kOidVector},
       {"partcollation", t::kOidVector}, {"partexprs", t::kText}}));
  DB9_RETURN_IF_ERROR(AddEmpty(
      r, 2620, "pg_trigger",
      {{"oid", t::kOid}, {"tgrelid", t::kOid}, {"tgparentid", t::kOid}, {"tgname", t::kName},
       {"tgfoid", t::kOid}, {"tgtype", t::kInt2}, {"tgenabled", t::kChar},
       {"tgisinternal", t::kBool}, {"tgconstrrelid", t::kOid}, {"tgconstrindid", t::kOid},
       {"tgconstraint", t::kOid}, {"tgdeferrable", t::kBool}, {"tginitdeferred", t::kBool},
       {"tgnargs", t::kInt2}, {"tgattr", t::kInt2Vector}, {"tgargs", t::kBytea},
       {"tgqual", t::kText}, {"tgoldtable", t::kName}, {"tgnewtable", t::kName}}));
  DB9_RETURN_IF_ERROR(AddEmpty(
      r, 3256, "pg_policy",
      {{"oid", t::kOid}, {"polname", t::kName}, {"polrelid", t::kOid}, {"polcmd", t::kChar},
       {"polpermissive", t::kBool}, {"polroles", t::kOidArray}, {"polqual", t::kText},
       {"polwithcheck", t::kText}}));
  DB9_RETURN_IF_ERROR(AddEmpty(
      r, 3381, "pg_statistic_ext",
      {{"oid", t::kOid}, {"stxrelid", t::kOid}, {"stxname", t::kName},
       {"stxnamespace", t::kOid}, {"stxowner", t::kOid}, {"stxstattarget", t::kInt4},
       {"stxkeys", t::kInt2Vector}, {"stxkind", kCharArray}, {"stxexprs", t::kText}}));
  DB9_RETURN_IF_ERROR(AddEmpty(
      r, 6104, "pg_publication",
      {{"oid", t::kOid}, {"pubname", t::kName}, {"pubowner", t::kOid},
       {"puballtables", t::kBool}, {"pubinsert", t::kBool}, {"pubupdate", t::kBool},
       {"pubdelete", t::kBool}, {"pubtruncate", t::kBool}, {"pubviaroot", t::kBool}}));
  DB9_RETURN_IF_ERROR(AddEmpty(r, 6237, "pg_publication_namespace",
                               {{"oid", t::kOid}, {"pnpubid", t::kOid}, {"pnnspid", t::kOid}}));
  DB9_RETURN_IF_ERROR(AddEmpty(
      r, 6106, "pg_publication_rel",
      {{"oid", t::kOid}, {"prpubid", t::kOid}, {"prrelid", t::kOid}, {"prqual", t::kText},
       {"prattrs", t::kInt2Vector}}));
  return AddEmpty(r, 3501, "pg_enum",
                  {{"oid", t::kOid}, {"enumtypid", t::kOid}, {"enumsortorder", t::kFloat4},
                   {"enumlabel", t::kName}});
}

}  // namespace db9::catalog::system
