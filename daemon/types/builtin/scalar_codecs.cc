#include "daemon/types/builtin/scalar_codecs.h"

#include "daemon/types/type_util.h"

namespace db9::types {

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

Result<std::string> SendRawString(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

}  // namespace db9::types
