// ORDER BY that the access path already provides: a single table scanned
// in primary-key or index order needs no sort, and with LIMIT the scan
// stops after the rows it returns (keyset paging, "latest N" queries).
#include "daemon/sql/binder/select_binding.h"

namespace db9::sql {

std::vector<int> OrderHint(const pg_query::SelectStmt& stmt, const FromItem& item) {
  std::vector<int> hint;
  if (item.table == nullptr || !stmt.has_limit_count()) return hint;
  for (const pg_query::Node& s : stmt.sort_clause()) {
    const pg_query::SortBy& sort = s.sort_by();
    if (sort.sortby_dir() == pg_query::SORTBY_DESC || sort.sortby_dir() == pg_query::SORTBY_USING ||
        sort.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST || !sort.node().has_column_ref()) {
      break;
    }
    const auto& fields = sort.node().column_ref().fields();
    if (fields.size() > 2 || !fields[fields.size() - 1].has_string()) break;
    if (fields.size() == 2 && StringValue(fields[0]) != item.alias) break;
    const std::string name = StringValue(fields[fields.size() - 1]);
    int position = -1;
    for (size_t i = 0; i < item.scope.columns.size(); ++i) {
      if (!item.scope.columns[i].hidden && item.scope.columns[i].name == name) position = static_cast<int>(i);
    }
    if (position < 0) break;
    hint.push_back(position);
  }
  return hint;
}

bool OrderProvided(const FromItem& item, const std::vector<SortKey>& sort_keys,
                   const std::vector<ExprPtr>& projection) {
  if (item.table == nullptr || sort_keys.size() > item.scan_order.size()) return false;
  for (size_t k = 0; k < sort_keys.size(); ++k) {
    const SortKey& key = sort_keys[k];
    if (key.descending || key.nulls_first) return false;
    auto* output = dynamic_cast<const ColumnExpr*>(key.expr.get());
    if (output == nullptr || output->index < 0 || static_cast<size_t>(output->index) >= projection.size()) {
      return false;
    }
    // The projected value must be the table column itself, not a cast of it
    // (a cast may order differently).
    auto* column = dynamic_cast<const ColumnExpr*>(projection[output->index].get());
    if (column == nullptr || column->levels_up != 0 || column->index != item.scan_order[k]) return false;
  }
  return true;
}

}  // namespace db9::sql
