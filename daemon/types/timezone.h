// Session time zone arithmetic for timestamptz: UTC <-> local wall time in
// the IoContext's zone (IANA via Howard Hinnant's date/tz, or a fixed
// offset), as PostgreSQL's DetermineTimeZoneOffset does it.
#pragma once

#include <cstdint>
#include <string>

#include "daemon/types/io_context.h"

namespace db9::types {

// Seconds east of Greenwich in effect at `utc_micros` (PostgreSQL epoch).
int ZoneOffsetAtUtc(const IoContext& io, int64_t utc_micros);

// Seconds east of Greenwich for a local wall time. In a DST gap the offset
// before the transition applies; in an overlap the one after it, as
// PostgreSQL chooses.
int ZoneOffsetForLocal(const IoContext& io, int64_t local_micros);

// How a bare numeric zone ("+05", "-03:30") counts.
enum class OffsetConvention {
  kIso,    // inside a timestamptz literal: "+05" is 5 hours EAST
  kPosix,  // SET TimeZone / AT TIME ZONE: "+05" is 5 hours WEST, as PostgreSQL
};

// Resolves a zone name ("UTC", "Z", "Europe/Paris", "+05", "-03:30") into
// ctx->zone / ctx->fixed_offset_seconds. False if unknown.
bool ResolveZone(const std::string& name, IoContext* ctx,
                 OffsetConvention convention = OffsetConvention::kIso);

}  // namespace db9::types
