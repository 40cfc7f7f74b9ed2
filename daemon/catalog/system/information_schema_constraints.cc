// information_schema.table_constraints, key_column_usage,
// referential_constraints and sequences.
#include "daemon/catalog/system/constraints.h"
#include "daemon/catalog/system/information_schema.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

const char* ConstraintTypeName(ConstraintType type) {
  switch (type) {
    case ConstraintType::kPrimaryKey: return "PRIMARY KEY";
    case ConstraintType::kUnique: return "UNIQUE";
    case ConstraintType::kForeignKey: return "FOREIGN KEY";
    default: return "CHECK";
  }
}

const char* RuleName(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::kCascade: return "CASCADE";
    case ForeignKeyAction::kSetNull: return "SET NULL";
    case ForeignKeyAction::kSetDefault: return "SET DEFAULT";
    case ForeignKeyAction::kRestrict: return "RESTRICT";
    default: return "NO ACTION";
  }
}

Result<SystemRows> TableConstraintsRows(const SystemContext& ctx) {
  SystemRows rows;
  const std::string& db = ctx.session.database;
  for (const auto& [table_oid, table] : ctx.catalog.tables()) {
    std::string schema = NamespaceName(ctx.catalog, table.namespace_oid);
    auto add = [&](const std::string& name, const char* type, Value nulls_distinct) {
      rows.push_back({NameV(db), NameV(schema), NameV(name), NameV(db), NameV(schema),
                      NameV(table.name), VarcharV(type), YesNoV(false), YesNoV(false),
                      YesNoV(true), std::move(nulls_distinct)});
    };
    for (const Constraint& c : table.constraints) {
      if (c.type == ConstraintType::kNotNull) continue;
      add(c.name, ConstraintTypeName(c.type),
          c.type == ConstraintType::kUnique ? YesNoV(true) : NullV(t::kVarchar));
    }
    // PostgreSQL 15 lists each NOT NULL column as a CHECK constraint with a
    // name made of the namespace, table and column numbers.
    for (const Column& col : table.columns) {
      if (!col.not_null) continue;
      add(std::to_string(table.namespace_oid) + "_" + std::to_string(table_oid) + "_" +
              std::to_string(col.attnum) + "_not_null",
          "CHECK", NullV(t::kVarchar));
    }
  }
  return rows;
}

// The position of `attnum` within the referenced key, 1-based, for
// position_in_unique_constraint.
int PositionIn(const std::vector<int16_t>& columns, int16_t attnum) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == attnum) return static_cast<int>(i) + 1;
  }
  return 0;
}

Result<SystemRows> KeyColumnUsageRows(const SystemContext& ctx) {
  SystemRows rows;
  const std::string& db = ctx.session.database;
  for (const auto& [table_oid, table] : ctx.catalog.tables()) {
    std::string schema = NamespaceName(ctx.catalog, table.namespace_oid);
    for (const Constraint& c : table.constraints) {
      if (c.type != ConstraintType::kPrimaryKey && c.type != ConstraintType::kUnique &&
          c.type != ConstraintType::kForeignKey) {
        continue;
      }
      std::vector<std::string> names = ColumnNames(table, c.columns);
      // For a foreign key: the referenced unique key's columns, in its order.
      std::vector<int16_t> unique_key;
      if (c.type == ConstraintType::kForeignKey) {
        auto [ref_table, ref_index] = ctx.catalog.IndexByOid(ForeignKeyIndex(ctx.catalog, c));
        if (ref_index != nullptr) {
          for (const IndexColumn& ic : ref_index->columns) unique_key.push_back(ic.attnum);
        }
      }
      for (size_t i = 0; i < c.columns.size(); ++i) {
        Value position = NullV(t::kInt4);
        if (!unique_key.empty() && i < c.ref_columns.size()) {
          position = Int4V(PositionIn(unique_key, c.ref_columns[i]));
        }
        rows.push_back({NameV(db), NameV(schema), NameV(c.name), NameV(db), NameV(schema),
                        NameV(table.name), NameV(names[i]), Int4V(static_cast<int>(i) + 1),
                        std::move(position)});
      }
    }
  }
  return rows;
}

Result<SystemRows> ReferentialConstraintsRows(const SystemContext& ctx) {
  SystemRows rows;
  const std::string& db = ctx.session.database;
  for (const auto& [table_oid, table] : ctx.catalog.tables()) {
    std::string schema = NamespaceName(ctx.catalog, table.namespace_oid);
    for (const Constraint& c : table.constraints) {
      if (c.type != ConstraintType::kForeignKey) continue;
      Value unique_schema = NullV(t::kName), unique_name = NullV(t::kName);
      Oid index_oid = ForeignKeyIndex(ctx.catalog, c);
      if (const Table* ref = ctx.catalog.TableByOid(c.ref_table)) {
        for (const Constraint& rc : ref->constraints) {
          if (index_oid != 0 && rc.index_oid == index_oid) {
            unique_schema = NameV(NamespaceName(ctx.catalog, ref->namespace_oid));
            unique_name = NameV(rc.name);
          }
        }
      }
      rows.push_back({NameV(db), NameV(schema), NameV(c.name), NameV(db),
                      std::move(unique_schema), std::move(unique_name), VarcharV("NONE"),
                      VarcharV(RuleName(c.on_update)), VarcharV(RuleName(c.on_delete))});
    }
  }
  return rows;
}

// Whether the sequence is an IDENTITY column's: PostgreSQL keeps those out
// of information_schema.sequences (they depend on the column internally).
bool IsIdentitySequence(const CatalogState& state, Oid sequence_oid) {
  for (const auto& [table_oid, table] : state.tables()) {
    for (const Column& c : table.columns) {
      if (c.identity != Identity::kNone && c.identity_sequence == sequence_oid) return true;
    }
  }
  return false;
}

Result<SystemRows> SequencesRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [oid, s] : ctx.catalog.sequences()) {
    if (IsIdentitySequence(ctx.catalog, oid)) continue;
    int precision = s.type == t::kInt2 ? 16 : s.type == t::kInt4 ? 32 : 64;
    rows.push_back({NameV(ctx.session.database), NameV(NamespaceName(ctx.catalog, s.namespace_oid)),
                    NameV(s.name), VarcharV(types::FormatType(Types(), s.type, -1)),
                    Int4V(precision), Int4V(2), Int4V(0), VarcharV(std::to_string(s.start)),
                    VarcharV(std::to_string(s.min_value)), VarcharV(std::to_string(s.max_value)),
                    VarcharV(std::to_string(s.increment)), YesNoV(s.cycle)});
  }
  return rows;
}

}  // namespace

Status RegisterInformationSchemaConstraints(SystemRegistry& r) {
  DB9_RETURN_IF_ERROR(AddInformationSchemaView(
      r, 13411, "table_constraints",
      {{"constraint_catalog", t::kName}, {"constraint_schema", t::kName},
       {"constraint_name", t::kName}, {"table_catalog", t::kName}, {"table_schema", t::kName},
       {"table_name", t::kName}, {"constraint_type", t::kVarchar},
       {"is_deferrable", t::kVarchar}, {"initially_deferred", t::kVarchar},
       {"enforced", t::kVarchar}, {"nulls_distinct", t::kVarchar}},
      TableConstraintsRows));
  DB9_RETURN_IF_ERROR(AddInformationSchemaView(
      r, 13329, "key_column_usage",
      {{"constraint_catalog", t::kName}, {"constraint_schema", t::kName},
       {"constraint_name", t::kName}, {"table_catalog", t::kName}, {"table_schema", t::kName},
       {"table_name", t::kName}, {"column_name", t::kName}, {"ordinal_position", t::kInt4},
       {"position_in_unique_constraint", t::kInt4}},
      KeyColumnUsageRows));
  DB9_RETURN_IF_ERROR(AddInformationSchemaView(
      r, 13339, "referential_constraints",
      {{"constraint_catalog", t::kName}, {"constraint_schema", t::kName},
       {"constraint_name", t::kName}, {"unique_constraint_catalog", t::kName},
       {"unique_constraint_schema", t::kName}, {"unique_constraint_name", t::kName},
       {"match_option", t::kVarchar}, {"update_rule", t::kVarchar},
       {"delete_rule", t::kVarchar}},
      ReferentialConstraintsRows));
  return AddInformationSchemaView(
      r, 13386, "sequences",
      {{"sequence_catalog", t::kName}, {"sequence_schema", t::kName},
       {"sequence_name", t::kName}, {"data_type", t::kVarchar},
       {"numeric_precision", t::kInt4}, {"numeric_precision_radix", t::kInt4},
       {"numeric_scale", t::kInt4}, {"start_value", t::kVarchar},
       {"minimum_value", t::kVarchar}, {"maximum_value", t::kVarchar},
       {"increment", t::kVarchar}, {"cycle_option", t::kVarchar}},
      SequencesRows);
}

Status RegisterInformationSchema(SystemRegistry& registry) {
  DB9_RETURN_IF_ERROR(RegisterInformationSchemaTables(registry));
  return RegisterInformationSchemaConstraints(registry);
}

}  // namespace db9::catalog::system
