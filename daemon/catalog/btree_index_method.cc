// The B-tree access method: order-preserving index keys (index_method.h has
// the layout).
#include "daemon/catalog/index_method.h"
#include "daemon/catalog/row_keys.h"

namespace db9::catalog {
namespace {

class BtreeMethod final : public IndexMethod {
 public:
  std::string_view name() const override { return "btree"; }
  Oid oid() const override { return 403; }
  bool supports_unique() const override { return true; }
  bool supports_ordered_scans() const override { return true; }

  Status EntriesForRow(const types::TypeRegistry& types, const Index& index,
                       const std::vector<types::Value>& indexed_values,
                       std::string_view row_key_suffix,
                       std::vector<std::pair<std::string, std::string>>* out) const override {
    std::string key = IndexKeyPrefix(index.oid);
    bool any_null = false;
    DB9_RETURN_IF_ERROR(AppendIndexValues(types, index, indexed_values, &key, &any_null));
    // A unique entry without NULLs is keyed by the values alone (see the
    // header); NULLs never conflict, so those entries get the row key too.
    if (!index.unique || any_null) key.append(row_key_suffix);
    out->emplace_back(std::move(key), std::string(row_key_suffix));
    return Status::OK();
  }
};

}  // namespace

IndexMethodRegistry::IndexMethodRegistry() { methods_.push_back(std::make_unique<BtreeMethod>()); }

IndexMethodRegistry& IndexMethodRegistry::Global() {
  static IndexMethodRegistry registry;
  return registry;
}

void IndexMethodRegistry::Add(std::unique_ptr<IndexMethod> method) {
  methods_.push_back(std::move(method));
}

const IndexMethod* IndexMethodRegistry::Find(std::string_view method_name) const {
  for (const auto& method : methods_) {
    if (method->name() == method_name) return method.get();
  }
  return nullptr;
}

}  // namespace db9::catalog
