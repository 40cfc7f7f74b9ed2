// CommitStamps: a logical commit counter, the stamp of the last committed
// write to each recently written key, and the counters of live snapshots.
//
// Why this is sound: a commit's stamp is taken from the counter after its
// synced Write has returned, under mu_; a snapshot is taken from the store
// under mu_ too and remembers the counter. So if stamp(commit) <= snapshot's
// counter, the commit was in the store before the snapshot was taken: the
// snapshot sees it. A stamp above the counter means "maybe not seen", which
// the conflict rules treat as "changed after the snapshot" (a rare spurious
// 40001 is possible in the instant between a commit's Write and its stamp; a
// missed conflict is not).
//
// mu_ guards only the counter and the live-snapshot set, so a commit holds it
// for O(1) whatever its size. The per-key stamps live in sharded maps: a
// key's stamp is written by the committer while it still holds the key's
// write lock and read only by the next holder of that lock, so the shard
// mutexes just keep the maps themselves consistent.
//
// Stamps no live snapshot can count as "after" are pruned, so the maps hold
// only keys written while some snapshot older than that write is alive.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "daemon/storage/kv/kv_store.h"

namespace db9::mvcc {

class CommitStamps {
 public:
  struct Snapshot {
    std::shared_ptr<const kv::Snapshot> store_snapshot;
    uint64_t counter = 0;
  };

  explicit CommitStamps(kv::KvStore& store) : store_(store) {}

  // Takes a store snapshot and registers its counter as live.
  Snapshot Acquire();
  // Unregisters a counter returned by Acquire().
  void Release(uint64_t counter);
  // A store snapshot of the committed state, not registered.
  std::shared_ptr<const kv::Snapshot> CommittedSnapshot();

  // Stamps every key of `batch` with a new commit number.
  // REQUIRES: the batch has been written to the store, and the caller still
  // holds the write locks of its keys (WriteNow's keys excepted).
  void RecordCommit(const kv::WriteBatch& batch);
  // Stamp of the last commit to `key`, or 0 if older than every live snapshot.
  // REQUIRES: the caller holds `key`'s write lock.
  uint64_t StampOf(std::string_view key);

 private:
  struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, uint64_t, TransparentHash, std::equal_to<>> stamps;
    size_t prune_at = 256;
  };
  static constexpr size_t kShards = 16;

  Shard& ShardFor(std::string_view key);
  // Drops stamps <= horizon. REQUIRES: shard.mu held.
  static void PruneLocked(Shard& shard, uint64_t horizon);

  kv::KvStore& store_;
  std::mutex mu_;
  uint64_t counter_ = 0;          // GUARDED_BY(mu_)
  std::multiset<uint64_t> live_;  // GUARDED_BY(mu_)
  std::array<Shard, kShards> shards_;
};

}  // namespace db9::mvcc
