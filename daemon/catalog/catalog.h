// Catalog: what schemas, tables, indexes, sequences and views exist in one
// tenant's database.
//
// Persistent objects (tables with their columns, constraints and indexes;
// sequences; views; schemas made by CREATE SCHEMA) are JSON records under Keyspace::kCatalog, written through the
// caller's mvcc::Transaction, so DDL commits and rolls back with the
// transaction it runs in. Readers work on a CatalogState: an immutable
// snapshot of every object, shared by all sessions until the next DDL commit.
//
// How a transaction changes the catalog (the SQL layer does this):
//   1. it starts from Catalog::Committed();
//   2. each DDL statement builds a modified copy (CatalogState::With*/Without*)
//      and writes the same change through Catalog::Store*/Delete* with its
//      transaction; later statements of that transaction read the copy;
//   3. after the transaction commits it calls Catalog::Reload(), which
//      re-reads the committed records (so concurrent DDL of other sessions
//      is never lost); after a rollback it simply drops its copy.
// Two transactions changing the same object meet on its record's row lock.
//
// System relations (pg_catalog.pg_class, information_schema.tables, ...) are
// not stored: they are computed from a CatalogState when scanned. Register
// them, and functions that need the catalog (pg_table_is_visible,
// format_type, current_schema, ...), in the SystemRegistry — see
// system_registry.h.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/catalog_objects.h"
#include "daemon/storage/mvcc/transaction.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::catalog {

struct SystemRelation;

// A relation a name resolved to: a stored table, a view or a system relation.
struct RelationRef {
  const Table* table = nullptr;
  const SystemRelation* system = nullptr;
  const View* view = nullptr;
  explicit operator bool() const {
    return table != nullptr || system != nullptr || view != nullptr;
  }
};

// Immutable snapshot of the catalog. Pointers it hands out live as long as
// the state (hold the shared_ptr).
class CatalogState {
 public:
  CatalogState();

  // Increases with every committed DDL change (plan caches key on it).
  uint64_t version() const { return version_; }

  const std::vector<Namespace>& namespaces() const { return namespaces_; }
  const std::map<Oid, Table>& tables() const { return tables_; }
  const std::map<Oid, Sequence>& sequences() const { return sequences_; }
  const std::map<Oid, View>& views() const { return views_; }

  const Namespace* FindNamespace(std::string_view name) const;
  const Namespace* NamespaceByOid(Oid oid) const;
  const Table* TableByOid(Oid oid) const;
  const Table* FindTable(Oid namespace_oid, std::string_view name) const;
  const Sequence* SequenceByOid(Oid oid) const;
  const Sequence* FindSequence(Oid namespace_oid, std::string_view name) const;
  const View* ViewByOid(Oid oid) const;
  const View* FindView(Oid namespace_oid, std::string_view name) const;
  // The views that read `oid` (a table or view), directly or through other
  // views, each once, every view listed after the views it reads from.
  std::vector<const View*> DependentViews(Oid oid) const;
  // Every view, each after the views it reads from (CREATE order for a dump).
  std::vector<const View*> ViewsInDependencyOrder() const;
  // Whether anything (table, sequence, view) lives in the namespace.
  bool NamespaceHasObjects(Oid namespace_oid) const;
  // The index and the table that owns it.
  std::pair<const Table*, const Index*> FindIndex(Oid namespace_oid, std::string_view name) const;
  std::pair<const Table*, const Index*> IndexByOid(Oid oid) const;
  // Whether any relation-like object (table, index, sequence, view, system
  // relation) has this name in the namespace: names share one space there.
  bool RelationNameTaken(Oid namespace_oid, std::string_view name) const;

  // Resolves [schema.]name the way PostgreSQL does: an explicit schema is
  // looked up directly; otherwise pg_catalog first, then `search_path` in
  // order ("$user" and missing schemas are skipped). Tables, views and
  // system relations. 42P01 'relation "x" does not exist' / 3F000 when the
  // schema is unknown.
  Result<RelationRef> ResolveRelation(std::string_view schema, std::string_view name,
                                      const std::vector<std::string>& search_path) const;
  // An index by [schema.]name, along the path when unqualified; {nullptr,
  // nullptr} when there is none (or the schema is unknown).
  std::pair<const Table*, const Index*> ResolveIndex(
      std::string_view schema, std::string_view name,
      const std::vector<std::string>& search_path) const;
  // Same for sequences (nextval('name')).
  Result<const Sequence*> ResolveSequence(std::string_view schema, std::string_view name,
                                          const std::vector<std::string>& search_path) const;
  // The namespace new objects go to: the first existing schema of the path.
  Result<Oid> CreationNamespace(std::string_view schema,
                                const std::vector<std::string>& search_path) const;

  // Modified copies for a transaction's own view (version unchanged).
  std::shared_ptr<CatalogState> WithTable(Table table) const;
  std::shared_ptr<CatalogState> WithoutTable(Oid oid) const;
  std::shared_ptr<CatalogState> WithSequence(Sequence sequence) const;
  std::shared_ptr<CatalogState> WithoutSequence(Oid oid) const;
  std::shared_ptr<CatalogState> WithView(View view) const;
  std::shared_ptr<CatalogState> WithoutView(Oid oid) const;
  std::shared_ptr<CatalogState> WithNamespace(Namespace ns) const;
  std::shared_ptr<CatalogState> WithoutNamespace(Oid oid) const;

 private:
  friend class Catalog;
  // A copy of this state changed by `edit`.
  template <typename Edit>
  std::shared_ptr<CatalogState> Edited(Edit edit) const;

  uint64_t version_ = 0;
  std::vector<Namespace> namespaces_;
  std::map<Oid, Table> tables_;
  std::map<Oid, Sequence> sequences_;
  std::map<Oid, View> views_;
};

// What an index method keeps in memory for one open database (HNSW's
// graphs), beside the entries it stores.
class IndexMethodState {
 public:
  virtual ~IndexMethodState() = default;
};

class Catalog {
 public:
  // Loads the catalog of the store behind `txns`, bootstrapping an empty one.
  // REQUIRES: `txns` outlives the catalog.
  static Result<std::unique_ptr<Catalog>> Open(mvcc::TxnManager& txns);

  // The state as of the last committed DDL. Thread-safe.
  std::shared_ptr<const CatalogState> Committed() const;

  // Re-reads every committed record. Call after committing a transaction
  // that stored or deleted catalog objects. Thread-safe.
  Status Reload();

  // A fresh OID for a new object. Not transactional (as in PostgreSQL):
  // a rolled-back CREATE leaves a gap. Thread-safe.
  Result<Oid> AllocateOid();

  // Writes through `txn` (see the top comment). Table records include the
  // table's constraints and indexes.
  Status StoreTable(mvcc::Transaction& txn, const Table& table);
  Status DeleteTable(mvcc::Transaction& txn, Oid oid);
  Status StoreSequence(mvcc::Transaction& txn, const Sequence& sequence);
  Status DeleteSequence(mvcc::Transaction& txn, Oid oid);
  Status StoreView(mvcc::Transaction& txn, const View& view);
  Status DeleteView(mvcc::Transaction& txn, Oid oid);
  Status StoreNamespace(mvcc::Transaction& txn, const Namespace& ns);
  Status DeleteNamespace(mvcc::Transaction& txn, Oid oid);

  mvcc::TxnManager& txn_manager() { return txns_; }

  // The state `method` keeps for this database, made by `make` on first use
  // and kept while the store is open. Thread-safe.
  IndexMethodState& MethodState(std::string_view method,
                                const std::function<std::unique_ptr<IndexMethodState>()>& make);

 private:
  explicit Catalog(mvcc::TxnManager& txns) : txns_(txns) {}
  Result<std::shared_ptr<CatalogState>> LoadCommitted();

  mvcc::TxnManager& txns_;
  mutable std::mutex mu_;
  std::shared_ptr<const CatalogState> committed_;  // GUARDED_BY(mu_)
  uint64_t version_ = 0;                           // GUARDED_BY(mu_)
  Oid next_oid_ = 0;                               // GUARDED_BY(mu_)
  Oid reserved_oid_end_ = 0;                       // GUARDED_BY(mu_)
  std::map<std::string, std::unique_ptr<IndexMethodState>, std::less<>> method_states_;  // GUARDED_BY(mu_)
};

}  // namespace db9::catalog
