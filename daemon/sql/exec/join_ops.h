// Joins. Output rows are the left row's columns followed by the right's;
// outer joins fill the missing side with NULLs.
//  - HashJoinOp: equi-joins; builds a hash table of the right input keyed by
//    its key expressions (NULL keys never match), probes with the left.
//  - NestedLoopJoinOp: any condition; materializes the right input once per
//    Open and tests every pair.
// Both take an optional residual condition evaluated on the joined row.
#pragma once

#include <algorithm>
#include <unordered_map>

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

enum class JoinKind { kInner, kLeft, kRight, kFull };

class NestedLoopJoinOp final : public Operator {
 public:
  NestedLoopJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, ExprPtr condition);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;

 private:
  JoinKind kind_;
  OperatorPtr left_, right_;
  ExprPtr condition_;  // may be null (cross join)
  std::vector<Row> right_rows_;
  std::vector<bool> right_matched_;
  Row left_row_;
  bool have_left_ = false, left_matched_ = false, left_done_ = false;
  size_t right_pos_ = 0, unmatched_pos_ = 0;
  size_t left_width_, right_width_;
};

class HashJoinOp final : public Operator {
 public:
  HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right, std::vector<ExprPtr> left_keys,
             std::vector<ExprPtr> right_keys, ExprPtr residual);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;

 private:
  Result<std::optional<std::string>> KeyOf(ExecContext& ctx, const std::vector<ExprPtr>& exprs,
                                           const Row& row);

  JoinKind kind_;
  OperatorPtr left_, right_;
  std::vector<ExprPtr> left_keys_, right_keys_;
  ExprPtr residual_;
  std::vector<Row> right_rows_;
  std::vector<bool> right_matched_;
  std::unordered_multimap<std::string, size_t> table_;
  Row left_row_;
  std::vector<size_t> candidates_;
  size_t candidate_pos_ = 0;
  bool have_left_ = false, left_matched_ = false, left_done_ = false;
  size_t unmatched_pos_ = 0;
  size_t left_width_, right_width_;
};

}  // namespace db9::sql
