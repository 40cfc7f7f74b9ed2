// CatalogState: lookups and copy-on-write edits of one catalog snapshot.
#include "daemon/catalog/catalog.h"
#include "daemon/catalog/system_registry.h"

namespace db9::catalog {
namespace {

// Tables, sequences and views live in maps keyed by OID; each is looked up
// by OID and by (namespace, name).
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

const View* CatalogState::ViewByOid(Oid oid) const { return ByOid(views_, oid); }

const View* CatalogState::FindView(Oid namespace_oid, std::string_view name) const {
  return ByName(views_, namespace_oid, name);
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
         FindSequence(namespace_oid, name) != nullptr || FindView(namespace_oid, name) != nullptr ||
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
    if (const View* view = FindView(ns, name)) return RelationRef{nullptr, nullptr, view};
    if (const SystemRelation* rel = SystemRegistry::Global().FindRelation(ns, name)) {
      return RelationRef{nullptr, rel};
    }
  }
  std::string full = schema.empty() ? std::string(name) : std::string(schema) + "." + std::string(name);
  return Status::Error(sqlstate::kUndefinedTable, "relation \"" + full + "\" does not exist");
}

std::pair<const Table*, const Index*> CatalogState::ResolveIndex(
    std::string_view schema, std::string_view name,
    const std::vector<std::string>& search_path) const {
  std::vector<Oid> candidates;
  if (!schema.empty()) {
    if (const Namespace* ns = FindNamespace(schema)) candidates.push_back(ns->oid);
  } else {
    candidates = SearchNamespaces(*this, search_path);
  }
  for (Oid ns : candidates) {
    auto found = FindIndex(ns, name);
    if (found.second != nullptr) return found;
  }
  return {nullptr, nullptr};
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

template <typename Edit>
std::shared_ptr<CatalogState> CatalogState::Edited(Edit edit) const {
  auto copy = std::make_shared<CatalogState>(*this);
  edit(*copy);
  return copy;
}

std::shared_ptr<CatalogState> CatalogState::WithTable(Table table) const {
  return Edited([&](CatalogState& s) { s.tables_[table.oid] = std::move(table); });
}

std::shared_ptr<CatalogState> CatalogState::WithoutTable(Oid oid) const {
  return Edited([&](CatalogState& s) { s.tables_.erase(oid); });
}

std::shared_ptr<CatalogState> CatalogState::WithSequence(Sequence sequence) const {
  return Edited([&](CatalogState& s) { s.sequences_[sequence.oid] = std::move(sequence); });
}

std::shared_ptr<CatalogState> CatalogState::WithoutSequence(Oid oid) const {
  return Edited([&](CatalogState& s) { s.sequences_.erase(oid); });
}

std::shared_ptr<CatalogState> CatalogState::WithView(View view) const {
  return Edited([&](CatalogState& s) { s.views_[view.oid] = std::move(view); });
}

std::shared_ptr<CatalogState> CatalogState::WithoutView(Oid oid) const {
  return Edited([&](CatalogState& s) { s.views_.erase(oid); });
}

std::shared_ptr<CatalogState> CatalogState::WithNamespace(Namespace ns) const {
  return Edited([&](CatalogState& s) { s.namespaces_.push_back(std::move(ns)); });
}

std::shared_ptr<CatalogState> CatalogState::WithoutNamespace(Oid oid) const {
  return Edited([&](CatalogState& s) {
    std::erase_if(s.namespaces_, [oid](const Namespace& ns) { return ns.oid == oid; });
  });
}

}  // namespace db9::catalog
