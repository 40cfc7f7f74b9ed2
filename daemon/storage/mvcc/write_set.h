// WriteSet: a transaction's uncommitted writes, ordered by key, with an undo
// log for savepoints. Used by one thread (the transaction's).
//
// Entries are never erased while the transaction lives: undoing a write
// whose key had no earlier entry turns it into a pass-through entry (kNone)
// instead, so an open merged iterator's position stays valid whatever the
// caller does to the write set.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shared/base/status.h"

namespace db9::mvcc {

class WriteSet {
 public:
  enum class Kind : uint8_t { kNone, kPut, kDelete };
  struct Entry {
    Kind kind = Kind::kNone;
    std::string value;  // for kPut
  };
  using Map = std::map<std::string, Entry, std::less<>>;

  // nullptr when the transaction has not written `key` (kNone counts as not
  // written: the caller reads the store).
  const Entry* Find(std::string_view key) const;
  void Put(std::string_view key, std::string_view value);
  void Delete(std::string_view key);

  // Number of keys with a pending put or delete.
  size_t size() const { return live_; }
  const Map& entries() const { return map_; }

  // Savepoint ids increase for the life of the write set.
  uint64_t Savepoint();
  // 3B001 if `id` is not an open savepoint.
  Status RollbackTo(uint64_t id);
  Status Release(uint64_t id);

 private:
  struct Undo {
    Map::iterator entry;
    Entry previous;
  };
  struct Mark {
    uint64_t id;
    size_t undo_size;
  };

  void Set(std::string_view key, Kind kind, std::string_view value);
  void Assign(Entry& entry, Entry next);
  // Index in marks_ of savepoint `id`, or -1.
  int FindMark(uint64_t id) const;

  Map map_;
  size_t live_ = 0;
  // The undo log is kept only while a savepoint is open.
  std::vector<Undo> undo_;
  std::vector<Mark> marks_;
  uint64_t next_savepoint_id_ = 1;
};

}  // namespace db9::mvcc
