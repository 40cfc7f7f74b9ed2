#include "daemon/functions/aggregate_registry.h"

#include "daemon/functions/registries.h"
#include "daemon/functions/type_resolution.h"

namespace db9::functions {
namespace {

Status NoSuchFunction(const Registries& registries, std::string_view name,
                      std::span<const Oid> actual) {
  return Status::Error(sqlstate::kUndefinedFunction,
                       "function " + CallSignature(registries.types, name, actual) +
                           " does not exist")
      .WithHint("No function matches the given name and argument types. You might need to "
                "add explicit type casts.");
}

// The concrete result type of a resolved polymorphic call; 42704 when
// anyarray has no array type for the bound element.
Result<Oid> ConcreteReturnType(Oid declared, const ResolvedCall& call,
                               const Registries& registries) {
  Oid result = ResolveReturnType(declared, call.anyelement, registries.types);
  if (result == types::oid::kInvalid) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "could not find array type for data type " +
                             types::FormatType(registries.types, call.anyelement, -1));
  }
  return result;
}

// Replaces the actual types at `declared`'s kAnyElement positions by their
// common type (42804 when they have none, as PostgreSQL reports it).
Status UnifyPolymorphic(std::span<const Oid> declared, const Registries& registries,
                        std::vector<Oid>* actual) {
  std::vector<Oid> polymorphic;
  for (size_t i = 0; i < declared.size(); ++i) {
    if (declared[i] == types::oid::kAnyElement) polymorphic.push_back((*actual)[i]);
  }
  if (polymorphic.size() < 2) return Status::OK();
  DB9_ASSIGN_OR_RETURN(Oid common, SelectCommonType(polymorphic, "anycompatible", registries));
  for (size_t i = 0; i < declared.size(); ++i) {
    if (declared[i] == types::oid::kAnyElement) (*actual)[i] = common;
  }
  return Status::OK();
}

}  // namespace

Status AggregateRegistry::Register(AggregateInfo info) {
  if (window_by_name_.count(info.name) != 0) {
    return Status::Error("42723", "function " + info.name + " already exists as a window function");
  }
  auto& list = by_name_[info.name];
  for (const AggregateInfo* a : list) {
    if (a->arg_types == info.arg_types) {
      return Status::Error("42723", "aggregate " + info.name + " already exists");
    }
  }
  if (info.oid == 0) info.oid = next_oid_++;
  entries_.push_back(std::make_unique<AggregateInfo>(std::move(info)));
  list.push_back(entries_.back().get());
  return Status::OK();
}

bool AggregateRegistry::IsAggregate(std::string_view name) const {
  return by_name_.count(std::string(name)) != 0;
}

Result<AggregateMatch> AggregateRegistry::Resolve(std::string_view name,
                                                  std::span<const Oid> actual,
                                                  const Registries& registries) const {
  std::vector<Candidate> cands;
  auto it = by_name_.find(std::string(name));
  if (it != by_name_.end()) {
    for (const AggregateInfo* a : it->second) cands.push_back({a->arg_types, false, a});
  }
  Result<ResolvedCall> r = ResolveOverload(cands, actual, registries);
  if (!r.ok() || r->entry == nullptr) return NoSuchFunction(registries, name, actual);
  const auto* a = static_cast<const AggregateInfo*>(r->entry);
  DB9_ASSIGN_OR_RETURN(Oid result, ConcreteReturnType(a->return_type, *r, registries));
  return AggregateMatch{a, r->arg_types, result};
}

Status AggregateRegistry::RegisterWindow(WindowFunctionInfo info) {
  if (by_name_.count(info.name) != 0) {
    return Status::Error("42723", "function " + info.name + " already exists as an aggregate");
  }
  auto& list = window_by_name_[info.name];
  for (const WindowFunctionInfo* w : list) {
    if (w->arg_types == info.arg_types) {
      return Status::Error("42723", "window function " + info.name + " already exists");
    }
  }
  if (info.oid == 0) info.oid = next_oid_++;
  window_entries_.push_back(std::make_unique<WindowFunctionInfo>(std::move(info)));
  list.push_back(window_entries_.back().get());
  return Status::OK();
}

bool AggregateRegistry::IsWindowFunction(std::string_view name) const {
  return window_by_name_.count(std::string(name)) != 0;
}

Result<WindowFunctionMatch> AggregateRegistry::ResolveWindow(std::string_view name,
                                                             std::span<const Oid> actual,
                                                             const Registries& registries) const {
  std::vector<Candidate> cands;
  std::vector<Oid> adjusted(actual.begin(), actual.end());
  auto it = window_by_name_.find(std::string(name));
  if (it != window_by_name_.end()) {
    for (const WindowFunctionInfo* w : it->second) {
      cands.push_back({w->arg_types, false, w});
      if (w->common_polymorphic && w->arg_types.size() == actual.size()) {
        DB9_RETURN_IF_ERROR(UnifyPolymorphic(w->arg_types, registries, &adjusted));
      }
    }
  }
  Result<ResolvedCall> r = ResolveOverload(cands, adjusted, registries);
  if (!r.ok()) return r.status();  // 42725: ambiguous
  if (r->entry == nullptr) return NoSuchFunction(registries, name, actual);
  const auto* w = static_cast<const WindowFunctionInfo*>(r->entry);
  DB9_ASSIGN_OR_RETURN(Oid result, ConcreteReturnType(w->return_type, *r, registries));
  return WindowFunctionMatch{w, r->arg_types, result};
}

}  // namespace db9::functions
