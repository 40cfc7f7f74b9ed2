#include "daemon/storage/mvcc/merged_iterator.h"

namespace db9::mvcc {

void MergedIterator::Seek(std::string_view target) {
  base_->Seek(target);
  own_ = writes_.entries().lower_bound(target);
  Settle();
}

void MergedIterator::SeekToFirst() {
  base_->SeekToFirst();
  own_ = writes_.entries().begin();
  Settle();
}

void MergedIterator::Next() {
  if (current_ == Source::kOwn) {
    // The own entry shadows a base key equal to it; step past both.
    if (base_->Valid() && base_->key() == std::string_view(own_->first)) base_->Next();
    ++own_;
  } else if (current_ == Source::kBase) {
    base_->Next();
  }
  Settle();
}

void MergedIterator::Settle() {
  while (true) {
    while (OwnValid() && own_->second.kind == WriteSet::Kind::kNone) ++own_;
    const bool base_valid = base_->Valid();
    if (!OwnValid()) {
      current_ = base_valid ? Source::kBase : Source::kNone;
      return;
    }
    std::string_view own_key = own_->first;
    if (base_valid && base_->key() < own_key) {
      current_ = Source::kBase;
      return;
    }
    if (own_->second.kind == WriteSet::Kind::kPut) {
      current_ = Source::kOwn;
      return;
    }
    // A pending delete: hide it and the base key it shadows.
    if (base_valid && base_->key() == own_key) base_->Next();
    ++own_;
  }
}

std::string_view MergedIterator::key() const {
  return current_ == Source::kOwn ? std::string_view(own_->first) : base_->key();
}

std::string_view MergedIterator::value() const {
  return current_ == Source::kOwn ? std::string_view(own_->second.value) : base_->value();
}

}  // namespace db9::mvcc
