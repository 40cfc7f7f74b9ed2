// JSON text: the parser both json and jsonb use, and PostgreSQL's string
// escaping. The grammar is RFC 8259 as PostgreSQL's json lexer takes it
// (whitespace: space, tab, newline, carriage return; no leading zeros;
// control characters inside strings must be escaped).
#pragma once

#include <string>
#include <string_view>

#include "daemon/types/json_value.h"
#include "shared/base/result.h"

namespace db9::types {

enum class JsonTarget {
  kJson,   // validate only: numbers stay as written, "\u0000" is allowed
  kJsonb,  // numbers become numeric text (22003 past numeric's range) and
           // "\u0000" is 22P05, as jsonb_in does
};

// Parses one JSON document (surrounding whitespace allowed). Errors:
// 22P02 `invalid input syntax for type json` with a detail naming the bad
// token, 22P05 for "\u0000" into jsonb, 54001 past kMaxJsonDepth. Nodes
// carry their byte span in `text`. Objects are NOT normalized: callers
// wanting jsonb call NormalizeJsonb (json keeps duplicates and order).
Result<JsonValue> ParseJson(std::string_view text, JsonTarget target);

// 22P02 (as ParseJson) when `text` is not valid JSON.
Status ValidateJson(std::string_view text);

// A JSON string literal with PostgreSQL's escaping (escape_json).
std::string QuoteJsonString(std::string_view s);
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace db9::types
