// Pseudo-types: void (functions returning nothing print ""), record,
// polymorphic any/anyelement/anyarray, trigger. They have no payload of
// their own; void outputs the empty string as PostgreSQL does.
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Result<Value> VoidIn(const TypeInfo&, std::string_view, int32_t, const IoContext&) {
  return Value::OfString(oid::kVoid, "");
}

Result<std::string> VoidOut(const TypeInfo&, const Value&, const IoContext&) {
  return std::string();
}

Result<Value> PseudoIn(const TypeInfo& self, std::string_view, int32_t, const IoContext&) {
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "cannot accept a value of type " + self.name);
}

}  // namespace

Status RegisterPseudoTypes(TypeRegistry& r) {
  TypeInfo v;
  v.oid = oid::kVoid;
  v.name = "void";
  v.typlen = 4;
  v.category = category::kPseudo;
  v.input = VoidIn;
  v.output = VoidOut;
  v.receive = VoidIn;
  v.send = VoidOut;
  DB9_RETURN_IF_ERROR(r.Register(std::move(v)));
  struct P {
    Oid oid;
    const char* name;
    int16_t len;
  };
  for (P p : {P{oid::kRecord, "record", -1}, P{oid::kAny, "any", 4},
              P{oid::kAnyElement, "anyelement", 4}, P{oid::kAnyArray, "anyarray", -1},
              P{oid::kAnyNonArray, "anynonarray", 4},
              P{oid::kTrigger, "trigger", 4}}) {
    TypeInfo t;
    t.oid = p.oid;
    t.name = p.name;
    t.typlen = p.len;
    t.category = category::kPseudo;
    t.input = PseudoIn;
    DB9_RETURN_IF_ERROR(r.Register(std::move(t)));
  }
  return Status::OK();
}

}  // namespace db9::types
