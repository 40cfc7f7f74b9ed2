// OperatorRegistry: SQL operators (pg_operator rows). An operator is a name
// plus left/right operand types and an implementation with the same
// signature as a function (args = {left, right}, or {right} for a prefix
// operator such as unary minus).
//
//   auto m = registries.operators.Resolve("+", oid::kInt4, oid::kUnknown, registries);
//   // m->op->impl, m->left_type / m->right_type to coerce operands to
//
// Comparison operators carry `kind`, which the planner uses to match index
// predicates without knowing the type (an index scan wants kLess/... on the
// column's type).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "daemon/functions/function_registry.h"

namespace db9::functions {

enum class OperatorKind {
  kOther,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
};

struct OperatorInfo {
  std::string name;           // "+", "||", "~~" (LIKE), "~~*" (ILIKE), "!~~" ...
  Oid left = types::oid::kInvalid;   // kInvalid for a prefix operator
  Oid right = types::oid::kInvalid;
  Oid result = types::oid::kBool;    // may be kAnyElement/kAnyArray
  OperatorKind kind = OperatorKind::kOther;
  bool strict = true;  // all built-ins are strict; NULL in -> NULL out
  Volatility volatility = Volatility::kImmutable;
  ScalarImpl impl;
  Oid oid = 0;  // pg_operator oid, assigned by Register when 0
};

struct OperatorMatch {
  const OperatorInfo* op = nullptr;
  Oid left_type = types::oid::kInvalid;   // coerce the left operand to this
  Oid right_type = types::oid::kInvalid;  // coerce the right operand to this
  Oid result_type = types::oid::kInvalid;
};

class OperatorRegistry {
 public:
  // 42723 on an identical (name, left, right).
  Status Register(OperatorInfo info);

  // Exact lookup, nullptr when missing.
  const OperatorInfo* Find(std::string_view name, Oid left, Oid right) const;

  // PostgreSQL's oper_select_candidate rules (unknown operands take the
  // other side's type first). left = kInvalid for prefix operators.
  // 42883 `operator does not exist: integer + text` with PostgreSQL's hint,
  // 42725 when ambiguous.
  Result<OperatorMatch> Resolve(std::string_view name, Oid left, Oid right,
                                const Registries& registries) const;

  std::span<const OperatorInfo* const> Overloads(std::string_view name) const;
  const std::vector<std::unique_ptr<OperatorInfo>>& all() const { return entries_; }

 private:
  std::vector<std::unique_ptr<OperatorInfo>> entries_;
  std::unordered_map<std::string, std::vector<const OperatorInfo*>> by_name_;
  Oid next_oid_ = 16384 + 200000;
};

// Calls the operator, answering NULL when it is strict and an operand is NULL.
Result<Value> CallOperator(const OperatorInfo& op, FunctionContext& ctx,
                           std::span<const Value> args);

}  // namespace db9::functions
