#include "daemon/catalog/system_registry.h"

namespace db9::catalog {

SystemRegistry& SystemRegistry::Global() {
  static SystemRegistry registry;
  return registry;
}

Status SystemRegistry::AddRelation(SystemRelation relation) {
  if (FindRelation(relation.namespace_oid, relation.name) != nullptr) {
    return Status::Error(sqlstate::kDuplicateTable,
                         "relation \"" + relation.name + "\" already exists");
  }
  relations_.push_back(std::make_unique<SystemRelation>(std::move(relation)));
  return Status::OK();
}

Status SystemRegistry::AddFunction(CatalogFunction function) {
  for (const CatalogFunction* existing : FindFunctions(function.name)) {
    if (existing->argument_types == function.argument_types) {
      return Status::Error("42723", "function \"" + function.name +
                                        "\" already exists with same argument types");
    }
  }
  std::string name = function.name;
  functions_.emplace(std::move(name), std::make_unique<CatalogFunction>(std::move(function)));
  return Status::OK();
}

const SystemRelation* SystemRegistry::FindRelation(Oid namespace_oid, std::string_view name) const {
  for (const auto& relation : relations_) {
    if (relation->namespace_oid == namespace_oid && relation->name == name) return relation.get();
  }
  return nullptr;
}

const SystemRelation* SystemRegistry::RelationByOid(Oid oid) const {
  for (const auto& relation : relations_) {
    if (relation->oid == oid) return relation.get();
  }
  return nullptr;
}

std::vector<const CatalogFunction*> SystemRegistry::FindFunctions(std::string_view name) const {
  std::vector<const CatalogFunction*> out;
  auto [begin, end] = functions_.equal_range(name);
  for (auto it = begin; it != end; ++it) out.push_back(it->second.get());
  return out;
}

}  // namespace db9::catalog
