#include "daemon/control/args.h"

#include "shared/base/sqlstate.h"

namespace db9::control {

namespace {
Status Bad(const char* key, const std::string& what) {
  return Status::Error(sqlstate::kInvalidParameterValue,
                       std::string("argument \"") + key + "\" " + what);
}
const nlohmann::json* Find(const nlohmann::json& args, const char* key) {
  if (!args.is_object()) return nullptr;
  auto it = args.find(key);
  return it == args.end() || it->is_null() ? nullptr : &*it;
}
}  // namespace

Result<std::string> StringArg(const nlohmann::json& args, const char* key) {
  const auto* value = Find(args, key);
  if (value == nullptr) return Bad(key, "is required (a string)");
  if (!value->is_string()) return Bad(key, "must be a string");
  return value->get<std::string>();
}

Result<std::string> StringArg(const nlohmann::json& args, const char* key,
                              const std::string& fallback) {
  if (Find(args, key) == nullptr) return fallback;
  return StringArg(args, key);
}

Result<bool> BoolArg(const nlohmann::json& args, const char* key, bool fallback) {
  const auto* value = Find(args, key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) return Bad(key, "must be true or false");
  return value->get<bool>();
}

Result<int64_t> IntArg(const nlohmann::json& args, const char* key, int64_t fallback, int64_t min,
                       int64_t max) {
  const auto* value = Find(args, key);
  if (value == nullptr) return fallback;
  if (!value->is_number_integer()) return Bad(key, "must be an integer");
  int64_t n = value->get<int64_t>();
  if (n < min || n > max) {
    return Bad(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return n;
}

}  // namespace db9::control
