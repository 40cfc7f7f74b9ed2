// pg_catalog.pg_class: one row per table, index, sequence, view and system
// relation.
#include <set>

#include "daemon/catalog/index_method.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

constexpr Oid kHeapAm = 2;

Oid AccessMethodOid(const std::string& name) {
  const IndexMethod* method = IndexMethodRegistry::Global().Find(name);
  return method != nullptr ? method->oid() : 0;
}

int CheckCount(const Table& table) {
  int n = 0;
  for (const Constraint& c : table.constraints) n += c.type == ConstraintType::kCheck;
  return n;
}

// PostgreSQL enforces a foreign key with system triggers on both the
// referencing and the referenced table, so both have relhastriggers; psql's
// \d prints "Foreign-key constraints" and "Referenced by" only then.
std::set<Oid> TablesWithTriggers(const std::vector<RelationEntry>& relations) {
  std::set<Oid> out;
  for (const RelationEntry& r : relations) {
    if (r.table == nullptr) continue;
    for (const Constraint& c : r.table->constraints) {
      if (c.type != ConstraintType::kForeignKey) continue;
      out.insert(r.oid);
      out.insert(c.ref_table);
    }
  }
  return out;
}

Result<SystemRows> PgClassRows(const SystemContext& ctx) {
  SystemRows rows;
  std::vector<RelationEntry> relations = AllRelations(ctx.catalog);
  std::set<Oid> with_triggers = TablesWithTriggers(relations);
  for (const RelationEntry& r : relations) {
    int natts = 0;
    bool has_index = false;
    int checks = 0;
    Oid am = 0;
    std::vector<std::string> options;
    if (r.system != nullptr) {
      natts = static_cast<int>(r.system->columns.size());
      am = r.relkind == 'r' ? kHeapAm : 0;
    } else if (r.index != nullptr) {
      natts = static_cast<int>(r.index->columns.size());
      am = AccessMethodOid(r.index->access_method);
      options = r.index->options;
    } else if (r.table != nullptr) {
      natts = r.table->next_attnum - 1;  // dropped columns keep their attnum
      has_index = !r.table->indexes.empty();
      checks = CheckCount(*r.table);
      am = kHeapAm;
      options = r.table->options;
    } else if (r.view != nullptr) {
      natts = static_cast<int>(r.view->columns.size());  // views have no storage: relam 0
    } else {
      natts = 3;  // last_value, log_cnt, is_called
      am = kHeapAm;
    }
    Value reloptions = NullV(t::kTextArray);
    if (!options.empty()) {
      DB9_ASSIGN_OR_RETURN(reloptions, ArrayV(t::kTextArray, options));
    }
    rows.push_back({
        OidV(r.oid), NameV(std::string(r.name)), OidV(r.namespace_oid),
        OidV(0),                                   // reltype: no row types
        OidV(0),                                   // reloftype
        OidV(kOwnerOid), OidV(am),
        OidV(r.system != nullptr || r.view != nullptr ? 0 : r.oid),  // relfilenode
        OidV(0),                                   // reltablespace: the default
        Int4V(0), Float4V(-1), Int4V(0),           // relpages, reltuples (unknown), relallvisible
        OidV(0),                                   // reltoastrelid
        BoolV(has_index), BoolV(false),            // relhasindex, relisshared
        CharV('p'), CharV(r.relkind), Int2V(natts), Int2V(checks),
        BoolV(r.view != nullptr),                  // relhasrules: a view's _RETURN rule
        BoolV(with_triggers.count(r.oid) > 0),     // relhastriggers
        BoolV(false),                              // relhassubclass
        BoolV(false), BoolV(false),                // relrowsecurity, relforcerowsecurity
        BoolV(true), CharV(r.relkind == 'r' ? 'd' : 'n'),  // relispopulated, relreplident
        BoolV(false), OidV(0),                     // relispartition, relrewrite
        NullV(t::kTextArray),                      // relacl: default privileges
        std::move(reloptions),
        NullV(t::kText),                           // relpartbound
    });
  }
  return rows;
}

}  // namespace

Status RegisterPgClass(SystemRegistry& registry) {
  SystemRelation rel;
  rel.oid = 1259;
  rel.name = "pg_class";
  rel.relkind = 'r';
  rel.columns = {
      {"oid", t::kOid}, {"relname", t::kName}, {"relnamespace", t::kOid}, {"reltype", t::kOid},
      {"reloftype", t::kOid}, {"relowner", t::kOid}, {"relam", t::kOid},
      {"relfilenode", t::kOid}, {"reltablespace", t::kOid}, {"relpages", t::kInt4},
      {"reltuples", t::kFloat4}, {"relallvisible", t::kInt4}, {"reltoastrelid", t::kOid},
      {"relhasindex", t::kBool}, {"relisshared", t::kBool}, {"relpersistence", t::kChar},
      {"relkind", t::kChar}, {"relnatts", t::kInt2}, {"relchecks", t::kInt2},
      {"relhasrules", t::kBool}, {"relhastriggers", t::kBool}, {"relhassubclass", t::kBool},
      {"relrowsecurity", t::kBool}, {"relforcerowsecurity", t::kBool},
      {"relispopulated", t::kBool}, {"relreplident", t::kChar}, {"relispartition", t::kBool},
      {"relrewrite", t::kOid},
      {"relacl", t::kTextArray},  // aclitem[] in PostgreSQL; NULL = default privileges
      {"reloptions", t::kTextArray},
      // pg_node_tree in PostgreSQL; read only through pg_get_expr, which
      // takes text here.
      {"relpartbound", t::kText},
  };
  rel.rows = PgClassRows;
  return registry.AddRelation(std::move(rel));
}

}  // namespace db9::catalog::system
