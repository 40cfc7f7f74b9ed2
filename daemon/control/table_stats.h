// TableStats: a table's row estimate and size on disk for db.tables, cheap
// enough to compute for every table each time a client lists them.
//
// Size: LevelDB's approximate sizes over the table's key ranges (its rows,
// then each index's entries). Rows: counted exactly, through one committed
// snapshot, up to kExactRowBound; past that, extrapolated from the size of the
// whole row range and the average size of the rows counted. So a small table
// is exact even while its rows are still in LevelDB's write buffer (which
// approximate sizes do not see), and a million-row table costs a 10 000-key
// walk, never a full scan. A big table whose rows are still mostly in the
// write buffer (just bulk-loaded) is underestimated, never below 10 001 rows,
// until LevelDB flushes them, which it does as soon as the buffer is full.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "daemon/storage/kv/kv_store.h"
#include "shared/base/result.h"

namespace db9::control {

inline constexpr int64_t kExactRowBound = 10000;

struct TableStats {
  int64_t rows = 0;         // committed rows: exact, or an estimate > kExactRowBound
  bool rows_exact = true;   // rows <= kExactRowBound were all counted
  int64_t bytes = 0;        // rows and index entries, approximate
};

// `snapshot`: the committed state to count in (null: the newest).
// `index_oids`: the table's indexes whose entries live apart from its rows
// (a primary key's index has none: rows are keyed by it). XX001/58030 when
// the store fails.
Result<TableStats> MeasureTable(kv::KvStore& store, std::shared_ptr<const kv::Snapshot> snapshot,
                                uint32_t table_oid, const std::vector<uint32_t>& index_oids);

}  // namespace db9::control
