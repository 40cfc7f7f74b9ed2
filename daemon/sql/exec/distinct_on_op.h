// DistinctOnOp: SELECT DISTINCT ON (keys): the first row of each distinct
// key, in input order. The binder sorts the input by ORDER BY first (which
// must start with the keys), so "first" is the one ORDER BY ranks first.
#pragma once

#include <unordered_set>

#include "daemon/sql/exec/operator.h"

namespace db9::sql {

class DistinctOnOp final : public Operator {
 public:
  DistinctOnOp(OperatorPtr input, std::vector<int> key_columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  std::vector<int> key_columns_;  // positions in the input row
  std::unordered_set<std::string> seen_;
};

}  // namespace db9::sql
