// Helpers the built-in type modules share: PostgreSQL's error messages,
// big-endian wire integers, hashing. Internal to db9_types and modules.
#pragma once

#include <cstdint>
#include <optional>
#include <cstring>
#include <string>
#include <string_view>

#include "daemon/types/type_registry.h"

namespace db9::types {

// 22P02 invalid input syntax for type <sql_name>: "<text>"
Status InvalidInputSyntax(std::string_view sql_name, std::string_view text);
// 22003 value "<text>" is out of range for type <sql_name>
Status OutOfRangeForType(std::string_view sql_name, std::string_view text);
// 22P03 for malformed binary input, e.g. "insufficient data left in message".
Status InvalidBinary(std::string message);

// Big-endian append / read for the binary wire formats.
void PutU16(std::string* out, uint16_t v);
void PutU32(std::string* out, uint32_t v);
void PutU64(std::string* out, uint64_t v);
// Reads from the front of *in and advances; false if too short.
bool GetU16(std::string_view* in, uint16_t* v);
bool GetU32(std::string_view* in, uint32_t* v);
bool GetU64(std::string_view* in, uint64_t* v);

// Whitespace as PostgreSQL's scanner trims it around numbers and booleans.
bool IsPgSpace(char c);
std::string_view TrimPgSpace(std::string_view s);
std::string AsciiLower(std::string_view s);
// PostgreSQL's parse_bool: any unambiguous prefix of true/false/yes/no/
// on/off, or 1/0, any case, surrounding spaces ignored; nullopt otherwise.
std::optional<bool> ParseBoolText(std::string_view text);

uint64_t HashBytes(std::string_view bytes);
uint64_t HashInt(int64_t v);

// Three-way comparison of two arithmetic values or byte strings.
template <typename T>
int Cmp3(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace db9::types
