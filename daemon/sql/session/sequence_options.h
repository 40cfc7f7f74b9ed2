// Sequence options — the list after CREATE SEQUENCE, ALTER SEQUENCE and
// GENERATED ... AS IDENTITY (...) — applied to a catalog::Sequence with
// PostgreSQL's defaults and checks, so the three statements agree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/sql/parser/parser.h"

namespace db9::sql {

struct SequenceOptionsTarget {
  catalog::Sequence* sequence = nullptr;
  // CREATE (or identity): unset MINVALUE/MAXVALUE/START follow the type and
  // the direction; ALTER keeps the current ones.
  bool creating = false;
  // For OWNED BY and SEQUENCE NAME: where names are looked up.
  const catalog::CatalogState* catalog = nullptr;
  const std::vector<std::string>* search_path = nullptr;
  // Set by RESTART [WITH n] (ALTER only).
  std::optional<int64_t> restart;
};

// 22023 for contradictory or out-of-range values (INCREMENT 0, START
// outside the bounds, MINVALUE >= MAXVALUE, a bound outside the type),
// 0A000 for options db9 does not have, 42P01/42703 for an OWNED BY target
// that does not exist.
Status ApplySequenceOptions(const google::protobuf::RepeatedPtrField<pg_query::Node>& options,
                            SequenceOptionsTarget* target);

}  // namespace db9::sql
