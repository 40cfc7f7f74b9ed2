// MergedIterator: a store iterator (over the transaction's snapshot) with the
// transaction's write set laid over it. A key in the write set shows its
// pending value, or is hidden when pending deletion; other keys come from the
// store.
//
// It is a live view of the write set: keys written after the iterator was
// made may appear when the iterator reaches them. A statement that scans a
// range and writes keys ahead of its cursor in the same range must first
// collect what it will change (PostgreSQL's "Halloween" protection).
// REQUIRES: the write set outlives the iterator.
#pragma once

#include <memory>

#include "daemon/storage/kv/kv_store.h"
#include "daemon/storage/mvcc/write_set.h"

namespace db9::mvcc {

class MergedIterator : public kv::Iterator {
 public:
  MergedIterator(std::unique_ptr<kv::Iterator> base, const WriteSet& writes)
      : base_(std::move(base)), writes_(writes), own_(writes.entries().end()) {}

  void Seek(std::string_view target) override;
  void SeekToFirst() override;
  void SeekToLast() override;
  bool Valid() const override { return current_ != Source::kNone; }
  void Next() override;
  void Prev() override;
  std::string_view key() const override;
  std::string_view value() const override;
  Status status() const override { return base_->status(); }

 private:
  enum class Source { kNone, kBase, kOwn };
  // Picks the smaller (forward) or larger (backward) of the two cursors,
  // skipping own deletes and the base keys they shadow.
  void Settle();
  void SettleBackward();
  // Backward, "no own entry left" is end(), as it is forward.
  void StepOwnBack();
  bool OwnValid() const { return own_ != writes_.entries().end(); }

  std::unique_ptr<kv::Iterator> base_;
  const WriteSet& writes_;
  WriteSet::Map::const_iterator own_;
  Source current_ = Source::kNone;
  bool backward_ = false;
};

}  // namespace db9::mvcc
