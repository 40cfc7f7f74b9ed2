// UTF-8 helpers for the string types and string functions. The server
// encoding is UTF8, as PostgreSQL's default; lengths count characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/base/status.h"

namespace db9::types {

// 22021 invalid byte sequence for encoding "UTF8": 0xff (also for NUL).
Status ValidateUtf8(std::string_view s);
// Number of characters; REQUIRES valid UTF-8.
size_t Utf8Length(std::string_view s);
// Byte offset of character `chars` (clamped to s.size()).
size_t Utf8Offset(std::string_view s, size_t chars);
// The length in bytes of the character starting with `lead`.
size_t Utf8CharLen(unsigned char lead);

}  // namespace db9::types
