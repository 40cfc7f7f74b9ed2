// Case mapping and code-point helpers for the string functions. Case
// mapping covers ASCII, Latin-1, Latin Extended-A pairs, Greek and Cyrillic,
// which is what lower()/upper() need for common text; other characters
// pass through unchanged.
#pragma once

#include <string>
#include <string_view>

#include "daemon/functions/registries.h"

namespace db9::functions {

std::string ToLowerUtf8(std::string_view s);
std::string ToUpperUtf8(std::string_view s);
// PostgreSQL's initcap: upper-case the first letter of each run of
// alphanumerics, lower-case the rest.
std::string InitCapUtf8(std::string_view s);
// Code point at byte offset `i` (REQUIRES valid UTF-8).
char32_t DecodeUtf8At(std::string_view s, size_t i);
std::string EncodeUtf8(char32_t c);

// quote_literal as PostgreSQL quotes (string_format.cc).
std::string QuoteLiteral(const std::string& s);

// concat, concat_ws, format, quote_ident, quote_literal, || (string_format.cc).
Status RegisterStringFormatting(Registries& r);
// octet_length/bit_length, to_hex, convert_to/from, overlay (string_octets.cc).
Status RegisterStringOctets(Registries& r);

}  // namespace db9::functions
