#include "daemon/sql/exec/aggregate_op.h"

#include <algorithm>
#include <unordered_map>

#include "daemon/sql/exec/group_key.h"
#include "daemon/sql/exec/parallel_aggregate.h"

namespace db9::sql {
namespace {

// The statement's function context with the call's argument and result types.
functions::FunctionContext CallContext(const ExecContext& ctx, const AggregateCall& call) {
  functions::FunctionContext fn = ctx.fn;
  fn.arg_types = call.arg_types;
  fn.result_type = call.result_type;
  return fn;
}

// See HashAggregateOp::plain_inputs_.
std::optional<std::vector<int>> PlainInputs(const std::vector<AggregateCall>& calls) {
  std::vector<int> inputs;
  for (const AggregateCall& call : calls) {
    if (call.aggregate == nullptr || call.filter || call.distinct || !call.order.empty()) {
      return std::nullopt;
    }
    if (call.args.empty()) {
      inputs.push_back(-1);
      continue;
    }
    const int index = call.args.size() == 1 ? InputColumnIndex(*call.args[0]) : -1;
    if (index < 0) return std::nullopt;
    inputs.push_back(index);
  }
  return inputs;
}

}  // namespace

HashAggregateOp::HashAggregateOp(OperatorPtr input, std::vector<ExprPtr> group_exprs,
                                 std::vector<AggregateCall> aggregates,
                                 std::vector<OutputColumn> out_columns)
    : input_(std::move(input)), group_exprs_(std::move(group_exprs)),
      aggregates_(std::move(aggregates)) {
  columns = std::move(out_columns);
  sets_.push_back(std::vector<bool>(group_exprs_.size(), true));
}

void HashAggregateOp::SetGroupingSets(std::vector<std::vector<int>> sets) {
  sets_.clear();
  for (const std::vector<int>& set : sets) {
    std::vector<bool> used(group_exprs_.size(), false);
    for (int i : set) {
      if (i >= 0 && i < static_cast<int>(used.size())) used[i] = true;
    }
    sets_.push_back(std::move(used));
  }
}

Result<std::unique_ptr<HashAggregateOp::Group>> HashAggregateOp::NewGroup(ExecContext& ctx,
                                                                          Row keys, size_t set) {
  auto group = std::make_unique<Group>();
  group->keys = std::move(keys);
  group->set = set;
  for (const AggregateCall& call : aggregates_) {
    if (call.aggregate == nullptr) {  // GROUPING(): no state
      group->states.push_back(nullptr);
      continue;
    }
    group->states.push_back(call.aggregate->create(call_contexts_[group->states.size()]));
    if (!group->states.back()) return Status::Internal("aggregate state could not be created");
  }
  group->distinct_seen.resize(aggregates_.size());
  group->ordered.resize(aggregates_.size());
  return group;
}

Status HashAggregateOp::AccumulatePlain(Group& group, const Row& row) {
  for (size_t i = 0; i < plain_inputs_->size(); ++i) {
    const int input = (*plain_inputs_)[i];
    std::span<const Value> args;
    if (input >= 0) args = std::span<const Value>(&row[static_cast<size_t>(input)], 1);
    DB9_RETURN_IF_ERROR(group.states[i]->Add(call_contexts_[i], args));
  }
  return Status::OK();
}

Status HashAggregateOp::AccumulateInBatches(ExecContext& ctx, Group& group) {
  // A part is split off once the input has proved long (a scan of a few
  // thousand rows takes well under a millisecond; a thread costs tens of
  // microseconds), and retried while cores are busy.
  constexpr uint64_t kRowsBeforeSplit = 16384;
  constexpr uint64_t kRowsBetweenTries = 8192;
  CoreBudget::Working working;
  ParallelParts parts(ctx, *plain_inputs_, plain_width_);
  const bool combinable = std::all_of(group.states.begin(), group.states.end(),
                                      [](const auto& state) { return state->Combinable(); });
  std::vector<Row> batch(ParallelParts::kBatchRows);
  std::vector<const Value*> args;
  uint64_t rows = 0, next_try = kRowsBeforeSplit;
  while (true) {
    DB9_ASSIGN_OR_RETURN(size_t n, input_->NextBatch(ctx, &batch));
    if (n == 0) break;
    DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    if (RowsHoldColumns(batch, n, plain_width_)) {
      DB9_RETURN_IF_ERROR(FeedPlainBatch(*plain_inputs_, group.states, call_contexts_, batch, n, args));
    } else {
      for (size_t k = 0; k < n; ++k) DB9_RETURN_IF_ERROR(Feed(ctx, group, batch[k]));
    }
    rows += n;
    if (rows >= next_try && combinable && parts.started() < ctx.parallel_workers) {
      next_try = rows + kRowsBetweenTries;
      DB9_RETURN_IF_ERROR(TrySplit(ctx, parts));
    }
  }
  return parts.CombineInto(group.states, call_contexts_);
}

Status HashAggregateOp::TrySplit(ExecContext& ctx, ParallelParts& parts) {
  std::optional<CoreBudget::Helper> core = CoreBudget::TryBorrow();
  if (!core) return Status::OK();
  std::unique_ptr<Operator> part = input_->SplitOff(ctx);
  if (!part) return Status::OK();
  DB9_ASSIGN_OR_RETURN(std::unique_ptr<Group> fresh, NewGroup(ctx, Row(), 0));
  parts.Start(std::move(*core), std::move(part), std::move(fresh->states), call_contexts_);
  return Status::OK();
}

Status HashAggregateOp::Accumulate(ExecContext& ctx, Group& group, const Row& row) {
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    const AggregateCall& call = aggregates_[i];
    if (call.aggregate == nullptr) continue;
    if (call.filter) {
      DB9_ASSIGN_OR_RETURN(bool pass, EvalPredicate(*call.filter, ctx, row));
      if (!pass) continue;
    }
    // A single plain column is passed as it stands in the input row; other
    // arguments are evaluated into storage reused from row to row.
    std::span<const Value> args;
    if (const Value* column = call.args.size() == 1 ? call.args[0]->InputValue(row) : nullptr) {
      args = std::span<const Value>(column, 1);
    } else if (!call.args.empty()) {
      args_scratch_.resize(call.args.size());
      for (size_t a = 0; a < call.args.size(); ++a) {
        DB9_RETURN_IF_ERROR(EvalInto(*call.args[a], ctx, row, &args_scratch_[a]));
      }
      args = args_scratch_;
    }
    if (call.distinct) {
      DB9_ASSIGN_OR_RETURN(std::string key, GroupKey(ctx.types(), args));
      if (!group.distinct_seen[i].insert(std::move(key)).second) continue;
    }
    if (!call.order.empty()) {
      Row keys;
      for (const SortKey& k : call.order) {
        DB9_ASSIGN_OR_RETURN(Value v, k.expr->Eval(ctx, row));
        keys.push_back(std::move(v));
      }
      group.ordered[i].emplace_back(std::move(keys), Row(args.begin(), args.end()));
      continue;
    }
    DB9_RETURN_IF_ERROR(group.states[i]->Add(call_contexts_[i], args));
  }
  return Status::OK();
}

Status HashAggregateOp::FeedOrdered(ExecContext& ctx, Group& group, size_t i) {
  const AggregateCall& call = aggregates_[i];
  auto& rows = group.ordered[i];
  const types::TypeRegistry& types = ctx.types();
  Status error;
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    for (size_t k = 0; k < call.order.size() && error.ok(); ++k) {
      Result<int> cmp = CompareSortValues(types, a.first[k], b.first[k], call.order[k].descending,
                                          call.order[k].nulls_first);
      if (!cmp.ok()) {
        error = cmp.status();
        return false;
      }
      if (*cmp != 0) return *cmp < 0;
    }
    return false;
  });
  DB9_RETURN_IF_ERROR(error);
  // Called from Next(), which may run under a later Execute than Open().
  functions::FunctionContext fn = CallContext(ctx, call);
  for (auto& [keys, args] : rows) DB9_RETURN_IF_ERROR(group.states[i]->Add(fn, args));
  rows.clear();
  return Status::OK();
}

Status HashAggregateOp::Open(ExecContext& ctx) {
  groups_.clear();
  position_ = 0;
  call_contexts_.clear();
  for (const AggregateCall& call : aggregates_) call_contexts_.push_back(CallContext(ctx, call));
  // At Open, not at construction: the binder may re-point columns until then.
  plain_inputs_ = PlainInputs(aggregates_);
  plain_width_ = 0;
  if (plain_inputs_) {
    for (int input : *plain_inputs_) {
      plain_width_ = std::max(plain_width_, static_cast<size_t>(input + 1));
    }
  }
  DB9_RETURN_IF_ERROR(input_->Open(ctx));
  std::unordered_map<std::string, Group*> by_key;
  Row row;
  uint64_t n = 0;
  if (group_exprs_.empty() && sets_.size() == 1) {
    // count(*), sum(x) over everything: one group, no keys to build per row.
    DB9_ASSIGN_OR_RETURN(std::unique_ptr<Group> only, NewGroup(ctx, Row(), 0));
    if (plain_inputs_) {
      DB9_RETURN_IF_ERROR(AccumulateInBatches(ctx, *only));
    } else {
      while (true) {
        DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &row));
        if (!more) break;
        if ((++n & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
        DB9_RETURN_IF_ERROR(Feed(ctx, *only, row));
      }
    }
    groups_.push_back(std::move(only));
    return Status::OK();
  }
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &row));
    if (!more) break;
    if ((++n & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    Row values;
    for (const ExprPtr& expr : group_exprs_) {
      DB9_ASSIGN_OR_RETURN(Value v, expr->Eval(ctx, row));
      values.push_back(std::move(v));
    }
    for (size_t s = 0; s < sets_.size(); ++s) {
      Row keys;
      std::string key = std::to_string(s) + ":";  // sets never share a group
      for (size_t i = 0; i < values.size(); ++i) {
        keys.push_back(sets_[s][i] ? values[i] : Value::Null(group_exprs_[i]->type));
        DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), keys.back(), &key));
      }
      Group* group;
      auto it = by_key.find(key);
      if (it == by_key.end()) {
        DB9_ASSIGN_OR_RETURN(std::unique_ptr<Group> fresh, NewGroup(ctx, std::move(keys), s));
        group = fresh.get();
        groups_.push_back(std::move(fresh));
        by_key.emplace(std::move(key), group);
      } else {
        group = it->second;
      }
      DB9_RETURN_IF_ERROR(Feed(ctx, *group, row));
    }
  }
  // A set that groups by nothing (no GROUP BY, or the () of ROLLUP) has its
  // one row also when there were no input rows.
  if (groups_.empty()) {
    for (size_t s = 0; s < sets_.size(); ++s) {
      const std::vector<bool>& set = sets_[s];
      if (std::find(set.begin(), set.end(), true) != set.end()) continue;
      Row nulls;
      for (const ExprPtr& expr : group_exprs_) nulls.push_back(Value::Null(expr->type));
      DB9_ASSIGN_OR_RETURN(std::unique_ptr<Group> fresh, NewGroup(ctx, std::move(nulls), s));
      groups_.push_back(std::move(fresh));
    }
  }
  return Status::OK();
}

Result<bool> HashAggregateOp::Next(ExecContext& ctx, Row* row) {
  if (position_ >= groups_.size()) return false;
  Group& group = *groups_[position_++];
  *row = std::move(group.keys);
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    if (aggregates_[i].aggregate == nullptr) {
      int32_t mask = 0;
      for (int g : aggregates_[i].grouping_of) mask = (mask << 1) | (sets_[group.set][g] ? 0 : 1);
      row->push_back(Value::Int4(mask));
      continue;
    }
    if (!aggregates_[i].order.empty()) DB9_RETURN_IF_ERROR(FeedOrdered(ctx, group, i));
    functions::FunctionContext fn = CallContext(ctx, aggregates_[i]);
    DB9_ASSIGN_OR_RETURN(Value v, group.states[i]->Finish(fn));
    row->push_back(std::move(v));
  }
  return true;
}

}  // namespace db9::sql
