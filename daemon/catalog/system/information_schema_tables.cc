// information_schema.tables, columns and schemata, computed like
// PostgreSQL's views of the same names (every object is visible: the one
// user owns them all).
#include "daemon/catalog/system/information_schema.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {

Status AddInformationSchemaView(SystemRegistry& registry, Oid oid, const char* name,
                                std::vector<SystemColumn> columns,
                                std::function<Result<SystemRows>(const SystemContext&)> rows) {
  SystemRelation rel;
  rel.oid = oid;
  rel.namespace_oid = kInformationSchemaNamespace;
  rel.name = name;
  rel.relkind = 'v';
  rel.columns = std::move(columns);
  rel.rows = std::move(rows);
  return registry.AddRelation(std::move(rel));
}

namespace {

namespace t = types::oid;

Value NullInt() { return NullV(t::kInt4); }
Value NullName() { return NullV(t::kName); }
Value NullVarchar() { return NullV(t::kVarchar); }

Result<SystemRows> TablesRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const RelationEntry& r : AllRelations(ctx.catalog)) {
    if (r.relkind != 'r' && r.relkind != 'v') continue;
    bool view = r.relkind == 'v';
    rows.push_back({NameV(ctx.session.database), NameV(NamespaceName(ctx.catalog, r.namespace_oid)),
                    NameV(std::string(r.name)), VarcharV(view ? "VIEW" : "BASE TABLE"),
                    NullName(), NullVarchar(), NullName(), NullName(), NullName(),
                    YesNoV(r.view != nullptr ? r.view->updatable : !view),
                    YesNoV(false), NullVarchar()});
  }
  return rows;
}

// Facts about one column for information_schema.columns.
struct ColumnFacts {
  std::string name;
  int16_t attnum = 0;
  Oid type = 0;
  int32_t typmod = -1;
  bool not_null = false;
  std::string default_expr{};  // empty when none
  Identity identity = Identity::kNone;
  const Sequence* identity_sequence = nullptr;
  bool updatable = true;  // false for columns of views that are not written through
};

// information_schema's data_type: the SQL spelling without modifiers,
// "ARRAY" for arrays, "USER-DEFINED" for types outside pg_catalog
// (extension types such as vector).
std::string DataType(Oid type) {
  const types::TypeInfo* info = Types().Find(type);
  if (info != nullptr && info->element != nullptr) return "ARRAY";
  if (info == nullptr || info->namespace_oid != kPgCatalogNamespace) return "USER-DEFINED";
  return types::FormatType(Types(), type, -1);
}

// udt_schema: the name of the type's schema.
std::string TypeSchema(const CatalogState& catalog, const types::TypeInfo* info) {
  if (info == nullptr) return "pg_catalog";
  for (const Namespace& ns : catalog.namespaces()) {
    if (ns.oid == info->namespace_oid) return ns.name;
  }
  return "pg_catalog";
}

std::vector<Value> ColumnRow(const SystemContext& ctx, const std::string& schema,
                             const std::string& table, const ColumnFacts& c) {
  const types::TypeInfo* info = Types().Find(c.type);
  Value char_max = NullInt(), char_octets = NullInt(), precision = NullInt(), radix = NullInt(),
        scale = NullInt(), dt_precision = NullInt();
  switch (c.type) {
    case t::kVarchar:
    case t::kBpchar:
    case t::kText:
      if (c.typmod >= 4) char_max = Int4V(c.typmod - 4);
      char_octets = Int4V(c.typmod >= 4 ? (c.typmod - 4) * 4 : 1073741824);
      break;
    case t::kInt2: precision = Int4V(16), radix = Int4V(2), scale = Int4V(0); break;
    case t::kInt4: precision = Int4V(32), radix = Int4V(2), scale = Int4V(0); break;
    case t::kInt8: precision = Int4V(64), radix = Int4V(2), scale = Int4V(0); break;
    case t::kFloat4: precision = Int4V(24), radix = Int4V(2); break;
    case t::kFloat8: precision = Int4V(53), radix = Int4V(2); break;
    case t::kNumeric:
      radix = Int4V(10);
      if (c.typmod >= 4) {
        precision = Int4V(((c.typmod - 4) >> 16) & 0xffff);
        scale = Int4V((c.typmod - 4) & 0xffff);
      }
      break;
    case t::kDate: dt_precision = Int4V(0); break;
    case t::kTime:
    case t::kTimestamp:
    case t::kTimestamptz:
    case t::kInterval: dt_precision = Int4V(c.typmod >= 0 ? c.typmod : 6); break;
    default: break;
  }
  bool identity = c.identity != Identity::kNone;
  const Sequence* seq = c.identity_sequence;
  auto seq_text = [&](int64_t v) { return seq != nullptr ? VarcharV(std::to_string(v)) : NullVarchar(); };
  return {
      NameV(ctx.session.database), NameV(schema), NameV(table), NameV(c.name),
      Int4V(c.attnum),
      identity || c.default_expr.empty() ? NullVarchar() : VarcharV(c.default_expr),
      YesNoV(!c.not_null), VarcharV(DataType(c.type)), char_max, char_octets, precision, radix,
      scale, dt_precision, NullVarchar(), NullInt(),       // interval_type, interval_precision
      NullName(), NullName(), NullName(),                  // character_set_*
      NullName(), NullName(), NullName(),                  // collation_*
      NullName(), NullName(), NullName(),                  // domain_*
      NameV(ctx.session.database), NameV(TypeSchema(ctx.catalog, info)),
      NameV(info != nullptr ? info->name : std::to_string(c.type)),
      NullName(), NullName(), NullName(), NullInt(),       // scope_*, maximum_cardinality
      NameV(std::to_string(c.attnum)),                     // dtd_identifier
      YesNoV(false), YesNoV(identity),
      identity ? VarcharV(c.identity == Identity::kAlways ? "ALWAYS" : "BY DEFAULT") : NullVarchar(),
      identity ? seq_text(seq ? seq->start : 0) : NullVarchar(),
      identity ? seq_text(seq ? seq->increment : 0) : NullVarchar(),
      identity ? seq_text(seq ? seq->max_value : 0) : NullVarchar(),
      identity ? seq_text(seq ? seq->min_value : 0) : NullVarchar(),
      identity ? YesNoV(seq != nullptr && seq->cycle) : NullVarchar(),
      VarcharV("NEVER"), NullVarchar(), YesNoV(c.updatable),
  };
}

Result<SystemRows> ColumnsRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const RelationEntry& r : AllRelations(ctx.catalog)) {
    std::string schema = NamespaceName(ctx.catalog, r.namespace_oid);
    std::string table(r.name);
    if (r.system != nullptr) {
      int16_t attnum = 0;
      for (const SystemColumn& c : r.system->columns) {
        rows.push_back(ColumnRow(ctx, schema, table, {c.name, ++attnum, c.type, c.typmod}));
      }
    } else if (r.table != nullptr && r.index == nullptr) {
      for (const Column& c : r.table->columns) {
        ColumnFacts f{c.name, c.attnum, c.type, c.typmod, c.not_null, c.default_expr, c.identity};
        f.identity_sequence = ctx.catalog.SequenceByOid(c.identity_sequence);
        rows.push_back(ColumnRow(ctx, schema, table, f));
      }
    } else if (r.view != nullptr) {
      for (const Column& c : r.view->columns) {
        ColumnFacts f{c.name, c.attnum, c.type, c.typmod};
        f.updatable = r.view->updatable;
        rows.push_back(ColumnRow(ctx, schema, table, f));
      }
    }
  }
  return rows;
}

Result<SystemRows> SchemataRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const Namespace& ns : ctx.catalog.namespaces()) {
    rows.push_back({NameV(ctx.session.database), NameV(ns.name), NameV(ctx.session.user),
                    NullName(), NullName(), NullName(), NullVarchar()});
  }
  return rows;
}

}  // namespace

Status RegisterInformationSchemaTables(SystemRegistry& r) {
  DB9_RETURN_IF_ERROR(AddInformationSchemaView(
      r, 13425, "tables",
      {{"table_catalog", t::kName}, {"table_schema", t::kName}, {"table_name", t::kName},
       {"table_type", t::kVarchar}, {"self_referencing_column_name", t::kName},
       {"reference_generation", t::kVarchar}, {"user_defined_type_catalog", t::kName},
       {"user_defined_type_schema", t::kName}, {"user_defined_type_name", t::kName},
       {"is_insertable_into", t::kVarchar}, {"is_typed", t::kVarchar},
       {"commit_action", t::kVarchar}},
      TablesRows));
  DB9_RETURN_IF_ERROR(AddInformationSchemaView(
      r, 13295, "columns",
      {{"table_catalog", t::kName}, {"table_schema", t::kName}, {"table_name", t::kName},
       {"column_name", t::kName}, {"ordinal_position", t::kInt4},
       {"column_default", t::kVarchar}, {"is_nullable", t::kVarchar},
       {"data_type", t::kVarchar}, {"character_maximum_length", t::kInt4},
       {"character_octet_length", t::kInt4}, {"numeric_precision", t::kInt4},
       {"numeric_precision_radix", t::kInt4}, {"numeric_scale", t::kInt4},
       {"datetime_precision", t::kInt4}, {"interval_type", t::kVarchar},
       {"interval_precision", t::kInt4}, {"character_set_catalog", t::kName},
       {"character_set_schema", t::kName}, {"character_set_name", t::kName},
       {"collation_catalog", t::kName}, {"collation_schema", t::kName},
       {"collation_name", t::kName}, {"domain_catalog", t::kName},
       {"domain_schema", t::kName}, {"domain_name", t::kName}, {"udt_catalog", t::kName},
       {"udt_schema", t::kName}, {"udt_name", t::kName}, {"scope_catalog", t::kName},
       {"scope_schema", t::kName}, {"scope_name", t::kName},
       {"maximum_cardinality", t::kInt4}, {"dtd_identifier", t::kName},
       {"is_self_referencing", t::kVarchar}, {"is_identity", t::kVarchar},
       {"identity_generation", t::kVarchar}, {"identity_start", t::kVarchar},
       {"identity_increment", t::kVarchar}, {"identity_maximum", t::kVarchar},
       {"identity_minimum", t::kVarchar}, {"identity_cycle", t::kVarchar},
       {"is_generated", t::kVarchar}, {"generation_expression", t::kVarchar},
       {"is_updatable", t::kVarchar}},
      ColumnsRows));
  return AddInformationSchemaView(
      r, 13382, "schemata",
      {{"catalog_name", t::kName}, {"schema_name", t::kName}, {"schema_owner", t::kName},
       {"default_character_set_catalog", t::kName}, {"default_character_set_schema", t::kName},
       {"default_character_set_name", t::kName}, {"sql_path", t::kVarchar}},
      SchemataRows);
}

}  // namespace db9::catalog::system
