// Helpers shared by pg_constraint, pg_get_constraintdef and
// information_schema: which index backs a foreign key, and column names.
#pragma once

#include <string>
#include <vector>

#include "daemon/catalog/catalog.h"

namespace db9::catalog::system {

// The unique index of the referenced table whose columns are exactly the
// foreign key's referenced columns (PostgreSQL's conindid for an FK); 0 when
// the referenced table is gone.
Oid ForeignKeyIndex(const CatalogState& state, const Constraint& fk);

// The names of `attnums` in `table`, "?" for an unknown attnum.
std::vector<std::string> ColumnNames(const Table& table, const std::vector<int16_t>& attnums);

}  // namespace db9::catalog::system
