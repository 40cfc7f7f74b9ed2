// IoContext: the session settings that change how values are read and
// written as text (and, for timestamptz, which zone "local" means). The
// session owns one and passes it to every I/O call and function; nothing in
// daemon/types reads global state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/types/oid.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace date {
class time_zone;
}

namespace db9::types {

// Names for the reg* types (regclass, regtype, regproc, regnamespace...):
// 'users'::regclass needs the catalog, which lives above this layer, so the
// catalog implements this and the session puts it in the IoContext.
class RegNameResolver {
 public:
  virtual ~RegNameResolver() = default;
  // The OID `name` denotes for reg_type (e.g. oid::kRegclass). 42P01 /
  // 42704 as PostgreSQL: relation "x" does not exist, type "x" does not exist.
  virtual Result<Oid> Lookup(Oid reg_type, std::string_view name) const = 0;
  // The name to print for `object`; empty when unknown (the number is
  // printed then, as PostgreSQL does).
  virtual std::string Name(Oid reg_type, Oid object) const = 0;
};

struct IoContext {
  // IANA zone name as the user set it (SET TimeZone), "UTC" by default.
  // Use SetTimeZone() so `zone` stays in step with the name.
  std::string timezone_name = "UTC";
  // Resolved zone; nullptr means UTC (or a fixed offset, see below).
  const date::time_zone* zone = nullptr;
  // For POSIX-style fixed offsets ("+02", "UTC+3" ...) when `zone` is null:
  // seconds EAST of Greenwich, as PostgreSQL reports them in output.
  int fixed_offset_seconds = 0;

  // Only "ISO, MDY" is implemented; kept as text so SHOW DateStyle answers.
  std::string date_style = "ISO, MDY";
  // Only "postgres" output is implemented.
  std::string interval_style = "postgres";
  // PostgreSQL's extra_float_digits: > 0 (default 1) means shortest exact
  // round-trip output; <= 0 means %.{15+n}g (float8) / %.{6+n}g (float4).
  int extra_float_digits = 1;

  // The transaction's start (timestamptz payload) for the 'now', 'today',
  // 'tomorrow' and 'yesterday' literals; 0 reads the clock instead.
  int64_t now_micros = 0;

  // Null: reg* types accept and print numeric OIDs only.
  const RegNameResolver* reg_resolver = nullptr;

  // Resolves `name` ("Europe/Berlin", "UTC", "+02:00", "-5"; bare offsets
  // are POSIX-style, so "+02" is two hours WEST, as in PostgreSQL) and sets the
  // fields above; 22023 invalid_parameter_value if unknown, with the message
  // PostgreSQL gives: invalid value for parameter "TimeZone": "<name>".
  // Defined in timezone.cc.
  db9::Status SetTimeZone(const std::string& name);
};

}  // namespace db9::types
