// Joins. Output rows are the left row's columns followed by the right's;
// outer joins fill the missing side with NULLs.
//  - HashJoinOp: equi-joins; builds a hash table of the right input keyed by
//    its key expressions (NULL keys never match), probes with the left.
//  - NestedLoopJoinOp: any condition; materializes the right input once per
//    Open and tests every pair.
// Both take an optional residual condition evaluated on the joined row.
#pragma once

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

enum class JoinKind { kInner, kLeft, kRight, kFull };

// The part both joins share: the right input held in memory, the left
// streamed, the residual test and the outer-join bookkeeping. A subclass
// only says which right rows are candidates for the current left row.
class MaterializedJoinOp : public Operator {
 public:
  Status Open(ExecContext& ctx) final;
  Result<bool> Next(ExecContext& ctx, Row* row) final;
  ExplainNode Explain() const final;

 protected:
  MaterializedJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, ExprPtr residual);
  // "Hash" or "Nested Loop", for EXPLAIN.
  virtual const char* method_name() const = 0;
  const std::vector<Row>& right_rows() const { return right_rows_; }

 private:
  // Called after the right input is materialized.
  virtual Status BuildRight(ExecContext& ctx) = 0;
  // Called once per left row, before its candidates are asked for.
  virtual Status StartLeftRow(ExecContext& ctx, const Row& left) = 0;
  // The next right row (index) that may match the current left row.
  virtual std::optional<size_t> NextCandidate() = 0;

  JoinKind kind_;
  OperatorPtr left_, right_;
  ExprPtr residual_;  // may be null (cross join, pure equi-join)
  std::vector<Row> right_rows_;
  std::vector<bool> right_matched_;
  Row left_row_;
  bool have_left_ = false, left_matched_ = false, left_done_ = false;
  size_t unmatched_pos_ = 0;
  size_t left_width_, right_width_;
};

class NestedLoopJoinOp final : public MaterializedJoinOp {
 public:
  NestedLoopJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, ExprPtr condition);

 private:
  const char* method_name() const override { return "Nested Loop"; }
  Status BuildRight(ExecContext&) override { return Status::OK(); }
  Status StartLeftRow(ExecContext&, const Row&) override;
  std::optional<size_t> NextCandidate() override;

  size_t right_pos_ = 0;
};

class HashJoinOp final : public MaterializedJoinOp {
 public:
  HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, std::vector<ExprPtr> left_keys,
             std::vector<ExprPtr> right_keys, ExprPtr residual);

 private:
  const char* method_name() const override { return "Hash"; }
  Status BuildRight(ExecContext& ctx) override;
  Status StartLeftRow(ExecContext& ctx, const Row& left) override;
  std::optional<size_t> NextCandidate() override;
  Result<std::optional<std::string>> KeyOf(ExecContext& ctx, const std::vector<ExprPtr>& exprs,
                                            const Row& row);

  std::vector<ExprPtr> left_keys_, right_keys_;
  std::unordered_multimap<std::string, size_t> table_;
  std::vector<size_t> candidates_;
  size_t candidate_pos_ = 0;
};

}  // namespace db9::sql
