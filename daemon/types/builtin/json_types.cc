// json (text kept exactly as given, validated) and jsonb (normalized text,
// json_text.h). Binary: json sends its text; jsonb a version byte 1 + text.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/json_text.h"
#include "daemon/types/text_util.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Result<Value> JsonIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  DB9_RETURN_IF_ERROR(ValidateUtf8(text));
  DB9_RETURN_IF_ERROR(ValidateJson(text, "json"));
  return Value::OfString(oid::kJson, std::string(text));
}

Result<Value> JsonbIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  DB9_RETURN_IF_ERROR(ValidateUtf8(text));
  Result<std::string> norm = NormalizeJsonb(text);
  if (!norm.ok()) {
    // Same message PostgreSQL gives for jsonb input ("type json").
    return std::move(norm).TakeStatus();
  }
  return Value::OfString(oid::kJsonb, std::move(norm).value());
}

Result<std::string> JsonOut(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

Result<Value> JsonRecv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                       const IoContext& io) {
  return JsonIn(self, bytes, typmod, io);
}

Result<Value> JsonbRecv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                        const IoContext& io) {
  if (bytes.empty() || bytes[0] != 1) {
    return InvalidBinary("unsupported jsonb version number " +
                         std::to_string(bytes.empty() ? 0 : static_cast<int>(bytes[0])));
  }
  return JsonbIn(self, bytes.substr(1), typmod, io);
}

Result<std::string> JsonbSend(const TypeInfo&, const Value& v, const IoContext&) {
  return std::string(1, '\1') + v.as_string();
}

}  // namespace

Status RegisterJsonTypes(TypeRegistry& r) {
  TypeInfo json;
  json.oid = oid::kJson;
  json.name = "json";
  json.category = category::kUser;
  json.array_oid = 199;
  json.input = JsonIn;
  json.output = JsonOut;
  json.receive = JsonRecv;
  json.send = SendRawString;
  DB9_RETURN_IF_ERROR(r.Register(std::move(json)));

  TypeInfo jsonb;
  jsonb.oid = oid::kJsonb;
  jsonb.name = "jsonb";
  jsonb.category = category::kUser;
  jsonb.array_oid = 3807;
  jsonb.input = JsonbIn;
  jsonb.output = JsonOut;
  jsonb.receive = JsonbRecv;
  jsonb.send = JsonbSend;
  // Equality of normalized text is jsonb equality; the order is a stable
  // total order, not PostgreSQL's jsonb btree order.
  jsonb.compare = CompareBytes;
  jsonb.hash = HashBytesValue;
  jsonb.key_encode = KeyEncodeBytes;
  jsonb.key_decode = KeyDecodeBytes;
  return r.Register(std::move(jsonb));
}

}  // namespace db9::types
