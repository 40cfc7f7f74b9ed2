// Path edits shared by jsonb_set, jsonb_insert and #- (PostgreSQL's
// setPath): walk `path` through objects (keys) and arrays (integer
// subscripts, negative from the end) and change the last step.
#pragma once

#include "daemon/functions/builtin/jsonb/json_args.h"

namespace db9::functions::json {

enum class PathEdit {
  kReplace,       // jsonb_set(..., create_if_missing => false)
  kCreate,        // jsonb_set: replace, or add a missing last step
  kInsertBefore,  // jsonb_insert: add; an existing object key is an error
  kInsertAfter,   // jsonb_insert(..., insert_after => true)
  kDelete,        // #-
};

// Edits *doc in place. `value` is ignored for kDelete. A step that does not
// exist (or walks into a scalar) leaves the document unchanged. Errors as
// PostgreSQL: 22004 for a NULL step, 22P02 for a non-integer array step,
// 22023 `cannot replace existing key` for jsonb_insert.
Status EditPath(JsonValue* doc, const Path& path, const JsonValue& value, PathEdit edit);

}  // namespace db9::functions::json
