// encode(bytea, format) / decode(text, format) for the hex, base64 and
// escape formats, and translate(text, from, to). Byte-for-byte as
// PostgreSQL's encode.c: base64 lines break after 76 characters, decoders
// skip whitespace, and the error texts are PostgreSQL's (22023, 22P02).
#include <string>
#include <string_view>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/text_util.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Status InvalidParameter(std::string message) {
  return Status::Error("22023", std::move(message));
}

// The (possibly multibyte) character at s[i], for error messages.
std::string CharAt(std::string_view s, size_t i) {
  size_t len = std::min(types::Utf8CharLen(static_cast<unsigned char>(s[i])), s.size() - i);
  return std::string(s.substr(i, len == 0 ? 1 : len));
}

bool IsEncodingSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string HexEncode(std::string_view in) {
  std::string out;
  out.reserve(in.size() * 2);
  for (unsigned char c : in) {
    out.push_back(kHexDigits[c >> 4]);
    out.push_back(kHexDigits[c & 15]);
  }
  return out;
}

Result<int> HexValue(std::string_view s, size_t i) {
  char c = s[i];
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return InvalidParameter("invalid hexadecimal digit: \"" + CharAt(s, i) + "\"");
}

Result<std::string> HexDecode(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size();) {
    if (IsEncodingSpace(in[i])) {
      ++i;
      continue;
    }
    DB9_ASSIGN_OR_RETURN(int hi, HexValue(in, i));
    if (++i >= in.size()) return InvalidParameter("invalid hexadecimal data: odd number of digits");
    DB9_ASSIGN_OR_RETURN(int lo, HexValue(in, i));
    ++i;
    out.push_back(static_cast<char>(hi << 4 | lo));
  }
  return out;
}

std::string Base64Encode(std::string_view in) {
  std::string out;
  size_t line_start = 0;
  uint32_t buf = 0;
  int pos = 2;
  for (unsigned char c : in) {
    buf |= static_cast<uint32_t>(c) << (pos << 3);
    if (--pos < 0) {
      for (int shift : {18, 12, 6, 0}) out.push_back(kBase64[(buf >> shift) & 0x3f]);
      pos = 2;
      buf = 0;
    }
    if (out.size() - line_start >= 76) {
      out.push_back('\n');
      line_start = out.size();
    }
  }
  if (pos != 2) {
    out.push_back(kBase64[(buf >> 18) & 0x3f]);
    out.push_back(kBase64[(buf >> 12) & 0x3f]);
    out.push_back(pos == 0 ? kBase64[(buf >> 6) & 0x3f] : '=');
    out.push_back('=');
  }
  return out;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Result<std::string> Base64Decode(std::string_view in) {
  std::string out;
  uint32_t buf = 0;
  int pos = 0, end = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (IsEncodingSpace(c)) continue;
    int b = 0;
    if (c == '=') {
      // Padding: "xx==" ends after one byte, "xxx=" after two.
      if (end == 0) {
        if (pos == 2) end = 1;
        else if (pos == 3) end = 2;
        else return InvalidParameter("unexpected \"=\" while decoding base64 sequence");
      }
    } else {
      b = Base64Value(c);
      if (b < 0) {
        return InvalidParameter("invalid symbol \"" + CharAt(in, i) +
                                "\" found while decoding base64 sequence");
      }
    }
    buf = (buf << 6) + static_cast<uint32_t>(b);
    if (++pos == 4) {
      out.push_back(static_cast<char>((buf >> 16) & 255));
      if (end == 0 || end > 1) out.push_back(static_cast<char>((buf >> 8) & 255));
      if (end == 0 || end > 2) out.push_back(static_cast<char>(buf & 255));
      buf = 0;
      pos = 0;
    }
  }
  if (pos != 0) {
    return InvalidParameter("invalid base64 end sequence")
        .WithHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
  }
  return out;
}

// NUL and bytes >= 0x80 as \ooo, backslash doubled, the rest as is.
std::string EscapeEncode(std::string_view in) {
  std::string out;
  for (unsigned char c : in) {
    if (c == 0 || c >= 0x80) {
      out.push_back('\\');
      out.push_back(static_cast<char>('0' + (c >> 6)));
      out.push_back(static_cast<char>('0' + ((c >> 3) & 7)));
      out.push_back(static_cast<char>('0' + (c & 7)));
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

Result<std::string> EscapeDecode(std::string_view in) {
  std::string out;
  auto octal = [](char c, char max) { return c >= '0' && c <= max; };
  for (size_t i = 0; i < in.size();) {
    if (in[i] != '\\') {
      out.push_back(in[i++]);
    } else if (i + 3 < in.size() && octal(in[i + 1], '3') && octal(in[i + 2], '7') &&
               octal(in[i + 3], '7')) {
      out.push_back(static_cast<char>((in[i + 1] - '0') << 6 | (in[i + 2] - '0') << 3 |
                                      (in[i + 3] - '0')));
      i += 4;
    } else if (i + 1 < in.size() && in[i + 1] == '\\') {
      out.push_back('\\');
      i += 2;
    } else {
      return Status::Error(sqlstate::kInvalidTextRepresentation,
                           "invalid input syntax for type bytea");
    }
  }
  return out;
}

Status UnknownFormat(std::string_view format) {
  return InvalidParameter("unrecognized encoding: \"" + std::string(format) + "\"");
}

Result<Value> Encode(FunctionContext&, Args a) {
  std::string_view bytes = a[0].as_string();
  std::string_view format = a[1].as_string();
  if (format == "hex") return Value::Text(HexEncode(bytes));
  if (format == "base64") return Value::Text(Base64Encode(bytes));
  if (format == "escape") return Value::Text(EscapeEncode(bytes));
  return UnknownFormat(format);
}

Result<Value> Decode(FunctionContext&, Args a) {
  std::string_view text = a[0].as_string();
  std::string_view format = a[1].as_string();
  Result<std::string> out = format == "hex"      ? HexDecode(text)
                            : format == "base64" ? Base64Decode(text)
                            : format == "escape" ? EscapeDecode(text)
                                                 : Result<std::string>(UnknownFormat(format));
  if (!out.ok()) return out.status();
  return Value::OfString(oid::kBytea, std::move(*out));
}

// translate(string, from, to): each character found in `from` becomes the
// character at the same position in `to`, or is dropped when `to` is
// shorter. Characters, not bytes (UTF-8).
Result<Value> Translate(FunctionContext&, Args a) {
  std::string_view s = a[0].as_string(), from = a[1].as_string(), to = a[2].as_string();
  auto next = [](std::string_view str, size_t i) {
    return std::min(i + std::max<size_t>(1, types::Utf8CharLen(static_cast<unsigned char>(str[i]))),
                    str.size());
  };
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t e = next(s, i);
    std::string_view ch = s.substr(i, e - i);
    size_t index = 0;
    bool found = false;
    size_t j = 0;
    for (; j < from.size(); ++index) {
      size_t fe = next(from, j);
      if (from.substr(j, fe - j) == ch) {
        found = true;
        break;
      }
      j = fe;
    }
    if (!found) {
      out += ch;
    } else {
      size_t k = 0;
      for (size_t n = 0; n < index && k < to.size(); ++n) k = next(to, k);
      if (k < to.size()) out += to.substr(k, next(to, k) - k);
    }
    i = e;
  }
  return Value::Text(std::move(out));
}

}  // namespace

Status RegisterEncodingFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "encode", {oid::kBytea, oid::kText}, oid::kText, Encode));
  DB9_RETURN_IF_ERROR(AddFunction(r, "decode", {oid::kText, oid::kText}, oid::kBytea, Decode));
  return AddFunction(r, "translate", {oid::kText, oid::kText, oid::kText}, oid::kText, Translate);
}

}  // namespace db9::functions
