#include "daemon/types/builtin/scalar_codecs.h"

#include "daemon/types/type_util.h"

namespace db9::types {

TypeInfo BuiltinTypeEntry(Oid oid, const char* name, const char* sql_name, int16_t len,
                          char category, Oid array, bool preferred) {
  TypeInfo t;
  t.oid = oid;
  t.name = name;
  t.sql_name = sql_name;
  t.typlen = len;
  t.byval = len > 0;
  if (len > 0) t.align = len == 1 ? 'c' : len == 2 ? 's' : len == 4 ? 'i' : 'd';
  t.category = category;
  t.preferred = preferred;
  t.array_oid = array;
  return t;
}

int CompareInt(const TypeInfo&, const Value& a, const Value& b) {
  return Cmp3(a.as_int(), b.as_int());
}

uint64_t HashIntValue(const TypeInfo&, const Value& v) { return HashInt(v.as_int()); }

void KeyEncodeInt(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  keyenc::AppendInt64(out, v.as_int(), dir);
}

Result<Value> KeyDecodeInt(const TypeInfo& self, keyenc::KeyDecoder& in, keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(int64_t v, in.ReadInt64(dir));
  return Value::OfInt(self.oid, v);
}

int CompareBytes(const TypeInfo&, const Value& a, const Value& b) {
  int c = a.as_string().compare(b.as_string());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

uint64_t HashBytesValue(const TypeInfo&, const Value& v) { return HashBytes(v.as_string()); }

void KeyEncodeBytes(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  keyenc::AppendBytes(out, v.as_string(), dir);
}

Result<Value> KeyDecodeBytes(const TypeInfo& self, keyenc::KeyDecoder& in,
                             keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(std::string v, in.ReadBytes(dir));
  return Value::OfString(self.oid, std::move(v));
}

std::string PlainTypmodOut(const TypeInfo&, int32_t typmod) {
  if (typmod < 0) return "";
  return "(" + std::to_string(typmod) + ")";
}

Result<std::string> SendRawString(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

}  // namespace db9::types
