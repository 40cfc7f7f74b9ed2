// HnswGraph: a hierarchical navigable small world graph (Malkov & Yashunin,
// 2016) over float vectors of one dimension count, in memory.
//
// Every node lives on layer 0 and, with probability 1/m per step, on the
// layers above; on each layer it links to at most m neighbours (2m on layer
// 0) picked by the paper's diversity heuristic. A search descends greedily
// from the top entry point and runs a best-first search of width `ef` on
// layer 0. Nodes are never removed: a caller that no longer wants a node
// (a deleted row) rejects it through Search's `accept`, and the search keeps
// walking through it, as pgvector's graph does before VACUUM.
//
// Thread-safe: searches share a lock, inserts take it exclusively.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <shared_mutex>
#include <span>
#include <vector>

#include "daemon/catalog/hnsw/writer_first_mutex.h"

namespace db9::catalog::hnsw {

// The distances of pgvector's operator classes, computed by the vector
// type's kernels (daemon/types/vector_value.h) so that the graph orders rows
// exactly as the SQL operators <->, <#>, <=>, <+> do.
enum class Metric { kL2, kInnerProduct, kCosine, kL1 };
double Distance(Metric metric, std::span<const float> a, std::span<const float> b);

struct Neighbor {
  uint32_t node;
  double distance;
};

class HnswGraph {
 public:
  // REQUIRES: 2 <= m, ef_construction >= 1.
  HnswGraph(Metric metric, int m, int ef_construction, uint64_t seed = 42);
  ~HnswGraph();

  // Adds a node and returns its id (ids count up from 0). REQUIRES: the
  // vector has the dimensions of the nodes before it and a finite distance
  // to them (no zero vector under kCosine).
  uint32_t Insert(std::span<const float> vector);

  // Up to `ef` accepted nodes near `query`, nearest first. `accept` (may be
  // empty) rejects nodes from the answer without cutting the walk.
  std::vector<Neighbor> Search(std::span<const float> query, int ef,
                               const std::function<bool(uint32_t)>& accept = {}) const;
  // Every accepted node by exact distance: the fallback once a search has
  // been widened to most of the graph.
  std::vector<Neighbor> All(std::span<const float> query,
                            const std::function<bool(uint32_t)>& accept = {}) const;
  // Whether the node's vector equals `vector` element by element.
  bool Holds(uint32_t node, std::span<const float> vector) const;

  size_t size() const;
  Metric metric() const { return metric_; }

 private:
  struct Node;
  // REQUIRES: mutex_ held (either way).
  std::vector<Neighbor> SearchLayer(std::span<const float> query, const std::vector<Neighbor>& entry,
                                    int ef, int layer, const std::function<bool(uint32_t)>& accept) const;
  std::vector<uint32_t> SelectNeighbors(std::vector<Neighbor> candidates, size_t limit) const;
  void Link(uint32_t from, uint32_t to, int layer);
  double DistanceTo(std::span<const float> query, uint32_t node) const;

  const Metric metric_;
  const size_t m_;
  const int ef_construction_;
  const double level_scale_;  // 1 / ln(m)
  mutable WriterFirstMutex mutex_;
  std::vector<std::unique_ptr<Node>> nodes_;
  uint32_t entry_ = 0;
  int top_layer_ = -1;  // -1: empty
  std::mt19937_64 random_;
};

}  // namespace db9::catalog::hnsw
