// PostgreSQL's parameter names (pg_proc.proargnames) and defaults for the
// built-ins whose callers name arguments: make_interval(days => 3).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace db9::functions {

struct ArgumentNames {
  std::vector<std::string> names;
  // The default's literal text per parameter; nullopt where there is none.
  // A function with defaults is registered once per arity it can be
  // called with, so trailing defaults need not be filled in.
  std::vector<std::optional<std::string>> defaults;
};

// Null when the function takes no named arguments.
const ArgumentNames* BuiltinArgumentNames(std::string_view function);

}  // namespace db9::functions
