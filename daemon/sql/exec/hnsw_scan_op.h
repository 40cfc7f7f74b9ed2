// HnswScanOp: rows of a table in order of a vector column's distance to a
// query vector, read from an HNSW index (ORDER BY embedding <=> $1 LIMIT n).
//
// The graph answers with candidate nodes, nearest first; each names a row
// key. The scan reads that row under the statement's snapshot and returns
// it only if it is visible and its column still holds the node's vector
// (hnsw_index.h: nodes of deleted, updated and uncommitted rows remain).
// No row is ever lost, whatever the caller pulls: once the first
// hnsw.ef_search candidates are used up the search is repeated four times
// wider, leaving out the nodes already returned, and once it would cover
// most of the graph the rest comes by exact distance. Last come the rows
// the graph cannot order: zero vectors under cosine distance (NaN), then
// NULLs, as ORDER BY puts them. Like pgvector's scans the order is
// approximate where the graph misses a nearer node; the rows are all there.
#pragma once

#include <deque>
#include <unordered_set>

#include "daemon/catalog/hnsw/hnsw_method.h"
#include "daemon/catalog/row_keys.h"
#include "daemon/sql/exec/expr.h"

namespace db9::sql {

struct VectorOrderPath {
  const catalog::Index* index = nullptr;  // an hnsw index on `column`
  int column = -1;                        // position in Table::columns
  ExprPtr query;                          // row-independent
  catalog::hnsw::Metric metric = catalog::hnsw::Metric::kL2;
  std::string order_by;                   // for EXPLAIN: (embedding <-> '[1,2]'::vector)
};

class HnswScanOp final : public Operator {
 public:
  HnswScanOp(const catalog::Table* table, VectorOrderPath path);
  Status Open(ExecContext& ctx) override;
  Result<bool> Next(ExecContext& ctx, Row* row) override;
  ExplainNode Explain() const override;

 private:
  // kSearch: widening graph searches; kAll: the rest by exact distance is
  // next; kRest: it was given; kDone: only unordered_rows_ are left.
  enum class Stage { kSearch, kAll, kRest, kDone };
  // Fills pending_ with the next candidates, moving on a stage when the
  // current one has none left; at kDone unordered_rows_ holds the rest.
  Status Refill(ExecContext& ctx);
  // Reads the row a candidate names; false when this snapshot has no such
  // row, or it was returned already.
  Result<bool> Fetch(ExecContext& ctx, const std::string& suffix, Row* row);
  // The rows of the unordered entries, NaN distances before NULLs.
  Status CollectUnordered(ExecContext& ctx);

  const catalog::Table* table_;
  VectorOrderPath path_;
  catalog::ColumnSelection all_columns_;
  std::string table_prefix_;
  std::shared_ptr<catalog::hnsw::HnswIndex> index_;
  Value query_;
  std::vector<float> query_elements_;
  Stage stage_ = Stage::kSearch;
  int ef_ = 0;  // width of the last search
  std::vector<catalog::hnsw::Neighbor> pending_;
  size_t next_ = 0;
  std::deque<Row> unordered_rows_;
  std::unordered_set<uint32_t> returned_nodes_;
  std::unordered_set<std::string> returned_rows_;
  uint64_t rows_seen_ = 0;
};

}  // namespace db9::sql
