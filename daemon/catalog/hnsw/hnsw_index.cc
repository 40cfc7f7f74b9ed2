#include "daemon/catalog/hnsw/hnsw_index.h"

#include <cstring>

#include "daemon/catalog/row_keys.h"
#include "daemon/storage/encoding/key_encoding.h"

namespace db9::catalog::hnsw {
namespace {

// The payload's floats (the vector type's layout: host-order float32).
std::vector<float> Floats(std::string_view payload) {
  std::vector<float> out(payload.size() / sizeof(float));
  // A NULL's payload is empty, and may have no data pointer to copy from.
  if (!out.empty()) std::memcpy(out.data(), payload.data(), out.size() * sizeof(float));
  return out;
}

}  // namespace

HnswIndex::HnswIndex(Metric metric, int m, int ef_construction) : graph_(metric, m, ef_construction) {}

void HnswIndex::Add(std::string_view row_key_suffix, std::string_view payload) {
  std::unique_lock lock(mutex_);
  AddLocked(row_key_suffix, payload);
}

void HnswIndex::AddLocked(std::string_view row_key_suffix, std::string_view payload) {
  const std::vector<float> v = Floats(payload);
  const bool zero = std::all_of(v.begin(), v.end(), [](float x) { return x == 0.0f; });
  // Vectors of another length than the first cannot be compared with it; the
  // column's dimensions make this a damaged entry, kept out of the graph.
  const bool comparable = !v.empty() && (dims_ == 0 || v.size() == dims_);
  if (!comparable || (zero && graph_.metric() == Metric::kCosine)) {
    unordered_.emplace(row_key_suffix);
    return;
  }
  std::vector<uint32_t>& nodes = nodes_of_row_[std::string(row_key_suffix)];
  for (uint32_t node : nodes) {
    if (graph_.Holds(node, v)) return;
  }
  dims_ = v.size();
  nodes.push_back(graph_.Insert(v));
  suffixes_.emplace_back(row_key_suffix);
}

Status HnswIndex::Load(mvcc::Transaction& txn, Oid index_oid) {
  if (loaded_.load(std::memory_order_acquire)) return Status::OK();
  std::lock_guard load(load_mutex_);
  if (loaded_.load(std::memory_order_relaxed)) return Status::OK();
  const std::string prefix = IndexKeyPrefix(index_oid);
  const std::string end = keyenc::PrefixSuccessor(prefix);
  std::unique_ptr<kv::Iterator> it = txn.NewIterator();
  for (it->Seek(prefix); it->Valid() && it->key() < std::string_view(end); it->Next()) {
    std::unique_lock lock(mutex_);
    AddLocked(it->key().substr(prefix.size()), it->value());
  }
  DB9_RETURN_IF_ERROR(it->status());
  loaded_.store(true, std::memory_order_release);
  return Status::OK();
}

size_t HnswIndex::dims() const {
  std::shared_lock lock(mutex_);
  return dims_;
}

std::string HnswIndex::RowKeySuffix(uint32_t node) const {
  std::shared_lock lock(mutex_);
  return suffixes_[node];
}

std::vector<std::string> HnswIndex::Unordered() const {
  std::shared_lock lock(mutex_);
  return {unordered_.begin(), unordered_.end()};
}

std::shared_ptr<HnswIndex> HnswIndexes::For(const Index& index, Metric metric, int m,
                                            int ef_construction) {
  std::lock_guard lock(mutex_);
  std::shared_ptr<HnswIndex>& slot = indexes_[index.oid];
  if (!slot) slot = std::make_shared<HnswIndex>(metric, m, ef_construction);
  return slot;
}

}  // namespace db9::catalog::hnsw
