// ORDER BY that the access path already provides: a single table scanned
// in primary-key or index order, forwards or backwards, needs no sort, and
// with LIMIT the scan stops after the rows it returns (keyset paging,
// "latest N" queries).
#include "daemon/sql/binder/select_binding.h"

namespace db9::sql {
namespace {

// Whether a sort key asks for the order a backward B-tree scan gives
// (DESC, NULLs first); nullopt for an order no scan gives.
std::optional<bool> ScanDirection(const pg_query::SortBy& sort) {
  const bool descending = sort.sortby_dir() == pg_query::SORTBY_DESC;
  if (sort.sortby_dir() == pg_query::SORTBY_USING) return std::nullopt;
  const bool nulls_first = sort.sortby_nulls() == pg_query::SORTBY_NULLS_DEFAULT
                               ? descending
                               : sort.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST;
  if (nulls_first != descending) return std::nullopt;
  return descending;
}

}  // namespace

RowOrder OrderHint(const pg_query::SelectStmt& stmt, const FromItem& item) {
  RowOrder hint;
  if (item.table == nullptr || !stmt.has_limit_count()) return hint;
  if (stmt.sort_clause_size() == 1 && stmt.sort_clause(0).sort_by().node().has_a_expr() &&
      stmt.sort_clause(0).sort_by().node().a_expr().kind() == pg_query::AEXPR_OP &&
      ScanDirection(stmt.sort_clause(0).sort_by()) == false) {
    hint.expression = &stmt.sort_clause(0).sort_by().node();
    return hint;
  }
  for (const pg_query::Node& s : stmt.sort_clause()) {
    const pg_query::SortBy& sort = s.sort_by();
    const std::optional<bool> backward = ScanDirection(sort);
    if (!backward || !sort.node().has_column_ref()) break;
    if (hint.columns.empty()) {
      hint.backward = *backward;
    } else if (hint.backward != *backward) {
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
    hint.columns.push_back(position);
  }
  return hint;
}

bool OrderProvided(const FromItem& item, const std::vector<SortKey>& sort_keys,
                   const std::vector<ExprPtr>& projection) {
  const RowOrder& order = item.scan_order;
  // The scan orders by the sort key the hint was made from, ascending.
  if (order.expression != nullptr) return sort_keys.size() == 1;
  if (item.table == nullptr || sort_keys.size() > order.columns.size()) return false;
  for (size_t k = 0; k < sort_keys.size(); ++k) {
    const SortKey& key = sort_keys[k];
    if (key.descending != order.backward || key.nulls_first != order.backward) return false;
    auto* output = dynamic_cast<const ColumnExpr*>(key.expr.get());
    if (output == nullptr || output->index < 0 || static_cast<size_t>(output->index) >= projection.size()) {
      return false;
    }
    // The projected value must be the table column itself, not a cast of it
    // (a cast may order differently).
    auto* column = dynamic_cast<const ColumnExpr*>(projection[output->index].get());
    if (column == nullptr || column->levels_up != 0 || column->index != order.columns[k]) return false;
  }
  return true;
}

}  // namespace db9::sql
