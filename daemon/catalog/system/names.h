// Text names of catalog objects as the reg* input functions and
// to_regclass / to_regtype / pg_get_serial_sequence take them:
// [schema.]name with identifier rules (unquoted parts fold to lower case,
// "quoted" parts keep case and may contain dots).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/system/relations.h"
#include "shared/base/result.h"

namespace db9::catalog::system {

// Splits and unquotes; 42602 `invalid name syntax` on malformed input.
Result<std::vector<std::string>> ParseQualifiedName(std::string_view text);

// The relation (table, index, sequence or system relation) a name denotes,
// searching the path for an unqualified one; nullopt when there is none.
// Errors only on malformed names (42602) and unknown schemas (3F000).
Result<std::optional<RelationEntry>> LookupRelation(const CatalogState& state,
                                                    const std::vector<std::string>& search_path,
                                                    std::string_view text);

// The type a name denotes ("integer", "int4", "character varying(10)",
// "text[]", "pg_catalog.int4"); nullopt when unknown.
std::optional<Oid> LookupTypeName(std::string_view text);

}  // namespace db9::catalog::system
