// ExecContext: everything a running statement reads besides its input rows —
// the transaction, the catalog view, registries, parameters, the rows of
// enclosing queries (for correlated subqueries) and the cancel flag.
// One per statement execution; operators and expressions take it by reference.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/sequence_store.h"
#include "daemon/catalog/system_registry.h"
#include "daemon/functions/registries.h"
#include "daemon/storage/mvcc/transaction.h"
#include "daemon/types/value.h"
#include "shared/base/status.h"

namespace db9::sql {

using types::Oid;
using types::Value;
using Row = std::vector<Value>;

// Per-session state that some expressions read or change (currval()).
struct SessionVariables {
  std::map<Oid, int64_t> sequence_last_values;  // currval()/lastval()
  std::optional<Oid> last_sequence;
};

struct ExecContext final : functions::InterruptCheck {
  mvcc::Transaction* txn = nullptr;
  const catalog::CatalogState* catalog = nullptr;
  catalog::Catalog* catalog_store = nullptr;
  catalog::SequenceStore* sequences = nullptr;
  const functions::Registries* registries = nullptr;
  functions::FunctionContext fn;                  // io, timestamps, registries
  const catalog::SessionInfo* session = nullptr;
  SessionVariables* variables = nullptr;
  const std::vector<Value>* params = nullptr;     // Bind values, already typed
  std::vector<const Row*> outer_rows;             // innermost last
  const std::atomic<bool>* cancel = nullptr;
  // max_parallel_workers_per_gather: helper threads one aggregate may use.
  size_t parallel_workers = 0;
  // hnsw.ef_search: how many candidates an HNSW index scan asks its graph for.
  int hnsw_ef_search = 40;
  // statement_timeout: past this point CheckCancel fails (zero: no limit).
  std::chrono::steady_clock::time_point deadline{};
  // Distinguishes executions (uncorrelated subqueries cache per execution).
  uint64_t execution_id = NextExecutionId();

  const types::TypeRegistry& types() const { return registries->types; }
  static uint64_t NextExecutionId();
  // 57014 when the session was cancelled.
  Status CheckCancel() const;
  Status CheckInterrupt() const override { return CheckCancel(); }
};

// Makes `row` the innermost enclosing row (ctx.outer_rows) while a
// correlated subquery or lateral input runs; undone on every return path.
class OuterRowScope {
 public:
  OuterRowScope(ExecContext& ctx, const Row* row) : ctx_(ctx) { ctx_.outer_rows.push_back(row); }
  ~OuterRowScope() { ctx_.outer_rows.pop_back(); }
  OuterRowScope(const OuterRowScope&) = delete;
  OuterRowScope& operator=(const OuterRowScope&) = delete;

 private:
  ExecContext& ctx_;
};

}  // namespace db9::sql
