// Grouping and aggregation. Output row: the GROUP BY values in order, then
// one value per aggregate. Without GROUP BY there is exactly one output row,
// also for empty input (count(*) = 0, sum = NULL).
#pragma once

#include <map>
#include <set>

#include "daemon/sql/exec/expr.h"

namespace db9::sql {

struct AggregateCall {
  const functions::AggregateInfo* aggregate = nullptr;
  std::vector<ExprPtr> args;     // already coerced to the resolved argument types
  std::vector<Oid> arg_types;
  Oid result_type = 0;
  bool distinct = false;
  ExprPtr filter;                // FILTER (WHERE ...), may be null
};

class HashAggregateOp final : public Operator {
 public:
  HashAggregateOp(OperatorPtr input, std::vector<ExprPtr> group_exprs,
                  std::vector<AggregateCall> aggregates, std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  struct Group {
    Row keys;
    std::vector<std::unique_ptr<functions::AggregateState>> states;
    std::vector<std::set<std::string>> distinct_seen;
  };
  Result<std::unique_ptr<Group>> NewGroup(ExecContext& ctx, Row keys);
  Status Accumulate(ExecContext& ctx, Group& group, const Row& row);

  OperatorPtr input_;
  std::vector<ExprPtr> group_exprs_;
  std::vector<AggregateCall> aggregates_;
  std::vector<std::unique_ptr<Group>> groups_;  // first-seen order
  size_t position_ = 0;
};

}  // namespace db9::sql
