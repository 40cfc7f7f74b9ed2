// DatabaseImpl: the Database behind every session of one tenant — the open
// KV store, its transaction manager, the catalog, the sequence store and the
// registries; plus a cache of parsed statement texts shared by its sessions.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/sequence_store.h"
#include "daemon/functions/registries.h"
#include "daemon/sql/parser/parser.h"
#include "daemon/sql/session/database.h"
#include "daemon/storage/kv/kv_store.h"
#include "daemon/storage/mvcc/transaction.h"

namespace db9::sql {

class DatabaseImpl final : public Database {
 public:
  DatabaseImpl(std::unique_ptr<kv::KvStore> store, const functions::Registries& registries);
  Status Init();

  mvcc::TxnManager& txn_manager() override { return *txns_; }
  Result<DatabaseStats> Stats() override;
  Status CopyTo(const std::string& target_dir) override;

  catalog::Catalog& catalog() { return *catalog_; }
  catalog::SequenceStore& sequences() { return *sequences_; }
  const functions::Registries& registries() const { return registries_; }

  // Parses `sql`, reusing an earlier parse of the same text (prepared
  // statements of many sessions repeat the same few texts). Thread-safe.
  Result<std::shared_ptr<const ParsedQuery>> ParseCached(std::string_view sql);

 private:
  std::unique_ptr<kv::KvStore> store_;
  std::unique_ptr<mvcc::TxnManager> txns_;
  std::unique_ptr<catalog::Catalog> catalog_;
  std::unique_ptr<catalog::SequenceStore> sequences_;
  const functions::Registries& registries_;

  std::mutex parse_mu_;
  // Small LRU: text -> parse; the list keeps recency (front = newest).
  std::list<std::string> parse_order_;
  std::unordered_map<std::string, std::pair<std::shared_ptr<const ParsedQuery>,
                                            std::list<std::string>::iterator>> parse_cache_;
};

// Opens with an explicit set of registries (extension modules included).
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& dir,
                                               const functions::Registries& registries);

}  // namespace db9::sql
