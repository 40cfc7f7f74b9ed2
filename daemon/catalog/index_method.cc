// The index method registry, and what every method shares: operator class
// resolution and WITH option checks, with PostgreSQL's errors.
#include "daemon/catalog/index_method.h"

#include <charconv>

#include "daemon/catalog/hnsw/hnsw_method.h"
#include "daemon/types/type_util.h"

namespace db9::catalog {

Status IndexMethod::CheckOption(std::string_view option, std::string_view) const {
  return UnrecognizedOption(option);
}

Status IndexMethod::CheckIndex(const Table&, const Index&) const { return Status::OK(); }

Status IndexMethod::EntriesWritten(Catalog&, const Index&,
                                   const std::vector<std::pair<std::string, std::string>>&) const {
  return Status::OK();
}

bool OperatorClassAccepts(const types::TypeRegistry& types, const OperatorClass& opclass, Oid type) {
  if (opclass.input_type == type) return true;
  if (opclass.input_type == types::oid::kText && type == types::oid::kVarchar) return true;
  if (opclass.input_type == types::oid::kAnyArray) {
    const types::TypeInfo* info = types.Find(type);
    return info != nullptr && info->element != nullptr;
  }
  return false;
}

const OperatorClass* DefaultOperatorClass(const types::TypeRegistry& types, const IndexMethod& method,
                                          Oid type) {
  for (const OperatorClass& opclass : method.operator_classes()) {
    if (opclass.is_default && OperatorClassAccepts(types, opclass, type)) return &opclass;
  }
  return nullptr;
}

Result<const OperatorClass*> ResolveOperatorClass(const types::TypeRegistry& types,
                                                  const IndexMethod& method, std::string_view name,
                                                  Oid type) {
  const std::string type_name = types::FormatType(types, type, -1);
  const std::string method_name(method.name());
  if (name.empty()) {
    if (const OperatorClass* found = DefaultOperatorClass(types, method, type)) return found;
    return Status::Error(sqlstate::kUndefinedObject, "data type " + type_name +
                                                         " has no default operator class for access method \"" +
                                                         method_name + "\"")
        .WithHint("You must specify an operator class for the index or define a default operator class for the data type.");
  }
  for (const OperatorClass& opclass : method.operator_classes()) {
    if (opclass.name != name) continue;
    if (OperatorClassAccepts(types, opclass, type)) return &opclass;
    return Status::Error(sqlstate::kDatatypeMismatch, "operator class \"" + std::string(name) +
                                                          "\" does not accept data type " + type_name);
  }
  return Status::Error(sqlstate::kUndefinedObject, "operator class \"" + std::string(name) +
                                                       "\" does not exist for access method \"" +
                                                       method_name + "\"");
}

const OperatorClass* ColumnOperatorClass(const types::TypeRegistry& types, const IndexMethod& method,
                                         const IndexColumn& column, Oid column_type) {
  for (const OperatorClass& opclass : method.operator_classes()) {
    if (!column.opclass.empty() && opclass.name == column.opclass) return &opclass;
  }
  return DefaultOperatorClass(types, method, column_type);
}

Status CheckIntegerOption(std::string_view option, std::string_view value, int64_t min, int64_t max) {
  std::string_view digits = types::TrimPgSpace(value);
  int64_t parsed = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return Status::Error(sqlstate::kInvalidParameterValue, "invalid value for integer option \"" +
                                                               std::string(option) + "\": " +
                                                               std::string(value));
  }
  if (parsed < min || parsed > max) {
    return Status::Error(sqlstate::kInvalidParameterValue, "value " + std::string(value) +
                                                               " out of bounds for option \"" +
                                                               std::string(option) + "\"")
        .WithDetail("Valid values are between \"" + std::to_string(min) + "\" and \"" +
                    std::to_string(max) + "\".");
  }
  return Status::OK();
}

Status CheckBooleanOption(std::string_view option, std::string_view value) {
  if (types::ParseBoolText(value)) return Status::OK();
  return Status::Error(sqlstate::kInvalidParameterValue, "invalid value for boolean option \"" +
                                                             std::string(option) + "\": " +
                                                             std::string(value));
}

Status UnrecognizedOption(std::string_view option) {
  return Status::Error(sqlstate::kInvalidParameterValue,
                       "unrecognized parameter \"" + std::string(option) + "\"");
}

std::optional<std::string_view> IndexOption(const Index& index, std::string_view option) {
  for (const std::string& entry : index.options) {
    std::string_view text = entry;
    if (text.size() > option.size() && text.substr(0, option.size()) == option &&
        text[option.size()] == '=') {
      return text.substr(option.size() + 1);
    }
  }
  return std::nullopt;
}

int64_t IndexIntegerOption(const Index& index, std::string_view option, int64_t fallback) {
  std::optional<std::string_view> text = IndexOption(index, option);
  if (!text) return fallback;
  std::string_view digits = types::TrimPgSpace(*text);
  int64_t value = fallback;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

IndexMethodRegistry::IndexMethodRegistry() {
  methods_.push_back(MakeBtreeMethod());
  methods_.push_back(MakeGinMethod());
  methods_.push_back(hnsw::MakeHnswMethod());
}

IndexMethodRegistry& IndexMethodRegistry::Global() {
  static IndexMethodRegistry registry;
  return registry;
}

void IndexMethodRegistry::Add(std::unique_ptr<IndexMethod> method) {
  methods_.push_back(std::move(method));
}

const IndexMethod* IndexMethodRegistry::Find(std::string_view method_name) const {
  for (const auto& method : methods_) {
    if (method->name() == method_name) return method.get();
  }
  return nullptr;
}

}  // namespace db9::catalog
