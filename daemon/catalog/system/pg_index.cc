// pg_catalog.pg_index (one row per index), pg_opclass and pg_am.
#include "daemon/catalog/index_method.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {

namespace {

namespace t = types::oid;

// pg_index.indoption bits.
constexpr int kIndexOptionDesc = 1;
constexpr int kIndexOptionNullsFirst = 2;

Result<SystemRows> PgIndexRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [table_oid, table] : ctx.catalog.tables()) {
    for (const Index& index : table.indexes) {
      std::vector<int64_t> keys, collations, classes, options;
      for (const IndexColumn& ic : index.columns) {
        const Column* col = table.ColumnByAttnum(ic.attnum);
        const types::TypeInfo* type = col != nullptr ? Types().Find(col->type) : nullptr;
        const IndexMethod* method = IndexMethodRegistry::Global().Find(index.access_method);
        const OperatorClass* op = col != nullptr && method != nullptr
                                      ? ColumnOperatorClass(Types(), *method, ic, col->type)
                                      : nullptr;
        keys.push_back(ic.attnum);
        collations.push_back(type != nullptr ? TypeCollation(*type) : 0);
        classes.push_back(op != nullptr ? op->oid : 0);
        options.push_back((ic.descending ? kIndexOptionDesc : 0) |
                          (ic.nulls_first ? kIndexOptionNullsFirst : 0));
      }
      int n = static_cast<int>(index.columns.size());
      DB9_ASSIGN_OR_RETURN(Value indkey, VectorV(t::kInt2Vector, keys));
      DB9_ASSIGN_OR_RETURN(Value indcollation, VectorV(t::kOidVector, collations));
      DB9_ASSIGN_OR_RETURN(Value indclass, VectorV(t::kOidVector, classes));
      DB9_ASSIGN_OR_RETURN(Value indoption, VectorV(t::kInt2Vector, options));
      rows.push_back({
          OidV(index.oid), OidV(table_oid), Int2V(n), Int2V(n),
          BoolV(index.unique || index.primary),
          BoolV(false),                                  // indnullsnotdistinct
          BoolV(index.primary), BoolV(false), BoolV(true),  // indisprimary, indisexclusion, indimmediate
          BoolV(false), BoolV(true), BoolV(false),       // indisclustered, indisvalid, indcheckxmin
          BoolV(true), BoolV(true), BoolV(false),        // indisready, indislive, indisreplident
          std::move(indkey), std::move(indcollation), std::move(indclass), std::move(indoption),
          NullV(t::kText), NullV(t::kText),              // indexprs, indpred
      });
    }
  }
  return rows;
}

Result<SystemRows> PgOpclassRows(const SystemContext&) {
  SystemRows rows;
  for (const auto& method : IndexMethodRegistry::Global().all()) {
    for (const OperatorClass& op : method->operator_classes()) {
      rows.push_back({OidV(op.oid), OidV(method->oid()), NameV(std::string(op.name)),
                      OidV(kPgCatalogNamespace), OidV(kOwnerOid), OidV(op.family),
                      OidV(op.input_type), BoolV(op.is_default), OidV(0)});
    }
  }
  return rows;
}

// The access methods PostgreSQL ships that an index here may name, plus
// the extension ones db9 builds in; listed when the IndexMethodRegistry
// has them. heap is the table access method.
Result<SystemRows> PgAmRows(const SystemContext&) {
  SystemRows rows;
  rows.push_back({OidV(2), NameV("heap"), CharV('t')});
  for (const char* name : {"btree", "hash", "gist", "gin", "spgist", "brin", "hnsw", "ivfflat"}) {
    if (const IndexMethod* method = IndexMethodRegistry::Global().Find(name)) {
      rows.push_back({OidV(method->oid()), NameV(std::string(method->name())), CharV('i')});
    }
  }
  return rows;
}

}  // namespace

Status RegisterPgIndex(SystemRegistry& registry) {
  SystemRelation index;
  index.oid = 2610;
  index.name = "pg_index";
  index.relkind = 'r';
  index.columns = {
      {"indexrelid", t::kOid}, {"indrelid", t::kOid}, {"indnatts", t::kInt2},
      {"indnkeyatts", t::kInt2}, {"indisunique", t::kBool}, {"indnullsnotdistinct", t::kBool},
      {"indisprimary", t::kBool}, {"indisexclusion", t::kBool}, {"indimmediate", t::kBool},
      {"indisclustered", t::kBool}, {"indisvalid", t::kBool}, {"indcheckxmin", t::kBool},
      {"indisready", t::kBool}, {"indislive", t::kBool}, {"indisreplident", t::kBool},
      {"indkey", t::kInt2Vector}, {"indcollation", t::kOidVector},
      {"indclass", t::kOidVector}, {"indoption", t::kInt2Vector},
      // pg_node_tree in PostgreSQL (expression / partial indexes, not
      // supported here: always NULL).
      {"indexprs", t::kText}, {"indpred", t::kText},
  };
  index.rows = PgIndexRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(index)));

  SystemRelation opclass;
  opclass.oid = 2616;
  opclass.name = "pg_opclass";
  opclass.relkind = 'r';
  opclass.columns = {{"oid", t::kOid},          {"opcmethod", t::kOid},
                     {"opcname", t::kName},     {"opcnamespace", t::kOid},
                     {"opcowner", t::kOid},     {"opcfamily", t::kOid},
                     {"opcintype", t::kOid},    {"opcdefault", t::kBool},
                     {"opckeytype", t::kOid}};
  opclass.rows = PgOpclassRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(opclass)));

  SystemRelation am;
  am.oid = 2601;
  am.name = "pg_am";
  am.relkind = 'r';
  am.columns = {{"oid", t::kOid}, {"amname", t::kName}, {"amtype", t::kChar}};
  am.rows = PgAmRows;
  return registry.AddRelation(std::move(am));
}

}  // namespace db9::catalog::system
