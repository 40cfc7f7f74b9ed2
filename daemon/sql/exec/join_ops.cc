#include "daemon/sql/exec/join_ops.h"

#include "daemon/sql/exec/group_key.h"

namespace db9::sql {
namespace {

std::vector<OutputColumn> Concat(const std::vector<OutputColumn>& a,
                                 const std::vector<OutputColumn>& b) {
  std::vector<OutputColumn> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

void Combine(const Row& left, const Row* right, size_t right_width,
             const std::vector<OutputColumn>& columns, size_t left_width, Row* out) {
  out->clear();
  out->insert(out->end(), left.begin(), left.end());
  if (right != nullptr) {
    out->insert(out->end(), right->begin(), right->end());
  } else {
    for (size_t i = 0; i < right_width; ++i) out->push_back(Value::Null(columns[left_width + i].type));
  }
}

void NullLeft(const Row& right, size_t left_width, const std::vector<OutputColumn>& columns,
              Row* out) {
  out->clear();
  for (size_t i = 0; i < left_width; ++i) out->push_back(Value::Null(columns[i].type));
  out->insert(out->end(), right.begin(), right.end());
}

Status Materialize(ExecContext& ctx, Operator& input, std::vector<Row>* rows) {
  rows->clear();
  DB9_RETURN_IF_ERROR(input.Open(ctx));
  Row row;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input.Next(ctx, &row));
    if (!more) return Status::OK();
    rows->push_back(std::move(row));
  }
}

}  // namespace

MaterializedJoinOp::MaterializedJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right,
                                       ExprPtr residual)
    : kind_(kind), left_(std::move(left)), right_(std::move(right)),
      residual_(std::move(residual)) {
  left_width_ = left_->columns.size();
  right_width_ = right_->columns.size();
  columns = Concat(left_->columns, right_->columns);
}

Status MaterializedJoinOp::Open(ExecContext& ctx) {
  DB9_RETURN_IF_ERROR(Materialize(ctx, *right_, &right_rows_));
  right_matched_.assign(right_rows_.size(), false);
  DB9_RETURN_IF_ERROR(BuildRight(ctx));
  have_left_ = left_done_ = false;
  unmatched_pos_ = 0;
  return left_->Open(ctx);
}

Result<bool> MaterializedJoinOp::Next(ExecContext& ctx, Row* row) {
  while (!left_done_) {
    if (!have_left_) {
      DB9_ASSIGN_OR_RETURN(bool more, left_->Next(ctx, &left_row_));
      if (!more) {
        left_done_ = true;
        break;
      }
      have_left_ = true;
      left_matched_ = false;
      DB9_RETURN_IF_ERROR(StartLeftRow(ctx, left_row_));
      DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    }
    while (std::optional<size_t> i = NextCandidate()) {
      Combine(left_row_, &right_rows_[*i], right_width_, columns, left_width_, row);
      bool match = true;
      if (residual_) {
        DB9_ASSIGN_OR_RETURN(match, EvalPredicate(*residual_, ctx, *row));
      }
      if (match) {
        left_matched_ = true;
        right_matched_[*i] = true;
        return true;
      }
    }
    have_left_ = false;
    if (!left_matched_ && (kind_ == JoinKind::kLeft || kind_ == JoinKind::kFull)) {
      Combine(left_row_, nullptr, right_width_, columns, left_width_, row);
      return true;
    }
  }
  if (kind_ == JoinKind::kRight || kind_ == JoinKind::kFull) {
    while (unmatched_pos_ < right_rows_.size()) {
      size_t i = unmatched_pos_++;
      if (!right_matched_[i]) {
        NullLeft(right_rows_[i], left_width_, columns, row);
        return true;
      }
    }
  }
  return false;
}

NestedLoopJoinOp::NestedLoopJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right,
                                   ExprPtr condition)
    : MaterializedJoinOp(kind, std::move(left), std::move(right), std::move(condition)) {}

Status NestedLoopJoinOp::StartLeftRow(ExecContext&, const Row&) {
  right_pos_ = 0;
  return Status::OK();
}

std::optional<size_t> NestedLoopJoinOp::NextCandidate() {
  if (right_pos_ >= right_rows().size()) return std::nullopt;
  return right_pos_++;
}

HashJoinOp::HashJoinOp(JoinKind kind, OperatorPtr left, OperatorPtr right,
                       std::vector<ExprPtr> left_keys, std::vector<ExprPtr> right_keys,
                       ExprPtr residual)
    : MaterializedJoinOp(kind, std::move(left), std::move(right), std::move(residual)),
      left_keys_(std::move(left_keys)), right_keys_(std::move(right_keys)) {}

Result<std::optional<std::string>> HashJoinOp::KeyOf(ExecContext& ctx,
                                                     const std::vector<ExprPtr>& exprs,
                                                     const Row& row) {
  std::string key;
  for (const ExprPtr& expr : exprs) {
    DB9_ASSIGN_OR_RETURN(Value v, expr->Eval(ctx, row));
    if (v.is_null()) return std::optional<std::string>();
    DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), v, &key));
  }
  return std::optional<std::string>(std::move(key));
}

Status HashJoinOp::BuildRight(ExecContext& ctx) {
  table_.clear();
  for (size_t i = 0; i < right_rows().size(); ++i) {
    DB9_ASSIGN_OR_RETURN(std::optional<std::string> key, KeyOf(ctx, right_keys_, right_rows()[i]));
    if (key) table_.emplace(std::move(*key), i);
  }
  return Status::OK();
}

Status HashJoinOp::StartLeftRow(ExecContext& ctx, const Row& left) {
  candidates_.clear();
  candidate_pos_ = 0;
  DB9_ASSIGN_OR_RETURN(std::optional<std::string> key, KeyOf(ctx, left_keys_, left));
  if (key) {
    auto [begin, end] = table_.equal_range(*key);
    for (auto it = begin; it != end; ++it) candidates_.push_back(it->second);
    // Keep the right input's order among equal keys.
    std::sort(candidates_.begin(), candidates_.end());
  }
  return Status::OK();
}

std::optional<size_t> HashJoinOp::NextCandidate() {
  if (candidate_pos_ >= candidates_.size()) return std::nullopt;
  return candidates_[candidate_pos_++];
}

}  // namespace db9::sql
