// SequenceScanOp: `SELECT ... FROM some_sequence`. PostgreSQL stores a
// sequence as a one-row relation (last_value, log_cnt, is_called); here the
// state lives in the SequenceStore, so the scan reads it at Open and
// produces that single row.
#pragma once

#include "daemon/catalog/catalog_objects.h"
#include "daemon/sql/exec/operator.h"

namespace db9::sql {

class SequenceScanOp final : public Operator {
 public:
  // The relation's columns, in PostgreSQL's order and types.
  static std::vector<OutputColumn> RelationColumns(const catalog::Sequence& sequence);

  explicit SequenceScanOp(const catalog::Sequence& sequence);
  // 42P01 when the sequence was dropped since the statement was planned.
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  // Kept by OID and re-found at Open: the plan may outlive a DROP SEQUENCE.
  Oid sequence_oid_;
  std::string name_;
  Row row_;
  bool done_ = true;
};

}  // namespace db9::sql
