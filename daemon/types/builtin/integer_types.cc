// int2, int4, int8 and the 32-bit unsigned OID family (oid, regclass,
// regtype, regproc, regnamespace). All carry an int64 payload (value.h).
#include <charconv>

#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

struct IntRange {
  int64_t lo, hi;
  int bytes;
};

IntRange RangeOf(Oid type) {
  switch (type) {
    case oid::kInt2: return {INT16_MIN, INT16_MAX, 2};
    case oid::kInt4: return {INT32_MIN, INT32_MAX, 4};
    case oid::kInt8: return {INT64_MIN, INT64_MAX, 8};
    default: return {0, UINT32_MAX, 4};  // oid family
  }
}

// PostgreSQL's pg_strtoint*: optional surrounding whitespace, optional
// sign, decimal digits only.
Result<Value> IntIn(const TypeInfo& self, std::string_view text, int32_t, const IoContext&) {
  std::string_view s = TrimPgSpace(text);
  IntRange range = RangeOf(self.oid);
  bool neg = false;
  size_t i = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) neg = s[i++] == '-';
  if (i == s.size()) return InvalidInputSyntax(self.sql_name, text);
  __int128 v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return InvalidInputSyntax(self.sql_name, text);
    v = v * 10 + (s[i] - '0');
    if (v > (static_cast<__int128>(1) << 64)) return OutOfRangeForType(self.sql_name, text);
  }
  if (neg) v = -v;
  if (self.oid != oid::kInt2 && self.oid != oid::kInt4 && self.oid != oid::kInt8) {
    // oidin accepts -1 .. -2^31 as the unsigned wrap-around, like strtoul.
    if (v < INT32_MIN || v > UINT32_MAX) return OutOfRangeForType(self.sql_name, text);
    if (v < 0) v += static_cast<__int128>(1) << 32;
    return Value::OfInt(self.oid, static_cast<int64_t>(v));
  }
  if (v < range.lo || v > range.hi) return OutOfRangeForType(self.sql_name, text);
  return Value::OfInt(self.oid, static_cast<int64_t>(v));
}

Result<std::string> IntOut(const TypeInfo&, const Value& v, const IoContext&) {
  return std::to_string(v.as_int());
}

Result<Value> IntRecv(const TypeInfo& self, std::string_view bytes, int32_t, const IoContext&) {
  IntRange range = RangeOf(self.oid);
  if (static_cast<int>(bytes.size()) != range.bytes) {
    return InvalidBinary("incorrect binary data format");
  }
  int64_t v = 0;
  if (range.bytes == 2) {
    uint16_t u;
    GetU16(&bytes, &u);
    v = static_cast<int16_t>(u);
  } else if (range.bytes == 4) {
    uint32_t u;
    GetU32(&bytes, &u);
    v = self.oid == oid::kInt4 ? static_cast<int64_t>(static_cast<int32_t>(u)) : u;
  } else {
    uint64_t u;
    GetU64(&bytes, &u);
    v = static_cast<int64_t>(u);
  }
  return Value::OfInt(self.oid, v);
}

Result<std::string> IntSend(const TypeInfo& self, const Value& v, const IoContext&) {
  std::string out;
  switch (RangeOf(self.oid).bytes) {
    case 2: PutU16(&out, static_cast<uint16_t>(v.as_int())); break;
    case 4: PutU32(&out, static_cast<uint32_t>(v.as_int())); break;
    default: PutU64(&out, static_cast<uint64_t>(v.as_int())); break;
  }
  return out;
}

// regtype names come from the type registry itself ("integer",
// "character varying", "int4[]"), so they work without a catalog.
Result<Oid> RegtypeByName(const TypeInfo& self, std::string_view name) {
  std::string_view base = name;
  bool array = base.size() > 2 && base.ends_with("[]");
  if (array) base.remove_suffix(2);
  const TypeInfo* t = self.registry == nullptr ? nullptr : self.registry->FindByName(base);
  if (t != nullptr && array) t = self.registry->ArrayOf(t->oid);
  if (t == nullptr) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "type \"" + std::string(name) + "\" does not exist");
  }
  return t->oid;
}

// regclass / regtype / regproc / regnamespace: names through the catalog's
// resolver; regtype falls back to the type registry.
Result<Value> RegIn(const TypeInfo& self, std::string_view text, int32_t typmod,
                    const IoContext& io) {
  std::string_view s = TrimPgSpace(text);
  if (!s.empty() && ((s[0] >= '0' && s[0] <= '9') || s == "-")) {
    if (s == "-") return Value::OfInt(self.oid, 0);
    return IntIn(self, s, typmod, io);
  }
  if (io.reg_resolver != nullptr) {
    DB9_ASSIGN_OR_RETURN(Oid found, io.reg_resolver->Lookup(self.oid, s));
    return Value::OfInt(self.oid, found);
  }
  if (self.oid == oid::kRegtype) {
    DB9_ASSIGN_OR_RETURN(Oid found, RegtypeByName(self, s));
    return Value::OfInt(self.oid, found);
  }
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "cannot look up names for type " + self.sql_name + " here");
}

// PostgreSQL prints "-" for OID 0 and the bare number for an OID it cannot
// name.
Result<std::string> RegOut(const TypeInfo& self, const Value& v, const IoContext& io) {
  if (v.as_int() == 0) return std::string("-");
  Oid object = static_cast<Oid>(v.as_int());
  if (self.oid == oid::kRegtype && self.registry != nullptr &&
      self.registry->Find(object) != nullptr) {
    return FormatType(*self.registry, object, -1);
  }
  if (io.reg_resolver != nullptr) {
    std::string name = io.reg_resolver->Name(self.oid, object);
    if (!name.empty()) return name;
  }
  return std::to_string(v.as_int());
}

TypeInfo IntEntry(Oid oid, const char* name, const char* sql_name, int16_t len, Oid array,
                  bool preferred, char category) {
  TypeInfo t = BuiltinTypeEntry(oid, name, sql_name, len, category, array, preferred);
  t.input = IntIn;
  t.output = IntOut;
  t.receive = IntRecv;
  t.send = IntSend;
  t.compare = CompareInt;
  t.hash = HashIntValue;
  t.key_encode = KeyEncodeInt;
  t.key_decode = KeyDecodeInt;
  return t;
}

}  // namespace

Status RegisterIntegerTypes(TypeRegistry& r) {
  DB9_RETURN_IF_ERROR(r.Register(
      IntEntry(oid::kInt2, "int2", "smallint", 2, oid::kInt2Array, false, category::kNumeric)));
  DB9_RETURN_IF_ERROR(r.Register(
      IntEntry(oid::kInt4, "int4", "integer", 4, oid::kInt4Array, false, category::kNumeric)));
  DB9_RETURN_IF_ERROR(r.Register(
      IntEntry(oid::kInt8, "int8", "bigint", 8, oid::kInt8Array, false, category::kNumeric)));
  DB9_RETURN_IF_ERROR(r.Register(
      IntEntry(oid::kOid, "oid", "oid", 4, oid::kOidArray, false, category::kNumeric)));
  struct Reg {
    Oid oid;
    const char* name;
    Oid array;
  };
  for (Reg reg : {Reg{oid::kRegclass, "regclass", 2210}, Reg{oid::kRegtype, "regtype", 2211},
                  Reg{oid::kRegproc, "regproc", 1008},
                  Reg{oid::kRegnamespace, "regnamespace", oid::kRegnamespaceArray}}) {
    TypeInfo t = IntEntry(reg.oid, reg.name, reg.name, 4, reg.array, false, category::kNumeric);
    t.input = RegIn;
    t.output = RegOut;
    DB9_RETURN_IF_ERROR(r.Register(std::move(t)));
  }
  return Status::OK();
}

}  // namespace db9::types
