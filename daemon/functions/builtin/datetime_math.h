// Calendar arithmetic shared by the date/time operators and functions:
// adding intervals (months clamp to the month's last day, as PostgreSQL),
// symbolic differences (age), truncation and field extraction.
#pragma once

#include <string>

#include "daemon/types/io_context.h"
#include "daemon/types/numeric.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::functions {

// timestamp + interval; with_zone applies months/days in the session's
// local time (DST-aware) as timestamptz_pl_interval does. 22008 on overflow.
Result<int64_t> AddInterval(int64_t ts, const types::Interval& iv, bool with_zone,
                            const types::IoContext& io);
types::Interval NegateInterval(const types::Interval& iv);
// ts1 - ts2 as PostgreSQL's timestamp_mi: days and time (justify_hours).
types::Interval SubtractTimestamps(int64_t a, int64_t b);
// age(a, b): symbolic years/months/days difference.
Result<types::Interval> Age(int64_t a, int64_t b);
Result<types::Interval> MultiplyInterval(const types::Interval& iv, double factor);

// date_trunc('field', ts); 22023 for unknown units, with PostgreSQL's text:
// unit "foo" not recognized for type timestamp without time zone.
Result<int64_t> TruncTimestamp(const std::string& field, int64_t ts, bool with_zone,
                               const types::IoContext& io);
// extract / date_part for timestamps (and dates promoted to midnight).
// `type_name` is for messages. Results as numeric (extract); date_part
// converts to float8.
Result<types::Numeric> ExtractTimestamp(const std::string& field, int64_t ts, bool with_zone,
                                        bool is_date, const types::IoContext& io);
Result<types::Numeric> ExtractInterval(const std::string& field, const types::Interval& iv);
Result<types::Numeric> ExtractTime(const std::string& field, int64_t micros);

// The session's I/O settings with the zone `name` (AT TIME ZONE, timezone(),
// make_timestamptz(..., zone)); bare offsets count POSIX-style ("+05" is
// west). 22023 time zone "x" not recognized.
Result<types::IoContext> WithZoneNamed(const types::IoContext& io, const std::string& name);

}  // namespace db9::functions
