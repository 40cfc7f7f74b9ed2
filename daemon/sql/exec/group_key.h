// Byte-string keys that are equal exactly when rows are "not distinct"
// (GROUP BY, DISTINCT, hash joins, set operations): each value is written
// with its type's order-preserving key encoding (equal values encode
// equally), NULL as its own marker.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "daemon/sql/exec/exec_context.h"

namespace db9::sql {

Status AppendGroupKey(const types::TypeRegistry& types, const Value& value, std::string* out);
Result<std::string> GroupKey(const types::TypeRegistry& types, std::span<const Value> row);

}  // namespace db9::sql
