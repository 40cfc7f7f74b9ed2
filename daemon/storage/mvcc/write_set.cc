#include "daemon/storage/mvcc/write_set.h"

#include <utility>

namespace db9::mvcc {
namespace {
// PostgreSQL's invalid_savepoint_specification.
constexpr char kInvalidSavepoint[] = "3B001";
}  // namespace

const WriteSet::Entry* WriteSet::Find(std::string_view key) const {
  auto it = map_.find(key);
  if (it == map_.end() || it->second.kind == Kind::kNone) return nullptr;
  return &it->second;
}

void WriteSet::Put(std::string_view key, std::string_view value) { Set(key, Kind::kPut, value); }

void WriteSet::Delete(std::string_view key) { Set(key, Kind::kDelete, {}); }

void WriteSet::Set(std::string_view key, Kind kind, std::string_view value) {
  auto it = map_.lower_bound(key);
  if (it == map_.end() || it->first != key) it = map_.emplace_hint(it, std::string(key), Entry{});
  if (!marks_.empty()) undo_.push_back({it, it->second});
  Assign(it->second, Entry{kind, std::string(value)});
}

void WriteSet::Assign(Entry& entry, Entry next) {
  live_ += (next.kind != Kind::kNone) - (entry.kind != Kind::kNone);
  entry = std::move(next);
}

uint64_t WriteSet::Savepoint() {
  uint64_t id = next_savepoint_id_++;
  marks_.push_back({id, undo_.size()});
  return id;
}

int WriteSet::FindMark(uint64_t id) const {
  for (int i = static_cast<int>(marks_.size()) - 1; i >= 0; --i) {
    if (marks_[i].id == id) return i;
  }
  return -1;
}

Status WriteSet::RollbackTo(uint64_t id) {
  int mark = FindMark(id);
  if (mark < 0) return Status::Error(kInvalidSavepoint, "savepoint does not exist");
  size_t keep = marks_[mark].undo_size;
  while (undo_.size() > keep) {
    Undo& undo = undo_.back();
    Assign(undo.entry->second, std::move(undo.previous));
    undo_.pop_back();
  }
  // Savepoints opened after `id` are gone; `id` itself stays open.
  marks_.resize(mark + 1);
  return Status::OK();
}

Status WriteSet::Release(uint64_t id) {
  int mark = FindMark(id);
  if (mark < 0) return Status::Error(kInvalidSavepoint, "savepoint does not exist");
  // Releasing merges into the enclosing level: the undo entries stay for an
  // outer savepoint, or are dropped when none is left.
  marks_.resize(mark);
  if (marks_.empty()) undo_.clear();
  return Status::OK();
}

}  // namespace db9::mvcc
