#include "daemon/functions/function_registry.h"

#include "daemon/functions/registries.h"
#include "daemon/functions/type_resolution.h"

namespace db9::functions {

const types::TypeRegistry& FunctionContext::types() const { return registries->types; }

Status FunctionRegistry::Register(FunctionInfo info) {
  auto& list = by_name_[info.name];
  for (const FunctionInfo* f : list) {
    if (f->arg_types == info.arg_types && f->variadic == info.variadic) {
      return Status::Error("42723", "function " + info.name + " already exists with same argument types");
    }
  }
  if (info.oid == 0) info.oid = next_oid_++;
  entries_.push_back(std::make_unique<FunctionInfo>(std::move(info)));
  list.push_back(entries_.back().get());
  return Status::OK();
}

std::span<const FunctionInfo* const> FunctionRegistry::Overloads(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return {};
  return it->second;
}

Result<FunctionMatch> FunctionRegistry::Resolve(std::string_view name,
                                                std::span<const Oid> actual,
                                                const Registries& registries) const {
  std::vector<Candidate> cands;
  for (const FunctionInfo* f : Overloads(name)) cands.push_back({f->arg_types, f->variadic, f});
  Result<ResolvedCall> r = ResolveOverload(cands, actual, registries);
  if (!r.ok() || r->entry == nullptr) {
    bool ambiguous = !r.ok();
    return Status::Error(ambiguous ? sqlstate::kAmbiguousFunction : sqlstate::kUndefinedFunction,
                         "function " + CallSignature(registries.types, name, actual) +
                             (ambiguous ? " is not unique" : " does not exist"))
        .WithHint(ambiguous ? "Could not choose a best candidate function. You might need to add "
                              "explicit type casts."
                            : "No function matches the given name and argument types. You might "
                              "need to add explicit type casts.");
  }
  const auto* f = static_cast<const FunctionInfo*>(r->entry);
  Oid result = ResolveReturnType(f->return_type, r->anyelement, registries.types);
  if (result == types::oid::kInvalid) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "could not find array type for data type " +
                             types::FormatType(registries.types, r->anyelement, -1));
  }
  return FunctionMatch{f, r->arg_types, result};
}

Result<Value> CallFunction(const FunctionInfo& f, FunctionContext& ctx,
                           std::span<const Value> args) {
  if (f.strict) {
    for (const Value& a : args) {
      if (a.is_null()) {
        return Value::Null(ctx.result_type != types::oid::kInvalid ? ctx.result_type
                                                                   : f.return_type);
      }
    }
  }
  if (!f.impl) {
    // A set-returning function reached a place that takes one value; the
    // binder rejects this, so only a caller bypassing it gets here.
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "set-valued function " + f.name + " called in context that cannot accept a set");
  }
  return f.impl(ctx, args);
}

namespace {

class RowsIterator final : public SetIterator {
 public:
  explicit RowsIterator(std::vector<std::vector<Value>> rows) : rows_(std::move(rows)) {}
  Result<bool> Next(FunctionContext&, std::vector<Value>* row) override {
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<std::vector<Value>> rows_;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<SetIterator> MakeRowsIterator(std::vector<std::vector<Value>> rows) {
  return std::make_unique<RowsIterator>(std::move(rows));
}

Result<std::unique_ptr<SetIterator>> CallSetFunction(const FunctionInfo& f, FunctionContext& ctx,
                                                     std::span<const Value> args) {
  if (!f.set_impl) {
    return Status::Internal("function " + f.name + " does not return a set");
  }
  if (f.strict) {
    for (const Value& a : args) {
      if (a.is_null()) return MakeRowsIterator({});
    }
  }
  return f.set_impl(ctx, args);
}

}  // namespace db9::functions
