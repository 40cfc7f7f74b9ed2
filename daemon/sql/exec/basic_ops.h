// Row-at-a-time operators that transform one input: filter, projection,
// limit/offset, sort, distinct, and sources of literal or materialized rows.
#pragma once

#include <deque>
#include <memory>
#include <unordered_set>

#include "daemon/sql/exec/expr.h"
#include "daemon/sql/exec/operator.h"

namespace db9::sql {

class FilterOp final : public Operator {
 public:
  FilterOp(OperatorPtr input, ExprPtr predicate);
  Status Open(ExecContext& ctx) override { return input_->Open(ctx); }
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  ExprPtr predicate_;
};

class ProjectOp final : public Operator {
 public:
  ProjectOp(OperatorPtr input, std::vector<ExprPtr> exprs, std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override { return input_->Open(ctx); }
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;
  // One row out per row in.
  void BoundOutput(std::optional<uint64_t> rows) override { input_->BoundOutput(rows); }

 private:
  OperatorPtr input_;
  std::vector<ExprPtr> exprs_;
  Row scratch_;
};

// LIMIT / OFFSET; the counts are expressions evaluated at Open (parameters).
class LimitOp final : public Operator {
 public:
  LimitOp(OperatorPtr input, ExprPtr limit, ExprPtr offset);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  ExprPtr limit_, offset_;
  int64_t remaining_ = -1;  // -1: unlimited
  int64_t to_skip_ = 0;
};

struct SortKey {
  ExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

// Materializes its input, sorts it (stable), then streams it.
class SortOp final : public Operator {
 public:
  SortOp(OperatorPtr input, std::vector<SortKey> keys);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;
  void BoundOutput(std::optional<uint64_t> rows) override { bound_ = rows; }

 private:
  OperatorPtr input_;
  std::vector<SortKey> keys_;
  std::optional<uint64_t> bound_;
  std::vector<Row> rows_;
  size_t position_ = 0;
};

// DISTINCT over whole rows (or DISTINCT ON the first `key_columns` columns).
class DistinctOp final : public Operator {
 public:
  DistinctOp(OperatorPtr input, int key_columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  int key_columns_;
  std::unordered_set<std::string> seen_;
};

// VALUES lists and SELECT without FROM (one row of no columns).
class ValuesOp final : public Operator {
 public:
  ValuesOp(std::vector<std::vector<ExprPtr>> rows, std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  std::vector<std::vector<ExprPtr>> rows_;
  size_t position_ = 0;
};

// Rows held in memory and shared: a CTE's result, read by each reference.
struct MaterializedRows {
  std::vector<Row> rows;
  bool filled = false;
  uint64_t execution_id = 0;
};

// Appends inputs one after another (UNION ALL).
class AppendOp final : public Operator {
 public:
  explicit AppendOp(std::vector<OperatorPtr> inputs);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  std::vector<OperatorPtr> inputs_;
  size_t current_ = 0;
};

// UNION / INTERSECT / EXCEPT [ALL] by counting rows of each side.
class SetOpOp final : public Operator {
 public:
  enum class Kind { kUnion, kIntersect, kExcept };
  SetOpOp(Kind kind, bool all, OperatorPtr left, OperatorPtr right);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  Kind kind_;
  bool all_;
  OperatorPtr left_, right_;
  std::deque<Row> output_;
};

// Compares two rows on sort keys already evaluated into `a`/`b` positions.
Result<int> CompareSortValues(const types::TypeRegistry& types, const Value& a, const Value& b,
                              bool descending, bool nulls_first);

}  // namespace db9::sql
