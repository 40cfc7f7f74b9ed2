// FunctionContext: what a function, operator, cast or aggregate may see
// besides its arguments. The executor fills one per statement (or per
// call site) and passes it by reference; implementations never read
// globals, so the same registry serves every session.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "daemon/types/io_context.h"
#include "daemon/types/oid.h"
#include "shared/base/result.h"

namespace db9::types {
class TypeRegistry;
}

namespace db9::functions {

struct Registries;

// Implemented by the executor: says whether the running statement must stop
// (cancel request, statement_timeout). Functions that wait or loop long
// (pg_sleep) poll it.
class InterruptCheck {
 public:
  virtual Status CheckInterrupt() const = 0;

 protected:
  ~InterruptCheck() = default;
};

// Implemented by the session: the configuration parameters (GUCs) that
// current_setting() reads and set_config() changes, with SET's semantics.
class SessionSettingsAccess {
 public:
  // nullopt when the parameter is unknown and `missing_ok`; 42704 otherwise.
  virtual Result<std::optional<std::string>> GetSetting(std::string_view name,
                                                        bool missing_ok) const = 0;
  // SET (or SET LOCAL when `is_local`); nullopt resets to the default.
  // Answers the value as stored afterwards.
  virtual Result<std::string> SetSetting(std::string_view name,
                                         const std::optional<std::string>& value,
                                         bool is_local) = 0;

 protected:
  ~SessionSettingsAccess() = default;
};

struct FunctionContext {
  const Registries* registries = nullptr;       // never null when called
  const types::IoContext* io = nullptr;          // never null when called
  // Microseconds since 2000-01-01 UTC (the Value timestamptz payload).
  int64_t transaction_start = 0;  // now(), current_timestamp, current_date
  int64_t statement_start = 0;    // statement_timestamp()
  // The call site's resolved result type and typmod (for polymorphic
  // functions such as array_agg(anyelement) -> anyarray, and casts).
  types::Oid result_type = types::oid::kInvalid;
  int32_t result_typmod = -1;
  // The actual argument types at the call site (after coercion).
  std::span<const types::Oid> arg_types;
  // Null outside statement execution (constant folding, tests): never interrupted.
  const InterruptCheck* interrupt = nullptr;
  // Null outside a session (constant folding, tests): settings functions fail.
  SessionSettingsAccess* settings = nullptr;

  const types::TypeRegistry& types() const;
};

}  // namespace db9::functions
