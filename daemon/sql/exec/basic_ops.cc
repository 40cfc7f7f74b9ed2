#include "daemon/sql/exec/basic_ops.h"

#include <algorithm>
#include <limits>
#include <map>

#include "daemon/sql/exec/group_key.h"

namespace db9::sql {

FilterOp::FilterOp(OperatorPtr input, ExprPtr predicate)
    : input_(std::move(input)), predicate_(std::move(predicate)) {
  columns = input_->columns;
}

Result<bool> FilterOp::Next(ExecContext& ctx, Row* row) {
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
    if (!more) return false;
    DB9_ASSIGN_OR_RETURN(bool pass, EvalPredicate(*predicate_, ctx, *row));
    if (pass) return true;
  }
}

ProjectOp::ProjectOp(OperatorPtr input, std::vector<ExprPtr> exprs,
                     std::vector<OutputColumn> out_columns)
    : input_(std::move(input)), exprs_(std::move(exprs)) {
  columns = std::move(out_columns);
}

Result<bool> ProjectOp::Next(ExecContext& ctx, Row* row) {
  DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &scratch_));
  if (!more) return false;
  row->resize(exprs_.size());
  for (size_t i = 0; i < exprs_.size(); ++i) {
    DB9_RETURN_IF_ERROR(EvalInto(*exprs_[i], ctx, scratch_, &(*row)[i]));
  }
  return true;
}

LimitOp::LimitOp(OperatorPtr input, ExprPtr limit, ExprPtr offset)
    : input_(std::move(input)), limit_(std::move(limit)), offset_(std::move(offset)) {
  columns = input_->columns;
}

Status LimitOp::Open(ExecContext& ctx) {
  remaining_ = -1;
  to_skip_ = 0;
  Row empty;
  if (limit_) {
    DB9_ASSIGN_OR_RETURN(Value v, limit_->Eval(ctx, empty));
    if (!v.is_null()) {
      if (v.as_int() < 0) {
        return Status::Error("2201W", "LIMIT must not be negative");
      }
      remaining_ = v.as_int();
    }
  }
  if (offset_) {
    DB9_ASSIGN_OR_RETURN(Value v, offset_->Eval(ctx, empty));
    if (!v.is_null()) {
      if (v.as_int() < 0) return Status::Error("2201X", "OFFSET must not be negative");
      to_skip_ = v.as_int();
    }
  }
  std::optional<uint64_t> bound;
  if (remaining_ >= 0) {
    const uint64_t most = std::numeric_limits<uint64_t>::max();
    const auto skip = static_cast<uint64_t>(to_skip_);
    const auto take = static_cast<uint64_t>(remaining_);
    bound = take > most - skip ? most : skip + take;
  }
  input_->BoundOutput(bound);
  return input_->Open(ctx);
}

Result<bool> LimitOp::Next(ExecContext& ctx, Row* row) {
  if (remaining_ == 0) return false;
  while (to_skip_ > 0) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
    if (!more) return false;
    --to_skip_;
  }
  DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
  if (!more) return false;
  if (remaining_ > 0) --remaining_;
  return true;
}

Result<int> CompareSortValues(const types::TypeRegistry& types, const Value& a, const Value& b,
                              bool descending, bool nulls_first) {
  if (a.is_null() || b.is_null()) {
    if (a.is_null() && b.is_null()) return 0;
    // NULL placement is independent of the direction.
    return (a.is_null() == nulls_first) ? -1 : 1;
  }
  DB9_ASSIGN_OR_RETURN(int cmp, types::CompareValues(types, a, b));
  return descending ? -cmp : cmp;
}

SortOp::SortOp(OperatorPtr input, std::vector<SortKey> keys)
    : input_(std::move(input)), keys_(std::move(keys)) {
  columns = input_->columns;
}

Status SortOp::Open(ExecContext& ctx) {
  rows_.clear();
  position_ = 0;
  DB9_RETURN_IF_ERROR(input_->Open(ctx));
  struct Entry {
    Row key;       // the sort key values
    Row row;
    uint64_t seq;  // input order: equal keys keep it, as a stable sort does
  };
  Status error;
  const types::TypeRegistry& types = ctx.types();
  auto less = [&](const Entry& x, const Entry& y) {
    if (!error.ok()) return false;
    for (size_t i = 0; i < keys_.size(); ++i) {
      Result<int> cmp =
          CompareSortValues(types, x.key[i], y.key[i], keys_[i].descending, keys_[i].nulls_first);
      if (!cmp.ok()) {
        error = cmp.status();
        return false;
      }
      if (*cmp != 0) return *cmp < 0;
    }
    return x.seq < y.seq;
  };
  // With a bound (LIMIT), a max-heap of the best rows so far: its top is the
  // one a better row replaces, so memory and work stay at the bound's size.
  const bool bounded = bound_.has_value();
  std::vector<Entry> entries;
  if (bounded && *bound_ == 0) return Status::OK();
  Row row;
  for (uint64_t seq = 0;; ++seq) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &row));
    if (!more) break;
    Entry entry{Row(), std::move(row), seq};
    for (const SortKey& k : keys_) {
      DB9_ASSIGN_OR_RETURN(Value v, k.expr->Eval(ctx, entry.row));
      entry.key.push_back(std::move(v));
    }
    if ((seq & 1023) == 1023) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    if (!bounded) {
      entries.push_back(std::move(entry));
      continue;
    }
    if (entries.size() < *bound_) {
      entries.push_back(std::move(entry));
      std::push_heap(entries.begin(), entries.end(), less);
    } else if (less(entry, entries.front())) {
      std::pop_heap(entries.begin(), entries.end(), less);
      entries.back() = std::move(entry);
      std::push_heap(entries.begin(), entries.end(), less);
    }
    DB9_RETURN_IF_ERROR(error);
  }
  if (bounded) {
    std::sort_heap(entries.begin(), entries.end(), less);
  } else {
    std::sort(entries.begin(), entries.end(), less);
  }
  DB9_RETURN_IF_ERROR(error);
  rows_.reserve(entries.size());
  for (Entry& entry : entries) rows_.push_back(std::move(entry.row));
  return Status::OK();
}

Result<bool> SortOp::Next(ExecContext&, Row* row) {
  if (position_ >= rows_.size()) return false;
  *row = std::move(rows_[position_++]);
  return true;
}

DistinctOp::DistinctOp(OperatorPtr input, int key_columns)
    : input_(std::move(input)), key_columns_(key_columns) {
  columns = input_->columns;
}

Status DistinctOp::Open(ExecContext& ctx) {
  seen_.clear();
  return input_->Open(ctx);
}

Result<bool> DistinctOp::Next(ExecContext& ctx, Row* row) {
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, row));
    if (!more) return false;
    std::string key;
    size_t n = key_columns_ < 0 ? row->size() : static_cast<size_t>(key_columns_);
    for (size_t i = 0; i < n && i < row->size(); ++i) {
      DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), (*row)[i], &key));
    }
    if (seen_.insert(std::move(key)).second) return true;
  }
}

ValuesOp::ValuesOp(std::vector<std::vector<ExprPtr>> rows, std::vector<OutputColumn> out_columns)
    : rows_(std::move(rows)) {
  columns = std::move(out_columns);
}

Status ValuesOp::Open(ExecContext&) {
  position_ = 0;
  return Status::OK();
}

Result<bool> ValuesOp::Next(ExecContext& ctx, Row* row) {
  if (position_ >= rows_.size()) return false;
  const std::vector<ExprPtr>& exprs = rows_[position_++];
  Row empty;
  row->clear();
  for (const ExprPtr& expr : exprs) {
    DB9_ASSIGN_OR_RETURN(Value v, expr->Eval(ctx, empty));
    row->push_back(std::move(v));
  }
  return true;
}

AppendOp::AppendOp(std::vector<OperatorPtr> inputs) : inputs_(std::move(inputs)) {
  columns = inputs_.front()->columns;
}

Status AppendOp::Open(ExecContext& ctx) {
  current_ = 0;
  return inputs_.empty() ? Status::OK() : inputs_[0]->Open(ctx);
}

Result<bool> AppendOp::Next(ExecContext& ctx, Row* row) {
  while (current_ < inputs_.size()) {
    DB9_ASSIGN_OR_RETURN(bool more, inputs_[current_]->Next(ctx, row));
    if (more) return true;
    if (++current_ < inputs_.size()) DB9_RETURN_IF_ERROR(inputs_[current_]->Open(ctx));
  }
  return false;
}

SetOpOp::SetOpOp(Kind kind, bool all, OperatorPtr left, OperatorPtr right)
    : kind_(kind), all_(all), left_(std::move(left)), right_(std::move(right)) {
  columns = left_->columns;
}

Status SetOpOp::Open(ExecContext& ctx) {
  output_.clear();
  // Count each distinct row on both sides, keeping first-seen order.
  struct Entry {
    Row row;
    int64_t left = 0, right = 0;
  };
  std::map<std::string, size_t> index;
  std::vector<Entry> entries;
  for (int side = 0; side < 2; ++side) {
    Operator& input = side == 0 ? *left_ : *right_;
    DB9_RETURN_IF_ERROR(input.Open(ctx));
    Row row;
    while (true) {
      DB9_ASSIGN_OR_RETURN(bool more, input.Next(ctx, &row));
      if (!more) break;
      DB9_ASSIGN_OR_RETURN(std::string key, GroupKey(ctx.types(), row));
      auto [it, inserted] = index.emplace(std::move(key), entries.size());
      if (inserted) entries.push_back({row});
      (side == 0 ? entries[it->second].left : entries[it->second].right)++;
    }
  }
  for (Entry& e : entries) {
    int64_t n = 0;
    switch (kind_) {
      case Kind::kUnion: n = all_ ? e.left + e.right : 1; break;
      case Kind::kIntersect: n = all_ ? std::min(e.left, e.right) : (e.left && e.right ? 1 : 0); break;
      case Kind::kExcept: n = all_ ? std::max<int64_t>(0, e.left - e.right) : (e.left && !e.right ? 1 : 0); break;
    }
    for (int64_t i = 0; i < n; ++i) output_.push_back(e.row);
  }
  return Status::OK();
}

Result<bool> SetOpOp::Next(ExecContext&, Row* row) {
  if (output_.empty()) return false;
  *row = std::move(output_.front());
  output_.pop_front();
  return true;
}

}  // namespace db9::sql
