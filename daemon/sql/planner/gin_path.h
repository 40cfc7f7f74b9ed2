// GIN access paths: the conjuncts a GIN index can answer, `column op value`
// (or `value op column` where op has a commutator: '{"a": 1}' <@ doc) with
// a row-independent value and an operator the column's operator class
// serves (catalog/gin_keys.h: @> ? ?| ?& for jsonb_ops, @> for
// jsonb_path_ops, @> <@ && = for array_ops). Every GIN match is lossy, so
// the conjuncts move into the scan as its recheck condition
// (PostgreSQL's Bitmap Heap Scan "Recheck Cond") instead of being dropped.
#pragma once

#include <optional>

#include "daemon/catalog/gin_keys.h"
#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {

struct GinClause {
  size_t column;  // position in the index's columns
  std::string_view opclass;
  catalog::gin::Strategy strategy;
  ExprPtr value;  // row-independent, evaluated at Open
  // As EXPLAIN prints them: "(doc @> '{}'::jsonb)" for the index, and for
  // the recheck the conjunct as written ("('{}'::jsonb <@ doc)").
  std::string index_text, recheck_text;
};

struct GinPath {
  const catalog::Index* index = nullptr;
  std::vector<GinClause> clauses;
  std::vector<ExprPtr> conditions;  // the conjuncts the clauses came from
  std::string index_text, recheck_text;  // the clauses' texts, ANDed
};

// Picks the GIN index that answers the most of `predicates` (conjuncts, as
// ChooseAccessPath leaves them), unless `path` — ChooseAccessPath's choice —
// fixes key columns by equality, which reads fewer rows. On success the
// answered conjuncts leave `predicates`, the ones `path` enforced return to
// them (the GIN scan enforces no range) and `path` becomes the whole table.
std::optional<GinPath> ChooseGinPath(const types::TypeRegistry& types, const catalog::Table& table,
                                     AccessPath* path, std::vector<ExprPtr>* predicates);

}  // namespace db9::sql
