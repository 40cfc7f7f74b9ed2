// json (the input text kept exactly, validated) and jsonb (the parsed,
// normalized tree of json_value.h, ordered by json_order.h). Binary wire
// format as PostgreSQL: json sends its text; jsonb a version byte 1 and
// then its text form.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/json_order.h"
#include "daemon/types/json_text.h"
#include "daemon/types/text_util.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

constexpr char kJsonbBinaryVersion = 1;

Result<Value> JsonIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  DB9_RETURN_IF_ERROR(ValidateUtf8(text));
  DB9_RETURN_IF_ERROR(ValidateJson(text));
  return Value::OfString(oid::kJson, std::string(text));
}

Result<Value> JsonbIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  DB9_RETURN_IF_ERROR(ValidateUtf8(text));
  // PostgreSQL reports jsonb syntax errors as "type json" too.
  DB9_ASSIGN_OR_RETURN(JsonValue doc, ParseJson(text, JsonTarget::kJsonb));
  return MakeJsonbValue(std::move(doc));
}

Result<std::string> JsonOut(const TypeInfo&, const Value& v, const IoContext&) {
  return v.as_string();
}

Result<std::string> JsonbOut(const TypeInfo&, const Value& v, const IoContext&) {
  DB9_ASSIGN_OR_RETURN(JsonValue doc, DecodeJsonb(v.as_string()));
  return WriteJsonb(doc);
}

Result<Value> JsonRecv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                       const IoContext& io) {
  return JsonIn(self, bytes, typmod, io);
}

Result<Value> JsonbRecv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                        const IoContext& io) {
  if (bytes.empty() || bytes[0] != kJsonbBinaryVersion) {
    return InvalidBinary("unsupported jsonb version number " +
                         std::to_string(bytes.empty() ? 0 : static_cast<int>(bytes[0])));
  }
  return JsonbIn(self, bytes.substr(1), typmod, io);
}

Result<std::string> JsonbSend(const TypeInfo& self, const Value& v, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(std::string text, JsonbOut(self, v, io));
  return std::string(1, kJsonbBinaryVersion) + text;
}

// What json and jsonb share: user category, varlena, text-like I/O shape.
TypeInfo JsonLike(Oid type, const char* name, Oid array_oid) {
  TypeInfo t;
  t.oid = type;
  t.name = name;
  t.category = category::kUser;
  t.array_oid = array_oid;
  return t;
}

}  // namespace

Status RegisterJsonTypes(TypeRegistry& r) {
  TypeInfo json = JsonLike(oid::kJson, "json", 199);
  json.input = JsonIn;
  json.output = JsonOut;
  json.receive = JsonRecv;
  json.send = SendRawString;
  DB9_RETURN_IF_ERROR(r.Register(std::move(json)));

  // jsonb's compare/hash/key functions need the numeric entry (numbers in
  // a document order as numeric); RegisterBuiltinTypes registers numeric
  // first.
  if (r.Find(oid::kNumeric) == nullptr) return Status::Internal("jsonb needs numeric registered");
  TypeInfo jsonb = JsonLike(oid::kJsonb, "jsonb", 3807);
  jsonb.input = JsonbIn;
  jsonb.output = JsonbOut;
  jsonb.receive = JsonbRecv;
  jsonb.send = JsonbSend;
  jsonb.compare = CompareJsonb;
  jsonb.hash = HashJsonb;
  jsonb.key_encode = KeyEncodeJsonb;
  jsonb.key_decode = KeyDecodeJsonb;
  return r.Register(std::move(jsonb));
}

}  // namespace db9::types
