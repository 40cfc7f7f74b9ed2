// INSERT, UPDATE and DELETE as operators: they consume their input (the rows
// to insert, or the rows to change as produced by a scan), write through a
// TableWriter, and emit the RETURNING rows (or nothing). rows_affected()
// feeds the command tag.
//
// UPDATE/DELETE inputs are laid out as: the target table's columns, then
// its row key (bytea), then any other FROM columns. Under READ COMMITTED a
// row changed by a concurrent transaction since the statement's snapshot is
// re-read under its lock and re-checked against `recheck` before it is
// changed (PostgreSQL's EvalPlanQual); a row deleted meanwhile is skipped.
#pragma once

#include <unordered_set>

#include "daemon/sql/exec/table_writer.h"

namespace db9::sql {

class DmlOperator : public Operator {
 public:
  int64_t rows_affected() const { return rows_affected_; }

 protected:
  Status OpenBase(ExecContext& ctx, Operator& input) {
    rows_affected_ = 0;
    done_ = false;
    return input.Open(ctx);
  }
  Result<bool> EmitReturning(ExecContext& ctx, const Row& source, Row* row);
  // UPDATE and DELETE: the next input row (the table's columns, then its row
  // key, in *key) whose lock this transaction now holds and that still
  // satisfies `recheck` (LockAndRecheck); false once the input is done.
  Result<bool> NextLockedRow(ExecContext& ctx, Operator& input, const catalog::Table& table,
                             const ExprPtr& recheck, Row* row, std::string* key);

  std::vector<ExprPtr> returning_;  // empty: no RETURNING
  int64_t rows_affected_ = 0;
  bool done_ = false;
};

class InsertOp final : public DmlOperator {
 public:
  enum class OnConflict { kError, kDoNothing, kDoUpdate };
  struct ConflictUpdate {
    // Evaluated over [existing row..., excluded row...]; -1 entries keep the value.
    std::vector<ExprPtr> set;  // one per table column, null: unchanged
    ExprPtr where;             // may be null
  };
  InsertOp(OperatorPtr input, WriteTarget target, OnConflict on_conflict,
           ConflictArbiters arbiters, ConflictUpdate conflict_update,
           std::vector<ExprPtr> returning, std::vector<OutputColumn> returning_columns);
  Status Open(ExecContext& ctx) override {
    written_keys_.clear();
    return OpenBase(ctx, *input_);
  }
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  // Returns true when a row was written (inserted or updated), with it in *written.
  Result<bool> InsertOne(ExecContext& ctx, const Row& row, Row* written);

  OperatorPtr input_;
  WriteTarget target_;
  OnConflict on_conflict_;
  ConflictArbiters arbiters_;
  ConflictUpdate conflict_update_;
  // Keys of the rows this statement inserted or updated: DO UPDATE may not
  // change one of them again (PostgreSQL's 21000).
  std::unordered_set<std::string> written_keys_;
};

class UpdateOp final : public DmlOperator {
 public:
  // set[i]: the new value of table column i over the input row; null: unchanged.
  UpdateOp(OperatorPtr input, WriteTarget target, std::vector<ExprPtr> set, ExprPtr recheck,
           std::vector<ExprPtr> returning, std::vector<OutputColumn> returning_columns);
  Status Open(ExecContext& ctx) override { return OpenBase(ctx, *input_); }
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  WriteTarget target_;
  std::vector<ExprPtr> set_;
  ExprPtr recheck_;
};

class DeleteOp final : public DmlOperator {
 public:
  DeleteOp(OperatorPtr input, WriteTarget target, ExprPtr recheck,
           std::vector<ExprPtr> returning, std::vector<OutputColumn> returning_columns);
  Status Open(ExecContext& ctx) override { return OpenBase(ctx, *input_); }
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  OperatorPtr input_;
  WriteTarget target_;
  ExprPtr recheck_;
};

// Locks the row for writing and brings `input` (table columns first) up to
// date with the newest committed version. false: skip the row (deleted
// meanwhile, or it no longer satisfies `recheck`).
Result<bool> LockAndRecheck(ExecContext& ctx, const catalog::Table& table,
                            std::string_view row_key, const ExprPtr& recheck, Row* input);

}  // namespace db9::sql
