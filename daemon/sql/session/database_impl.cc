#include "daemon/sql/session/database_impl.h"

#include "daemon/catalog/system_registry.h"
#include "daemon/storage/encoding/key_encoding.h"

namespace db9::sql {
namespace {
constexpr size_t kParseCacheEntries = 512;
constexpr size_t kCopyBatchOps = 1000;
}  // namespace

DatabaseImpl::DatabaseImpl(std::unique_ptr<kv::KvStore> store,
                           const functions::Registries& registries)
    : store_(std::move(store)), registries_(registries) {}

Status DatabaseImpl::Init() {
  catalog::RegisterBuiltinSystemObjects();
  txns_ = mvcc::NewTxnManager(*store_);
  DB9_ASSIGN_OR_RETURN(catalog_, catalog::Catalog::Open(*txns_));
  sequences_ = std::make_unique<catalog::SequenceStore>(*txns_);
  return Status::OK();
}

Result<DatabaseStats> DatabaseImpl::Stats() {
  DatabaseStats stats;
  stats.size_bytes = store_->ApproximateSize(std::string(1, '\0'), std::string(8, '\xff'));
  stats.table_count = static_cast<int64_t>(catalog_->Committed()->tables().size());
  return stats;
}

Status DatabaseImpl::CopyTo(const std::string& target_dir) {
  DB9_ASSIGN_OR_RETURN(std::unique_ptr<kv::KvStore> target, kv::OpenLevelDbStore(target_dir));
  kv::ReadOptions options;
  options.snapshot = txns_->CommittedSnapshot();
  options.fill_cache = false;
  std::unique_ptr<kv::Iterator> it = store_->NewIterator(options);
  kv::WriteBatch batch;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    batch.Put(it->key(), it->value());
    if (batch.size() >= kCopyBatchOps) {
      DB9_RETURN_IF_ERROR(target->Write(batch, false));
      batch.Clear();
    }
  }
  DB9_RETURN_IF_ERROR(it->status());
  // Sequence values live outside transactions; the snapshot has them as of
  // its time, which is what a branch should start from.
  return target->Write(batch, /*sync=*/true);
}

Result<std::shared_ptr<const ParsedQuery>> DatabaseImpl::ParseCached(std::string_view sql) {
  std::string key(sql);
  {
    std::lock_guard lock(parse_mu_);
    auto it = parse_cache_.find(key);
    if (it != parse_cache_.end()) {
      parse_order_.splice(parse_order_.begin(), parse_order_, it->second.second);
      return it->second.first;
    }
  }
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<const ParsedQuery> parsed, Parse(sql));
  std::lock_guard lock(parse_mu_);
  if (parse_cache_.count(key) == 0) {
    parse_order_.push_front(key);
    parse_cache_.emplace(key, std::make_pair(parsed, parse_order_.begin()));
    if (parse_cache_.size() > kParseCacheEntries) {
      parse_cache_.erase(parse_order_.back());
      parse_order_.pop_back();
    }
  }
  return parsed;
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& dir,
                                               const functions::Registries& registries) {
  DB9_ASSIGN_OR_RETURN(std::unique_ptr<kv::KvStore> store, kv::OpenLevelDbStore(dir));
  auto db = std::make_unique<DatabaseImpl>(std::move(store), registries);
  DB9_RETURN_IF_ERROR(db->Init());
  return std::unique_ptr<Database>(std::move(db));
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& dir) {
  return OpenDatabase(dir, functions::BuiltinRegistries());
}

}  // namespace db9::sql
