// SELECT DISTINCT ON (expr, ...): each key becomes a position of the
// projection — an output column by number or name, a target written the
// same way, or else a hidden (junk) column — and ORDER BY, if any, must
// start with the keys (PostgreSQL's 42P10), so the first row of each key
// is well defined.
#include <algorithm>

#include "daemon/sql/binder/select_binding.h"

namespace db9::sql {

Result<std::vector<int>> BindDistinctOnKeys(Binder& binder, const pg_query::SelectStmt& stmt,
                                            const Scope& scope,
                                            const std::vector<const pg_query::Node*>& targets,
                                            const std::vector<SortKey>& sort_keys,
                                            std::vector<ExprPtr>* exprs,
                                            std::vector<OutputColumn>* columns, size_t visible) {
  std::vector<int> keys;
  for (const pg_query::Node& n : stmt.distinct_clause()) {
    int position = -1;
    if (n.has_a_const() && n.a_const().has_ival()) {
      int k = n.a_const().ival().ival();
      if (k < 1 || k > static_cast<int>(visible)) {
        return Status::Error(sqlstate::kInvalidColumnReference,
                             "DISTINCT ON position " + std::to_string(k) + " is not in select list");
      }
      position = k - 1;
    } else if (n.has_column_ref() && n.column_ref().fields_size() == 1 &&
               n.column_ref().fields(0).has_string()) {
      std::string name = StringValue(n.column_ref().fields(0));
      for (size_t i = 0; i < visible && position < 0; ++i) {
        if ((*columns)[i].name == name) position = static_cast<int>(i);
      }
    }
    if (position < 0) {
      std::string key = NodeKey(n);
      for (size_t i = 0; i < targets.size() && position < 0; ++i) {
        if (targets[i] != nullptr && NodeKey(*targets[i]) == key) position = static_cast<int>(i);
      }
    }
    if (position < 0) {
      // An ORDER BY item written the same way already has a column.
      std::string key = NodeKey(n);
      for (int i = 0; i < stmt.sort_clause_size() && position < 0; ++i) {
        auto* col = dynamic_cast<const ColumnExpr*>(sort_keys[i].expr.get());
        if (col != nullptr && NodeKey(stmt.sort_clause(i).sort_by().node()) == key) position = col->index;
      }
    }
    if (position < 0) {
      DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(n, scope));
      position = static_cast<int>(exprs->size());
      columns->push_back({"?junk?", e->type, e->typmod, 0, 0});
      exprs->push_back(std::move(e));
    }
    keys.push_back(position);
  }
  return keys;
}

Status CheckDistinctOnOrder(const std::vector<int>& keys, const std::vector<SortKey>& sort_keys) {
  std::vector<int> pending = keys;
  for (const SortKey& s : sort_keys) {
    if (pending.empty()) break;
    auto* col = dynamic_cast<const ColumnExpr*>(s.expr.get());
    auto it = col == nullptr ? pending.end() : std::find(pending.begin(), pending.end(), col->index);
    if (it == pending.end()) {
      return Status::Error(sqlstate::kInvalidColumnReference,
                           "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
    }
    // A key may be listed twice in DISTINCT ON; one ORDER BY item covers it.
    pending.erase(std::remove(pending.begin(), pending.end(), *it), pending.end());
  }
  return Status::OK();
}

}  // namespace db9::sql
