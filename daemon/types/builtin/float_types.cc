// float4 and float8 (double payload; float4 values are kept rounded to
// float). Input as PostgreSQL's float8in: strtod plus the spellings
// NaN/Infinity/inf, 22003 when the value overflows or underflows to zero.
#include <cerrno>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/float_format.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

bool IsFloat4(const TypeInfo& t) { return t.oid == oid::kFloat4; }

Result<Value> FloatIn(const TypeInfo& self, std::string_view text, int32_t, const IoContext&) {
  std::string s(TrimPgSpace(text));
  std::string lower = AsciiLower(s);
  double v;
  if (lower == "nan" || lower == "+nan" || lower == "-nan") {
    v = std::nan("");
  } else if (lower == "infinity" || lower == "+infinity" || lower == "inf" || lower == "+inf") {
    v = HUGE_VAL;
  } else if (lower == "-infinity" || lower == "-inf") {
    v = -HUGE_VAL;
  } else {
    if (s.empty()) return InvalidInputSyntax(self.sql_name, text);
    // Only decimal syntax: strtod would also take hex floats and "nan(...)".
    for (char c : s) {
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' ||
            c == '+' || c == '-')) {
        return InvalidInputSyntax(self.sql_name, text);
      }
    }
    errno = 0;
    char* end = nullptr;
    if (IsFloat4(self)) {
      float f = std::strtof(s.c_str(), &end);
      v = f;
    } else {
      v = std::strtod(s.c_str(), &end);
    }
    if (end != s.c_str() + s.size()) return InvalidInputSyntax(self.sql_name, text);
    if (errno == ERANGE && (v == 0 || std::isinf(v))) {
      return Status::Error(sqlstate::kNumericValueOutOfRange,
                           "\"" + s + "\" is out of range for type " + self.sql_name);
    }
  }
  return Value::Of(self.oid, v);
}

Result<std::string> FloatOut(const TypeInfo& self, const Value& v, const IoContext& io) {
  if (IsFloat4(self)) return FormatFloat4(static_cast<float>(v.as_double()), io.extra_float_digits);
  return FormatFloat8(v.as_double(), io.extra_float_digits);
}

Result<Value> FloatRecv(const TypeInfo& self, std::string_view bytes, int32_t, const IoContext&) {
  if (IsFloat4(self)) {
    uint32_t u;
    if (bytes.size() != 4 || !GetU32(&bytes, &u)) return InvalidBinary("incorrect binary data format");
    float f;
    std::memcpy(&f, &u, 4);
    return Value::Float4(f);
  }
  uint64_t u;
  if (bytes.size() != 8 || !GetU64(&bytes, &u)) return InvalidBinary("incorrect binary data format");
  double d;
  std::memcpy(&d, &u, 8);
  return Value::Float8(d);
}

Result<std::string> FloatSend(const TypeInfo& self, const Value& v, const IoContext&) {
  std::string out;
  if (IsFloat4(self)) {
    float f = static_cast<float>(v.as_double());
    uint32_t u;
    std::memcpy(&u, &f, 4);
    PutU32(&out, u);
  } else {
    double d = v.as_double();
    uint64_t u;
    std::memcpy(&u, &d, 8);
    PutU64(&out, u);
  }
  return out;
}

// PostgreSQL: NaN equals NaN and sorts above everything; -0 equals 0.
int FloatCompare(const TypeInfo&, const Value& a, const Value& b) {
  double x = a.as_double(), y = b.as_double();
  if (std::isnan(x)) return std::isnan(y) ? 0 : 1;
  if (std::isnan(y)) return -1;
  return Cmp3(x, y);
}

uint64_t FloatHash(const TypeInfo&, const Value& v) {
  double d = v.as_double();
  if (d == 0) d = 0;  // -0 hashes as 0
  if (std::isnan(d)) return HashInt(0x7ff8000000000000LL);
  int64_t bits;
  std::memcpy(&bits, &d, 8);
  return HashInt(bits);
}

void FloatKey(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  keyenc::AppendDouble(out, v.as_double(), dir);
}

Result<Value> FloatKeyDecode(const TypeInfo& self, keyenc::KeyDecoder& in,
                             keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(double v, in.ReadDouble(dir));
  return Value::Of(self.oid, v);
}

TypeInfo FloatEntry(Oid oid, const char* name, const char* sql_name, int16_t len, Oid array,
                    bool preferred) {
  TypeInfo t = BuiltinTypeEntry(oid, name, sql_name, len, category::kNumeric, array, preferred);
  t.input = FloatIn;
  t.output = FloatOut;
  t.receive = FloatRecv;
  t.send = FloatSend;
  t.compare = FloatCompare;
  t.hash = FloatHash;
  t.key_encode = FloatKey;
  t.key_decode = FloatKeyDecode;
  return t;
}

}  // namespace

Status RegisterFloatTypes(TypeRegistry& r) {
  DB9_RETURN_IF_ERROR(
      r.Register(FloatEntry(oid::kFloat4, "float4", "real", 4, oid::kFloat4Array, false)));
  // float8 is the preferred type of the numeric category, as in PostgreSQL.
  return r.Register(
      FloatEntry(oid::kFloat8, "float8", "double precision", 8, oid::kFloat8Array, true));
}

}  // namespace db9::types
