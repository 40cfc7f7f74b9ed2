// Order-preserving key encoding: values appended to a byte string so that
// comparing the strings bytewise (LevelDB's order) compares the values.
// Row keys and index keys are built from these primitives by the type system
// and the SQL layer; docs/storage-format.md gives the rules with examples.
//
// Rules every primitive keeps:
//  - Ascending encodings are prefix-free (no encoding is a proper prefix of
//    another), so a composite key orders component by component: the first
//    component that differs decides, whatever follows it.
//  - Descending is the bytewise complement of the ascending encoding, which
//    (because of prefix-freedom) reverses the order exactly.
//  - NULL is a one-byte marker written in place of a value's "present"
//    marker; it sorts after every value (NULLS LAST) or before every value
//    (NULLS FIRST), independent of the direction. PostgreSQL's defaults are
//    NULLS LAST for ASC and NULLS FIRST for DESC: DefaultNullsOrder().
//  - Text compares bytewise (UTF-8 byte order is code point order: the "C"
//    collation).
//
// A nullable component is written as marker + value:
//   AppendNotNullMarker(&key); AppendInt64(&key, v, dir);   // a value
//   AppendNullMarker(&key, nulls);                           // a NULL
// and read back with KeyDecoder::ReadNullMarker() then the typed Read*.
// Components known NOT NULL may skip the marker; writer and reader must agree.
//
// Decoding never trusts its input: a malformed key yields XX001 (data
// corrupted), never a crash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::keyenc {

enum class Direction : uint8_t { kAscending, kDescending };
enum class NullsOrder : uint8_t { kLast, kFirst };

// PostgreSQL's default: ASC NULLS LAST, DESC NULLS FIRST.
constexpr NullsOrder DefaultNullsOrder(Direction dir) {
  return dir == Direction::kAscending ? NullsOrder::kLast : NullsOrder::kFirst;
}

// Marker bytes (the same in both directions; see the top comment).
inline constexpr uint8_t kNullFirstMarker = 0x01;
inline constexpr uint8_t kNotNullMarker = 0x02;
inline constexpr uint8_t kNullLastMarker = 0x03;

// ---- Appending ---------------------------------------------------------

void AppendNullMarker(std::string* out, NullsOrder nulls);
void AppendNotNullMarker(std::string* out);

// false < true; one byte.
void AppendBool(std::string* out, bool v, Direction dir = Direction::kAscending);
// 8 bytes big-endian with the sign bit flipped. Narrower integers (int2,
// int4) widen to int64, so keys of different integer widths compare right.
void AppendInt64(std::string* out, int64_t v, Direction dir = Direction::kAscending);
// 8 bytes: IEEE bits, sign bit flipped for positives, all bits flipped for
// negatives. -0 encodes as +0; every NaN encodes as one NaN that sorts above
// +Infinity (PostgreSQL: NaN is larger than any other value, and NaN = NaN).
// float4 widens to double.
void AppendDouble(std::string* out, double v, Direction dir = Direction::kAscending);
// Byte strings and text: each 0x00 byte becomes 0x00 0xFF, then the
// terminator 0x00 0x01. Any bytes allowed (bytea, UTF-8 text).
void AppendBytes(std::string* out, std::string_view v, Direction dir = Direction::kAscending);

// Fixed-width unsigned big-endian, ascending only: ids, counters, row ids.
void AppendUint32(std::string* out, uint32_t v);
void AppendUint64(std::string* out, uint64_t v);

// ---- Key prefixes --------------------------------------------------------

// The first byte of every key names its keyspace. Values are part of the
// on-disk format: never renumber, only add.
enum class Keyspace : uint8_t {
  kMeta = 0x01,      // store-wide settings (format version, ...)
  kCatalog = 0x02,   // catalog entries: tag + object-kind id + name/oid key
  kSequence = 0x03,  // sequence state: tag + sequence id (written with WriteNow)
  kTable = 0x10,     // rows: tag + table id + primary key (or row id)
  kIndex = 0x11,     // secondary index entries: tag + index id + index key
};

// Every prefix is the tag byte followed by a big-endian uint32 id: 5 bytes.
inline constexpr size_t kKeyPrefixSize = 5;

void AppendKeyPrefix(std::string* out, Keyspace space, uint32_t id);
std::string KeyPrefix(Keyspace space, uint32_t id);
// One byte: every key of the keyspace.
std::string KeyspacePrefix(Keyspace space);

// The smallest key greater than every key that starts with `prefix`: the
// exclusive end of a prefix scan. Drops trailing 0xFF bytes and increments
// the last remaining byte. Returns "" when there is none (prefix empty or all
// 0xFF), meaning "scan to the end of the store".
std::string PrefixSuccessor(std::string_view prefix);

// A key halfway between `low` and `high` in byte order (both read as
// fractions, shorter one padded with zero bytes), for splitting a range
// into two parts of about equal key space. nullopt when no key lies
// strictly between them.
std::optional<std::string> KeyBetween(std::string_view low, std::string_view high);

// ---- Decoding ------------------------------------------------------------

// Reads components back in the order they were appended. Each Read* consumes
// its component on success and leaves the position unchanged on failure.
// Errors are XX001 with a message naming what was expected.
// A decoder views the key it was given, which must outlive it; given a
// temporary std::string (`KeyDecoder d(s.substr(0, 8))`) it keeps its own
// copy instead, so that common pattern is safe. Not copyable: a copy would
// view the original's bytes.
class KeyDecoder {
 public:
  explicit KeyDecoder(std::string_view key) : key_(key) {}
  explicit KeyDecoder(const char* key) : key_(key) {}
  explicit KeyDecoder(std::string&& key) : owned_(std::move(key)), key_(owned_) {}
  KeyDecoder(const KeyDecoder&) = delete;
  KeyDecoder& operator=(const KeyDecoder&) = delete;

  bool done() const { return pos_ == key_.size(); }
  size_t position() const { return pos_; }
  // The bytes not yet read (e.g. a primary-key suffix of an index key).
  std::string_view rest() const { return key_.substr(pos_); }

  // True when the component is NULL (either NULL marker), false when a
  // value follows.
  Result<bool> ReadNullMarker();
  Result<bool> ReadBool(Direction dir = Direction::kAscending);
  Result<int64_t> ReadInt64(Direction dir = Direction::kAscending);
  Result<double> ReadDouble(Direction dir = Direction::kAscending);
  Result<std::string> ReadBytes(Direction dir = Direction::kAscending);
  // Skips one AppendBytes component without copying it.
  Status SkipBytes(Direction dir = Direction::kAscending);
  Result<uint32_t> ReadUint32();
  Result<uint64_t> ReadUint64();
  // Reads the 5-byte prefix; fails if the tag is not `space`.
  Result<uint32_t> ReadKeyPrefix(Keyspace space);

 private:
  // Finds the end of a bytes component starting at pos_; fills `out` when
  // non-null. Returns the position just after the terminator.
  Result<size_t> ScanBytes(Direction dir, std::string* out) const;
  Status Corrupt(std::string_view what) const;

  std::string owned_;  // empty unless constructed from a temporary
  std::string_view key_;
  size_t pos_ = 0;
};

}  // namespace db9::keyenc
