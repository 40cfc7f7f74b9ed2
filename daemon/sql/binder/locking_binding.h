// SELECT ... FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE
// [OF name, ...] [NOWAIT | SKIP LOCKED] (bind_locking.cc), planned as a
// LockRowsOp (exec/lock_rows_op.h).
#pragma once

#include "daemon/sql/binder/select_binding.h"
#include "daemon/sql/exec/lock_rows_op.h"

namespace db9::sql {

// The locking clauses of one SELECT and the tables they lock.
class RowLocking {
 public:
  explicit RowLocking(const pg_query::SelectStmt& stmt);
  bool active() const { return stmt_.locking_clause_size() > 0; }
  // "FOR UPDATE", "FOR SHARE", ... as the first clause says (for messages).
  std::string Strength() const;

  // Called for each top-level FROM item right after it is bound, before its
  // columns join the FROM row (which has `from_width` columns so far). A
  // locked table emits its row keys (a hidden column of its scope); FROM
  // items that cannot be locked get 0A000.
  Status Mark(const pg_query::Node& node, FromItem* item, size_t from_width);
  // After the FROM list: every OF name must have named an item (42P01).
  Status CheckAllNamed() const;
  // 0A000 for what PostgreSQL refuses with row locks.
  Status CheckQueryShape(bool grouped, bool has_window, bool has_set_functions) const;

  const std::vector<LockedTable>& tables() const { return tables_; }

 private:
  // The wait policy of the clauses naming `alias` (all clauses without OF
  // name every item); nullopt when no clause locks it.
  std::optional<RowLockWait> WaitFor(const std::string& alias);

  const pg_query::SelectStmt& stmt_;
  std::vector<std::string> named_;   // OF names
  std::vector<bool> named_found_;
  std::vector<LockedTable> tables_;
};

}  // namespace db9::sql
