// ProjectSetOp: set-returning functions in the SELECT list
// (`SELECT id, unnest(tags) FROM t`). For each input row it starts every
// call and emits rows [input columns..., one value per call], the calls
// advancing in lockstep until all are exhausted; shorter ones give NULL
// (PostgreSQL 10+ semantics). An input row whose calls all yield nothing
// produces no output. The projection above reads the appended columns.
#pragma once

#include "daemon/sql/exec/set_function.h"

namespace db9::sql {

class ProjectSetOp final : public Operator {
 public:
  ProjectSetOp(OperatorPtr input, std::vector<SetFunctionCall> calls);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  std::vector<SetFunctionCall> calls_;
  Row input_row_;
  bool have_input_ = false;
  std::vector<std::unique_ptr<functions::SetIterator>> running_;  // null once exhausted
};

}  // namespace db9::sql
