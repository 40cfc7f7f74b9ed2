// Index access methods: B-tree now; GIN and HNSW plug in by registering
// here. The catalog records an index's method by name
// (Index::access_method) and each column's operator class by name
// (IndexColumn::opclass); CREATE INDEX ... USING <name> looks the method up,
// resolves the operator classes through it and lets it check the WITH
// options, and the executor asks it for the KV entries a row contributes.
//
// B-tree layout (docs/storage-format.md, "Rows and indexes"): one entry per
// row, key = index prefix + the indexed values in order-preserving encoding,
// followed by the row's primary key unless the index is unique and no value
// is NULL; the entry's value is the row's primary key in both cases. A
// unique entry's key therefore names the value itself, so locking it
// (mvcc LockForWrite) serializes concurrent inserters of one value.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/catalog/catalog_objects.h"
#include "daemon/types/type_registry.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::catalog {

class Catalog;

// An operator class of an index method (a pg_opclass row): the type it
// indexes and, by its name, the operators the method serves for it.
struct OperatorClass {
  Oid oid;
  std::string_view name;
  Oid input_type;   // opcintype; anyarray: any array type
  Oid family;       // opcfamily
  bool is_default;  // opcdefault: used when CREATE INDEX names none
};

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
  virtual std::span<const OperatorClass> operator_classes() const = 0;
  // Checks one WITH (name = value) option of CREATE INDEX (`value` as
  // pg_class.reloptions shows it): 22023 for an unknown name or a bad value.
  // None by default.
  virtual Status CheckOption(std::string_view option, std::string_view value) const;
  // Checks a whole new index of `table` (columns with operator classes
  // resolved, options checked) before it is built. Nothing by default.
  virtual Status CheckIndex(const Table& table, const Index& index) const;

  // The KV entries (key, value) the row adds to `index`. `indexed_values`
  // are the row's values of the index columns, in index column order;
  // `row_key_suffix` is the row's primary-key encoding (the part after the
  // table prefix). Must be deterministic: deleting a row deletes exactly the
  // entries its values produced.
  virtual Status EntriesForRow(const types::TypeRegistry& types, const Index& index,
                               const std::vector<types::Value>& indexed_values,
                               std::string_view row_key_suffix,
                               std::vector<std::pair<std::string, std::string>>* out) const = 0;
  // Told after a transaction wrote the `entries` of one row (insert, update,
  // index build): a method that keeps an in-memory structure beside its
  // entries (HNSW's graph) takes them in. Nothing by default.
  virtual Status EntriesWritten(Catalog& catalog, const Index& index,
                                const std::vector<std::pair<std::string, std::string>>& entries) const;
};

// Whether `opclass` can index a column of `type`: its input type, or one
// binary-coercible to it (varchar for text), or any array for anyarray.
bool OperatorClassAccepts(const types::TypeRegistry& types, const OperatorClass& opclass, Oid type);

// The operator class CREATE INDEX records for a column of `type`: the one
// named `name` (42704 when the method has none of that name, 42804 when it
// does not accept the type), or with an empty name the method's default for
// the type (42704 when there is none), as PostgreSQL reports them.
Result<const OperatorClass*> ResolveOperatorClass(const types::TypeRegistry& types,
                                                  const IndexMethod& method, std::string_view name,
                                                  Oid type);

// The method's default operator class for `type`, nullptr if none.
const OperatorClass* DefaultOperatorClass(const types::TypeRegistry& types, const IndexMethod& method,
                                          Oid type);

// The operator class a stored index column uses: its recorded one, or the
// method's default for the column's type (indexes from before opclasses
// were recorded). nullptr when neither exists.
const OperatorClass* ColumnOperatorClass(const types::TypeRegistry& types, const IndexMethod& method,
                                         const IndexColumn& column, Oid column_type);

// Checks for IndexMethod::CheckOption, with PostgreSQL's messages.
Status CheckIntegerOption(std::string_view option, std::string_view value, int64_t min, int64_t max);
Status CheckBooleanOption(std::string_view option, std::string_view value);
Status UnrecognizedOption(std::string_view option);

// The value of an index's WITH option, if given.
std::optional<std::string_view> IndexOption(const Index& index, std::string_view option);
// An integer option's value, or `fallback` when not given. REQUIRES: the
// option passed CheckIntegerOption at CREATE INDEX.
int64_t IndexIntegerOption(const Index& index, std::string_view option, int64_t fallback);

std::unique_ptr<IndexMethod> MakeBtreeMethod();
std::unique_ptr<IndexMethod> MakeGinMethod();  // gin_index_method.cc

// Process-wide; filled at startup before queries run.
class IndexMethodRegistry {
 public:
  // Holds B-tree and GIN from the start.
  static IndexMethodRegistry& Global();
  void Add(std::unique_ptr<IndexMethod> method);
  const IndexMethod* Find(std::string_view name) const;
  const std::vector<std::unique_ptr<IndexMethod>>& all() const { return methods_; }

 private:
  IndexMethodRegistry();
  std::vector<std::unique_ptr<IndexMethod>> methods_;
};

}  // namespace db9::catalog
