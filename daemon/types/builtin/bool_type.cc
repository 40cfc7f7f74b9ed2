// bool: input as PostgreSQL's boolin (any unambiguous prefix of true/false/
// yes/no/on/off, or 1/0), output "t"/"f", one byte on the wire.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Result<Value> BoolIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  std::optional<bool> v = ParseBoolText(text);
  if (!v) return InvalidInputSyntax("boolean", text);
  return Value::Bool(*v);
}

Result<std::string> BoolOut(const TypeInfo&, const Value& v, const IoContext&) {
  return std::string(v.as_bool() ? "t" : "f");
}

Result<Value> BoolRecv(const TypeInfo&, std::string_view bytes, int32_t, const IoContext&) {
  if (bytes.size() != 1) return InvalidBinary("incorrect binary data format");
  return Value::Bool(bytes[0] != 0);
}

Result<std::string> BoolSend(const TypeInfo&, const Value& v, const IoContext&) {
  return std::string(1, v.as_bool() ? '\1' : '\0');
}

int BoolCompare(const TypeInfo&, const Value& a, const Value& b) {
  return Cmp3(a.as_bool(), b.as_bool());
}

uint64_t BoolHash(const TypeInfo&, const Value& v) { return HashInt(v.as_bool()); }

void BoolKey(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  keyenc::AppendBool(out, v.as_bool(), dir);
}

Result<Value> BoolKeyDecode(const TypeInfo&, keyenc::KeyDecoder& in, keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(bool v, in.ReadBool(dir));
  return Value::Bool(v);
}

}  // namespace

Status RegisterBoolType(TypeRegistry& r) {
  TypeInfo t;
  t.oid = oid::kBool;
  t.name = "bool";
  t.sql_name = "boolean";
  t.typlen = 1;
  t.byval = true;
  t.align = 'c';
  t.category = category::kBoolean;
  t.preferred = true;
  t.array_oid = oid::kBoolArray;
  t.input = BoolIn;
  t.output = BoolOut;
  t.receive = BoolRecv;
  t.send = BoolSend;
  t.compare = BoolCompare;
  t.hash = BoolHash;
  t.key_encode = BoolKey;
  t.key_decode = BoolKeyDecode;
  return r.Register(std::move(t));
}

}  // namespace db9::types
