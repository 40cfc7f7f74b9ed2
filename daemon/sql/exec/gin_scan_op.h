// The scan of a GIN path, as PostgreSQL's Bitmap Heap Scan over a Bitmap
// Index Scan: GinBitmapOp reads the term ranges of each condition (through
// the transaction's iterator, so its own writes count) and combines their
// row keys — intersection for @> ?& = and across conditions, union for ?|
// && <@ — into one sorted, distinct list; GinScanOp fetches each row under
// the statement's snapshot and re-checks the conditions, since GIN terms
// are lossy. Conditions whose terms constrain nothing (@> '{}') read the
// table's row keys instead: all rows, re-checked.
#pragma once

#include "daemon/sql/planner/gin_path.h"

namespace db9::sql {

// Emits one bytea column: the row keys (suffixes after the table prefix).
class GinBitmapOp final : public Operator {
 public:
  GinBitmapOp(const catalog::Table* table, GinPath path);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

  const GinPath& path() const { return path_; }
  // The next row key suffix; false at the end.
  bool NextRowKey(std::string* suffix);

 private:
  // The row keys holding `term` in index column `column`, sorted.
  Result<std::vector<std::string>> TermRows(kv::Iterator* it, size_t column, std::string_view term) const;
  // The row keys holding every one of `terms`, sorted. Each term's range
  // gets an iterator that seeks to the largest row key another stands at,
  // so the work follows the rarest term, not the most common one ('{"a": 3}'
  // reads about as many entries as there are rows with a 3, not with an "a").
  Result<std::vector<std::string>> RowsWithAll(ExecContext& ctx, size_t column,
                                               const std::vector<std::string>& terms) const;
  // The row keys of every row of the table, sorted.
  Result<std::vector<std::string>> AllRows(ExecContext& ctx, kv::Iterator* it) const;

  const catalog::Table* table_;
  GinPath path_;
  std::vector<std::string> row_keys_;
  size_t position_ = 0;
};

// Emits the table's columns like TableScanOp (with `emit_row_key`, the
// row's full key as one more bytea column; `needed` as there).
class GinScanOp final : public Operator {
 public:
  GinScanOp(const catalog::Table* table, GinPath path, bool emit_row_key, std::vector<bool> needed);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  const catalog::Table* table_;
  GinBitmapOp bitmap_;
  bool emit_row_key_;
  catalog::ColumnSelection needed_;
  std::string table_prefix_;
  uint64_t rows_seen_ = 0;
};

}  // namespace db9::sql
