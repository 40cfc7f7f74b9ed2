#include "daemon/types/timezone.h"

#include <date/tz.h>

#include <chrono>
#include <cstdlib>

#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

// 2000-01-01 minus 1970-01-01 in seconds.
constexpr int64_t kPgEpochUnixSeconds = 946684800;

// "+05", "-03:30", "+0530": sign, hours, optional minutes and seconds.
// Whether the sign means east or west is the caller's convention.
bool ParseNumericOffset(const std::string& s, int* seconds_east) {
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
  int sign = s[0] == '-' ? -1 : 1;
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 1;
  while (i < s.size() && n < 3) {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
    std::string digits = s.substr(start, i - start);
    if (n == 0 && digits.size() == 4 && i == s.size()) {  // +0530
      parts[0] = std::atoi(digits.substr(0, 2).c_str());
      parts[1] = std::atoi(digits.substr(2).c_str());
      n = 2;
      break;
    }
    if (digits.size() > 2) return false;
    parts[n++] = std::atoi(digits.c_str());
    if (i < s.size()) {
      if (s[i] != ':') return false;
      ++i;
    }
  }
  if (i != s.size() || parts[0] > 15 || parts[1] > 59 || parts[2] > 59) return false;
  *seconds_east = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  return true;
}

}  // namespace

bool ResolveZone(const std::string& name, IoContext* ctx, OffsetConvention convention) {
  std::string lower = AsciiLower(name);
  if (lower == "utc" || lower == "z" || lower == "gmt" || lower == "zulu" || lower == "etc/utc") {
    ctx->zone = nullptr;
    ctx->fixed_offset_seconds = 0;
    return true;
  }
  int offset = 0;
  if (ParseNumericOffset(name, &offset)) {
    ctx->zone = nullptr;
    ctx->fixed_offset_seconds = convention == OffsetConvention::kPosix ? -offset : offset;
    return true;
  }
  try {
    // date/tz reports unknown zones by exception; it stops here.
    const date::time_zone* zone = date::locate_zone(name);
    ctx->zone = zone;
    ctx->fixed_offset_seconds = 0;
    return true;
  } catch (const std::exception&) {
  }
  // Zone names are case-insensitive in PostgreSQL ("europe/berlin").
  try {
    for (const auto& z : date::get_tzdb().zones) {
      if (AsciiLower(z.name()) == lower) {
        ctx->zone = &z;
        ctx->fixed_offset_seconds = 0;
        return true;
      }
    }
  } catch (const std::exception&) {
  }
  return false;
}

Status IoContext::SetTimeZone(const std::string& name) {
  IoContext resolved = *this;
  if (!ResolveZone(name, &resolved, OffsetConvention::kPosix)) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "invalid value for parameter \"TimeZone\": \"" + name + "\"");
  }
  resolved.timezone_name = name;
  *this = std::move(resolved);
  return Status::OK();
}

int ZoneOffsetAtUtc(const IoContext& io, int64_t utc_micros) {
  if (io.zone == nullptr) return io.fixed_offset_seconds;
  int64_t secs = utc_micros / 1000000 - (utc_micros % 1000000 < 0 ? 1 : 0) + kPgEpochUnixSeconds;
  date::sys_seconds tp{std::chrono::seconds(secs)};
  return static_cast<int>(io.zone->get_info(tp).offset.count());
}

int ZoneOffsetForLocal(const IoContext& io, int64_t local_micros) {
  if (io.zone == nullptr) return io.fixed_offset_seconds;
  int64_t secs =
      local_micros / 1000000 - (local_micros % 1000000 < 0 ? 1 : 0) + kPgEpochUnixSeconds;
  date::local_seconds tp{std::chrono::seconds(secs)};
  date::local_info info = io.zone->get_info(tp);
  // PostgreSQL: a time in a DST gap takes the offset before the transition
  // (02:30 becomes 03:30 in spring); an ambiguous time in the autumn
  // overlap takes the offset after it (standard time).
  if (info.result == date::local_info::ambiguous) return static_cast<int>(info.second.offset.count());
  return static_cast<int>(info.first.offset.count());
}

}  // namespace db9::types
