#include "daemon/types/type_util.h"

#include <functional>

namespace db9::types {

Status InvalidInputSyntax(std::string_view sql_name, std::string_view text) {
  return Status::Error(sqlstate::kInvalidTextRepresentation,
                       "invalid input syntax for type " + std::string(sql_name) + ": \"" +
                           std::string(text) + "\"");
}

Status OutOfRangeForType(std::string_view sql_name, std::string_view text) {
  return Status::Error(sqlstate::kNumericValueOutOfRange,
                       "value \"" + std::string(text) + "\" is out of range for type " +
                           std::string(sql_name));
}

Status InvalidBinary(std::string message) {
  return Status::Error(sqlstate::kInvalidBinaryRepresentation, std::move(message));
}

void PutU16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}
void PutU32(std::string* out, uint32_t v) {
  PutU16(out, static_cast<uint16_t>(v >> 16));
  PutU16(out, static_cast<uint16_t>(v));
}
void PutU64(std::string* out, uint64_t v) {
  PutU32(out, static_cast<uint32_t>(v >> 32));
  PutU32(out, static_cast<uint32_t>(v));
}

bool GetU16(std::string_view* in, uint16_t* v) {
  if (in->size() < 2) return false;
  auto b = reinterpret_cast<const unsigned char*>(in->data());
  *v = static_cast<uint16_t>(b[0] << 8 | b[1]);
  in->remove_prefix(2);
  return true;
}
bool GetU32(std::string_view* in, uint32_t* v) {
  uint16_t hi, lo;
  if (in->size() < 4) return false;
  GetU16(in, &hi);
  GetU16(in, &lo);
  *v = static_cast<uint32_t>(hi) << 16 | lo;
  return true;
}
bool GetU64(std::string_view* in, uint64_t* v) {
  uint32_t hi, lo;
  if (in->size() < 8) return false;
  GetU32(in, &hi);
  GetU32(in, &lo);
  *v = static_cast<uint64_t>(hi) << 32 | lo;
  return true;
}

bool IsPgSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view TrimPgSpace(std::string_view s) {
  while (!s.empty() && IsPgSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsPgSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<bool> ParseBoolText(std::string_view text) {
  std::string s = AsciiLower(TrimPgSpace(text));
  if (s.empty()) return std::nullopt;
  auto prefix_of = [&](std::string_view word, size_t min_len) {
    return s.size() >= min_len && s.size() <= word.size() && word.substr(0, s.size()) == s;
  };
  if (prefix_of("true", 1) || prefix_of("yes", 1) || prefix_of("on", 2) || s == "1") return true;
  if (prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) || s == "0") return false;
  return std::nullopt;
}

uint64_t HashBytes(std::string_view bytes) {
  // FNV-1a: stable across runs and platforms (hash joins only need
  // in-process consistency, but stable hashes make tests reproducible).
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t HashInt(int64_t v) {
  uint64_t x = static_cast<uint64_t>(v);
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

}  // namespace db9::types
