// Idle compaction: once a store has gone quiet after taking writes, fold what
// it took in into LevelDB's deeper levels, in the background.
//
// A LevelDB read merges every sorted run that may hold its keys: the
// memtable, each level-0 file and each deeper level. A burst of writes leaves
// several runs behind, and a range scan that comes later pays a comparison per
// run for every row it reads, even when those runs hold only other tables'
// keys (LevelDB 1.23 iterators take no upper bound). LevelDB compacts level 0
// only once four files have gathered, so a store that went quiet keeps its
// runs until the next burst. Measured: a 100k-row scan right after 100k
// inserts into another table ran at 73 scans/s, after compacting the inserted
// range at 80. Doing the work when the store is idle is the idea behind
// PostgreSQL's autovacuum too.
//
// Private to the kv library.
#pragma once

#include <chrono>

namespace db9::kv {

class IdleCompactable {
 public:
  virtual ~IdleCompactable() = default;
  // Compacts what was written since the last call if nothing was written
  // during the store's idle period before `now`; otherwise does nothing.
  virtual void CompactIfIdle(std::chrono::steady_clock::time_point now) = 0;
};

// One background thread serves every registered store, one compaction at a
// time (a desktop has few cores, and queries come first).
void RegisterForIdleCompaction(IdleCompactable* store);
// Returns once no compaction of `store` runs, so the store can close.
void UnregisterFromIdleCompaction(IdleCompactable* store);

}  // namespace db9::kv
