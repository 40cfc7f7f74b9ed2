#include "daemon/functions/aggregate_registry.h"

#include "daemon/functions/registries.h"
#include "daemon/functions/type_resolution.h"

namespace db9::functions {

Status AggregateRegistry::Register(AggregateInfo info) {
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
  if (!r.ok() || r->entry == nullptr) {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "function " + CallSignature(registries.types, name, actual) +
                             " does not exist")
        .WithHint("No function matches the given name and argument types. You might need to "
                  "add explicit type casts.");
  }
  const auto* a = static_cast<const AggregateInfo*>(r->entry);
  Oid result = ResolveReturnType(a->return_type, r->anyelement, registries.types);
  if (result == types::oid::kInvalid) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "could not find array type for data type " +
                             types::FormatType(registries.types, r->anyelement, -1));
  }
  return AggregateMatch{a, r->arg_types, result};
}

}  // namespace db9::functions
