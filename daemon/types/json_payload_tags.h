// The byte values of jsonb's payload format (json_value.h), shared by the
// writer (json_value.cc) and the reader (json_reader.cc). On-disk format:
// never renumber.
#pragma once

#include <cstdint>

namespace db9::types::json_payload {

inline constexpr uint8_t kFormatVersion = 1;
inline constexpr uint8_t kNull = 0, kFalse = 1, kTrue = 2, kNumber = 3, kString = 4, kArray = 5,
                         kObject = 6;

}  // namespace db9::types::json_payload
