#include "daemon/catalog/builtin_extensions.h"

#include "daemon/catalog/catalog_objects.h"
#include "daemon/types/vector_value.h"

namespace db9::catalog {
namespace {

constexpr types::Oid kVectorTypes[] = {types::oid::kVector, types::oid::kVectorArray};

// plpgsql's OID is PostgreSQL 15's; vector's is fixed next to its types.
constexpr BuiltinExtension kExtensions[] = {
    {13559, "plpgsql", "1.0", kPgCatalogNamespace, false, false, {}},
    {types::oid::kVectorExtension, "vector", "0.8.0", kPublicNamespace, true, true, kVectorTypes},
};

}  // namespace

std::span<const BuiltinExtension> BuiltinExtensions() { return kExtensions; }

const BuiltinExtension* FindBuiltinExtension(std::string_view name) {
  for (const BuiltinExtension& e : kExtensions) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace db9::catalog
