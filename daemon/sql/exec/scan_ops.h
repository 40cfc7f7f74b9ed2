// Operators that read stored rows: a table scan over a key range of the
// table's rows (all rows, or the rows whose primary key starts with given
// values), an index scan that walks index entries and fetches each row, and
// the scan of a computed system relation.
//
// Key ranges come from an AccessPath the planner picked: equality values for
// a prefix of the key columns and optional bounds on the next column, all
// row-independent expressions evaluated at Open. Predicates the range does
// not enforce stay in a Filter above the scan.
#pragma once

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/row_keys.h"
#include "daemon/catalog/system_registry.h"
#include "daemon/sql/exec/expr.h"
#include "daemon/storage/kv/kv_store.h"

namespace pg_query {
class Node;
}  // namespace pg_query

namespace db9::sql {

// An order a B-tree scan gives: by `columns` (positions in Table::columns)
// ascending with NULLs last or, read backward, all descending with NULLs
// first.
struct RowOrder {
  std::vector<int> columns;
  bool backward = false;
  // Or the one ascending sort key that is an operator expression (a vector
  // distance such as embedding <-> $1), which an HNSW index scan serves
  // (planner/vector_order_path.h).
  const pg_query::Node* expression = nullptr;
};

struct AccessPath {
  const catalog::Index* index = nullptr;  // nullptr: the whole table
  std::vector<ExprPtr> equal;             // values for the first key columns
  ExprPtr lower, upper;                   // bound on key column equal.size()
  bool lower_inclusive = true, upper_inclusive = true;
  // The predicates `equal`/`lower`/`upper` came from, when the range
  // enforces them (no filter above repeats them). The scan evaluates them
  // per row only when a bound value did not convert exactly to the key
  // column's type and the range had to stay wider.
  std::vector<ExprPtr> enforced;
  // Read the range from its end: rows come in descending key order, which
  // serves ORDER BY ... DESC (NULLs first) without a sort.
  bool backward = false;
};

// A forward read of a table's rows from an iterator's position up to `end`
// (exclusive; empty: no bound), each row decoded through `selection`
// straight into an output row: the loop of a straight TableScanOp, and of
// the part of one that another thread takes over.
struct StraightRange {
  const catalog::Table* table;
  const catalog::ColumnSelection* selection;
  kv::Iterator* it;
  std::string_view end;
  // false past the range.
  Result<bool> Next(Row* row) const;
  // Up to rows->size() rows; fewer only at the end of the range.
  Result<size_t> Fill(std::vector<Row>* rows) const;
};

// Emits the table's columns; with `emit_row_key`, one more column holding
// the row's full KV key (bytea), which UPDATE/DELETE use. With `needed`
// (one flag per column), columns the query never reads are emitted as NULL
// without being decoded.
class TableScanOp final : public Operator {
 public:
  TableScanOp(const catalog::Table* table, AccessPath path, bool emit_row_key,
              std::vector<bool> needed = {});
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  Result<size_t> NextBatch(ExecContext& ctx, std::vector<Row>* rows) override;
  // A straight range read without writes of the transaction to merge in
  // splits at the key halfway between its position and its end.
  std::unique_ptr<Operator> SplitOff(ExecContext& ctx) override;
  ExplainNode Explain() const override;

  // Emits only the table columns `sources` (indexes into the table's
  // columns), in that order, as `out_columns`: a select list of plain
  // columns is projected here instead of by an operator of its own, which
  // cost a tenth of a range scan's time. Not with emit_row_key.
  void EmitOnly(const std::vector<int>& sources, std::vector<OutputColumn> out_columns);
  bool emits_row_key() const { return emit_row_key_; }

 private:
  // Builds [start_, end_) (or point_key_) from the path; sets empty_ when no
  // row can match (an equality with NULL or an impossible cast).
  Status BuildRange(ExecContext& ctx);
  // Decodes a stored row into *row; false when a re-checked predicate
  // rejects it.
  Result<bool> EmitStored(ExecContext& ctx, std::string_view key, std::string_view value, Row* row);
  Result<bool> NextViaIndex(ExecContext& ctx, Row* row);
  Result<bool> NextInRange(ExecContext& ctx, Row* row);
  // The iterator's key while it is inside the range (fetched once: scans
  // call this per row).
  std::optional<std::string_view> KeyInRange() const;
  // Moves the iterator one key on, in the path's direction.
  void Advance();

  const catalog::Table* table_;
  AccessPath path_;
  bool emit_row_key_;
  catalog::ColumnSelection needed_;
  // With EmitOnly: where each output column comes from, and whether it is
  // that source's only use (its value is swapped out of decoded_, keeping
  // string buffers in play, instead of copied).
  struct OutputSource {
    int column;
    bool only_use;
  };
  std::vector<OutputSource> sources_;
  Row decoded_;  // the table row that sources_ pick from
  // With EmitOnly and every source used once: decodes straight into the
  // output row, when no predicate needs the whole table row.
  std::optional<catalog::ColumnSelection> direct_;
  // Set at Open: a forward range read into whole rows or through direct_,
  // with nothing to re-check, which Next serves in one step per row.
  bool straight_ = false;
  StraightRange straight_range() const {
    return {table_, direct_ ? &*direct_ : &needed_, it_.get(), end_};
  }
  bool empty_ = false;
  bool point_ = false;  // a single Get of point_key_
  bool point_done_ = false;
  bool recheck_ = false;  // evaluate path_.enforced per row
  std::string start_, end_, point_key_;
  std::unique_ptr<kv::Iterator> it_;
  uint64_t rows_seen_ = 0;
};

class SystemScanOp final : public Operator {
 public:
  explicit SystemScanOp(const catalog::SystemRelation* relation);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  const catalog::SystemRelation* relation_;
  catalog::SystemRows rows_;
  size_t position_ = 0;
};

// Converts a lookup value to the key column's type for encoding; nullopt
// when no stored value of that type can equal it (5.5 for an integer
// column, 1e10 for int4).
Result<std::optional<Value>> ToKeyType(ExecContext& ctx, const Value& value, Oid column_type);

}  // namespace db9::sql
