#include "daemon/catalog/system/relations.h"

#include <algorithm>

#include "daemon/functions/registries.h"
#include "shared/base/sql_identifier.h"

namespace db9::catalog::system {

std::vector<RelationEntry> AllRelations(const CatalogState& state) {
  std::vector<RelationEntry> out;
  // The new entry, for the caller to set its object pointer.
  auto add = [&out](Oid oid, std::string_view name, Oid namespace_oid, char relkind) -> RelationEntry& {
    out.push_back(RelationEntry{oid, name, namespace_oid, relkind});
    return out.back();
  };
  for (const auto& rel : SystemRegistry::Global().relations()) {
    add(rel->oid, rel->name, rel->namespace_oid, rel->relkind).system = rel.get();
  }
  for (const auto& [oid, table] : state.tables()) {
    add(oid, table.name, table.namespace_oid, 'r').table = &table;
    for (const Index& index : table.indexes) {
      RelationEntry& i = add(index.oid, index.name, index.namespace_oid, 'i');
      i.table = &table;
      i.index = &index;
    }
  }
  for (const auto& [oid, sequence] : state.sequences()) {
    add(oid, sequence.name, sequence.namespace_oid, 'S').sequence = &sequence;
  }
  for (const auto& [oid, view] : state.views()) {
    add(oid, view.name, view.namespace_oid, 'v').view = &view;
  }
  return out;
}

bool RelationByOid(const CatalogState& state, Oid oid, RelationEntry* out) {
  if (const SystemRelation* rel = SystemRegistry::Global().RelationByOid(oid)) {
    *out = RelationEntry{rel->oid, rel->name, rel->namespace_oid, rel->relkind,
                         nullptr, nullptr, nullptr, rel};
    return true;
  }
  if (const Table* table = state.TableByOid(oid)) {
    *out = RelationEntry{oid, table->name, table->namespace_oid, 'r', table, nullptr, nullptr, nullptr};
    return true;
  }
  if (auto [table, index] = state.IndexByOid(oid); index != nullptr) {
    *out = RelationEntry{oid, index->name, index->namespace_oid, 'i', table, index, nullptr, nullptr};
    return true;
  }
  if (const Sequence* sequence = state.SequenceByOid(oid)) {
    *out = RelationEntry{oid, sequence->name, sequence->namespace_oid, 'S',
                         nullptr, nullptr, sequence, nullptr};
    return true;
  }
  if (const View* view = state.ViewByOid(oid)) {
    *out = RelationEntry{oid, view->name, view->namespace_oid, 'v',
                         nullptr, nullptr, nullptr, nullptr, view};
    return true;
  }
  return false;
}

std::vector<Oid> EffectiveSearchPath(const CatalogState& state,
                                     const std::vector<std::string>& search_path) {
  std::vector<Oid> out;
  if (std::find(search_path.begin(), search_path.end(), "pg_catalog") == search_path.end()) {
    out.push_back(kPgCatalogNamespace);
  }
  for (const std::string& name : search_path) {
    const Namespace* ns = state.FindNamespace(name);
    if (ns != nullptr && std::find(out.begin(), out.end(), ns->oid) == out.end()) {
      out.push_back(ns->oid);
    }
  }
  return out;
}

bool RelationVisible(const CatalogState& state, const std::vector<std::string>& search_path,
                     const RelationEntry& relation) {
  for (Oid ns : EffectiveSearchPath(state, search_path)) {
    if (ns == relation.namespace_oid) return true;
    if (state.RelationNameTaken(ns, relation.name)) return false;
  }
  return false;
}


std::string NamespaceName(const CatalogState& state, Oid namespace_oid) {
  const Namespace* ns = state.NamespaceByOid(namespace_oid);
  return ns != nullptr ? ns->name : std::to_string(namespace_oid);
}

std::string RelationDisplayName(const CatalogState& state,
                                const std::vector<std::string>& search_path,
                                const RelationEntry& relation) {
  if (RelationVisible(state, search_path, relation)) return QuoteIdentifierIfNeeded(relation.name);
  return QuoteIdentifierIfNeeded(NamespaceName(state, relation.namespace_oid)) + "." +
         QuoteIdentifierIfNeeded(relation.name);
}

const types::TypeRegistry& Types() { return functions::BuiltinRegistries().types; }

Oid TypeCollation(const types::TypeInfo& type) {
  const types::TypeInfo& base = type.element != nullptr ? *type.element : type;
  if (base.oid == types::oid::kName) return 950;
  if (base.oid == types::oid::kText || base.oid == types::oid::kVarchar ||
      base.oid == types::oid::kBpchar) {
    return 100;
  }
  return 0;
}

}  // namespace db9::catalog::system
