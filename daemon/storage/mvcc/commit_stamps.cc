#include "daemon/storage/mvcc/commit_stamps.h"

#include <algorithm>

namespace db9::mvcc {

CommitStamps::Snapshot CommitStamps::Acquire() {
  std::lock_guard<std::mutex> guard(mu_);
  Snapshot snap{store_.GetSnapshot(), counter_};
  live_.insert(counter_);
  return snap;
}

void CommitStamps::Release(uint64_t counter) {
  std::lock_guard<std::mutex> guard(mu_);
  auto it = live_.find(counter);
  if (it != live_.end()) live_.erase(it);
}

std::shared_ptr<const kv::Snapshot> CommitStamps::CommittedSnapshot() {
  std::lock_guard<std::mutex> guard(mu_);
  return store_.GetSnapshot();
}

CommitStamps::Shard& CommitStamps::ShardFor(std::string_view key) {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

void CommitStamps::RecordCommit(const kv::WriteBatch& batch) {
  uint64_t stamp, horizon;
  {
    std::lock_guard<std::mutex> guard(mu_);
    stamp = ++counter_;
    // The oldest live counter never decreases (a new snapshot gets the
    // current counter), so pruning below this horizon later is still safe.
    horizon = live_.empty() ? counter_ : *live_.begin();
  }
  for (const auto& op : batch.ops()) {
    Shard& shard = ShardFor(op.key);
    std::lock_guard<std::mutex> guard(shard.mu);
    shard.stamps.insert_or_assign(op.key, stamp);
    if (shard.stamps.size() >= shard.prune_at) PruneLocked(shard, horizon);
  }
}

uint64_t CommitStamps::StampOf(std::string_view key) {
  Shard& shard = ShardFor(key);
  std::lock_guard<std::mutex> guard(shard.mu);
  auto it = shard.stamps.find(key);
  return it == shard.stamps.end() ? 0 : it->second;
}

void CommitStamps::PruneLocked(Shard& shard, uint64_t horizon) {
  // A stamp <= the oldest live counter compares as "not after" for every
  // live snapshot and every future one, exactly like a missing stamp.
  std::erase_if(shard.stamps, [horizon](const auto& kv) { return kv.second <= horizon; });
  // Amortized: prune again once the shard has doubled since this pass.
  shard.prune_at = std::max<size_t>(256, shard.stamps.size() * 2);
}

}  // namespace db9::mvcc
