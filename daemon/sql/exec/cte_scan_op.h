// CteScanOp: one reference to a WITH query. The query runs at most once
// per execution into rows shared by every reference; it is pulled only as
// far as some reference reads, so `WITH RECURSIVE t AS (...) SELECT * FROM
// t LIMIT 5` stops an endless recursion after five rows. References read
// the shared rows by position, so one reference running ahead (filling the
// store) never disturbs another.
#pragma once

#include "daemon/sql/exec/basic_ops.h"

namespace db9::sql {

class CteScanOp final : public Operator {
 public:
  CteScanOp(std::shared_ptr<Operator> source, std::shared_ptr<MaterializedRows> store,
            std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  std::shared_ptr<Operator> source_;
  std::shared_ptr<MaterializedRows> store_;  // `filled`: the source is exhausted
  size_t position_ = 0;
};

}  // namespace db9::sql
