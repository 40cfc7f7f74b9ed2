// The string types: text, varchar(n), bpchar/char(n), name, "char" and
// unknown (untyped literals). All hold UTF-8 text in a string payload;
// comparison is bytewise (the "C" collation), bpchar ignoring trailing
// spaces as PostgreSQL does.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/text_util.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

constexpr int32_t kVarHdrSz = 4;
constexpr size_t kNameDataLen = 64;

// varchar(n) / bpchar(n) length coercion. Implicit/assignment: excess
// characters must all be spaces, else 22001; explicit casts truncate.
Result<std::string> FitLength(const TypeInfo& self, std::string s, int32_t typmod,
                              bool is_explicit) {
  if (typmod < kVarHdrSz) return s;
  size_t max = static_cast<size_t>(typmod - kVarHdrSz);
  size_t len = Utf8Length(s);
  if (len > max) {
    size_t cut = Utf8Offset(s, max);
    if (!is_explicit && s.find_first_not_of(' ', cut) != std::string::npos) {
      return Status::Error(sqlstate::kStringDataRightTruncation,
                           "value too long for type " + self.sql_name + "(" +
                               std::to_string(max) + ")");
    }
    s.resize(cut);
    len = max;
  }
  if (self.oid == oid::kBpchar && len < max) s.append(max - len, ' ');
  return s;
}

Result<Value> TextIn(const TypeInfo& self, std::string_view text, int32_t typmod,
                     const IoContext&) {
  DB9_RETURN_IF_ERROR(ValidateUtf8(text));
  std::string s(text);
  if (self.oid == oid::kName && s.size() >= kNameDataLen) {
    // NAMEDATALEN - 1 bytes, cut at a character boundary.
    size_t cut = kNameDataLen - 1;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
  }
  DB9_ASSIGN_OR_RETURN(s, FitLength(self, std::move(s), typmod, false));
  return Value::OfString(self.oid, std::move(s));
}

Result<std::string> TextOut(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

Result<Value> TextRecv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                       const IoContext& io) {
  return TextIn(self, bytes, typmod, io);
}

Result<Value> ApplyLength(const TypeInfo& self, const Value& v, int32_t typmod,
                          bool is_explicit) {
  DB9_ASSIGN_OR_RETURN(std::string s, FitLength(self, v.as_string(), typmod, is_explicit));
  return Value::OfString(self.oid, std::move(s));
}

Result<int32_t> LengthTypmodIn(const TypeInfo& self, const std::vector<int32_t>& mods) {
  if (mods.size() != 1) {
    return Status::Error(sqlstate::kInvalidParameterValue, "invalid type modifier");
  }
  if (mods[0] < 1) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "length for type " + self.name + " must be at least 1");
  }
  if (mods[0] > 10485760) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "length for type " + self.name + " cannot exceed 10485760");
  }
  return mods[0] + kVarHdrSz;
}

std::string LengthTypmodOut(const TypeInfo&, int32_t typmod) {
  if (typmod < kVarHdrSz) return "";
  std::string out = "(";
  out += std::to_string(typmod - kVarHdrSz);
  out += ')';
  return out;
}

std::string_view StripTrailingSpaces(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

int BpcharCompare(const TypeInfo&, const Value& a, const Value& b) {
  int c = StripTrailingSpaces(a.as_string()).compare(StripTrailingSpaces(b.as_string()));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

uint64_t BpcharHash(const TypeInfo&, const Value& v) {
  return HashBytes(StripTrailingSpaces(v.as_string()));
}

void BpcharKey(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  keyenc::AppendBytes(out, StripTrailingSpaces(v.as_string()), dir);
}

// "char": one byte; output escapes bytes with the high bit as \ooo.
Result<Value> CharIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  if (text.size() == 4 && text[0] == '\\' && text[1] >= '0' && text[1] <= '3' &&
      text[2] >= '0' && text[2] <= '7' && text[3] >= '0' && text[3] <= '7') {
    char c = static_cast<char>((text[1] - '0') * 64 + (text[2] - '0') * 8 + (text[3] - '0'));
    return Value::OfString(oid::kChar, std::string(1, c));
  }
  return Value::OfString(oid::kChar, text.empty() ? std::string() : std::string(1, text[0]));
}

Result<std::string> CharOut(const TypeInfo&, const Value& v, const IoContext&) {
  const std::string& s = v.as_string();
  if (s.empty() || s[0] == '\0') return std::string();
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 0x80) {
    return std::string{'\\', static_cast<char>('0' + (c >> 6)),
                       static_cast<char>('0' + ((c >> 3) & 7)), static_cast<char>('0' + (c & 7))};
  }
  return std::string(1, s[0]);
}

Result<Value> CharRecv(const TypeInfo&, std::string_view bytes, int32_t, const IoContext&) {
  return Value::OfString(oid::kChar, bytes.empty() ? std::string() : std::string(1, bytes[0]));
}

Result<std::string> CharSend(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string().empty() ? std::string(1, '\0') : v.as_string().substr(0, 1);
}

TypeInfo StringEntry(Oid oid, const char* name, const char* sql_name, Oid array,
                     bool preferred) {
  TypeInfo t = BuiltinTypeEntry(oid, name, sql_name, -1, category::kString, array, preferred);
  t.input = TextIn;
  t.output = TextOut;
  t.receive = TextRecv;
  t.send = SendRawString;
  t.compare = CompareBytes;
  t.hash = HashBytesValue;
  t.key_encode = KeyEncodeBytes;
  t.key_decode = KeyDecodeBytes;
  return t;
}

}  // namespace

Status RegisterStringTypes(TypeRegistry& r) {
  DB9_RETURN_IF_ERROR(r.Register(StringEntry(oid::kText, "text", "text", oid::kTextArray, true)));

  TypeInfo varchar =
      StringEntry(oid::kVarchar, "varchar", "character varying", oid::kVarcharArray, false);
  varchar.apply_typmod = ApplyLength;
  varchar.typmod_in = LengthTypmodIn;
  varchar.typmod_out = LengthTypmodOut;
  DB9_RETURN_IF_ERROR(r.Register(std::move(varchar)));

  TypeInfo bpchar = StringEntry(oid::kBpchar, "bpchar", "character", 1014, false);
  bpchar.apply_typmod = ApplyLength;
  bpchar.typmod_in = LengthTypmodIn;
  bpchar.typmod_out = LengthTypmodOut;
  bpchar.compare = BpcharCompare;
  bpchar.hash = BpcharHash;
  bpchar.key_encode = BpcharKey;
  DB9_RETURN_IF_ERROR(r.Register(std::move(bpchar)));

  TypeInfo name = StringEntry(oid::kName, "name", "name", 1003, false);
  name.typlen = 64;
  name.align = 'c';
  name.category = category::kString;
  DB9_RETURN_IF_ERROR(r.Register(std::move(name)));

  TypeInfo ch = StringEntry(oid::kChar, "char", "\"char\"", 1002, false);
  ch.typlen = 1;
  ch.byval = true;
  ch.align = 'c';
  ch.category = 'Z';  // PostgreSQL's internal-use category for "char"
  ch.input = CharIn;
  ch.output = CharOut;
  ch.receive = CharRecv;
  ch.send = CharSend;
  DB9_RETURN_IF_ERROR(r.Register(std::move(ch)));

  TypeInfo unknown = StringEntry(oid::kUnknown, "unknown", "unknown", oid::kInvalid, false);
  unknown.typlen = -2;
  unknown.align = 'c';
  unknown.category = category::kUnknown;
  return r.Register(std::move(unknown));
}

}  // namespace db9::types
