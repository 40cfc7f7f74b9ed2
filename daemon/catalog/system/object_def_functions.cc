// pg_get_expr, pg_get_indexdef and pg_get_constraintdef: the SQL text of
// defaults, indexes and constraints, in PostgreSQL's spelling (psql's \d
// shows it; SQLAlchemy parses the foreign key text for ON DELETE); and
// pg_indexes, the view of the index texts.
//
// Expressions are kept as SQL text in the catalog (Column::default_expr,
// Constraint::check_expr), in the form PostgreSQL's pretty printer gives.
// The non-pretty form of a CHECK wraps it in one more pair of parentheses,
// as PostgreSQL does for a top-level operator expression.
#include "daemon/catalog/index_method.h"
#include "daemon/catalog/system/constraints.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"
#include "shared/base/sql_identifier.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;
using Args = std::vector<Value>;

std::string JoinIdents(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += QuoteIdentifierIfNeeded(names[i]);
  }
  return out;
}

// The table as PostgreSQL's deparser names it: always schema-qualified in
// the plain form, qualified only when not visible in the pretty one.
std::string TableName(const SystemContext& ctx, const Table& table, bool pretty) {
  RelationEntry rel{table.oid, table.name, table.namespace_oid, 'r', &table};
  if (pretty) return RelationDisplayName(ctx.catalog, ctx.session.search_path, rel);
  return QuoteIdentifierIfNeeded(NamespaceName(ctx.catalog, table.namespace_oid)) + "." + QuoteIdentifierIfNeeded(table.name);
}

// " WITH (m='16', fastupdate=off)" for stored options "m=16" ...: a value
// is quoted unless it reads as an identifier that needs no quotes, as
// PostgreSQL's flatten_reloptions prints them.
std::string ReloptionsClause(const std::vector<std::string>& options) {
  if (options.empty()) return {};
  std::string out = " WITH (";
  for (size_t i = 0; i < options.size(); ++i) {
    const size_t eq = options[i].find('=');
    const std::string name = options[i].substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : options[i].substr(eq + 1);
    if (i > 0) out += ", ";
    out += QuoteIdentifierIfNeeded(name) + "=";
    out += QuoteIdentifierIfNeeded(value) == value ? value : QuoteLiteral(value);
  }
  return out + ")";
}

// A column of CREATE INDEX: its name, its operator class unless it is the
// default for the column's type (as PostgreSQL's get_opclass_name), and its
// ordering.
std::string IndexColumnDef(const Table& table, const Index& index, const IndexColumn& c) {
  const Column* col = table.ColumnByAttnum(c.attnum);
  std::string out = QuoteIdentifierIfNeeded(col != nullptr ? col->name : "?");
  const IndexMethod* method = IndexMethodRegistry::Global().Find(index.access_method);
  if (col != nullptr && method != nullptr && !c.opclass.empty()) {
    const OperatorClass* fallback = DefaultOperatorClass(Types(), *method, col->type);
    if (fallback == nullptr || fallback->name != c.opclass) out += " " + c.opclass;
  }
  if (c.descending) {
    out += " DESC";
    if (!c.nulls_first) out += " NULLS LAST";
  } else if (c.nulls_first) {
    out += " NULLS FIRST";
  }
  return out;
}

// pg_get_indexdef(index [, column, pretty]): column 0 gives the whole
// CREATE INDEX statement, column k just the k-th key (without ordering).
Result<Value> IndexDef(const SystemContext& ctx, Oid index_oid, int64_t column, bool pretty) {
  auto [table, index] = ctx.catalog.IndexByOid(index_oid);
  if (index == nullptr) return NullV(t::kText);
  if (column > 0) {
    if (column > static_cast<int64_t>(index->columns.size())) return NullV(t::kText);
    const Column* col = table->ColumnByAttnum(index->columns[column - 1].attnum);
    return TextV(QuoteIdentifierIfNeeded(col != nullptr ? col->name : "?"));
  }
  std::string out = index->unique || index->primary ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  out += QuoteIdentifierIfNeeded(index->name) + " ON " + TableName(ctx, *table, pretty) + " USING " +
         index->access_method + " (";
  for (size_t i = 0; i < index->columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += IndexColumnDef(*table, *index, index->columns[i]);
  }
  out += ")";
  return TextV(out + ReloptionsClause(index->options));
}

const char* ActionClause(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::kCascade: return "CASCADE";
    case ForeignKeyAction::kSetNull: return "SET NULL";
    case ForeignKeyAction::kSetDefault: return "SET DEFAULT";
    case ForeignKeyAction::kRestrict: return "RESTRICT";
    default: return nullptr;  // NO ACTION is the default and not printed
  }
}

std::string ConstraintText(const SystemContext& ctx, const Table& table, const Constraint& c,
                           bool pretty) {
  switch (c.type) {
    case ConstraintType::kPrimaryKey:
      return "PRIMARY KEY (" + JoinIdents(ColumnNames(table, c.columns)) + ")";
    case ConstraintType::kUnique:
      return "UNIQUE (" + JoinIdents(ColumnNames(table, c.columns)) + ")";
    case ConstraintType::kCheck:
      return pretty ? "CHECK (" + c.check_expr + ")" : "CHECK ((" + c.check_expr + "))";
    case ConstraintType::kForeignKey: {
      std::string out = "FOREIGN KEY (" + JoinIdents(ColumnNames(table, c.columns)) + ") REFERENCES ";
      if (const Table* ref = ctx.catalog.TableByOid(c.ref_table)) {
        RelationEntry rel{ref->oid, ref->name, ref->namespace_oid, 'r', ref};
        out += RelationDisplayName(ctx.catalog, ctx.session.search_path, rel) + "(" +
               JoinIdents(ColumnNames(*ref, c.ref_columns)) + ")";
      }
      if (const char* update = ActionClause(c.on_update)) out += std::string(" ON UPDATE ") + update;
      if (const char* del = ActionClause(c.on_delete)) out += std::string(" ON DELETE ") + del;
      return out;
    }
    case ConstraintType::kNotNull:
      break;
  }
  return "NOT NULL";
}

Result<Value> ConstraintDef(const SystemContext& ctx, Oid oid, bool pretty) {
  for (const auto& [table_oid, table] : ctx.catalog.tables()) {
    for (const Constraint& c : table.constraints) {
      if (c.oid == oid) return TextV(ConstraintText(ctx, table, c, pretty));
    }
  }
  return NullV(t::kText);
}

// pg_indexes: every index of a table with its pg_get_indexdef text (no
// tablespaces here: NULL).
Result<SystemRows> PgIndexesRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const RelationEntry& r : AllRelations(ctx.catalog)) {
    if (r.relkind != 'i' || r.table == nullptr) continue;
    DB9_ASSIGN_OR_RETURN(Value def, IndexDef(ctx, r.oid, 0, false));
    rows.push_back({NameV(NamespaceName(ctx.catalog, r.table->namespace_oid)), NameV(r.table->name),
                    NameV(std::string(r.name)), NullV(t::kName), std::move(def)});
  }
  return rows;
}

}  // namespace

Status RegisterObjectDefFunctions(SystemRegistry& r) {
  SystemRelation pg_indexes;
  pg_indexes.oid = 12043;
  pg_indexes.name = "pg_indexes";
  pg_indexes.relkind = 'v';
  pg_indexes.columns = {{"schemaname", t::kName}, {"tablename", t::kName}, {"indexname", t::kName},
                        {"tablespace", t::kName}, {"indexdef", t::kText}};
  pg_indexes.rows = PgIndexesRows;
  DB9_RETURN_IF_ERROR(r.AddRelation(std::move(pg_indexes)));
  // The expression columns (adbin, conbin, indpred ...) hold SQL text here.
  auto get_expr = [](const SystemContext&, const Args& args) -> Result<Value> {
    return TextV(args[0].as_string());
  };
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_expr", {t::kText, t::kOid}, t::kText, true, get_expr));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "pg_get_expr", {t::kText, t::kOid, t::kBool}, t::kText, true, get_expr));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "pg_get_indexdef", {t::kOid}, t::kText, true,
      [](const SystemContext& ctx, const Args& a) { return IndexDef(ctx, a[0].as_int(), 0, false); }));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "pg_get_indexdef", {t::kOid, t::kInt4, t::kBool}, t::kText, true,
      [](const SystemContext& ctx, const Args& a) {
        return IndexDef(ctx, a[0].as_int(), a[1].as_int(), a[2].as_bool());
      }));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "pg_get_constraintdef", {t::kOid}, t::kText, true,
      [](const SystemContext& ctx, const Args& a) { return ConstraintDef(ctx, a[0].as_int(), false); }));
  return AddFunction(r, "pg_get_constraintdef", {t::kOid, t::kBool}, t::kText, true,
                     [](const SystemContext& ctx, const Args& a) {
                       return ConstraintDef(ctx, a[0].as_int(), a[1].as_bool());
                     });
}

}  // namespace db9::catalog::system
