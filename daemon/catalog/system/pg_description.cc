// pg_catalog.pg_description and obj_description() / col_description():
// the comments COMMENT ON stores on tables and their columns. They live on
// the catalog objects themselves, so they go when the object goes.
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;
using Args = std::vector<Value>;

constexpr Oid kPgClassOid = 1259;  // pg_description.classoid of relations and their columns

// The comment on relation `relation` (objsubid 0) or on its column with
// attnum `objsubid`; empty when there is none.
std::string Description(const CatalogState& catalog, Oid relation, int64_t objsubid) {
  const Table* table = catalog.TableByOid(relation);
  if (table == nullptr) return {};
  if (objsubid == 0) return table->comment;
  if (objsubid < 0 || objsubid > INT16_MAX) return {};
  const Column* column = table->ColumnByAttnum(static_cast<int16_t>(objsubid));
  return column == nullptr ? std::string() : column->comment;
}

Result<SystemRows> PgDescriptionRows(const SystemContext& ctx) {
  SystemRows rows;
  auto add = [&rows](Oid oid, int32_t subid, const std::string& text) {
    if (!text.empty()) rows.push_back({OidV(oid), OidV(kPgClassOid), Int4V(subid), TextV(text)});
  };
  for (const auto& [oid, table] : ctx.catalog.tables()) {
    add(oid, 0, table.comment);
    for (const Column& c : table.columns) add(oid, c.attnum, c.comment);
  }
  return rows;
}

Value DescriptionValue(const std::string& text) {
  return text.empty() ? NullV(t::kText) : TextV(text);
}

// obj_description(oid, catalog): only pg_class objects carry comments here.
Result<Value> ObjDescription(const SystemContext& ctx, const Args& a) {
  if (a[1].as_string() != "pg_class") return NullV(t::kText);
  return DescriptionValue(Description(ctx.catalog, static_cast<Oid>(a[0].as_int()), 0));
}

// The deprecated one-argument form matches any catalog.
Result<Value> AnyObjDescription(const SystemContext& ctx, const Args& a) {
  return DescriptionValue(Description(ctx.catalog, static_cast<Oid>(a[0].as_int()), 0));
}

Result<Value> ColDescription(const SystemContext& ctx, const Args& a) {
  return DescriptionValue(Description(ctx.catalog, static_cast<Oid>(a[0].as_int()), a[1].as_int()));
}

}  // namespace

Status RegisterPgDescription(SystemRegistry& r) {
  SystemRelation rel;
  rel.oid = 2609;
  rel.name = "pg_description";
  rel.relkind = 'r';
  rel.columns = {{"objoid", t::kOid}, {"classoid", t::kOid}, {"objsubid", t::kInt4},
                 {"description", t::kText}};
  rel.rows = PgDescriptionRows;
  DB9_RETURN_IF_ERROR(r.AddRelation(std::move(rel)));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "obj_description", {t::kOid, t::kName}, t::kText, true, ObjDescription));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "obj_description", {t::kOid}, t::kText, true, AnyObjDescription));
  return AddFunction(r, "col_description", {t::kOid, t::kInt4}, t::kText, true, ColDescription);
}

}  // namespace db9::catalog::system
