#include "daemon/storage/encoding/key_encoding.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "shared/base/sqlstate.h"

namespace db9::keyenc {
namespace {

constexpr uint64_t kSignBit = uint64_t{1} << 63;
// Escaped form of a 0x00 data byte is 0x00 0xFF; the terminator is 0x00 0x01.
constexpr uint8_t kEscape = 0x00;
constexpr uint8_t kEscapedZero = 0xFF;
constexpr uint8_t kTerminator = 0x01;

uint8_t Flip(uint8_t b, Direction dir) {
  return dir == Direction::kDescending ? static_cast<uint8_t>(~b) : b;
}

void AppendBigEndian64(std::string* out, uint64_t v, Direction dir) {
  char buf[8];
  for (int i = 0; i < 8; ++i)
    buf[i] = static_cast<char>(Flip(static_cast<uint8_t>(v >> (56 - 8 * i)), dir));
  out->append(buf, 8);
}

uint64_t ReadBigEndian64(std::string_view bytes, Direction dir) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | Flip(static_cast<uint8_t>(bytes[i]), dir);
  return v;
}

// Maps a double to a uint64 whose unsigned order is the value order.
uint64_t DoubleToOrderedBits(double v) {
  if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();  // one NaN
  if (v == 0) v = 0.0;                                              // -0 -> +0
  uint64_t bits = std::bit_cast<uint64_t>(v);
  if (std::isnan(v)) bits &= ~kSignBit;  // a positive NaN sorts above +Infinity
  return (bits & kSignBit) ? ~bits : (bits | kSignBit);
}

double OrderedBitsToDouble(uint64_t bits) {
  bits = (bits & kSignBit) ? (bits & ~kSignBit) : ~bits;
  return std::bit_cast<double>(bits);
}

}  // namespace

void AppendNullMarker(std::string* out, NullsOrder nulls) {
  out->push_back(
      static_cast<char>(nulls == NullsOrder::kLast ? kNullLastMarker : kNullFirstMarker));
}

void AppendNotNullMarker(std::string* out) { out->push_back(static_cast<char>(kNotNullMarker)); }

void AppendBool(std::string* out, bool v, Direction dir) {
  out->push_back(static_cast<char>(Flip(v ? 1 : 0, dir)));
}

void AppendInt64(std::string* out, int64_t v, Direction dir) {
  AppendBigEndian64(out, static_cast<uint64_t>(v) ^ kSignBit, dir);
}

void AppendDouble(std::string* out, double v, Direction dir) {
  AppendBigEndian64(out, DoubleToOrderedBits(v), dir);
}

void AppendBytes(std::string* out, std::string_view v, Direction dir) {
  const char escape = static_cast<char>(Flip(kEscape, dir));
  const char escaped_zero = static_cast<char>(Flip(kEscapedZero, dir));
  out->reserve(out->size() + v.size() + 2);
  if (dir == Direction::kAscending) {
    // Copy runs between zero bytes in one go; most strings have none.
    size_t start = 0;
    while (true) {
      size_t zero = v.find('\0', start);
      if (zero == std::string_view::npos) {
        out->append(v.data() + start, v.size() - start);
        break;
      }
      out->append(v.data() + start, zero - start);
      out->push_back(escape);
      out->push_back(escaped_zero);
      start = zero + 1;
    }
  } else {
    for (char c : v) {
      if (c == '\0') {
        out->push_back(escape);
        out->push_back(escaped_zero);
      } else {
        out->push_back(static_cast<char>(~static_cast<uint8_t>(c)));
      }
    }
  }
  out->push_back(escape);
  out->push_back(static_cast<char>(Flip(kTerminator, dir)));
}

void AppendUint32(std::string* out, uint32_t v) {
  char buf[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                 static_cast<char>(v)};
  out->append(buf, 4);
}

void AppendUint64(std::string* out, uint64_t v) {
  AppendBigEndian64(out, v, Direction::kAscending);
}

void AppendKeyPrefix(std::string* out, Keyspace space, uint32_t id) {
  out->push_back(static_cast<char>(space));
  AppendUint32(out, id);
}

std::string KeyPrefix(Keyspace space, uint32_t id) {
  std::string out;
  AppendKeyPrefix(&out, space, id);
  return out;
}

std::string KeyspacePrefix(Keyspace space) { return std::string(1, static_cast<char>(space)); }

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty() && static_cast<uint8_t>(out.back()) == 0xFF) out.pop_back();
  if (!out.empty()) out.back() = static_cast<char>(static_cast<uint8_t>(out.back()) + 1);
  return out;
}

std::optional<std::string> KeyBetween(std::string_view low, std::string_view high) {
  // (low + high) / 2 over one more byte than the longer key, so that the
  // halving keeps the low bit of the sum.
  const size_t n = std::max(low.size(), high.size()) + 1;
  auto byte = [](std::string_view s, size_t i) {
    return i < s.size() ? static_cast<unsigned>(static_cast<uint8_t>(s[i])) : 0u;
  };
  std::string sum(n, '\0');
  unsigned carry = 0;
  for (size_t i = n; i-- > 0;) {
    const unsigned v = byte(low, i) + byte(high, i) + carry;
    sum[i] = static_cast<char>(v & 0xFF);
    carry = v >> 8;
  }
  std::string mid(n, '\0');
  for (size_t i = 0; i < n; ++i) {
    const unsigned v = carry << 8 | static_cast<uint8_t>(sum[i]);
    mid[i] = static_cast<char>(v >> 1);
    carry = v & 1;
  }
  if (!(low < std::string_view(mid) && std::string_view(mid) < high)) return std::nullopt;
  return mid;
}

// ---- KeyDecoder ------------------------------------------------------------

Status KeyDecoder::Corrupt(std::string_view what) const {
  return Status::Error(sqlstate::kDataCorrupted, "corrupt key: " + std::string(what) + " at byte " +
                                                     std::to_string(pos_) + " of " +
                                                     std::to_string(key_.size()));
}

Result<bool> KeyDecoder::ReadNullMarker() {
  if (done()) return Corrupt("expected a NULL marker, found the end of the key");
  uint8_t b = static_cast<uint8_t>(key_[pos_]);
  if (b != kNullFirstMarker && b != kNullLastMarker && b != kNotNullMarker) {
    return Corrupt("invalid NULL marker");
  }
  ++pos_;
  return b != kNotNullMarker;
}

Result<bool> KeyDecoder::ReadBool(Direction dir) {
  if (done()) return Corrupt("expected a boolean, found the end of the key");
  uint8_t b = Flip(static_cast<uint8_t>(key_[pos_]), dir);
  if (b > 1) return Corrupt("invalid boolean byte");
  ++pos_;
  return b == 1;
}

Result<int64_t> KeyDecoder::ReadInt64(Direction dir) {
  if (key_.size() - pos_ < 8) return Corrupt("truncated integer");
  uint64_t v = ReadBigEndian64(key_.substr(pos_, 8), dir) ^ kSignBit;
  pos_ += 8;
  return static_cast<int64_t>(v);
}

Result<double> KeyDecoder::ReadDouble(Direction dir) {
  if (key_.size() - pos_ < 8) return Corrupt("truncated floating-point value");
  double v = OrderedBitsToDouble(ReadBigEndian64(key_.substr(pos_, 8), dir));
  pos_ += 8;
  return v;
}

Result<size_t> KeyDecoder::ScanBytes(Direction dir, std::string* out) const {
  size_t i = pos_;
  while (i < key_.size()) {
    uint8_t b = Flip(static_cast<uint8_t>(key_[i]), dir);
    if (b != kEscape) {
      if (out) out->push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    if (i + 1 >= key_.size()) break;
    uint8_t next = Flip(static_cast<uint8_t>(key_[i + 1]), dir);
    if (next == kTerminator) return i + 2;
    if (next != kEscapedZero) return Corrupt("invalid escape in a string component");
    if (out) out->push_back('\0');
    i += 2;
  }
  return Corrupt("unterminated string component");
}

Result<std::string> KeyDecoder::ReadBytes(Direction dir) {
  std::string value;
  DB9_ASSIGN_OR_RETURN(size_t end, ScanBytes(dir, &value));
  pos_ = end;
  return value;
}

Status KeyDecoder::SkipBytes(Direction dir) {
  DB9_ASSIGN_OR_RETURN(size_t end, ScanBytes(dir, nullptr));
  pos_ = end;
  return Status::OK();
}

Result<uint32_t> KeyDecoder::ReadUint32() {
  if (key_.size() - pos_ < 4) return Corrupt("truncated 32-bit id");
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(key_[pos_ + i]);
  pos_ += 4;
  return v;
}

Result<uint64_t> KeyDecoder::ReadUint64() {
  if (key_.size() - pos_ < 8) return Corrupt("truncated 64-bit number");
  uint64_t v = ReadBigEndian64(key_.substr(pos_, 8), Direction::kAscending);
  pos_ += 8;
  return v;
}

Result<uint32_t> KeyDecoder::ReadKeyPrefix(Keyspace space) {
  if (key_.size() - pos_ < kKeyPrefixSize) return Corrupt("truncated key prefix");
  if (static_cast<uint8_t>(key_[pos_]) != static_cast<uint8_t>(space)) {
    return Corrupt("unexpected keyspace tag " + std::to_string(static_cast<uint8_t>(key_[pos_])) +
                   " (expected " + std::to_string(static_cast<uint8_t>(space)) + ")");
  }
  ++pos_;
  auto id = ReadUint32();
  if (!id.ok()) --pos_;
  return id;
}

}  // namespace db9::keyenc
