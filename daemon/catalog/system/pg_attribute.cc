// pg_catalog.pg_attribute (columns of tables, indexes, views and system
// relations)
// and pg_attrdef (column defaults).
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

struct AttributeSource {
  Oid relid = 0;
  std::string name;
  int16_t attnum = 0;
  Oid type = 0;
  int32_t typmod = -1;
  bool not_null = false;
  bool has_default = false;
  char identity = '\0';
};

std::vector<Value> AttributeRow(const AttributeSource& a) {
  const types::TypeInfo* type = Types().Find(a.type);
  int16_t len = type != nullptr ? type->typlen : -1;
  bool byval = type != nullptr && type->byval;
  char align = type != nullptr ? type->align : 'i';
  bool is_array = type != nullptr && type->element != nullptr;
  return {
      OidV(a.relid), NameV(a.name), OidV(a.type),
      Int4V(-1),                                     // attstattarget
      Int2V(len), Int2V(a.attnum), Int4V(is_array ? 1 : 0),
      Int4V(-1),                                     // attcacheoff
      Int4V(a.typmod), BoolV(byval), CharV(align),
      CharV(len > 0 ? 'p' : 'x'),                    // attstorage
      CharV('\0'),                                   // attcompression: default
      BoolV(a.not_null), BoolV(a.has_default),
      BoolV(false),                                  // atthasmissing
      CharV(a.identity), CharV('\0'),                // attidentity, attgenerated
      BoolV(false), BoolV(true), Int4V(0),           // attisdropped, attislocal, attinhcount
      OidV(type != nullptr ? TypeCollation(*type) : 0),
      NullV(t::kTextArray),                          // attacl: no column privileges
  };
}

Result<SystemRows> PgAttributeRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const RelationEntry& r : AllRelations(ctx.catalog)) {
    if (r.system != nullptr) {
      int16_t attnum = 0;
      for (const SystemColumn& c : r.system->columns) {
        rows.push_back(AttributeRow({r.oid, c.name, ++attnum, c.type, c.typmod}));
      }
    } else if (r.index != nullptr) {
      int16_t attnum = 0;
      for (const IndexColumn& ic : r.index->columns) {
        const Column* col = r.table->ColumnByAttnum(ic.attnum);
        if (col == nullptr) continue;
        rows.push_back(AttributeRow({r.oid, col->name, ++attnum, col->type, col->typmod}));
      }
    } else if (r.table != nullptr) {
      for (const Column& c : r.table->columns) {
        // Identity columns have no DEFAULT in PostgreSQL: the sequence is
        // behind attidentity instead.
        bool has_default = !c.default_expr.empty() && c.identity == Identity::kNone;
        rows.push_back(AttributeRow({r.oid, c.name, c.attnum, c.type, c.typmod, c.not_null,
                                     has_default, static_cast<char>(c.identity)}));
      }
    } else if (r.view != nullptr) {
      for (const Column& c : r.view->columns) {
        rows.push_back(AttributeRow({r.oid, c.name, c.attnum, c.type, c.typmod}));
      }
    } else if (r.sequence != nullptr) {
      rows.push_back(AttributeRow({r.oid, "last_value", 1, t::kInt8, -1, true}));
      rows.push_back(AttributeRow({r.oid, "log_cnt", 2, t::kInt8, -1, true}));
      rows.push_back(AttributeRow({r.oid, "is_called", 3, t::kBool, -1, true}));
    }
  }
  return rows;
}

Result<SystemRows> PgAttrdefRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [oid, table] : ctx.catalog.tables()) {
    for (const Column& c : table.columns) {
      if (c.default_expr.empty() || c.identity != Identity::kNone) continue;
      rows.push_back({OidV(oid), Int2V(c.attnum), TextV(c.default_expr)});
    }
  }
  return rows;
}

}  // namespace

Status RegisterPgAttribute(SystemRegistry& registry) {
  SystemRelation attribute;
  attribute.oid = 1249;
  attribute.name = "pg_attribute";
  attribute.relkind = 'r';
  attribute.columns = {
      {"attrelid", t::kOid}, {"attname", t::kName}, {"atttypid", t::kOid},
      {"attstattarget", t::kInt4}, {"attlen", t::kInt2}, {"attnum", t::kInt2},
      {"attndims", t::kInt4}, {"attcacheoff", t::kInt4}, {"atttypmod", t::kInt4},
      {"attbyval", t::kBool}, {"attalign", t::kChar}, {"attstorage", t::kChar},
      {"attcompression", t::kChar}, {"attnotnull", t::kBool}, {"atthasdef", t::kBool},
      {"atthasmissing", t::kBool}, {"attidentity", t::kChar}, {"attgenerated", t::kChar},
      {"attisdropped", t::kBool}, {"attislocal", t::kBool}, {"attinhcount", t::kInt4},
      {"attcollation", t::kOid},
      {"attacl", t::kTextArray},  // aclitem[] in PostgreSQL; NULL = no column privileges
  };
  attribute.rows = PgAttributeRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(attribute)));

  SystemRelation attrdef;
  attrdef.oid = 2604;
  attrdef.name = "pg_attrdef";
  attrdef.relkind = 'r';
  // adbin is pg_node_tree in PostgreSQL; here it holds the default's SQL
  // text, which pg_get_expr returns.
  attrdef.columns = {{"adrelid", t::kOid}, {"adnum", t::kInt2}, {"adbin", t::kText}};
  attrdef.rows = PgAttrdefRows;
  return registry.AddRelation(std::move(attrdef));
}

}  // namespace db9::catalog::system
