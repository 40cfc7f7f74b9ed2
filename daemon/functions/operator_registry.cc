#include "daemon/functions/operator_registry.h"

#include "daemon/functions/registries.h"
#include "daemon/functions/type_resolution.h"

namespace db9::functions {

Status OperatorRegistry::Register(OperatorInfo info) {
  if (Find(info.name, info.left, info.right) != nullptr) {
    return Status::Error("42723", "operator " + info.name + " already exists");
  }
  if (info.oid == 0) info.oid = next_oid_++;
  entries_.push_back(std::make_unique<OperatorInfo>(std::move(info)));
  by_name_[entries_.back()->name].push_back(entries_.back().get());
  return Status::OK();
}

std::span<const OperatorInfo* const> OperatorRegistry::Overloads(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return {};
  return it->second;
}

const OperatorInfo* OperatorRegistry::Find(std::string_view name, Oid left, Oid right) const {
  for (const OperatorInfo* op : Overloads(name)) {
    if (op->left == left && op->right == right) return op;
  }
  return nullptr;
}

Result<OperatorMatch> OperatorRegistry::Resolve(std::string_view name, Oid left, Oid right,
                                                const Registries& registries) const {
  namespace oid = types::oid;
  bool prefix = left == oid::kInvalid;
  auto match = [&](const OperatorInfo* op, Oid l, Oid r, Oid anyelement) {
    return OperatorMatch{op, l, r, ResolveReturnType(op->result, anyelement, registries.types)};
  };
  // PostgreSQL's binary_oper_exact: an unknown operand first tries the
  // other operand's type.
  if (!prefix && (left == oid::kUnknown) != (right == oid::kUnknown)) {
    Oid known = left == oid::kUnknown ? right : left;
    if (const OperatorInfo* op = Find(name, known, known)) return match(op, known, known, known);
  }
  if (left == oid::kUnknown && right == oid::kUnknown) {
    if (const OperatorInfo* op = Find(name, oid::kText, oid::kText)) {
      return match(op, oid::kText, oid::kText, oid::kText);
    }
  }
  std::vector<std::vector<Oid>> sigs;
  std::vector<Candidate> cands;
  const auto ops = Overloads(name);
  sigs.reserve(ops.size());
  for (const OperatorInfo* op : ops) {
    if ((op->left == oid::kInvalid) != prefix) continue;
    sigs.push_back(prefix ? std::vector<Oid>{op->right} : std::vector<Oid>{op->left, op->right});
    cands.push_back({sigs.back(), false, op});
  }
  std::vector<Oid> actual = prefix ? std::vector<Oid>{right} : std::vector<Oid>{left, right};
  Result<ResolvedCall> r = ResolveOverload(cands, actual, registries);
  if (!r.ok() || r->entry == nullptr) {
    bool ambiguous = !r.ok();
    std::string sig = prefix ? std::string(name) + " " + types::FormatType(registries.types, right, -1)
                             : types::FormatType(registries.types, left, -1) + " " +
                                   std::string(name) + " " +
                                   types::FormatType(registries.types, right, -1);
    return Status::Error(ambiguous ? sqlstate::kAmbiguousFunction : sqlstate::kUndefinedFunction,
                         "operator " + std::string(ambiguous ? "is not unique: " : "does not exist: ") +
                             sig)
        .WithHint(ambiguous ? "Could not choose a best candidate operator. You might need to add "
                              "explicit type casts."
                            : "No operator matches the given name and argument types. You might "
                              "need to add explicit type casts.");
  }
  const auto* op = static_cast<const OperatorInfo*>(r->entry);
  return prefix ? match(op, oid::kInvalid, r->arg_types[0], r->anyelement)
                : match(op, r->arg_types[0], r->arg_types[1], r->anyelement);
}

Result<Value> CallOperator(const OperatorInfo& op, FunctionContext& ctx,
                           std::span<const Value> args) {
  if (op.strict) {
    for (const Value& a : args) {
      if (a.is_null()) {
        return Value::Null(ctx.result_type != types::oid::kInvalid ? ctx.result_type : op.result);
      }
    }
  }
  return op.impl(ctx, args);
}

}  // namespace db9::functions
