#include "daemon/sql/exec/aggregate_op.h"

#include <unordered_map>

#include "daemon/sql/exec/group_key.h"

namespace db9::sql {

HashAggregateOp::HashAggregateOp(OperatorPtr input, std::vector<ExprPtr> group_exprs,
                                 std::vector<AggregateCall> aggregates,
                                 std::vector<OutputColumn> out_columns)
    : input_(std::move(input)), group_exprs_(std::move(group_exprs)),
      aggregates_(std::move(aggregates)) {
  columns = std::move(out_columns);
}

Result<std::unique_ptr<HashAggregateOp::Group>> HashAggregateOp::NewGroup(ExecContext& ctx,
                                                                          Row keys) {
  auto group = std::make_unique<Group>();
  group->keys = std::move(keys);
  for (const AggregateCall& call : aggregates_) {
    functions::FunctionContext fn = ctx.fn;
    fn.arg_types = call.arg_types;
    fn.result_type = call.result_type;
    group->states.push_back(call.aggregate->create(fn));
    if (!group->states.back()) return Status::Internal("aggregate state could not be created");
  }
  group->distinct_seen.resize(aggregates_.size());
  return group;
}

Status HashAggregateOp::Accumulate(ExecContext& ctx, Group& group, const Row& row) {
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    const AggregateCall& call = aggregates_[i];
    if (call.filter) {
      DB9_ASSIGN_OR_RETURN(bool pass, EvalPredicate(*call.filter, ctx, row));
      if (!pass) continue;
    }
    std::vector<Value> args;
    args.reserve(call.args.size());
    for (const ExprPtr& arg : call.args) {
      DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
      args.push_back(std::move(v));
    }
    if (call.distinct) {
      DB9_ASSIGN_OR_RETURN(std::string key, GroupKey(ctx.types(), args));
      if (!group.distinct_seen[i].insert(std::move(key)).second) continue;
    }
    functions::FunctionContext fn = ctx.fn;
    fn.arg_types = call.arg_types;
    fn.result_type = call.result_type;
    DB9_RETURN_IF_ERROR(group.states[i]->Add(fn, args));
  }
  return Status::OK();
}

Status HashAggregateOp::Open(ExecContext& ctx) {
  groups_.clear();
  position_ = 0;
  DB9_RETURN_IF_ERROR(input_->Open(ctx));
  std::unordered_map<std::string, Group*> by_key;
  Row row;
  uint64_t n = 0;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, input_->Next(ctx, &row));
    if (!more) break;
    if ((++n & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    Row keys;
    std::string key;
    for (const ExprPtr& expr : group_exprs_) {
      DB9_ASSIGN_OR_RETURN(Value v, expr->Eval(ctx, row));
      DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), v, &key));
      keys.push_back(std::move(v));
    }
    Group* group;
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      DB9_ASSIGN_OR_RETURN(std::unique_ptr<Group> fresh, NewGroup(ctx, std::move(keys)));
      group = fresh.get();
      groups_.push_back(std::move(fresh));
      by_key.emplace(std::move(key), group);
    } else {
      group = it->second;
    }
    DB9_RETURN_IF_ERROR(Accumulate(ctx, *group, row));
  }
  if (groups_.empty() && group_exprs_.empty()) {
    DB9_ASSIGN_OR_RETURN(std::unique_ptr<Group> fresh, NewGroup(ctx, {}));
    groups_.push_back(std::move(fresh));
  }
  return Status::OK();
}

Result<bool> HashAggregateOp::Next(ExecContext& ctx, Row* row) {
  if (position_ >= groups_.size()) return false;
  Group& group = *groups_[position_++];
  *row = std::move(group.keys);
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    functions::FunctionContext fn = ctx.fn;
    fn.arg_types = aggregates_[i].arg_types;
    fn.result_type = aggregates_[i].result_type;
    DB9_ASSIGN_OR_RETURN(Value v, group.states[i]->Finish(fn));
    row->push_back(std::move(v));
  }
  return true;
}

}  // namespace db9::sql
