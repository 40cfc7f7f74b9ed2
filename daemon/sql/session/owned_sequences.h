// The sequences that belong to a table's columns — serial and identity
// sequences and any made with OWNED BY — which PostgreSQL drops with the
// column or table and restarts on TRUNCATE ... RESTART IDENTITY.
#pragma once

#include <vector>

#include "daemon/catalog/catalog.h"

namespace db9::sql {

// attnum 0: every column of the table.
std::vector<catalog::Sequence> OwnedSequences(const catalog::CatalogState& catalog,
                                              const catalog::Table& table, int16_t attnum = 0);

}  // namespace db9::sql
