// KvStore: the small ordered key-value interface everything above storage
// sees. Only daemon/storage/kv/ includes LevelDB headers; the engine could run
// on another ordered store by implementing this interface.
//
// Keys and values are byte strings; keys order bytewise. A store is
// thread-safe: concurrent Write() calls are grouped by the implementation so
// that one disk sync serves many commits (LevelDB does this itself when the
// callers reach Write concurrently).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::kv {

// A consistent, read-only point in time of a store. Reads through it see every
// batch written before it was taken and none after. Released when the last
// reference goes.
class Snapshot {
 public:
  virtual ~Snapshot() = default;
};

// Ordered cursor. Seek() positions at the first key >= target.
class Iterator {
 public:
  virtual ~Iterator() = default;
  virtual void Seek(std::string_view target) = 0;
  virtual void SeekToFirst() = 0;
  virtual void SeekToLast() = 0;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  // Either direction may follow any positioning (backward scans serve
  // ORDER BY ... DESC).
  virtual void Prev() = 0;
  // REQUIRES: Valid(). Views stay valid until the next move.
  virtual std::string_view key() const = 0;
  virtual std::string_view value() const = 0;
  // Non-OK if the underlying store failed (I/O, corruption).
  virtual Status status() const = 0;
};

// Atomic set of puts and deletes, applied in order.
class WriteBatch {
 public:
  struct Op {
    std::string key;
    std::optional<std::string> value;  // nullopt: delete
  };
  void Put(std::string_view key, std::string_view value) {
    ops_.push_back({std::string(key), std::string(value)});
  }
  void Delete(std::string_view key) { ops_.push_back({std::string(key), std::nullopt}); }
  void Clear() { ops_.clear(); }
  bool empty() const { return ops_.empty(); }
  size_t size() const { return ops_.size(); }
  const std::vector<Op>& ops() const { return ops_; }

 private:
  std::vector<Op> ops_;
};

struct ReadOptions {
  std::shared_ptr<const Snapshot> snapshot;  // null: the newest state
  bool fill_cache = true;                    // false for big scans
};

// PostgreSQL's default shared_buffers: a working set of this size is read
// from memory, not decompressed from files block by block.
inline constexpr size_t kSharedBlockCacheBytes = size_t{128} << 20;

struct OpenOptions {
  bool create_if_missing = true;
  // Small by default: a desktop hosts many mostly idle tenants. Their
  // blocks share one process-wide cache (kSharedBlockCacheBytes), as a
  // server's buffer pool does: a busy database uses what idle ones leave.
  size_t write_buffer_bytes = 1 << 20;
  int max_open_files = 200;
  // Once no write has come for this long, the key range written since the
  // last compaction is compacted in the background, so that later reads
  // merge fewer sorted runs (idle_compactor.h). Zero: never.
  std::chrono::milliseconds compact_when_idle_for{1000};
};

class KvStore {
 public:
  virtual ~KvStore() = default;

  virtual Result<std::optional<std::string>> Get(const ReadOptions& options,
                                                 std::string_view key) = 0;
  virtual std::unique_ptr<Iterator> NewIterator(const ReadOptions& options) = 0;
  // sync=true: the batch is on disk (fsync) before this returns; a durable COMMIT.
  virtual Status Write(const WriteBatch& batch, bool sync) = 0;
  virtual std::shared_ptr<const Snapshot> GetSnapshot() = 0;
  // Approximate bytes on disk used by keys in [begin, end).
  virtual uint64_t ApproximateSize(std::string_view begin, std::string_view end) = 0;
  // Reclaims space after large deletes in [begin, end). An empty bound means
  // unbounded on that side.
  virtual void CompactRange(std::string_view begin, std::string_view end) = 0;
  // How many sorted runs a read may merge: one for writes not yet compacted
  // (the memtable), one per level-0 file, one per deeper level that holds
  // files. Compaction lowers it.
  virtual int SortedRuns() = 0;
};

// Opens (creating if asked) the LevelDB store in directory `path`. Fails with a
// clear error if another process holds it (55006, naming the directory);
// damaged files are XX001, other I/O failures 58030.
// REQUIRES: every snapshot and iterator of the store is released before the
// store is destroyed.
Result<std::unique_ptr<KvStore>> OpenLevelDbStore(const std::string& path,
                                                  const OpenOptions& options = {});
// Deletes the store in `path` and its files.
Status DestroyLevelDbStore(const std::string& path);

}  // namespace db9::kv
