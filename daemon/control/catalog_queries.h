// What the browsing operations ask the catalog, through SQL on pg_catalog
// (the same views psql's \d and ORMs use), so the answers match what a
// PostgreSQL client sees.
#pragma once

#include <string>
#include <vector>

#include "daemon/control/sql_runner.h"
#include "shared/control/types.h"

namespace db9::control {

// User tables and views (not pg_catalog / information_schema), by schema and
// name; tables with their row estimate and size on disk (table_stats.h).
Result<std::vector<TableInfo>> QueryTables(SqlRunner& runner);
// Columns and primary key only (no indexes): what paging needs.
// 42P01 "relation "schema.table" does not exist" when missing.
Result<TableDescription> QueryTableColumns(SqlRunner& runner, const std::string& schema,
                                           const std::string& table, std::string* oid = nullptr);
// Columns, primary key and indexes.
Result<TableDescription> QueryTableDescription(SqlRunner& runner, const std::string& schema,
                                               const std::string& table);

}  // namespace db9::control
