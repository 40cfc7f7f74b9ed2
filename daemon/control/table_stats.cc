#include "daemon/control/table_stats.h"

#include <algorithm>
#include <optional>
#include <string>

#include "daemon/catalog/row_keys.h"

namespace db9::control {

namespace {

// Below this many bytes on disk, the sampled rows' approximate size says more
// about LevelDB's block granularity (and its write buffer) than about the rows.
constexpr uint64_t kMinDiskSample = 64 * 1024;

// Every key that starts with `prefix`: [prefix, successor).
struct KeyRange {
  std::string begin;
  std::string end;
};
KeyRange RangeOf(std::string prefix) {
  std::string end = keyenc::PrefixSuccessor(prefix);
  return {std::move(prefix), std::move(end)};
}

}  // namespace

Result<TableStats> MeasureTable(kv::KvStore& store, std::shared_ptr<const kv::Snapshot> snapshot,
                                uint32_t table_oid, const std::vector<uint32_t>& index_oids) {
  const KeyRange rows = RangeOf(catalog::TableKeyPrefix(table_oid));
  kv::ReadOptions options;
  options.snapshot = std::move(snapshot);
  options.fill_cache = false;  // statistics must not push the working set out
  std::unique_ptr<kv::Iterator> it = store.NewIterator(options);
  int64_t counted = 0;
  uint64_t counted_bytes = 0;
  std::optional<std::string> first_uncounted;
  for (it->Seek(rows.begin); it->Valid() && it->key().starts_with(rows.begin); it->Next()) {
    if (counted == kExactRowBound) {
      first_uncounted.emplace(it->key());
      break;
    }
    ++counted;
    counted_bytes += it->key().size() + it->value().size();
  }
  DB9_RETURN_IF_ERROR(it->status());

  const uint64_t row_disk = store.ApproximateSize(rows.begin, rows.end);
  uint64_t index_disk = 0;
  for (uint32_t index : index_oids) {
    const KeyRange entries = RangeOf(catalog::IndexKeyPrefix(index));
    index_disk += store.ApproximateSize(entries.begin, entries.end);
  }

  TableStats stats;
  if (!first_uncounted) {
    stats.rows = counted;
    // Every row was read: what is still only in the write buffer counts too.
    stats.bytes = static_cast<int64_t>(std::max(row_disk, counted_bytes) + index_disk);
    return stats;
  }
  stats.rows_exact = false;
  // Right after a bulk load the rows may still be in the write buffer, which
  // row_disk does not see; the rows read are there for sure.
  stats.bytes = static_cast<int64_t>(std::max(row_disk, counted_bytes) + index_disk);
  // Average row size in the same unit as row_disk (compressed, on disk) when
  // the sample is on disk; else the rows' own bytes, which overstates it (no
  // compression) and so errs towards fewer rows.
  const uint64_t sample_disk = store.ApproximateSize(rows.begin, *first_uncounted);
  const double per_row = sample_disk >= kMinDiskSample
                             ? static_cast<double>(sample_disk) / counted
                             : static_cast<double>(counted_bytes) / counted;
  const auto extrapolated = static_cast<int64_t>(static_cast<double>(row_disk) / per_row);
  stats.rows = std::max(kExactRowBound + 1, extrapolated);
  return stats;
}

}  // namespace db9::control
