// Grouping and aggregation. Output row: the GROUP BY values in order, then
// one value per aggregate. Without GROUP BY there is exactly one output row,
// also for empty input (count(*) = 0, sum = NULL).
#pragma once

#include <map>
#include <optional>
#include <set>

#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/expr.h"

namespace db9::sql {

class ParallelParts;

struct AggregateCall {
  const functions::AggregateInfo* aggregate = nullptr;
  std::vector<ExprPtr> args;     // already coerced to the resolved argument types
  std::vector<Oid> arg_types;
  Oid result_type = 0;
  bool distinct = false;
  ExprPtr filter;                // FILTER (WHERE ...), may be null
  // ORDER BY inside the call (string_agg(x, ',' ORDER BY y)): the group's
  // rows are fed to the aggregate in this order; expressions over the input.
  std::vector<SortKey> order;
  // GROUPING(a, b, ...) instead of an aggregate (`aggregate` null): the
  // group expressions (indexes) it names; its value is a bit mask, one bit
  // per argument with the first the most significant, set where the row's
  // grouping set leaves that expression out.
  std::vector<int> grouping_of;
};

class HashAggregateOp final : public Operator {
 public:
  HashAggregateOp(OperatorPtr input, std::vector<ExprPtr> group_exprs,
                  std::vector<AggregateCall> aggregates, std::vector<OutputColumn> columns);
  // GROUP BY ROLLUP/CUBE/GROUPING SETS: each set lists the group
  // expressions (by index) it groups by; every input row counts once per set,
  // and a set's output rows have NULL for the expressions it leaves out. An
  // empty set makes one row even for empty input. Without a call: one set of
  // all expressions.
  void SetGroupingSets(std::vector<std::vector<int>> sets);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  struct Group {
    Row keys;
    size_t set = 0;  // index of its grouping set
    std::vector<std::unique_ptr<functions::AggregateState>> states;
    std::vector<std::set<std::string>> distinct_seen;
    // Calls with ORDER BY: each qualifying row's sort keys and arguments,
    // fed in order when the group finishes.
    std::vector<std::vector<std::pair<Row, Row>>> ordered;
  };
  Result<std::unique_ptr<Group>> NewGroup(ExecContext& ctx, Row keys, size_t set);
  // Adds one input row to the group's states.
  Status Feed(ExecContext& ctx, Group& group, const Row& row) {
    return plain_inputs_ && row.size() >= plain_width_ ? AccumulatePlain(group, row)
                                                       : Accumulate(ctx, group, row);
  }
  Status Accumulate(ExecContext& ctx, Group& group, const Row& row);
  // When every call is plain (plain_inputs_): apart from Accumulate, so that
  // it carries none of the general case's frame per row.
  Status AccumulatePlain(Group& group, const Row& row);
  // The whole input into one group of plain calls, a batch of rows at a
  // time, parts of a long input on other cores (parallel_aggregate.h).
  Status AccumulateInBatches(ExecContext& ctx, Group& group);
  // Hands the later part of the input's remaining rows to a helper, when a
  // core is free and the input can split.
  Status TrySplit(ExecContext& ctx, ParallelParts& parts);
  // Sorts call i's buffered rows and adds them to its state.
  Status FeedOrdered(ExecContext& ctx, Group& group, size_t i);

  OperatorPtr input_;
  std::vector<ExprPtr> group_exprs_;
  std::vector<AggregateCall> aggregates_;
  std::vector<std::vector<bool>> sets_;  // per set: which group expressions it uses
  std::vector<std::unique_ptr<Group>> groups_;  // first-seen order
  std::vector<Value> args_scratch_;
  // Per call, for the rows Open() consumes: the context with the call's
  // argument and result types, made once rather than once per row.
  std::vector<functions::FunctionContext> call_contexts_;
  // When every call is a plain aggregate (no FILTER, DISTINCT or ORDER BY)
  // of * or of one input column: per call, the column (-1 for none), so
  // that a row goes to the states without the general checks.
  std::optional<std::vector<int>> plain_inputs_;
  size_t plain_width_ = 0;  // the input row holds at least this many columns
  size_t position_ = 0;
};

}  // namespace db9::sql
