// PostgreSQL's interval text forms: input in postgres, SQL-standard-ish
// and ISO 8601 ("P1Y2M3DT4H") spellings; output in IntervalStyle
// "postgres" ("1 year 2 mons 3 days 04:05:06.5").
#pragma once

#include <string>
#include <string_view>

#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::types {

// 22007 invalid input syntax for type interval: "..." ; 22015 on overflow.
Result<Interval> ParseInterval(std::string_view text);
std::string FormatInterval(const Interval& v);

// Total ordering as PostgreSQL compares intervals: by the span with
// 1 month = 30 days, 1 day = 24 hours.
__int128 IntervalSpan(const Interval& v);

}  // namespace db9::types
