// Catalog: loading committed records, writing changes through transactions,
// and OID allocation.
#include "daemon/catalog/catalog.h"

#include "daemon/catalog/catalog_records.h"
#include "daemon/storage/encoding/key_encoding.h"

namespace db9::catalog {
namespace {

// The next-OID counter lives in the meta keyspace under this id. OIDs are
// reserved in blocks so that creating an object costs no extra sync; a
// restart skips the rest of the block (gaps are harmless, as in PostgreSQL).
constexpr uint32_t kNextOidMetaId = 100;
constexpr Oid kOidBlock = 64;

std::string NextOidKey() { return keyenc::KeyPrefix(keyenc::Keyspace::kMeta, kNextOidMetaId); }

// Scans every record of one kind from a committed snapshot.
template <typename Fn>
Status ScanRecords(kv::KvStore& store, const std::shared_ptr<const kv::Snapshot>& snapshot,
                   RecordKind kind, Fn&& fn) {
  kv::ReadOptions options;
  options.snapshot = snapshot;
  std::unique_ptr<kv::Iterator> it = store.NewIterator(options);
  std::string prefix = RecordPrefix(kind);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    DB9_RETURN_IF_ERROR(fn(it->value()));
  }
  return it->status();
}

// Decodes every record of one kind and hands each object to `add`.
template <typename Decode, typename Add>
Status LoadRecords(kv::KvStore& store, const std::shared_ptr<const kv::Snapshot>& snapshot,
                   RecordKind kind, Decode decode, Add add) {
  return ScanRecords(store, snapshot, kind, [&](std::string_view data) -> Status {
    auto object = decode(data);
    if (!object.ok()) return object.status();
    add(std::move(*object));
    return Status::OK();
  });
}

// An `add` for LoadRecords that files objects by OID.
template <typename Map>
auto IntoMap(Map& map) {
  return [&map](typename Map::mapped_type object) {
    Oid oid = object.oid;
    map[oid] = std::move(object);
  };
}

}  // namespace

Result<std::unique_ptr<Catalog>> Catalog::Open(mvcc::TxnManager& txns) {
  std::unique_ptr<Catalog> catalog(new Catalog(txns));
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<CatalogState> state, catalog->LoadCommitted());
  catalog->committed_ = std::move(state);

  DB9_ASSIGN_OR_RETURN(std::optional<std::string> next,
                       txns.store().Get(kv::ReadOptions{}, NextOidKey()));
  Oid start = kFirstUserOid;
  if (next) {
    keyenc::KeyDecoder decoder(*next);
    DB9_ASSIGN_OR_RETURN(start, decoder.ReadUint32());
  }
  catalog->next_oid_ = start;
  catalog->reserved_oid_end_ = start;  // nothing reserved in this process yet
  return catalog;
}

Result<std::shared_ptr<CatalogState>> Catalog::LoadCommitted() {
  auto state = std::make_shared<CatalogState>();
  std::shared_ptr<const kv::Snapshot> snapshot = txns_.CommittedSnapshot();
  kv::KvStore& store = txns_.store();
  DB9_RETURN_IF_ERROR(LoadRecords(store, snapshot, RecordKind::kNamespace, DecodeNamespace,
                                  [&](Namespace ns) { state->namespaces_.push_back(std::move(ns)); }));
  DB9_RETURN_IF_ERROR(
      LoadRecords(store, snapshot, RecordKind::kTable, DecodeTable, IntoMap(state->tables_)));
  DB9_RETURN_IF_ERROR(LoadRecords(store, snapshot, RecordKind::kSequence, DecodeSequence,
                                  IntoMap(state->sequences_)));
  DB9_RETURN_IF_ERROR(
      LoadRecords(store, snapshot, RecordKind::kView, DecodeView, IntoMap(state->views_)));
  return state;
}

std::shared_ptr<const CatalogState> Catalog::Committed() const {
  std::lock_guard lock(mu_);
  return committed_;
}

Status Catalog::Reload() {
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<CatalogState> state, LoadCommitted());
  std::lock_guard lock(mu_);
  state->version_ = ++version_;
  committed_ = std::move(state);
  return Status::OK();
}

IndexMethodState& Catalog::MethodState(std::string_view method,
                                       const std::function<std::unique_ptr<IndexMethodState>()>& make) {
  std::lock_guard lock(mu_);
  auto it = method_states_.find(method);
  if (it == method_states_.end()) it = method_states_.emplace(std::string(method), make()).first;
  return *it->second;
}

Result<Oid> Catalog::AllocateOid() {
  std::lock_guard lock(mu_);
  if (next_oid_ >= reserved_oid_end_) {
    Oid end = next_oid_ + kOidBlock;
    std::string value;
    keyenc::AppendUint32(&value, end);
    kv::WriteBatch batch;
    batch.Put(NextOidKey(), value);
    DB9_RETURN_IF_ERROR(txns_.WriteNow(batch, /*sync=*/true));
    reserved_oid_end_ = end;
  }
  return next_oid_++;
}

Status Catalog::StoreTable(mvcc::Transaction& txn, const Table& table) {
  return txn.Put(RecordKey(RecordKind::kTable, table.oid), EncodeTable(table));
}

Status Catalog::DeleteTable(mvcc::Transaction& txn, Oid oid) {
  return txn.Delete(RecordKey(RecordKind::kTable, oid));
}

Status Catalog::StoreSequence(mvcc::Transaction& txn, const Sequence& sequence) {
  return txn.Put(RecordKey(RecordKind::kSequence, sequence.oid), EncodeSequence(sequence));
}

Status Catalog::DeleteSequence(mvcc::Transaction& txn, Oid oid) {
  return txn.Delete(RecordKey(RecordKind::kSequence, oid));
}

Status Catalog::StoreView(mvcc::Transaction& txn, const View& view) {
  return txn.Put(RecordKey(RecordKind::kView, view.oid), EncodeView(view));
}

Status Catalog::DeleteView(mvcc::Transaction& txn, Oid oid) {
  return txn.Delete(RecordKey(RecordKind::kView, oid));
}

Status Catalog::StoreNamespace(mvcc::Transaction& txn, const Namespace& ns) {
  return txn.Put(RecordKey(RecordKind::kNamespace, ns.oid), EncodeNamespace(ns));
}

Status Catalog::DeleteNamespace(mvcc::Transaction& txn, Oid oid) {
  return txn.Delete(RecordKey(RecordKind::kNamespace, oid));
}

}  // namespace db9::catalog
