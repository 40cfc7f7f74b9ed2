// bytea (hex output "\x...", hex or escape input) and uuid (16 bytes).
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kHexDigits[] = "0123456789abcdef";

Result<Value> ByteaIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  std::string out;
  if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x') {
    for (size_t i = 2; i < text.size();) {
      if (IsPgSpace(text[i])) {
        ++i;
        continue;
      }
      int hi = HexValue(text[i]);
      if (hi < 0) {
        return Status::Error(sqlstate::kInvalidParameterValue,
                             "invalid hexadecimal digit: \"" + std::string(1, text[i]) + "\"");
      }
      if (i + 1 >= text.size()) {
        return Status::Error(sqlstate::kInvalidParameterValue,
                             "invalid hexadecimal data: odd number of digits");
      }
      int lo = HexValue(text[i + 1]);
      if (lo < 0) {
        return Status::Error(sqlstate::kInvalidParameterValue,
                             "invalid hexadecimal digit: \"" + std::string(1, text[i + 1]) + "\"");
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    }
    return Value::OfString(oid::kBytea, std::move(out));
  }
  // Escape format: \\ is a backslash, \ooo an octal byte, anything else as is.
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '\\') {
      out.push_back(text[i++]);
    } else if (i + 1 < text.size() && text[i + 1] == '\\') {
      out.push_back('\\');
      i += 2;
    } else if (i + 3 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '3' &&
               text[i + 2] >= '0' && text[i + 2] <= '7' && text[i + 3] >= '0' &&
               text[i + 3] <= '7') {
      out.push_back(static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 +
                                      (text[i + 3] - '0')));
      i += 4;
    } else {
      return InvalidInputSyntax("bytea", text);
    }
  }
  return Value::OfString(oid::kBytea, std::move(out));
}

Result<std::string> ByteaOut(const TypeInfo&, const Value& v, const IoContext&) {
  const std::string& s = v.as_string();
  std::string out = "\\x";
  out.reserve(2 + s.size() * 2);
  for (unsigned char c : s) {
    out.push_back(kHexDigits[c >> 4]);
    out.push_back(kHexDigits[c & 15]);
  }
  return out;
}

Result<Value> ByteaRecv(const TypeInfo&, std::string_view bytes, int32_t, const IoContext&) {
  return Value::OfString(oid::kBytea, std::string(bytes));
}

// uuid: 32 hex digits, optionally in braces, with a hyphen allowed after
// any group of four digits (PostgreSQL's string_to_uuid).
Result<Value> UuidIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  std::string_view s = text;
  bool braces = !s.empty() && s[0] == '{';
  if (braces) s.remove_prefix(1);
  std::string out;
  size_t i = 0;
  for (int byte = 0; byte < 16; ++byte) {
    if (byte > 0 && byte % 2 == 0 && i < s.size() && s[i] == '-') ++i;
    int hi = i < s.size() ? HexValue(s[i]) : -1;
    int lo = i + 1 < s.size() ? HexValue(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) return InvalidInputSyntax("uuid", text);
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  if (braces) {
    if (i >= s.size() || s[i] != '}') return InvalidInputSyntax("uuid", text);
    ++i;
  }
  if (i != s.size()) return InvalidInputSyntax("uuid", text);
  return Value::OfString(oid::kUuid, std::move(out));
}

Result<std::string> UuidOut(const TypeInfo&, const Value& v, const IoContext&) {
  const std::string& s = v.as_string();
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    unsigned char c = static_cast<unsigned char>(s[i]);
    out.push_back(kHexDigits[c >> 4]);
    out.push_back(kHexDigits[c & 15]);
  }
  return out;
}

Result<Value> UuidRecv(const TypeInfo&, std::string_view bytes, int32_t, const IoContext&) {
  if (bytes.size() != 16) return InvalidBinary("incorrect binary data format");
  return Value::OfString(oid::kUuid, std::string(bytes));
}

}  // namespace

Status RegisterByteaType(TypeRegistry& r) {
  TypeInfo t;
  t.oid = oid::kBytea;
  t.name = "bytea";
  t.typlen = -1;
  t.category = category::kUser;
  t.array_oid = 1001;
  t.input = ByteaIn;
  t.output = ByteaOut;
  t.receive = ByteaRecv;
  t.send = SendRawString;
  t.compare = CompareBytes;
  t.hash = HashBytesValue;
  t.key_encode = KeyEncodeBytes;
  t.key_decode = KeyDecodeBytes;
  return r.Register(std::move(t));
}

Status RegisterUuidType(TypeRegistry& r) {
  TypeInfo t;
  t.oid = oid::kUuid;
  t.name = "uuid";
  t.typlen = 16;
  t.align = 'c';
  t.category = category::kUser;
  t.array_oid = 2951;
  t.input = UuidIn;
  t.output = UuidOut;
  t.receive = UuidRecv;
  t.send = SendRawString;
  t.compare = CompareBytes;
  t.hash = HashBytesValue;
  t.key_encode = KeyEncodeBytes;
  t.key_decode = KeyDecodeBytes;
  return r.Register(std::move(t));
}

}  // namespace db9::types
