// ZeroFilledLogEnv: a LevelDB Env whose write-ahead log files are written
// full of zeros before LevelDB appends to them, as PostgreSQL zero-fills its
// WAL segments.
//
// A durable commit ends in fdatasync of the log. When the append grew the
// file, ext4 must also write the inode (the new size) — a second device
// write per commit. Inside a zero-filled file the size does not change, so
// the sync writes the data block alone (about a third faster on the
// machines we measured, see leveldb_store.cc).
//
// LevelDB's log reader treats a zero header as padding and skips the rest of
// the block ("kZeroType ... preallocates file regions"), so recovery reads a
// zero-filled file like a shorter one. A log that outgrows the zeros keeps
// growing as usual.
//
// Private to the kv library: the only code that sees LevelDB.
#pragma once

#include <leveldb/env.h>

#include <cstddef>
#include <memory>

namespace db9::kv {

// Wraps Env::Default(); `log_bytes` is how much of each new log is zeroed.
std::unique_ptr<leveldb::Env> NewZeroFilledLogEnv(size_t log_bytes);

}  // namespace db9::kv
