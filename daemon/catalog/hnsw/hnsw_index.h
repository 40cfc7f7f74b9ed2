// HnswIndex: one HNSW index of one open database in memory — its graph,
// the row each node stands for, and the rows no graph can order.
//
// The index's stored entries (docs/storage-format.md, "HNSW indexes") are
// the truth; this is a structure derived from them. It takes in every entry
// a transaction writes, when it is written (committed or not), and the
// first scan loads the entries already stored (Load). A node therefore
// only names a candidate row: the scan reads the row under its snapshot and
// skips it unless the row is visible and still holds the node's vector.
// Nodes of deleted, updated or rolled-back rows stay until the store is
// reopened, as pgvector's graph keeps them until VACUUM.
//
// Why every write is taken in, even before the first load: an entry written
// before the load and committed after the loader's snapshot would otherwise
// be in neither. HnswIndexes makes the index on first touch for that reason.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/hnsw/hnsw_graph.h"
#include "daemon/catalog/hnsw/writer_first_mutex.h"

namespace db9::catalog::hnsw {

class HnswIndex {
 public:
  HnswIndex(Metric metric, int m, int ef_construction);

  // Takes in one entry: the row's key suffix and its vector payload (empty
  // for NULL). An entry already held (same row, same vector) adds nothing.
  void Add(std::string_view row_key_suffix, std::string_view payload);
  // Takes in the index's stored entries through `txn`, once per index;
  // later calls return at once.
  Status Load(mvcc::Transaction& txn, Oid index_oid);

  const HnswGraph& graph() const { return graph_; }
  // The dimensions of the graph's vectors; 0 while it has none.
  size_t dims() const;
  // The row key suffix of a node. REQUIRES: node < graph().size().
  std::string RowKeySuffix(uint32_t node) const;
  // Rows whose vectors the graph leaves out: NULL, or under cosine distance
  // a zero vector (no direction, distance NaN). Sorted by row key.
  std::vector<std::string> Unordered() const;

 private:
  void AddLocked(std::string_view row_key_suffix, std::string_view payload);

  HnswGraph graph_;
  mutable WriterFirstMutex mutex_;  // guards the maps below; taken before graph_'s
  std::vector<std::string> suffixes_;                                  // by node id
  std::unordered_map<std::string, std::vector<uint32_t>> nodes_of_row_;  // suffix -> nodes
  std::set<std::string> unordered_;
  size_t dims_ = 0;  // of the first vector; 0 until then
  std::mutex load_mutex_;
  std::atomic<bool> loaded_{false};
};

// The HNSW indexes of one open database, by index OID.
class HnswIndexes final : public IndexMethodState {
 public:
  // The index, made empty on first use. Thread-safe.
  std::shared_ptr<HnswIndex> For(const Index& index, Metric metric, int m, int ef_construction);

 private:
  std::mutex mutex_;
  std::map<Oid, std::shared_ptr<HnswIndex>> indexes_;
};

}  // namespace db9::catalog::hnsw
