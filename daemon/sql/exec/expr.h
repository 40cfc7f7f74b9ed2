// Bound expressions: a tree of nodes each knowing its result type, evaluated
// against one input row. The binder builds them from the parse tree,
// resolving names, types, functions and operators through the registries;
// evaluation never looks anything up by name.
//
// NULL follows SQL's three-valued logic: AND/OR/NOT, CASE and COALESCE
// handle NULLs themselves; functions and operators through the registries'
// strictness rules.
#pragma once

#include <memory>
#include <vector>

#include "daemon/sql/exec/exec_context.h"
#include "daemon/sql/exec/operator.h"
#include "shared/base/result.h"

namespace db9::sql {

class Expr {
 public:
  Expr(Oid type, int32_t typmod = -1) : type(type), typmod(typmod) {}
  virtual ~Expr() = default;
  virtual Result<Value> Eval(ExecContext& ctx, const Row& row) const = 0;
  // True if the expression reads no column of the current row (constants,
  // parameters, outer references): index lookups may evaluate it once.
  virtual bool IsRowIndependent() const { return false; }
  // The input row's value when the expression is exactly one of its
  // columns, else null: EvalInto copies it in place instead of going
  // through Eval's Result (projections and aggregate arguments do this for
  // every row).
  virtual const Value* InputValue(const Row&) const { return nullptr; }

  Oid type;
  int32_t typmod;
};

using ExprPtr = std::shared_ptr<const Expr>;

class ConstExpr final : public Expr {
 public:
  explicit ConstExpr(Value value, int32_t typmod = -1)
      : Expr(value.type(), typmod), value(std::move(value)) {}
  Result<Value> Eval(ExecContext&, const Row&) const override { return value; }
  bool IsRowIndependent() const override { return true; }
  Value value;
};

// A column of the input row (levels_up 0) or of an enclosing query's row.
class ColumnExpr final : public Expr {
 public:
  ColumnExpr(int index, int levels_up, Oid type, int32_t typmod)
      : Expr(type, typmod), index(index), levels_up(levels_up) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override { return levels_up > 0; }
  const Value* InputValue(const Row& row) const override {
    return levels_up == 0 && index >= 0 && static_cast<size_t>(index) < row.size() ? &row[index] : nullptr;
  }
  // Public: the binder re-points placeholders (window results, set-returning
  // calls) once it knows where their operator puts them.
  int index;
  int levels_up;
};

// The input row position `expr` reads when it is exactly a column of the
// input row (not of an enclosing query's); -1 for any other expression.
inline int InputColumnIndex(const Expr& expr) {
  const auto* column = dynamic_cast<const ColumnExpr*>(&expr);
  return column != nullptr && column->levels_up == 0 && column->index >= 0 ? column->index : -1;
}

class ParamExpr final : public Expr {
 public:
  ParamExpr(int index, Oid type) : Expr(type), index(index) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override { return true; }
  int index;  // 0-based ($1 is 0)
};

class FuncExpr final : public Expr {
 public:
  FuncExpr(const functions::FunctionInfo* function, std::vector<ExprPtr> args, Oid type)
      : Expr(type), function(function), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override;
  const functions::FunctionInfo* function;
  std::vector<ExprPtr> args;
};

class OpExpr final : public Expr {
 public:
  OpExpr(const functions::OperatorInfo* op, std::vector<ExprPtr> args, Oid type)
      : Expr(type), op(op), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override;
  const functions::OperatorInfo* op;
  std::vector<ExprPtr> args;  // {right} for prefix operators
};

class CastExpr final : public Expr {
 public:
  CastExpr(ExprPtr arg, Oid type, int32_t typmod, functions::CoercionContext context)
      : Expr(type, typmod), arg(std::move(arg)), context(context) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override { return arg->IsRowIndependent(); }
  ExprPtr arg;
  functions::CoercionContext context;
};

class BoolExpr final : public Expr {
 public:
  enum class Kind { kAnd, kOr, kNot };
  BoolExpr(Kind kind, std::vector<ExprPtr> args)
      : Expr(types::oid::kBool), kind(kind), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override;
  Kind kind;
  std::vector<ExprPtr> args;
};

// IS [NOT] NULL, IS [NOT] TRUE/FALSE/UNKNOWN.
class TestExpr final : public Expr {
 public:
  enum class Kind { kIsNull, kIsNotNull, kIsTrue, kIsNotTrue, kIsFalse, kIsNotFalse };
  TestExpr(Kind kind, ExprPtr arg) : Expr(types::oid::kBool), kind(kind), arg(std::move(arg)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  Kind kind;
  ExprPtr arg;
};

// a IS [NOT] DISTINCT FROM b, with `eq` the resolved "=" operator.
class DistinctExpr final : public Expr {
 public:
  DistinctExpr(const functions::OperatorInfo* eq, ExprPtr a, ExprPtr b, bool not_distinct)
      : Expr(types::oid::kBool), eq(eq), a(std::move(a)), b(std::move(b)),
        not_distinct(not_distinct) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  const functions::OperatorInfo* eq;
  ExprPtr a, b;
  bool not_distinct;
};

class CaseExpr final : public Expr {
 public:
  struct When {
    ExprPtr condition;
    ExprPtr result;
  };
  CaseExpr(std::vector<When> whens, ExprPtr otherwise, Oid type)
      : Expr(type), whens(std::move(whens)), otherwise(std::move(otherwise)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  std::vector<When> whens;
  ExprPtr otherwise;  // may be null: NULL
};

class CoalesceExpr final : public Expr {
 public:
  CoalesceExpr(std::vector<ExprPtr> args, Oid type) : Expr(type), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  std::vector<ExprPtr> args;
};

class NullIfExpr final : public Expr {
 public:
  NullIfExpr(const functions::OperatorInfo* eq, ExprPtr a, ExprPtr b)
      : Expr(a->type, a->typmod), eq(eq), a(std::move(a)), b(std::move(b)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  const functions::OperatorInfo* eq;
  ExprPtr a, b;
};

// GREATEST / LEAST: NULLs ignored; NULL only when all are NULL.
class MinMaxExpr final : public Expr {
 public:
  MinMaxExpr(bool greatest, std::vector<ExprPtr> args, Oid type)
      : Expr(type), greatest(greatest), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool greatest;
  std::vector<ExprPtr> args;
};

// Subqueries. The plan runs with the current row pushed onto
// ctx.outer_rows; an uncorrelated one runs once and is cached.
class SubqueryExpr final : public Expr {
 public:
  enum class Kind { kExists, kScalar, kAny, kAll };
  SubqueryExpr(Kind kind, std::shared_ptr<Operator> plan, Oid type, bool correlated)
      : Expr(type), kind(kind), plan(std::move(plan)), correlated(correlated) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;

  Kind kind;
  std::shared_ptr<Operator> plan;
  bool correlated;
  // kAny/kAll: `test` compares `lhs` with the subquery's single column,
  // which it reads as column 0 of the row it is given.
  ExprPtr lhs;
  ExprPtr test;

 private:
  Result<Value> Run(ExecContext& ctx, const Row& row) const;
  mutable bool cached_ = false;
  mutable Value cache_;
  mutable uint64_t cache_execution_ = 0;  // ExecContext::execution_id of the cache
};

// nextval / currval / setval / lastval: need the session and sequence store.
class SequenceFuncExpr final : public Expr {
 public:
  enum class Kind { kNextval, kCurrval, kSetval, kLastval };
  SequenceFuncExpr(Kind kind, std::vector<ExprPtr> args)
      : Expr(types::oid::kInt8), kind(kind), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  Kind kind;
  std::vector<ExprPtr> args;  // args[0]: the sequence name (text) or regclass OID
};

class CatalogFuncExpr final : public Expr {
 public:
  CatalogFuncExpr(const catalog::CatalogFunction* function, std::vector<ExprPtr> args)
      : Expr(function->result_type), function(function), args(std::move(args)) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  const catalog::CatalogFunction* function;
  std::vector<ExprPtr> args;
};

// Evaluates a predicate: true only when the value is non-NULL true.
Result<bool> EvalPredicate(const Expr& expr, ExecContext& ctx, const Row& row);

// *out = expr over row; a plain input column is copied in place, reusing
// *out's storage.
inline Status EvalInto(const Expr& expr, ExecContext& ctx, const Row& row, Value* out) {
  if (const Value* column = expr.InputValue(row)) {
    const Value& in = *column;
    // Integers (int2/4/8, dates, timestamps) are most columns: assign the
    // alternative directly instead of the variant's generic copy.
    if (std::holds_alternative<int64_t>(in.payload())) {
      out->Set(in.type(), in.as_int());
    } else {
      *out = in;
    }
    return Status::OK();
  }
  DB9_ASSIGN_OR_RETURN(*out, expr.Eval(ctx, row));
  return Status::OK();
}

}  // namespace db9::sql

namespace db9::sql {

// ARRAY[a, b, ...]: a one-dimensional array of the elements' common type.
class ArrayExpr final : public Expr {
 public:
  ArrayExpr(std::vector<ExprPtr> elements, Oid element_type, Oid array_type)
      : Expr(array_type), elements(std::move(elements)), element_type(element_type) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  bool IsRowIndependent() const override;
  std::vector<ExprPtr> elements;
  Oid element_type;
};

// x op ANY (array) / x op ALL (array), with SQL's three-valued logic.
class ScalarArrayOpExpr final : public Expr {
 public:
  ScalarArrayOpExpr(const functions::OperatorInfo* op, bool any, ExprPtr left, ExprPtr array,
                    Oid element_type)
      : Expr(types::oid::kBool), op(op), any(any), left(std::move(left)), array(std::move(array)),
        element_type(element_type) {}
  Result<Value> Eval(ExecContext& ctx, const Row& row) const override;
  const functions::OperatorInfo* op;
  bool any;
  ExprPtr left, array;
  Oid element_type;
};

}  // namespace db9::sql
