#include "daemon/types/type_registry.h"

#include "daemon/types/type_util.h"

namespace db9::types {

Status TypeRegistry::Register(TypeInfo info) {
  if (by_oid_.count(info.oid) || by_name_.count(info.name)) {
    return Status::Error(sqlstate::kDuplicateObject,
                         "type \"" + info.name + "\" already exists");
  }
  if (info.element_oid != oid::kInvalid) {
    const TypeInfo* element = Find(info.element_oid);
    if (element == nullptr) {
      return Status::Internal("array type " + info.name + " registered before its element");
    }
    info.element = element;
  }
  if (info.sql_name.empty()) info.sql_name = info.name;
  info.registry = this;
  entries_.push_back(std::make_unique<TypeInfo>(std::move(info)));
  const TypeInfo* entry = entries_.back().get();
  by_oid_[entry->oid] = entry;
  by_name_[entry->name] = entry;
  by_name_.emplace(entry->sql_name, entry);
  return Status::OK();
}

const TypeInfo* TypeRegistry::Find(Oid oid) const {
  auto it = by_oid_.find(oid);
  return it == by_oid_.end() ? nullptr : it->second;
}

const TypeInfo* TypeRegistry::FindByName(std::string_view name) const {
  std::string key = AsciiLower(name);
  auto it = by_name_.find(key);
  if (it != by_name_.end()) return it->second;
  // SQL spellings that differ from typname and from format_type().
  static const std::pair<const char*, const char*> kAliases[] = {
      {"int", "int4"},          {"integer", "int4"},
      {"smallint", "int2"},     {"bigint", "int8"},
      {"real", "float4"},       {"float", "float8"},
      {"double precision", "float8"},
      {"boolean", "bool"},      {"decimal", "numeric"},
      {"character varying", "varchar"},
      {"character", "bpchar"},
      {"timestamp without time zone", "timestamp"},
      {"timestamp with time zone", "timestamptz"},
      {"time without time zone", "time"},
  };
  for (const auto& [alias, target] : kAliases) {
    if (key != alias) continue;
    auto found = by_name_.find(target);
    return found == by_name_.end() ? nullptr : found->second;
  }
  return nullptr;
}

const TypeInfo* TypeRegistry::ArrayOf(Oid element) const {
  const TypeInfo* e = Find(element);
  return e == nullptr || e->array_oid == oid::kInvalid ? nullptr : Find(e->array_oid);
}

Result<const TypeInfo*> TypeRegistry::Get(Oid oid) const {
  const TypeInfo* t = Find(oid);
  if (t == nullptr) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "type with OID " + std::to_string(oid) + " does not exist");
  }
  return t;
}

Result<Value> ParseText(const TypeRegistry& registry, Oid type, std::string_view text,
                        int32_t typmod, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, registry.Get(type));
  if (t->input == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "cannot accept a value of type " + t->sql_name);
  }
  return t->input(*t, text, typmod, io);
}

Result<std::string> FormatText(const TypeRegistry& registry, const Value& value,
                               const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, registry.Get(value.type()));
  if (t->output == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "cannot display a value of type " + t->sql_name);
  }
  return t->output(*t, value, io);
}

Result<Value> ParseBinary(const TypeRegistry& registry, Oid type, std::string_view bytes,
                          int32_t typmod, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, registry.Get(type));
  if (t->receive == nullptr) {
    return Status::Error(sqlstate::kInvalidBinaryRepresentation,
                         "no binary input function available for type " + t->sql_name);
  }
  return t->receive(*t, bytes, typmod, io);
}

Result<std::string> FormatBinary(const TypeRegistry& registry, const Value& value,
                                 const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, registry.Get(value.type()));
  if (t->send == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "no binary output function available for type " + t->sql_name);
  }
  return t->send(*t, value, io);
}

Result<int> CompareValues(const TypeRegistry& registry, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    return a.is_null() == b.is_null() ? 0 : (a.is_null() ? 1 : -1);
  }
  DB9_ASSIGN_OR_RETURN(const TypeInfo* t, registry.Get(a.type()));
  if (t->compare == nullptr) {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "could not identify a comparison function for type " + t->sql_name);
  }
  return t->compare(*t, a, b);
}

std::string FormatType(const TypeRegistry& registry, Oid type, int32_t typmod) {
  const TypeInfo* t = registry.Find(type);
  if (t == nullptr) return "???";
  if (t->element != nullptr) return FormatType(registry, t->element_oid, typmod) + "[]";
  std::string out = t->sql_name;
  if (typmod >= 0 && t->typmod_out != nullptr) {
    std::string suffix = t->typmod_out(*t, typmod);
    // "timestamp(3) with time zone": PostgreSQL puts the precision after
    // the first word for the datetime types.
    size_t space = out.find(' ');
    if (space != std::string::npos && (t->category == category::kDateTime)) {
      out.insert(space, suffix);
    } else {
      out += suffix;
    }
  }
  return out;
}

}  // namespace db9::types
