#include "daemon/functions/cast_registry.h"

#include "daemon/functions/registries.h"
#include "daemon/types/array_value.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using types::TypeInfo;

uint64_t Key(Oid s, Oid t) { return static_cast<uint64_t>(s) << 32 | t; }

bool IsStringType(Oid t) {
  return t == oid::kText || t == oid::kVarchar || t == oid::kBpchar || t == oid::kName;
}

bool Allows(CoercionContext have, CoercionContext want) {
  return static_cast<int>(have == CoercionContext::kImplicit   ? 0
                          : have == CoercionContext::kAssignment ? 1
                                                                 : 2) <=
         static_cast<int>(want == CoercionContext::kImplicit   ? 0
                          : want == CoercionContext::kAssignment ? 1
                                                                 : 2);
}

Status CannotCast(const types::TypeRegistry& reg, Oid s, Oid t) {
  return Status::Error(sqlstate::kCannotCoerce, "cannot cast type " +
                                                    types::FormatType(reg, s, -1) + " to " +
                                                    types::FormatType(reg, t, -1));
}

}  // namespace

Status CastRegistry::Register(CastInfo info) {
  casts_[Key(info.source, info.target)] = std::move(info);
  return Status::OK();
}

const CastInfo* CastRegistry::Find(Oid source, Oid target) const {
  auto it = casts_.find(Key(source, target));
  return it == casts_.end() ? nullptr : &it->second;
}

bool CastRegistry::CanCoerce(Oid source, Oid target, CoercionContext context,
                             const types::TypeRegistry& reg) const {
  if (source == target || source == oid::kUnknown || target == oid::kAny) return true;
  if (target == oid::kAnyElement) return true;
  const TypeInfo* s = reg.Find(source);
  const TypeInfo* t = reg.Find(target);
  if (target == oid::kAnyArray) return s != nullptr && s->element != nullptr;
  if (target == oid::kAnyNonArray) return s == nullptr || s->element == nullptr;
  if (const CastInfo* c = Find(source, target)) return Allows(c->context, context);
  if (s == nullptr || t == nullptr) return false;
  // Arrays convert when their elements do.
  if (s->element != nullptr && t->element != nullptr) {
    return CanCoerce(s->element_oid, t->element_oid, context, reg);
  }
  // Implied I/O casts: anything to a string type by assignment, a string
  // type to anything explicitly.
  if (IsStringType(target) && context != CoercionContext::kImplicit) return true;
  if (IsStringType(source) && context == CoercionContext::kExplicit) return true;
  return false;
}

Result<Value> CastRegistry::Cast(FunctionContext& ctx, const Value& value, Oid target,
                                 int32_t typmod, CoercionContext context) const {
  const types::TypeRegistry& reg = ctx.types();
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, reg.Get(target));
  Oid source = value.type();
  bool is_explicit = context == CoercionContext::kExplicit;
  auto finish = [&](Value v) -> Result<Value> {
    if (typmod >= 0 && t->apply_typmod != nullptr && !v.is_null()) {
      return t->apply_typmod(*t, v, typmod, is_explicit);
    }
    return v;
  };
  if (target == oid::kAny || target == oid::kAnyElement || target == oid::kAnyArray ||
      target == oid::kAnyNonArray) {
    return value;
  }
  if (value.is_null()) return Value::Null(target);
  if (source == target) return finish(value);
  if (source == oid::kUnknown) {
    if (t->input == nullptr) return CannotCast(reg, source, target);
    return ReadUnknownLiteral(reg, *ctx.io, value.as_string(), target, typmod, context);
  }
  if (!CanCoerce(source, target, context, reg)) return CannotCast(reg, source, target);

  FunctionContext sub = ctx;
  sub.result_type = target;
  sub.result_typmod = typmod;
  if (const CastInfo* c = Find(source, target)) {
    switch (c->method) {
      case CastMethod::kBinary: return finish(value.Relabel(target));
      case CastMethod::kFunction: {
        DB9_ASSIGN_OR_RETURN(Value v, c->impl(sub, value));
        return finish(std::move(v));
      }
      case CastMethod::kInOut: break;
    }
  }
  DB9_ASSIGN_OR_RETURN(const TypeInfo* s, reg.Get(source));
  if (s->element != nullptr && t->element != nullptr) {
    DB9_ASSIGN_OR_RETURN(types::ArrayValue a, types::DecodeArray(value.as_string()));
    for (types::Value& item : a.items) {
      if (item.is_null()) {
        item = Value::Null(t->element_oid);
        continue;
      }
      DB9_ASSIGN_OR_RETURN(item, Cast(ctx, item.Relabel(s->element_oid), t->element_oid, typmod,
                                      context));
    }
    a.element_type = t->element_oid;
    return types::MakeArrayValue(target, a);
  }
  // I/O conversion: source output, target input.
  if (s->output == nullptr || t->input == nullptr) return CannotCast(reg, source, target);
  DB9_ASSIGN_OR_RETURN(std::string text, s->output(*s, value, *ctx.io));
  DB9_ASSIGN_OR_RETURN(Value v, t->input(*t, text, -1, *ctx.io));
  return finish(std::move(v));
}

Result<Value> ReadUnknownLiteral(const types::TypeRegistry& types, const types::IoContext& io,
                                 std::string_view text, Oid target, int32_t typmod,
                                 CoercionContext context) {
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, types.Get(target));
  if (t->input == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "cannot accept a value of type " + t->sql_name);
  }
  bool typmod_in_input = target == oid::kInterval;
  DB9_ASSIGN_OR_RETURN(Value v, t->input(*t, text, typmod_in_input ? typmod : -1, io));
  if (typmod_in_input || typmod < 0 || t->apply_typmod == nullptr) return v;
  return t->apply_typmod(*t, v, typmod, context == CoercionContext::kExplicit);
}

}  // namespace db9::functions
