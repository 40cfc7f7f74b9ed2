// CatalogState: lookups and copy-on-write edits of one catalog snapshot.
#include "daemon/catalog/catalog.h"
#include "daemon/catalog/system_registry.h"

namespace db9::catalog {
namespace {

// Tables and sequences live in maps keyed by OID; both are looked up by OID
// and by (namespace, name).
template <typename Map>
const typename Map::mapped_type* ByOid(const Map& objects, Oid oid) {
  auto it = objects.find(oid);
  return it == objects.end() ? nullptr : &it->second;
}

template <typename Map>
const typename Map::mapped_type* ByName(const Map& objects, Oid namespace_oid,
                                        std::string_view name) {
  for (const auto& [oid, object] : objects) {
    if (object.namespace_oid == namespace_oid && object.name == name) return &object;
  }
  return nullptr;
}

}  // namespace

CatalogState::CatalogState()
    : namespaces_{{kPgCatalogNamespace, "pg_catalog"},
                  {kPublicNamespace, "public"},
                  {kInformationSchemaNamespace, "information_schema"}} {}

const Namespace* CatalogState::FindNamespace(std::string_view name) const {
  for (const Namespace& ns : namespaces_) {
    if (ns.name == name) return &ns;
  }
  return nullptr;
}

const Namespace* CatalogState::NamespaceByOid(Oid oid) const {
  for (const Namespace& ns : namespaces_) {
    if (ns.oid == oid) return &ns;
  }
  return nullptr;
}

const Table* CatalogState::TableByOid(Oid oid) const { return ByOid(tables_, oid); }

const Table* CatalogState::FindTable(Oid namespace_oid, std::string_view name) const {
  return ByName(tables_, namespace_oid, name);
}

const Sequence* CatalogState::SequenceByOid(Oid oid) const { return ByOid(sequences_, oid); }

const Sequence* CatalogState::FindSequence(Oid namespace_oid, std::string_view name) const {
  return ByName(sequences_, namespace_oid, name);
}

std::pair<const Table*, const Index*> CatalogState::FindIndex(Oid namespace_oid,
                                                              std::string_view name) const {
  for (const auto& [oid, table] : tables_) {
    for (const Index& index : table.indexes) {
      if (index.namespace_oid == namespace_oid && index.name == name) return {&table, &index};
    }
  }
  return {nullptr, nullptr};
}

std::pair<const Table*, const Index*> CatalogState::IndexByOid(Oid index_oid) const {
  for (const auto& [oid, table] : tables_) {
    for (const Index& index : table.indexes) {
      if (index.oid == index_oid) return {&table, &index};
    }
  }
  return {nullptr, nullptr};
}

bool CatalogState::RelationNameTaken(Oid namespace_oid, std::string_view name) const {
  return FindTable(namespace_oid, name) != nullptr ||
         FindSequence(namespace_oid, name) != nullptr ||
         FindIndex(namespace_oid, name).second != nullptr ||
         SystemRegistry::Global().FindRelation(namespace_oid, name) != nullptr;
}

namespace {

// The namespaces an unqualified name is looked up in: pg_catalog first
// (unless the path names it elsewhere), then the path's existing schemas.
std::vector<Oid> SearchNamespaces(const CatalogState& state,
                                  const std::vector<std::string>& search_path) {
  std::vector<Oid> out;
  bool has_pg_catalog = false;
  for (const std::string& name : search_path) has_pg_catalog |= name == "pg_catalog";
  if (!has_pg_catalog) out.push_back(kPgCatalogNamespace);
  for (const std::string& name : search_path) {
    if (const Namespace* ns = state.FindNamespace(name)) out.push_back(ns->oid);
  }
  return out;
}

Status SchemaMissing(std::string_view schema) {
  return Status::Error("3F000", "schema \"" + std::string(schema) + "\" does not exist");
}

}  // namespace

Result<RelationRef> CatalogState::ResolveRelation(
    std::string_view schema, std::string_view name,
    const std::vector<std::string>& search_path) const {
  std::vector<Oid> candidates;
  if (!schema.empty()) {
    const Namespace* ns = FindNamespace(schema);
    if (ns == nullptr) return SchemaMissing(schema);
    candidates.push_back(ns->oid);
  } else {
    candidates = SearchNamespaces(*this, search_path);
  }
  for (Oid ns : candidates) {
    if (const Table* table = FindTable(ns, name)) return RelationRef{table, nullptr};
    if (const SystemRelation* rel = SystemRegistry::Global().FindRelation(ns, name)) {
      return RelationRef{nullptr, rel};
    }
  }
  std::string full = schema.empty() ? std::string(name) : std::string(schema) + "." + std::string(name);
  return Status::Error(sqlstate::kUndefinedTable, "relation \"" + full + "\" does not exist");
}

Result<const Sequence*> CatalogState::ResolveSequence(
    std::string_view schema, std::string_view name,
    const std::vector<std::string>& search_path) const {
  std::vector<Oid> candidates;
  if (!schema.empty()) {
    const Namespace* ns = FindNamespace(schema);
    if (ns == nullptr) return SchemaMissing(schema);
    candidates.push_back(ns->oid);
  } else {
    candidates = SearchNamespaces(*this, search_path);
  }
  for (Oid ns : candidates) {
    if (const Sequence* sequence = FindSequence(ns, name)) return sequence;
  }
  std::string full = schema.empty() ? std::string(name) : std::string(schema) + "." + std::string(name);
  return Status::Error(sqlstate::kUndefinedTable, "relation \"" + full + "\" does not exist");
}

Result<Oid> CatalogState::CreationNamespace(std::string_view schema,
                                            const std::vector<std::string>& search_path) const {
  if (!schema.empty()) {
    const Namespace* ns = FindNamespace(schema);
    if (ns == nullptr) return SchemaMissing(schema);
    return ns->oid;
  }
  for (const std::string& name : search_path) {
    if (const Namespace* ns = FindNamespace(name)) return ns->oid;
  }
  return Status::Error(sqlstate::kUndefinedObject, "no schema has been selected to create in");
}

std::shared_ptr<CatalogState> CatalogState::WithTable(Table table) const {
  auto copy = std::make_shared<CatalogState>(*this);
  Oid oid = table.oid;
  copy->tables_[oid] = std::move(table);
  return copy;
}

std::shared_ptr<CatalogState> CatalogState::WithoutTable(Oid oid) const {
  auto copy = std::make_shared<CatalogState>(*this);
  copy->tables_.erase(oid);
  return copy;
}

std::shared_ptr<CatalogState> CatalogState::WithSequence(Sequence sequence) const {
  auto copy = std::make_shared<CatalogState>(*this);
  Oid oid = sequence.oid;
  copy->sequences_[oid] = std::move(sequence);
  return copy;
}

std::shared_ptr<CatalogState> CatalogState::WithoutSequence(Oid oid) const {
  auto copy = std::make_shared<CatalogState>(*this);
  copy->sequences_.erase(oid);
  return copy;
}

}  // namespace db9::catalog
