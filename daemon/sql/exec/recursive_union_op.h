// WITH RECURSIVE: RecursiveUnionOp runs the non-recursive term, then the
// recursive term over and over, each time reading (through WorkTableScanOp)
// the rows the previous round produced, until a round produces none. Rows
// stream out as they are made, so `LIMIT n` over an endless recursion
// stops; UNION (not ALL) drops rows already produced, which is also what
// ends most graph walks. Each round and every few thousand rows check for
// a cancel, so an endless recursion without LIMIT stays cancellable.
#pragma once

#include <unordered_set>

#include "daemon/sql/exec/operator.h"

namespace db9::sql {

// The rows of the previous round, shared by the union and its scans.
struct WorkTable {
  std::vector<Row> rows;
};

class WorkTableScanOp final : public Operator {
 public:
  WorkTableScanOp(std::shared_ptr<WorkTable> table, std::vector<OutputColumn> columns);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  std::shared_ptr<WorkTable> table_;
  size_t position_ = 0;
};

class RecursiveUnionOp final : public Operator {
 public:
  RecursiveUnionOp(OperatorPtr non_recursive, OperatorPtr recursive,
                   std::shared_ptr<WorkTable> table, bool distinct);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr non_recursive_, recursive_;
  std::shared_ptr<WorkTable> table_;
  bool distinct_;
  bool in_recursive_ = false;
  std::vector<Row> produced_;  // this round's rows: the next round's work table
  std::unordered_set<std::string> seen_;  // UNION: keys of every row produced
  uint64_t rows_since_check_ = 0;
};

}  // namespace db9::sql
