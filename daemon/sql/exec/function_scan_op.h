// FunctionScanOp: a function in FROM — `generate_series(1, 3) AS g`,
// `ROWS FROM (f(), g())`, `unnest(a) WITH ORDINALITY AS u(x, n)`. Each call
// is started at Open; a row takes one row from every call, NULL-padding
// the calls already exhausted, until all are (PostgreSQL's ROWS FROM
// rule). WITH ORDINALITY appends the 1-based row number as bigint.
#pragma once

#include "daemon/sql/exec/set_function.h"

namespace db9::sql {

class FunctionScanOp final : public Operator {
 public:
  FunctionScanOp(std::vector<SetFunctionCall> calls, bool ordinality,
                 std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  std::vector<SetFunctionCall> calls_;
  bool ordinality_;
  std::vector<std::unique_ptr<functions::SetIterator>> running_;  // null once exhausted
  int64_t ordinal_ = 0;
};

}  // namespace db9::sql
