#include "daemon/catalog/sequence_store.h"

#include <algorithm>

#include "daemon/storage/encoding/key_encoding.h"

namespace db9::catalog {
namespace {

// Values reserved beyond the one handed out when a block is written; the
// same count PostgreSQL logs ahead (SEQ_LOG_VALS), so log_cnt reads alike.
constexpr int64_t kLoggedAhead = 32;

std::string StateKey(Oid oid) { return keyenc::KeyPrefix(keyenc::Keyspace::kSequence, oid); }

// Adds without overflow; false when the sum leaves int64.
bool SafeAdd(int64_t a, int64_t b, int64_t* out) { return !__builtin_add_overflow(a, b, out); }

}  // namespace

Sequence TransactionIdSequence() {
  Sequence seq;
  seq.oid = 2943;  // PostgreSQL's pg_proc oid of txid_current: below kFirstUserOid
  seq.name = "transaction ids";
  // PostgreSQL's first normal transaction id; 0-2 are special there.
  seq.start = 3;
  seq.min_value = 3;
  return seq;
}

Result<SequenceStore::State*> SequenceStore::Load(const Sequence& sequence) {
  auto it = states_.find(sequence.oid);
  if (it != states_.end()) return &it->second;
  State state;
  DB9_ASSIGN_OR_RETURN(std::optional<std::string> stored,
                       txns_.store().Get(kv::ReadOptions{}, StateKey(sequence.oid)));
  if (stored && stored->size() == 9) {
    keyenc::KeyDecoder decoder(stored->substr(0, 8));
    DB9_ASSIGN_OR_RETURN(uint64_t raw, decoder.ReadUint64());
    // The stored value is the end of the reserved block: continue after it.
    state.called = (*stored)[8] != 0;
    state.last = state.called ? static_cast<int64_t>(raw)
                              : static_cast<int64_t>(raw) - sequence.increment;
    state.reserved = static_cast<int64_t>(raw);
  } else {
    state.last = sequence.start - sequence.increment;
    state.called = false;
    state.reserved = state.last;
  }
  return &states_.emplace(sequence.oid, state).first->second;
}

Status SequenceStore::Persist(Oid oid, int64_t value, bool called) {
  std::string data;
  keyenc::AppendUint64(&data, static_cast<uint64_t>(value));
  data.push_back(called ? 1 : 0);
  kv::WriteBatch batch;
  batch.Put(StateKey(oid), data);
  return txns_.WriteNow(batch, /*sync=*/false);
}

Result<int64_t> SequenceStore::NextValue(const Sequence& sequence) {
  std::lock_guard lock(mu_);
  DB9_ASSIGN_OR_RETURN(State * state, Load(sequence));
  int64_t next;
  bool wrapped = false;  // a CYCLE sequence started over: the old block is behind it
  if (!state->called) {
    next = state->last + sequence.increment;
  } else if (!SafeAdd(state->last, sequence.increment, &next) || next > sequence.max_value ||
             next < sequence.min_value) {
    if (!sequence.cycle) {
      bool up = sequence.increment > 0;
      return Status::Error("2200H", std::string("nextval: reached ") + (up ? "maximum" : "minimum") +
                                        " value of sequence \"" + sequence.name + "\" (" +
                                        std::to_string(up ? sequence.max_value : sequence.min_value) +
                                        ")");
    }
    next = sequence.increment > 0 ? sequence.min_value : sequence.max_value;
    wrapped = true;
  }
  bool beyond = sequence.increment > 0 ? next > state->reserved : next < state->reserved;
  if (beyond || wrapped || !state->called) {
    // The block ends at the sequence's bound, as PostgreSQL stops logging
    // there; on overflow the block holds just `next`.
    int64_t step, reserve;
    if (__builtin_mul_overflow(sequence.increment, kLoggedAhead, &step) ||
        !SafeAdd(next, step, &reserve)) {
      reserve = next;
    }
    reserve = std::clamp(reserve, sequence.min_value, sequence.max_value);
    DB9_RETURN_IF_ERROR(Persist(sequence.oid, reserve, true));
    state->reserved = reserve;
  }
  state->last = next;
  state->called = true;
  return next;
}

Status SequenceStore::SetValue(const Sequence& sequence, int64_t value, bool is_called) {
  if (value < sequence.min_value || value > sequence.max_value) {
    return Status::Error(sqlstate::kNumericValueOutOfRange,
                         "setval: value " + std::to_string(value) + " is out of bounds for sequence \"" +
                             sequence.name + "\" (" + std::to_string(sequence.min_value) + ".." +
                             std::to_string(sequence.max_value) + ")");
  }
  std::lock_guard lock(mu_);
  DB9_ASSIGN_OR_RETURN(State * state, Load(sequence));
  // Stored exactly: the next nextval continues from here, also after a restart.
  DB9_RETURN_IF_ERROR(Persist(sequence.oid, value, is_called));
  state->last = is_called ? value : value - sequence.increment;
  state->called = is_called;
  state->reserved = value;
  return Status::OK();
}

Result<std::pair<int64_t, bool>> SequenceStore::Peek(const Sequence& sequence) {
  DB9_ASSIGN_OR_RETURN(SequenceRow row, Current(sequence));
  return std::make_pair(row.last_value, row.is_called);
}

Result<SequenceRow> SequenceStore::Current(const Sequence& sequence) {
  std::lock_guard lock(mu_);
  DB9_ASSIGN_OR_RETURN(State * state, Load(sequence));
  SequenceRow row;
  row.is_called = state->called;
  if (!state->called) {
    // Nothing handed out since the last setval/restart: nothing reserved.
    row.last_value = state->last + sequence.increment;
    return row;
  }
  row.last_value = state->last;
  if (sequence.increment != 0) row.log_cnt = (state->reserved - state->last) / sequence.increment;
  if (row.log_cnt < 0) row.log_cnt = 0;
  return row;
}

Status SequenceStore::Reset(Oid sequence_oid) {
  std::lock_guard lock(mu_);
  states_.erase(sequence_oid);
  kv::WriteBatch batch;
  batch.Delete(StateKey(sequence_oid));
  return txns_.WriteNow(batch, /*sync=*/false);
}

}  // namespace db9::catalog
