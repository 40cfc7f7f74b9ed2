// Calendar arithmetic and PostgreSQL's text forms for date, time,
// timestamp and timestamptz (DateStyle ISO). Payloads follow value.h:
// days / microseconds since 2000-01-01, microseconds since midnight.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "daemon/types/io_context.h"
#include "shared/base/result.h"

namespace db9::types {

inline constexpr int64_t kUsecPerSec = 1000000;
inline constexpr int64_t kUsecPerMinute = 60 * kUsecPerSec;
inline constexpr int64_t kUsecPerHour = 60 * kUsecPerMinute;
inline constexpr int64_t kUsecPerDay = 24 * kUsecPerHour;

// PostgreSQL's infinities: timestamps use the int64 extremes, dates the
// int32 extremes (DATEVAL_NOBEGIN / DATEVAL_NOEND).
inline constexpr int64_t kTimestampNegInfinity = std::numeric_limits<int64_t>::min();
inline constexpr int64_t kTimestampInfinity = std::numeric_limits<int64_t>::max();
inline constexpr int64_t kDateNegInfinity = std::numeric_limits<int32_t>::min();
inline constexpr int64_t kDateInfinity = std::numeric_limits<int32_t>::max();

// Valid ranges (PostgreSQL: 4714-11-24 BC .. 5874897-12-31 for date,
// .. 294276-12-31 for timestamps).
bool DateInRange(int64_t days);
bool TimestampInRange(int64_t micros);

// Proleptic Gregorian; year 0 is 1 BC.
int64_t DaysFromCivil(int64_t year, int month, int day);  // since 2000-01-01
void CivilFromDays(int64_t days, int64_t* year, int* month, int* day);
bool ValidCivilDate(int64_t year, int month, int day);
int DaysInMonth(int64_t year, int month);

// Splits a timestamp into days and time of day (time always >= 0).
void SplitTimestamp(int64_t micros, int64_t* days, int64_t* time_of_day);

// Text input. `sql_name` goes into error messages. The literal may name
// a zone ("2024-01-01 10:00+02", "... Europe/Paris"); for timestamp
// without time zone that zone is ignored, as PostgreSQL does.
Result<int64_t> ParseDate(std::string_view text, const IoContext& io, int64_t now_micros);
Result<int64_t> ParseTime(std::string_view text);
Result<int64_t> ParseTimestamp(std::string_view text, bool with_zone, const IoContext& io,
                               int64_t now_micros);

// Text output (ISO DateStyle).
std::string FormatDate(int64_t days);
std::string FormatTime(int64_t micros);
std::string FormatTimestamp(int64_t micros);
std::string FormatTimestamptz(int64_t micros, const IoContext& io);
// "+02", "-03:30", "+05:45:10" as PostgreSQL prints zone offsets.
std::string FormatZoneOffset(int seconds_east);

// Rounds microseconds to `precision` fractional digits (0..6), half away
// from zero like PostgreSQL's AdjustTimestampForTypmod.
int64_t RoundMicros(int64_t micros, int precision);

// The current time as a timestamptz payload.
int64_t NowMicros();

}  // namespace db9::types
