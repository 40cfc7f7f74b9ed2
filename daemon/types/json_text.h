// JSON text checks and jsonb's normalized form. jsonb's Value payload is
// the text PostgreSQL's jsonb_out prints: object keys sorted (shorter keys
// first, then bytewise), duplicate keys resolved to the last value, numbers
// in numeric's canonical form, ", " and ": " separators. Output is the
// payload; jsonb_send is the version byte 1 followed by it.
#pragma once

#include <string>
#include <string_view>

#include "shared/base/result.h"

namespace db9::types {

// 22P02 invalid input syntax for type json (with a detail) when `text` is
// not valid JSON. `type_name` is "json" or "jsonb" for the message.
Status ValidateJson(std::string_view text, std::string_view type_name);
Result<std::string> NormalizeJsonb(std::string_view text);
// A JSON string literal with PostgreSQL's escaping (escape_json).
std::string QuoteJsonString(std::string_view s);

}  // namespace db9::types
