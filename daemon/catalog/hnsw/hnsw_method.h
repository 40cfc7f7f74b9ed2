// The hnsw index access method (pgvector's): one vector column, ordered by
// the distance of its operator class. Entries: docs/storage-format.md, "HNSW
// indexes"; the graph beside them: hnsw_index.h.
#pragma once

#include <memory>
#include <optional>

#include "daemon/catalog/hnsw/hnsw_index.h"
#include "daemon/catalog/index_method.h"

namespace db9::catalog::hnsw {

// pgvector's limit for indexed vectors.
inline constexpr int kMaxIndexDims = 2000;

std::unique_ptr<IndexMethod> MakeHnswMethod();

// The distance an HNSW index orders by; nullopt for an index of another
// method.
std::optional<Metric> IndexMetric(const Index& index);
// The SQL operator of a distance: <->, <#>, <=>, <+>.
std::string_view MetricOperator(Metric metric);

// The in-memory index of `index` in the database behind `catalog`; nullptr
// when IndexMetric(index) has none.
std::shared_ptr<HnswIndex> OpenIndex(Catalog& catalog, const Index& index);

}  // namespace db9::catalog::hnsw
