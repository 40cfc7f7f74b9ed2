// IoContext: the session settings that change how values are read and
// written as text (and, for timestamptz, which zone "local" means). The
// session owns one and passes it to every I/O call and function; nothing in
// daemon/types reads global state.
#pragma once

#include <string>

#include "shared/base/status.h"

namespace date {
class time_zone;
}

namespace db9::types {

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

  // Resolves `name` ("Europe/Berlin", "UTC", "+02:00", "-5") and sets the
  // fields above; 22023 invalid_parameter_value if unknown, with the message
  // PostgreSQL gives: invalid value for parameter "TimeZone": "<name>".
  // Defined in timezone.cc.
  db9::Status SetTimeZone(const std::string& name);
};

}  // namespace db9::types
