// bit(n): PostgreSQL's fixed-length bit string. It is here because
// pgvector's clients expect it next to vector (psycopg's register_vector
// looks up "bit" and fails without it). Payload: one '0' or '1' byte per
// bit, so byte order is bitcmp's order (bits in order, then the shorter
// string first) and the generic byte-string compare, hash and key
// encoding serve. Binary form as bit_send: int32 bit count, then the bits
// packed most significant first, the last byte zero-padded.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

// MaxAttrSize * BITS_PER_BYTE.
constexpr int32_t kMaxBits = 10485760 * 8;

Status LengthMismatch(size_t bits, int32_t typmod) {
  return Status::Error(sqlstate::kStringDataLengthMismatch,
                       "bit string length " + std::to_string(bits) + " does not match type bit(" +
                           std::to_string(typmod) + ")");
}

// The character at the front of `s` as PostgreSQL names it in errors (a
// whole UTF-8 sequence).
std::string FirstChar(std::string_view s) {
  unsigned char lead = static_cast<unsigned char>(s[0]);
  size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::string(s.substr(0, len));
}

// bit_in: binary digits, optionally after "b"; hex digits after "x".
Result<Value> BitIn(const TypeInfo&, std::string_view text, int32_t typmod, const IoContext&) {
  bool hex = !text.empty() && (text[0] == 'x' || text[0] == 'X');
  if (!text.empty() && (hex || text[0] == 'b' || text[0] == 'B')) text.remove_prefix(1);
  size_t bits = hex ? text.size() * 4 : text.size();
  if (typmod > 0 && bits != static_cast<size_t>(typmod)) return LengthMismatch(bits, typmod);
  std::string out;
  out.reserve(bits);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!hex) {
      if (c != '0' && c != '1') {
        return Status::Error(sqlstate::kInvalidTextRepresentation,
                             "\"" + FirstChar(text.substr(i)) + "\" is not a valid binary digit");
      }
      out += c;
      continue;
    }
    int nibble = c >= '0' && c <= '9'   ? c - '0'
                 : c >= 'a' && c <= 'f' ? c - 'a' + 10
                 : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                        : -1;
    if (nibble < 0) {
      return Status::Error(
          sqlstate::kInvalidTextRepresentation,
          "\"" + FirstChar(text.substr(i)) + "\" is not a valid hexadecimal digit");
    }
    for (int shift = 3; shift >= 0; --shift) out += (nibble >> shift) & 1 ? '1' : '0';
  }
  return Value::OfString(oid::kBit, std::move(out));
}

Result<std::string> BitOut(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

Result<Value> BitRecv(const TypeInfo&, std::string_view bytes, int32_t typmod, const IoContext&) {
  uint32_t count;
  if (!GetU32(&bytes, &count)) return InvalidBinary("insufficient data left in message");
  int32_t bits = static_cast<int32_t>(count);
  if (bits < 0 || bits > kMaxBits) return InvalidBinary("invalid length in external bit string");
  if (typmod > 0 && bits != typmod) return LengthMismatch(bits, typmod);
  size_t packed = (static_cast<size_t>(bits) + 7) / 8;
  if (bytes.size() < packed) return InvalidBinary("insufficient data left in message");
  if (bytes.size() > packed) return InvalidBinary("incorrect binary data format");
  std::string out(bits, '0');
  for (int32_t i = 0; i < bits; ++i) {
    if ((static_cast<unsigned char>(bytes[i / 8]) >> (7 - i % 8)) & 1) out[i] = '1';
  }
  return Value::OfString(oid::kBit, std::move(out));
}

Result<std::string> BitSend(const TypeInfo&, const Value& v, const IoContext&) {
  const std::string& s = v.as_string();
  std::string out;
  PutU32(&out, static_cast<uint32_t>(s.size()));
  std::string packed((s.size() + 7) / 8, '\0');
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '1') packed[i / 8] = static_cast<char>(packed[i / 8] | (0x80 >> (i % 8)));
  }
  return out + packed;
}

// bit(bit, integer, boolean): an explicit cast truncates or pads with
// zeros; an assignment must already have the length.
Result<Value> BitApplyTypmod(const TypeInfo&, const Value& v, int32_t typmod, bool is_explicit) {
  const std::string& s = v.as_string();
  if (typmod <= 0 || static_cast<size_t>(typmod) == s.size()) return v;
  if (!is_explicit) return LengthMismatch(s.size(), typmod);
  std::string out = s.substr(0, typmod);
  out.resize(typmod, '0');
  return Value::OfString(oid::kBit, std::move(out));
}

Result<int32_t> BitTypmodIn(const TypeInfo&, const std::vector<int32_t>& mods) {
  if (mods.size() != 1) {
    return Status::Error(sqlstate::kInvalidParameterValue, "invalid type modifier");
  }
  if (mods[0] < 1) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "length for type bit must be at least 1");
  }
  if (mods[0] > kMaxBits) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "length for type bit cannot exceed " + std::to_string(kMaxBits));
  }
  return mods[0];
}

}  // namespace

Status RegisterBitType(TypeRegistry& r) {
  TypeInfo t = BuiltinTypeEntry(oid::kBit, "bit", "bit", -1, category::kBitString, oid::kBitArray,
                                false);
  t.input = BitIn;
  t.output = BitOut;
  t.receive = BitRecv;
  t.send = BitSend;
  t.compare = CompareBytes;
  t.hash = HashBytesValue;
  t.key_encode = KeyEncodeBytes;
  t.key_decode = KeyDecodeBytes;
  t.apply_typmod = BitApplyTypmod;
  t.typmod_in = BitTypmodIn;
  t.typmod_out = PlainTypmodOut;
  return r.Register(std::move(t));
}

}  // namespace db9::types
