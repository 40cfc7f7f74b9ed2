#include "daemon/storage/mvcc/merged_iterator.h"

namespace db9::mvcc {

void MergedIterator::Seek(std::string_view target) {
  backward_ = false;
  base_->Seek(target);
  own_ = writes_.entries().lower_bound(target);
  Settle();
}

void MergedIterator::SeekToFirst() {
  backward_ = false;
  base_->SeekToFirst();
  own_ = writes_.entries().begin();
  Settle();
}

void MergedIterator::SeekToLast() {
  backward_ = true;
  base_->SeekToLast();
  own_ = writes_.entries().end();
  StepOwnBack();
  SettleBackward();
}

void MergedIterator::StepOwnBack() {
  if (own_ == writes_.entries().begin()) {
    own_ = writes_.entries().end();
  } else {
    --own_;
  }
}

void MergedIterator::Next() {
  if (backward_) {
    // Turn around: both cursors move to the first key after the current one.
    std::string current(key());
    backward_ = false;
    base_->Seek(current);
    if (base_->Valid() && base_->key() == std::string_view(current)) base_->Next();
    own_ = writes_.entries().upper_bound(current);
    Settle();
    return;
  }
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

void MergedIterator::Prev() {
  if (!backward_) {
    // Turn around: both cursors move to the last key before the current one.
    std::string current(key());
    backward_ = true;
    base_->Seek(current);
    if (base_->Valid()) {
      base_->Prev();
    } else {
      base_->SeekToLast();
    }
    own_ = writes_.entries().lower_bound(current);
    StepOwnBack();
    SettleBackward();
    return;
  }
  if (current_ == Source::kOwn) {
    if (base_->Valid() && base_->key() == std::string_view(own_->first)) base_->Prev();
    StepOwnBack();
  } else if (current_ == Source::kBase) {
    base_->Prev();
  }
  SettleBackward();
}

void MergedIterator::SettleBackward() {
  while (true) {
    while (OwnValid() && own_->second.kind == WriteSet::Kind::kNone) StepOwnBack();
    const bool base_valid = base_->Valid();
    if (!OwnValid()) {
      current_ = base_valid ? Source::kBase : Source::kNone;
      return;
    }
    std::string_view own_key = own_->first;
    if (base_valid && base_->key() > own_key) {
      current_ = Source::kBase;
      return;
    }
    if (own_->second.kind == WriteSet::Kind::kPut) {
      current_ = Source::kOwn;
      return;
    }
    if (base_valid && base_->key() == own_key) base_->Prev();
    StepOwnBack();
  }
}

std::string_view MergedIterator::key() const {
  return current_ == Source::kOwn ? std::string_view(own_->first) : base_->key();
}

std::string_view MergedIterator::value() const {
  return current_ == Source::kOwn ? std::string_view(own_->second.value) : base_->value();
}

}  // namespace db9::mvcc
