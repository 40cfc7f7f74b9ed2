// What the json/jsonb functions share: reading json and jsonb arguments,
// text[] paths, making results, and turning any SQL value into JSON the
// way PostgreSQL's to_json/to_jsonb do (datum_to_json / datum_to_jsonb).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/functions/function_context.h"
#include "daemon/types/json_value.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::functions::json {

using types::JsonValue;
using types::Oid;
using types::Value;

// A jsonb argument's tree (XX001 if the payload is corrupt).
Result<JsonValue> JsonbArg(const Value& v);
// A json argument parsed (spans point into v.as_string()).
Result<JsonValue> JsonArg(const Value& v);
// The jsonb Value of a tree (normalized on the way).
Value JsonbResult(JsonValue v);

// A text[] argument as path steps; nullopt for NULL elements.
using Path = std::vector<std::optional<std::string>>;
Result<Path> PathArg(const Value& text_array);

// Array subscript of a path step or -> argument: PostgreSQL reads it with
// strtoint, so only a whole, in-range decimal integer counts.
std::optional<int> ParseIndex(const std::string& step);
// The element at `index` (negative: from the end) or nullptr.
const JsonValue* ArrayAt(const JsonValue& array, int64_t index);

// to_jsonb: `v` of SQL type `type` as a jsonb tree (SQL NULL -> json null).
Result<JsonValue> ToJsonb(FunctionContext& ctx, const Value& v, Oid type);
// to_json: `v` as json text (json inputs verbatim, arrays as [1,2]).
Result<std::string> ToJsonText(FunctionContext& ctx, const Value& v, Oid type);
// The key text of json_build_object/json_object_agg keys: 22023 for NULL
// (`argument N: key must not be null` when position > 0, else `field name
// must not be null`) and for arrays and json, which PostgreSQL refuses.
Result<std::string> KeyText(FunctionContext& ctx, const Value& v, Oid type, int position);

// The argument's SQL type at the call site.
Oid ArgType(const FunctionContext& ctx, std::span<const Value> args, size_t i);

}  // namespace db9::functions::json
