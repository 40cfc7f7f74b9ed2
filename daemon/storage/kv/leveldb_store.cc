// LevelDB implementation of KvStore: the only file that includes LevelDB.
//
// Options chosen for a desktop that hosts many small tenants: a 10-bit Bloom
// filter per table (point lookups by primary key skip files that cannot hold
// the key), one block cache shared by every store, a small write buffer. Writes
// with sync=true reach LevelDB's writer queue directly from the calling
// thread so concurrent commits share one fsync, and that fsync lands in a
// zero-filled log (zero_filled_log_env.h): on ext4 an append that grows the
// file costs a second device write for the inode; in the measured
// append+fdatasync loop, 77-90 us per sync instead of 112-120 us.
#include <leveldb/cache.h>
#include <leveldb/db.h>
#include <leveldb/filter_policy.h>
#include <leveldb/iterator.h>
#include <leveldb/write_batch.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>

#include "daemon/storage/kv/idle_compactor.h"
#include "daemon/storage/kv/kv_store.h"
#include "daemon/storage/kv/zero_filled_log_env.h"
#include "shared/base/sqlstate.h"

namespace db9::kv {
namespace {

leveldb::Slice ToSlice(std::string_view s) { return leveldb::Slice(s.data(), s.size()); }
std::string_view ToView(const leveldb::Slice& s) { return std::string_view(s.data(), s.size()); }

leveldb::Cache* SharedBlockCache() {
  // Never freed: a store may still close during static destruction.
  static leveldb::Cache* const cache = leveldb::NewLRUCache(kSharedBlockCacheBytes);
  return cache;
}

// Maps a LevelDB failure to a SQLSTATE. `path` names the store in messages so
// a person knows which directory is at fault.
Status FromLevelDb(const leveldb::Status& s, const std::string& path) {
  if (s.ok()) return Status::OK();
  std::string detail = s.ToString();
  if (s.IsCorruption()) {
    return Status::Error(sqlstate::kDataCorrupted,
                         "database files in \"" + path + "\" are corrupted")
        .WithDetail(std::move(detail));
  }
  // LevelDB words a failed LOCK-file flock as "IO error: lock <path>/LOCK: ...".
  if (s.IsIOError() && detail.rfind("IO error: lock ", 0) == 0) {
    return Status::Error(sqlstate::kObjectInUse,
                         "database directory \"" + path + "\" is in use by another process")
        .WithDetail(std::move(detail))
        .WithHint("Stop the other db9 daemon that has this data directory open.");
  }
  if (s.IsIOError()) {
    return Status::Error(sqlstate::kIoError, "I/O error in database directory \"" + path + "\"")
        .WithDetail(std::move(detail));
  }
  if (s.IsInvalidArgument() || s.IsNotFound()) {
    return Status::Error(sqlstate::kIoError, "cannot open database directory \"" + path + "\"")
        .WithDetail(std::move(detail));
  }
  return Status::Error(sqlstate::kInternalError, "storage error in \"" + path + "\"")
      .WithDetail(std::move(detail));
}

class LevelDbSnapshot : public Snapshot {
 public:
  explicit LevelDbSnapshot(const leveldb::Snapshot* snap) : snap_(snap) {}
  const leveldb::Snapshot* get() const { return snap_; }

 private:
  const leveldb::Snapshot* snap_;
};

class LevelDbIterator : public Iterator {
 public:
  // Holds the snapshot so it outlives the iterator even if the caller drops
  // its own reference first.
  LevelDbIterator(leveldb::Iterator* it, std::shared_ptr<const Snapshot> snap, std::string path)
      : it_(it), snap_(std::move(snap)), path_(std::move(path)) {}

  void Seek(std::string_view target) override {
    it_->Seek(ToSlice(target));
    Fetch();
  }
  void SeekToFirst() override {
    it_->SeekToFirst();
    Fetch();
  }
  void SeekToLast() override {
    it_->SeekToLast();
    Fetch();
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    it_->Next();
    Fetch();
  }
  void Prev() override {
    it_->Prev();
    Fetch();
  }
  std::string_view key() const override { return key_; }
  std::string_view value() const override { return value_; }
  Status status() const override { return FromLevelDb(it_->status(), path_); }

 private:
  // Scans ask for the key and the value of each entry more than once; LevelDB
  // answers each through two more virtual layers, so they are asked once per move.
  void Fetch() {
    valid_ = it_->Valid();
    if (valid_) {
      key_ = ToView(it_->key());
      value_ = ToView(it_->value());
    }
  }

  bool valid_ = false;
  std::string_view key_, value_;
  std::unique_ptr<leveldb::Iterator> it_;
  std::shared_ptr<const Snapshot> snap_;
  std::string path_;
};

// Above this many bytes on disk in the written range, idle compaction leaves
// the range to LevelDB's own compactions: rewriting a large table because a
// few of its rows changed would cost more than the merging it saves.
constexpr uint64_t kMaxIdleCompactionBytes = uint64_t{64} << 20;

// The key range written since the last idle compaction, and when.
class WrittenRange {
 public:
  void Add(const WriteBatch& batch) {
    auto [lo, hi] = std::minmax_element(
        batch.ops().begin(), batch.ops().end(),
        [](const WriteBatch::Op& a, const WriteBatch::Op& b) { return a.key < b.key; });
    std::lock_guard lock(mu_);
    if (!any_ || lo->key < lo_) lo_ = lo->key;
    if (!any_ || hi->key > hi_) hi_ = hi->key;
    any_ = true;
    last_write_ = std::chrono::steady_clock::now();
  }

  bool any() {
    std::lock_guard lock(mu_);
    return any_;
  }

  // The range, if writes came and none in the `idle` before `now`; forgets it.
  std::optional<std::pair<std::string, std::string>> TakeIfIdle(
      std::chrono::steady_clock::time_point now, std::chrono::milliseconds idle) {
    std::lock_guard lock(mu_);
    if (!any_ || now - last_write_ < idle) return std::nullopt;
    any_ = false;
    return std::make_pair(std::move(lo_), std::move(hi_));
  }

 private:
  std::mutex mu_;
  bool any_ = false;
  std::string lo_, hi_;
  std::chrono::steady_clock::time_point last_write_;
};

class LevelDbStore : public KvStore, public IdleCompactable {
 public:
  LevelDbStore(std::string path, std::unique_ptr<leveldb::Env> env,
               std::unique_ptr<const leveldb::FilterPolicy> filter, std::unique_ptr<leveldb::DB> db,
               std::chrono::milliseconds compact_when_idle_for)
      : path_(std::move(path)), env_(std::move(env)), filter_(std::move(filter)),
        db_(std::move(db)), compact_when_idle_for_(compact_when_idle_for) {
    if (compact_when_idle_for_.count() > 0) RegisterForIdleCompaction(this);
  }

  // The DB goes first: it uses the filter and the env while closing.
  ~LevelDbStore() override {
    if (compact_when_idle_for_.count() > 0) UnregisterFromIdleCompaction(this);
    db_.reset();
  }

  Result<std::optional<std::string>> Get(const ReadOptions& options,
                                         std::string_view key) override {
    std::string value;
    leveldb::Status s = db_->Get(ToLevelDb(options), ToSlice(key), &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromLevelDb(s, path_);
    return std::optional<std::string>(std::move(value));
  }

  std::unique_ptr<Iterator> NewIterator(const ReadOptions& options) override {
    return std::make_unique<LevelDbIterator>(db_->NewIterator(ToLevelDb(options)), options.snapshot,
                                             path_);
  }

  Status Write(const WriteBatch& batch, bool sync) override {
    if (batch.empty()) return Status::OK();
    leveldb::WriteBatch wb;
    for (const auto& op : batch.ops()) {
      if (op.value) {
        wb.Put(ToSlice(op.key), ToSlice(*op.value));
      } else {
        wb.Delete(ToSlice(op.key));
      }
    }
    leveldb::WriteOptions wo;
    wo.sync = sync;
    written_.Add(batch);
    return FromLevelDb(db_->Write(wo, &wb), path_);
  }

  std::shared_ptr<const Snapshot> GetSnapshot() override {
    // The deleter releases the LevelDB snapshot when the last reference goes;
    // the store must outlive every snapshot it hands out.
    leveldb::DB* db = db_.get();
    return std::shared_ptr<const Snapshot>(new LevelDbSnapshot(db->GetSnapshot()),
                                           [db](const Snapshot* s) {
                                             auto* snap = static_cast<const LevelDbSnapshot*>(s);
                                             db->ReleaseSnapshot(snap->get());
                                             delete snap;
                                           });
  }

  uint64_t ApproximateSize(std::string_view begin, std::string_view end) override {
    leveldb::Range range(ToSlice(begin), ToSlice(end));
    uint64_t size = 0;
    db_->GetApproximateSizes(&range, 1, &size);
    return size;
  }

  void CompactRange(std::string_view begin, std::string_view end) override {
    leveldb::Slice b = ToSlice(begin);
    leveldb::Slice e = ToSlice(end);
    // An empty bound means "unbounded" on that side.
    db_->CompactRange(begin.empty() ? nullptr : &b, end.empty() ? nullptr : &e);
  }

  int SortedRuns() override {
    int runs = written_.any() ? 1 : 0;
    std::string files;
    // LevelDB answers for each of its levels and refuses the one past them.
    for (int level = 0;
         db_->GetProperty("leveldb.num-files-at-level" + std::to_string(level), &files); ++level) {
      const int count = std::stoi(files);
      runs += level == 0 ? count : count > 0;
    }
    return runs;
  }

  void CompactIfIdle(std::chrono::steady_clock::time_point now) override {
    auto range = written_.TakeIfIdle(now, compact_when_idle_for_);
    if (!range) return;
    auto& [lo, hi] = *range;
    // LevelDB's CompactRange includes its end key; ApproximateSize excludes it.
    if (ApproximateSize(lo, hi + '\0') > kMaxIdleCompactionBytes) return;
    CompactRange(lo, hi);  // keys are never empty, so neither bound reads as "unbounded"
  }

 private:
  leveldb::ReadOptions ToLevelDb(const ReadOptions& options) const {
    leveldb::ReadOptions ro;
    ro.fill_cache = options.fill_cache;
    if (options.snapshot)
      ro.snapshot = static_cast<const LevelDbSnapshot*>(options.snapshot.get())->get();
    return ro;
  }

  std::string path_;
  std::unique_ptr<leveldb::Env> env_;
  std::unique_ptr<const leveldb::FilterPolicy> filter_;
  std::unique_ptr<leveldb::DB> db_;
  const std::chrono::milliseconds compact_when_idle_for_;
  WrittenRange written_;
};

}  // namespace

Result<std::unique_ptr<KvStore>> OpenLevelDbStore(const std::string& path,
                                                  const OpenOptions& options) {
  std::unique_ptr<const leveldb::FilterPolicy> filter(leveldb::NewBloomFilterPolicy(10));
  // A log holds the writes of one memtable; a quarter more leaves room for
  // record headers before the log has to grow.
  std::unique_ptr<leveldb::Env> env =
      NewZeroFilledLogEnv(options.write_buffer_bytes + options.write_buffer_bytes / 4);
  leveldb::Options lo;
  lo.env = env.get();
  lo.create_if_missing = options.create_if_missing;
  lo.write_buffer_size = options.write_buffer_bytes;
  lo.max_open_files = options.max_open_files;
  lo.block_cache = SharedBlockCache();
  lo.filter_policy = filter.get();
  leveldb::DB* raw = nullptr;
  leveldb::Status s = leveldb::DB::Open(lo, path, &raw);
  if (!s.ok()) return FromLevelDb(s, path);
  return std::unique_ptr<KvStore>(new LevelDbStore(path, std::move(env), std::move(filter),
                                                   std::unique_ptr<leveldb::DB>(raw),
                                                   options.compact_when_idle_for));
}

Status DestroyLevelDbStore(const std::string& path) {
  leveldb::Options lo;
  return FromLevelDb(leveldb::DestroyDB(path, lo), path);
}

}  // namespace db9::kv
