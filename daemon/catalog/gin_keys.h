// GIN terms: the keys a GIN index stores for a value, and the terms a query
// operator asks for. One function pair per operator class, with PostgreSQL's
// semantics (jsonb_gin.c, ginarrayproc.c):
//
//   jsonb_ops       every object key, and every scalar: object values and
//                   array elements flagged by kind, except that string array
//                   elements (and a top-level string) count as keys, as
//                   PostgreSQL flags them, so that `?` finds them. Serves
//                   @> ? ?| ?&.
//   jsonb_path_ops  one hash per scalar of the path of object keys leading
//                   to it (array levels are transparent). Serves @>.
//   array_ops       every distinct non-NULL element; an array with none gets
//                   the "empty" term so that <@ can find it. Serves @> <@ && =.
//
// Terms are prefix-free byte strings (each starts with a kind byte and ends
// self-delimited), so that in an entry key, term + row key suffix, all rows
// of one term form one key range. Every term is lossy — equal terms do not
// prove a match (hashes, nested keys, NULL elements) — so a scan always
// re-checks the operator on the row.
//
// Entry layout (docs/storage-format.md, "GIN indexes"):
//   key   = IndexKeyPrefix(index) + u8 index column + term + row key suffix
//   value = row key suffix
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/catalog_objects.h"
#include "daemon/types/type_registry.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::catalog::gin {

// What an indexable operator asks of its terms.
enum class Strategy {
  kContains,     // @>
  kContainedBy,  // <@ (array_ops)
  kOverlap,      // && (array_ops)
  kEqual,        // =  (array_ops)
  kExists,       // ?  (jsonb_ops)
  kExistsAny,    // ?| (jsonb_ops)
  kExistsAll,    // ?& (jsonb_ops)
};

// The strategy operator `op` (by name, with that right operand type) has in
// operator class `opclass`; nullopt when the class does not serve it.
std::optional<Strategy> StrategyOf(std::string_view opclass, std::string_view op, Oid right_type);

// The sorted, distinct terms of a non-NULL stored value. XX001 on a
// damaged payload; 42883 for array elements of a type without a key
// encoding (json), as PostgreSQL fails to compare them.
Status ValueTerms(const types::TypeRegistry& types, std::string_view opclass, const types::Value& value,
                  std::vector<std::string>* out);

// The rows a query value can match, as a combination of term ranges.
struct Query {
  enum class Match {
    kAllTerms,  // rows having every term (intersection)
    kAnyTerm,   // rows having at least one term (union)
    kEveryRow,  // the terms constrain nothing ('{}' or '[]' for @>): scan all
    kNoRow,     // nothing can match (?| with no keys, a NULL query)
  };
  Match match = Match::kNoRow;
  std::vector<std::string> terms;  // sorted, distinct
};

// REQUIRES: `strategy` came from StrategyOf(opclass, ...) for `query`'s type.
Result<Query> QueryTerms(const types::TypeRegistry& types, std::string_view opclass, Strategy strategy,
                         const types::Value& query);

// The key prefix every entry of `term` in column `column` of `index` starts with.
std::string TermKeyPrefix(Oid index_oid, size_t column, std::string_view term);

}  // namespace db9::catalog::gin
