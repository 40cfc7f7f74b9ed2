// TableWriter: row-level writes with everything PostgreSQL checks on the
// way — NOT NULL (23502), CHECK (23514), unique and primary keys (23505),
// foreign keys in both directions (23503, with ON DELETE CASCADE / SET NULL
// / RESTRICT) — and the maintenance of every index.
//
// Uniqueness is decided under the key's write lock (mvcc LockForWrite): a
// concurrent inserter of the same key waits for the first transaction to
// finish and then sees its committed row, so exactly one of them gets 23505.
#pragma once

#include "daemon/catalog/catalog.h"
#include "daemon/sql/exec/expr.h"

namespace db9::sql {

struct BoundCheck {
  const catalog::Constraint* constraint = nullptr;
  ExprPtr expr;  // over the table row (columns in Table::columns order)
};

// A table prepared for writing: its CHECK constraints bound.
struct WriteTarget {
  const catalog::Table* table = nullptr;
  std::vector<BoundCheck> checks;
};

// The unique indexes an ON CONFLICT clause arbitrates. A conflict on one of
// them is reported as an outcome; on any other unique index it stays 23505,
// as in PostgreSQL. `all`: every unique index (DO NOTHING without a target).
struct ConflictArbiters {
  bool all = false;
  std::vector<Oid> indexes;
  bool Covers(Oid index_oid) const;
};

struct InsertOutcome {
  bool inserted = false;
  std::string row_key;  // when inserted: the new row's key
  // When not inserted: the key of the existing row that conflicts.
  std::string conflicting_row_key;
  const catalog::Index* conflicting_index = nullptr;
};

class TableWriter {
 public:
  TableWriter(ExecContext& ctx, const WriteTarget& target) : ctx_(ctx), target_(target) {}

  // Inserts `row` (Table::columns order, already coerced, defaults applied).
  // With `arbiters` (ON CONFLICT), a conflict on one of them is returned as
  // an outcome instead of an error.
  Result<InsertOutcome> Insert(const Row& row, const ConflictArbiters* arbiters);
  Status Update(std::string_view row_key, const Row& old_row, const Row& new_row);
  Status Delete(std::string_view row_key, const Row& old_row);

  // The row key a new row gets (primary key or a fresh hidden row id).
  Result<std::string> RowKeyFor(const Row& row);
  // 23503 unless every foreign key of `row` finds its referenced row; with
  // `old_row`, only keys whose values changed are checked.
  Status CheckOutgoingForeignKeys(const Row& row, const Row* old_row);

 private:
  Status CheckRow(const Row& row);
  // Writes a moved row's index entries; a unique conflict is 23505.
  Status WriteIndexEntries(const Row& row, std::string_view row_key_suffix);

  ExecContext& ctx_;
  const WriteTarget& target_;
};

// Deletes (or nulls) the rows of other tables that reference the deleted
// parent row, or fails with 23503, per each referencing constraint's ON
// DELETE action. Used for DELETE and for a primary-key change by UPDATE.
Status ApplyReferencingActions(ExecContext& ctx, const catalog::Table& parent, const Row& old_row,
                               const Row* new_row);

// "Key (a, b)=(1, x)" text of PostgreSQL's unique/foreign-key DETAIL lines.
std::string KeyDetail(ExecContext& ctx, const catalog::Table& table,
                      const std::vector<int16_t>& attnums, const Row& row);

// Deletes the index entries a row produced.
Status DeleteIndexEntries(ExecContext& ctx, const catalog::Table& table, const Row& row,
                          std::string_view row_key_suffix);
// Deletes a row and its index entries without any checks.
Status RemoveRowAndEntries(ExecContext& ctx, const catalog::Table& table,
                           std::string_view row_key, const Row& row);

}  // namespace db9::sql
