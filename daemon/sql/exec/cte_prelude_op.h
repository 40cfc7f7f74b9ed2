// CtePreludeOp: runs the data-modifying WITH queries of a statement
// (WITH x AS (DELETE ... RETURNING ...)) to completion before the main
// query starts, as PostgreSQL does whether or not the main query reads
// them or stops early (LIMIT). Their RETURNING rows stay in the CTE's
// shared store for the main query's references.
#pragma once

#include "daemon/sql/exec/operator.h"

namespace db9::sql {

class CtePreludeOp final : public Operator {
 public:
  CtePreludeOp(std::vector<OperatorPtr> first, OperatorPtr main);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override { return main_->Next(ctx, row); }
  ExplainNode Explain() const override;

 private:
  std::vector<OperatorPtr> first_;
  OperatorPtr main_;
};

}  // namespace db9::sql
