// Database: one tenant's open store — the KV store, its transaction manager,
// the catalog and sequences — shared by all sessions connected to it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::mvcc {
class TxnManager;
}

namespace db9::sql {

struct DatabaseStats {
  uint64_t size_bytes = 0;
  int64_t table_count = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  virtual mvcc::TxnManager& txn_manager() = 0;
  virtual Result<DatabaseStats> Stats() = 0;
  // Copies the committed state, as of one consistent snapshot taken now, into
  // a new store in `target_dir` while writes go on (branching).
  virtual Status CopyTo(const std::string& target_dir) = 0;
};

// Opens the store in `dir`, creating and bootstrapping it (catalog, built-in
// schemas) if it does not exist.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& dir);

}  // namespace db9::sql
