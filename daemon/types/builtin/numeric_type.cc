// numeric: arbitrary precision decimal (numeric.h has the arithmetic and
// the payload definition). Typmod numeric(p,s) as PostgreSQL 15.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/numeric.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Result<Value> NumericIn(const TypeInfo&, std::string_view text, int32_t typmod,
                        const IoContext&) {
  DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::Parse(text));
  DB9_ASSIGN_OR_RETURN(n, n.ApplyTypmod(typmod));
  return n.ToValue();
}

Result<std::string> NumericOut(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

Result<Value> NumericRecv(const TypeInfo&, std::string_view bytes, int32_t typmod,
                          const IoContext&) {
  DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromPgBinary(bytes));
  DB9_ASSIGN_OR_RETURN(n, n.ApplyTypmod(typmod));
  return n.ToValue();
}

Result<std::string> NumericSend(const TypeInfo&, const Value& v, const IoContext&) {
  DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(v));
  return n.ToPgBinary();
}

int NumericCompare(const TypeInfo&, const Value& a, const Value& b) {
  Result<Numeric> x = Numeric::FromValue(a), y = Numeric::FromValue(b);
  if (!x.ok() || !y.ok()) return Cmp3(a.as_string(), b.as_string());
  return x->Compare(*y);
}

// Equal values (1.5, 1.50) hash alike: hash the digits without trailing
// zeros plus the decimal exponent.
struct Normalized {
  int tag;           // 0 -Inf, 1 negative, 2 zero, 3 positive, 4 +Inf, 5 NaN
  int64_t exponent;  // decimal exponent of the leading digit
  std::string digits;  // significant digits, no trailing zeros
};

Normalized Normalize(const Numeric& n) {
  switch (n.kind()) {
    case Numeric::Kind::kNegInf: return {0, 0, ""};
    case Numeric::Kind::kPosInf: return {4, 0, ""};
    case Numeric::Kind::kNaN: return {5, 0, ""};
    case Numeric::Kind::kFinite: break;
  }
  if (n.sign() == 0) return {2, 0, ""};
  std::string d = n.AbsDigits();
  int64_t exponent = static_cast<int64_t>(d.size()) - 1 - n.scale();
  while (!d.empty() && d.back() == '0') d.pop_back();
  return {n.sign() < 0 ? 1 : 3, exponent, d};
}

uint64_t NumericHash(const TypeInfo&, const Value& v) {
  Result<Numeric> n = Numeric::FromValue(v);
  if (!n.ok()) return HashBytes(v.as_string());
  Normalized k = Normalize(*n);
  return HashBytes(k.digits) ^ HashInt(k.tag * 1000003 + k.exponent);
}

keyenc::Direction Flip(keyenc::Direction d) {
  return d == keyenc::Direction::kAscending ? keyenc::Direction::kDescending
                                            : keyenc::Direction::kAscending;
}

// tag, then for finite non-zero values the exponent and the digits; for
// negative numbers both in the opposite direction, so larger magnitudes
// sort first.
void NumericKey(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  Result<Numeric> n = Numeric::FromValue(v);
  Normalized k = n.ok() ? Normalize(*n) : Normalized{5, 0, ""};
  keyenc::AppendInt64(out, k.tag, dir);
  if (k.tag == 1 || k.tag == 3) {
    keyenc::Direction d = k.tag == 1 ? Flip(dir) : dir;
    keyenc::AppendInt64(out, k.exponent, d);
    keyenc::AppendBytes(out, k.digits, d);
  }
}

Result<Value> NumericKeyDecode(const TypeInfo&, keyenc::KeyDecoder& in, keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(int64_t tag, in.ReadInt64(dir));
  switch (tag) {
    case 0: return Numeric::Inf(true).ToValue();
    case 2: return Numeric().ToValue();
    case 4: return Numeric::Inf(false).ToValue();
    case 5: return Numeric::NaN().ToValue();
    case 1:
    case 3: break;
    default: return Status::Error(sqlstate::kDataCorrupted, "corrupt numeric key");
  }
  keyenc::Direction d = tag == 1 ? Flip(dir) : dir;
  DB9_ASSIGN_OR_RETURN(int64_t exponent, in.ReadInt64(d));
  DB9_ASSIGN_OR_RETURN(std::string digits, in.ReadBytes(d));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
      exponent > 200000 || exponent < -200000) {
    return Status::Error(sqlstate::kDataCorrupted, "corrupt numeric key");
  }
  // value = 0.d1d2... * 10^(exponent + 1)
  int64_t scale = static_cast<int64_t>(digits.size()) - 1 - exponent;
  std::string text = (tag == 1 ? "-" : "") + digits + "e" + std::to_string(-scale);
  DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::Parse(text));
  return n.ToValue();
}

Result<Value> NumericTypmod(const TypeInfo&, const Value& v, int32_t typmod, bool) {
  DB9_ASSIGN_OR_RETURN(Numeric n, Numeric::FromValue(v));
  DB9_ASSIGN_OR_RETURN(n, n.ApplyTypmod(typmod));
  return n.ToValue();
}

Result<int32_t> NumericTypmodIn(const TypeInfo&, const std::vector<int32_t>& mods) {
  if (mods.empty() || mods.size() > 2) {
    return Status::Error(sqlstate::kInvalidParameterValue, "invalid NUMERIC type modifier");
  }
  int precision = mods[0];
  int scale = mods.size() == 2 ? mods[1] : 0;
  if (precision < 1 || precision > 1000) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "NUMERIC precision " + std::to_string(precision) +
                             " must be between 1 and 1000");
  }
  if (scale < -1000 || scale > 1000) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "NUMERIC scale " + std::to_string(scale) +
                             " must be between -1000 and 1000");
  }
  return MakeNumericTypmod(precision, scale);
}

std::string NumericTypmodOut(const TypeInfo&, int32_t typmod) {
  if (!NumericTypmodValid(typmod)) return "";
  std::string out = "(";
  out += std::to_string(NumericTypmodPrecision(typmod));
  out += ',';
  out += std::to_string(NumericTypmodScale(typmod));
  out += ')';
  return out;
}

}  // namespace

Status RegisterNumericType(TypeRegistry& r) {
  TypeInfo t;
  t.oid = oid::kNumeric;
  t.name = "numeric";
  t.sql_name = "numeric";
  t.typlen = -1;
  t.category = category::kNumeric;
  t.array_oid = oid::kNumericArray;
  t.input = NumericIn;
  t.output = NumericOut;
  t.receive = NumericRecv;
  t.send = NumericSend;
  t.compare = NumericCompare;
  t.hash = NumericHash;
  t.key_encode = NumericKey;
  t.key_decode = NumericKeyDecode;
  t.apply_typmod = NumericTypmod;
  t.typmod_in = NumericTypmodIn;
  t.typmod_out = NumericTypmodOut;
  return r.Register(std::move(t));
}

}  // namespace db9::types
