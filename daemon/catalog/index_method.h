// Index access methods: B-tree now; GIN and HNSW plug in later by
// registering here. The catalog records an index's method by name
// (Index::access_method); CREATE INDEX ... USING <name> looks it up and the
// executor asks it for the KV entries a row contributes.
//
// B-tree layout (docs/storage-format.md, "Rows and indexes"): one entry per
// row, key = index prefix + the indexed values in order-preserving encoding,
// followed by the row's primary key unless the index is unique and no value
// is NULL; the entry's value is the row's primary key in both cases. A
// unique entry's key therefore names the value itself, so locking it
// (mvcc LockForWrite) serializes concurrent inserters of one value.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/catalog/catalog_objects.h"
#include "daemon/types/type_registry.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::catalog {

class IndexMethod {
 public:
  virtual ~IndexMethod() = default;
  virtual std::string_view name() const = 0;
  // pg_am.oid (btree 403, hash 405, gin 2742, ...).
  virtual Oid oid() const = 0;
  virtual bool supports_unique() const = 0;
  // Whether the planner may use the index for =, <, <=, >, >= on a prefix
  // of its columns and for ORDER BY.
  virtual bool supports_ordered_scans() const = 0;

  // The KV entries (key, value) the row adds to `index`. `indexed_values`
  // are the row's values of the index columns, in index column order;
  // `row_key_suffix` is the row's primary-key encoding (the part after the
  // table prefix). Must be deterministic: deleting a row deletes exactly the
  // entries its values produced.
  virtual Status EntriesForRow(const types::TypeRegistry& types, const Index& index,
                               const std::vector<types::Value>& indexed_values,
                               std::string_view row_key_suffix,
                               std::vector<std::pair<std::string, std::string>>* out) const = 0;
};

// Process-wide; filled at startup before queries run.
class IndexMethodRegistry {
 public:
  // Holds B-tree from the start.
  static IndexMethodRegistry& Global();
  void Add(std::unique_ptr<IndexMethod> method);
  const IndexMethod* Find(std::string_view name) const;

 private:
  IndexMethodRegistry();
  std::vector<std::unique_ptr<IndexMethod>> methods_;
};

}  // namespace db9::catalog
