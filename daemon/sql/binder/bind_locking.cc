#include "daemon/sql/binder/locking_binding.h"

namespace db9::sql {
namespace {

RowLockWait WaitOf(pg_query::LockWaitPolicy policy) {
  switch (policy) {
    case pg_query::LockWaitSkip: return RowLockWait::kSkipLocked;
    case pg_query::LockWaitError: return RowLockWait::kNoWait;
    default: return RowLockWait::kBlock;
  }
}

// PostgreSQL combines clauses naming one table by the strictest policy:
// NOWAIT over SKIP LOCKED over waiting.
int Strictness(RowLockWait wait) {
  switch (wait) {
    case RowLockWait::kBlock: return 0;
    case RowLockWait::kSkipLocked: return 1;
    case RowLockWait::kNoWait: return 2;
  }
  return 0;
}

void LeafAliases(const FromItem& item, std::vector<std::string>* out) {
  if (item.left) {
    LeafAliases(*item.left, out);
    LeafAliases(*item.right, out);
    return;
  }
  out->push_back(item.alias);
}

}  // namespace

RowLocking::RowLocking(const pg_query::SelectStmt& stmt) : stmt_(stmt) {
  for (const pg_query::Node& clause : stmt.locking_clause()) {
    for (const pg_query::Node& rel : clause.locking_clause().locked_rels()) {
      named_.push_back(rel.range_var().relname());
    }
  }
  named_found_.assign(named_.size(), false);
}

std::string RowLocking::Strength() const {
  switch (stmt_.locking_clause(0).locking_clause().strength()) {
    case pg_query::LCS_FORKEYSHARE: return "FOR KEY SHARE";
    case pg_query::LCS_FORSHARE: return "FOR SHARE";
    case pg_query::LCS_FORNOKEYUPDATE: return "FOR NO KEY UPDATE";
    default: return "FOR UPDATE";
  }
}

std::optional<RowLockWait> RowLocking::WaitFor(const std::string& alias) {
  std::optional<RowLockWait> wait;
  size_t name_index = 0;
  for (const pg_query::Node& node : stmt_.locking_clause()) {
    const pg_query::LockingClause& clause = node.locking_clause();
    bool applies = clause.locked_rels_size() == 0;
    for (int i = 0; i < clause.locked_rels_size(); ++i, ++name_index) {
      if (named_[name_index] != alias) continue;
      applies = true;
      named_found_[name_index] = true;
    }
    if (!applies) continue;
    RowLockWait w = WaitOf(clause.wait_policy());
    if (!wait || Strictness(w) > Strictness(*wait)) wait = w;
  }
  return wait;
}

Status RowLocking::Mark(const pg_query::Node& node, FromItem* item, size_t from_width) {
  if (!active()) return Status::OK();
  if (item->left) {
    std::vector<std::string> aliases;
    LeafAliases(*item, &aliases);
    for (const std::string& alias : aliases) {
      if (WaitFor(alias)) return NotSupported(Strength() + " of a table inside JOIN ... ON/USING");
    }
    return Status::OK();
  }
  std::optional<RowLockWait> wait = WaitFor(item->alias);
  if (!wait) return Status::OK();
  if (item->table == nullptr) {
    // Without OF, PostgreSQL locks only tables (and tables inside subqueries).
    if (node.has_range_subselect()) return NotSupported(Strength() + " of a subquery in FROM");
    if (named_.empty()) return Status::OK();
    return Status::Error(sqlstate::kFeatureNotSupported,
                         Strength() + " cannot be applied to \"" + item->alias + "\": only tables can be locked");
  }
  const int first = static_cast<int>(from_width);
  item->emit_row_key = true;
  item->scope.columns.push_back({item->alias, "ctid", types::oid::kBytea, -1, 0, 0, true});
  tables_.push_back({item->table, first, first + static_cast<int>(item->table->columns.size()), *wait});
  return Status::OK();
}

Status RowLocking::CheckAllNamed() const {
  for (size_t i = 0; i < named_.size(); ++i) {
    if (!named_found_[i]) {
      return Status::Error(sqlstate::kUndefinedTable, "relation \"" + named_[i] +
                                                          "\" in " + Strength() +
                                                          " clause not found in FROM clause");
    }
  }
  return Status::OK();
}

Status RowLocking::CheckQueryShape(bool grouped, bool has_window, bool has_set_functions) const {
  if (!active()) return Status::OK();
  auto refuse = [&](const std::string& what) {
    return Status::Error(sqlstate::kFeatureNotSupported, Strength() + " is not allowed with " + what);
  };
  if (stmt_.distinct_clause_size() > 0) return refuse("DISTINCT clause");
  if (stmt_.group_clause_size() > 0) return refuse("GROUP BY clause");
  if (stmt_.has_having_clause()) return refuse("HAVING clause");
  if (grouped) return refuse("aggregate functions");
  if (has_window) return refuse("window functions");
  if (has_set_functions) return refuse("set-returning functions in the target list");
  return Status::OK();
}

}  // namespace db9::sql
