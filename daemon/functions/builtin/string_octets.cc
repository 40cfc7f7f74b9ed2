// Byte-level string functions: octet_length / bit_length of text, bpchar
// and bytea, to_hex, convert_to / convert_from, and overlay.
#include <algorithm>
#include <cctype>

#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/text_case.h"
#include "daemon/types/text_util.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

// Only UTF-8 exists here (server_encoding); PostgreSQL spells it several ways.
Status CheckUtf8(const std::string& name) {
  std::string n;
  for (char c : name) {
    if (c != '-' && c != '_') n.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (n == "utf8" || n == "unicode") return Status::OK();
  if (n == "sqlascii") return Status::OK();  // bytes as they are
  return Status::Error(sqlstate::kInvalidParameterValue,
                       "invalid destination encoding name \"" + name + "\"");
}

std::string ToHex(uint64_t v) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kHex[v & 15]);
    v >>= 4;
  } while (v != 0);
  return out;
}

// overlay(s PLACING r FROM start FOR count): s's characters before start,
// then r, then s's characters from start + count on (PostgreSQL text_overlay).
Result<Value> Overlay(const std::string& s, const std::string& r, int64_t start, int64_t count) {
  if (start < 1 || count < 0) {
    return Status::Error("22011", "negative substring length not allowed");
  }
  size_t len = types::Utf8Length(s);
  auto offset = [&](int64_t chars) {
    return types::Utf8Offset(s, static_cast<size_t>(std::min<int64_t>(chars, static_cast<int64_t>(len))));
  };
  int64_t rest = start > INT64_MAX - count ? INT64_MAX : start + count;
  std::string out = s.substr(0, offset(start - 1)) + r;
  if (rest - 1 < static_cast<int64_t>(len)) out += s.substr(offset(rest - 1));
  return Value::Text(std::move(out));
}

}  // namespace

Status RegisterStringOctets(Registries& r) {
  const Oid t = oid::kText, i4 = oid::kInt4;
  // bpchar keeps its padding here (octet_length('ab'::char(5)) is 5), unlike
  // length(), which reaches the text overload through the trimming cast.
  for (Oid type : {oid::kBpchar, oid::kBytea}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, "octet_length", {type}, i4, [](FunctionContext&, Args a) -> Result<Value> {
      return Value::Int4(static_cast<int64_t>(a[0].as_string().size()));
    }));
  }
  for (Oid type : {t, oid::kBytea}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, "bit_length", {type}, i4, [](FunctionContext&, Args a) -> Result<Value> {
      return Value::Int4(static_cast<int64_t>(a[0].as_string().size()) * 8);
    }));
  }
  // to_hex prints the two's complement of negative numbers at the type's width.
  DB9_RETURN_IF_ERROR(AddFunction(r, "to_hex", {i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Text(ToHex(static_cast<uint32_t>(a[0].as_int())));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "to_hex", {oid::kInt8}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Text(ToHex(static_cast<uint64_t>(a[0].as_int())));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "convert_to", {t, oid::kName}, oid::kBytea, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_RETURN_IF_ERROR(CheckUtf8(a[1].as_string()));
    return Value::OfString(oid::kBytea, a[0].as_string());
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "convert_from", {oid::kBytea, oid::kName}, t, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_RETURN_IF_ERROR(CheckUtf8(a[1].as_string()));
    DB9_RETURN_IF_ERROR(types::ValidateUtf8(a[0].as_string()));
    return Value::Text(a[0].as_string());
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "overlay", {t, t, i4, i4}, t, [](FunctionContext&, Args a) {
    return Overlay(a[0].as_string(), a[1].as_string(), a[2].as_int(), a[3].as_int());
  }));
  return AddFunction(r, "overlay", {t, t, i4}, t, [](FunctionContext&, Args a) {
    const std::string& r = a[1].as_string();
    return Overlay(a[0].as_string(), r, a[2].as_int(), static_cast<int64_t>(types::Utf8Length(r)));
  });
}

}  // namespace db9::functions
