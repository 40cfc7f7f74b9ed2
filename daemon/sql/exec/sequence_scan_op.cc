#include "daemon/sql/exec/sequence_scan_op.h"

namespace db9::sql {

std::vector<OutputColumn> SequenceScanOp::RelationColumns(const catalog::Sequence& sequence) {
  // table_oid/attnum as pg_attribute numbers the sequence's columns, so
  // RowDescription names the relation as PostgreSQL does.
  return {{"last_value", types::oid::kInt8, -1, sequence.oid, 1},
          {"log_cnt", types::oid::kInt8, -1, sequence.oid, 2},
          {"is_called", types::oid::kBool, -1, sequence.oid, 3}};
}

SequenceScanOp::SequenceScanOp(const catalog::Sequence& sequence)
    : sequence_oid_(sequence.oid), name_(sequence.name) {
  columns = RelationColumns(sequence);
}

Status SequenceScanOp::Open(ExecContext& ctx) {
  done_ = true;
  const catalog::Sequence* sequence = ctx.catalog->SequenceByOid(sequence_oid_);
  if (sequence == nullptr) {
    return Status::Error(sqlstate::kUndefinedTable, "relation \"" + name_ + "\" does not exist");
  }
  if (ctx.sequences == nullptr) {
    return Status::Error(sqlstate::kInternalError, "sequence state is not available to this statement");
  }
  DB9_ASSIGN_OR_RETURN(catalog::SequenceRow current, ctx.sequences->Current(*sequence));
  row_ = {Value::Int8(current.last_value), Value::Int8(current.log_cnt), Value::Bool(current.is_called)};
  done_ = false;
  return Status::OK();
}

Result<bool> SequenceScanOp::Next(ExecContext& /*ctx*/, Row* row) {
  if (done_) return false;
  *row = row_;
  done_ = true;
  return true;
}

ExplainNode SequenceScanOp::Explain() const {
  ExplainNode node;
  node.label = "Seq Scan on " + name_;
  return node;
}

}  // namespace db9::sql
