// Reading the "args" object of a control request: typed, with defaults and
// ranges, and 22023 errors that name the argument and what it must be.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/base/result.h"

namespace db9::control {

// A required string.
Result<std::string> StringArg(const nlohmann::json& args, const char* key);
// An optional string; `fallback` when absent or null.
Result<std::string> StringArg(const nlohmann::json& args, const char* key,
                              const std::string& fallback);
Result<bool> BoolArg(const nlohmann::json& args, const char* key, bool fallback);
Result<int64_t> IntArg(const nlohmann::json& args, const char* key, int64_t fallback, int64_t min,
                       int64_t max);

}  // namespace db9::control
