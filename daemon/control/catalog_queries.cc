#include "daemon/control/catalog_queries.h"

#include <charconv>
#include <map>
#include <sstream>

#include "daemon/control/table_stats.h"
#include "daemon/sql/session/database.h"
#include "daemon/storage/mvcc/transaction.h"

#include "shared/base/sqlstate.h"

namespace db9::control {

namespace {
const std::string& Text(const ResultRow& row, size_t i) {
  static const std::string kEmpty;
  return i < row.size() && row[i] ? *row[i] : kEmpty;
}
bool True(const ResultRow& row, size_t i) { return Text(row, i) == "t"; }
// An oid column's text ("16384"); 0 if it is not one.
uint32_t ParseOid(const std::string& text) {
  uint32_t oid = 0;
  std::from_chars(text.data(), text.data() + text.size(), oid);
  return oid;
}
}  // namespace

Result<std::vector<TableInfo>> QueryTables(SqlRunner& runner) {
  DB9_ASSIGN_OR_RETURN(
      auto result,
      runner.Query("SELECT n.nspname, c.relname, c.relkind, c.oid FROM pg_catalog.pg_class c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE c.relkind IN ('r', 'p', 'v', 'm') "
                   "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                   "ORDER BY n.nspname, c.relname"));
  // Index entries count towards their table's size.
  DB9_ASSIGN_OR_RETURN(auto indexes,
                       runner.Query("SELECT indrelid, indexrelid FROM pg_catalog.pg_index"));
  std::map<uint32_t, std::vector<uint32_t>> indexes_of;
  for (const auto& row : indexes.rows) {
    indexes_of[ParseOid(Text(row, 0))].push_back(ParseOid(Text(row, 1)));
  }
  mvcc::TxnManager& txns = runner.database().txn_manager();
  // One snapshot for all tables: their counts are of one moment.
  std::shared_ptr<const kv::Snapshot> snapshot = txns.CommittedSnapshot();
  std::vector<TableInfo> tables;
  for (const auto& row : result.rows) {
    TableInfo table;
    table.schema = Text(row, 0);
    table.name = Text(row, 1);
    table.kind = Text(row, 2) == "v" || Text(row, 2) == "m" ? "view" : "table";
    if (table.kind == "table") {
      const uint32_t oid = ParseOid(Text(row, 3));
      DB9_ASSIGN_OR_RETURN(TableStats stats,
                           MeasureTable(txns.store(), snapshot, oid, indexes_of[oid]));
      table.rows = stats.rows;
      table.rows_exact = stats.rows_exact;
      table.bytes = stats.bytes;
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

Result<TableDescription> QueryTableColumns(SqlRunner& runner, const std::string& schema,
                                           const std::string& table, std::string* oid_out) {
  DB9_ASSIGN_OR_RETURN(
      auto found,
      runner.Query("SELECT c.oid FROM pg_catalog.pg_class c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE n.nspname = " + QuoteLiteral(schema) +
                   " AND c.relname = " + QuoteLiteral(table) +
                   " AND c.relkind IN ('r', 'p', 'v', 'm')"));
  if (found.rows.empty()) {
    return Status::Error(sqlstate::kUndefinedTable,
                         "relation \"" + schema + "." + table + "\" does not exist")
        .WithHint("`db9 db tables` lists the tables");
  }
  std::string oid = Text(found.rows[0], 0);
  if (oid_out != nullptr) *oid_out = oid;
  TableDescription description{schema, table, {}, {}, {}, {}};

  DB9_ASSIGN_OR_RETURN(
      auto columns,
      runner.Query("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
                   "a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attnum "
                   "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d "
                   "ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                   "WHERE a.attrelid = " + oid + " AND a.attnum > 0 AND NOT a.attisdropped "
                   "ORDER BY a.attnum"));
  for (const auto& row : columns.rows) {
    ColumnInfo column{Text(row, 0), Text(row, 1), !True(row, 2), std::nullopt};
    if (row.size() > 3 && row[3]) column.default_expression = *row[3];
    description.columns.push_back(std::move(column));
  }

  // Primary-key columns in key order: conkey is an int2[] of attribute
  // numbers, "{2,1}" as text.
  DB9_ASSIGN_OR_RETURN(
      auto key, runner.Query("SELECT conkey FROM pg_catalog.pg_constraint WHERE conrelid = " + oid +
                             " AND contype = 'p'"));
  if (!key.rows.empty()) {
    std::string list = Text(key.rows[0], 0);
    for (char& c : list) {
      if (c == '{' || c == '}' || c == ',') c = ' ';
    }
    std::istringstream numbers(list);
    int attnum;
    while (numbers >> attnum) {
      for (size_t i = 0; i < columns.rows.size(); ++i) {
        if (Text(columns.rows[i], 4) == std::to_string(attnum)) {
          description.primary_key.push_back(Text(columns.rows[i], 0));
        }
      }
    }
  }
  return description;
}

Result<TableDescription> QueryTableDescription(SqlRunner& runner, const std::string& schema,
                                               const std::string& table) {
  std::string oid;
  DB9_ASSIGN_OR_RETURN(TableDescription description,
                       QueryTableColumns(runner, schema, table, &oid));
  DB9_ASSIGN_OR_RETURN(
      auto indexes,
      runner.Query("SELECT i.relname, pg_catalog.pg_get_indexdef(x.indexrelid), x.indisunique, "
                   "x.indisprimary FROM pg_catalog.pg_index x "
                   "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
                   "WHERE x.indrelid = " + oid + " ORDER BY x.indisprimary DESC, i.relname"));
  for (const auto& row : indexes.rows) {
    description.indexes.push_back({Text(row, 0), Text(row, 1), True(row, 2), True(row, 3)});
  }
  DB9_ASSIGN_OR_RETURN(
      auto constraints,
      runner.Query("SELECT conname, contype, pg_catalog.pg_get_constraintdef(oid) "
                   "FROM pg_catalog.pg_constraint WHERE conrelid = " + oid +
                   " ORDER BY contype, conname"));
  for (const auto& row : constraints.rows) {
    static const std::map<std::string, std::string> kKinds = {
        {"p", "primary key"}, {"u", "unique"}, {"c", "check"}, {"f", "foreign key"}, {"x", "exclusion"}};
    auto kind = kKinds.find(Text(row, 1));
    description.constraints.push_back(
        {Text(row, 0), kind != kKinds.end() ? kind->second : Text(row, 1), Text(row, 2)});
  }

  return description;
}

}  // namespace db9::control
