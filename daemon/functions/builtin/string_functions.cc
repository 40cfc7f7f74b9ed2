// String functions on text (varchar, bpchar and name reach them through
// implicit casts). Positions and lengths count characters (UTF-8).
#include <openssl/evp.h>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/text_case.h"
#include "daemon/types/text_util.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::Utf8Length;
using types::Utf8Offset;

Value Text(std::string s) { return Value::Text(std::move(s)); }

// Characters [start, start+count) with 1-based start, clamped, as
// PostgreSQL's text_substr (a start before 1 eats into the count).
std::string Substr(const std::string& s, int64_t start, int64_t count, bool has_count) {
  int64_t end = has_count ? start + count : INT64_MAX;
  if (has_count && count >= 0 && start > INT64_MAX - count) end = INT64_MAX;
  int64_t from = std::max<int64_t>(start, 1);
  if (end <= from) return "";
  size_t b = Utf8Offset(s, static_cast<size_t>(from - 1));
  if (end == INT64_MAX) return s.substr(b);
  size_t e = Utf8Offset(s, static_cast<size_t>(end - 1));
  return s.substr(b, e - b);
}

Status NegativeLength() {
  return Status::Error("22011", "negative substring length not allowed");
}

// Character index (1-based) of needle in hay, 0 if absent.
int64_t StrPos(const std::string& hay, const std::string& needle) {
  size_t at = hay.find(needle);
  if (at == std::string::npos) return 0;
  return static_cast<int64_t>(Utf8Length(std::string_view(hay).substr(0, at))) + 1;
}

bool IsTrimChar(std::string_view set, std::string_view ch) {
  for (size_t i = 0; i < set.size();) {
    size_t n = types::Utf8CharLen(static_cast<unsigned char>(set[i]));
    if (set.substr(i, n) == ch) return true;
    i += n;
  }
  return false;
}

std::string Trim(const std::string& s, std::string_view set, bool left, bool right) {
  size_t b = 0, e = s.size();
  while (left && b < e) {
    size_t n = types::Utf8CharLen(static_cast<unsigned char>(s[b]));
    if (!IsTrimChar(set, std::string_view(s).substr(b, n))) break;
    b += n;
  }
  while (right && e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (!IsTrimChar(set, std::string_view(s).substr(start, e - start))) break;
    e = start;
  }
  return s.substr(b, e - b);
}

std::string Pad(const std::string& s, int64_t len, const std::string& fill, bool left) {
  if (len <= 0) return "";
  size_t have = Utf8Length(s);
  if (have >= static_cast<size_t>(len)) return s.substr(0, Utf8Offset(s, static_cast<size_t>(len)));
  if (fill.empty()) return s;
  std::string pad;
  size_t need = static_cast<size_t>(len) - have;
  size_t fill_len = Utf8Length(fill);
  while (need >= fill_len) {
    pad += fill;
    need -= fill_len;
  }
  pad += fill.substr(0, Utf8Offset(fill, need));
  return left ? pad + s : s + pad;
}

Result<std::string> Md5Hex(const std::string& s) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), digest, &len, EVP_md5(), nullptr) != 1) {
    return Status::Internal("md5 failed");
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

Status Basics(Registries& r) {
  const Oid t = oid::kText, i4 = oid::kInt4;
  for (const char* name : {"length", "char_length", "character_length"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {t}, i4, [](FunctionContext&, Args a) -> Result<Value> {
      return Value::Int4(static_cast<int64_t>(Utf8Length(a[0].as_string())));
    }));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "length", {oid::kBytea}, i4, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Int4(static_cast<int64_t>(a[0].as_string().size()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "octet_length", {t}, i4, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Int4(static_cast<int64_t>(a[0].as_string().size()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "lower", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Text(ToLowerUtf8(a[0].as_string()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "upper", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Text(ToUpperUtf8(a[0].as_string()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "initcap", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Text(InitCapUtf8(a[0].as_string()));
  }));
  for (const char* name : {"substring", "substr"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {t, i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
      return Text(Substr(a[0].as_string(), a[1].as_int(), 0, false));
    }));
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {t, i4, i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
      if (a[2].as_int() < 0) return NegativeLength();
      return Text(Substr(a[0].as_string(), a[1].as_int(), a[2].as_int(), true));
    }));
  }
  for (const char* name : {"position", "strpos"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {t, t}, i4, [](FunctionContext&, Args a) -> Result<Value> {
      return Value::Int4(StrPos(a[0].as_string(), a[1].as_string()));
    }));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "starts_with", {t, t}, oid::kBool, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Bool(a[0].as_string().starts_with(a[1].as_string()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "md5", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(std::string h, Md5Hex(a[0].as_string()));
    return Text(std::move(h));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "md5", {oid::kBytea}, t, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(std::string h, Md5Hex(a[0].as_string()));
    return Text(std::move(h));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "ascii", {t}, i4, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& s = a[0].as_string();
    if (s.empty()) return Value::Int4(0);
    return Value::Int4(DecodeUtf8At(s, 0));
  }));
  return AddFunction(r, "chr", {i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
    int64_t c = a[0].as_int();
    if (c == 0) return Status::Error("54000", "null character not permitted");
    if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      return Status::Error("54000", "requested character too large for encoding: " + std::to_string(c));
    }
    return Text(EncodeUtf8(static_cast<char32_t>(c)));
  });
}

Status TrimPadEdit(Registries& r) {
  const Oid t = oid::kText, i4 = oid::kInt4;
  struct TrimFn {
    const char* name;
    bool left, right;
  };
  for (TrimFn f : {TrimFn{"btrim", true, true}, TrimFn{"ltrim", true, false}, TrimFn{"rtrim", false, true}}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, f.name, {t}, t, [f](FunctionContext&, Args a) -> Result<Value> {
      return Text(Trim(a[0].as_string(), " ", f.left, f.right));
    }));
    DB9_RETURN_IF_ERROR(AddFunction(r, f.name, {t, t}, t, [f](FunctionContext&, Args a) -> Result<Value> {
      return Text(Trim(a[0].as_string(), a[1].as_string(), f.left, f.right));
    }));
  }
  for (bool left : {true, false}) {
    const char* name = left ? "lpad" : "rpad";
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {t, i4}, t, [left](FunctionContext&, Args a) -> Result<Value> {
      return Text(Pad(a[0].as_string(), a[1].as_int(), " ", left));
    }));
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {t, i4, t}, t, [left](FunctionContext&, Args a) -> Result<Value> {
      return Text(Pad(a[0].as_string(), a[1].as_int(), a[2].as_string(), left));
    }));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "left", {t, i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& s = a[0].as_string();
    int64_t n = a[1].as_int();
    int64_t len = static_cast<int64_t>(Utf8Length(s));
    int64_t keep = n >= 0 ? std::min(n, len) : std::max<int64_t>(len + n, 0);
    return Text(s.substr(0, Utf8Offset(s, static_cast<size_t>(keep))));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "right", {t, i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& s = a[0].as_string();
    int64_t n = a[1].as_int();
    int64_t len = static_cast<int64_t>(Utf8Length(s));
    int64_t skip = n >= 0 ? std::max<int64_t>(len - n, 0) : std::min(-n, len);
    return Text(s.substr(Utf8Offset(s, static_cast<size_t>(skip))));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "repeat", {t, i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
    int64_t n = a[1].as_int();
    const std::string& s = a[0].as_string();
    if (n <= 0 || s.empty()) return Text("");
    if (static_cast<uint64_t>(n) * s.size() > (1u << 30)) {
      return Status::Error("54000", "requested length too large");
    }
    std::string out;
    out.reserve(s.size() * n);
    for (int64_t i = 0; i < n; ++i) out += s;
    return Text(std::move(out));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "reverse", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& s = a[0].as_string();
    std::string out;
    for (size_t i = s.size(); i > 0;) {
      size_t start = i - 1;
      while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      out += s.substr(start, i - start);
      i = start;
    }
    return Text(std::move(out));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "replace", {t, t, t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& s = a[0].as_string();
    const std::string& from = a[1].as_string();
    const std::string& to = a[2].as_string();
    if (from.empty()) return Text(s);
    std::string out;
    size_t pos = 0;
    for (size_t at; (at = s.find(from, pos)) != std::string::npos; pos = at + from.size()) {
      out.append(s, pos, at - pos);
      out += to;
    }
    out.append(s, pos);
    return Text(std::move(out));
  }));
  return AddFunction(r, "split_part", {t, t, i4}, t, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& s = a[0].as_string();
    const std::string& delim = a[1].as_string();
    int64_t n = a[2].as_int();
    if (n == 0) return Status::Error(sqlstate::kInvalidParameterValue, "field position must not be zero");
    std::vector<std::string> parts;
    if (delim.empty()) {
      parts.push_back(s);
    } else {
      size_t pos = 0;
      for (size_t at; (at = s.find(delim, pos)) != std::string::npos; pos = at + delim.size()) {
        parts.push_back(s.substr(pos, at - pos));
      }
      parts.push_back(s.substr(pos));
    }
    if (s.empty()) return Text("");
    int64_t count = static_cast<int64_t>(parts.size());
    int64_t idx = n > 0 ? n - 1 : count + n;
    if (idx < 0 || idx >= count) return Text("");
    return Text(parts[static_cast<size_t>(idx)]);
  });
}

}  // namespace

Status RegisterStringFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(Basics(r));
  DB9_RETURN_IF_ERROR(TrimPadEdit(r));
  DB9_RETURN_IF_ERROR(RegisterStringOctets(r));
  return RegisterStringFormatting(r);
}

}  // namespace db9::functions
